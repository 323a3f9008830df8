import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:weekday';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['The rebels attacked on Thursday.', ['Thursday=2020-01-09']],
  ['The council will vote on Friday.', ['Friday=2020-01-17']],
  ['He arrived last Monday.', ['last Monday=2020-01-13']],
  ['The board meets next Tuesday.', ['next Tuesday=2020-01-21']],
];

test('date:weekday: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
