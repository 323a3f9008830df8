/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 as Google's rouge-score computes them: lower-case, every run of
 * non-alphanumeric characters is a space, optional Porter stemming of tokens longer than three letters;
 * ROUGE-L is the longest common subsequence over the whole text (rouge-score's `rougeL`, not `rougeLsum`).
 */
import { porterStem } from './porter.js';

/** Precision, recall and F1 of one comparison. */
export interface RougeScore {
  p: number;
  r: number;
  f1: number;
}

/** The three scores of one candidate against one reference. */
export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
}

/**
 * rouge-score tokenisation.
 *
 * @example
 * ```ts
 * rougeTokens("Iran's talks, 2017!"); // ['iran', 's', 'talks', '2017']
 * rougeTokens('running talks', true); // ['run', 'talk']
 * ```
 */
export function rougeTokens(text: string, stem = false): string[] {
  const tokens = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter((t) => t.length > 0);
  return stem ? tokens.map((t) => (t.length > 3 ? porterStem(t) : t)) : tokens;
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function fscore(overlap: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const p = candidateTotal ? overlap / candidateTotal : 0;
  const r = referenceTotal ? overlap / referenceTotal : 0;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

function ngramScore(candidate: string[], reference: string[], n: number): RougeScore {
  const c = ngramCounts(candidate, n);
  const r = ngramCounts(reference, n);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  return fscore(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Length of the longest common subsequence, in O(n·m) time and O(m) memory. */
export function lcsLength(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length];
}

/**
 * ROUGE-1/2/L of a candidate summary against a reference.
 *
 * @example
 * ```ts
 * rouge('the cat sat', 'the cat sat down').rouge1.r; // 0.75
 * ```
 */
export function rouge(candidate: string, reference: string, stem = false): RougeScores {
  const c = rougeTokens(candidate, stem);
  const r = rougeTokens(reference, stem);
  return {
    rouge1: ngramScore(c, r, 1),
    rouge2: ngramScore(c, r, 2),
    rougeL: fscore(lcsLength(c, r), c.length, r.length),
  };
}
