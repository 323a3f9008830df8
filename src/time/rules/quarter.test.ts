import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:quarter';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['Profit fell in the third quarter.', ['the third quarter=2019-Q3']],
  ['Sales rose in the fourth quarter of 2018.', ['the fourth quarter of 2018=2018-Q4']],
  ['The company reported first-half results.', ['first-half=2020-H1']],
  ['Net fell in the 2019 second quarter.', ['the 2019 second quarter=2019-Q2']],
];

test('date:quarter: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
