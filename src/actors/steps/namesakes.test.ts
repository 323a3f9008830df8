import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorNamed, actorsOf, holderOf } from './testing.js';

// Made-up people: two namesakes of one surname, one a man and one a woman, each met alone in an article first.
const TOM = 'Tom Brackett spoke at the hearing on Monday. Mr. Brackett said the bill would pass.';
const LENA = 'Lena Brackett opened the library on Tuesday. Mrs. Brackett thanked the donors.';

const surnameMentions = (actors: Awaited<ReturnType<typeof actorsOf>>, name: string): string[] =>
  (actorNamed(actors, name)?.aliases ?? []).filter((a) => a.kind === 'surname').map((a) => a.method).sort();

test('namesakes: an honorific before a lone surname picks the namesake of that sex, not a surname-only actor', async () => {
  const actors = await actorsOf(TOM, LENA, 'Mrs. Brackett told reporters the vote was close.', 'Mr. Brackett disagreed with the ruling.');
  assert.equal(actorNamed(actors, 'Brackett'), undefined);
  assert.deepEqual(surnameMentions(actors, 'Lena Brackett'), ['rule:surname', 'rule:surname-namesake']);
  assert.deepEqual(surnameMentions(actors, 'Tom Brackett'), ['rule:surname', 'rule:surname-namesake']);
});

test('namesakes: with both named in full in the article, the title decides', async () => {
  const both = 'Tom Brackett arrived with Lena Brackett. Mrs. Brackett spoke first.';
  const actors = await actorsOf(TOM, LENA, both);
  assert.deepEqual(surnameMentions(actors, 'Lena Brackett'), ['rule:surname', 'rule:surname-namesake']);
});

test('namesakes: a lone surname nothing decides between two namesakes stays unlinked', async () => {
  const actors = await actorsOf('Tom Brackett spoke at the hearing.', 'Lena Brackett opened the library.', 'Brackett left the meeting early.');
  assert.equal(holderOf(actors, 'Brackett'), null);
});
