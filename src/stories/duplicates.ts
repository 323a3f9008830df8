/**
 * Exact and near-duplicate articles, wire copies and reposts. Each article becomes a set of hashed word
 * 4-gram shingles (character 4-grams for Han text); a MinHash signature with LSH banding proposes candidate
 * pairs, and the exact Jaccard and containment of their shingle sets decide. Pairs join into groups, each with
 * its kind and a reason a reader can check.
 */
import type { DuplicateGroup } from '../model.js';

/** What an article brings to duplicate detection. */
export interface DuplicateInput {
  id: string;
  text: string;
  title?: string | null;
  outlet?: string | null;
}

/** A duplicate group (see `DuplicateGroup` in the model). */
export type DuplicateFinding = DuplicateGroup;

export interface DuplicateOptions {
  /** Jaccard at or above which two texts are near-duplicates */
  nearJaccard: number;
  /** share of the shorter text found in the longer at or above which it is a copy (wire text cut or extended) */
  containment: number;
  /** shingle sets smaller than this are too short to judge (a teaser of a few words) */
  minShingles: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = { nearJaccard: 0.8, containment: 0.7, minShingles: 8 };

const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
const SHINGLE_WORDS = 4;
const SHINGLE_CHARS = 4;

/** FNV-1a over a string: a 32-bit hash, deterministic across runs. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One of HASHES independent hash functions of a shingle hash (an integer mix with a per-function seed). */
function rehash(x: number, seed: number): number {
  let h = (x ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Hashed shingles of a text: lower-cased word 4-grams, and character 4-grams inside runs of Han text.
 *
 * @example
 * ```ts
 * shingles('The port strike entered its third day').size; // 4
 * ```
 */
export function shingles(text: string): Set<number> {
  const out = new Set<number>();
  const words: string[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(/[\p{Script=Han}]+|[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (/^\p{Script=Han}/u.test(w)) {
      const chars = [...w];
      for (let i = 0; i + SHINGLE_CHARS <= chars.length; i++) out.add(fnv1a(chars.slice(i, i + SHINGLE_CHARS).join('')));
    } else words.push(w);
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

function signature(set: Set<number>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let k = 0; k < HASHES; k++) {
      const h = rehash(x, k);
      if (h < sig[k]) sig[k] = h;
    }
  }
  return sig;
}

function overlap(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

const normalisedText = (t: string): string => t.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Groups duplicate and syndicated articles. Articles in no group are left out.
 *
 * @example
 * ```ts
 * const groups = findDuplicates([
 *   { id: 'a', text: wireText, outlet: 'Daily One' },
 *   { id: 'b', text: wireText + ' Local reaction followed.', outlet: 'Daily Two' },
 * ]);
 * groups[0]; // { articles: ['a', 'b'], kind: 'wire', reason: '2 outlets, 1 wire story', ... }
 * ```
 */
export function findDuplicates(inputs: readonly DuplicateInput[], options: Partial<DuplicateOptions> = {}): DuplicateFinding[] {
  const opts = { ...DEFAULT_DUPLICATE_OPTIONS, ...options };
  const sets = inputs.map((d) => shingles(d.text));
  const exactKey = inputs.map((d) => normalisedText(d.text));
  const buckets = new Map<string, number[]>();
  inputs.forEach((_, i) => {
    if (sets[i].size < opts.minShingles) return;
    const sig = signature(sets[i]);
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}`;
      let list = buckets.get(key);
      if (!list) buckets.set(key, (list = []));
      list.push(i);
    }
  });
  const parent = inputs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  /** the Jaccard of each pair that joined two groups, by the pair's lower article */
  const joins: [number, number][] = [];
  // exact copies, whatever their length
  const byText = new Map<string, number>();
  exactKey.forEach((k, i) => {
    const first = byText.get(k);
    if (first === undefined) byText.set(k, i);
    else {
      parent[find(i)] = find(first);
      joins.push([first, 1]);
    }
  });
  // A pair already in one group is not compared again (a group joined by copies of one text would otherwise cost
  // the square of its size), so a group's similarity is that of the weakest pair that joined it.
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x];
        const j = list[y];
        const ri = find(i);
        const rj = find(j);
        if (ri === rj) continue;
        const shared = overlap(sets[i], sets[j]);
        const jaccard = shared / (sets[i].size + sets[j].size - shared);
        const contained = shared / Math.min(sets[i].size, sets[j].size);
        if (jaccard >= opts.nearJaccard || contained >= opts.containment) {
          joins.push([i, jaccard]);
          parent[Math.max(ri, rj)] = Math.min(ri, rj);
        }
      }
    }
  }
  const weakest = new Map<number, number>();
  for (const [i, jaccard] of joins) {
    const r = find(i);
    weakest.set(r, Math.min(weakest.get(r) ?? 1, jaccard));
  }
  const groups = new Map<number, number[]>();
  inputs.forEach((_, i) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(i);
  });
  const findings: DuplicateFinding[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const similarity = weakest.get(find(members[0])) ?? 1;
    findings.push(describeGroup(members.map((i) => inputs[i]), new Set(members.map((i) => exactKey[i])).size === 1, similarity));
  }
  return findings.sort((a, b) => b.articles.length - a.articles.length || a.articles[0].localeCompare(b.articles[0]));
}

function describeGroup(docs: DuplicateInput[], identical: boolean, similarity: number): DuplicateFinding {
  const outlets = [...new Set(docs.map((d) => d.outlet?.trim()).filter((o): o is string => !!o))];
  const titles = new Set(docs.map((d) => d.title?.trim().toLowerCase()).filter((t): t is string => !!t));
  const articles = docs.map((d) => d.id);
  const base = { articles, similarity: Number(similarity.toFixed(3)), outlets };
  if (outlets.length >= 2) {
    const sameText = identical ? ', same text' : ', text trimmed or extended';
    return { ...base, kind: 'wire', reason: `${outlets.length} outlets, 1 wire story${sameText}` };
  }
  if (titles.size >= 2) return { ...base, kind: 'repost', reason: `same text under ${titles.size} headlines` };
  if (identical) return { ...base, kind: 'exact', reason: `${docs.length} copies of the same text` };
  return { ...base, kind: 'near', reason: `${docs.length} near-identical texts (shingle Jaccard ≥ ${similarity.toFixed(2)})` };
}
