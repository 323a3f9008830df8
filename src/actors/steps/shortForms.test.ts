import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorNamed, holderOf, mentionsOf, actorsOf } from './testing.js';

test('short forms: a lone surname joins the one person of that name, in the same article or another', async () => {
  const actors = await actorsOf('The Northern Harbour Council said it would sue.', 'Mara Quell spoke on Monday. Later Quell left.');
  assert.deepEqual(mentionsOf(actors, 'Mara Quell'), ['Mara Quell [name, model:ner]', 'Quell [surname, rule:surname]']);
});

test('short forms: an acronym joins the organisation whose initials it is', async () => {
  const actors = await actorsOf('The Northern Harbour Council said it would sue. Officials at the NHC declined to comment.');
  assert.equal(holderOf(actors, 'NHC', 'acronym'), 'Northern Harbour Council');
});

test('short forms: a surname in capitals the tagger took for a person is that person, not an acronym', async () => {
  const actors = await actorsOf('Tom Brack spoke at the hearing on Monday, and reporters asked him about the vote.\n\n"BRACK: Well, look, the council apparently thinks this is a good plan," he said.');
  assert.equal(holderOf(actors, 'BRACK', 'surname'), 'Tom Brack');
  assert.equal(actorNamed(actors, 'BRACK'), undefined);
});
