import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'duration:and-a-half';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['The siege lasted a year and a half.', ['a year and a half=P1Y6M']],
  ['The flight took two and a half hours.', ['two and a half hours=PT2H30M']],
  ['They waited half an hour.', ['half an hour=PT30M']],
];

test('duration:and-a-half: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
