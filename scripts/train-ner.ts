/**
 * Trains the NER tagger (`npm run train:ner`): an averaged perceptron on CoNLL-2003 `eng.train`, written to
 * `models/ner.json` + `models/ner.bin`.
 *
 * The number of epochs is chosen on a development set, then the model is fitted on the whole of eng.train for
 * that many epochs. `--dev testa` (the default, as the issue asks): eng.testa is the development set, so its
 * figure is a tuned one. `--dev holdout`: the last `--holdout` fraction of eng.train's documents (10%) is the
 * development set and eng.testa is only scored, which gives an honest held-out figure for testa (0.894 with
 * 9 epochs, against 0.895 with the 14 that testa picks). Reproducible: documents are shuffled with a fixed
 * seed, and nothing else is random.
 *
 * Options: --dev testa|holdout, --epochs N (15: the most tried), --bits B (20: 2^B hashed rows), --seed S (1), --holdout F (0.1),
 * --no-clusters, --clusters NAME (a file under models/, ner-clusters.tsv), --features a,b (optional
 * feature templates, see FEATURE_OPTIONS), --dry-run (write nothing), --train FILE, --test FILE.
 */
import { parseArgs } from 'node:util';
import { existsSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { modelPath, sharedPath } from '../src/paths.js';
import { readConll, spansOf, bilouOf, SpanScorer, type ConllDocument, type PRF } from '../src/ner/conll.js';
import {
  documentContext,
  FeatureExtractor,
  FEATURE_OPTIONS,
  sentenceFeatures,
  type FeatureOption,
  type SentenceFeatures,
} from '../src/ner/features.js';
import { decodeSentence, labelIndex, LABEL_COUNT, LABELS } from '../src/ner/perceptron.js';
import { buildGazetteer, readClusters, type ModelHeader } from '../src/ner/tagger.js';
import { seededRandom } from '../src/random.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '15' },
    bits: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    holdout: { type: 'string', default: '0.1' },
    dev: { type: 'string', default: 'testa' },
    'no-clusters': { type: 'boolean', default: false },
    clusters: { type: 'string', default: 'ner-clusters.tsv' },
    features: { type: 'string', default: '' },
    'dry-run': { type: 'boolean', default: false },
    train: { type: 'string' },
    test: { type: 'string' },
  },
});
const maxEpochs = Number(values.epochs);
const bits = Number(values.bits);
const seed = Number(values.seed);
const holdoutFraction = Number(values.holdout);
const devSet = values.dev;
if (devSet !== 'testa' && devSet !== 'holdout') throw new Error(`train-ner: --dev ${devSet}: expected testa or holdout`);
if (!(holdoutFraction > 0 && holdoutFraction < 0.5)) throw new Error(`train-ner: --holdout ${values.holdout}: expected a fraction in (0, 0.5)`);
const options = values.features ? values.features.split(',') : [];
for (const o of options) {
  if (!(FEATURE_OPTIONS as readonly string[]).includes(o)) throw new Error(`train-ner: --features: unknown "${o}" (known: ${FEATURE_OPTIONS.join(', ')})`);
}
const trainPath = values.train ?? sharedPath('eval', 'conll2003', 'eng.train');
const testPath = values.test ?? sharedPath('eval', 'conll2003', 'eng.testa');
if (!trainPath || !testPath) throw new Error('train-ner: ../shared/eval/conll2003/eng.train and eng.testa are needed');

const clustersFile = values.clusters;
const useClusters = !values['no-clusters'] && existsSync(modelPath(clustersFile));
const t0 = Date.now();
const extractor = new FeatureExtractor(
  buildGazetteer(),
  useClusters ? readClusters(modelPath(clustersFile)) : null,
  options as FeatureOption[],
);

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

// The held-out slice is the END of eng.train in file order: later stories, as a test set is.
const all = prepare(readConll(trainPath));
const test = prepare(readConll(testPath));
const cut = devSet === 'holdout' ? Math.round(all.length * (1 - holdoutFraction)) : all.length;
const fit = all.slice(0, cut);
const holdout = devSet === 'holdout' ? all.slice(cut) : test;
const countTokens = (docs: Prepared[]): number => docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.feats.length, 0), 0);
console.log(
  `train-ner: eng.train ${all.length} docs (${countTokens(all)} tokens): fit ${fit.length}, held out ${holdout.length} (${countTokens(holdout)} tokens); ` +
    `test ${test.length} docs; features in ${((Date.now() - t0) / 1000).toFixed(1)} s; clusters: ${useClusters}; options: ${options.join(',') || 'none'}`,
);

const rows = 1 << bits;
const rowMask = rows - 1;
const size = rows * LABEL_COUNT;

function score(weights: Float32Array, docs: Prepared[]): SpanScorer {
  const scorer = new SpanScorer();
  for (const d of docs) {
    const ctx = documentContext(d.words);
    for (const s of d.sentences) {
      const out = new Uint8Array(s.feats.length);
      decodeSentence(weights, rowMask, s.feats, ctx, out);
      scorer.add(spansOf(s.goldIob), spansOf(Array.from(out, (l) => LABELS[l])));
    }
  }
  return scorer;
}
const f1Of = (weights: Float32Array, docs: Prepared[]): number => score(weights, docs).score().f1;

/** Averaged-perceptron training over `docs` for `epochs` epochs; `onEpoch` sees the averaged weights. */
function train(docs: Prepared[], epochs: number, onEpoch: (epoch: number, averaged: Float32Array, errors: number, seconds: number) => void): Float32Array {
  const w = new Float32Array(size);
  const u = new Float64Array(size);
  const averaged = new Float32Array(size);
  let step = 1;
  let errors = 0;
  const trainStep = {
    gold: new Uint8Array(0) as Uint8Array,
    update(feats: Int32Array, count: number, g: number, p: number): void {
      errors++;
      for (let k = 0; k < count; k++) {
        const base = feats[k];
        w[base + g] += 1;
        u[base + g] += step;
        w[base + p] -= 1;
        u[base + p] -= step;
      }
    },
  };
  const random = seededRandom(seed);
  const order = docs.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const te = Date.now();
    errors = 0;
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const di of order) {
      const d = docs[di];
      // fresh history per document, as at run time
      const ctx = documentContext(d.words);
      for (const s of d.sentences) {
        trainStep.gold = s.gold;
        decodeSentence(w, rowMask, s.feats, ctx, new Uint8Array(s.feats.length), trainStep);
        step += s.feats.length;
      }
    }
    for (let i = 0; i < size; i++) averaged[i] = w[i] - u[i] / step;
    onEpoch(epoch, averaged, errors, (Date.now() - te) / 1000);
  }
  return averaged;
}

// 1. choose the number of epochs on the development set. The held-out slice is small (about 20k tokens), so one
// epoch's F1 is noisy there: the choice is the epoch whose F1 averaged with its neighbours' is highest, which
// favours a plateau over a lucky spike. On testa (51k tokens) the best epoch itself is taken.
const heldOut: number[] = [];
train(fit, maxEpochs, (epoch, averaged, errors, seconds) => {
  const f1 = f1Of(averaged, holdout);
  heldOut.push(f1);
  const testF1 = f1Of(averaged, test);
  console.log(`epoch ${epoch}: ${errors} token errors, development F1 ${f1.toFixed(4)}, testa F1 ${testF1.toFixed(4)} (${seconds.toFixed(1)} s)`);
});
const smoothed = heldOut.map((_, i) => {
  const window = heldOut.slice(Math.max(0, i - 1), i + 2);
  return window.reduce((a, b) => a + b, 0) / window.length;
});
const choice = devSet === 'holdout' ? smoothed : heldOut;
const bestIndex = choice.reduce((b, x, i) => (x > choice[b] ? i : b), 0);
const best = { epoch: bestIndex + 1, f1: heldOut[bestIndex], smoothed: smoothed[bestIndex] };
console.log(`train-ner: ${best.epoch} epochs chosen on ${devSet === 'holdout' ? 'the held-out slice' : 'eng.testa'} (F1 ${best.f1.toFixed(4)}, with neighbours ${best.smoothed.toFixed(4)})`);

// 2. refit on all of eng.train for that many epochs
const final = train(all, best.epoch, (epoch, _a, errors, seconds) => console.log(`refit epoch ${epoch}: ${errors} token errors (${seconds.toFixed(1)} s)`));

let maxAbs = 0;
for (const x of final) maxAbs = Math.max(maxAbs, Math.abs(x));
const scale = maxAbs / 32767;
const ints = new Int16Array(size);
for (let i = 0; i < size; i++) ints[i] = Math.round(final[i] / scale);
let nonzero = 0;
for (const x of ints) if (x !== 0) nonzero++;
const restored = Float32Array.from(ints, (x) => x * scale);
const testScore = score(restored, test);
const pick = (s: PRF): string => s.f1.toFixed(4);
const header: ModelHeader = {
  format: 'parallax-ner-perceptron/1',
  bits,
  labels: [...LABELS],
  scale,
  clusters: useClusters ? clustersFile : null,
  features: options as FeatureOption[],
  training: {
    data:
      devSet === 'holdout'
        ? `CoNLL-2003 eng.train; epochs chosen on its last ${holdoutFraction * 100}% of documents held out, then refitted on all`
        : 'CoNLL-2003 eng.train; epochs chosen on eng.testa, then fitted on all of eng.train',
    maxEpochs,
    epochs: best.epoch,
    devF1: Number(best.f1.toFixed(4)),
    devF1WithNeighbours: Number(best.smoothed.toFixed(4)),
    testaF1: Number(pick(testScore.score())),
    seed,
    nonzeroWeights: nonzero,
  },
};
const bin = gzipSync(Buffer.from(ints.buffer), { level: 9 });
if (!values['dry-run']) {
  writeFileSync(modelPath('ner.bin'), bin);
  writeFileSync(modelPath('ner.json'), JSON.stringify(header, null, 2) + '\n');
}
console.log(
  `train-ner: testa F1 ${pick(testScore.score())} (PER ${pick(testScore.score('PER'))} ORG ${pick(testScore.score('ORG'))} LOC ${pick(testScore.score('LOC'))} MISC ${pick(testScore.score('MISC'))}), quantised; ` +
    `${nonzero} non-zero weights; ner.bin ${(bin.length / 1e6).toFixed(1)} MB${values['dry-run'] ? ' (dry run: not written)' : ''}; ${((Date.now() - t0) / 1000).toFixed(0)} s`,
);
