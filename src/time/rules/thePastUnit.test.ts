import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:the-past-unit';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['Prices rose over the past year.', ['the past year=2019']],
  ['The plant opened in 2010, and the following year it closed.', ['the following year=2011']],
  ['Sales will grow in the next decade.', ['the next decade=203']],
];

test('date:the-past-unit: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});
