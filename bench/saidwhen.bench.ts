/**
 * Attribution and time together on one core: `saidWhen` (findQuotes + findTimes anchored on the publication
 * day) over PolNeAR dev, on text layers built beforehand. Tokens are the text layer's tokens. The figures are
 * medians of three passes after a warm-up pass, by wall clock and by this process's CPU time. Run: `npm run bench -- saidwhen`.
 */
import type { BenchRow } from './harness.js';
import type { Doc } from '../src/model.js';
import { known } from '../src/model.js';
import { sharedPath } from '../src/paths.js';
import { readPolnear } from '../src/quotes/brat.js';
import { plainArticle } from '../src/model.js';
import { saidWhen } from '../src/saidwhen/index.js';
import { buildDoc } from '../src/text/index.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export default async function bench(): Promise<BenchRow[] | { skip: string }> {
  const dir = sharedPath('eval', 'polnear', 'dev');
  if (!dir) return { skip: 'needs ../shared/eval/polnear/dev' };
  const docs: Doc[] = readPolnear(dir).map((a) => {
    const article = plainArticle(a.text, a.name);
    // English and dated, as the pipeline would have them: attribution and time both run, times anchored.
    article.meta.language = known('en', 'bench', 1);
    article.meta.published = known({ value: '2016-06-15' }, 'bench', 1);
    return buildDoc(article);
  });
  const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
  const run = (): { ms: number; cpuMs: number; quotes: number; times: number } => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    let quotes = 0;
    let times = 0;
    for (const d of docs) {
      const found = saidWhen(d);
      quotes += found?.quotes.length ?? 0;
      times += found?.times.length ?? 0;
    }
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, quotes, times };
  };
  run();
  const passes = [run(), run(), run()];
  const ms = median(passes.map((p) => p.ms));
  // The cores are shared: CPU time says what one core of our own does, wall-clock what a busy machine gave.
  const cpuMs = median(passes.map((p) => p.cpuMs));
  return [
    {
      name: `quotes + times (PolNeAR dev, ${docs.length} articles, ${tokens} tokens, ${passes[0].quotes} quotes, ${passes[0].times} times)`,
      figures: { 'tokens/s': (tokens / ms) * 1000, 'tokens/s (CPU time)': (tokens / cpuMs) * 1000, 'articles/s': (docs.length / ms) * 1000 },
    },
  ];
}
