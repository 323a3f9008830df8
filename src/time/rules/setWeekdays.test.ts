import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'set:weekdays';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE).
const FOUND: [string, string[]][] = [
  ['The market is closed on Sundays.', ['Sundays=XXXX-WXX-7']],
  ['Flights leave on Tuesday nights.', ['Tuesday nights=XXXX-WXX-2TNI']],
  ['The council meets Monday mornings.', ['Monday mornings=XXXX-WXX-1TMO']],
];
/** Sentences where the rule finds nothing: a weekday in the singular is a day. */
const NOT: string[] = ['The council met on Monday.', 'The council met Monday morning.'];

test('set:weekdays: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('set:weekdays: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
