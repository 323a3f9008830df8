import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:relative-unit';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['Sales fell last week.', ['last week=2020-W02']],
  ['The board meets next month.', ['next month=2020-02']],
  ['Revenue grew this year.', ['this year=2020']],
  ['Earlier this month, he resigned.', ['Earlier this month=2020-01']],
  ['It shipped in the current quarter.', ['the current quarter=2020-Q1']],
];
/** Sentences where the rule finds nothing. */
const NOT: string[] = [
  'The week was long.',
];

test('date:relative-unit: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('date:relative-unit: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
