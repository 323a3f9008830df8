/**
 * Trains the actor filter (src/actors/filter.ts) and writes models/actor-filter.json.
 *
 *   npx tsx scripts/train-actor-filter.ts [--out models/actor-filter.json] [--dry-run]
 *
 * Runs the pipeline with the filter off on every story of the development gold sets, labels each actor the
 * linker made by the scorer's matching (src/eval/briefing.ts `matchActors`: a name or alias equal to a gold
 * name or alias, one to one; a second match of a gold actor is a duplicate and a negative), and fits an
 * L2-regularised logistic regression by full-batch gradient descent from zero weights (deterministic; the fixed
 * seed only orders the grid's ties, which it does not need, and is recorded for the record).
 *
 * The regularisation and the threshold are chosen by leave-one-set-out cross-validation: train on three sets,
 * score the fourth, pool the four folds' held-out counts, and keep the setting of highest precision whose pooled
 * recall stays at or above `MIN_RECALL` (never more than the recall lost by the filter allowing: the baseline
 * recall minus `MAX_RECALL_LOSS` when that is lower). The printed fold figures are the honest ones: each fold's
 * model never saw that set. The final model is trained on all sets with the chosen setting.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { analyze } from '../src/pipeline.js';
import { actorFeatures, FEATURES, type ActorFilterModel } from '../src/actors/filter.js';
import { matchActors, storyInput, type GoldActorEntry } from '../src/eval/briefing.js';
import type { Actor } from '../src/model.js';

const SEED = 20261207;
const MIN_RECALL = 0.9;
const MAX_RECALL_LOSS = 0.01;
const LAMBDAS = [0.001, 0.01, 0.03, 0.1, 0.3, 1];
const THRESHOLDS = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
const ITERATIONS = 3000;
const RATE = 0.5;

const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const OUT = resolve(outArg >= 0 ? args[outArg + 1] : 'models/actor-filter.json');
const DRY = args.includes('--dry-run');
// --list: the held-out probability of every negative and of the doubtful positives (for reading, not for tuning rules)
const LIST = args.includes('--list');

const shared = process.env.PARALLAX_SHARED ?? resolve('..', 'shared');
/** The development sets (never a held-back one): name → folder of gold files. */
const ALL_SETS: [string, string][] = [
  ['allsides/gold', join(shared, 'eval', 'allsides', 'gold')],
  ['eval/gold', resolve('eval/gold')],
  ['eval/dev-actors', resolve('eval/dev-actors')],
  ['eval/dev-stances', resolve('eval/dev-stances')],
];
// --sets a,b,c: train on some of them only (to compare; the model file records which)
const setsArg = args.indexOf('--sets');
const SETS = setsArg >= 0 ? ALL_SETS.filter(([s]) => args[setsArg + 1].split(',').includes(s)) : ALL_SETS;
if (SETS.length < 2) throw new Error(`--sets: name two or more of ${ALL_SETS.map(([s]) => s).join(', ')}`);

interface StoryRows {
  set: string;
  id: string;
  actors: Actor[];
  gold: GoldActorEntry[];
  x: number[][];
  y: number[];
}

async function loadStories(): Promise<StoryRows[]> {
  const out: StoryRows[] = [];
  for (const [set, dir] of SETS) {
    if (!existsSync(dir)) throw new Error(`${dir}: development set ${set} not found`);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const file = join(dir, f);
      const gold = JSON.parse(readFileSync(file, 'utf8')) as { input: string; actors?: GoldActorEntry[] };
      if (!gold.actors) continue; // actors not annotated: nothing to learn from
      const input = storyInput(file, gold.input);
      if (!existsSync(input)) throw new Error(`${file}: input ${gold.input} not found (${input})`);
      const b = await analyze([input], { actorFilter: false });
      const x = actorFeatures({ actors: b.actors, articles: b.articles, stances: b.stances, events: b.events });
      const { usedP } = matchActors(b.actors, gold.actors);
      out.push({ set, id: basename(f, '.json'), actors: b.actors, gold: gold.actors, x, y: b.actors.map((_, i) => (usedP.has(i) ? 1 : 0)) });
    }
  }
  return out;
}

interface Fit {
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
}

function fit(rows: StoryRows[], lambda: number, balanced: boolean): Fit {
  const xs = rows.flatMap((r) => r.x);
  const ys = rows.flatMap((r) => r.y);
  const d = FEATURES.length;
  const n = xs.length;
  const mean = Array.from({ length: d }, (_, j) => xs.reduce((s, x) => s + x[j], 0) / n);
  const std = Array.from({ length: d }, (_, j) => Math.sqrt(xs.reduce((s, x) => s + (x[j] - mean[j]) ** 2, 0) / n) || 1);
  const z = xs.map((x) => x.map((v, j) => (v - mean[j]) / std[j]));
  // balanced: each class weighs as much in the loss as the other (negatives are the rarer class here)
  const npos = ys.reduce((a, y) => a + y, 0);
  const cw = (y: number) => (balanced ? (y ? n / (2 * Math.max(1, npos)) : n / (2 * Math.max(1, n - npos))) : 1);
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let it = 0; it < ITERATIONS; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let s = b;
      for (let j = 0; j < d; j++) s += w[j] * z[i][j];
      const e = (1 / (1 + Math.exp(-s)) - ys[i]) * cw(ys[i]);
      for (let j = 0; j < d; j++) gw[j] += e * z[i][j];
      gb += e;
    }
    for (let j = 0; j < d; j++) w[j] -= RATE * (gw[j] / n + lambda * w[j]);
    b -= RATE * (gb / n);
  }
  return { mean, std, weights: w, bias: b };
}

const prob = (m: Fit, x: number[]): number => {
  let s = m.bias;
  for (let j = 0; j < x.length; j++) s += m.weights[j] * ((x[j] - m.mean[j]) / m.std[j]);
  return 1 / (1 + Math.exp(-s));
};

interface Counts {
  tp: number;
  pred: number;
  gold: number;
}

/** The scorer's actor counts of a story when only actors scoring at least `t` are kept (t = 0: all). */
function counts(r: StoryRows, p: number[], t: number): Counts {
  const kept = r.actors.filter((_, i) => p[i] >= t);
  return { tp: matchActors(kept, r.gold).usedP.size, pred: kept.length, gold: r.gold.length };
}

const sum = (cs: Counts[]): Counts => cs.reduce((a, c) => ({ tp: a.tp + c.tp, pred: a.pred + c.pred, gold: a.gold + c.gold }), { tp: 0, pred: 0, gold: 0 });
const prf = (c: Counts) => {
  const p = c.pred ? c.tp / c.pred : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f1: c.pred + c.gold ? (2 * c.tp) / (c.pred + c.gold) : 0 };
};
const fmt = (c: Counts) => {
  const { p, r, f1 } = prf(c);
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)} (${c.tp}/${c.pred} predicted, ${c.gold} gold)`;
};

async function main(): Promise<void> {
  const stories = await loadStories();
  const sets = SETS.map(([s]) => s);
  const rows = stories.reduce((n, s) => n + s.y.length, 0);
  const pos = stories.reduce((n, s) => n + s.y.reduce((a, b) => a + b, 0), 0);
  console.log(`${stories.length} stories, ${rows} actors (${pos} match a gold actor), ${FEATURES.length} features, seed ${SEED}`);

  // leave-one-set-out: the held-out probabilities of every story under each regularisation
  const settings = LAMBDAS.flatMap((lambda) => [false, true].map((balanced) => ({ lambda, balanced })));
  const heldOut = new Map<(typeof settings)[number], Map<StoryRows, number[]>>();
  for (const setting of settings) {
    const m = new Map<StoryRows, number[]>();
    for (const s of sets) {
      const model = fit(stories.filter((r) => r.set !== s), setting.lambda, setting.balanced);
      for (const r of stories.filter((r) => r.set === s)) m.set(r, r.x.map((x) => prob(model, x)));
    }
    heldOut.set(setting, m);
  }
  const base = sum(stories.map((r) => counts(r, r.x.map(() => 1), 0)));
  const floor = Math.min(MIN_RECALL, prf(base).r - MAX_RECALL_LOSS);
  let best: { setting: (typeof settings)[number]; t: number; c: Counts } | null = null;
  for (const setting of settings) {
    const m = heldOut.get(setting) as Map<StoryRows, number[]>;
    for (const t of THRESHOLDS) {
      const c = sum(stories.map((r) => counts(r, m.get(r) as number[], t)));
      const { p, r } = prf(c);
      if (r < floor) continue;
      const better = !best || p > prf(best.c).p + 1e-9 || (Math.abs(p - prf(best.c).p) <= 1e-9 && r > prf(best.c).r);
      if (better) best = { setting, t, c };
    }
  }
  if (!best) throw new Error('no setting keeps the recall floor');
  console.log(`\nchosen by leave-one-set-out: lambda ${best.setting.lambda}${best.setting.balanced ? ', classes balanced' : ''}, threshold ${best.t.toFixed(2)} (recall floor ${floor.toFixed(3)})`);
  console.log(`pooled before: ${fmt(base)}`);
  console.log(`pooled after:  ${fmt(best.c)}`);
  const cv = heldOut.get(best.setting) as Map<StoryRows, number[]>;
  const folds: Record<string, { before: Counts; after: Counts }> = {};
  console.log('\nleave-one-set-out folds (each model trained on the other sets only):');
  for (const s of sets) {
    const rs = stories.filter((r) => r.set === s);
    const before = sum(rs.map((r) => counts(r, r.x.map(() => 1), 0)));
    const after = sum(rs.map((r) => counts(r, cv.get(r) as number[], best.t)));
    folds[s] = { before, after };
    console.log(`  ${s.padEnd(18)} before ${fmt(before)}\n  ${''.padEnd(18)} after  ${fmt(after)}`);
  }

  console.log(`\npooled held-out precision and recall by threshold (lambda ${best.setting.lambda}${best.setting.balanced ? ', balanced' : ''}):`);
  for (const t of THRESHOLDS.filter((_, i) => i % 5 === 4)) console.log(`  ${t.toFixed(2)}  ${fmt(sum(stories.map((r) => counts(r, cv.get(r) as number[], t))))}`);
  if (LIST) {
    console.log('\nheld-out probability of each negative and of positives below 0.6:');
    for (const r of stories) {
      const p = cv.get(r) as number[];
      r.actors.forEach((a, i) => {
        if (!r.y[i] || p[i] < 0.6) console.log(`  ${r.set} ${r.id} ${r.y[i] ? 'POS' : 'neg'} ${p[i].toFixed(2)} ${a.type} ${a.name}`);
      });
    }
  }

  const final = fit(stories, best.setting.lambda, best.setting.balanced);
  console.log('\nfull data (the final model, trained on all four sets; not held out):');
  const full: Record<string, { before: Counts; after: Counts }> = {};
  for (const s of sets) {
    const rs = stories.filter((r) => r.set === s);
    const before = sum(rs.map((r) => counts(r, r.x.map(() => 1), 0)));
    const after = sum(rs.map((r) => counts(r, r.x.map((x) => prob(final, x)), best.t)));
    full[s] = { before, after };
    console.log(`  ${s.padEnd(18)} before ${fmt(before)}\n  ${''.padEnd(18)} after  ${fmt(after)}`);
  }
  console.log('\nweights (standardised features):');
  FEATURES.map((f, j) => [f, final.weights[j]] as const)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .forEach(([f, w]) => console.log(`  ${f.padEnd(24)} ${w >= 0 ? ' ' : ''}${w.toFixed(3)}`));

  const model: ActorFilterModel = {
    about: 'Logistic regression deciding whether an actor the linker made is an actor of the story (src/actors/filter.ts). Trained by scripts/train-actor-filter.ts.',
    sources: SETS.map(([s]) => s),
    stories: stories.length,
    rows,
    positives: pos,
    label: 'the actor is matched one to one to a gold actor by the scorer (src/eval/briefing.ts matchActors); duplicates and unmatched actors are negatives',
    seed: SEED,
    lambda: best.setting.lambda,
    balanced: best.setting.balanced,
    selection: `leave-one-set-out cross-validation: highest pooled precision with pooled recall >= ${floor.toFixed(3)}`,
    cv: Object.fromEntries(Object.entries(folds).map(([s, f]) => [s, { before: prf(f.before), after: prf(f.after) }])),
    features: [...FEATURES],
    mean: final.mean,
    std: final.std,
    weights: final.weights,
    bias: final.bias,
    threshold: best.t,
  };
  const round = (v: unknown): unknown =>
    typeof v === 'number' ? Number(v.toPrecision(6)) : Array.isArray(v) ? v.map(round) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)])) : v;
  if (DRY) console.log('\n(dry run: nothing written)');
  else {
    writeFileSync(OUT, `${JSON.stringify(round(model), null, 1)}\n`);
    console.log(`\nwrote ${OUT}`);
  }
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
