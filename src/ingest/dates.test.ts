import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatedDate } from './dates.js';

const cases: [string, string | null, string[]?][] = [
  ['2031-01-18', '2031-01-18', ['year', 'month', 'day']],
  ['2031-01', '2031-01', ['year', 'month']],
  ['2031-01-18T10:00:00Z', '2031-01-18T10:00:00Z', ['year', 'month', 'day', 'hour', 'minute', 'second', 'timezone']],
  ['2031-01-18T10:00:00.123+0530', '2031-01-18T10:00:00+05:30'],
  ['2031-01-18 10:00', '2031-01-18T10:00', ['year', 'month', 'day', 'hour', 'minute']],
  ['Wed, 18 Jan 2031 10:00:00 GMT', '2031-01-18T10:00:00Z'],
  ['18 Jan 2031 10:00 -0500', '2031-01-18T10:00-05:00'],
  ['January 18, 2031', '2031-01-18', ['year', 'month', 'day']],
  ['2031-02-30', null],
  ['2031-13-01', null],
  ['March 3', null], // no year stated: nothing is taken from today
  ['yesterday', null],
  ['', null],
  ['not a date', null],
];

for (const [input, value, knownParts] of cases) {
  test(`parseStatedDate(${JSON.stringify(input)})`, () => {
    const d = parseStatedDate(input);
    assert.equal(d?.value ?? null, value);
    if (knownParts) assert.deepEqual(d?.known, knownParts);
  });
}
