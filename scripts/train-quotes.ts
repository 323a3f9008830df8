/**
 * Trains the quote attribution taggers on PolNeAR train and writes `models/quote-taggers.json`.
 *
 *   npx tsx scripts/train-quotes.ts [--epochs 6] [--seed 13] [--data ../shared/eval/polnear/train]
 *   npx tsx scripts/train-quotes.ts --holdout [--dev ../shared/eval/polnear/dev] [--out /tmp/held-out-model.json]
 *
 * `--holdout` trains without the held-out tenth of train (src/quotes/split.ts), writes no model, and scores
 * the result on that tenth and on dev: the honest check for a change, since dev is what changes are tuned on.
 *
 * Deterministic: a fixed seed shuffles the training order; the perceptron has no other randomness.
 */
import { buildDoc } from '../src/text/index.js';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readPolnear } from '../src/quotes/brat.js';
import { plainArticle } from '../src/model.js';
import { analyse, type TokenFacts } from '../src/quotes/analysis.js';
import { SequenceTagger, type TagSequence } from '../src/quotes/perceptron.js';
import { CUE_LABELS, ROLE_LABELS, cueAllowed, cueSequence, roleAllowed, roleInstance, type TokenRange } from '../src/quotes/taggers.js';
import { tokenRanges } from '../src/quotes/gold.js';
import { modelPath, sharedPath } from '../src/paths.js';
import type { Doc } from '../src/model.js';
import { seededRandom } from '../src/random.js';
import { isHeldOut } from '../src/quotes/split.js';
import { evaluate } from '../src/eval/quotes.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '6' },
    seed: { type: 'string', default: '13' },
    data: { type: 'string' },
    holdout: { type: 'boolean', default: false },
    dev: { type: 'string' },
    out: { type: 'string' },
  },
});
const data = values.data ?? sharedPath('eval', 'polnear', 'train');
if (!data) throw new Error('no training data: pass --data or put shared/eval/polnear/train beside the repo');

const random = seededRandom(Number(values.seed));
function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

interface CueItem { facts: TokenFacts; from: number; to: number; gold: number[] }
interface RoleItem { facts: TokenFacts; cue: TokenRange; source: TokenRange[]; content: TokenRange[] }

const t0 = Date.now();
const articles = readPolnear(data).filter((a) => !values.holdout || !isHeldOut(a.name));
const cueItems: CueItem[] = [];
const roleItems: RoleItem[] = [];
for (const a of articles) {
  const doc: Doc = buildDoc(plainArticle(a.text, a.name));
  const facts = analyse(doc);
  for (const ann of a.annotations) {
    const cueLabels = new Array<number>(doc.tokens.length).fill(0);
    for (const at of ann.attributions) {
      const cues = tokenRanges(doc.tokens, at.cue);
      if (cues.length === 0) continue;
      for (const r of cues) for (let k = r.start; k <= r.end; k++) cueLabels[k] = k === r.start ? 1 : 2;
      // A discontinuous cue is read by the role tagger as the range from its first to last token.
      const cue = { start: cues[0].start, end: cues[cues.length - 1].end };
      roleItems.push({ facts, cue, source: at.source ? tokenRanges(doc.tokens, at.source) : [], content: tokenRanges(doc.tokens, at.content) });
    }
    for (const s of doc.sentences) cueItems.push({ facts, from: s.tokenStart, to: s.tokenEnd, gold: cueLabels.slice(s.tokenStart, s.tokenEnd) });
  }
}
console.log(`read ${articles.length} articles: ${cueItems.length} sentences, ${roleItems.length} attributions (${Date.now() - t0} ms)`);

const epochs = Number(values.epochs);
const cueTagger = new SequenceTagger(CUE_LABELS);
for (let e = 0; e < epochs; e++) {
  for (const it of shuffle(cueItems)) {
    const seq: TagSequence = { ...cueSequence(it.facts, it.from, it.to), gold: it.gold };
    cueTagger.train(seq, cueAllowed);
  }
  console.log(`cue epoch ${e + 1} (${Date.now() - t0} ms)`);
}
cueTagger.average();

const roleTagger = new SequenceTagger(ROLE_LABELS);
for (let e = 0; e < epochs; e++) {
  for (const it of shuffle(roleItems)) {
    const inst = roleInstance(it.facts, it.cue);
    const gold = new Array<number>(inst.hi - inst.lo + 1).fill(0);
    const mark = (ranges: TokenRange[], b: number, i: number): void => {
      for (const r of ranges) for (let k = Math.max(r.start, inst.lo); k <= Math.min(r.end, inst.hi); k++) {
        if (k >= it.cue.start && k <= it.cue.end) continue;
        gold[k - inst.lo] = k === r.start || k === inst.lo || gold[k - inst.lo - 1] === 0 ? b : i;
      }
    };
    mark(it.content, 3, 4);
    mark(it.source, 1, 2);
    // Marking the source over content can leave an IC right after it: make it begin a run.
    for (let k = 1; k < gold.length; k++) if (gold[k] === 4 && gold[k - 1] !== 3 && gold[k - 1] !== 4) gold[k] = 3;
    for (let k = 1; k < gold.length; k++) if (gold[k] === 2 && gold[k - 1] !== 1 && gold[k - 1] !== 2) gold[k] = 1;
    if (gold.length && gold[0] === 4) gold[0] = 3;
    if (gold.length && gold[0] === 2) gold[0] = 1;
    roleTagger.train({ ...inst.sequence, gold }, roleAllowed((k) => inst.lo + k >= it.cue.start && inst.lo + k <= it.cue.end));
  }
  console.log(`role epoch ${e + 1} (${Date.now() - t0} ms)`);
}
roleTagger.average();

const out = { about: `quote taggers trained on PolNeAR train by scripts/train-quotes.ts (epochs ${epochs}, seed ${values.seed})`, cue: cueTagger.export(), role: roleTagger.export() };
const packed = JSON.stringify(out);
if (values.out) writeFileSync(values.out, packed);
if (values.holdout) {
  // Score exactly what would be committed: the exported (pruned, rounded) weights.
  const model = { cue: SequenceTagger.fromWeights(out.cue), role: SequenceTagger.fromWeights(out.role) };
  const heldOut = await evaluate({ data, select: isHeldOut, model });
  console.log(`held out (a tenth of train, not trained on):\n${heldOut.table}`);
  const dev = values.dev ?? sharedPath('eval', 'polnear', 'dev');
  if (dev) console.log(`dev:\n${(await evaluate({ data: dev, model })).table}`);
} else {
  writeFileSync(modelPath('quote-taggers.json'), packed);
  console.log(`wrote ${modelPath('quote-taggers.json')}: ${(packed.length / 1e6).toFixed(1)} MB, ${out.cue.features.length * 3 / 16} + ${out.role.features.length * 3 / 16} features (${Date.now() - t0} ms)`);
}
