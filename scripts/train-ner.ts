/**
 * Trains the NER tagger (`npm run train:ner`): averaged perceptrons on CoNLL-2003 `eng.train`, written to
 * `models/ner.json` + `models/ner.bin`.
 *
 * Two stages (Krishnan & Manning 2006; Ratinov & Roth 2009): the first tags each document greedily with local
 * and document-casing features; the second tags it again with the same features plus what the first pass
 * decided for the same words and names elsewhere in the document. The second stage learns from first-stage
 * labels made by models that did not see the document (jackknife over `--folds` parts), as at run time.
 *
 * The number of epochs of each stage is chosen on a development set, then the model is fitted on the whole of
 * eng.train with those epochs. `--dev holdout` (the default): the last `--holdout` fraction of eng.train's
 * documents (10%) is the development set and eng.testa is scored once, at the end, on the final model; `--dev
 * testa` chooses on eng.testa instead (a tuned figure). Reproducible: documents are shuffled with fixed seeds,
 * and nothing else is random.
 *
 * Options: --dev holdout|testa, --epochs N (15: the most tried), --bits B (20: 2^B hashed rows), --seed S (1),
 * --holdout F (0.1), --slice K (hold out the K-th slice of that size instead of the last), --stages 1|2 (2),
 * --folds K (5), --average N (mean of N models trained with seeds S, S+1, ...), --no-clusters, --clusters NAMES
 * (files under models/, joined by commas: ner-clusters.tsv,ner-brown.tsv), --no-gazetteers, --gazetteers NAME (ner-gazetteers.tsv, from
 * scripts/build-gazetteers.ts), --features a,b (optional feature templates, see FEATURE_OPTIONS; gazGrain,charNgrams), --no-refit
 * (stop after the development runs), --dry-run (write nothing), --train FILE, --test FILE.
 */
import { parseArgs } from 'node:util';
import { existsSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { modelPath, sharedPath } from '../src/paths.js';
import { readConll, spansOf, bilouOf, SpanScorer, type ConllDocument, type PRF } from '../src/ner/conll.js';
import {
  documentContext,
  FeatureExtractor,
  firstPassOf,
  secondStageFeatures,
  FEATURE_OPTIONS,
  sentenceFeatures,
  type FeatureOption,
  type SentenceFeatures,
} from '../src/ner/features.js';
import { decodeSentence, labelIndex, LABEL_COUNT, LABELS, packRows } from '../src/ner/perceptron.js';
import { buildGazetteer, encodeWeights, readClusters, type ModelHeader } from '../src/ner/tagger.js';
import { seededRandom } from '../src/random.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '15' },
    bits: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    holdout: { type: 'string', default: '0.1' },
    dev: { type: 'string', default: 'holdout' },
    'no-clusters': { type: 'boolean', default: false },
    clusters: { type: 'string', default: 'ner-clusters.tsv,ner-brown.tsv' },
    'no-gazetteers': { type: 'boolean', default: false },
    gazetteers: { type: 'string', default: 'ner-gazetteers.tsv' },
    features: { type: 'string', default: 'gazGrain,charNgrams' },
    'dry-run': { type: 'boolean', default: false },
    'no-refit': { type: 'boolean', default: false },
    slice: { type: 'string' },
    stages: { type: 'string', default: '2' },
    folds: { type: 'string', default: '5' },
    average: { type: 'string', default: '1' },
    train: { type: 'string' },
    test: { type: 'string' },
  },
});
const maxEpochs = Number(values.epochs);
const bits = Number(values.bits);
const seed = Number(values.seed);
const holdoutFraction = Number(values.holdout);
const devSet = values.dev;
const stages = Number(values.stages);
if (stages !== 1 && stages !== 2) throw new Error(`train-ner: --stages ${values.stages}: expected 1 or 2`);
const average = Number(values.average);
if (!(Number.isInteger(average) && average >= 1)) throw new Error(`train-ner: --average ${values.average}: expected a positive integer`);
const folds = Number(values.folds);
if (!(Number.isInteger(folds) && folds >= 2)) throw new Error(`train-ner: --folds ${values.folds}: expected an integer of at least 2`);
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
const useClusters = !values['no-clusters'] && clustersFile.split(',').every((f) => existsSync(modelPath(f)));
const t0 = Date.now();
const gazetteersFile = !values['no-gazetteers'] && existsSync(modelPath(values.gazetteers)) ? values.gazetteers : null;
const extractor = new FeatureExtractor(
  buildGazetteer(gazetteersFile),
  useClusters ? clustersFile.split(',').map((f) => readClusters(modelPath(f))) : null,
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
// `--slice K` holds out the K-th slice of that size instead (0 the first), to see how much a choice depends on it
const slices = Math.round(1 / holdoutFraction);
const sliceIndex = values.slice === undefined ? slices - 1 : Number(values.slice);
if (!(Number.isInteger(sliceIndex) && sliceIndex >= 0 && sliceIndex < slices)) throw new Error(`train-ner: --slice ${values.slice}: expected 0..${slices - 1}`);
const cutFrom = devSet === 'holdout' ? Math.round(all.length * (1 - (slices - sliceIndex) * holdoutFraction)) : all.length;
const cutTo = devSet === 'holdout' ? (sliceIndex === slices - 1 ? all.length : Math.round(all.length * (1 - (slices - sliceIndex - 1) * holdoutFraction))) : all.length;
const fit = [...all.slice(0, cutFrom), ...all.slice(cutTo)];
const holdout = devSet === 'holdout' ? all.slice(cutFrom, cutTo) : test;
const countTokens = (docs: Prepared[]): number => docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.feats.length, 0), 0);
console.log(
  `train-ner: eng.train ${all.length} docs (${countTokens(all)} tokens): fit ${fit.length}, held out ${holdout.length} (${countTokens(holdout)} tokens); ` +
    `test ${test.length} docs; features in ${((Date.now() - t0) / 1000).toFixed(1)} s; clusters: ${useClusters}; gazetteers: ${gazetteersFile ?? 'knowledge base only'}; stages: ${stages}; options: ${options.join(',') || 'none'}`,
);

const rows = 1 << bits;
const rowMask = rows - 1;
const size = rows * LABEL_COUNT;

/** A stage's view of the documents: each document's sentence features for that stage. */
type StageFeatures = (d: Prepared, di: number) => SentenceFeatures[];
const firstStage: StageFeatures = (d) => d.sentences.map((s) => s.feats);

/** Greedy decoding of one document with `weights`, with a fresh history as at run time. */
function decodeDocument(weights: Float32Array, d: Prepared, feats: SentenceFeatures[]): Uint8Array[] {
  const ctx = documentContext(d.words);
  return feats.map((s) => {
    const out = new Uint8Array(s.length);
    decodeSentence(weights, rowMask, s, ctx, out);
    return out;
  });
}

function score(weights: Float32Array, docs: Prepared[], stage: StageFeatures): SpanScorer {
  const scorer = new SpanScorer();
  docs.forEach((d, di) => {
    const labels = decodeDocument(weights, d, stage(d, di));
    d.sentences.forEach((s, si) => scorer.add(spansOf(s.goldIob), spansOf(Array.from(labels[si], (l) => LABELS[l]))));
  });
  return scorer;
}

/** Averaged-perceptron training over `docs` for `epochs` epochs; `onEpoch` sees the averaged weights. */
function train(
  docs: Prepared[],
  stage: StageFeatures,
  epochs: number,
  onEpoch: (epoch: number, averaged: Float32Array, errors: number, seconds: number) => void,
  runSeed = seed,
): Float32Array {
  const w = new Float32Array(size);
  const u = new Float64Array(size);
  const averaged = new Float32Array(size);
  const feats = docs.map(stage);
  let step = 1;
  let errors = 0;
  const trainStep = {
    gold: new Uint8Array(0) as Uint8Array,
    update(rowsOf: Int32Array, count: number, g: number, p: number): void {
      errors++;
      for (let k = 0; k < count; k++) {
        const base = rowsOf[k];
        w[base + g] += 1;
        u[base + g] += step;
        w[base + p] -= 1;
        u[base + p] -= step;
      }
    },
  };
  const random = seededRandom(runSeed);
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
      d.sentences.forEach((s, si) => {
        trainStep.gold = s.gold;
        decodeSentence(w, rowMask, feats[di][si], ctx, new Uint8Array(s.feats.length), trainStep);
        step += s.feats.length;
      });
    }
    for (let i = 0; i < size; i++) averaged[i] = w[i] - u[i] / step;
    onEpoch(epoch, averaged, errors, (Date.now() - te) / 1000);
  }
  return averaged;
}

/**
 * Model averaging: the mean of `average` averaged perceptrons that saw the documents in different orders
 * (seeds `seed`, `seed + 1`, ...); one run when `average` is 1.
 */
function fitModel(docs: Prepared[], stage: StageFeatures, epochs: number, onEpoch: Parameters<typeof train>[3] = () => {}): Float32Array {
  const sum = train(docs, stage, epochs, onEpoch, seed);
  for (let k = 1; k < average; k++) {
    const w = train(docs, stage, epochs, () => {}, seed + k);
    for (let i = 0; i < size; i++) sum[i] += w[i];
  }
  if (average > 1) for (let i = 0; i < size; i++) sum[i] /= average;
  return sum;
}

/** The second stage's features of `docs` from the first-stage labels that `weights` give them. */
function secondStageOf(weights: Float32Array, docs: Prepared[]): SentenceFeatures[][] {
  return docs.map((d) => {
    const fp = firstPassOf(firstStage(d, 0), decodeDocument(weights, d, firstStage(d, 0)));
    return d.sentences.map((_, si) => secondStageFeatures(fp, si));
  });
}

/**
 * The second stage's features of training documents, from first-stage labels made without them (jackknife:
 * each of `folds` contiguous parts is tagged by a first stage trained on the others), so that the second
 * stage learns how far to trust first-stage decisions as good as those it will see on new text.
 */
function jackknife(docs: Prepared[], epochs: number): SentenceFeatures[][] {
  const out: SentenceFeatures[][] = new Array(docs.length);
  for (let f = 0; f < folds; f++) {
    const from = Math.round((f * docs.length) / folds);
    const to = Math.round(((f + 1) * docs.length) / folds);
    const weights = fitModel([...docs.slice(0, from), ...docs.slice(to)], firstStage, epochs);
    secondStageOf(weights, docs.slice(from, to)).forEach((x, i) => (out[from + i] = x));
  }
  return out;
}

/**
 * The epoch count to use, from per-epoch development F1. The held-out slice is small (about 20k tokens), so one
 * epoch's F1 is noisy there: the choice is the epoch whose F1 averaged with its neighbours' is highest, which
 * favours a plateau over a lucky spike. On testa (51k tokens) the best epoch itself is taken.
 */
function chooseEpochs(f1s: number[], what: string): { epoch: number; f1: number; smoothed: number } {
  const smoothed = f1s.map((_, i) => {
    const window = f1s.slice(Math.max(0, i - 1), i + 2);
    return window.reduce((a, b) => a + b, 0) / window.length;
  });
  const choice = devSet === 'holdout' ? smoothed : f1s;
  const bestIndex = choice.reduce((b, x, i) => (x > choice[b] ? i : b), 0);
  const best = { epoch: bestIndex + 1, f1: f1s[bestIndex], smoothed: smoothed[bestIndex] };
  console.log(
    `train-ner: ${what}: ${best.epoch} epochs chosen on ${devSet === 'holdout' ? 'the held-out slice' : 'eng.testa'} (F1 ${best.f1.toFixed(4)}, with neighbours ${best.smoothed.toFixed(4)})`,
  );
  return best;
}

const logEpoch = (what: string, docs: Prepared[], stage: StageFeatures, f1s: number[]) =>
  (epoch: number, averaged: Float32Array, errors: number, seconds: number): void => {
    const f1 = score(averaged, docs, stage).score().f1;
    f1s.push(f1);
    // with the held-out slice as development set, testa stays unseen until the final model is scored once
    const testF1 = devSet === 'holdout' ? '' : `, testa F1 ${score(averaged, test, stage).score().f1.toFixed(4)}`;
    console.log(`${what} epoch ${epoch}: ${errors} token errors, development F1 ${f1.toFixed(4)}${testF1} (${seconds.toFixed(1)} s)`);
  };

// 1. choose the first stage's epochs on the development set
const f1s1: number[] = [];
train(fit, firstStage, maxEpochs, logEpoch('stage 1', holdout, firstStage, f1s1));
const best1 = chooseEpochs(f1s1, 'stage 1');
const fit1 = stages === 2 || average > 1 ? fitModel(fit, firstStage, best1.epoch) : null;
if (fit1 && average > 1) console.log(`train-ner: stage 1, ${average} models averaged: development F1 ${score(fit1, holdout, firstStage).score().f1.toFixed(4)}`);
let best2 = best1;
if (stages === 2) {
  // 2. the second stage: trained on jackknifed first-stage labels of the fitting part, its epochs chosen on the
  // development set tagged by a first stage fitted on all of the fitting part
  const tj = Date.now();
  const fitSecond = jackknife(fit, best1.epoch);
  const holdoutSecond = secondStageOf(fit1!, holdout);
  console.log(`train-ner: jackknifed first-stage labels (${folds} folds) in ${((Date.now() - tj) / 1000).toFixed(0)} s`);
  const f1s2: number[] = [];
  train(fit, (_d, di) => fitSecond[di], maxEpochs, logEpoch('stage 2', holdout, (_d, di) => holdoutSecond[di], f1s2));
  best2 = chooseEpochs(f1s2, 'stage 2');
  if (average > 1) {
    const fit2 = fitModel(fit, (_d, di) => fitSecond[di], best2.epoch);
    console.log(`train-ner: stage 2, ${average} models averaged: development F1 ${score(fit2, holdout, (_d, di) => holdoutSecond[di]).score().f1.toFixed(4)}`);
  }
}

if (values['no-refit']) {
  console.log(`train-ner: --no-refit: stopping before the refit (nothing written); ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  process.exit(0);
}

// 3. refit on all of eng.train with those epochs
const refitLog = (what: string) => (epoch: number, _a: Float32Array, errors: number, seconds: number): void =>
  console.log(`refit ${what} epoch ${epoch}: ${errors} token errors (${seconds.toFixed(1)} s)`);
const final1 = fitModel(all, firstStage, best1.epoch, refitLog('stage 1'));
let final2: Float32Array | null = null;
if (stages === 2) {
  const allSecond = jackknife(all, best1.epoch);
  final2 = fitModel(all, (_d, di) => allSecond[di], best2.epoch, refitLog('stage 2'));
}

/** Int16 quantisation of one stage: the weights and the scale that restores them. */
function quantise(weights: Float32Array): { ints: Int16Array; scale: number } {
  let maxAbs = 0;
  for (const x of weights) maxAbs = Math.max(maxAbs, Math.abs(x));
  const scale = maxAbs / 32767;
  return { ints: Int16Array.from(weights, (x) => Math.round(x / scale)), scale };
}
const q1 = quantise(final1);
const q2 = final2 ? quantise(final2) : null;
// interleaved rows for a two-stage model: [stage 1 row r | stage 2 row r]
const ints = new Int16Array(size * stages);
for (let r = 0; r < rows; r++) {
  ints.set(q1.ints.subarray(r * LABEL_COUNT, (r + 1) * LABEL_COUNT), r * LABEL_COUNT * stages);
  if (q2) ints.set(q2.ints.subarray(r * LABEL_COUNT, (r + 1) * LABEL_COUNT), r * LABEL_COUNT * stages + LABEL_COUNT);
}
let nonzero = 0;
for (const x of ints) if (x !== 0) nonzero++;

// testa, scored once, with the quantised weights as the tagger reads them
const restored1 = Float32Array.from(q1.ints, (x) => x * q1.scale);
const testScore = q2
  ? (() => {
      const second = secondStageOf(restored1, test);
      return score(Float32Array.from(q2.ints, (x) => x * q2.scale), test, (_d, di) => second[di]);
    })()
  : score(restored1, test, firstStage);
const pick = (s: PRF): string => s.f1.toFixed(4);
const header: ModelHeader = {
  format: 'parallax-ner-perceptron/2',
  bits,
  labels: [...LABELS],
  scale: q2 ? q2.scale : q1.scale,
  clusters: useClusters ? clustersFile : null,
  gazetteers: gazetteersFile,
  features: options as FeatureOption[],
  ...(q2 ? { stages: 2 as const, firstStageScale: q1.scale } : {}),
  training: {
    data:
      devSet === 'holdout'
        ? `CoNLL-2003 eng.train; epochs chosen on its last ${holdoutFraction * 100}% of documents held out, then refitted on all`
        : 'CoNLL-2003 eng.train; epochs chosen on eng.testa, then fitted on all of eng.train',
    maxEpochs,
    epochs: best1.epoch,
    ...(q2 ? { secondStageEpochs: best2.epoch, jackknifeFolds: folds } : {}),
    devF1: Number(best2.f1.toFixed(4)),
    devF1WithNeighbours: Number(best2.smoothed.toFixed(4)),
    ...(q2 ? { devF1FirstStage: Number(best1.f1.toFixed(4)) } : {}),
    testaF1: Number(pick(testScore.score())),
    seed,
    ...(average > 1 ? { averagedModels: average } : {}),
    nonzeroWeights: nonzero,
  },
};
// only the rows that hold a weight (most hashed rows never do): what the tagger keeps in memory
const bin = gzipSync(encodeWeights(packRows(ints, LABEL_COUNT * stages)), { level: 9 });
if (!values['dry-run']) {
  writeFileSync(modelPath('ner.bin'), bin);
  writeFileSync(modelPath('ner.json'), JSON.stringify(header, null, 2) + '\n');
}
console.log(
  `train-ner: testa F1 ${pick(testScore.score())} (PER ${pick(testScore.score('PER'))} ORG ${pick(testScore.score('ORG'))} LOC ${pick(testScore.score('LOC'))} MISC ${pick(testScore.score('MISC'))}), quantised; ` +
    `${nonzero} non-zero weights; ner.bin ${(bin.length / 1e6).toFixed(1)} MB${values['dry-run'] ? ' (dry run: not written)' : ''}; ${((Date.now() - t0) / 1000).toFixed(0)} s`,
);
