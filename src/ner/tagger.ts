/**
 * The trained NER tagger: loads `models/ner.json` (header) and `models/ner.bin` (gzip of Int16-quantised
 * hashed weights) once, on first use, with the knowledge-base gazetteer and the word clusters it was trained
 * with, and tags word sequences with BILOU tags of PER, ORG, LOC and MISC.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { modelPath } from '../paths.js';
import { gazetteerPhrases, type GazetteerClass } from '../kb/index.js';
import {
  documentContext,
  FeatureExtractor,
  FEATURE_OPTIONS,
  GAZ_CLASSES,
  sentenceFeatures,
  type Clusters,
  type DocumentContext,
  type FeatureOption,
  type Gazetteer,
} from './features.js';
import { decodeSentence, LABEL_COUNT, LABELS } from './perceptron.js';

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
  /** file under models/ with word clusters (`word<TAB>bits` lines), or null when trained without */
  clusters: string | null;
  /** optional feature templates the model was trained with (absent: none) */
  features?: FeatureOption[];
  /** how it was trained, for the record */
  training: Record<string, unknown>;
}

/** A loaded tagger. */
export interface Tagger {
  header: ModelHeader;
  /** quantised weights; a weight is `weights[i] * header.scale` */
  weights: Int16Array;
  rowMask: number;
  extractor: FeatureExtractor;
}

let loaded: Tagger | null = null;

/** Builds the gazetteer feature table from the knowledge base (the same at training and run time). */
export function buildGazetteer(): Gazetteer {
  const phrases = new Map<string, number>();
  let maxTokens = 1;
  for (const [cls, set] of gazetteerPhrases()) {
    const bit = 1 << GAZ_CLASSES.indexOf(cls as GazetteerClass);
    for (const phrase of set) {
      // The dictionaries spell many names with their article ("the united nations"); news text capitalises
      // "The" only at a sentence start, where it is not part of the name.
      const p = phrase.startsWith('the ') ? phrase.slice(4) : phrase;
      const tokens = p.split(' ').length;
      if (tokens > 6) continue;
      maxTokens = Math.max(maxTokens, tokens);
      phrases.set(p, (phrases.get(p) ?? 0) | bit);
    }
  }
  return { phrases, maxTokens };
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
  if (header.format !== 'parallax-ner-perceptron/1') throw new Error(`${headerPath}: unknown model format "${header.format}"`);
  if (header.labels.join() !== LABELS.join()) throw new Error(`${headerPath}: labels differ from this tagger's`);
  const raw = gunzipSync(readFileSync(binPath));
  // copy into an aligned buffer of its own (the gunzip buffer may be a slice of a pool at an odd offset)
  const weights = new Int16Array(raw.byteLength / 2);
  new Uint8Array(weights.buffer).set(raw);
  const expected = (1 << header.bits) * LABEL_COUNT;
  if (weights.length !== expected) throw new Error(`${binPath}: ${weights.length} weights where the header implies ${expected}`);
  const clusters = header.clusters ? readClusters(modelPath(header.clusters)) : null;
  const features = header.features ?? [];
  for (const f of features) {
    if (!(FEATURE_OPTIONS as readonly string[]).includes(f)) throw new Error(`${headerPath}: unknown feature option "${f}"`);
  }
  loaded = { header, weights, rowMask: (1 << header.bits) - 1, extractor: new FeatureExtractor(buildGazetteer(), clusters, features) };
  return loaded;
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
  const doc = context ?? documentContext([words]);
  const s = sentenceFeatures(t.extractor, words, doc);
  const out = new Uint8Array(words.length);
  decodeSentence(t.weights, t.rowMask, s, doc, out, undefined, margins);
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
