import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:spelled-year';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['The treaty dates from nineteen ninety-six.', ['nineteen ninety-six=1996']],
  ['Plans for the year two thousand were drawn up.', ['the year two thousand=2000']],
];

test('date:spelled-year: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
