import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:month-day-year';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['The law took effect on Monday, Jan. 6, 2020.', ['Monday, Jan. 6, 2020=2020-01-06']],
  ['Talks resume on February 3.', ['February 3=2020-02-03']],
  ['The panel will study the Jan. 6 attack.', ['Jan. 6=2020-01-06']],
  ['He left on December 20.', ['December 20=2019-12-20']],
];

test('date:month-day-year: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
