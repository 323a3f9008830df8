/**
 * An averaged structured perceptron (Collins 2002) over string features with first-order label transitions,
 * decoded by Viterbi search. Small, deterministic and fast enough for tens of thousands of tokens a second.
 */

/** Weights as stored in `models/`: labels, and for each kept feature one weight per label. */
export interface PerceptronWeights {
  labels: string[];
  /** feature → weights per label, scaled by `scale` and rounded to integers to keep the file small */
  weights: Record<string, number[]>;
  scale: number;
}

/** One sequence to tag: static features per position; dynamic ones are added from the previous label. */
export interface TagSequence {
  features: string[][];
  /** gold label indices (training only) */
  gold?: number[];
}

/**
 * Features that depend on the previous label. Kept few: each is looked up once per label hypothesis.
 *
 * @example
 * ```ts
 * dynamicFeatures('B', ['w=said', 'p=VERB']); // ['prev=B', 'prev=B|w=said']
 * ```
 */
export function dynamicFeatures(prev: string, staticFeatures: string[]): string[] {
  // The first two static features are, by convention, the word and POS: the combinations that matter most.
  return [`prev=${prev}`, `prev=${prev}|${staticFeatures[0]}`, `prev=${prev}|${staticFeatures[1]}`];
}

/** A perceptron that tags sequences; trainable, and loadable from compact weights. */
export class SequenceTagger {
  readonly labels: string[];
  private readonly weights: Map<string, Float64Array>;
  // Averaging: running totals and the step each weight last changed at.
  private totals = new Map<string, Float64Array>();
  private stamps = new Map<string, Float64Array>();
  private step = 0;

  constructor(labels: string[], weights = new Map<string, Float64Array>()) {
    this.labels = labels;
    this.weights = weights;
  }

  /** Loads stored weights. */
  static fromWeights(stored: PerceptronWeights): SequenceTagger {
    const map = new Map<string, Float64Array>();
    for (const [f, ws] of Object.entries(stored.weights)) map.set(f, Float64Array.from(ws, (w) => w / stored.scale));
    return new SequenceTagger(stored.labels, map);
  }

  private score(features: string[], scores: Float64Array): void {
    for (const f of features) {
      const w = this.weights.get(f);
      if (!w) continue;
      for (let l = 0; l < scores.length; l++) scores[l] += w[l];
    }
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
    const base = new Float64Array(n);
    const dyn = new Float64Array(n);
    for (let i = 0; i < len; i++) {
      base.fill(0);
      this.score(seq.features[i], base);
      const prevs = i === 0 ? [-1] : [...Array(n).keys()];
      for (const p of prevs) {
        const from = p < 0 ? 0 : best[(i - 1) * n + p];
        if (from === -Infinity) continue;
        dyn.fill(0);
        this.score(dynamicFeatures(p < 0 ? '<s>' : this.labels[p], seq.features[i]), dyn);
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
    const pred = this.tag(seq, allowed);
    for (let i = 0; i < gold.length; i++) {
      const gp = i === 0 ? '<s>' : this.labels[gold[i - 1]];
      const pp = i === 0 ? '<s>' : this.labels[pred[i - 1]];
      if (gold[i] === pred[i] && gp === pp) continue;
      if (gold[i] !== pred[i]) for (const f of seq.features[i]) this.update(f, gold[i], pred[i]);
      for (const f of dynamicFeatures(gp, seq.features[i])) this.update(f, gold[i], -1);
      for (const f of dynamicFeatures(pp, seq.features[i])) this.update(f, -1, pred[i]);
    }
  }

  private update(f: string, good: number, bad: number): void {
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
  }

  /** Compact weights: features whose largest weight rounds to zero at `scale` are dropped. */
  export(scale = 1000): PerceptronWeights {
    const weights: Record<string, number[]> = {};
    for (const [f, w] of this.weights) {
      const rounded = Array.from(w, (x) => Math.round(x * scale));
      if (rounded.some((x) => x !== 0)) weights[f] = rounded;
    }
    return { labels: this.labels, weights, scale };
  }
}
