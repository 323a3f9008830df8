import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:the-weekend';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['Protesters marched over the weekend.', ['the weekend=2020-W02-WE']],
  ['The talks will resume over the weekend.', ['the weekend=2020-W03-WE']],
];

test('date:the-weekend: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
