import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:month';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  // a month that opens a clause after "but" is governed by that clause's verb
  ['The firm sued to stop the sale, but in March a judge ruled against it.', ['March=2019-03']],
  // no tense to go by: a month up to three ahead is the coming one, a later one the last
  ['The appeal is heard in March.', ['March=2020-03']],
  ['The appeal is heard in June.', ['June=2019-06']],
  ['The strike began in November.', ['November=2019-11']],
  ['Talks resume next March.', ['next March=2020-03']],
  ['Prices fell in mid-December.', ['mid-December=2019-12 (MID)']],
  ['The rally is planned for June.', ['June=2020-06']],
];
/** Sentences where the rule finds nothing. */
const NOT: string[] = [
  'Shares may rise.',
];

test('date:month: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('date:month: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
