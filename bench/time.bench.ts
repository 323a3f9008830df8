/**
 * Time-expression extraction throughput on one core over PolNeAR train (840 US political news articles), each
 * anchored on a fixed date: rules + refiners + value resolution, with and without chrono-node's numeric-date
 * parser. Tokens are whitespace-separated words, as in the other benches' tokens/s. Texts are read first; the
 * figure is the median of three passes after a warm-up pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './harness.js';
import { sharedPath } from '../src/paths.js';
import { extractTimes } from '../src/time/extract.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export default async function (): Promise<BenchRow[] | { skip: string }> {
  const dir = sharedPath('eval', 'polnear', 'train', 'text');
  if (!dir) return { skip: "needs ../shared/eval/polnear (not in a user's clone)" };
  const texts = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  const tokens = texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
  const rows: BenchRow[] = [];
  for (const chrono of [true, false]) {
    const run = (): { ms: number; found: number } => {
      const t = performance.now();
      let found = 0;
      for (const text of texts) found += extractTimes(text, '2016-06-15', { chrono }).length;
      return { ms: performance.now() - t, found };
    };
    run();
    const passes = [run(), run(), run()];
    const ms = median(passes.map((p) => p.ms));
    rows.push({
      name: `time expressions${chrono ? '' : ' without chrono'} (PolNeAR train, ${texts.length} articles, ${passes[0].found} found)`,
      figures: { 'tokens/s': (tokens / ms) * 1000, 'articles/s': (texts.length / ms) * 1000 },
    });
  }
  return rows;
}
