import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'time:clock';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['The convoy left at 4 in the morning.', ['4 in the morning=2020-01-15T04:00']],
  ['They met at 6 in the evening.', ['6 in the evening=2020-01-15T18:00']],
  ['The blast came at 4 a.m. EST Thursday.', ['4 a.m. EST Thursday=2020-01-09T04:00']],
  ['The vote closed at 10:30 p.m.', ['10:30 p.m.=2020-01-15T22:30']],
  ['They met at noon Tuesday.', ['noon Tuesday=2020-01-14T12:00']],
  ['He was shot on Jan. 10 and died at 11 p.m.', ['11 p.m.=2020-01-10T23:00']],
];
/** Sentences where the rule finds nothing. */
const NOT: string[] = [
  'The film High Noon played.',
];

test('time:clock: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('time:clock: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
