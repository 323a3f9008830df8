/**
 * The tagger's model: an averaged perceptron over hashed features, decoding greedily left to right over BILOU
 * tags with the transitions BILOU forbids masked out. Greedy decoding lets the previous tags and the
 * document's earlier decisions be features, which a Viterbi pass could not use as cheaply.
 */
import { dynamicFeatures, remember, type DocumentContext, type SentenceFeatures } from './features.js';
import { CONLL_TYPES, type ConllType } from './conll.js';

/** BILOU labels: 0 is O, then B, I, L, U for each type in CONLL_TYPES order. */
export const LABELS: readonly string[] = [
  'O',
  ...CONLL_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`)),
];
export const LABEL_COUNT = LABELS.length;
const LABEL_INDEX = new Map(LABELS.map((l, i) => [l, i]));

/** The label index of a BILOU tag; throws on anything else. */
export function labelIndex(tag: string): number {
  const i = LABEL_INDEX.get(tag);
  if (i === undefined) throw new Error(`"${tag}" is not a BILOU tag of ${CONLL_TYPES.join('/')}`);
  return i;
}

/** 0 for O, 1..4 for the types of CONLL_TYPES. */
export function typeOfLabel(label: number): number {
  return label === 0 ? 0 : ((label - 1) >> 2) + 1;
}

/** The CoNLL type of a label, or null for O. */
export function conllTypeOfLabel(label: number): ConllType | null {
  return label === 0 ? null : CONLL_TYPES[(label - 1) >> 2];
}

/** 0 B, 1 I, 2 L, 3 U (meaningless for O). */
function positionOfLabel(label: number): number {
  return (label - 1) & 3;
}

/** allowed[prev * LABEL_COUNT + cur]; prev = 0 also stands for the sentence start. */
const ALLOWED = (() => {
  const a = new Uint8Array(LABEL_COUNT * LABEL_COUNT);
  for (let p = 0; p < LABEL_COUNT; p++) {
    for (let c = 0; c < LABEL_COUNT; c++) {
      const pOpen = p !== 0 && positionOfLabel(p) <= 1;
      const cContinues = c !== 0 && (positionOfLabel(c) === 1 || positionOfLabel(c) === 2);
      a[p * LABEL_COUNT + c] = pOpen ? (cContinues && typeOfLabel(c) === typeOfLabel(p) ? 1 : 0) : cContinues ? 0 : 1;
    }
  }
  return a;
})();

/** May `cur` follow `prev`, and may it stand last when `last`? */
function allowed(prev: number, cur: number, last: boolean): boolean {
  if (!ALLOWED[prev * LABEL_COUNT + cur]) return false;
  return !(last && cur !== 0 && positionOfLabel(cur) <= 1);
}

/** Training hooks: the gold labels and an update applied when the prediction differs. */
export interface TrainStep {
  gold: Uint8Array;
  update(feats: Int32Array, count: number, goldLabel: number, predicted: number): void;
}

const MAX_DYNAMIC = 16;
if (LABEL_COUNT !== 17) throw new Error('decodeSentence sums 17 labels: update it with the label set');

/**
 * Where a stage's weights sit in a table: row `r` of the stage is `weights[r * stride + offset ..][0, LABEL_COUNT)`.
 * A two-stage model interleaves both stages' rows (stride 2 × LABEL_COUNT): the second pass over a document
 * reads the cache lines the first pass has just brought in.
 */
export interface WeightLayout {
  stride: number;
  offset: number;
}
export const SINGLE: WeightLayout = { stride: LABEL_COUNT, offset: 0 };

// scratch buffers, reused: decoding allocates nothing per sentence
let scratchFeats = new Int32Array(1024);
const scratchDyn = new Int32Array(MAX_DYNAMIC);
const scratchScores = new Float64Array(LABEL_COUNT);

/**
 * Tags one sentence into `out` (label indices). With `train`, predictions are compared with gold and
 * `train.update` is called on each mistake (the greedy history keeps the predicted label, as at run time; the
 * features passed to it are row bases `row * stride + offset`). `margins`, when given, receives each token's
 * winning margin over the runner-up, in weight units (for confidences). Int16 weights (the committed,
 * quantised model) are read as they are: half the memory traffic of Float32, and the argmax is the same
 * whatever the scale. With `rowIndex` (a packed table, `packRows`), hashed row `r` is row `rowIndex[r]` of
 * `weights`, or has no weight when that is -1.
 */
export function decodeSentence(
  weights: Float32Array | Int16Array,
  rowMask: number,
  s: SentenceFeatures,
  doc: DocumentContext,
  out: Uint8Array,
  train?: TrainStep,
  margins?: Float32Array,
  layout: WeightLayout = SINGLE,
  rowIndex?: Int32Array,
): void {
  const scores = scratchScores;
  const dyn = scratchDyn;
  const { stride, offset } = layout;
  let prev1 = 0;
  let prev2 = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const from = s.offsets[i];
    const to = s.offsets[i + 1];
    if (to - from + MAX_DYNAMIC > scratchFeats.length) scratchFeats = new Int32Array(2 * (to - from + MAX_DYNAMIC));
    const feats = scratchFeats;
    let count = 0;
    const d = dynamicFeatures(dyn, s, i, prev1, prev2, doc);
    if (rowIndex) {
      // a packed table (`packRows`): a hashed row with no weight is left out, which changes no integer sum
      for (let k = from; k < to; k++) {
        const r = rowIndex[s.feats[k] & rowMask];
        if (r >= 0) feats[count++] = r * stride + offset;
      }
      for (let k = 0; k < d; k++) {
        const r = rowIndex[dyn[k] & rowMask];
        if (r >= 0) feats[count++] = r * stride + offset;
      }
    } else {
      for (let k = from; k < to; k++) feats[count++] = (s.feats[k] & rowMask) * stride + offset;
      for (let k = 0; k < d; k++) feats[count++] = (dyn[k] & rowMask) * stride + offset;
    }
    // the hottest loop of the tagger: the 17 label sums in locals (registers), not in a typed array
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0, s16 = 0;
    for (let k = 0; k < count; k++) {
      const b = feats[k];
      s0 += weights[b + 0];
      s1 += weights[b + 1];
      s2 += weights[b + 2];
      s3 += weights[b + 3];
      s4 += weights[b + 4];
      s5 += weights[b + 5];
      s6 += weights[b + 6];
      s7 += weights[b + 7];
      s8 += weights[b + 8];
      s9 += weights[b + 9];
      s10 += weights[b + 10];
      s11 += weights[b + 11];
      s12 += weights[b + 12];
      s13 += weights[b + 13];
      s14 += weights[b + 14];
      s15 += weights[b + 15];
      s16 += weights[b + 16];
    }
    scores[0] = s0;
    scores[1] = s1;
    scores[2] = s2;
    scores[3] = s3;
    scores[4] = s4;
    scores[5] = s5;
    scores[6] = s6;
    scores[7] = s7;
    scores[8] = s8;
    scores[9] = s9;
    scores[10] = s10;
    scores[11] = s11;
    scores[12] = s12;
    scores[13] = s13;
    scores[14] = s14;
    scores[15] = s15;
    scores[16] = s16;
    const last = i === n - 1;
    let best = -1;
    let second = -Infinity;
    for (let c = 0; c < LABEL_COUNT; c++) {
      if (!allowed(prev1, c, last)) continue;
      if (best < 0 || scores[c] > scores[best]) {
        if (best >= 0) second = scores[best];
        best = c;
      } else if (scores[c] > second) second = scores[c];
    }
    if (train && train.gold[i] !== best) train.update(feats, count, train.gold[i], best);
    if (margins) margins[i] = second === -Infinity ? 100 : scores[best] - second;
    out[i] = best;
    remember(doc, s, i, typeOfLabel(best));
    prev2 = prev1;
    prev1 = best;
  }
}

/**
 * A weight table with only its rows that hold a non-zero weight: of the 2^bits hashed rows of a trained model
 * most are never set (a feature hash the training data never produced), and the dense table is mostly zeros.
 * `rows` lists the kept rows' numbers in ascending order, `weights` their values (`width` each, in that order).
 */
export interface PackedRows {
  rows: Int32Array;
  weights: Int16Array;
}

/** The rows of a dense table of `width`-wide rows that hold a non-zero weight. */
export function packRows(dense: Int16Array, width: number): PackedRows {
  const keep: number[] = [];
  for (let r = 0, n = dense.length / width; r < n; r++) {
    for (let j = r * width, end = j + width; j < end; j++) {
      if (dense[j] !== 0) {
        keep.push(r);
        break;
      }
    }
  }
  const rows = Int32Array.from(keep);
  const weights = new Int16Array(rows.length * width);
  rows.forEach((r, i) => weights.set(dense.subarray(r * width, (r + 1) * width), i * width));
  return { rows, weights };
}

/** The index `decodeSentence` reads a packed table with: for each of `rowCount` hashed rows, its row in the table or -1. */
export function rowIndexOf(rows: Int32Array, rowCount: number): Int32Array {
  const index = new Int32Array(rowCount).fill(-1);
  rows.forEach((r, i) => {
    index[r] = i;
  });
  return index;
}
