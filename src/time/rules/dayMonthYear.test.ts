import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:day-month-year';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['It was signed on 16 December 2014.', ['16 December 2014=2014-12-16']],
  ['The vote is on the 3rd of February.', ['the 3rd of February=2020-02-03']],
];

test('date:day-month-year: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
