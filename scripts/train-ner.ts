/**
 * Trains the NER tagger (`npm run train:ner`): an averaged perceptron on CoNLL-2003 `eng.train`, choosing the
 * epoch by F1 on `eng.testa`, and writes `models/ner.json` + `models/ner.bin`. Reproducible: documents are
 * shuffled with a fixed seed, and nothing else is random.
 *
 * Options: --epochs N (15), --bits B (20: 2^B hashed rows), --seed S (1), --no-clusters, --train FILE, --dev FILE.
 */
import { parseArgs } from 'node:util';
import { existsSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { modelPath, sharedPath } from '../src/paths.js';
import { readConll, spansOf, bilouOf, SpanScorer, type ConllDocument } from '../src/ner/conll.js';
import { documentContext, FeatureExtractor, sentenceFeatures, type SentenceFeatures } from '../src/ner/features.js';
import { decodeSentence, labelIndex, LABEL_COUNT, LABELS } from '../src/ner/perceptron.js';
import { buildGazetteer, readClusters, type ModelHeader } from '../src/ner/tagger.js';
import { seededRandom } from '../src/random.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '15' },
    bits: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    'no-clusters': { type: 'boolean', default: false },
    train: { type: 'string' },
    dev: { type: 'string' },
  },
});
const epochs = Number(values.epochs);
const bits = Number(values.bits);
const trainPath = values.train ?? sharedPath('eval', 'conll2003', 'eng.train');
const devPath = values.dev ?? sharedPath('eval', 'conll2003', 'eng.testa');
if (!trainPath || !devPath) throw new Error('train-ner: ../shared/eval/conll2003/eng.train and eng.testa are needed');


const clustersFile = 'ner-clusters.tsv';
const useClusters = !values['no-clusters'] && existsSync(modelPath(clustersFile));
const t0 = Date.now();
const extractor = new FeatureExtractor(buildGazetteer(), useClusters ? readClusters(modelPath(clustersFile)) : null);

interface Prepared {
  sentences: { feats: SentenceFeatures; gold: Uint8Array; goldIob: string[] }[];
  words: string[][];
}

function prepare(docs: ConllDocument[]): Prepared[] {
  return docs.map((d) => {
    const words = d.sentences.map((s) => s.words);
    const ctx = documentContext(words);
    return {
      words,
      sentences: d.sentences.map((s) => ({
        feats: sentenceFeatures(extractor, s.words, ctx),
        gold: Uint8Array.from(bilouOf(spansOf(s.gold), s.words.length), labelIndex),
        goldIob: s.gold,
      })),
    };
  });
}

const train = prepare(readConll(trainPath));
const dev = prepare(readConll(devPath));
const tokens = train.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.feats.length, 0), 0);
console.log(`train-ner: ${train.length} train docs (${tokens} tokens), ${dev.length} dev docs; features in ${((Date.now() - t0) / 1000).toFixed(1)} s; clusters: ${useClusters}`);

const rows = 1 << bits;
const rowMask = rows - 1;
const size = rows * LABEL_COUNT;
const w = new Float32Array(size);
const u = new Float64Array(size);
let step = 1;

const trainStep = {
  gold: new Uint8Array(0) as Uint8Array,
  update(feats: Int32Array, count: number, g: number, p: number): void {
    for (let k = 0; k < count; k++) {
      const base = feats[k];
      w[base + g] += 1;
      u[base + g] += step;
      w[base + p] -= 1;
      u[base + p] -= step;
    }
  },
};

function evaluate(weights: Float32Array, docs: Prepared[]): number {
  const scorer = new SpanScorer();
  for (const d of docs) {
    const ctx = documentContext(d.words);
    for (const s of d.sentences) {
      const out = new Uint8Array(s.feats.length);
      decodeSentence(weights, rowMask, s.feats, ctx, out);
      scorer.add(spansOf(s.goldIob), spansOf(Array.from(out, (l) => LABELS[l])));
    }
  }
  return scorer.score().f1;
}

const random = seededRandom(Number(values.seed));
const order = train.map((_, i) => i);
const averaged = new Float32Array(size);
let best = { f1: -1, epoch: 0, weights: new Float32Array(0) };
for (let epoch = 1; epoch <= epochs; epoch++) {
  const te = Date.now();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let errors = 0;
  const countErrors = trainStep.update;
  const counting = { ...trainStep, update: (f: Int32Array, c: number, g: number, p: number) => (errors++, countErrors(f, c, g, p)) };
  for (const di of order) {
    const d = train[di];
    // fresh history per document, as at run time
    const ctx = documentContext(d.words);
    for (const s of d.sentences) {
      counting.gold = s.gold;
      decodeSentence(w, rowMask, s.feats, ctx, new Uint8Array(s.feats.length), counting);
      step += s.feats.length;
    }
  }
  for (let i = 0; i < size; i++) averaged[i] = w[i] - u[i] / step;
  const f1 = evaluate(averaged, dev);
  console.log(`epoch ${epoch}: ${errors} token errors, dev F1 ${f1.toFixed(4)} (${((Date.now() - te) / 1000).toFixed(1)} s)`);
  if (f1 > best.f1) best = { f1, epoch, weights: Float32Array.from(averaged) };
}

let maxAbs = 0;
for (const x of best.weights) maxAbs = Math.max(maxAbs, Math.abs(x));
const scale = maxAbs / 32767;
const ints = new Int16Array(size);
for (let i = 0; i < size; i++) ints[i] = Math.round(best.weights[i] / scale);
let nonzero = 0;
for (const x of ints) if (x !== 0) nonzero++;
const header: ModelHeader = {
  format: 'parallax-ner-perceptron/1',
  bits,
  labels: [...LABELS],
  scale,
  clusters: useClusters ? clustersFile : null,
  training: {
    data: 'CoNLL-2003 eng.train; epoch chosen on eng.testa',
    epochs,
    bestEpoch: best.epoch,
    devF1: Number(best.f1.toFixed(4)),
    seed: Number(values.seed),
    nonzeroWeights: nonzero,
  },
};
const bin = gzipSync(Buffer.from(ints.buffer), { level: 9 });
writeFileSync(modelPath('ner.bin'), bin);
writeFileSync(modelPath('ner.json'), JSON.stringify(header, null, 2) + '\n');
// quantisation check: the committed weights must score as the float ones did
const restored = Float32Array.from(ints, (x) => x * scale);
console.log(
  `train-ner: best epoch ${best.epoch}, dev F1 ${best.f1.toFixed(4)} (quantised ${evaluate(restored, dev).toFixed(4)}); ` +
    `${nonzero} non-zero weights; models/ner.bin ${(bin.length / 1e6).toFixed(1)} MB; ${((Date.now() - t0) / 1000).toFixed(0)} s`,
);
