import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarBounds, inferPublished } from './published.js';

test('inferPublished: past years set the earliest day, future dates the latest', () => {
  const f = inferPublished('The war began in 2011. The talks will open on January 23, 2017.', { article: 'a' });
  assert.deepEqual(f.value, { value: '2011-01-01', from: '2011-01-01', to: '2017-01-23' });
  assert.equal(f.method, 'inferred');
  assert.equal(f.span?.article, 'a');
  assert.ok(f.confidence > 0 && f.confidence < 1);
});

test('inferPublished: the latest past date wins over earlier ones', () => {
  const f = inferPublished('The war began in 2011. Aleppo fell on Dec. 22, 2016.');
  assert.equal(f.value?.from, '2016-12-22');
  assert.equal(f.value?.to, undefined);
});

test('inferPublished: no dated mention, or dates that contradict each other, leave it unknown (never today)', () => {
  const none = inferPublished('Officials said on Wednesday that talks would open next week.');
  assert.equal(none.value, null);
  assert.equal(none.confidence, 0);
  const conflict = inferPublished('The plant closed in 2019. It will reopen on May 1, 2018.');
  assert.equal(conflict.value, null);
  assert.equal(conflict.method, 'inferred:conflicting-dates');
});

test('calendarBounds: first and last days of calendar values', () => {
  const cases: [string, { first: string; last: string } | null][] = [
    ['2016', { first: '2016-01-01', last: '2016-12-31' }],
    ['2016-02', { first: '2016-02-01', last: '2016-02-29' }],
    ['2016-12-05', { first: '2016-12-05', last: '2016-12-05' }],
    ['2016-Q3', { first: '2016-07-01', last: '2016-09-30' }],
    ['2016-H1', { first: '2016-01-01', last: '2016-06-30' }],
    ['PAST_REF', null],
  ];
  for (const [value, expected] of cases) assert.deepEqual(calendarBounds(value), expected, value);
});
