import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:season';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['The plant opens next spring.', ['next spring=2020-SP']],
  ['Floods hit last summer.', ['last summer=2019-SU']],
  ['The talks began in the spring of 1998.', ['the spring of 1998=1998-SP']],
  ['Summer storms caused damage.', ['Summer=2020-SU']],
];
/** Sentences where the rule finds nothing. */
const NOT: string[] = [
  'Prices fall when supply rises.',
];

test('date:season: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('date:season: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
