import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Briefing } from '../model.js';
import { plainArticle } from '../model.js';
import { renderJson, renderJsonChunks } from './json.js';

test('renderJsonChunks: joined, the chunks are JSON.stringify(value, null, 2) for any JSON-like value', () => {
  fc.assert(
    fc.property(fc.object({ values: [fc.jsonValue(), fc.constant(undefined), fc.date({ noInvalidDate: true })], maxDepth: 4 }), (value) => {
      assert.equal([...renderJsonChunks(value as unknown as Briefing)].join(''), `${JSON.stringify(value, null, 2)}\n`);
    }),
    { seed: 18, numRuns: 300 },
  );
});

test('renderJsonChunks: a briefing of 10,000 articles is written one article at a time, never as one string', () => {
  const one = plainArticle('The ferry resumed service on Monday.', 'a');
  const articles = Array.from({ length: 10_000 }, (_, i) => ({ ...one, id: `a${i}`, text: `${one.text} ${i}` }));
  const briefing = { schema: 'parallax/briefing', version: '0', articles, errors: [], stats: { inputs: 10_000, articles: 10_000, failed: 0 } } as unknown as Briefing;
  let largest = 0;
  let total = 0;
  let count = 0;
  for (const chunk of renderJsonChunks(briefing)) {
    largest = Math.max(largest, chunk.length);
    total += chunk.length;
    count++;
  }
  const perArticle = JSON.stringify(articles[0], null, 2).length;
  assert.ok(largest < 4 * perArticle, `largest chunk ${largest} characters, one article ${perArticle}`);
  assert.ok(count > 10_000);
  assert.equal(total, renderJson(briefing).length);
});
