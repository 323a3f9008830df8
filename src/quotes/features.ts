/**
 * Features for the two taggers: the cue tagger reads every token of a document; the role tagger reads a
 * window around one cue and marks its source and content. The first two features of each list are the word
 * and the POS (the perceptron combines them with the previous label).
 */
import type { TokenFacts } from './analysis.js';

function bucket(d: number): string {
  const a = Math.abs(d);
  return a <= 3 ? String(a) : a <= 5 ? '4-5' : a <= 10 ? '6-10' : a <= 20 ? '11-20' : '>20';
}

/**
 * Features of token `i` for the cue tagger.
 *
 * @example
 * ```ts
 * cueFeatures(facts, 3)[0]; // 'w=said'
 * ```
 */
export function cueFeatures(f: TokenFacts, i: number): string[] {
  const n = f.lower.length;
  const w = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : f.lower[k]);
  const p = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : f.pos[k]);
  const sentStart = i === 0 || f.sentence[i - 1] !== f.sentence[i];
  const inQ = f.quotation[i] >= 0 ? 'q' : 'n';
  const lower = f.lower[i];
  const out = [
    `w=${lower}`,
    `p=${f.pos[i]}`,
    'bias',
    `s3=${lower.slice(-3)}`,
    `sh=${f.shape[i]}`,
    `v=${f.verb[i]}`,
    `v=${f.verb[i]}|p=${f.pos[i]}`,
    `w-1=${w(i - 1)}`,
    `w+1=${w(i + 1)}`,
    `w-2=${w(i - 2)}`,
    `w+2=${w(i + 2)}`,
    `p-1=${p(i - 1)}`,
    `p+1=${p(i + 1)}`,
    `p-1p=${p(i - 1)}|${f.pos[i]}`,
    `pp+1=${f.pos[i]}|${p(i + 1)}`,
    `w-1w=${w(i - 1)}|${lower}`,
    `ww+1=${lower}|${w(i + 1)}`,
    `v-1=${i > 0 ? f.verb[i - 1] : ''}`,
    `v+1=${i + 1 < n ? f.verb[i + 1] : ''}`,
    `inq=${inQ}|p=${f.pos[i]}`,
    `inq=${inQ}|v=${f.verb[i]}`,
    `ss=${sentStart}`,
  ];
  if (f.verb[i]) out.push(`vw-1=${w(i - 1)}`, `vp+1=${p(i + 1)}`, `vw+1=${w(i + 1)}`);
  return out;
}

/** Precomputed facts about one cue for the role tagger. */
export interface CueContext {
  start: number;
  /** inclusive */
  end: number;
  words: string;
  verb: string;
  before: string;
  after: string;
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
    words: words.length > 30 ? words.slice(0, 30) : words,
    verb: verbs.join('_') || '-',
    before: start > 0 ? f.lower[start - 1] : '<s>',
    after: end + 1 < f.lower.length ? f.lower[end + 1] : '</s>',
    quotation: f.quotation[start],
  };
}

/** The token window the role tagger reads for a cue: one sentence before it to three after, same paragraph or quotation. */
export function roleWindow(f: TokenFacts, cue: CueContext): [number, number] {
  const s = f.sentence[cue.start];
  let lo = cue.start;
  while (lo > 0 && f.sentence[lo - 1] >= s - 1 && (f.paragraph[lo - 1] === f.paragraph[cue.start] || f.quotation[lo - 1] >= 0)) lo--;
  let hi = cue.end;
  const n = f.lower.length;
  while (hi + 1 < n && f.sentence[hi + 1] <= s + 3 && f.paragraph[hi + 1] === f.paragraph[cue.end]) hi++;
  // A quotation that runs past the window would be cut in the middle: let it finish (bounded).
  while (hi + 1 < n && hi - cue.end < 200 && f.quotation[hi] >= 0 && f.quotation[hi + 1] === f.quotation[hi]) hi++;
  return [lo, hi];
}

/**
 * Features of token `i` for the role tagger, relative to `cue`. `between` holds running counts of commas,
 * quotation marks and sentence ends between `i` and the cue.
 */
export function roleFeatures(f: TokenFacts, i: number, cue: CueContext, between: { commas: number; marks: number; ends: number }): string[] {
  const n = f.lower.length;
  const dir = i < cue.start ? 'L' : i > cue.end ? 'R' : 'C';
  const d = i < cue.start ? cue.start - i : i > cue.end ? i - cue.end : 0;
  const lower = f.lower[i];
  const pos = f.pos[i];
  const sentOff = Math.max(-2, Math.min(3, f.sentence[i] - f.sentence[cue.start]));
  const q = f.quotation[i] < 0 ? 'n' : f.quotation[i] === cue.quotation ? 'same' : 'q';
  const c = Math.min(2, between.commas);
  const m = Math.min(2, between.marks);
  const e = Math.min(1, between.ends);
  const p1 = i + 1 < n ? f.pos[i + 1] : '</s>';
  const pm1 = i > 0 ? f.pos[i - 1] : '<s>';
  const w1 = i + 1 < n ? f.lower[i + 1] : '</s>';
  const wm1 = i > 0 ? f.lower[i - 1] : '<s>';
  const mark = f.quoteMark[i] || '-';
  return [
    `${dir}w=${lower}`,
    `${dir}p=${pos}`,
    `${dir}`,
    `${dir}d=${bucket(d)}`,
    `${dir}d=${bucket(d)}|p=${pos}`,
    `${dir}so=${sentOff}`,
    `${dir}so=${sentOff}|q=${q}`,
    `${dir}q=${q}|p=${pos}`,
    `${dir}q=${q}|m=${mark}`,
    `${dir}c=${c}|m=${m}|e=${e}`,
    `${dir}c=${c}|m=${m}|e=${e}|p=${pos}`,
    `${dir}sh=${f.shape[i]}`,
    `${dir}p-1=${pm1}|p=${pos}`,
    `${dir}p=${pos}|p+1=${p1}`,
    `${dir}w-1=${wm1}`,
    `${dir}w+1=${w1}`,
    `${dir}cv=${cue.verb}`,
    `${dir}cv=${cue.verb}|p=${pos}`,
    `${dir}cw=${cue.words}|d=${bucket(d)}`,
    `${dir}cb=${cue.before}|d=${bucket(d)}`,
    `${dir}ca=${cue.after}|d=${bucket(d)}`,
    `${dir}ca=${cue.after}|p=${pos}`,
    `${dir}cb=${cue.before}|p=${pos}`,
    `${dir}sentstart=${i === 0 || f.sentence[i - 1] !== f.sentence[i]}`,
    `${dir}sentend=${i + 1 >= n || f.sentence[i + 1] !== f.sentence[i]}|p=${pos}`,
  ];
}

/** Builds role features for every token of the window, keeping the "between" counts as it goes. */
export function windowFeatures(f: TokenFacts, cue: CueContext, lo: number, hi: number): string[][] {
  const out: string[][] = new Array(hi - lo + 1);
  const isEnd = (k: number): boolean => k + 1 < f.lower.length && f.sentence[k + 1] !== f.sentence[k];
  // Left of the cue, walk outward from it so counts grow with distance.
  let between = { commas: 0, marks: 0, ends: 0 };
  for (let i = cue.start - 1; i >= lo; i--) {
    out[i - lo] = roleFeatures(f, i, cue, between);
    between = {
      commas: between.commas + (f.lower[i] === ',' ? 1 : 0),
      marks: between.marks + (f.quoteMark[i] ? 1 : 0),
      ends: between.ends + (i > lo && isEnd(i - 1) ? 1 : 0),
    };
  }
  for (let i = cue.start; i <= cue.end; i++) out[i - lo] = roleFeatures(f, i, cue, { commas: 0, marks: 0, ends: 0 });
  between = { commas: 0, marks: 0, ends: 0 };
  for (let i = cue.end + 1; i <= hi; i++) {
    out[i - lo] = roleFeatures(f, i, cue, between);
    between = {
      commas: between.commas + (f.lower[i] === ',' ? 1 : 0),
      marks: between.marks + (f.quoteMark[i] ? 1 : 0),
      ends: between.ends + (isEnd(i) ? 1 : 0),
    };
  }
  return out;
}
