import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:decade';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['Crime rose in the 1990s.', ['the 1990s=199']],
  ['He worked there in the late \'80s.', ['the late \'80s=198 (END)']],
  ['The band peaked in the seventies.', ['the seventies=197']],
];
/** Sentences where the rule finds nothing. */
const NOT: string[] = [
  'Both men are in their 80s.',
];

test('date:decade: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('date:decade: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
