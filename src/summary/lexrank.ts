/**
 * LexRank (Erkan & Radev 2004), the baseline the summary is measured against: sentences are nodes, an edge joins
 * two sentences whose TF-IDF cosine is at least the threshold (0.1), and the stationary distribution of a random
 * walk over the degree-normalised graph (damping 0.85, power iteration) ranks them.
 */
import { cosine, inverseFrequencies, norm, tfidf, words, type TermVector } from './terms.js';

/** Options of `lexRank`. */
export interface LexRankOptions {
  /** edge threshold on cosine similarity (0.1 as in the paper's best threshold setting) */
  threshold?: number;
  /** probability of following an edge rather than jumping anywhere */
  damping?: number;
  /** stop when no score moves by more than this */
  tolerance?: number;
  maxIterations?: number;
}

/**
 * LexRank scores of sentences (they sum to 1).
 *
 * @example
 * ```ts
 * const scores = lexRank(['Talks open in the capital.', 'The capital hosts talks.', 'Rain fell.']);
 * scores[2] < scores[0]; // true
 * ```
 */
export function lexRank(sentences: string[], options: LexRankOptions = {}): number[] {
  const { threshold = 0.1, damping = 0.85, tolerance = 1e-6, maxIterations = 200 } = options;
  const n = sentences.length;
  if (n === 0) return [];
  const termLists = sentences.map((s) => words(s));
  const idf = inverseFrequencies(termLists);
  const vectors: TermVector[] = termLists.map((t) => tfidf(t, idf));
  const norms = vectors.map(norm);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      if (cosine(vectors[i], vectors[j], norms[i], norms[j]) >= threshold || i === j) {
        neighbours[i].push(j);
        if (i !== j) neighbours[j].push(i);
      }
    }
  }
  let p = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < maxIterations; it++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let i = 0; i < n; i++) {
      const share = (damping * p[i]) / neighbours[i].length;
      for (const j of neighbours[i]) next[j] += share;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta = Math.max(delta, Math.abs(next[i] - p[i]));
    p = next;
    if (delta < tolerance) break;
  }
  return p;
}
