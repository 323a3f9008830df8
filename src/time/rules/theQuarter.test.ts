import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:the-quarter';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['Profit rose in the third quarter of 2019, and costs fell in the period.', ['the period=2019-Q3']],
  ['Sales rose in the latest quarter.', ['the latest quarter=2019-Q4']],
];

test('date:the-quarter: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
