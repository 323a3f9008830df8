import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './pipeline.js';

const md = (published: string, title: string, body: string): string => `---\ntitle: ${title}\npublished: ${published}\n---\n\n${body}\n`;

// Made-up: three articles on one ferry strike in 2023, one on a bridge opening in 2019.
const INPUTS = [
  { path: 'a.md', data: md('2023-05-02', 'Ferry crews strike over pay', 'Ferry crews in Port Alder walked out on Tuesday over pay, stranding hundreds of passengers, the crews union said.') },
  { path: 'b.md', data: md('2023-05-03', 'Ferry strike strands passengers', 'Hundreds of passengers were stranded in Port Alder as ferry crews went on strike over pay on Tuesday.') },
  { path: 'c.md', data: md('2023-05-04', 'Ferry operator offers crews more pay', 'The ferry operator in Port Alder offered striking crews a pay rise of four percent on Thursday.') },
  { path: 'd.md', data: md('2019-08-10', 'New bridge opens in Kelmar', 'A new road bridge over the river opened in Kelmar on Saturday after three years of building work.') },
];

test('analyze: the briefing is about the largest story; its summary cites only that story', async () => {
  const b = await analyze(INPUTS);
  assert.equal(b.articles.length, 4);
  const focus = b.stories?.find((s) => s.id === b.story.id);
  assert.ok(focus, 'story.id names one of the stories');
  assert.equal(focus.articles.length, Math.max(...(b.stories ?? []).map((s) => s.articles.length)));
  const bridge = b.articles.find((a) => a.source.path === 'd.md');
  assert.ok(bridge && !focus.articles.includes(bridge.id), 'the bridge article is another story');
  const cited = new Set(b.summary?.sentences.flatMap((s) => s.citations.map((c) => c.article)));
  assert.ok(cited.size > 0 && !cited.has(bridge.id), 'the summary cites the focus story only');
});

test('runArticle: an article gets the same layers whatever the process read before it', async () => {
  const { ingest } = await import('./ingest/index.js');
  const { runArticle } = await import('./pipeline.js');
  const layers = async (path: string, data: string) => {
    const { articles } = await ingest([{ path, data }], {});
    const r = runArticle(articles[0], {});
    assert.ok(!('error' in r));
    return r.layers.filter((l) => l.stage !== 'raw');
  };
  // Made-up. A possessive before a comma is read as one word, which the tokenizer must not remember: the
  // same possessive in another article, before a noun, is still two tokens (name + 's).
  const article = md('2024-03-01', 'Orvanne campaign', "Senator Dalia Orvanne's campaign said on Friday it would appeal. Orvanne's lawyers filed the papers.");
  const fresh = await layers('x.md', article);
  const tokens = fresh.find((l) => l.stage === 'text')?.data as { tokens: { start: number; end: number }[] };
  const clean = fresh.find((l) => l.stage === 'clean');
  assert.ok(clean, 'a clean layer');
  const { text } = clean.data as { text: string };
  assert.ok(tokens.tokens.some((t) => text.slice(t.start, t.end) === "'s"), 'the possessive is a token of its own');
  await layers('y.md', md('2024-03-02', 'Orvanne says', "It was Orvanne's, the aide said, and Orvanne's: the aide's, too. \"Orvanne's\" was the word."));
  assert.deepEqual(await layers('x.md', article), fresh);
});
