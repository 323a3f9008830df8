/**
 * The trained NER tagger: loads `models/ner.json` (header) and `models/ner.bin` (the non-zero ones of the
 * Int16-quantised hashed weights, see `packWeights`) once, on first use, with the knowledge-base gazetteer and
 * the word clusters it was trained with, and tags word sequences with BILOU tags of PER, ORG, LOC and MISC.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { modelPath } from '../paths.js';
import { forEachGazetteerPhrase } from '../kb/index.js';
import {
  documentContext,
  FeatureExtractor,
  firstPassOf,
  freshHistory,
  secondStageFeatures,
  type FirstPass,
  FEATURE_OPTIONS,
  GAZ_CLASSES,
  sentenceFeatures,
  type Clusters,
  type DocumentContext,
  type FeatureOption,
  type Gazetteer,
} from './features.js';
import { decodeSentence, LABEL_COUNT, LABELS, type WeightLayout } from './perceptron.js';

/** A BILOU tag: `O`, or `B-`/`I-`/`L-`/`U-` with PER, ORG, LOC or MISC. */
export type NerTag = string;

/** The header of a saved model. */
export interface ModelHeader {
  format: 'parallax-ner-perceptron/1';
  /** log2 of the number of hashed weight rows */
  bits: number;
  labels: string[];
  /** a stored Int16 weight times `scale` is the weight */
  scale: number;
  /** file under models/ with word clusters (`word<TAB>bits` lines), or several joined by commas, or null when trained without */
  clusters: string | null;
  /** optional feature templates the model was trained with (absent: none) */
  features?: FeatureOption[];
  /** file under models/ with the extra gazetteer lists the model was trained with (absent: the knowledge base's only) */
  gazetteers?: string | null;
  /**
   * 2: a two-stage model, whose second pass reads the first pass's decisions over the whole document; the
   * weights interleave both stages row by row, and `scale` is the second stage's (absent: 1)
   */
  stages?: 1 | 2;
  /** the first stage's scale, for a two-stage model */
  firstStageScale?: number;
  /**
   * how `ner.bin` holds the weights: `sparse` (see `packWeights`), or `gzip` of the whole Int16 array (absent:
   * gzip, the first models' form)
   */
  weights?: 'sparse' | 'gzip';
  /** how it was trained, for the record */
  training: Record<string, unknown>;
}

/** A loaded tagger. */
export interface Tagger {
  header: ModelHeader;
  /** quantised weights of the non-zero rows (see `rowIndex`); a weight is `weights[i] * header.scale` */
  weights: Int16Array;
  /**
   * hashed row → its row in `weights`, or -1 for a row of zeros (nine rows in ten): the whole table would be
   * 70 MB, whose pages alone cost a tenth of a one-article run to fault in; the rows kept are 6 MB
   */
  rowIndex: Int32Array;
  rowMask: number;
  extractor: FeatureExtractor;
}

let loaded: Tagger | null = null;

/**
 * Reads gazetteer lists (`class<TAB>lower-cased phrase` lines, from scripts/build-gazetteers.ts), per class;
 * throws naming the file and line of a malformed line or an unknown class.
 */
export function readGazetteerLists(path: string): Map<string, string[]> {
  const byClass = new Map<string, string[]>();
  forEachListPhrase(path, (cls, phrase) => {
    let list = byClass.get(cls);
    if (!list) byClass.set(cls, (list = []));
    list.push(phrase);
  });
  return byClass;
}

/** The lines of a gazetteer list file (see readGazetteerLists) in order, without building the lists. */
function forEachListPhrase(path: string, visit: (cls: string, phrase: string) => void): void {
  const text = readFileSync(path, 'utf8');
  for (let from = 0, line = 1; from < text.length; line++) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    if (end > from) {
      const tab = text.indexOf('\t', from);
      const cls = tab >= 0 && tab < end ? text.slice(from, tab) : text.slice(from, end);
      const phrase = tab >= 0 && tab < end ? text.slice(tab + 1, end) : '';
      if (!phrase || phrase.includes('\t') || !(GAZ_CLASSES as readonly string[]).includes(cls)) {
        throw new Error(`${path}:${line}: expected "class<TAB>phrase" with a class of ${GAZ_CLASSES.join(', ')}`);
      }
      visit(cls, phrase);
    }
    from = end + 1;
  }
}

/** Buckets of the lazy gazetteer: a one-article run looks up some hundred first words and builds as many. */
const GAZ_BUCKETS = 4096;

/** The bucket of a phrase, a prefix or a looked-up key: a hash of its text up to the first space (its first word). */
function firstWordBucket(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) break;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h & (GAZ_BUCKETS - 1);
}

/**
 * The gazetteer's phrases and prefixes, kept by first word and turned into a Map and a Set one bucket at a
 * time, when a lookup first needs that bucket. Every key looked up starts with the word the lookup started
 * at, and a phrase's prefixes start with its first word, so each bucket answers exactly as one Map and one Set
 * of everything would; building those for all 75,000-odd phrases was the largest part of loading the tagger,
 * and a short article needs a few per cent of them.
 */
class LazyPhraseTable {
  // Every phrase as added, with its class bits and bucket; `finish` sorts their indices by bucket (stably).
  private all: string[] = [];
  private bits: number[] = [];
  private buckets: number[] = [];
  private start: Int32Array | null = null;
  private order: Int32Array | null = null;
  private built: ({ phrases: Map<string, number>; prefixes: Set<string> } | null)[] = new Array(GAZ_BUCKETS).fill(null);

  add(phrase: string, bit: number): void {
    this.all.push(phrase);
    this.bits.push(bit);
    this.buckets.push(firstWordBucket(phrase));
  }

  /** Called once, after the last `add`. */
  finish(): void {
    const start = new Int32Array(GAZ_BUCKETS + 1);
    for (const b of this.buckets) start[b + 1]++;
    for (let b = 0; b < GAZ_BUCKETS; b++) start[b + 1] += start[b];
    const next = start.slice(0, GAZ_BUCKETS);
    const order = new Int32Array(this.buckets.length);
    for (let j = 0; j < this.buckets.length; j++) order[next[this.buckets[j]]++] = j;
    this.start = start;
    this.order = order;
  }

  private bucket(key: string): { phrases: Map<string, number>; prefixes: Set<string> } {
    const b = firstWordBucket(key);
    let out = this.built[b];
    if (out) return out;
    out = { phrases: new Map(), prefixes: new Set() };
    const start = this.start as Int32Array;
    const order = this.order as Int32Array;
    for (let i = start[b]; i < start[b + 1]; i++) {
      const p = this.all[order[i]];
      out.phrases.set(p, (out.phrases.get(p) ?? 0) | this.bits[order[i]]);
      for (let k = p.indexOf(' '); k > 0; k = p.indexOf(' ', k + 1)) out.prefixes.add(p.slice(0, k));
    }
    this.built[b] = out;
    return out;
  }

  readonly phrases = { get: (phrase: string): number | undefined => this.bucket(phrase).phrases.get(phrase) };
  readonly prefixes = { has: (prefix: string): boolean => this.bucket(prefix).prefixes.has(prefix) };
}

/**
 * Builds the gazetteer feature table from the knowledge base and, when given, a file of lists under models/
 * (see readGazetteerLists); the same at training and run time.
 */
export function buildGazetteer(listsFile: string | null = null): Gazetteer {
  const table = new LazyPhraseTable();
  let maxTokens = 1;
  const bitOf = new Map(GAZ_CLASSES.map((c, i) => [c as string, 1 << i]));
  const add = (cls: string, phrase: string): void => {
    const bit = bitOf.get(cls) as number;
    // The dictionaries spell many names with their article ("the united nations"); news text capitalises
    // "The" only at a sentence start, where it is not part of the name.
    const p = phrase.startsWith('the ') ? phrase.slice(4) : phrase;
    let tokens = 1;
    for (let k = p.indexOf(' '); k >= 0; k = p.indexOf(' ', k + 1)) tokens++;
    if (tokens > 6) return;
    maxTokens = Math.max(maxTokens, tokens);
    table.add(p, bit);
  };
  forEachGazetteerPhrase(add);
  if (listsFile) forEachListPhrase(modelPath(listsFile), add);
  table.finish();
  return { phrases: table.phrases, maxTokens, prefixes: table.prefixes };
}

/** Reads a clusters file: one `word<TAB>bit-path` a line. */
export function readClusters(path: string): Clusters {
  const map: Clusters = new Map();
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]) continue;
    const tab = lines[i].indexOf('\t');
    if (tab <= 0) throw new Error(`${path}:${i + 1}: expected "word<TAB>bits"`);
    map.set(lines[i].slice(0, tab), lines[i].slice(tab + 1));
  }
  return map;
}

/**
 * The weights in the sparse form `ner.bin` keeps them in: a Uint32 count n, the n indices of the non-zero
 * weights in ascending order (Uint32), then their n values (Int16), little-endian as the arrays are. Fewer
 * than 2% of the hashed weights are non-zero, so this is some 3 MB where the whole array is 70 MB; the gzip
 * of the whole array is smaller on disk, but inflating 70 MB was a tenth of a one-article run's start-up.
 */
export function packWeights(weights: Int16Array): Buffer {
  let n = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) n++;
  const out = Buffer.alloc(4 + n * 6);
  const indices = new Uint32Array(out.buffer, out.byteOffset + 4, n);
  const values = new Int16Array(n);
  out.writeUInt32LE(n, 0);
  for (let i = 0, k = 0; i < weights.length; i++) {
    if (weights[i] !== 0) {
      indices[k] = i;
      values[k++] = weights[i];
    }
  }
  Buffer.from(values.buffer).copy(out, 4 + n * 4);
  return out;
}

/** The whole weight array of `ner.bin`'s bytes, `expected` weights long; throws naming the file when they do not fit. */
export function readWeights(path: string, bytes: Buffer, expected: number, form: 'sparse' | 'gzip'): Int16Array {
  if (form === 'gzip') {
    // One output chunk of the expected size (a byte more, to see the end): gunzip then writes the weights once,
    // instead of into 16 kB chunks joined by a copy of tens of MB, and the Int16Array is a view of them.
    const raw = gunzipSync(bytes, { chunkSize: expected * 2 + 1 });
    if (raw.byteLength !== expected * 2) throw new Error(`${path}: ${raw.byteLength / 2} weights where the header implies ${expected}`);
    if (raw.byteOffset % 2 === 0) return new Int16Array(raw.buffer, raw.byteOffset, expected);
    // copy into an aligned buffer of its own (a buffer at an odd offset of a pool cannot be viewed as Int16)
    const weights = new Int16Array(expected);
    new Uint8Array(weights.buffer).set(raw);
    return weights;
  }
  const { indices, values } = sparseEntries(path, bytes, expected);
  const weights = new Int16Array(expected);
  for (let k = 0; k < indices.length; k++) weights[indices[k]] = values[k];
  return weights;
}

/**
 * The entries of a sparse weight file (see `packWeights`): a count, then that many indices and that many values;
 * throws naming the file when it does not have that shape or an index is out of order or past `expected`.
 */
function sparseEntries(path: string, bytes: Buffer, expected: number): { indices: Uint32Array; values: Int16Array } {
  const n = bytes.length >= 4 ? bytes.readUInt32LE(0) : -1;
  if (n < 0 || bytes.length !== 4 + n * 6) throw new Error(`${path}: ${bytes.length} bytes, not a sparse weight file (a count, then that many indices and values)`);
  // copies of their own, aligned (a file's buffer need not start at a multiple of 4)
  const indices = new Uint32Array(n);
  new Uint8Array(indices.buffer).set(bytes.subarray(4, 4 + n * 4));
  const values = new Int16Array(n);
  new Uint8Array(values.buffer).set(bytes.subarray(4 + n * 4));
  let last = -1;
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    if (i <= last || i >= expected) throw new Error(`${path}: weight index ${i} out of order or beyond the ${expected} the header implies`);
    last = i;
  }
  return { indices, values };
}

/**
 * The rows of `stride` weights that are not all zero, and for each hashed row its place among them (-1: all
 * zero). The tagger reads a row's weights only to add them, so leaving out rows of zeros changes no sum.
 */
export function keptRows(weights: Int16Array, stride: number): { rowIndex: Int32Array; weights: Int16Array } {
  const rows = weights.length / stride;
  const rowIndex = new Int32Array(rows).fill(-1);
  let kept = 0;
  for (let r = 0; r < rows; r++) {
    for (let j = r * stride; j < (r + 1) * stride; j++) {
      if (weights[j] !== 0) {
        rowIndex[r] = kept++;
        break;
      }
    }
  }
  const out = new Int16Array(kept * stride);
  for (let r = 0; r < rows; r++) if (rowIndex[r] >= 0) out.set(weights.subarray(r * stride, (r + 1) * stride), rowIndex[r] * stride);
  return { rowIndex, weights: out };
}

/** `keptRows` of a sparse weight file (see `packWeights`), read without the whole table in between. */
export function sparseRows(path: string, bytes: Buffer, expected: number, stride: number): { rowIndex: Int32Array; weights: Int16Array } {
  const { indices, values } = sparseEntries(path, bytes, expected);
  const rowIndex = new Int32Array(expected / stride).fill(-1);
  let kept = 0;
  for (let k = 0; k < indices.length; k++) {
    const r = Math.floor(indices[k] / stride);
    if (rowIndex[r] < 0) rowIndex[r] = kept++;
  }
  const weights = new Int16Array(kept * stride);
  for (let k = 0; k < indices.length; k++) {
    const r = Math.floor(indices[k] / stride);
    weights[rowIndex[r] * stride + (indices[k] - r * stride)] = values[k];
  }
  return { rowIndex, weights };
}

/** Loads the committed model (once); throws naming the file when it is missing or malformed. */
export function loadTagger(): Tagger {
  if (loaded) return loaded;
  const headerPath = modelPath('ner.json');
  const binPath = modelPath('ner.bin');
  if (!existsSync(headerPath) || !existsSync(binPath)) {
    throw new Error(`${headerPath}: the NER model is missing; train it with \`npm run train:ner\``);
  }
  const header = JSON.parse(readFileSync(headerPath, 'utf8')) as ModelHeader;
  if (header.format !== 'parallax-ner-perceptron/1') throw new Error(`${headerPath}: unknown model format "${header.format}"`);
  if (header.labels.join() !== LABELS.join()) throw new Error(`${headerPath}: labels differ from this tagger's`);
  const stages = header.stages ?? 1;
  if (stages !== 1 && stages !== 2) throw new Error(`${headerPath}: stages ${String(stages)}: expected 1 or 2`);
  const expected = (1 << header.bits) * LABEL_COUNT * stages;
  const form = header.weights ?? 'gzip';
  if (form !== 'sparse' && form !== 'gzip') throw new Error(`${headerPath}: weights "${String(form)}": expected sparse or gzip`);
  const bytes = readFileSync(binPath);
  const stride = LABEL_COUNT * stages;
  const { rowIndex, weights } = form === 'sparse' ? sparseRows(binPath, bytes, expected, stride) : keptRows(readWeights(binPath, bytes, expected, form), stride);
  const clusters = header.clusters ? header.clusters.split(',').map((f) => readClusters(modelPath(f))) : null;
  const features = header.features ?? [];
  for (const f of features) {
    if (!(FEATURE_OPTIONS as readonly string[]).includes(f)) throw new Error(`${headerPath}: unknown feature option "${f}"`);
  }
  loaded = { header, weights, rowIndex, rowMask: (1 << header.bits) - 1, extractor: new FeatureExtractor(buildGazetteer(header.gazetteers ?? null), clusters, features) };
  return loaded;
}

/**
 * Drops the loaded model (weights, gazetteer, clusters, the word cache), for a process whose remaining work
 * tags nothing (`add` before its corpus stages); the next `loadTagger` reads it again.
 */
export function releaseTagger(): void {
  loaded = null;
}

const STAGE1: WeightLayout = { stride: 2 * LABEL_COUNT, offset: 0 };
const STAGE2: WeightLayout = { stride: 2 * LABEL_COUNT, offset: LABEL_COUNT };

/** The first pass of a two-stage model over every sentence of a document, with a history of its own. */
function firstPass(t: Tagger, doc: DocumentContext): FirstPass {
  const ctx = freshHistory(doc);
  const features = doc.sentences.map((words) => sentenceFeatures(t.extractor, words, ctx));
  const labels = features.map((s) => {
    const out = new Uint8Array(s.length);
    decodeSentence(t.weights, t.rowMask, s, ctx, out, undefined, undefined, STAGE1, t.rowIndex);
    return out;
  });
  return firstPassOf(features, labels);
}

/** BILOU tags of one sentence's label indices. */
function tagsOf(labels: Uint8Array): NerTag[] {
  return Array.from(labels, (l) => LABELS[l]);
}

/**
 * Tags the words of one sentence. Pass the `context` of the document (see `documentContext`) when the sentence
 * is part of one, and tag its sentences in order: earlier decisions inform later ones.
 *
 * @example
 * tagTokens(['Angela', 'Merkel', 'visited', 'Paris', '.'])
 * // → ['B-PER', 'L-PER', 'O', 'U-LOC', 'O']
 */
export function tagTokens(words: readonly string[], context?: DocumentContext, margins?: Float32Array): NerTag[] {
  if (words.length === 0) return [];
  const t = loadTagger();
  let doc = context ?? documentContext([words]);
  const out = new Uint8Array(words.length);
  if ((t.header.stages ?? 1) === 1) {
    decodeSentence(t.weights, t.rowMask, sentenceFeatures(t.extractor, words, doc), doc, out, undefined, margins, undefined, t.rowIndex);
  } else {
    let si = doc.sentences.indexOf(words);
    if (si < 0) {
      // a sentence outside its context's list is read as a document of its own
      doc = documentContext([words]);
      si = 0;
    }
    doc.firstPass ??= firstPass(t, doc);
    decodeSentence(t.weights, t.rowMask, secondStageFeatures(doc.firstPass, si), doc, out, undefined, margins, STAGE2, t.rowIndex);
  }
  if (margins) for (let i = 0; i < margins.length; i++) margins[i] *= t.header.scale;
  return tagsOf(out);
}

/**
 * Tags every sentence of a document, in order, with the document-level features the model was trained with.
 *
 * @example
 * tagDocument([['EU', 'rejects', 'German', 'call'], ['Peter', 'Blackburn']])
 * // → [['U-ORG', 'O', 'U-MISC', 'O'], ['B-PER', 'L-PER']]
 */
export function tagDocument(sentences: readonly (readonly string[])[]): NerTag[][] {
  const doc = documentContext(sentences);
  return sentences.map((words) => tagTokens(words, doc));
}
