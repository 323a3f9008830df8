/**
 * Same-story similarity of article pairs, scored as a batch so that document frequencies come from every text
 * in it: the square root of the TF-IDF cosine over story terms (words, numbers, Han bigrams, concepts).
 */
import { storyTerms } from './terms.js';

function counts(terms: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function vector(c: Map<string, number>, idf: Map<string, number>): Map<string, number> {
  const v = new Map<string, number>();
  let norm = 0;
  for (const [t, n] of c) {
    const w = (1 + Math.log(n)) * (idf.get(t) ?? 0);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** Cosine of two unit vectors. */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) dot += w * o;
  }
  return dot;
}

/**
 * Similarity in [0, 1] of each pair of texts; the texts of all pairs form the corpus the weights come from.
 *
 * @example
 * ```ts
 * const [s] = pairSimilarity([['Strike shuts port', 'Port strike shuts docks']]);
 * ```
 */
export function pairSimilarity(pairs: readonly (readonly [string, string])[]): number[] {
  const docs = pairs.map(([a, b]) => [counts(storyTerms(a)), counts(storyTerms(b))] as const);
  const df = new Map<string, number>();
  for (const pair of docs) for (const c of pair) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length * 2;
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / (d + 0.5)));
  // Cosines of sparse TF-IDF vectors crowd near 0 (most shared words are few); the square root spreads them so
  // that the score grows about evenly with how much of a story two articles share.
  return docs.map(([a, b]) => Math.sqrt(cosine(vector(a, idf), vector(b, idf))));
}
