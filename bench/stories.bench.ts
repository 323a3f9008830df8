/**
 * Analysing about 1,000 articles into stories: PolNeAR train + dev texts (924) through clean, language, text
 * layer, NER-linked actors left out (they have their own bench), then duplicates and story clustering, added
 * to the index in batches of 100 as a feed would deliver them. Target: under a minute in all.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './harness.js';
import { sharedPath } from '../src/paths.js';
import { cleanArticle } from '../src/clean/index.js';
import { detectLanguage } from '../src/language/index.js';
import { buildDoc } from '../src/text/index.js';
import { StoryIndex, findDuplicates, storyInputs } from '../src/stories/index.js';

export default async function (): Promise<BenchRow[] | { skip: string }> {
  const dirs = ['train', 'dev'].map((split) => sharedPath('eval', 'polnear', split, 'text'));
  if (dirs.some((d) => d === null)) return { skip: "needs ../shared/eval/polnear (not in a user's clone)" };
  const texts = dirs.flatMap((dir) => readdirSync(dir!).sort().map((f) => readFileSync(join(dir!, f), 'utf8')));
  const total = performance.now();
  const docs = texts.map((raw, i) => buildDoc(detectLanguage(cleanArticle({ source: { path: `polnear-${i}.txt`, format: 'text' }, raw, meta: {} }, {}))));
  const textMs = performance.now() - total;
  let t = performance.now();
  const inputs = storyInputs(docs);
  const index = new StoryIndex();
  for (let i = 0; i < inputs.length; i += 100) index.add(inputs.slice(i, i + 100));
  const stories = index.stories();
  const storyMs = performance.now() - t;
  t = performance.now();
  const groups = findDuplicates(docs.map(({ article }) => ({ id: article.id, text: article.text, title: article.meta.title.value })));
  const dupMs = performance.now() - t;
  const totalMs = performance.now() - total;
  const n = texts.length;
  return [
    { name: `stories: clean + text layer (PolNeAR train+dev, ${n} articles)`, figures: { 'articles/s': (n / textMs) * 1000, s: textMs / 1000 } },
    { name: `stories: incremental index, 100 per add (${n} articles → ${stories.length} stories)`, figures: { 'articles/s': (n / storyMs) * 1000, s: storyMs / 1000 } },
    { name: `stories: duplicates (${groups.length} groups)`, figures: { 'articles/s': (n / dupMs) * 1000, s: dupMs / 1000 } },
    { name: `stories: all of the above, ${n} articles`, figures: { 'articles/s': (n / totalMs) * 1000, 'total s': totalMs / 1000 } },
  ];
}
