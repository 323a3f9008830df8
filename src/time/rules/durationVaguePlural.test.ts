import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'duration:vague-plural';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['The feud has lasted for years.', ['years=PXY']],
  ['Prices rose in recent months.', ['recent months=PXM']],
  ['Talks will go on in the coming weeks.', ['the coming weeks=PXW']],
];
/** Sentences where the rule finds nothing. */
const NOT: string[] = [
  'Months passed.',
];

test('duration:vague-plural: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('duration:vague-plural: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
