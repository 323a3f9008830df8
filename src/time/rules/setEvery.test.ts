import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'set:every';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['Inspectors come every week.', ['every week=P1W']],
  ['The board meets every Monday.', ['every Monday=XXXX-WXX-1']],
  ['The festival is held each July.', ['each July=XXXX-07']],
];

test('set:every: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
