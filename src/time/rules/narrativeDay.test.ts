import { test } from 'node:test';
import assert from 'node:assert/strict';
import { valuesBy } from './testing.js';

const RULE = 'date:narrative-day';

// Made-up sentences, dated Wednesday 15 January 2020 (testing.ts's REFERENCE): the days count from the last
// day the story told, not from the article's date.
const FOUND: [string, string[]][] = [
  ['Shares fell on Jan. 6, down from the previous Friday.', ['the previous Friday=2020-01-03']],
  ['The vote was on Jan. 6, and the following Monday the minister resigned.', ['the following Monday=2020-01-13']],
  ['The mayor was shot on Jan. 6. Earlier that day, he had received a letter.', ['Earlier that day=2020-01-06']],
  ['The suspect was held on Jan. 6 and appeared in court the next morning.', ['the next morning=2020-01-07']],
  // with no day told, the article's date
  ['Officials will decide the next day.', ['the next day=2020-01-16']],
];
/** Sentences where the rule finds nothing: "that day" with no day told before refers to nothing known. */
const NOT: string[] = ['That day was long.', 'The previous owner sold it.'];

test('date:narrative-day: the expressions and values it finds', () => {
  for (const [sentence, expected] of FOUND) assert.deepEqual(valuesBy(RULE, sentence), expected, sentence);
});

test('date:narrative-day: what it leaves alone', () => {
  for (const sentence of NOT) assert.deepEqual(valuesBy(RULE, sentence), [], sentence);
});
