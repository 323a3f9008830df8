/**
 * Held-out check of the story clustering on MMDS2025-format data: the event clusters are split into two halves
 * by cluster id (even / odd; miscellany articles by position), the merge threshold is tuned on one half and the
 * B-cubed F1 (miscellany as singletons) reported on the other, both ways. Also prints the threshold sweep on the
 * whole file, so the width of the flat region around the best threshold can be read.
 *
 *   npx tsx src/stories/heldout.ts --data ../shared/eval/clustering/mmds2025/mds_ac_dev_final.json
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bcubed, clusterMmds, MMDS_MISCELLANY, readMmds, type MmdsFile } from '../eval/stories.js';
import type { StoryIndexOptions } from './storyIndex.js';

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

function main(): void {
  const { values } = parseArgs({ options: { data: { type: 'string' } } });
  if (!values.data) throw new Error('heldout: needs --data PATH (MMDS2025 JSON)');
  const file = readMmds(values.data, JSON.parse(readFileSync(values.data, 'utf8')));
  const sweep = (f: MmdsFile): number[] => SWEEP.map((t) => singletonF1(f, { mergeThreshold: t }));
  const halves = [halfOf(file, 0), halfOf(file, 1)];
  const scores = halves.map(sweep);
  const whole = sweep(file);
  console.log('threshold  whole  even   odd');
  SWEEP.forEach((t, k) => console.log(`${t.toFixed(2)}       ${whole[k].toFixed(3)}  ${scores[0][k].toFixed(3)}  ${scores[1][k].toFixed(3)}`));
  for (const [tuneOn, reportOn] of [[0, 1], [1, 0]] as const) {
    const best = scores[tuneOn].indexOf(Math.max(...scores[tuneOn]));
    const name = ['even', 'odd'];
    console.log(
      `tuned on ${name[tuneOn]} (threshold ${SWEEP[best].toFixed(2)}, F1 ${scores[tuneOn][best].toFixed(3)}) → held-out ${name[reportOn]} F1 ${scores[reportOn][best].toFixed(3)}`,
    );
  }
  const top = Math.max(...whole);
  const flat = SWEEP.filter((_, k) => whole[k] >= top - 0.01);
  console.log(`whole file: best F1 ${top.toFixed(3)}; within 0.01 of it for thresholds ${flat[0].toFixed(2)}–${flat[flat.length - 1].toFixed(2)} (${flat.length} of ${SWEEP.length} steps)`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
