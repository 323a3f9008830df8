/**
 * The store's incremental path on PolNeAR: `add` of train (840 articles), then `add` of dev (84), against one
 * `add` of both into a fresh store. Checks that both stores hold the same stories, actors and briefing
 * sections (the bench fails when they differ) and reports the CPU time of each step (the machine may be busy;
 * CPU time is what the step costs): adding the 84 should take under a tenth of the time of the first 840.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './harness.js';
import { sharedPath } from '../src/paths.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { addInChild } from './store.bench.js';

async function contents(file: string) {
  const s = new SqliteStore(file);
  try {
    const stories = (await s.stories({ limit: 100_000 })).items;
    const sections: Record<string, unknown> = {};
    for (const st of stories) sections[st.id] = await s.sections(st.id);
    return { ids: await s.articleIds(), stories, sections, actors: (await s.actors({ limit: 1_000_000 })).items };
  } finally {
    await s.close();
  }
}

/** The rebuilt stories by cause, e.g. "108 new, 290 actors": what made the step rebuild what it did. */
const causes = (by: Record<string, number>): string =>
  Object.entries(by)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n} ${k}`)
    .join(', ') || 'none';

export default async function bench(): Promise<BenchRow[] | { skip: string }> {
  const train = sharedPath('eval', 'polnear', 'train', 'text');
  const dev = sharedPath('eval', 'polnear', 'dev', 'text');
  if (!train || !dev) return { skip: 'needs ../shared/eval/polnear/{train,dev}/text' };
  const dir = mkdtempSync(join(tmpdir(), 'parallax-store-incr-'));
  try {
    const steps = join(dir, 'steps.db');
    const first = addInChild(steps, [train]);
    const second = addInChild(steps, [dev]);
    const once = addInChild(join(dir, 'once.db'), [train, dev]);
    const a = await contents(steps);
    const b = await contents(join(dir, 'once.db'));
    const differ = (['ids', 'stories', 'actors', 'sections'] as const).filter((k) => !isDeepStrictEqual(a[k], b[k]));
    // the figures are printed either way; a difference fails the bench
    if (differ.length) {
      console.error(`store-incremental: train then dev differs from train + dev at once in: ${differ.join(', ')}`);
      process.exitCode = 1;
    }
    return [
      {
        name: `add PolNeAR train (${first.added} articles, ${first.stories} stories) then dev (${second.added} added, ${second.rebuilt} of ${second.stories} stories rebuilt: ${causes(second.rebuiltBecause)}; ${second.relinked ?? 0} relinked); ${differ.length ? `DIFFERS from one add of both in ${differ.join(', ')}` : 'same stories, actors and sections as one add of both'} (${once.cpuSeconds.toFixed(1)} CPU s)`,
        figures: {
          'train CPU s': first.cpuSeconds,
          'dev CPU s': second.cpuSeconds,
          'dev/train CPU': second.cpuSeconds / first.cpuSeconds,
          'train wall s': first.seconds,
          'dev wall s': second.seconds,
          'train peak RSS MB': first.peakRssMB,
        },
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
