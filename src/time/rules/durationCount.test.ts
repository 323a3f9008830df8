import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'duration:count';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  // "one day" after a modal or a subject is some day ahead
  ['The town will one day be a city.', ['one day=FUTURE_REF']],
  ['The strike lasted one day.', ['one day=P1D']],
  // "as long as a month" is not a rate ("four flights a week")
  ['The appeal could take as long as a month or two.', ['a month=P1M']],
  ['The refugees stayed 2 1/2 years.', ['2 1/2 years=P2Y6M']],
  ['The strike lasted three weeks.', ['three weeks=P3W']],
  ['He served more than four decades.', ['more than four decades=P40Y (MORE_THAN)']],
  ['The talks took several years.', ['several years=PXY']],
];
/** Sentences where the rule finds nothing. */
const NOT: string[] = [
  // a rate, and a fraction
  'The plan saves $5 million a year.',
  'They hold more than a quarter of the market.',
  'The tree is 52 years old.',
  'She earns $5 a year.',
  'It aired on 60 Minutes.',
];

test('duration:count: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('duration:count: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
