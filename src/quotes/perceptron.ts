/**
 * An averaged structured perceptron (Collins 2002) over string features with first-order label transitions,
 * decoded by Viterbi search. Small, deterministic and fast enough for tens of thousands of tokens a second.
 */
import { mix } from './hash.js';

/** Weights as stored in `models/`: labels, kept feature ids, and their weights per label. */
export interface PerceptronWeights {
  labels: string[];
  /** base64 of an Int32Array of feature ids */
  features: string;
  /** base64 of an Int16Array: for each feature, one weight per label, scaled by `scale` and rounded */
  weights: string;
  scale: number;
}

/** One sequence to tag: static feature ids per position; dynamic ones are added from the previous label. */
export interface TagSequence {
  features: number[][];
  /** gold label indices (training only) */
  gold?: number[];
}

/**
 * Features that depend on the previous label (-1 at the start). Kept few: each is looked up once per label
 * hypothesis. The first two static features are, by convention, the word and the POS.
 *
 * @example
 * ```ts
 * dynamicFeatures(1, [101, 202]).length; // 3
 * ```
 */
export function dynamicFeatures(prev: number, staticFeatures: number[]): number[] {
  return [mix(9001, prev + 2), mix(9002, prev + 2, staticFeatures[0]), mix(9003, prev + 2, staticFeatures[1])];
}

/** A perceptron that tags sequences; trainable, and loadable from compact weights. */
export class SequenceTagger {
  readonly labels: string[];
  /** The weights by feature id; for a loaded model, made from the packed table only when training asks for it. */
  private map: Map<number, Float64Array> | null;
  /** a loaded model's feature ids in stored order (to rebuild `map` in that order) */
  private storedIds: Int32Array | null = null;
  // Averaging: running totals and the step each weight last changed at.
  private totals = new Map<number, Float64Array>();
  private stamps = new Map<number, Float64Array>();
  private step = 0;

  constructor(labels: string[], weights = new Map<number, Float64Array>()) {
    this.labels = labels;
    this.map = weights;
  }

  private get weights(): Map<number, Float64Array> {
    if (this.map) return this.map;
    const map = new Map<number, Float64Array>();
    const { keys, at, rows, mask } = this.packed as NonNullable<SequenceTagger['packed']>;
    const n = this.labels.length;
    for (const f of this.storedIds ?? []) {
      let k = f & mask;
      while (keys[k] !== f) k = (k + 1) & mask;
      map.set(f, rows.slice(at[k] * n, at[k] * n + n));
    }
    this.map = map;
    return map;
  }

  /**
   * Loads stored weights, straight into the packed table tagging reads (a Map of a small array per feature
   * costs more to build than the tagging of a short article).
   */
  static fromWeights(stored: PerceptronWeights): SequenceTagger {
    const ids = fromBase64(stored.features, Int32Array);
    const ws = fromBase64(stored.weights, Int16Array);
    const n = stored.labels.length;
    if (ws.length !== ids.length * n) throw new Error(`weights hold ${ws.length} values, expected ${ids.length} x ${n}`);
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    const keys = new Int32Array(size).fill(-1);
    const at = new Int32Array(size);
    const rows = new Float64Array(ids.length * n);
    const mask = size - 1;
    for (let j = 0; j < ids.length; j++) {
      const f = ids[j];
      let k = f & mask;
      // a repeated id keeps its last weights, as a Map would
      while (keys[k] !== -1 && keys[k] !== f) k = (k + 1) & mask;
      keys[k] = f;
      at[k] = j;
      for (let l = 0; l < n; l++) rows[j * n + l] = ws[j * n + l] / stored.scale;
    }
    const tagger = new SequenceTagger(stored.labels);
    tagger.map = null;
    tagger.storedIds = ids;
    tagger.packed = { keys, at, rows, mask };
    return tagger;
  }

  /**
   * The weights packed for tagging (built on first use, dropped by training): an open-addressing table of
   * feature ids, each with the number of its row of `labels.length` weights (`at`); the rows are packed one
   * after another, not one per slot of the table (which is kept at most half full: a row per slot held twice
   * to four times the weights, 30 MB for the quote model). A Map of small arrays costs a hash and a pointer
   * chase per lookup; this is a probe into typed arrays. Same weights, same sums, same order.
   */
  private training = false;
  private packed: { keys: Int32Array; at: Int32Array; rows: Float64Array; mask: number } | null = null;
  /** Scratch rows reused by `tag` (one sequence at a time: tagging is synchronous). */
  private scratch: { base: Float64Array; dyn: Float64Array } | null = null;
  /** `mix(9001, prev + 2)` for prev = -1 … labels - 1: the transition feature, the same for every token. */
  private transitions: number[] | null = null;

  private pack(): { keys: Int32Array; at: Int32Array; rows: Float64Array; mask: number } {
    const n = this.labels.length;
    let size = 16;
    while (size < this.weights.size * 2) size *= 2;
    const keys = new Int32Array(size).fill(-1);
    const at = new Int32Array(size);
    const rows = new Float64Array(this.weights.size * n);
    const mask = size - 1;
    let j = 0;
    for (const [f, w] of this.weights) {
      let k = f & mask;
      while (keys[k] !== -1) k = (k + 1) & mask;
      keys[k] = f;
      at[k] = j;
      rows.set(w, j * n);
      j++;
    }
    this.packed = { keys, at, rows, mask };
    return this.packed;
  }

  private score(features: number[], scores: Float64Array): void {
    if (this.training) {
      // the weights change after every sequence
      for (const f of features) {
        const w = this.weights.get(f);
        if (!w) continue;
        for (let l = 0; l < scores.length; l++) scores[l] += w[l];
      }
      return;
    }
    const { keys, at, rows, mask } = this.packed ?? this.pack();
    const n = scores.length;
    for (let j = 0; j < features.length; j++) this.addRow(features[j], keys, at, rows, mask, n, scores);
  }

  private addRow(f: number, keys: Int32Array, at: Int32Array, rows: Float64Array, mask: number, n: number, scores: Float64Array): void {
    let k = f & mask;
    for (;;) {
      const key = keys[k];
      if (key === f) break;
      if (key === -1) return;
      k = (k + 1) & mask;
    }
    const row = at[k] * n;
    for (let l = 0; l < n; l++) scores[l] += rows[row + l];
  }

  /**
   * Tags one sequence with Viterbi search over first-order label transitions. `allowed(i, prev)` may forbid
   * labels (e.g. I without B); `prev` is -1 at the start.
   */
  tag(seq: TagSequence, allowed?: (i: number, prev: number) => boolean[] | null): number[] {
    const n = this.labels.length;
    const len = seq.features.length;
    if (len === 0) return [];
    const best = new Float64Array(len * n).fill(-Infinity);
    const back = new Int32Array(len * n).fill(-1);
    if (!this.scratch) this.scratch = { base: new Float64Array(n), dyn: new Float64Array(n) };
    if (!this.transitions) this.transitions = Array.from({ length: n + 1 }, (_, p) => mix(9001, p + 1));
    const { base, dyn } = this.scratch;
    const transitions = this.transitions;
    const dynamic = [0, 0, 0];
    for (let i = 0; i < len; i++) {
      const features = seq.features[i];
      base.fill(0);
      this.score(features, base);
      // the dynamic features of dynamicFeatures(p, features), built without an array per hypothesis
      const first = i === 0 ? -1 : 0;
      const last = i === 0 ? -1 : n - 1;
      for (let p = first; p <= last; p++) {
        const from = p < 0 ? 0 : best[(i - 1) * n + p];
        if (from === -Infinity) continue;
        dyn.fill(0);
        dynamic[0] = transitions[p + 1];
        dynamic[1] = mix(9002, p + 2, features[0]);
        dynamic[2] = mix(9003, p + 2, features[1]);
        this.score(dynamic, dyn);
        const mask = allowed?.(i, p) ?? null;
        for (let l = 0; l < n; l++) {
          if (mask && !mask[l]) continue;
          const s = from + base[l] + dyn[l];
          if (s > best[i * n + l]) {
            best[i * n + l] = s;
            back[i * n + l] = p;
          }
        }
      }
    }
    let last = 0;
    for (let l = 1; l < n; l++) if (best[(len - 1) * n + l] > best[(len - 1) * n + last]) last = l;
    const out = new Array<number>(len);
    for (let i = len - 1; i >= 0; i--) {
      out[i] = last;
      last = back[i * n + last];
    }
    return out;
  }

  /** One structured-perceptron step: decode, then move weights from the predicted path to the gold one. */
  train(seq: TagSequence, allowed?: (i: number, prev: number) => boolean[] | null): void {
    const gold = seq.gold;
    if (!gold) throw new Error('training sequence without gold labels');
    this.step++;
    if (!this.training) void this.weights; // a loaded model: its Map, before training changes it
    this.training = true;
    const pred = this.tag(seq, allowed);
    for (let i = 0; i < gold.length; i++) {
      const gp = i === 0 ? -1 : gold[i - 1];
      const pp = i === 0 ? -1 : pred[i - 1];
      if (gold[i] === pred[i] && gp === pp) continue;
      if (gold[i] !== pred[i]) for (const f of seq.features[i]) this.update(f, gold[i], pred[i]);
      for (const f of dynamicFeatures(gp, seq.features[i])) this.update(f, gold[i], -1);
      for (const f of dynamicFeatures(pp, seq.features[i])) this.update(f, -1, pred[i]);
    }
  }

  private update(f: number, good: number, bad: number): void {
    const n = this.labels.length;
    let w = this.weights.get(f);
    let t = this.totals.get(f);
    let s = this.stamps.get(f);
    if (!w || !t || !s) {
      w = new Float64Array(n);
      t = new Float64Array(n);
      s = new Float64Array(n);
      this.weights.set(f, w);
      this.totals.set(f, t);
      this.stamps.set(f, s);
    }
    for (const [l, delta] of [[good, 1], [bad, -1]] as const) {
      if (l < 0) continue;
      t[l] += (this.step - s[l]) * w[l];
      s[l] = this.step;
      w[l] += delta;
    }
  }

  /** Replaces the weights by their averages (call once, after training). */
  average(): void {
    for (const [f, w] of this.weights) {
      const t = this.totals.get(f)!;
      const s = this.stamps.get(f)!;
      for (let l = 0; l < w.length; l++) {
        const total = t[l] + (this.step - s[l]) * w[l];
        w[l] = total / Math.max(1, this.step);
      }
    }
    this.totals = new Map();
    this.stamps = new Map();
    this.training = false;
    this.packed = null;
  }

  /**
   * Compact weights: features whose largest absolute weight is below `minWeight` are dropped (they rarely
   * change a decision), the rest rounded at `scale` into 16 bits.
   */
  export(scale = 10, minWeight = 1): PerceptronWeights {
    const ids: number[] = [];
    const values: number[] = [];
    let largest = 0;
    for (const w of this.weights.values()) for (const x of w) largest = Math.max(largest, Math.abs(x));
    // Keep every weight inside the 16-bit range.
    const s = Math.min(scale, 32767 / Math.max(largest, 1e-9));
    for (const [f, w] of this.weights) {
      if (!w.some((x) => Math.abs(x) >= minWeight)) continue;
      ids.push(f);
      for (const x of w) values.push(Math.round(x * s));
    }
    return { labels: this.labels, features: toBase64(Int32Array.from(ids)), weights: toBase64(Int16Array.from(values)), scale: s };
  }
}

function toBase64(a: Int32Array | Int16Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function fromBase64<T extends Int32Array | Int16Array>(b64: string, Type: { new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number }): T {
  const buf = Buffer.from(b64, 'base64');
  // Copy into a fresh, aligned buffer: Buffer's pool offset need not be a multiple of the element size.
  const copy = new ArrayBuffer(buf.length - (buf.length % Type.BYTES_PER_ELEMENT));
  new Uint8Array(copy).set(buf.subarray(0, copy.byteLength));
  return new Type(copy);
}
