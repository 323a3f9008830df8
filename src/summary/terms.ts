/** Words, TF-IDF vectors and cosine similarity: the summary's own vector space (no embeddings ship here). */

/** A sparse vector: term → weight. */
export type TermVector = Map<string, number>;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * Lower-case word tokens of a text (letters and digits; an apostrophe suffix stays on its word).
 *
 * @example
 * ```ts
 * words('Iran’s 2 talks.'); // ['iran’s', '2', 'talks']
 * ```
 */
export function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []);
}

/**
 * The content terms of a text: words that are not stopwords, with possessives cut ("iran's" → "iran").
 *
 * @example
 * ```ts
 * contentTerms('The talks in Valmora', new Set(['the', 'in'])); // ['talks', 'valmora']
 * ```
 */
export function contentTerms(text: string, stopwords: Set<string>): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const base = w.replace(/['’]s$/u, '');
    if (base.length < 2 && !/\d/.test(base)) continue;
    if (stopwords.has(base)) continue;
    out.push(base);
  }
  return out;
}

/**
 * Names and numbers of a text: capitalised words not at the start of the sentence, and digit runs. Two
 * sentences that share them likely report the same fact.
 *
 * @example
 * ```ts
 * [...anchorsOf('Talks start in Valmora on January 23.')]; // ['valmora', 'january', '23']
 * ```
 */
export function anchorsOf(text: string): Set<string> {
  const out = new Set<string>();
  const re = /[\p{L}\p{N}]+/gu;
  let m: RegExpExecArray | null;
  let first = true;
  while ((m = re.exec(text))) {
    const w = m[0];
    if (/^\p{N}+$/u.test(w)) out.add(w);
    else if (!first && /^\p{Lu}/u.test(w) && w.length > 1) out.add(w.toLowerCase());
    first = false;
  }
  return out;
}

/** Inverse document frequencies over a set of term lists (smoothed so no weight is zero). */
export function inverseFrequencies(documents: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of documents) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = documents.length;
  const idf = new Map<string, number>();
  for (const [t, f] of df) idf.set(t, Math.log((n + 1) / (f + 0.5)));
  return idf;
}

/**
 * A TF-IDF vector (raw term counts × idf); terms without an idf get the largest idf (unseen = rare).
 *
 * @example
 * ```ts
 * const idf = inverseFrequencies([['a', 'b'], ['b']]);
 * tfidf(['a', 'a'], idf).get('a'); // 2 × idf(a)
 * ```
 */
export function tfidf(terms: string[], idf: Map<string, number>, unseen = 1): TermVector {
  const v: TermVector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
  for (const [t, c] of v) v.set(t, c * (idf.get(t) ?? unseen));
  return v;
}

/** Euclidean norm of a vector. */
export function norm(v: TermVector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

/**
 * Cosine similarity of two sparse vectors (0 when either is empty).
 *
 * @example
 * ```ts
 * cosine(new Map([['a', 1]]), new Map([['a', 2]])); // 1
 * ```
 */
export function cosine(a: TermVector, b: TermVector, normA = norm(a), normB = norm(b)): number {
  if (normA === 0 || normB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, x] of small) {
    const y = large.get(t);
    if (y !== undefined) dot += x * y;
  }
  return dot / (normA * normB);
}
