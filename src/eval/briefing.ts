/**
 * `parallax eval briefing --data DIR [--json] [--predictions DIR]`: scores the briefing of each story of a
 * folder of gold files (the format of `../shared/eval/allsides/GOLD.md`) against what a reader needs from it.
 *
 * For every `<id>.json` gold file in DIR, the story's input (`input`, relative to the gold file) is analysed
 * (or, with `--predictions DIR`, the briefing JSON `DIR/<id>.json` is read instead) and scored per section:
 *
 * - actors: a predicted actor matches a gold actor when its name or any alias equals the gold name or any
 *   alias (case-insensitive, spaces and U+00A0 normalised, a leading "the" and a trailing period ignored);
 *   matching is one to one, so a second predicted actor for the same gold actor is a duplicate and counts
 *   against precision; type accuracy over matched pairs; hits on `not_actors`.
 * - quotes: a predicted quote matches a gold quote of the same article when a content span overlaps the gold
 *   content; "with speaker" also needs the speaker to match (the gold actor, or a description whose words
 *   all occur in the predicted source). One to one.
 * - shared facts: found when one agreement claim cites evidence overlapping the gold evidence in ≥ 2 of the
 *   fact's articles. Conflicts: every conflict claim is listed; it is false unless it matches a gold conflict
 *   in the same way.
 * - framing: a gold term is found when a framing term of the same article overlaps it (recall).
 * - stances: holder match + polarity + evidence (sentence, cue or trigger) overlapping the gold evidence.
 * - times: a gold time is matched by a predicted time expression overlapping its text in the article; it is
 *   right when the values are equal (accuracy over all gold times).
 * - opinion as fact: a gold unattributed opinion that a summary sentence was taken from, where the sentence
 *   does not name the article's outlet.
 *
 * A section whose key is absent from a gold file was not annotated there and is not scored for that story
 * (partial development sets annotate one or two sections); an empty list means "none in this story".
 *
 * Exact-substring fields may be given as `{"at": [start, end]}`, offsets into that article's `text` in the
 * input, so gold can be kept without copying article text. Totals are micro-averaged over stories.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { analyze } from '../pipeline.js';
import type { Actor, Briefing, BriefingArticle, Span } from '../model.js';
import { sharedPath } from '../paths.js';

// ---------------------------------------------------------------------------------------------------------
// Gold format

/** An exact substring of an article's text, or its offsets in the input text. */
export type GoldText = string | { at: [number, number] };

export interface GoldActorEntry {
  name: string;
  type: string;
  aliases?: string[];
}

export interface BriefingGold {
  id: number | string;
  input: string;
  outlets?: { article: number; outlet: string; lean?: string }[];
  actors?: GoldActorEntry[];
  not_actors?: string[];
  quotes?: { article: number; speaker: string; kind?: string; content: GoldText }[];
  shared_facts?: { fact: string; evidence: Record<string, GoldText> }[];
  conflicts?: { what: string; evidence: Record<string, GoldText> }[];
  framing?: { referent: string; terms: Record<string, GoldText[]> }[];
  stances?: { article: number; holder: string; polarity: string; target?: string; evidence: GoldText }[];
  times?: { article: number; text: GoldText; value: string }[];
  unattributed_opinion?: { article: number; text: GoldText }[];
}

/** A gold substring placed in the briefing's article: its words and every place they occur. */
interface Placed {
  text: string;
  /** [start, end) offsets into the briefing article's text; empty when the words were not found */
  at: [number, number][];
}

// ---------------------------------------------------------------------------------------------------------
// Text matching

/**
 * The comparison form of a name: lower case, curly apostrophes straightened, U+00A0 and runs of white space
 * as one space, a leading "the" and trailing periods dropped.
 *
 * @example
 * ```ts
 * nameKey('the Fifth\u00a0Circuit'); // 'fifth circuit'
 * nameKey('Jan.'); // 'jan'
 * ```
 */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\s\u00a0]+/gu, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/\.+$/, '')
    .trim();
}

/** Text normalised for locating substrings, with a map from each normalised offset back to the original. */
function normalisedWithMap(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    let c = text[i];
    if (/[\s\u00a0]/u.test(c)) {
      if (lastSpace) continue;
      c = ' ';
      lastSpace = true;
    } else {
      lastSpace = false;
      if (/[\u2018\u2019\u201a\u201b\u02bc]/.test(c)) c = "'";
      else if (/[\u201c\u201d\u201e\u201f]/.test(c)) c = '"';
      else if (/[\u2013\u2014]/.test(c)) c = '-';
    }
    norm += c;
    map.push(i);
  }
  map.push(text.length);
  return { norm, map };
}

/**
 * Every place `needle` occurs in `text`: exactly, else up to white space, U+00A0, curly quotes and dashes.
 *
 * @example
 * ```ts
 * locate('a b a', 'a'); // [[0, 1], [4, 5]]
 * locate('x\u00a0 y', 'x y'); // [[0, 4]]
 * ```
 */
export function locate(text: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push([i, i + needle.length]);
  if (out.length) return out;
  const h = normalisedWithMap(text);
  const n = normalisedWithMap(needle.trim()).norm;
  if (!n) return out;
  for (let i = h.norm.indexOf(n); i >= 0; i = h.norm.indexOf(n, i + 1)) out.push([h.map[i], h.map[i + n.length - 1] + 1]);
  return out;
}

const overlaps = (a: [number, number], s: number, e: number): boolean => a[0] < e && s < a[1];

/** Whether a span of the briefing lies over any place of a gold substring (same article). */
function hits(placed: Placed, spans: readonly (Span | null | undefined)[], articleId: string): boolean {
  return spans.some((s) => s && s.article === articleId && placed.at.some((a) => overlaps(a, s.start, s.end)));
}

const STOP = new Set(['a', 'an', 'the', 'of', 'and', 'to', 'in', 'for', 'on', 'at', 'by', 'with']);
const words = (s: string): string[] => nameKey(s).split(/[^\p{L}\p{N}'-]+/u).filter((w) => w && !STOP.has(w));

// ---------------------------------------------------------------------------------------------------------
// One story

/** The gold of one story with its substrings placed in the briefing's articles. */
interface StoryCase {
  file: string;
  gold: BriefingGold;
  /** input text of each article (by index) */
  inputs: string[];
  briefing: Briefing;
  /** briefing article of each input article index (null when that record was not analysed) */
  articles: (BriefingArticle | null)[];
  /** gold substrings that could not be placed, for the report */
  unplaced: string[];
}

/** Reads one story's input JSONL: the `text` of every record, by line. */
function readInputs(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        const rec = JSON.parse(l) as { text?: unknown };
        return typeof rec.text === 'string' ? rec.text : '';
      } catch (err) {
        throw new Error(`${path}:${i + 1}: not JSON: ${(err as Error).message}`);
      }
    });
}

function place(c: StoryCase, article: number | string, value: GoldText, what: string): Placed {
  const k = Number(article);
  const input = c.inputs[k];
  const target = c.articles[k];
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value && Array.isArray(value.at) && value.at.length === 2) {
    const [s, e] = value.at;
    if (input === undefined || !(s >= 0 && e > s && e <= input.length)) {
      throw new Error(`${c.file}: ${what}: offsets [${s}, ${e}] outside article ${k} (${input?.length ?? 'no'} characters)`);
    }
    text = input.slice(s, e);
    // the common case: the clean text is the input text, and the offsets are the place
    if (target && target.text === input) return { text, at: [[s, e]] };
  } else throw new Error(`${c.file}: ${what}: neither a string nor {"at": [start, end]}`);
  const at = target ? locate(target.text, text) : [];
  if (!at.length) c.unplaced.push(`${what}: article ${k}: ${JSON.stringify(text.slice(0, 60))} not in ${target ? 'the analysed text' : 'the briefing (article not analysed)'}`);
  return { text, at };
}

/** The names an actor goes by in the briefing (pronouns left out). */
function actorNames(a: Actor): Set<string> {
  const names = new Set([nameKey(a.name)]);
  for (const al of a.aliases) if (al.kind !== 'pronoun') names.add(nameKey(al.text));
  names.delete('');
  return names;
}

function goldNames(g: GoldActorEntry): Set<string> {
  return new Set([g.name, ...(g.aliases ?? [])].map(nameKey).filter(Boolean));
}

const intersects = (a: Set<string>, b: Set<string>): boolean => [...a].some((x) => b.has(x));

const TYPE: Record<string, string> = { PERSON: 'PER', PER: 'PER', ORG: 'ORG', GPE: 'GPE', LOC: 'LOC', MISC: 'MISC' };

/** Counts of one section: predicted, gold and matched items. */
interface Prf {
  tp: number;
  pred: number;
  gold: number;
}
const prf = (): Prf => ({ tp: 0, pred: 0, gold: 0 });
const add = (a: Prf, b: Prf): void => {
  a.tp += b.tp;
  a.pred += b.pred;
  a.gold += b.gold;
};
const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);
function scores(c: Prf): { p: number | null; r: number | null; f1: number | null } {
  const p = ratio(c.tp, c.pred);
  const r = ratio(c.tp, c.gold);
  const f1 = c.pred + c.gold > 0 ? (2 * c.tp) / (c.pred + c.gold) : null;
  return { p, r, f1 };
}

/**
 * One-to-one matching, greedily in order of preference: `pairs` lists [predicted, gold] indices that match,
 * best first. Returns the number of matched pairs.
 */
function matchOneToOne(pairs: [number, number][]): number {
  return matchedPairs(pairs).usedP.size;
}

/** The predicted and gold indices the one-to-one matching of `matchOneToOne` pairs up. */
function matchedPairs(pairs: [number, number][]): { usedP: Set<number>; usedG: Set<number> } {
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  for (const [p, g] of pairs) {
    if (usedP.has(p) || usedG.has(g)) continue;
    usedP.add(p);
    usedG.add(g);
  }
  return { usedP, usedG };
}

/** What one story scored, section by section. */
export interface StoryScore {
  id: string;
  file: string;
  error?: string;
  actors: Prf & { duplicates: number; typed: number; typeRight: number; notActorHits: number; notActorNames: string[]; missed: string[]; spurious: string[] };
  quotes: Prf;
  quotesSpeaker: Prf;
  /** gold quotes missed or given the wrong speaker, and predictions in no gold quote (see `quoteNotes`) */
  quoteNotes: string[];
  facts: { found: number; gold: number; agreements: number };
  conflicts: { listed: number; false: number };
  framing: { found: number; gold: number; predicted: number };
  /** `missed`: gold stances no prediction matched; `spurious`: predictions that matched no gold stance (for the report) */
  stances: Prf & { missed: string[]; spurious: string[] };
  times: { right: number; matched: number; gold: number; wrong: string[] };
  opinions: { asFact: number; gold: number };
  unplaced: string[];
}

function emptyScore(id: string, file: string): StoryScore {
  return {
    id,
    file,
    actors: { ...prf(), duplicates: 0, typed: 0, typeRight: 0, notActorHits: 0, notActorNames: [], missed: [], spurious: [] },
    quotes: prf(),
    quotesSpeaker: prf(),
    quoteNotes: [],
    facts: { found: 0, gold: 0, agreements: 0 },
    conflicts: { listed: 0, false: 0 },
    framing: { found: 0, gold: 0, predicted: 0 },
    stances: { ...prf(), missed: [], spurious: [] },
    times: { right: 0, matched: 0, gold: 0, wrong: [] },
    opinions: { asFact: 0, gold: 0 },
    unplaced: [],
  };
}

/** Index of the briefing articles by input record. */
function articlesByRecord(briefing: Briefing, n: number): (BriefingArticle | null)[] {
  const out: (BriefingArticle | null)[] = new Array(n).fill(null);
  briefing.articles.forEach((a, i) => {
    const k = a.source.record ?? i;
    if (k < n) out[k] = a;
  });
  return out;
}

/**
 * Whether a predicted speaker (its actor's names and the words that name it) is the gold speaker: the same
 * gold actor, or — for a described speaker ("a White House official") — all the description's words.
 */
function speakerMatches(goldSpeaker: string, gold: BriefingGold, predNames: Set<string>, predTexts: string[]): boolean {
  const key = nameKey(goldSpeaker);
  const actor = (gold.actors ?? []).find((a) => nameKey(a.name) === key);
  if (actor) {
    const names = goldNames(actor);
    return intersects(names, predNames) || predTexts.some((t) => names.has(nameKey(t)));
  }
  if (key === 'unidentified speaker') return predNames.size === 0 && predTexts.length === 0;
  const want = words(goldSpeaker);
  if (!want.length) return false;
  const have = new Set([...predNames, ...predTexts].flatMap(words));
  return want.every((w) => have.has(w) || have.has(w.replace(/s$/, '')) || have.has(`${w}s`));
}

const spanText = (a: BriefingArticle | undefined, s: Span | null): string | null => (a && s ? a.text.slice(s.start, s.end) : null);

/**
 * The actor matching of `scoreStory`: the [predicted, gold] index pairs that share a name, best first, and the
 * one-to-one matching (predicted index to gold index). A predicted actor outside `usedP` is spurious or a
 * duplicate. Exported for scripts/train-actor-filter.ts, whose labels are this matching.
 */
export function matchActors(actors: readonly Actor[], goldActors: readonly GoldActorEntry[]): { pairs: [number, number][]; usedP: Map<number, number> } {
  const gNames = goldActors.map(goldNames);
  const pNames = actors.map(actorNames);
  const pairs: [number, number][] = [];
  pNames.forEach((pn, p) => {
    gNames.forEach((gn, g) => {
      if (intersects(pn, gn)) pairs.push([p, g]);
    });
  });
  // a predicted actor prefers the gold actor whose canonical name it carries, then the one with most shared names
  const shared = ([p, g]: [number, number]): number => [...pNames[p]].filter((x) => gNames[g].has(x)).length + (pNames[p].has(nameKey(goldActors[g].name)) ? 10 : 0);
  pairs.sort((a, b) => shared(b) - shared(a));
  const usedP = new Map<number, number>();
  const usedG = new Set<number>();
  for (const [p, g] of pairs) {
    if (usedP.has(p) || usedG.has(g)) continue;
    usedP.set(p, g);
    usedG.add(g);
  }
  return { pairs, usedP };
}

/** Scores one analysed story against its gold. */
export function scoreStory(c: StoryCase): StoryScore {
  const { gold, briefing } = c;
  const score = emptyScore(String(gold.id), c.file);
  const idOf = (k: number | string): string => c.articles[Number(k)]?.id ?? `missing-${k}`;
  const byId = new Map(briefing.articles.map((a) => [a.id, a]));
  const actorById = new Map(briefing.actors.map((a) => [a.id, a]));

  // actors
  const goldActors = gold.actors ?? [];
  const { pairs, usedP } = matchActors(briefing.actors, goldActors);
  score.actors.tp = usedP.size;
  score.actors.pred = briefing.actors.length;
  score.actors.gold = goldActors.length;
  const matchedAny = new Set(pairs.map(([p]) => p));
  for (let g = 0; g < goldActors.length; g++) {
    const n = new Set(pairs.filter(([, gg]) => gg === g).map(([p]) => p)).size;
    if (n > 1) score.actors.duplicates += n - 1;
    if (n === 0) score.actors.missed.push(goldActors[g].name);
  }
  for (const [p, g] of usedP) {
    score.actors.typed++;
    if (TYPE[briefing.actors[p].type] === TYPE[goldActors[g].type]) score.actors.typeRight++;
  }
  const notActors = new Set((gold.not_actors ?? []).map(nameKey));
  briefing.actors.forEach((a, p) => {
    if (!matchedAny.has(p)) score.actors.spurious.push(a.name);
    if (!matchedAny.has(p) && intersects(actorNames(a), notActors)) {
      score.actors.notActorHits++;
      score.actors.notActorNames.push(a.name);
    }
  });

  // quotes
  const predQuotes = briefing.articles.flatMap((a) =>
    (a.quotes ?? []).map((q) => {
      const actor = q.speaker ? actorById.get(q.speaker) : undefined;
      const texts = [spanText(a, q.source), spanText(a, q.antecedent)].filter((t): t is string => !!t);
      return { article: a.id, content: q.content, names: actor ? actorNames(actor) : new Set<string>(), texts };
    }),
  );
  const goldQuotes = (gold.quotes ?? []).map((q, i) => ({ q, placed: place(c, q.article, q.content, `quotes[${i}].content`) }));
  const qPairs: [number, number][] = [];
  const qsPairs: [number, number][] = [];
  predQuotes.forEach((pq, p) => {
    goldQuotes.forEach(({ q, placed }, g) => {
      if (!hits(placed, pq.content, idOf(q.article))) return;
      qPairs.push([p, g]);
      if (speakerMatches(q.speaker, gold, pq.names, pq.texts)) qsPairs.push([p, g]);
    });
  });
  score.quotes = { tp: matchOneToOne(qPairs), pred: predQuotes.length, gold: goldQuotes.length };
  score.quotesSpeaker = { tp: matchOneToOne(qsPairs), pred: predQuotes.length, gold: goldQuotes.length };
  score.quoteNotes = quoteNotes(c, predQuotes, goldQuotes, qPairs, qsPairs);

  // shared facts and conflicts
  const claims = briefing.claims ?? [];
  const agreements = claims.filter((cl) => cl.kind === 'agree');
  const conflicts = claims.filter((cl) => cl.kind === 'conflict');
  const placeEvidence = (ev: Record<string, GoldText>, what: string): [string, Placed][] =>
    Object.entries(ev).map(([k, v]) => [idOf(k), place(c, k, v, `${what}.${k}`)]);
  /** in how many of the gold evidence's articles a claim cites overlapping evidence */
  const supported = (spans: Span[], ev: [string, Placed][]): number => ev.filter(([id, placed]) => hits(placed, spans, id)).length;
  score.facts.agreements = agreements.length;
  (gold.shared_facts ?? []).forEach((f, i) => {
    score.facts.gold++;
    const ev = placeEvidence(f.evidence, `shared_facts[${i}].evidence`);
    if (agreements.some((cl) => supported(cl.evidence.map((e) => e.span), ev) >= 2)) score.facts.found++;
  });
  const goldConflicts = (gold.conflicts ?? []).map((f, i) => placeEvidence(f.evidence, `conflicts[${i}].evidence`));
  score.conflicts.listed = conflicts.length;
  score.conflicts.false = conflicts.filter((cl) => !goldConflicts.some((ev) => supported(cl.evidence.map((e) => e.span), ev) >= 2)).length;

  // framing: the spans of the briefing's framing terms
  const termSpans = framingSpans(briefing);
  score.framing.predicted = termSpans.length;
  (gold.framing ?? []).forEach((f, i) => {
    for (const [k, terms] of Object.entries(f.terms)) {
      terms.forEach((t, j) => {
        score.framing.gold++;
        if (hits(place(c, k, t, `framing[${i}].terms.${k}[${j}]`), termSpans, idOf(k))) score.framing.found++;
      });
    }
  });

  // stances
  const predStances = (briefing.stances ?? []).map((s) => {
    const a = byId.get(s.evidence.article);
    const actor = s.holder.actor ? actorById.get(s.holder.actor) : undefined;
    const texts = [s.holder.speaker, s.holder.groupName].filter((t): t is string => !!t);
    return { s, names: actor ? actorNames(actor) : new Set<string>(), texts, article: a?.id };
  });
  const sPairs: [number, number][] = [];
  const sPlaced: Placed[] = [];
  (gold.stances ?? []).forEach((gs, g) => {
    const placed = place(c, gs.article, gs.evidence, `stances[${g}].evidence`);
    sPlaced.push(placed);
    predStances.forEach((ps, p) => {
      if (ps.s.polarity !== gs.polarity) return;
      if (!hits(placed, [ps.s.evidence, ps.s.cue, ps.s.trigger], idOf(gs.article))) return;
      if (speakerMatches(gs.holder, gold, ps.names, ps.texts)) sPairs.push([p, g]);
    });
  });
  const sUsed = matchedPairs(sPairs);
  const clip = (t: string): string => JSON.stringify(t.replace(/\s+/g, ' ').slice(0, 90));
  score.stances = {
    tp: sUsed.usedP.size,
    pred: predStances.length,
    gold: (gold.stances ?? []).length,
    missed: (gold.stances ?? []).flatMap((gs, g) => (sUsed.usedG.has(g) ? [] : [`${gs.article}: ${gs.holder} ${gs.polarity} ${gs.target ?? ''} ${clip(sPlaced[g].text)}`])),
    spurious: predStances.flatMap((ps, p) => {
      if (sUsed.usedP.has(p)) return [];
      const a = byId.get(ps.s.evidence.article);
      const k = c.articles.findIndex((x) => x?.id === ps.s.evidence.article);
      return [`${k}: ${ps.s.holder.groupName} ${ps.s.polarity} [${spanText(a, ps.s.cue) ?? ''}] ${ps.s.method} ${clip(spanText(a, ps.s.evidence) ?? '')}`];
    }),
  };

  // times
  (gold.times ?? []).forEach((t, i) => {
    score.times.gold++;
    const placed = place(c, t.article, t.text, `times[${i}].text`);
    const a = c.articles[t.article];
    const found = (a?.times ?? []).filter((tr) => hits(placed, [tr.span], a?.id ?? ''));
    if (!found.length) {
      score.times.wrong.push(`${t.article}:${placed.text}=${t.value} (not found)`);
      return;
    }
    score.times.matched++;
    if (found.some((tr) => tr.value === t.value)) score.times.right++;
    else score.times.wrong.push(`${t.article}:${placed.text}=${t.value} (got ${found.map((tr) => tr.value).join('/')})`);
  });

  // opinion stated as fact in the summary
  const sentences = briefing.summary?.sentences ?? [];
  (gold.unattributed_opinion ?? []).forEach((o, i) => {
    score.opinions.gold++;
    const placed = place(c, o.article, o.text, `unattributed_opinion[${i}].text`);
    const a = c.articles[o.article];
    if (!a) return;
    const outletNames = [a.meta.outlet.value, gold.outlets?.find((x) => x.article === o.article)?.outlet]
      .filter((x): x is string => !!x)
      .map((x) => nameKey(x.replace(/\s*\([^)]*\)\s*$/, '')));
    const asFact = sentences.some((s) => {
      const from = s.audit.filter((e) => e.how !== 'supported-by:similarity').map((e) => e.span);
      if (!hits(placed, from.length ? from : s.citations.slice(0, 1).map((x) => x.span), a.id)) return false;
      const said = nameKey(s.text);
      return !outletNames.some((n) => n && said.includes(n));
    });
    if (asFact) score.opinions.asFact++;
  });

  score.unplaced = c.unplaced;
  return unscoredSectionsCleared(score, gold);
}

/**
 * A gold file may annotate only some sections (a partial development set made for one section): a section
 * whose key is absent from the gold file was not annotated, so it counts nothing for the story instead of
 * every prediction counting as spurious. A key present with an empty list is annotated as "none".
 */
function unscoredSectionsCleared(score: StoryScore, gold: BriefingGold): StoryScore {
  const empty = emptyScore(score.id, score.file);
  const absent = (k: keyof BriefingGold): boolean => gold[k] === undefined;
  if (absent('actors')) score.actors = empty.actors;
  if (absent('quotes')) {
    score.quotes = empty.quotes;
    score.quotesSpeaker = empty.quotesSpeaker;
    score.quoteNotes = [];
  }
  if (absent('shared_facts')) score.facts = empty.facts;
  if (absent('conflicts')) score.conflicts = empty.conflicts;
  if (absent('framing')) score.framing = empty.framing;
  if (absent('stances')) score.stances = empty.stances;
  if (absent('times')) score.times = empty.times;
  if (absent('unattributed_opinion')) score.opinions = empty.opinions;
  return score;
}

/**
 * The spans of a briefing's framing terms: the contrasts when the briefing lists them (terms for one referent
 * across outlets), else the per-outlet own-voice and distinctive terms.
 */
function framingSpans(briefing: Briefing): Span[] {
  const framing = briefing.framing as (Briefing['framing'] & { contrasts?: unknown }) | undefined;
  if (!framing) return [];
  if (framing.contrasts !== undefined) return collectSpans(framing.contrasts);
  return framing.rows.flatMap((r) => [...r.own, ...r.distinctive].flatMap((t) => t.spans));
}

/** Every span ({article, start, end}) nested anywhere in a value. */
function collectSpans(value: unknown, out: Span[] = []): Span[] {
  if (Array.isArray(value)) for (const v of value) collectSpans(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.article === 'string' && typeof o.start === 'number' && typeof o.end === 'number') out.push(o as unknown as Span);
    else for (const v of Object.values(o)) collectSpans(v, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The folder

/** The gold files of a folder (or one gold file), sorted by name. */
export function goldFiles(data: string): string[] {
  if (!existsSync(data)) throw new Error(`${data}: no such file or folder`);
  if (statSync(data).isFile()) return [data];
  return readdirSync(data)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(data, f));
}

function readGold(file: string): BriefingGold {
  let gold: BriefingGold;
  try {
    gold = JSON.parse(readFileSync(file, 'utf8')) as BriefingGold;
  } catch (err) {
    throw new Error(`${file}: not JSON: ${(err as Error).message}`);
  }
  if (!gold || typeof gold.input !== 'string') throw new Error(`${file}: a briefing gold file needs "input" (the story's JSONL, relative to the gold file)`);
  return gold;
}

/**
 * The story input of a gold file: `input` relative to the file; when that is not there and `input` points into
 * the shared data (`.../shared/eval/...`), the same path under the shared data folder (`$PARALLAX_SHARED` or
 * `../shared` beside the package), so a gold folder in a git worktree, which is not beside `../shared`, still
 * finds its stories.
 */
export function storyInput(file: string, input: string): string {
  const direct = resolve(dirname(file), input);
  if (existsSync(direct)) return direct;
  const m = /(?:^|[\\/])shared[\\/](.+)$/.exec(input);
  return (m && sharedPath(...m[1].split(/[\\/]/))) || direct;
}

/** Analyses (or reads the prediction of) and scores one gold file; a failure is kept as the story's error. */
export async function scoreFile(file: string, predictions?: string): Promise<StoryScore> {
  const id = basename(file, '.json');
  try {
    const gold = readGold(file);
    const input = storyInput(file, gold.input);
    if (!existsSync(input)) throw new Error(`${file}: input ${gold.input} not found (${input})`);
    const inputs = readInputs(input);
    let briefing: Briefing;
    if (predictions) {
      const p = join(predictions, `${gold.id ?? id}.json`);
      try {
        briefing = JSON.parse(readFileSync(p, 'utf8')) as Briefing;
      } catch (err) {
        throw new Error(`${p}: cannot read the predicted briefing: ${(err as Error).message}`);
      }
    } else briefing = await analyze([input]);
    const c: StoryCase = { file, gold, inputs, briefing, articles: articlesByRecord(briefing, inputs.length), unplaced: [] };
    return scoreStory(c);
  } catch (err) {
    const s = emptyScore(id, file);
    s.error = (err as Error).message;
    return s;
  }
}

/** A predicted quote as `scoreStory` compares it with gold: its content and the names and words of its speaker. */
interface PredQuote {
  article: string;
  content: Span[];
  names: Set<string>;
  texts: string[];
}

/**
 * The report lines of a story's quotes, for finding what to fix: each gold quote no prediction matched
 * ("quote missed"), each matched on content only ("quote speaker wrong", with the speaker found: its actor's
 * name, else the source's words), and each prediction overlapping no gold quote ("quote not in gold").
 */
function quoteNotes(c: StoryCase, pred: readonly PredQuote[], gold: readonly { q: { article: number; speaker: string; content: GoldText }; placed: Placed }[], contentPairs: [number, number][], speakerPairs: [number, number][]): string[] {
  const clip = (t: string): string => JSON.stringify(t.replace(/\s+/g, ' ').slice(0, 80));
  const bySpeaker = matchedPairs(speakerPairs);
  const byContent = matchedPairs(contentPairs.filter(([p, g]) => !bySpeaker.usedP.has(p) && !bySpeaker.usedG.has(g)));
  const record = (id: string): number => c.articles.findIndex((a) => a?.id === id);
  const found = (p: PredQuote): string => [...p.names][0] ?? (p.texts.length ? `[${p.texts.join(' / ')}]` : '(none)');
  const paired = new Map(contentPairs.filter(([p, g]) => byContent.usedP.has(p) && byContent.usedG.has(g)).map(([p, g]) => [g, p]));
  const notes: string[] = [];
  gold.forEach(({ q, placed }, g) => {
    if (bySpeaker.usedG.has(g)) return;
    const p = paired.get(g);
    if (p === undefined) notes.push(`  quote missed: ${q.article}: ${q.speaker} ${clip(placed.text)}`);
    else notes.push(`  quote speaker wrong: ${q.article}: ${q.speaker} ≠ ${found(pred[p])} ${clip(placed.text)}`);
  });
  pred.forEach((p, i) => {
    if (bySpeaker.usedP.has(i) || byContent.usedP.has(i) || contentPairs.some(([pp]) => pp === i)) return;
    const a = c.briefing.articles.find((x) => x.id === p.article);
    notes.push(`  quote not in gold: ${record(p.article)}: ${found(p)} ${clip(a ? p.content.map((s) => a.text.slice(s.start, s.end)).join(' … ') : '')}`);
  });
  return notes;
}

/** Micro totals over stories. */
export function totals(stories: StoryScore[]): StoryScore {
  const t = emptyScore('all', '');
  for (const s of stories) {
    if (s.error) continue;
    add(t.actors, s.actors);
    t.actors.duplicates += s.actors.duplicates;
    t.actors.typed += s.actors.typed;
    t.actors.typeRight += s.actors.typeRight;
    t.actors.notActorHits += s.actors.notActorHits;
    add(t.quotes, s.quotes);
    add(t.quotesSpeaker, s.quotesSpeaker);
    t.facts.found += s.facts.found;
    t.facts.gold += s.facts.gold;
    t.facts.agreements += s.facts.agreements;
    t.conflicts.listed += s.conflicts.listed;
    t.conflicts.false += s.conflicts.false;
    t.framing.found += s.framing.found;
    t.framing.gold += s.framing.gold;
    t.framing.predicted += s.framing.predicted;
    add(t.stances, s.stances);
    t.times.right += s.times.right;
    t.times.matched += s.times.matched;
    t.times.gold += s.times.gold;
    t.opinions.asFact += s.opinions.asFact;
    t.opinions.gold += s.opinions.gold;
  }
  return t;
}

/** The figures of one story (or the totals) as plain numbers, for JSON. */
export function figures(s: StoryScore): Record<string, unknown> {
  return {
    actors: { ...scores(s.actors), tp: s.actors.tp, pred: s.actors.pred, gold: s.actors.gold, duplicates: s.actors.duplicates, type_accuracy: ratio(s.actors.typeRight, s.actors.typed), not_actor_hits: s.actors.notActorHits },
    quotes: { ...scores(s.quotes), ...s.quotes },
    quotes_speaker: { ...scores(s.quotesSpeaker), ...s.quotesSpeaker },
    shared_facts: { recall: ratio(s.facts.found, s.facts.gold), ...s.facts },
    conflicts: { ...s.conflicts },
    framing: { recall: ratio(s.framing.found, s.framing.gold), ...s.framing },
    stances: { ...scores(s.stances), tp: s.stances.tp, pred: s.stances.pred, gold: s.stances.gold },
    times: { accuracy: ratio(s.times.right, s.times.gold), right: s.times.right, matched: s.times.matched, gold: s.times.gold },
    opinion_as_fact: { ...s.opinions },
  };
}

const f2 = (x: number | null): string => (x === null ? '  -  ' : x.toFixed(2).padStart(5));

function row(name: string, s: StoryScore): string {
  if (s.error) return `${name.padEnd(6)} error: ${s.error}`;
  const a = scores(s.actors);
  const q = scores(s.quotes);
  const qs = scores(s.quotesSpeaker);
  const st = scores(s.stances);
  return [
    name.padEnd(6),
    `${f2(a.p)} ${f2(a.r)} ${f2(a.f1)} ${String(s.actors.duplicates).padStart(3)} ${f2(ratio(s.actors.typeRight, s.actors.typed))} ${String(s.actors.notActorHits).padStart(3)}`,
    `${f2(q.p)} ${f2(q.r)} ${f2(qs.p)} ${f2(qs.r)}`,
    `${`${s.facts.found}/${s.facts.gold}`.padStart(5)}`,
    `${`${s.conflicts.false}/${s.conflicts.listed}`.padStart(5)}`,
    `${`${s.framing.found}/${s.framing.gold}`.padStart(5)}`,
    `${f2(st.p)} ${f2(st.r)} ${f2(st.f1)}`,
    `${`${s.times.right}/${s.times.gold}`.padStart(5)}`,
    `${`${s.opinions.asFact}/${s.opinions.gold}`.padStart(5)}`,
  ].join(' | ');
}

/** The readable table: one row per story, the totals, then (with `errors`) what each story missed. */
export function table(stories: StoryScore[], total: StoryScore, data: string, errors = false): string {
  const head = [
    `briefing: ${stories.length} stories from ${data} (micro totals over stories)`,
    'story  | actors P     R    F1 dup  type  not | quotes P R  spk P  spk R | facts | false | frame | stances P  R    F1 | times | opin',
  ];
  const lines = [...head, ...stories.map((s) => row(s.id, s)), row('all', total)];
  const t = total;
  const a = scores(t.actors);
  const qs = scores(t.quotesSpeaker);
  lines.push(
    '',
    `actors       P ${f2(a.p)}  R ${f2(a.r)}  F1 ${f2(a.f1)}  (${t.actors.tp} matched of ${t.actors.pred} predicted, ${t.actors.gold} gold; ${t.actors.duplicates} duplicates; type accuracy ${f2(ratio(t.actors.typeRight, t.actors.typed))}; ${t.actors.notActorHits} not_actors listed)`,
    `quotes       content P ${f2(scores(t.quotes).p)} R ${f2(scores(t.quotes).r)}   with speaker P ${f2(qs.p)} R ${f2(qs.r)}  (${t.quotesSpeaker.tp}/${t.quotes.tp} of ${t.quotes.pred} predicted, ${t.quotes.gold} gold)`,
    `shared facts recall ${f2(ratio(t.facts.found, t.facts.gold))} (${t.facts.found}/${t.facts.gold}; ${t.facts.agreements} agreements listed)`,
    `conflicts    ${t.conflicts.listed} listed, ${t.conflicts.false} false`,
    `framing      term recall ${f2(ratio(t.framing.found, t.framing.gold))} (${t.framing.found}/${t.framing.gold}; ${t.framing.predicted} term spans listed)`,
    `stances      P ${f2(scores(t.stances).p)} R ${f2(scores(t.stances).r)} F1 ${f2(scores(t.stances).f1)} (${t.stances.tp} of ${t.stances.pred} predicted, ${t.stances.gold} gold)`,
    `times        value accuracy ${f2(ratio(t.times.right, t.times.gold))} (${t.times.right}/${t.times.gold}; ${t.times.matched} found)`,
    `opinion      ${t.opinions.asFact} of ${t.opinions.gold} gold opinion sentences stated as fact in the summary`,
  );
  // each story's misses only when asked (`--errors`): a held-back set is scored without showing its errors
  for (const s of errors ? stories : []) {
    if (s.error) continue;
    const notes = [
      s.actors.missed.length ? `  actors missed: ${s.actors.missed.join('; ')}` : '',
      s.actors.spurious.length ? `  actors not in gold: ${s.actors.spurious.join('; ')}` : '',
      ...s.stances.missed.map((m) => `  stance missed: ${m}`),
      ...s.stances.spurious.map((m) => `  stance not in gold: ${m}`),
      ...s.quoteNotes,
      s.times.wrong.length ? `  times wrong: ${s.times.wrong.join('; ')}` : '',
      ...s.unplaced.map((u) => `  gold not placed: ${u}`),
    ].filter(Boolean);
    if (notes.length) lines.push('', `story ${s.id}:`, ...notes);
  }
  return lines.join('\n');
}

/** The eval entry point (see EvalModule in src/cli.ts). */
export async function evaluate(args: { data: string; predictions?: string; errors?: boolean }): Promise<{ table: string; result: Record<string, unknown> }> {
  const files = goldFiles(args.data);
  if (!files.length) throw new Error(`${args.data}: no gold files (*.json)`);
  const stories: StoryScore[] = [];
  for (const f of files) stories.push(await scoreFile(f, args.predictions));
  const total = totals(stories);
  return {
    table: table(stories, total, args.data, args.errors === true),
    result: {
      task: 'briefing',
      stories: stories.length,
      failed: stories.filter((s) => s.error).map((s) => ({ id: s.id, error: s.error })),
      totals: figures(total),
      per_story: Object.fromEntries(stories.filter((s) => !s.error).map((s) => [s.id, figures(s)])),
    },
  };
}
