/**
 * Claims across outlets. Each sentence is a telling with its content terms (src/stories/terms: lower-cased,
 * plurals folded, numbers normalised), weighted by how rare they are in general news (document frequencies of
 * Reuters-21578 + BBC, models/story-df.json), its named entities, and its typed values (counts with their noun,
 * vote tallies, amounts of money, explicitly written calendar days).
 *
 *   align      tellings of different outlets are aligned when they share enough rare content
 *   agree      an aligned group told by two or more outlets, ranked by how many outlets tell it and how much
 *              they share: the story's central facts come first; its statement is the best-supported sentence,
 *              trimmed to the clause that carries what the others share
 *   conflict   only inside a strongly aligned group (the same event), only in the outlets' own voice, and only
 *              when a slot has incompatible values: two exact counts of the same noun, two vote tallies, two
 *              amounts of the same noun that are not approximations of one figure, two explicitly written days,
 *              or the same verb on the same actor affirmed by one and negated by the other. Days this tool
 *              resolved ("Monday", "Jan. 6" without a year) never make a conflict; rounded figures never do.
 *   unique     a fact-bearing sentence no other outlet tells
 *
 * Teasers are listed as silent, never as disagreeing; duplicates (wire copies) are left out so agreement is not
 * counted twice.
 */
import type { Claim, ClaimEvidence, Span, TimeRef } from '../model.js';
import { RangeIndex } from '../spans.js';
import { backgroundFrequencies, storyTerms } from '../stories/index.js';
import { claimsLexicon, entitiesOf, inside, tokensIn, wordsOf, type Word } from './text.js';
import type { CompareUnit } from './units.js';

/** A typed value of a telling, with the words it was read from. */
interface SlotValue {
  /** what the value is of: `count:republican`, `tally`, `money:offer`, `day` */
  slot: string;
  /** normalised value: `67`, `285-120`, `928000000000`, `10-05` */
  value: string;
  /** a hedged or rounded figure ("nearly", "about", "more than") is compatible with any figure close to it */
  approximate: boolean;
  text: string;
  /** the figure's words with the hedge before it ("nearly $1 trillion"), as a span of the article */
  span?: Span;
}

/** One sentence of one article, with what aligning needs. */
interface Telling {
  unit: CompareUnit;
  span: Span;
  words: Word[];
  terms: Set<string>;
  /** the terms' ids (`termId`), in the order of `terms` */
  ids: Int32Array;
  weight: number;
  entities: Set<string>;
  values: SlotValue[];
  /** more than half its words are inside quotation marks or direct quotes */
  quoted: boolean;
  /** its position in the article (0 = lead) */
  index: number;
  /** day-precision values of its date expressions (`2021-05-27`, `XXXX-01-23`), resolved ones included */
  days: string[];
}

let background: { docs: number; df: Map<string, number> } | null = null;
const idfs = new Map<string, number>();

/** How rare a term is in general news: ln((N + 1) / (df + 1)); a term never seen there weighs most. */
function idf(term: string): number {
  let v = idfs.get(term);
  if (v === undefined) {
    background ??= backgroundFrequencies();
    v = Math.log((background.docs + 1) / ((background.df.get(term) ?? 0) + 1));
    idfs.set(term, v);
  }
  return v;
}

/**
 * Terms numbered once per process, with their IDF beside them: aligning a large story counts shared terms in
 * typed arrays indexed by these ids instead of maps keyed by strings.
 */
const termIds = new Map<string, number>();
let termIdf = new Float64Array(4096);
/** per term id, the mark of the telling last stamped (`alignScore`) */
let termMark = new Int32Array(4096);
let markGeneration = 0;

function termId(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termIds.size;
    termIds.set(term, id);
    if (id >= termIdf.length) {
      const idfGrown = new Float64Array(termIdf.length * 2);
      idfGrown.set(termIdf);
      termIdf = idfGrown;
      const markGrown = new Int32Array(termMark.length * 2);
      markGrown.set(termMark);
      termMark = markGrown;
    }
    termIdf[id] = idf(term);
  }
  return id;
}

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, mln: 1e6, billion: 1e9, bln: 1e9, trillion: 1e12 };

/** Typed values of a sentence's words: vote tallies, counts with their noun, money with its noun, written days. */
function valuesOf(words: Word[], text: string, u: CompareUnit, span: Span, times: readonly TimeRef[] = u.times): SlotValue[] {
  const lex = claimsLexicon();
  const out: SlotValue[] = [];
  const approx = new Set(lex.approximators);
  const nouns = new Set(tokensIn(u.doc, span.start, span.end).filter((k) => k.pos === 'NOUN' || k.pos === 'PROPN').map((k) => k.start));
  const hedged = (i: number): boolean => {
    for (let k = Math.max(0, i - 3); k < i; k++) {
      const two = `${words[k].lower} ${words[k + 1]?.lower ?? ''}`;
      if (approx.has(words[k].lower) || approx.has(two)) return true;
    }
    return false;
  };
  const nounAfter = (i: number): string | null => {
    // The first lower-case or capitalised content word after the figure, past adjectives the lexicon lists.
    for (let k = i + 1; k < Math.min(words.length, i + 4); k++) {
      const w = words[k].lower;
      if (!/^\p{L}/u.test(w) || lex.valueModifiers.includes(w)) continue;
      if (!nouns.has(words[k].start)) return null;
      // The whole noun run is the slot: "two Republican nominees" and "five Republicans" count different things.
      let h = k;
      while (h + 1 < words.length && nouns.has(words[h + 1].start)) h++;
      return storyTerms(words.slice(k, h + 1).map((x) => x.lower).join(' ')).join(' ') || null;
    }
    return null;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // Vote tallies: "285-120", "94-1", "285 to 120".
    const tally = /^(\d{1,3})[-–](\d{1,3})$/.exec(w.text) ?? (/^\d{1,3}$/.test(w.text) && words[i + 1]?.lower === 'to' && /^\d{1,3}$/.test(words[i + 2]?.text ?? '') ? [w.text, w.text, words[i + 2].text] : null);
    if (tally && Number(tally[1]) >= Number(tally[2])) {
      const last = tally[0] === w.text && words[i + 1]?.lower === 'to' ? i + 2 : i;
      out.push({ slot: 'tally', value: `${tally[1]}-${tally[2]}`, approximate: false, text: text.slice(w.start, words[last].end) });
      i = last;
      continue;
    }
    const number = /^\d+(?:[.,]\d+)*$/.test(w.text) ? Number(w.text.replace(/,/g, '')) : lex.numberWords[w.lower];
    if (number === undefined || Number.isNaN(number)) continue;
    if (/^(19|20)\d\d$/.test(w.text)) continue;
    const before = text.slice(Math.max(0, w.start - 1), w.start);
    // Shares ("37% of adults") measure many different things in one story (one dose, fully vaccinated): no slot.
    if (/^\s*(%|percent|per cent)/u.test(text.slice(w.end, w.end + 9))) continue;
    const scaleWord = words[i + 1]?.lower ?? '';
    const scale = SCALES[scaleWord];
    const end = scale ? i + 1 : i;
    const noun = nounAfter(end);
    const isMoney = before === '$' || /^(dollars?|euros?|pounds?)$/.test(words[end + 1]?.lower ?? '');
    const value = String(number * (scale ?? 1));
    // The hedge words before the figure belong to its wording ("more than $920 billion").
    let from = w.start - 1;
    for (let k = Math.max(0, i - 2); k < i; k++) {
      const two = `${words[k].lower} ${words[k + 1]?.lower ?? ''}`;
      if (approx.has(words[k].lower) || approx.has(two)) {
        from = words[k].start;
        break;
      }
    }
    if (isMoney) out.push({ slot: `money:${noun ?? ''}`, value, approximate: hedged(i) || number % 1 !== 0 || !!scale, text: text.slice(w.start - 1, words[end].end), span: { article: span.article, start: from, end: words[end].end } });
    else if (noun && number > 1) out.push({ slot: `count:${noun}`, value, approximate: hedged(i), text: text.slice(w.start, words[Math.min(words.length - 1, end + 1)].end) });
  }
  // Calendar days written with their month in the text ("Oct. 5"), never a weekday or a day without a month.
  for (const t of times) {
    if (t.span.start < span.start || t.span.end > span.end || t.type !== 'DATE' || !t.value) continue;
    if (!t.known.includes('month') || !t.known.includes('day')) continue;
    const m = /^(?:\d{4}|XXXX)-(\d\d)-(\d\d)$/.exec(t.value);
    if (m) out.push({ slot: 'day', value: `${m[1]}-${m[2]}`, approximate: t.mod !== undefined, text: t.text });
  }
  return out;
}

const tellingCache = new WeakMap<CompareUnit, Telling[]>();

/** The tellings of a unit, computed once (claims and framing both align on them). */
function tellingsOf(u: CompareUnit): Telling[] {
  let cached = tellingCache.get(u);
  if (!cached) {
    cached = computeTellings(u);
    tellingCache.set(u, cached);
  }
  return cached;
}

function computeTellings(u: CompareUnit): Telling[] {
  const text = u.doc.article.text;
  // each sentence looks only at the times near it, not at every time of the article
  const timeIndex = new RangeIndex(u.times.map((t) => t.span));
  return u.doc.sentences.map((s, index) => {
    const near = timeIndex.overlapping(s.start - 1, s.end + 1).map((k) => u.times[k]);
    const span = { article: u.doc.article.id, start: s.start, end: s.end };
    const words = wordsOf(text, s.start, s.end);
    const terms = new Set(storyTerms(text.slice(s.start, s.end)));
    let weight = 0;
    for (const t of terms) weight += idf(t);
    const entities = new Set(entitiesOf(words).map((e) => e.key));
    const quotedWords = words.filter((w) => inside(u.quoted, w.start, w.end)).length;
    const days = near.filter((t) => t.type === 'DATE' && t.value && /^(\d{4}|XXXX)-\d\d-\d\d$/.test(t.value) && t.span.start >= s.start && t.span.end <= s.end).map((t) => t.value as string);
    const ids = Int32Array.from(terms, termId);
    return { unit: u, span, words, terms, ids, weight, entities, values: valuesOf(words, text, u, span, near), quoted: quotedWords > words.length / 2, index, days };
  });
}

/** Shared rare content of two tellings: the weighted overlap (Ochiai over IDF weights) and what they share. */
function similarity(a: Telling, b: Telling): { score: number; shared: string[] } {
  const shared: string[] = [];
  let common = 0;
  for (const t of a.terms) {
    if (!b.terms.has(t)) continue;
    shared.push(t);
    common += idf(t);
  }
  const score = a.weight && b.weight ? common / Math.sqrt(a.weight * b.weight) : 0;
  return { score, shared };
}

/** Alignment thresholds: at least this weighted overlap, this many shared terms, this much shared rare content. */
const ALIGN = { score: 0.2, terms: 2, weight: 9 };
/** The stronger overlap at which two tellings report one event, so that a differing value is a conflict. */
const SAME_EVENT = 0.35;

/**
 * How strongly two tellings align (their similarity), or 0 below the thresholds. The shared weight is summed in
 * `a`'s term order, as `similarity(a, b)` sums it, so the score is the same number to the last bit.
 */
function aligned(a: Telling, b: Telling): number {
  const gen = ++markGeneration;
  for (let k = 0; k < b.ids.length; k++) termMark[b.ids[k]] = gen;
  let shared = 0;
  let common = 0;
  for (let k = 0; k < a.ids.length; k++) {
    const id = a.ids[k];
    if (termMark[id] !== gen) continue;
    shared++;
    common += termIdf[id];
  }
  // (wrapping after 2^31 stamps would make an old mark look current)
  if (markGeneration >= 0x7fffffff) {
    termMark.fill(0);
    markGeneration = 0;
  }
  if (shared < ALIGN.terms) return 0;
  const score = a.weight && b.weight ? common / Math.sqrt(a.weight * b.weight) : 0;
  if (score < ALIGN.score) return 0;
  return common >= ALIGN.weight ? score : 0;
}

/** A telling aligned with another, and how strongly (`aligned`, above 0). */
interface Neighbour {
  t: Telling;
  score: number;
}

/** The tellings of a set of units and, for each, the tellings of other outlets' articles it aligns with. */
interface Alignment {
  live: CompareUnit[];
  tellings: Telling[][];
  /** for each telling, in the order its shared terms meet them (its terms in order, then by article and sentence) */
  neighbours: Map<Telling, Neighbour[]>;
}

/**
 * The most term visits aligning may spend per indexed term occurrence of a story, on average. A term in L
 * sentences makes L² visits; the terms a very large story uses everywhere (its own subject: "vaccine" in
 * thousands of sentences) would make the work grow with the square of the story. Past this budget the terms with
 * the longest lists stop proposing candidates (they still count in the similarity of the pairs that other shared
 * terms propose), so the work is at most this many visits per term occurrence: linear in the story's size. It
 * bites only on stories of hundreds of articles in one story (from about 270 of PolNeAR's): the stories of the
 * development sets and of PolNeAR train spend at most 41 visits per occurrence, and no term is dropped there.
 */
const VISITS_PER_OCCURRENCE = 100;
/**
 * The aligned tellings a story keeps: every one up to `MIN_NEIGHBOURS` in all, past that `NEIGHBOURS_PER_TELLING`
 * per telling on average. Framing compares wording along every aligned pair, and in a very large story a lead
 * sentence aligns with a sentence of nearly every article, so the pairs grow with the square of the story. Past
 * the budget each telling keeps its strongest few (one cap for all, the largest that fits), so the pairs grow
 * linearly. The floor keeps dense stories of a few dozen articles whole (a PolNeAR train story of 844 sentences
 * keeps 36 per sentence, 30,000 in all); the budget bites only on stories of hundreds of articles (a 250-article
 * story of PolNeAR keeps 30 per sentence, 241,000 in all, and is cut): on the development stories and PolNeAR
 * train no list is cut.
 */
const MIN_NEIGHBOURS = 100_000;
const NEIGHBOURS_PER_TELLING = 16;

const alignments = new WeakMap<readonly CompareUnit[], Alignment>();

/**
 * The alignment of a set of units, computed once (claims and framing both read it; the units array is not
 * changed after it is built). Candidates come from an inverted index of the tellings' terms: tellings that share
 * at least `ALIGN.terms` terms, then scored. Claims align only within one story: when every article has its story,
 * each story is indexed alone, which finds the same pairs in the same order as one index over all of them.
 */
function alignmentOf(units: readonly CompareUnit[]): Alignment {
  const cached = alignments.get(units);
  if (cached) return cached;
  const live = units.filter((u) => !u.duplicateOf);
  const tellings = live.map(tellingsOf);
  const storied = live.every((u) => u.story !== null);
  const parts = new Map<string, number[]>();
  live.forEach((u, k) => {
    const key = storied ? (u.story as string) : '';
    const list = parts.get(key);
    if (list) list.push(k);
    else parts.set(key, [k]);
  });
  const neighbours = new Map<Telling, Neighbour[]>();
  for (const members of parts.values()) alignPart(members.map((k) => tellings[k]), neighbours);
  const out = { live, tellings, neighbours };
  alignments.set(units, out);
  return out;
}

/** Aligns the tellings of one story (per article, in article order) into `neighbours`. */
function alignPart(part: Telling[][], neighbours: Map<Telling, Neighbour[]>): void {
  const flat = part.flat();
  const unitOf = new Int32Array(flat.length);
  const outletOf = new Int32Array(flat.length);
  const outlets = new Map<string, number>();
  let at = 0;
  part.forEach((own, k) => {
    for (const t of own) {
      unitOf[at] = k;
      let o = outlets.get(t.unit.outlet.key);
      if (o === undefined) outlets.set(t.unit.outlet.key, (o = outlets.size));
      outletOf[at++] = o;
    }
  });
  // term id → the tellings holding it, in article order then sentence order
  const postings = new Map<number, number[]>();
  flat.forEach((t, k) => {
    for (const id of t.ids) {
      const list = postings.get(id);
      if (list) list.push(k);
      else postings.set(id, [k]);
    }
  });
  let occurrences = 0;
  let visits = 0;
  for (const list of postings.values()) {
    occurrences += list.length;
    visits += list.length * list.length;
  }
  const budget = VISITS_PER_OCCURRENCE * occurrences;
  if (visits > budget) {
    // The longest lists first (the lower id first among equals, so the choice does not depend on map order).
    const longest = [...postings].sort((x, y) => y[1].length - x[1].length || x[0] - y[0]);
    for (const [id, list] of longest) {
      if (visits <= budget) break;
      visits -= list.length * list.length;
      postings.delete(id);
    }
  }
  const lists = new Map<number, Int32Array>();
  for (const [id, list] of postings) lists.set(id, Int32Array.from(list));
  const counts = new Int32Array(flat.length);
  const touched: number[] = [];
  // Every telling's aligned tellings in three flat arrays (its entries from `starts[i]`, in the order its terms
  // meet them): a huge story's pairs are counted before any is kept, without an object per pair.
  const starts = new Int32Array(flat.length + 1);
  let targets = new Int32Array(1024);
  let scores = new Float64Array(1024);
  let total = 0;
  for (let i = 0; i < flat.length; i++) {
    const t = flat[i];
    const unit = unitOf[i];
    const outlet = outletOf[i];
    for (const id of t.ids) {
      const list = lists.get(id);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const p = list[k];
        // the article's own sentences and its outlet's other articles never align with it
        if (unitOf[p] === unit || outletOf[p] === outlet) continue;
        if (counts[p]++ === 0) touched.push(p);
      }
    }
    for (const p of touched) {
      if (counts[p] >= ALIGN.terms) {
        const score = aligned(t, flat[p]);
        if (score > 0) {
          if (total === targets.length) {
            const moreTargets = new Int32Array(total * 2);
            moreTargets.set(targets);
            targets = moreTargets;
            const moreScores = new Float64Array(total * 2);
            moreScores.set(scores);
            scores = moreScores;
          }
          targets[total] = p;
          scores[total++] = score;
        }
      }
      counts[p] = 0;
    }
    touched.length = 0;
    starts[i + 1] = total;
  }
  const allowed = Math.max(MIN_NEIGHBOURS, NEIGHBOURS_PER_TELLING * flat.length);
  const degrees = new Int32Array(flat.length);
  for (let i = 0; i < flat.length; i++) degrees[i] = starts[i + 1] - starts[i];
  const cap = total <= allowed ? Infinity : fanOutCap(degrees, allowed);
  for (let i = 0; i < flat.length; i++) {
    const found: Neighbour[] = [];
    for (let k = starts[i]; k < starts[i + 1]; k++) found.push({ t: flat[targets[k]], score: scores[k] });
    if (found.length <= cap) {
      neighbours.set(flat[i], found);
      continue;
    }
    // the strongest, in the order they were met (the earlier among equal scores)
    const strongest = new Set([...found].sort((x, y) => y.score - x.score).slice(0, cap));
    neighbours.set(flat[i], found.filter((n) => strongest.has(n)));
  }
}

/**
 * The largest per-telling cap under which the tellings keep at most `allowed` aligned tellings in all (each keeps
 * its own number when under the cap).
 *
 * @example
 * ```ts
 * fanOutCap(Int32Array.of(1, 2, 3, 100), 10); // 4: 1 + 2 + 3 + 4
 * ```
 */
export function fanOutCap(degrees: Int32Array, allowed: number): number {
  const sorted = Int32Array.from(degrees).sort();
  // With cap c, the n - k tellings from the k-th (ascending) on keep c each and the first k keep their own.
  let below = 0;
  for (let k = 0; k < sorted.length; k++) {
    const rest = sorted.length - k;
    // the cap can reach the next degree only if the rest all keeping it fits
    if (below + rest * sorted[k] > allowed) return Math.max(1, Math.floor((allowed - below) / rest));
    below += sorted[k];
  }
  return sorted.length ? sorted[sorted.length - 1] : 1;
}

/**
 * `aligned(a, b)` for tellings of one alignment, read from `a`'s neighbours (0 when `b` is not among them: below
 * the budgets that is exactly `aligned`; in a story over them, a pair cut from `a`'s list counts as not aligned).
 */
function alignedIn(alignment: Alignment, a: Telling, b: Telling, lookups: Map<Telling, Map<Telling, number>>): number {
  let byTelling = lookups.get(a);
  if (!byTelling) {
    byTelling = new Map((alignment.neighbours.get(a) ?? []).map((n) => [n.t, n.score]));
    lookups.set(a, byTelling);
  }
  return byTelling.get(b) ?? 0;
}

function evidence(t: Telling, value: string | null, polarity: ClaimEvidence['polarity']): ClaimEvidence {
  return { article: t.span.article, outlet: t.unit.outlet.key, span: t.span, quoted: t.quoted, value, polarity };
}

/** Longest statement shown, in characters: past it the sentence is cut at a clause boundary. */
const STATEMENT_CHARS = 220;

/**
 * A readable statement of a group: its best-supported sentence (the one most like the others), with a leading
 * subordinate clause dropped when the rest carries what the others share ("In an attempt to ..., Senate
 * Republicans unveiled ...") and cut at a clause boundary when long.
 */
function statementOf(group: Telling[], taken: ReadonlySet<Telling> = new Set()): { text: string; from: Telling } | null {
  const support = (t: Telling): number => group.reduce((s, o) => (o === t ? s : s + similarity(t, o).score), 0) - (t.quoted ? 0.05 : 0);
  const best = group.filter((t) => !taken.has(t)).sort((a, b) => support(b) - support(a))[0];
  if (!best) return null;
  const others = group.filter((g) => g !== best);
  const sharedWith = (w: Word): boolean => others.some((o) => storyTerms(w.lower).some((t) => o.terms.has(t)));
  const text = best.unit.doc.article.text;
  let start = best.span.start;
  let end = best.span.end;
  const words = best.words;
  // A leading clause set off by a comma, holding none of the shared words, is context, not the fact.
  const comma = words.findIndex((w) => w.text === ',');
  const opener = claimsLexicon().leadClauseOpeners.includes(words[0]?.lower ?? '');
  if (opener && comma > 0 && comma < words.length - 5 && !words.slice(0, comma).some(sharedWith) && words.slice(comma + 1).some(sharedWith)) {
    start = words[comma + 1].start;
  }
  if (end - start > STATEMENT_CHARS) {
    // The last clause break before the limit after which nothing shared follows is a clean place to stop.
    const breaks = words.filter((w) => w.start > start + 60 && w.start < start + STATEMENT_CHARS && /^[,;:\u2013\u2014]$/.test(w.text));
    const cut = breaks.length ? breaks[breaks.length - 1].start : null;
    if (cut !== null) end = cut;
  }
  let shown = text.slice(start, end).replace(/\s+/g, ' ').trim().replace(/[,;:\s\u2013\u2014-]+$/u, '');
  shown = shown.charAt(0).toUpperCase() + shown.slice(1);
  if (end < best.span.end && !/[.!?]$/.test(shown)) shown += ' …';
  return { text: shown, from: best };
}

/**
 * Incompatible values of one slot between two tellings of the same event, or null. Approximations are
 * compatible with any figure within a fifth of them ("nearly $1 trillion" and "$928 billion"); different
 * precisions of one figure never conflict.
 */
function slotConflict(a: Telling, b: Telling): { slot: string; a: SlotValue; b: SlotValue } | null {
  for (const x of a.values) {
    const same = b.values.filter((y) => y.slot === x.slot);
    // A value the other telling also gives is agreement; a slot with several values in one sentence is ambiguous.
    if (!same.length || same.some((y) => y.value === x.value)) continue;
    if (a.values.filter((v) => v.slot === x.slot).length > 1 || same.length > 1) continue;
    const y = same[0];
    if (x.slot.endsWith(':')) continue;
    if (x.slot.startsWith('money:') || x.slot.startsWith('count:')) {
      const [p, q] = [Number(x.value), Number(y.value)];
      if (x.approximate || y.approximate) {
        if (Math.abs(p - q) <= 0.2 * Math.max(p, q)) continue;
      }
      // One figure with more digits than the other is the same figure told more exactly ($138.7 vs $138 million).
      if (Math.abs(p - q) < 0.01 * Math.max(p, q)) continue;
    }
    if (x.slot === 'day' && (x.approximate || y.approximate)) continue;
    return { slot: x.slot, a: x, b: y };
  }
  return null;
}

/**
 * The verbs of a telling in the outlet's own voice (not inside quotes or reported speech), each with whether it
 * is denied and the named actor nearest before it in its clause. A negation or refusal ("not", "never",
 * "declined", "failed") denies every verb after it in its clause ("failed to garner enough votes to override");
 * a comma, semicolon or relative pronoun ends the clause.
 */
const polaritiesCache = new WeakMap<Telling, ReadonlyMap<string, { polarity: 'affirmed' | 'denied'; actor: string | null }>>();

/** `verbPolarities`, once per telling: a telling is compared with every other member of its groups. */
function verbPolaritiesOf(t: Telling): ReadonlyMap<string, { polarity: 'affirmed' | 'denied'; actor: string | null }> {
  let found = polaritiesCache.get(t);
  if (!found) {
    found = verbPolarities(t);
    polaritiesCache.set(t, found);
  }
  return found;
}

function verbPolarities(t: Telling): Map<string, { polarity: 'affirmed' | 'denied'; actor: string | null }> {
  const lex = claimsLexicon();
  const negation = new Set(lex.negation);
  const refusal = new Set(lex.refusal);
  const hedges = new Set(lex.hedges);
  const text = t.unit.doc.article.text;
  const out = new Map<string, { polarity: 'affirmed' | 'denied'; actor: string | null }>();
  const ambiguous = new Set<string>();
  const entities = entitiesOf(t.words);
  const toks = tokensIn(t.unit.doc, t.span.start, t.span.end);
  let denied = false;
  let hedged = false;
  let clauseStart = t.span.start;
  for (const k of toks) {
    const w = text.slice(k.start, k.end).toLowerCase().replace(/’/g, "'");
    if (/^[,;:(\u2013\u2014]$/.test(w) || /^(that|which|who|whom|whose|but|and|or|after|before|while|because|when)$/.test(w)) {
      denied = false;
      hedged = false;
      clauseStart = k.end;
      continue;
    }
    if (negation.has(w) || w.endsWith("n't") || refusal.has(w)) denied = true;
    if (hedges.has(w)) hedged = true;
    if (k.pos !== 'VERB' || hedged || refusal.has(w) || inside(t.unit.quoted, k.start, k.end) || inside(t.unit.reported, k.start, k.end)) continue;
    const stem = storyTerms(w)[0];
    if (!stem) continue;
    const actor = [...entities].reverse().find((e) => e.end <= k.start && e.start >= clauseStart)?.key ?? null;
    const polarity = denied ? 'denied' : 'affirmed';
    // A verb used both ways in one sentence says nothing about which way the sentence goes.
    if (out.has(stem) && out.get(stem)?.polarity !== polarity) ambiguous.add(stem);
    out.set(stem, { polarity, actor });
  }
  for (const a of ambiguous) out.delete(a);
  return out;
}

/** The same verb with the same named actor before it, affirmed in one telling and denied in the other. */
function polarityConflict(a: Telling, b: Telling): { verb: string; a: 'affirmed' | 'denied'; b: 'affirmed' | 'denied' } | null {
  const pb = verbPolaritiesOf(b);
  for (const [verb, x] of verbPolaritiesOf(a)) {
    const y = pb.get(verb);
    if (y && x.actor !== null && x.actor === y.actor && y.polarity !== x.polarity) return { verb, a: x.polarity, b: y.polarity };
  }
  return null;
}

/**
 * Articles of different stories neither agree nor conflict. Without grouped stories, articles more than this many
 * days apart are taken for different stories.
 */
const STORY_GAP_DAYS = 60;

function sameStory(a: CompareUnit, b: CompareUnit): boolean {
  if (a.story !== null && b.story !== null) return a.story === b.story;
  if (!a.anchor || !b.anchor) return true;
  return Math.abs(Date.parse(a.anchor) - Date.parse(b.anchor)) / 86_400_000 <= STORY_GAP_DAYS;
}

/** Whether the sentence has a finite verb (a statement, not a caption, heading or list of names). */
function hasVerb(t: Telling): boolean {
  return tokensIn(t.unit.doc, t.span.start, t.span.end).some((k) => k.pos === 'VERB' || k.pos === 'AUX');
}

/**
 * How much a fact told by one outlet only is worth listing: its rare content is the story's (other outlets use
 * it), it names an actor, it gives a value; background (far from the story's words) and chrome score low.
 */
function uniqueWorth(t: Telling, otherTerms: { has(term: string): boolean }): number {
  let on = 0;
  for (const x of t.terms) if (otherTerms.has(x)) on += idf(x);
  return (t.weight ? on / t.weight : 0) + (t.values.length ? 0.25 : 0) + (t.entities.size ? 0.15 : 0) - (t.quoted ? 0.1 : 0) - 0.02 * t.index;
}

/** Unique facts listed per article at most: the few a reader wants, not every sentence nobody else wrote. */
const UNIQUE_PER_ARTICLE = 3;
/** Agreements listed at most: the story's central facts, not every pair of sentences that share a name. */
const MAX_AGREEMENTS = 8;

/** Two sentences of different outlets that tell the same fact, with how much rare content they share. */
export interface AlignedPair {
  a: { unit: CompareUnit; span: Span };
  b: { unit: CompareUnit; span: Span };
  score: number;
}

/** One outlet's wording of a sum of money, with the hedge it gives it. */
export interface FigureWording {
  outlet: string;
  article: string;
  value: number;
  approximate: boolean;
  span: Span;
}

/**
 * The sums of money each outlet gives in its own voice, for framing: where outlets give one figure with
 * different precision or hedges ("roughly $928 billion" / "more than $920 billion" / "nearly $1 trillion"),
 * the rounding carries emphasis. Groups of figures within a fifth of each other, from two or more outlets,
 * written differently.
 *
 * @example
 * ```ts
 * figureWordings(units).map((g) => g.map((f) => f.span));
 * ```
 */
export function figureWordings(units: CompareUnit[]): FigureWording[][] {
  const all: FigureWording[] = [];
  for (const u of units) {
    if (u.duplicateOf) continue;
    for (const t of tellingsOf(u)) {
      for (const v of t.values) {
        if (!v.slot.startsWith('money:') || !v.span || inside(u.quoted, v.span.start, v.span.end)) continue;
        all.push({ outlet: u.outlet.key, article: u.doc.article.id, value: Number(v.value), approximate: v.approximate, span: v.span });
      }
    }
  }
  const groups: FigureWording[][] = [];
  const used = new Set<FigureWording>();
  const text = (f: FigureWording): string => units.find((u) => u.doc.article.id === f.article)?.doc.article.text.slice(f.span.start, f.span.end).toLowerCase() ?? '';
  for (const f of all) {
    if (used.has(f)) continue;
    const near = all.filter((g) => !used.has(g) && Math.abs(g.value - f.value) <= 0.2 * Math.max(g.value, f.value));
    // One wording per outlet: its first.
    const perOutlet = [...new Map(near.map((g) => [g.outlet, g] as const)).values()];
    perOutlet.forEach((g) => used.add(g));
    if (perOutlet.length < 2 || new Set(perOutlet.map(text)).size < 2) continue;
    groups.push(perOutlet);
  }
  return groups;
}

/**
 * Every pair of sentences of different outlets (of one story) that align, strongest first: what framing
 * compares wording on.
 *
 * @example
 * ```ts
 * alignedSentences(buildUnits(docs)).map((p) => [p.a.span, p.b.span]);
 * ```
 */
export function alignedSentences(units: CompareUnit[]): AlignedPair[] {
  const alignment = alignmentOf(units);
  const order = new Map(alignment.live.map((u, k) => [u, k]));
  const out: AlignedPair[] = [];
  for (const own of alignment.tellings) {
    for (const a of own) {
      for (const { t: b, score } of alignment.neighbours.get(a) ?? []) {
        // Each pair once: from the earlier article.
        if ((order.get(b.unit) ?? -1) <= (order.get(a.unit) ?? -1)) continue;
        if (!sameStory(a.unit, b.unit)) continue;
        out.push({ a: { unit: a.unit, span: a.span }, b: { unit: b.unit, span: b.span }, score });
      }
    }
  }
  return out.sort((x, y) => y.score - x.score);
}

/**
 * Claims across the outlets of the units: agree (central facts first), conflict (incompatible values of one
 * slot of one event, each side cited with its words) and unique.
 *
 * @example
 * ```ts
 * const claims = buildClaims(buildUnits(docs));
 * claims.filter((c) => c.kind === 'agree').map((c) => c.statement);
 * ```
 */
export function buildClaims(units: CompareUnit[]): Claim[] {
  const alignment = alignmentOf(units);
  const { live, tellings } = alignment;
  const lookups = new Map<Telling, Map<Telling, number>>();
  const silent = live.filter((u) => u.teaser).map((u) => u.doc.article.id);
  const outletCount = new Set(live.map((u) => u.outlet.key)).size;
  const groups: { members: Telling[]; strength: number }[] = [];
  const seen = new Set<string>();

  // Aligned groups: each telling with its best match in every other outlet's article, kept when every member
  // aligns with every other (a clique, so a chain of loose likenesses does not make one fact).
  tellings.forEach((own, i) => {
    for (const t of own) {
      // Each other article's best match.
      const bestOf = new Map<CompareUnit, { t: Telling; score: number }>();
      for (const { t: o, score: s } of alignment.neighbours.get(t) ?? []) {
        if (!sameStory(live[i], o.unit)) continue;
        const best = bestOf.get(o.unit);
        if (!best || s > best.score) bestOf.set(o.unit, { t: o, score: s });
      }
      const candidates = [...bestOf.values()];
      candidates.sort((a, b) => b.score - a.score);
      const members: Telling[] = [t];
      for (const c of candidates) if (members.every((m) => m.unit.outlet.key !== c.t.unit.outlet.key && (m === t || alignedIn(alignment, m, c.t, lookups) > 0))) members.push(c.t);
      if (members.length < 2) continue;
      const key = members.map((g) => `${g.span.article}:${g.span.start}`).sort().join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      let strength = 0;
      for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) strength += similarity(members[x], members[y]).score;
      groups.push({ members, strength: strength / ((members.length * (members.length - 1)) / 2) });
    }
  });
  // A group inside a larger group tells nothing more.
  // (only the groups that hold a group's first member can hold the group)
  const keyOf = (g: Telling[]): Set<Telling> => new Set(g);
  const holding = new Map<Telling, typeof groups>();
  for (const h of groups) {
    for (const m of h.members) {
      const list = holding.get(m);
      if (list) list.push(h);
      else holding.set(m, [h]);
    }
  }
  const kept = groups.filter((g) => !(holding.get(g.members[0]) ?? []).some((h) => h !== g && h.members.length > g.members.length && g.members.every((m) => keyOf(h.members).has(m))));
  // Central facts first: told by more outlets, then sharing more, then earlier in the articles.
  const rank = (g: { members: Telling[]; strength: number }): number =>
    g.members.length / Math.max(2, outletCount) + g.strength - 0.03 * Math.min(...g.members.map((m) => m.index));
  kept.sort((a, b) => rank(b) - rank(a));

  const claims: Claim[] = [];
  const used = new Set<Telling>();
  const statements = new Set<Telling>();
  const conflictPairs = new Set<string>();
  let agreements = 0;
  for (const { members } of kept) {
    for (const m of members) used.add(m);
    // Conflicts: same event (strong overlap), own voice on both sides, a slot with incompatible values.
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [a, b] = [members[x], members[y]];
        if (a.quoted || b.quoted || similarity(a, b).score < SAME_EVENT) continue;
        const slot = slotConflict(a, b);
        const polarity = slot ? null : polarityConflict(a, b);
        if (!slot && !polarity) continue;
        const pair = [`${a.span.article}:${a.span.start}`, `${b.span.article}:${b.span.start}`].sort().join("|");
        if (conflictPairs.has(pair)) continue;
        conflictPairs.add(pair);
        const what = slot ? slot.slot.replace(/:$/, '') : `${polarity?.verb}`;
        const [va, vb] = slot ? [slot.a.text, slot.b.text] : [polarity?.a ?? '', polarity?.b ?? ''];
        claims.push({
          id: '',
          kind: 'conflict',
          statement: `${what.replace(':', ' of ')}: ${a.unit.outlet.key} “${va}”, ${b.unit.outlet.key} “${vb}”`,
          basis: slot ? (slot.slot === 'day' ? 'date' : 'number') : 'polarity',
          entities: [...new Set([...a.entities, ...b.entities])],
          conflicting: [
            { value: va, articles: [a.span.article] },
            { value: vb, articles: [b.span.article] },
          ],
          outlets: [a.unit.outlet.key, b.unit.outlet.key],
          articles: [a.span.article, b.span.article],
          evidence: [evidence(a, va, polarity ? polarity.a : null), evidence(b, vb, polarity ? polarity.b : null)],
          silent: silent.filter((s) => s !== a.span.article && s !== b.span.article),
          confidence: 0.5,
        });
      }
    }
    if (agreements >= MAX_AGREEMENTS) continue;
    // A sentence states one agreement; a group whose every sentence already states one tells nothing new.
    const stated = statementOf(members, statements);
    if (!stated) continue;
    const { text, from } = stated;
    statements.add(from);
    agreements++;
    // The day every member dates the fact to (month and day agreeing when a year is unknown) is its value: a
    // shared date, for the timeline of agreements; it never makes a conflict.
    const sameDay = (a: string, b: string): boolean => a === b || (a.slice(5) === b.slice(5) && (a.startsWith('XXXX') || b.startsWith('XXXX')));
    const day = from.days.find((d) => members.every((m) => m.days.some((x) => sameDay(x, d)))) ?? null;
    claims.push({
      id: '',
      kind: 'agree',
      statement: text,
      basis: 'similarity',
      entities: [...new Set(members.flatMap((g) => [...g.entities]))],
      conflicting: [],
      outlets: [...new Set(members.map((g) => g.unit.outlet.key))],
      articles: [...new Set(members.map((g) => g.span.article))],
      evidence: [from, ...members.filter((m) => m !== from)].map((g) => evidence(g, day === null ? null : (g.days.find((x) => sameDay(x, day)) ?? null), null)),
      silent: silent.filter((s) => !members.some((g) => g.span.article === s)),
      confidence: Math.min(0.9, 0.4 + 0.1 * members.length),
    });
  }

  // Unique: a fact-bearing sentence (names or values, a verb, six words or more) no other outlet tells.
  if (live.length > 1) {
    // Each term's outlets, once: "another outlet uses it" without a union of every other article's terms per article.
    const outletsOf = new Map<string, Set<string>>();
    tellings.forEach((own, j) => {
      for (const t of own) for (const x of t.terms) {
        const set = outletsOf.get(x);
        if (set) set.add(live[j].outlet.key);
        else outletsOf.set(x, new Set([live[j].outlet.key]));
      }
    });
    tellings.forEach((own, i) => {
      const mine = live[i].outlet.key;
      const otherTerms = { has: (x: string): boolean => { const o = outletsOf.get(x); return !!o && (o.size > 1 || !o.has(mine)); } };
      const candidates = own
        .filter((t) => !used.has(t) && t.words.length >= 6 && (t.entities.size > 0 || t.values.length > 0) && hasVerb(t))
        .map((t) => ({ t, worth: uniqueWorth(t, otherTerms) }))
        .sort((a, b) => b.worth - a.worth)
        .slice(0, UNIQUE_PER_ARTICLE);
      for (const { t } of candidates.sort((a, b) => a.t.span.start - b.t.span.start)) {
        claims.push({
          id: '',
          kind: 'unique',
          statement: statementOf([t])?.text ?? '',
          basis: 'single',
          entities: [...t.entities],
          conflicting: [],
          outlets: [t.unit.outlet.key],
          articles: [t.span.article],
          evidence: [evidence(t, null, null)],
          silent: silent.filter((s) => s !== t.span.article),
          confidence: 0.4,
        });
      }
    });
  }
  const order: Record<Claim['kind'], number> = { conflict: 0, agree: 1, unique: 2 };
  // Stable: agreements keep their central-first rank.
  claims.sort((a, b) => order[a.kind] - order[b.kind]);
  claims.forEach((c, k) => (c.id = `c${k + 1}`));
  return claims;
}
