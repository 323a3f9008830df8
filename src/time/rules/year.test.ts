import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:year';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['The post-1959 politics split families.', ['post-1959=1959 (AFTER)']],
  ['Prices returned to pre-2008 levels.', ['pre-2008=2008 (BEFORE)']],
  ['The war began in 2011.', ['2011=2011']],
  ['Profit rose in fiscal 2019.', ['fiscal 2019=2019']],
  ['Costs rose by the end of 2018.', ['the end of 2018=2018 (END)']],
];
/** Sentences where the rule finds nothing. */
const NOT: string[] = [
  'It cost $2019 to fix.',
];

test('date:year: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('date:year: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
