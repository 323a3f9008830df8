/**
 * Features for the two taggers: the cue tagger reads every token of a document; the role tagger reads a
 * window around one cue and marks its source and content. Features are hashed ids (see hash.ts); each is
 * `mix(template, parts...)`, with the template numbers below. The first two features of each list are the
 * word and the POS (the perceptron combines them with the previous label).
 */
import type { TokenFacts } from './analysis.js';
import { mix, stringHash } from './hash.js';

const START = stringHash('<s>');
const END = stringHash('</s>');

function bucket(d: number): number {
  const a = Math.abs(d);
  return a <= 3 ? a : a <= 5 ? 4 : a <= 10 ? 5 : a <= 20 ? 6 : 7;
}

/**
 * Features of token `i` for the cue tagger.
 *
 * @example
 * ```ts
 * cueFeatures(facts, 3).length; // 22 or more
 * ```
 */
export function cueFeatures(f: TokenFacts, i: number): number[] {
  const n = f.lower.length;
  const { word, pos, verb, cluster6, cluster10, cluster } = f.h;
  const c6 = (k: number): number => (k < 0 ? START : k >= n ? END : cluster6[k]);
  const w = (k: number): number => (k < 0 ? START : k >= n ? END : word[k]);
  const p = (k: number): number => (k < 0 ? START : k >= n ? END : pos[k]);
  const v = (k: number): number => (k < 0 || k >= n ? 0 : verb[k]);
  const sentStart = i === 0 || f.sentence[i - 1] !== f.sentence[i] ? 1 : 0;
  const inQ = f.quotation[i] >= 0 ? 1 : 0;
  const out = [
    mix(1, word[i]),
    mix(2, pos[i]),
    mix(3),
    mix(4, f.h.suffix[i]),
    mix(5, f.h.shape[i]),
    mix(6, verb[i]),
    mix(7, verb[i], pos[i]),
    mix(8, w(i - 1)),
    mix(9, w(i + 1)),
    mix(10, w(i - 2)),
    mix(11, w(i + 2)),
    mix(12, p(i - 1)),
    mix(13, p(i + 1)),
    mix(14, p(i - 1), pos[i]),
    mix(15, pos[i], p(i + 1)),
    mix(16, w(i - 1), word[i]),
    mix(17, word[i], w(i + 1)),
    mix(18, v(i - 1)),
    mix(19, v(i + 1)),
    mix(20, inQ, pos[i]),
    mix(21, inQ, verb[i]),
    mix(22, sentStart),
  ];
  // Clusters let a cue word rarely seen in training borrow weight from words used alike.
  out.push(mix(26, cluster6[i]), mix(27, cluster10[i]), mix(28, cluster[i]), mix(29, c6(i - 1)), mix(30, c6(i + 1)), mix(31, cluster10[i], p(i + 1)));
  if (f.verb[i]) out.push(mix(23, w(i - 1)), mix(24, p(i + 1)), mix(25, w(i + 1)));
  return out;
}

/** Precomputed facts about one cue for the role tagger (hashes of its words, verbs and neighbours). */
export interface CueContext {
  start: number;
  /** inclusive */
  end: number;
  words: number;
  verb: number;
  before: number;
  after: number;
  /** the quotation the cue sits in, or -1 */
  quotation: number;
}

export function cueContext(f: TokenFacts, start: number, end: number): CueContext {
  const verbs = [];
  for (let k = start; k <= end; k++) if (f.verb[k]) verbs.push(f.verb[k]);
  const words = f.lower.slice(start, end + 1).join('_');
  return {
    start,
    end,
    words: stringHash(words.length > 30 ? words.slice(0, 30) : words),
    verb: stringHash(verbs.join('_') || '-'),
    before: start > 0 ? f.h.word[start - 1] : START,
    after: end + 1 < f.lower.length ? f.h.word[end + 1] : END,
    quotation: f.quotation[start],
  };
}

/**
 * The token window the role tagger reads for a cue: from the sentence before it to three after, within the
 * paragraph (a quotation may run on past the window, bounded).
 */
export function roleWindow(f: TokenFacts, cue: CueContext): [number, number] {
  const s = f.sentence[cue.start];
  let lo = cue.start;
  while (lo > 0 && f.sentence[lo - 1] >= s - 1 && (f.paragraph[lo - 1] === f.paragraph[cue.start] || f.quotation[lo - 1] >= 0)) lo--;
  let hi = cue.end;
  const n = f.lower.length;
  while (hi + 1 < n && f.sentence[hi + 1] <= s + 3 && f.paragraph[hi + 1] === f.paragraph[cue.end]) hi++;
  while (hi + 1 < n && hi - cue.end < 200 && f.quotation[hi] >= 0 && f.quotation[hi + 1] === f.quotation[hi]) hi++;
  return [lo, hi];
}

/**
 * Features of token `i` for the role tagger, relative to `cue`. `between` holds running counts of commas,
 * quotation marks and sentence ends between `i` and the cue.
 */
export function roleFeatures(f: TokenFacts, i: number, cue: CueContext, between: { commas: number; marks: number; ends: number }): number[] {
  const n = f.lower.length;
  const { word, pos: posH, shape, mark } = f.h;
  const dir = i < cue.start ? 1 : i > cue.end ? 2 : 3;
  const d = bucket(i < cue.start ? cue.start - i : i > cue.end ? i - cue.end : 0);
  const pos = posH[i];
  const sentOff = Math.max(-2, Math.min(3, f.sentence[i] - f.sentence[cue.start])) + 2;
  const q = f.quotation[i] < 0 ? 0 : f.quotation[i] === cue.quotation ? 1 : 2;
  const counts = Math.min(2, between.commas) * 100 + Math.min(2, between.marks) * 10 + Math.min(1, between.ends);
  const p1 = i + 1 < n ? posH[i + 1] : END;
  const pm1 = i > 0 ? posH[i - 1] : START;
  const w1 = i + 1 < n ? word[i + 1] : END;
  const wm1 = i > 0 ? word[i - 1] : START;
  const sentStart = i === 0 || f.sentence[i - 1] !== f.sentence[i] ? 1 : 0;
  const sentEnd = i + 1 >= n || f.sentence[i + 1] !== f.sentence[i] ? 1 : 0;
  return [
    mix(101, dir, word[i]),
    mix(102, dir, pos),
    mix(103, dir),
    mix(104, dir, d),
    mix(105, dir, d, pos),
    mix(106, dir, sentOff),
    mix(107, dir, sentOff, q),
    mix(108, dir, q, pos),
    mix(109, dir, q, mark[i]),
    mix(110, dir, counts),
    mix(111, dir, counts, pos),
    mix(112, dir, shape[i]),
    mix(113, dir, pm1, pos),
    mix(114, dir, pos, p1),
    mix(115, dir, wm1),
    mix(116, dir, w1),
    mix(117, dir, cue.verb),
    mix(118, dir, cue.verb, pos),
    mix(119, dir, cue.words, d),
    mix(120, dir, cue.before, d),
    mix(121, dir, cue.after, d),
    mix(122, dir, cue.after, pos),
    mix(123, dir, cue.before, pos),
    mix(124, dir, sentStart),
    mix(125, dir, sentEnd, pos),
  ];
}

/** Builds role features for every token of the window, keeping the "between" counts as it goes. */
export function windowFeatures(f: TokenFacts, cue: CueContext, lo: number, hi: number): number[][] {
  const out: number[][] = new Array(hi - lo + 1);
  const isEnd = (k: number): boolean => k + 1 < f.lower.length && f.sentence[k + 1] !== f.sentence[k];
  // Left of the cue, walk outward from it so counts grow with distance.
  const between = { commas: 0, marks: 0, ends: 0 };
  for (let i = cue.start - 1; i >= lo; i--) {
    out[i - lo] = roleFeatures(f, i, cue, between);
    if (f.lower[i] === ',') between.commas++;
    if (f.quoteMark[i]) between.marks++;
    if (i > lo && isEnd(i - 1)) between.ends++;
  }
  const none = { commas: 0, marks: 0, ends: 0 };
  for (let i = cue.start; i <= cue.end; i++) out[i - lo] = roleFeatures(f, i, cue, none);
  between.commas = between.marks = between.ends = 0;
  for (let i = cue.end + 1; i <= hi; i++) {
    out[i - lo] = roleFeatures(f, i, cue, between);
    if (f.lower[i] === ',') between.commas++;
    if (f.quoteMark[i]) between.marks++;
    if (isEnd(i)) between.ends++;
  }
  return out;
}
