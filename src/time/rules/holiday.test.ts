import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:holiday';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['Shops close on Christmas.', ['Christmas=2019-12-25']],
  ['They visited last Thanksgiving.', ['last Thanksgiving=2019-11-28']],
  ['Services were held at Easter.', ['Easter=2020-04-12']],
];

test('date:holiday: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
