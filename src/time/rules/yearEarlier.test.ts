import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:year-earlier';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['Net income was $5 million, up from $3 million a year earlier in the year-earlier quarter.', ['the year-earlier quarter=2019']],
  ['Sales were up from the year-ago period.', ['the year-ago period=2019']],
];

test('date:year-earlier: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
