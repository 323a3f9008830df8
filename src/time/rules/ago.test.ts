import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:ago';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['The mine closed two years ago.', ['two years ago=2018']],
  ['He left three days ago.', ['three days ago=2020-01-12']],
  ['The rule came in about a decade ago.', ['about a decade ago=2010 (APPROX)']],
  ['Three days later, he died.', ['Three days later=P3D']],
];
/** Sentences where the rule finds nothing. */
const NOT: string[] = [
  'Two days after the vote, he quit.',
];

test('date:ago: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('date:ago: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
