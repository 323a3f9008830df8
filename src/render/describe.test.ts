import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BriefingArticle, DateValue, Field } from '../model.js';
import { dateProvenance, paragraphRuns, removedSummary, sentenceIndexOf, showDate } from './describe.js';

const date = (method: string, value: string | null): Field<DateValue> =>
  value === null ? { value: null, method, confidence: 0 } : { value: { value }, method, confidence: 0.9 };

test('dateProvenance tells stated, inferred, assumed and unknown apart', () => {
  const cases: [Field<DateValue>, string][] = [
    [date('meta:article:published_time', '2024-10-14'), 'stated'],
    [date('jsonld:datePublished', '2024-10-14'), 'stated'],
    [date('feed:pubDate', '2024-10-14'), 'stated'],
    [date('front-matter:date', '2024-10-14'), 'stated'],
    [date('json:published', '2024-10-14'), 'stated'],
    [date('text:dateline', '2024-10-16'), 'inferred'],
    [date('text:byline-date', '2024-10-15'), 'inferred'],
    [date('assumed:--published', '2024-10-14'), 'assumed'],
    [date('none', null), 'unknown'],
    [date('meta:article:published_time', null), 'unknown'],
  ];
  for (const [field, expected] of cases) assert.equal(dateProvenance(field), expected, field.method);
});

test('showDate shows a range only when the date is one', () => {
  assert.equal(showDate({ value: '2024-10-14' }), '2024-10-14');
  assert.equal(showDate({ value: '2024-10-14', from: '2024-10-14', to: '2024-10-20' }), '2024-10-14 – 2024-10-20');
  assert.equal(showDate({ value: '2024-10', from: '2024-10', to: '2024-10' }), '2024-10');
});

test('removedSummary counts pieces, characters and reasons', () => {
  const s = removedSummary([
    { text: 'Home | News', reason: 'navigation', rawStart: 0, rawEnd: 11 },
    { text: 'Subscribe now', reason: 'newsletter', rawStart: 20, rawEnd: 33 },
    { text: 'Sport', reason: 'navigation', rawStart: 40, rawEnd: 45 },
  ]);
  assert.deepEqual(s, { pieces: 3, characters: 29, byReason: [['navigation', 2], ['newsletter', 1]] });
});

function article(text: string, paragraphs: [number, number][], sentences: [number, number, number][]): BriefingArticle {
  const none = { value: null, method: 'none', confidence: 0 };
  return {
    id: 'x1',
    source: { path: 'x.txt', format: 'text' },
    meta: { title: none, outlet: none, url: none, published: none, modified: none, byline: none, dateline: none, language: none },
    text,
    removed: [],
    paragraphs: paragraphs.map(([start, end]) => ({ start, end })),
    sentences: sentences.map(([start, end, paragraph]) => ({ start, end, paragraph })),
    notes: [],
  };
}

test('paragraphRuns gives back every character of each paragraph, sentences marked', () => {
  const text = 'One. Two!\n\nThree?  Four.\nFive';
  const a = article(text, [[0, 9], [11, 29]], [[0, 4, 0], [5, 9, 0], [11, 17, 1], [19, 24, 1], [25, 29, 1]]);
  const runs = paragraphRuns(a);
  assert.equal(runs.length, 2);
  for (const p of runs) {
    assert.equal(p.runs.map((r) => text.slice(r.start, r.end)).join(''), text.slice(p.start, p.end));
  }
  assert.deepEqual(
    runs[1].runs.map((r) => [text.slice(r.start, r.end), r.sentence]),
    [['Three?', 2], ['  ', null], ['Four.', 3], ['\n', null], ['Five', 4]],
  );
});

test('paragraphRuns splits a sentence that runs over a paragraph break', () => {
  const text = 'A b\n\nc d.';
  const a = article(text, [[0, 3], [5, 9]], [[0, 9, 0]]);
  const runs = paragraphRuns(a);
  assert.deepEqual(runs.map((p) => p.runs.map((r) => r.sentence)), [[0], [0]]);
});

test('paragraphRuns treats a text without a text layer as one paragraph', () => {
  const a = article('no layer', [], []);
  assert.deepEqual(paragraphRuns(a), [{ start: 0, end: 8, runs: [{ start: 0, end: 8, sentence: null }] }]);
});

test('sentenceIndexOf finds the sentence holding a span start', () => {
  const a = article('One. Two. Three.', [[0, 16]], [[0, 4, 0], [5, 9, 0], [10, 16, 0]]);
  const cases: [number, number][] = [[0, 0], [3, 0], [4, -1], [5, 1], [12, 2], [16, -1]];
  for (const [start, expected] of cases) assert.equal(sentenceIndexOf(a, { article: 'x1', start, end: start + 1 }), expected, String(start));
});
