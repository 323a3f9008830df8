import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:deictic-day';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['Stocks fell today.', ['today=2020-01-15']],
  ['The vote is tomorrow.', ['tomorrow=2020-01-16']],
  ['He spoke late yesterday.', ['late yesterday=2020-01-14']],
  ['She will speak tonight.', ['tonight=2020-01-15TNI']],
  ['They met yesterday morning.', ['yesterday morning=2020-01-14TMO']],
];

test('date:deictic-day: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
