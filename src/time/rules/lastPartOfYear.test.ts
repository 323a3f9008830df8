import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:last-part-of-year';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['Earnings will be lower for the last half of 2019.', ['the last half of 2019=2019-H2']],
  ['Sales picked up in the final quarter of 2018.', ['the final quarter of 2018=2018-Q4']],
  ['The plant opens in the latter half of fiscal 2021.', ['the latter half of fiscal 2021=2021-H2']],
];
/** Sentences where the rule finds nothing: without a year, the last quarter is the latest reported. */
const NOT: string[] = [
  'Profit rose in the last quarter.',
  'The last half of the match was dull.',
];

test('date:last-part-of-year: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('date:last-part-of-year: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
