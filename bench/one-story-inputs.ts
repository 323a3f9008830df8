/**
 * The articles of the one-story benches (bench/speed.bench.ts part 3 and bench/one-story.ts), read once so both
 * measure the same story: PolNeAR train, then dev, the AllSides stories and the BBC texts when present, in that
 * order, through the article stages (which neither bench times).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../src/paths.js';
import { ingest } from '../src/ingest/index.js';
import { largestStory, runArticle } from '../src/pipeline.js';
import type { Doc, Mention, SourceInput, Story } from '../src/model.js';
import type { SaidWhen } from '../src/saidwhen/index.js';

export interface StoryArticles {
  docs: Doc[];
  said: Map<string, SaidWhen>;
  mentions: (Mention[] | null)[];
}

/** The `.txt` files of a folder, sorted by name. */
export function filesOf(dir: string): SourceInput[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ path: join(dir, f), data: readFileSync(join(dir, f)) }));
}

/** Up to `count` articles, each through the article stages; those that fail are left out. */
export async function storyArticles(train: string, count: number): Promise<StoryArticles> {
  const inputs: SourceInput[] = [...filesOf(train)];
  const dev = sharedPath('eval', 'polnear', 'dev', 'text');
  if (dev) inputs.push(...filesOf(dev));
  const allsides = sharedPath('eval', 'allsides', 'stories');
  if (allsides) for (const f of readdirSync(allsides).filter((x) => x.endsWith('.jsonl')).sort()) inputs.push({ path: join(allsides, f), data: readFileSync(join(allsides, f)) });
  const bbc = sharedPath('eval', 'unlabelled', 'bbc.jsonl');
  if (bbc) inputs.push({ path: bbc, data: readFileSync(bbc) });
  const out: StoryArticles = { docs: [], said: new Map(), mentions: [] };
  for (const raw of (await ingest(inputs, {})).articles.slice(0, count)) {
    const r = runArticle(raw, {});
    if ('error' in r) continue;
    const doc = r.work.doc as Doc;
    out.docs.push(doc);
    out.mentions.push(r.work.mentions ?? null);
    if (r.work.said) out.said.set(doc.article.id, r.work.said);
  }
  return out;
}

/** The one story holding every article: the corpus stages' largest story (or a blank one) with all of them. */
export function wholeStory(stories: Story[] | undefined, docs: Doc[]): Story {
  const largest = largestStory(stories ?? []);
  return { ...(largest ?? { id: 's1', title: { value: '', method: 'bench', confidence: 0 }, dateRange: null, keyActors: [], keyTerms: [], background: [] }), articles: docs.map((d) => d.article.id) } as Story;
}
