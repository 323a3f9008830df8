/**
 * One story of N articles, stage by stage, as bench/speed.bench.ts part 3 runs it: the article stages (not timed),
 * then the corpus stages and each story stage, their CPU seconds printed as one JSON line. With a third argument
 * it also writes the story stages' parts as JSON, to `cmp` the output of two versions byte for byte.
 *
 *   node --import tsx bench/one-story.ts 1000 "" /tmp/parts.json     (add --cpu-prof before --import to profile)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../src/paths.js';
import { ingest } from '../src/ingest/index.js';
import { largestStory, orderedParts, runArticle, runCorpus, runScope } from '../src/pipeline.js';
import { STORY_STAGES } from '../src/stages.js';
import type { Doc, Mention, RawArticle, SourceInput, Story } from '../src/model.js';
import type { SaidWhen } from '../src/saidwhen/index.js';
import os from 'node:os';

const cpu = (start: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
};
function filesOf(dir: string): SourceInput[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ path: join(dir, f), data: readFileSync(join(dir, f)) }));
}
// the bench's inputs, in its order: PolNeAR train and dev, the AllSides stories, then BBC
const size = Number(process.argv[2]);
if (!Number.isInteger(size) || size < 1) throw new Error('usage: one-story.ts N ["" parts.json]');
const out = process.argv[4];
const inputs: SourceInput[] = [...filesOf(sharedPath('eval', 'polnear', 'train', 'text')!)];
inputs.push(...filesOf(sharedPath('eval', 'polnear', 'dev', 'text')!));
const allsides = sharedPath('eval', 'allsides', 'stories')!;
for (const f of readdirSync(allsides).filter((x) => x.endsWith('.jsonl')).sort()) inputs.push({ path: join(allsides, f), data: readFileSync(join(allsides, f)) });
const bbc = sharedPath('eval', 'unlabelled', 'bbc.jsonl');
if (bbc) inputs.push({ path: bbc, data: readFileSync(bbc) });
const raws: RawArticle[] = (await ingest(inputs, {})).articles.slice(0, size);
const docs: Doc[] = []; const said = new Map<string, SaidWhen>(); const mentions: (Mention[] | null)[] = [];
for (const raw of raws) {
  const r = runArticle(raw, {});
  if ('error' in r) continue;
  const doc = r.work.doc as Doc;
  docs.push(doc);
  mentions.push(r.work.mentions ?? null);
  if (r.work.said) said.set(doc.article.id, r.work.said);
}
const some = docs.slice(0, size);
let s = process.cpuUsage();
const work = runCorpus({ options: {}, docs: some, said, mentions: mentions.slice(0, size), parts: {} });
const times: Record<string, number> = { corpus: cpu(s) };
const largest = largestStory(work.stories ?? []);
const one = { ...(largest ?? { id: 's1', title: { value: '', method: 'bench', confidence: 0 }, dateRange: null, keyActors: [], keyTerms: [], background: [] }), articles: some.map((d) => d.article.id) } as Story;
work.stories = [one];
for (const stage of STORY_STAGES) { s = process.cpuUsage(); runScope(work, one, [stage]); times[stage.name] = cpu(s); }
const total = Object.values(times).reduce((a, b) => a + b, 0);
console.log(JSON.stringify({ size: some.length, load: os.loadavg().map((x) => x.toFixed(1)).join(' '), total: +total.toFixed(1), ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, +v.toFixed(2)])) }));
if (out) writeFileSync(out, JSON.stringify(orderedParts(work.parts)));
