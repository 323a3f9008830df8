import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'duration:long';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['The envoys emerged from a day-long meeting.', ['day-long=P1D']],
  ['A year-long study found no link.', ['year-long=P1Y']],
  ['The decades-long feud goes on.', ['decades-long=PXY']],
  ['After a months-long search, the boat was found.', ['months-long=PXM']],
];
/** Sentences where the rule finds nothing: a count before the unit is `duration:adjective`'s. */
const NOT: string[] = ['A two-week-long strike ended.', 'The long day ended.'];

test('duration:long: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('duration:long: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
