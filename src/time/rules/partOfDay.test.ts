import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:part-of-day';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['Police said this morning that two men were held.', ['this morning=2020-01-15TMO']],
  ['Fighting broke out last night.', ['last night=2020-01-14TNI']],
];

test('date:part-of-day: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
