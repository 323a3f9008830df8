import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mentionsOf, actorsOf } from './testing.js';
import { surnameOf } from './stringMatch.js';

test('the string pass: a known name the tagger missed is found where it is written', async () => {
  const actors = await actorsOf('Mara Quell won on Monday. The vote was close.', 'Quell said she was pleased.');
  assert.ok(mentionsOf(actors, 'Mara Quell')?.includes('Quell [surname, rule:string-match]'));
});

test('a surname is a capitalised last word: a name cut before its end offers no function word', () => {
  assert.equal(surnameOf('Mara Quell'), 'Quell');
  assert.equal(surnameOf('Gang of'), null);
  assert.equal(surnameOf('Ludwig van'), null);
  assert.equal(surnameOf('Émile Zola'), 'Zola');
  assert.equal(surnameOf('Ms He'), null);
});
