/**
 * The whole job on a large input: `analyze` on PolNeAR train (840 articles, 7 outlets, many stories) and the
 * HTML report written, on one core. What a user waits for with a thousand articles.
 */
import type { BenchRow } from './harness.js';
import { sharedPath } from '../src/paths.js';
import { analyze } from '../src/pipeline.js';
import { renderHtml } from '../src/render/html.js';

export default async function bench(): Promise<BenchRow[] | { skip: string }> {
  const dir = sharedPath('eval', 'polnear', 'train', 'text');
  if (!dir) return { skip: 'needs ../shared/eval/polnear/train/text' };
  const t0 = performance.now();
  const briefing = await analyze([dir]);
  const t1 = performance.now();
  const html = renderHtml(briefing);
  const t2 = performance.now();
  const n = briefing.articles.length;
  return [
    {
      name: `analyze + renderHtml, PolNeAR train (${n} articles → ${briefing.stories?.length ?? 0} stories, ${briefing.actors.length} actors, ${(html.length / 1e6).toFixed(0)} MB of HTML)`,
      figures: { 'articles/s': n / ((t2 - t0) / 1000), 'analyze s': (t1 - t0) / 1000, 'renderHtml s': (t2 - t1) / 1000 },
    },
  ];
}
