/**
 * Held-out check of the story clustering on MMDS2025-format data: the event clusters are split into two halves
 * by cluster id (even / odd; miscellany articles by position), the merge threshold is tuned on one half and the
 * B-cubed F1 (miscellany as singletons) reported on the other, both ways (with the cross-language factor tuned
 * alongside). Also prints the threshold sweep on the
 * whole file, so the width of the flat region around the best threshold can be read.
 *
 *   npx tsx src/eval/storiesHeldout.ts --data ../shared/eval/clustering/mmds2025/mds_ac_dev_final.json
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bcubed, clusterMmds, MMDS_MISCELLANY, readMmds, type MmdsFile } from './stories.js';
import type { StoryIndexOptions } from '../stories/storyIndex.js';

/** The thresholds swept: 0.10 to 0.30 in steps of 0.01. */
export const SWEEP = Array.from({ length: 21 }, (_, i) => Number((0.1 + i * 0.01).toFixed(2)));

/**
 * One half of an MMDS file: the event clusters whose id has the given parity, and the miscellany articles at
 * positions of that parity.
 *
 * @example
 * ```ts
 * const [even, odd] = [halfOf(file, 0), halfOf(file, 1)];
 * ```
 */
export function halfOf(file: MmdsFile, parity: 0 | 1): MmdsFile {
  const keep = file.clusters.map((c, i) => (c === MMDS_MISCELLANY ? i % 2 === parity : c % 2 === parity));
  return { articles: file.articles.filter((_, i) => keep[i]), clusters: file.clusters.filter((_, i) => keep[i]) };
}

/** B-cubed F1 with the miscellany as singletons, the figure the acceptance is on. */
export function singletonF1(file: MmdsFile, options: Partial<StoryIndexOptions> = {}): number {
  const predicted = clusterMmds(file, options);
  const gold = file.clusters.map((g, i) => (g === MMDS_MISCELLANY ? `misc-${i}` : `${g}`));
  return bcubed(predicted, gold).f1;
}

/** The cross-language factors tried with each threshold when tuning on a half. */
export const CROSS_LANGUAGE_FACTORS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

function main(): void {
  const { values } = parseArgs({ options: { data: { type: 'string' } } });
  if (!values.data) throw new Error('heldout: needs --data PATH (MMDS2025 JSON)');
  const file = readMmds(values.data, JSON.parse(readFileSync(values.data, 'utf8')));
  const halves = [halfOf(file, 0), halfOf(file, 1)];
  const name = ['even', 'odd'];
  const grid = CROSS_LANGUAGE_FACTORS.flatMap((crossLanguageFactor) => SWEEP.map((mergeThreshold) => ({ crossLanguageFactor, mergeThreshold })));
  const scores = halves.map((half) => grid.map((options) => singletonF1(half, options)));
  const defaults = halves.map((half) => singletonF1(half));
  const describe = (o: Partial<StoryIndexOptions>): string => `threshold ${o.mergeThreshold?.toFixed(2)}, cross-language ${o.crossLanguageFactor?.toFixed(1)}`;
  console.log(`defaults: even ${defaults[0].toFixed(3)}, odd ${defaults[1].toFixed(3)}`);
  for (const [tuneOn, reportOn] of [[0, 1], [1, 0]] as const) {
    const best = scores[tuneOn].indexOf(Math.max(...scores[tuneOn]));
    console.log(
      `tuned on ${name[tuneOn]} (${describe(grid[best])}: F1 ${scores[tuneOn][best].toFixed(3)}) → held-out ${name[reportOn]} F1 ${scores[reportOn][best].toFixed(3)}`,
    );
  }
  const whole = SWEEP.map((mergeThreshold) => singletonF1(file, { mergeThreshold }));
  console.log(`whole file, default options but the threshold:\n${SWEEP.map((t, k) => `  ${t.toFixed(2)} ${whole[k].toFixed(3)}`).join('\n')}`);
  const top = Math.max(...whole);
  const flat = SWEEP.filter((_, k) => whole[k] >= top - 0.01);
  const wide = SWEEP.filter((_, k) => whole[k] >= 0.82);
  console.log(`best F1 ${top.toFixed(3)}; within 0.01 of it for thresholds ${flat[0].toFixed(2)}–${flat[flat.length - 1].toFixed(2)}; ≥ 0.82 for ${wide.length ? `${wide[0].toFixed(2)}–${wide[wide.length - 1].toFixed(2)}` : 'none'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
