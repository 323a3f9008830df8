/**
 * Background document frequencies for story similarity: in how many of the unlabelled news articles
 * (../shared/eval/unlabelled: Reuters-21578 and BBC) each story term occurs. A handful of articles cannot tell
 * a common word from a story's own words; these counts can. Only counts of terms seen in at least MIN_DF
 * articles are kept (no text). Deterministic: terms sorted.
 *
 *   node --import tsx scripts/build-story-df.ts   → models/story-df.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { sharedPath, modelPath } from '../src/paths.js';
import { storyTerms } from '../src/stories/terms.js';

const MIN_DF = 5;
const dir = sharedPath('eval', 'unlabelled');
if (!dir) throw new Error('needs ../shared/eval/unlabelled');
const df = new Map<string, number>();
let docs = 0;
for (const file of ['reuters21578.jsonl', 'bbc.jsonl']) {
  for (const line of readFileSync(`${dir}/${file}`, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { title?: string; text: string };
    docs++;
    for (const t of new Set(storyTerms(`${rec.title ?? ''}\n${rec.text}`))) df.set(t, (df.get(t) ?? 0) + 1);
  }
}
const kept = [...df.entries()].filter(([, n]) => n >= MIN_DF).sort((a, b) => (a[0] < b[0] ? -1 : 1));
writeFileSync(modelPath('story-df.json'), JSON.stringify({ about: 'document frequencies of story terms in Reuters-21578 + BBC news (scripts/build-story-df.ts)', docs, minDf: MIN_DF, df: Object.fromEntries(kept) }) + '\n');
console.log(`${docs} articles, ${kept.length} terms kept of ${df.size}`);
