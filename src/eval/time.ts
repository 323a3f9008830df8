/**
 * `parallax eval time --data DIR`: TempEval-3 scoring of time expressions on TimeML files (TimeBank,
 * AQUAINT): strict and relaxed extent F1, value accuracy on the relaxed matches, value F1 = relaxed F1 ×
 * value accuracy. Each document is anchored on its creation time, which is not itself scored.
 */
import { extractTimes } from '../time/extract.js';
import type { TimeRef } from '../model.js';
import { type GoldTimex, readTimeml } from './timeml.js';

export interface TimeScores {
  documents: number;
  gold: number;
  system: number;
  strict: { p: number; r: number; f1: number };
  relaxed: { p: number; r: number; f1: number };
  value_accuracy: number;
  value_f1: number;
  type_accuracy: number;
}

interface Extent {
  start: number;
  end: number;
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/**
 * TIMEX3 values equal up to the zero-padding of week numbers (`2000-W7` = `2000-W07`), which the gold data
 * writes both ways, and letter case.
 */
export function sameValue(a: string | null, b: string): boolean {
  if (a === null) return false;
  const norm = (v: string): string => v.toUpperCase().replace(/-W0(\d)\b/, '-W$1');
  return norm(a) === norm(b);
}

/** One-to-one pairing of system and gold extents: exact pairs first, then overlapping ones in text order. */
export function matchExtents<S extends Extent, G extends Extent>(system: S[], gold: G[]): { strict: number; pairs: [S, G][] } {
  const usedS = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [S, G][] = [];
  let strict = 0;
  system.forEach((s, i) => {
    const j = gold.findIndex((g, k) => !usedG.has(k) && g.start === s.start && g.end === s.end);
    if (j >= 0) {
      usedS.add(i);
      usedG.add(j);
      pairs.push([s, gold[j]]);
      strict++;
    }
  });
  system.forEach((s, i) => {
    if (usedS.has(i)) return;
    const j = gold.findIndex((g, k) => !usedG.has(k) && g.start < s.end && s.start < g.end);
    if (j >= 0) {
      usedS.add(i);
      usedG.add(j);
      pairs.push([s, gold[j]]);
    }
  });
  return { strict, pairs };
}

/** Per-document predictions paired with gold, for scoring and for error listings. */
export interface ScoredDocument {
  path: string;
  creationTime: string;
  text: string;
  gold: GoldTimex[];
  system: TimeRef[];
  pairs: [TimeRef, GoldTimex][];
  strict: number;
}

/** Run extraction over every document under `data` and pair the results with the gold expressions. */
export function scoreDocuments(data: string): ScoredDocument[] {
  return readTimeml(data).map((doc) => {
    const system = extractTimes(doc.text, doc.creationTime.slice(0, 10));
    const extents = system.map((r) => ({ ...r, start: r.span.start, end: r.span.end }));
    const { strict, pairs } = matchExtents(extents, doc.timexes);
    return { path: doc.path, creationTime: doc.creationTime, text: doc.text, gold: doc.timexes, system, pairs, strict };
  });
}

/** Sum the per-document counts into TempEval-3 scores. */
export function summarise(docs: ScoredDocument[]): TimeScores {
  let gold = 0;
  let system = 0;
  let strict = 0;
  let relaxed = 0;
  let valueRight = 0;
  let typeRight = 0;
  for (const d of docs) {
    gold += d.gold.length;
    system += d.system.length;
    strict += d.strict;
    relaxed += d.pairs.length;
    for (const [s, g] of d.pairs) {
      if (sameValue(s.value, g.value)) valueRight++;
      if (s.type === g.type) typeRight++;
    }
  }
  const sp = ratio(strict, system);
  const sr = ratio(strict, gold);
  const rp = ratio(relaxed, system);
  const rr = ratio(relaxed, gold);
  const valueAccuracy = ratio(valueRight, relaxed);
  return {
    documents: docs.length,
    gold,
    system,
    strict: { p: sp, r: sr, f1: f1(sp, sr) },
    relaxed: { p: rp, r: rr, f1: f1(rp, rr) },
    value_accuracy: valueAccuracy,
    value_f1: f1(rp, rr) * valueAccuracy,
    type_accuracy: ratio(typeRight, relaxed),
  };
}

const fmt = (x: number): string => x.toFixed(3);

/**
 * The `eval time` task.
 *
 * @example
 * ```ts
 * const { result } = await evaluate({ data: '../shared/eval/tempeval3' });
 * result.value_f1; // e.g. 0.8
 * ```
 */
export async function evaluate(args: { data: string; predictions?: string }): Promise<{ table: string; result: Record<string, unknown> }> {
  if (args.predictions) throw new Error('eval time: --predictions is not supported (predictions are made here)');
  const s = summarise(scoreDocuments(args.data));
  const table = [
    `time expressions (TempEval-3 scoring), ${s.documents} documents, ${s.gold} gold, ${s.system} found`,
    `            P      R      F1`,
    `strict    ${fmt(s.strict.p)}  ${fmt(s.strict.r)}  ${fmt(s.strict.f1)}`,
    `relaxed   ${fmt(s.relaxed.p)}  ${fmt(s.relaxed.r)}  ${fmt(s.relaxed.f1)}`,
    `value accuracy ${fmt(s.value_accuracy)}   value F1 ${fmt(s.value_f1)}   type accuracy ${fmt(s.type_accuracy)}`,
  ].join('\n');
  return {
    table,
    result: {
      task: 'time',
      documents: s.documents,
      strict_f1: s.strict.f1,
      relaxed_f1: s.relaxed.f1,
      value_accuracy: s.value_accuracy,
      value_f1: s.value_f1,
      strict: s.strict,
      relaxed: s.relaxed,
      type_accuracy: s.type_accuracy,
    },
  };
}
