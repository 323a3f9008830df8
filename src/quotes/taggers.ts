/**
 * The two trained taggers and how their labels map to spans: the cue tagger (B/I/O over a document) and the
 * role tagger (source and content around one cue). Shared by training (`scripts/train-quotes.ts`) and
 * `findQuotes`, so both read tokens the same way.
 */
import { readFileSync } from 'node:fs';
import { modelPath } from '../paths.js';
import type { TokenFacts } from './analysis.js';
import { cueContext, cueFeatures, roleWindow, windowFeatures, type CueContext } from './features.js';
import { SequenceTagger, type PerceptronWeights, type TagSequence } from './perceptron.js';

export const CUE_LABELS = ['O', 'B', 'I'];
export const ROLE_LABELS = ['O', 'BS', 'IS', 'BC', 'IC'];

/** A token range [start, end] (inclusive). */
export interface TokenRange {
  start: number;
  end: number;
}

/** No I- label without its B- (or I-) before it. */
export function cueAllowed(_i: number, prev: number): boolean[] {
  return [true, true, prev === 1 || prev === 2];
}

export function roleAllowed(inCue: (i: number) => boolean): (i: number, prev: number) => boolean[] {
  return (i, prev) =>
    inCue(i) ? [true, false, false, false, false] : [true, true, prev === 1 || prev === 2, true, prev === 3 || prev === 4];
}

export function cueSequence(f: TokenFacts, from: number, to: number): TagSequence {
  const features: number[][] = [];
  for (let i = from; i < to; i++) features.push(cueFeatures(f, i));
  return { features };
}

/** Runs of B/I labels as token ranges; `offset` is the index of the first label's token. */
export function runs(labels: number[], offset: number, b: number, i: number): TokenRange[] {
  const out: TokenRange[] = [];
  labels.forEach((l, k) => {
    if (l === b || (l === i && (out.length === 0 || out[out.length - 1].end !== offset + k - 1))) out.push({ start: offset + k, end: offset + k });
    else if (l === i) out[out.length - 1].end = offset + k;
  });
  return out;
}

export interface RoleInstance {
  cue: CueContext;
  lo: number;
  hi: number;
  sequence: TagSequence;
}

export function roleInstance(f: TokenFacts, cue: TokenRange): RoleInstance {
  const ctx = cueContext(f, cue.start, cue.end);
  const [lo, hi] = roleWindow(f, ctx);
  return { cue: ctx, lo, hi, sequence: { features: windowFeatures(f, ctx, lo, hi) } };
}

export interface QuoteModel {
  cue: SequenceTagger;
  role: SequenceTagger;
}

let cached: QuoteModel | null = null;

/**
 * The committed model (`models/quote-taggers.json`), loaded once. It is kept uncompressed: inflating its 5 MB was
 * a twentieth of a one-article run's start-up, and git compresses it anyway.
 *
 * @example
 * ```ts
 * quoteModel().cue.labels; // ['O', 'B', 'I']
 * ```
 */
export function quoteModel(): QuoteModel {
  if (cached) return cached;
  const file = modelPath('quote-taggers.json');
  let stored: { cue: PerceptronWeights; role: PerceptronWeights };
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as { cue: PerceptronWeights; role: PerceptronWeights };
  } catch (err) {
    throw new Error(`${file}: cannot load the quote model (run scripts/train-quotes.ts): ${(err as Error).message}`);
  }
  if (!stored.cue?.labels || !stored.role?.labels) throw new Error(`${file}: not a quote model (needs "cue" and "role")`);
  cached = { cue: SequenceTagger.fromWeights(stored.cue), role: SequenceTagger.fromWeights(stored.role) };
  return cached;
}

/** Drops the loaded model (the next `quoteModel` reads it again): see `releaseQuoteModels`. */
export function releaseQuoteModel(): void {
  cached = null;
}

/** Cue ranges in one document, tagged sentence by sentence. */
export function tagCues(model: QuoteModel, f: TokenFacts, sentences: { tokenStart: number; tokenEnd: number }[]): TokenRange[] {
  const out: TokenRange[] = [];
  for (const s of sentences) {
    const labels = model.cue.tag(cueSequence(f, s.tokenStart, s.tokenEnd), cueAllowed);
    for (const r of runs(labels, s.tokenStart, 1, 2)) {
      // "was quoted as" + "saying" tagged as two cues are one phrase.
      const last = out[out.length - 1];
      if (last && last.end + 1 === r.start) last.end = r.end;
      else out.push(r);
    }
  }
  return out;
}

/** Source and content ranges for one cue. */
export function tagRoles(model: QuoteModel, f: TokenFacts, cue: TokenRange): { source: TokenRange[]; content: TokenRange[] } {
  const inst = roleInstance(f, cue);
  const labels = model.role.tag(inst.sequence, roleAllowed((k) => inst.lo + k >= cue.start && inst.lo + k <= cue.end));
  return { source: runs(labels, inst.lo, 1, 2), content: runs(labels, inst.lo, 3, 4) };
}
