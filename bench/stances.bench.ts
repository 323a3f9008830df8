/**
 * Stance throughput on one core: `analyseStances` over PolNeAR dev articles, with quotes and actors computed
 * beforehand (their own benches measure them). Run: `npm run bench -- stances`.
 */
import { buildDoc } from '../src/text/index.js';
import type { BenchRow } from './harness.js';
import { sharedPath } from '../src/paths.js';
import { readPolnear } from '../src/quotes/brat.js';
import { findQuotes } from '../src/quotes/index.js';
import { plainArticle } from '../src/model.js';
import { linkActors } from '../src/actors/index.js';
import { linkSpeakers } from '../src/saidwhen/index.js';
import { analyseStances } from '../src/stances/index.js';

export default async function bench(): Promise<BenchRow[] | { skip: string }> {
  const dir = sharedPath('eval', 'polnear', 'dev');
  if (!dir) return { skip: 'needs ../shared/eval/polnear/dev' };
  // Actor linking is story-wide; a few dozen articles keep its set-up time reasonable on the shared cores.
  const docs = readPolnear(dir).slice(0, 40).map((a) => buildDoc(plainArticle(a.text, a.name)));
  const actors = linkActors(docs);
  const articles = docs.map((d) => ({ id: d.article.id, quotes: linkSpeakers(findQuotes(d), actors) }));
  const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
  analyseStances(docs.slice(0, 2), articles, actors); // warm-up: lexicon load and JIT
  const rounds = 3;
  let stances = 0;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) stances += analyseStances(docs, articles, actors).stances.length;
  const seconds = (performance.now() - t0) / 1000 / rounds;
  return [
    {
      name: `analyseStances (PolNeAR dev, ${docs.length} articles, ${tokens} tokens, ${stances / rounds} stances)`,
      figures: { 'tokens/s': tokens / seconds, 'articles/s': docs.length / seconds },
    },
  ];
}
