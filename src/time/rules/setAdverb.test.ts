import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'set:adverb';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['Prices are published daily.', ['daily=P1D']],
  ['The report is released annually.', ['annually=P1Y']],
];
/** Sentences where the rule finds nothing. */
const NOT: string[] = [
  'The firm declared a quarterly dividend.',
];

test('set:adverb: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('set:adverb: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
