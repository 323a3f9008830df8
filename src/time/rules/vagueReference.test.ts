import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesIn } from './testing.js';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['The country is now at peace.', ['now=PRESENT_REF']],
  ['He recently resigned.', ['recently=PAST_REF']],
  ['The plant will close in the future.', ['the future=FUTURE_REF']],
  ['The board may soon seek a buyer.', ['soon=FUTURE_REF']],
  ['Prices will stay high in the near term.', ['the near term=FUTURE_REF']],
];
/** Sentences where the rule finds nothing. */
const NOT: string[] = [
  'As soon as he left, the talks ended.',
  'The then current law applied.',
  // in a past narrative "soon" is a step of the story
  'He was soon released.',
];

test('vague references: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesIn(sentence), expected, sentence);
});

test('vague references: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesIn(sentence), [], sentence);
});
