/**
 * One story of N articles, stage by stage, as bench/speed.bench.ts part 3 runs it: the article stages (not timed),
 * then the corpus stages and each story stage, their CPU seconds printed as one JSON line. With a third argument
 * it also writes the story stages' parts as JSON, to `cmp` the output of two versions byte for byte.
 *
 *   node --import tsx bench/one-story.ts 1000 "" /tmp/parts.json     (add --cpu-prof before --import to profile)
 */
import { writeFileSync } from 'node:fs';
import { sharedPath } from '../src/paths.js';
import { orderedParts, runCorpus, runScope } from '../src/pipeline.js';
import { STORY_STAGES } from '../src/stages.js';
import { storyArticles, wholeStory } from './one-story-inputs.js';
import os from 'node:os';

const cpu = (start: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
};
const size = Number(process.argv[2]);
if (!Number.isInteger(size) || size < 1) throw new Error('usage: one-story.ts N ["" parts.json]');
const out = process.argv[4];
const train = sharedPath('eval', 'polnear', 'train', 'text');
if (!train) throw new Error('one-story.ts: no ../shared/eval/polnear/train/text (set PARALLAX_SHARED)');
const { docs, said, mentions } = await storyArticles(train, size);
const some = docs.slice(0, size);
let s = process.cpuUsage();
const work = runCorpus({ options: {}, docs: some, said, mentions: mentions.slice(0, size), parts: {} });
const times: Record<string, number> = { corpus: cpu(s) };
const one = wholeStory(work.stories, some);
work.stories = [one];
for (const stage of STORY_STAGES) { s = process.cpuUsage(); runScope(work, one, [stage]); times[stage.name] = cpu(s); }
const total = Object.values(times).reduce((a, b) => a + b, 0);
console.log(JSON.stringify({ size: some.length, load: os.loadavg().map((x) => x.toFixed(1)).join(' '), total: +total.toFixed(1), ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, +v.toFixed(2)])) }));
if (out) writeFileSync(out, JSON.stringify(orderedParts(work.parts)));
