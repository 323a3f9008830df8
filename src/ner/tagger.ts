/**
 * The trained NER tagger: loads `models/ner.json` (header) and `models/ner.bin` (gzip of the Int16-quantised
 * hashed weight rows that hold a weight) once, on first use, with the knowledge-base gazetteer and the word
 * clusters it was trained with, and tags word sequences with BILOU tags of PER, ORG, LOC and MISC.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { modelPath } from '../paths.js';
import { gazetteerPhrases } from '../kb/index.js';
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
import { decodeSentence, LABEL_COUNT, LABELS, packRows, rowIndexOf, type PackedRows, type WeightLayout } from './perceptron.js';

/** A BILOU tag: `O`, or `B-`/`I-`/`L-`/`U-` with PER, ORG, LOC or MISC. */
export type NerTag = string;

/** The header of a saved model. */
export interface ModelHeader {
  /**
   * `/2`: ner.bin is a packed table (`encodeWeights`), only the rows that hold a non-zero weight; `/1` (read
   * too): the dense table of every hashed row
   */
  format: 'parallax-ner-perceptron/1' | 'parallax-ner-perceptron/2';
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
  /** how it was trained, for the record */
  training: Record<string, unknown>;
}

/** A loaded tagger. */
export interface Tagger {
  header: ModelHeader;
  /** quantised weights of the rows that hold one (see `rowIndex`); a weight is `weights[i] * header.scale` */
  weights: Int16Array;
  /**
   * for each hashed row, its row in `weights`, or -1: a dense table of all 2^20 rows x 34 weights took 71 MB for
   * 95 thousand rows that hold a weight (6 MB), and was the largest thing a process held
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
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line) return;
    const [cls, phrase, extra] = line.split('\t');
    if (!phrase || extra !== undefined || !(GAZ_CLASSES as readonly string[]).includes(cls)) {
      throw new Error(`${path}:${i + 1}: expected "class<TAB>phrase" with a class of ${GAZ_CLASSES.join(', ')}`);
    }
    let list = byClass.get(cls);
    if (!list) byClass.set(cls, (list = []));
    list.push(phrase);
  });
  return byClass;
}

/**
 * Builds the gazetteer feature table from the knowledge base and, when given, a file of lists under models/
 * (see readGazetteerLists); the same at training and run time.
 */
export function buildGazetteer(listsFile: string | null = null): Gazetteer {
  const phrases = new Map<string, number>();
  const prefixes = new Set<string>();
  let maxTokens = 1;
  const lists: [string, Iterable<string>][] = [...gazetteerPhrases()];
  if (listsFile) lists.push(...readGazetteerLists(modelPath(listsFile)));
  for (const [cls, set] of lists) {
    const bit = 1 << GAZ_CLASSES.indexOf(cls as (typeof GAZ_CLASSES)[number]);
    for (const phrase of set) {
      // The dictionaries spell many names with their article ("the united nations"); news text capitalises
      // "The" only at a sentence start, where it is not part of the name.
      const p = phrase.startsWith('the ') ? phrase.slice(4) : phrase;
      const tokens = p.split(' ').length;
      if (tokens > 6) continue;
      maxTokens = Math.max(maxTokens, tokens);
      phrases.set(p, (phrases.get(p) ?? 0) | bit);
      for (let k = p.indexOf(' '); k > 0; k = p.indexOf(' ', k + 1)) prefixes.add(p.slice(0, k));
    }
  }
  return { phrases, maxTokens, prefixes };
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

/** Loads the committed model (once); throws naming the file when it is missing or malformed. */
export function loadTagger(): Tagger {
  if (loaded) return loaded;
  const headerPath = modelPath('ner.json');
  const binPath = modelPath('ner.bin');
  if (!existsSync(headerPath) || !existsSync(binPath)) {
    throw new Error(`${headerPath}: the NER model is missing; train it with \`npm run train:ner\``);
  }
  const header = JSON.parse(readFileSync(headerPath, 'utf8')) as ModelHeader;
  if (header.format !== 'parallax-ner-perceptron/1' && header.format !== 'parallax-ner-perceptron/2') {
    throw new Error(`${headerPath}: unknown model format "${header.format}"`);
  }
  if (header.labels.join() !== LABELS.join()) throw new Error(`${headerPath}: labels differ from this tagger's`);
  const stages = header.stages ?? 1;
  if (stages !== 1 && stages !== 2) throw new Error(`${headerPath}: stages ${String(stages)}: expected 1 or 2`);
  const width = LABEL_COUNT * stages;
  const packed =
    header.format === 'parallax-ner-perceptron/2'
      ? decodeWeights(gunzipSync(readFileSync(binPath)), 1 << header.bits, width, binPath)
      : packRows(readDense(binPath, (1 << header.bits) * width), width);
  const clusters = header.clusters ? header.clusters.split(',').map((f) => readClusters(modelPath(f))) : null;
  const features = header.features ?? [];
  for (const f of features) {
    if (!(FEATURE_OPTIONS as readonly string[]).includes(f)) throw new Error(`${headerPath}: unknown feature option "${f}"`);
  }
  loaded = {
    header,
    weights: packed.weights,
    rowIndex: rowIndexOf(packed.rows, 1 << header.bits),
    rowMask: (1 << header.bits) - 1,
    extractor: new FeatureExtractor(buildGazetteer(header.gazetteers ?? null), clusters, features),
  };
  return loaded;
}

/** A `/1` model's dense table: every hashed row's weights. */
function readDense(binPath: string, expected: number): Int16Array {
  // One output chunk of the expected size (a byte more, to see the end): gunzip then writes the weights once,
  // instead of into 16 kB chunks joined by a copy of tens of MB, and the Int16Array is a view of them.
  const raw = gunzipSync(readFileSync(binPath), { chunkSize: expected * 2 + 1 });
  if (raw.byteLength !== expected * 2) throw new Error(`${binPath}: ${raw.byteLength / 2} weights where the header implies ${expected}`);
  if (raw.byteOffset % 2 === 0) return new Int16Array(raw.buffer, raw.byteOffset, expected);
  // copy into an aligned buffer of its own (a buffer at an odd offset of a pool cannot be viewed as Int16)
  const weights = new Int16Array(expected);
  new Uint8Array(weights.buffer).set(raw);
  return weights;
}

/**
 * The bytes of a `/2` ner.bin before gzip: the number of kept rows R (Int32), their row numbers in ascending
 * order (R x Int32), then their weights (R x `width` x Int16, rows in that order), little-endian.
 */
export function encodeWeights(packed: PackedRows): Buffer {
  const out = Buffer.alloc(4 + packed.rows.length * 4 + packed.weights.length * 2);
  out.writeInt32LE(packed.rows.length, 0);
  packed.rows.forEach((r, i) => out.writeInt32LE(r, 4 + i * 4));
  const at = 4 + packed.rows.length * 4;
  packed.weights.forEach((w, i) => out.writeInt16LE(w, at + i * 2));
  return out;
}

/** Reads `encodeWeights`' bytes back; throws naming the file when they do not fit the header. */
export function decodeWeights(bytes: Buffer, rowCount: number, width: number, file: string): PackedRows {
  const n = bytes.byteLength >= 4 ? bytes.readInt32LE(0) : -1;
  if (n < 0 || bytes.byteLength !== 4 + n * 4 + n * width * 2) throw new Error(`${file}: ${bytes.byteLength} bytes do not hold a packed table of rows ${width} weights wide`);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    rows[i] = bytes.readInt32LE(4 + i * 4);
    if (rows[i] < 0 || rows[i] >= rowCount || (i > 0 && rows[i] <= rows[i - 1])) throw new Error(`${file}: row ${rows[i]} out of order or outside the ${rowCount} rows of the header`);
  }
  const weights = new Int16Array(n * width);
  const at = 4 + n * 4;
  for (let i = 0; i < weights.length; i++) weights[i] = bytes.readInt16LE(at + i * 2);
  return { rows, weights };
}

/**
 * Drops the loaded model (weights, gazetteer, clusters, the word cache: about 40 MB), for a process whose
 * remaining work tags nothing; the next `loadTagger` reads it again.
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
