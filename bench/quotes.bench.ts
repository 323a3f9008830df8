/**
 * Quote attribution throughput on one core: `findQuotes` over PolNeAR dev (text layer built beforehand, and
 * with it). Run: `npm run bench -- quotes`.
 */
import { buildDoc } from '../src/text/index.js';
import type { BenchRow } from './harness.js';
import type { Doc } from '../src/model.js';
import { sharedPath } from '../src/paths.js';
import { readPolnear } from '../src/quotes/brat.js';
import { findQuotes } from '../src/quotes/index.js';
import { plainArticle } from '../src/model.js';

export default async function bench(): Promise<BenchRow[] | { skip: string }> {
  const dir = sharedPath('eval', 'polnear', 'dev');
  if (!dir) return { skip: 'needs ../shared/eval/polnear/dev' };
  const articles = readPolnear(dir).map((a) => plainArticle(a.text, a.name));
  // Warm up: model load and JIT are not throughput.
  findQuotes(buildDoc(articles[0]));
  let t0 = performance.now();
  const docs: Doc[] = articles.map(buildDoc);
  const textSeconds = (performance.now() - t0) / 1000;
  const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
  let quotes = 0;
  const rounds = 3;
  t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const d of docs) quotes += findQuotes(d).length;
  const quoteSeconds = (performance.now() - t0) / 1000 / rounds;
  return [
    {
      name: `findQuotes on a built text layer (PolNeAR dev, ${docs.length} articles, ${tokens} tokens)`,
      figures: { 'tokens/s': tokens / quoteSeconds, 'quotes/s': quotes / rounds / quoteSeconds },
    },
    { name: 'text layer + findQuotes', figures: { 'tokens/s': tokens / (quoteSeconds + textSeconds) } },
  ];
}
