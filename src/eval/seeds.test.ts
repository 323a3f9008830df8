import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BriefingArticle } from '../model.js';
import { unknown, known } from '../model.js';
import { evaluate, normaliseGold, scorePublished, scoreTitles, type SeedCase } from './seeds.js';

function briefingArticle(over: Partial<BriefingArticle['meta']>, text = 'Body.'): BriefingArticle {
  return {
    id: 'x', source: { path: 'a.txt', format: 'text' }, text, removed: [], paragraphs: [], sentences: [], notes: [],
    meta: {
      title: unknown(), outlet: unknown(), url: unknown(), published: unknown(), modified: unknown(),
      byline: unknown(), dateline: unknown(), language: unknown(), ...over,
    },
  };
}
const seedCase = (gold: SeedCase['gold'], meta: Partial<BriefingArticle['meta']>): SeedCase => ({ file: 'a.txt', raw: '', gold, article: briefingArticle(meta) });

test('normaliseGold straightens quotes and collapses space', () => {
  assert.equal(normaliseGold('Iran’s  “top”\nofficial '), `Iran's "top" official`);
});

test('scoreTitles: curly quotes do not matter; a null gold title must stay null', () => {
  const cases = [
    seedCase({ title: "Port's Strike Ends" }, { title: known('Port’s Strike Ends', 'text:title-line', 0.8) }),
    seedCase({ title: null }, { title: known('Invented', 'text:title-line', 0.8) }),
    seedCase({ title: null }, {}),
  ];
  const r = scoreTitles(cases);
  assert.deepEqual([r.found, r.total], [2, 3]);
});

test('scorePublished: null is fine, a date must overlap the gold range', () => {
  const cases = [
    seedCase({ published: ['2017-01-17', '2017-01-18'] }, {}),
    seedCase({ published: ['2017-01-17', '2017-01-18'] }, { published: known({ value: '2017-01' }, 'text:date-line', 0.5) }),
    seedCase({ published: ['2017-01-17', '2017-01-18'] }, { published: known({ value: '2024-05-01' }, 'today', 0.5) }),
  ];
  const r = scorePublished(cases);
  assert.deepEqual([r.found, r.total], [2, 3]);
});


test('eval seeds: a missing gold file is named in the error', async () => {
  await assert.rejects(evaluate({ data: '/nonexistent/seeds-gold-file.json' }), /\/nonexistent\/seeds-gold-file.json: no such file/);
});
