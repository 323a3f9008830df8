/**
 * Word clusters for the NER tagger from unlabelled news (../shared/eval/unlabelled: Reuters-21578 + BBC), a
 * cheap stand-in for Brown clusters: each frequent word gets a vector of its left and right neighbours
 * (positive PMI over the most frequent context words), randomly projected to a small dense space, and the
 * words are split by recursive 2-means into a binary tree. A word's path in the tree (`0110...`) is its
 * cluster; the tagger uses path prefixes as features, as with Brown clusters.
 *
 * Writes `models/ner-clusters.tsv` (`word<TAB>path`; `--out NAME` for another file under models/). Deterministic
 * (seeded projection and initialisation). `--recent` adds the PolNeAR and NeuS training texts (5.2M tokens in
 * all, 35k words clustered); `--min-count N` (4) sets how often a word must occur to be clustered.
 * `--brown C` makes Brown clusters instead (scripts/brown.ts, C clusters; the same tokens and vocabulary).
 * Run: `node --import tsx scripts/build-clusters.ts`, then `npm run train:ner -- --clusters NAME`.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { modelPath } from '../src/paths.js';
import { unlabelledTexts } from './unlabelled.js';
import { brownClusters } from './brown.js';
import { seededRandom } from '../src/random.js';

const { values } = parseArgs({
  options: {
    recent: { type: 'boolean', default: false },
    'min-count': { type: 'string', default: '4' },
    out: { type: 'string', default: 'ner-clusters.tsv' },
    brown: { type: 'string' },
  },
});
const MIN_COUNT = Number(values['min-count']);
const brownSize = values.brown === undefined ? 0 : Number(values.brown);
if (values.brown !== undefined && !(Number.isInteger(brownSize) && brownSize >= 2)) throw new Error(`build-clusters: --brown ${values.brown}: expected a number of clusters`);
const MAX_VOCAB = 60_000;
const CONTEXTS = 800;
const DIMS = 96;
const DEPTH = 14;
const MIN_LEAF = 6;

const random = seededRandom(7);
const gaussian = (): number => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());

// CoNLL-like tokens: words with inner dots, hyphens, apostrophes and ampersands kept whole; punctuation apart.
const TOKEN = /[\p{L}\p{N}]+(?:[.'&-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

const sentences: number[][] = [];
const ids = new Map<string, number>();
const counts: number[] = [];
for (const { text } of unlabelledTexts(values.recent, 'build-clusters')) {
  for (const para of text.split(/\n\s*\n|\n {2,}/)) {
    const toks = para.match(TOKEN);
    if (!toks) continue;
    // A trailing dot belongs to the word only in abbreviations ("Corp.", "U.S."); split it off plain words.
    const seq: number[] = [];
    for (const raw of toks) {
      let t = raw.toLowerCase();
      let trailingDot = false;
      const abbreviation = /\..*\./.test(raw) || (raw.length <= 5 && /^\p{Lu}/u.test(raw));
      if (raw.length > 1 && raw.endsWith('.') && !abbreviation) {
        t = t.slice(0, -1);
        trailingDot = true;
      }
      for (const w of trailingDot ? [t, '.'] : [t]) {
        let id = ids.get(w);
        if (id === undefined) {
          id = counts.length;
          ids.set(w, id);
          counts.push(0);
        }
        counts[id]++;
        seq.push(id);
      }
    }
    sentences.push(seq);
  }
}
const words = [...ids.keys()];
const byFreq = counts.map((c, i) => i).sort((a, b) => counts[b] - counts[a] || (words[a] < words[b] ? -1 : 1));
const vocab = byFreq.filter((i) => counts[i] >= MIN_COUNT).slice(0, MAX_VOCAB);
const vocabIndex = new Int32Array(counts.length).fill(-1);
vocab.forEach((w, i) => (vocabIndex[w] = i));
const contextIndex = new Int32Array(counts.length).fill(-1);
byFreq.slice(0, CONTEXTS).forEach((w, i) => (contextIndex[w] = i));
console.log(`build-clusters: ${counts.reduce((a, b) => a + b, 0)} tokens, ${words.length} types, ${vocab.length} clustered`);

/** The PPMI-vector clusters: left/right neighbour PPMI, random projection, recursive spherical 2-means. */
function ppmiPaths(): string[] {
  // left and right neighbour counts: [word][side * CONTEXTS + context]
  const co = new Float32Array(V * 2 * CONTEXTS);
  for (const seq of sentences) {
    for (let i = 0; i < seq.length; i++) {
      const v = vocabIndex[seq[i]];
      if (v < 0) continue;
      if (i > 0 && contextIndex[seq[i - 1]] >= 0) co[v * 2 * CONTEXTS + contextIndex[seq[i - 1]]]++;
      if (i + 1 < seq.length && contextIndex[seq[i + 1]] >= 0) co[v * 2 * CONTEXTS + CONTEXTS + contextIndex[seq[i + 1]]]++;
    }
  }
  // positive PMI
  const rowSum = new Float64Array(V);
  const colSum = new Float64Array(2 * CONTEXTS);
  let total = 0;
  for (let v = 0; v < V; v++) {
    for (let c = 0; c < 2 * CONTEXTS; c++) {
      const x = co[v * 2 * CONTEXTS + c];
      rowSum[v] += x;
      colSum[c] += x;
      total += x;
    }
  }
  for (let v = 0; v < V; v++) {
    for (let c = 0; c < 2 * CONTEXTS; c++) {
      const k = v * 2 * CONTEXTS + c;
      const x = co[k];
      co[k] = x > 0 ? Math.max(0, Math.log((x * total) / (rowSum[v] * colSum[c]))) : 0;
    }
  }
  // random projection to DIMS, then unit length
  const proj = new Float32Array(2 * CONTEXTS * DIMS);
  for (let i = 0; i < proj.length; i++) proj[i] = gaussian();
  const vec = new Float32Array(V * DIMS);
  for (let v = 0; v < V; v++) {
    const row = v * 2 * CONTEXTS;
    const out = v * DIMS;
    for (let c = 0; c < 2 * CONTEXTS; c++) {
      const x = co[row + c];
      if (x === 0) continue;
      const p = c * DIMS;
      for (let d = 0; d < DIMS; d++) vec[out + d] += x * proj[p + d];
    }
    let norm = 0;
    for (let d = 0; d < DIMS; d++) norm += vec[out + d] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < DIMS; d++) vec[out + d] /= norm;
  }

  // recursive 2-means (spherical) into a binary tree of paths
  const paths = new Array<string>(V).fill('');
  function split(members: number[], depth: number): void {
    if (depth >= DEPTH || members.length < MIN_LEAF * 2) return;
    const a = new Float64Array(DIMS);
    const b = new Float64Array(DIMS);
    // initialise with a frequent member and the member farthest from it: deterministic, no empty side at start
    const first = members[0];
    let far = members[1];
    let farDot = Infinity;
    for (const m of members) {
      let dot = 0;
      for (let d = 0; d < DIMS; d++) dot += vec[m * DIMS + d] * vec[first * DIMS + d];
      if (dot < farDot) (farDot = dot), (far = m);
    }
    for (let d = 0; d < DIMS; d++) (a[d] = vec[first * DIMS + d]), (b[d] = vec[far * DIMS + d]);
    let side = new Uint8Array(members.length);
    for (let iter = 0; iter < 8; iter++) {
      const next = new Uint8Array(members.length);
      members.forEach((m, i) => {
        let da = 0;
        let db = 0;
        for (let d = 0; d < DIMS; d++) (da += vec[m * DIMS + d] * a[d]), (db += vec[m * DIMS + d] * b[d]);
        next[i] = db > da ? 1 : 0;
      });
      side = next;
      a.fill(0);
      b.fill(0);
      members.forEach((m, i) => {
        const t = side[i] ? b : a;
        for (let d = 0; d < DIMS; d++) t[d] += vec[m * DIMS + d];
      });
      // spherical k-means: compare directions, or the larger side's longer sum would win every word
      for (const t of [a, b]) {
        let norm = 0;
        for (let d = 0; d < DIMS; d++) norm += t[d] * t[d];
        norm = Math.sqrt(norm) || 1;
        for (let d = 0; d < DIMS; d++) t[d] /= norm;
      }
    }
    const left = members.filter((_, i) => !side[i]);
    const right = members.filter((_, i) => side[i]);
    if (left.length === 0 || right.length === 0) return;
    for (const m of left) paths[m] += '0';
    for (const m of right) paths[m] += '1';
    split(left, depth + 1);
    split(right, depth + 1);
  }
  split(
    vocab.map((_, i) => i),
    0,
  );
  return paths;
}

const V = vocab.length;
const t0 = Date.now();
const paths = brownSize
  ? brownClusters(
      sentences.map((seq) => Int32Array.from(seq, (id) => vocabIndex[id])),
      V,
      brownSize,
      (done) => console.log(`build-clusters: brown: ${done} of ${V} words in, ${((Date.now() - t0) / 1000).toFixed(0)} s`),
    )
  : ppmiPaths();
console.log(`build-clusters: clustered in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
const lines = vocab.map((w, i) => `${words[w]}\t${paths[i] || '0'}`);
writeFileSync(modelPath(values.out), lines.join('\n') + '\n');
console.log(`build-clusters: wrote models/${values.out} (${V} words, ${new Set(paths).size} leaves)`);
