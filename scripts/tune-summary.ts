/**
 * Tunes the summary's length and score weights on the NeuS train split (never on val), one weight at a time
 * over a small fixed grid (deterministic: no sampling). Prints the best setting; DEFAULT_WEIGHTS in
 * src/summary/index.ts and NEUS_SUMMARY_WORDS in src/eval/summary.ts take its figures.
 *
 *   node --import tsx scripts/tune-summary.ts [TRAIN_PREFIX] [STORIES]
 */
import { readNeus, scoreNeus } from '../src/eval/summary.js';
import { DEFAULT_WEIGHTS, type SummaryWeights } from '../src/summary/index.js';
import { rougeTokens } from '../src/summary/rouge.js';
import { sharedPath } from '../src/paths.js';

const prefix = process.argv[2] ?? sharedPath('eval', 'summaries', 'neus', 'train.source')?.replace(/\.source$/, '');
if (!prefix) throw new Error('no NeuS train split: pass its prefix');
const limit = Number(process.argv[3] ?? 1000);
const stories = readNeus(prefix);
const lengths = stories.map((s) => rougeTokens(s.reference).length).sort((a, b) => a - b);
const median = lengths[Math.floor(lengths.length / 2)];
console.log(`train: ${stories.length} stories, reference body median ${median} words; tuning on the first ${limit}`);

const grid: Record<keyof SummaryWeights, number[]> = {
  centrality: [0.5, 1, 1.5],
  position: [0.3, 0.6, 1, 1.5],
  support: [0, 0.2, 0.4, 0.8],
  notNeutral: [0, 0.15, 0.3, 0.6],
  lambda: [0.5, 0.7, 0.85, 1],
};
let best: SummaryWeights = { ...DEFAULT_WEIGHTS };
const run = (w: SummaryWeights, words = median): number => scoreNeus(stories, { words, weights: w, limit, baseline: false }).summary.rouge1;
let bestScore = run(best);
console.log(`start ${JSON.stringify(best)} rouge1 ${bestScore.toFixed(4)}`);
for (const key of Object.keys(grid) as (keyof SummaryWeights)[]) {
  for (const v of grid[key]) {
    if (v === best[key]) continue;
    const w = { ...best, [key]: v };
    const s = run(w);
    if (s > bestScore + 1e-4) {
      bestScore = s;
      best = w;
    }
  }
  console.log(`${key} → ${best[key]} (rouge1 ${bestScore.toFixed(4)})`);
}
for (const words of [median - 10, median - 5, median, median + 5, median + 10]) {
  const r = scoreNeus(stories, { words, weights: best, limit });
  console.log(`words ${words}: rouge1 ${r.summary.rouge1.toFixed(4)} (lexrank ${r.lexrank?.rouge1.toFixed(4)})`);
}
console.log(`best ${JSON.stringify(best)}`);
