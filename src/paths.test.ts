import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDataFile } from './paths.js';

test('readDataFile: a missing file is an error naming the file and what it is for', () => {
  assert.throws(() => readDataFile('no-such-lexicon.json', 'the test lexicon'), /no-such-lexicon\.json: cannot read the test lexicon/);
});

test('readDataFile: lists and objects are checked, naming the file and key', () => {
  const file = readDataFile('quotes.json', 'the quote lexicon');
  assert.ok(file.list('reportingVerbs', true).includes('say'));
  assert.equal(typeof file.object('irregularForms'), 'object');
  assert.throws(() => file.list('no-such-key'), /quotes\.json: "no-such-key" must be a list of strings/);
  assert.throws(() => file.object('reportingVerbs'), /quotes\.json: "reportingVerbs" must be an object/);
});
