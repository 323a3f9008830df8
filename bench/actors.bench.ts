/**
 * Actor linking throughput on one core: the first 200 PolNeAR train articles (a large story's worth) as
 * plain-text docs, tagged with `findMentions` alone, then tagged and linked with `linkActors` (which runs the
 * tagger itself), after one warm-up pass; median of three passes. The linker's own cost is the difference.
 * The harness adds the process's peak RSS (tagger model, knowledge base, lexicons).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchRow } from './harness.js';
import { sharedPath } from '../src/paths.js';
import { plainArticle, type Doc } from '../src/model.js';
import { buildDoc } from '../src/text/index.js';
import { findMentions } from '../src/ner/mentions.js';
import { linkActors } from '../src/actors/index.js';

const ARTICLES = 200;

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

function timed(run: () => void): number {
  run();
  const t: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    run();
    t.push((performance.now() - t0) / 1000);
  }
  return median(t);
}

export default async function (): Promise<BenchRow[] | { skip: string }> {
  const dir = sharedPath('eval', 'polnear', 'train', 'text');
  if (!dir) return { skip: 'needs ../shared/eval/polnear/train/text' };
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, ARTICLES);
  const docs: Doc[] = names.map((name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    return buildDoc(plainArticle(text, name));
  });
  const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
  const tagger = timed(() => docs.forEach((d) => findMentions(d)));
  let actors = 0;
  const both = timed(() => {
    actors = linkActors(docs).length;
  });
  const linker = Math.max(both - tagger, 1e-9);
  return [
    { name: `tagger (findMentions), PolNeAR train first ${docs.length} articles, ${tokens} tokens`, figures: { 'tokens/s': tokens / tagger } },
    { name: `tagger + linker (linkActors), ${actors} actors`, figures: { 'tokens/s': tokens / both, s: both } },
    { name: 'linker alone (difference)', figures: { 'tokens/s': tokens / linker } },
  ];
}
