import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorNamed, actorsOf, holderOf } from './testing.js';
import { linkActors } from '../link.js';
import { buildDoc } from '../../text/index.js';
import { type Doc, type Mention, plainArticle } from '../../model.js';

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

test('namesakes: a name whose given words are common words (a slogan, a company) takes no lone surname of another article', () => {
  const texts = [
    'Ads by Defeat Crooked Brackett ran on Monday. Defeat Crooked Brackett paid. Defeat Crooked Brackett won. The defeat was crooked, and a crooked defeat stung.',
    'Stop Brackett rallied on Tuesday, hoping to stop the plan.',
    'Officials said Brackett spoke on Wednesday.',
  ];
  const docs = texts.map((t, i) => buildDoc(plainArticle(t, `a${i}`)));
  const mention = (doc: Doc, name: string, from = 0): Mention => {
    const start = doc.article.text.indexOf(name, from);
    return { span: { article: doc.article.id, start, end: start + name.length }, text: name, type: 'PERSON', method: 'model:ner', confidence: 0.9 };
  };
  const slogan = 'Defeat Crooked Brackett';
  const first = docs[0].article.text.indexOf(slogan);
  const second = docs[0].article.text.indexOf(slogan, first + 1);
  const actors = linkActors(docs, [
    [mention(docs[0], slogan), mention(docs[0], slogan, first + 1), mention(docs[0], slogan, second + 1)],
    [mention(docs[1], 'Stop Brackett')],
    [mention(docs[2], 'Brackett')],
  ]);
  assert.equal(holderOf(actors, 'Brackett'), null);
});

test('namesakes: "Mr." and "Mrs." in one article each pick their own namesake', async () => {
  const both = 'Tom Brackett arrived with Lena Brackett. Mrs. Brackett spoke first. Mr. Brackett spoke later.';
  const actors = await actorsOf(TOM, LENA, both);
  assert.deepEqual(surnameMentions(actors, 'Lena Brackett'), ['rule:surname', 'rule:surname-namesake']);
  assert.deepEqual(surnameMentions(actors, 'Tom Brackett'), ['rule:surname', 'rule:surname-namesake']);
});
