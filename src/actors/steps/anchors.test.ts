import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorNamed, actorsOf } from './testing.js';
import { linkActors } from '../link.js';
import { buildDoc } from '../../text/index.js';
import { type Doc, type Mention, plainArticle } from '../../model.js';

// Made-up names: full names, organisations and countries make actors of their own.
test('anchors: a full name makes a person, an organisation name an organisation', async () => {
  const actors = await actorsOf('Mara Quell met the Northern Harbour Council on Monday in the port.');
  assert.equal(actorNamed(actors, 'Mara Quell')?.type, 'PERSON');
  assert.equal(actorNamed(actors, 'Northern Harbour Council')?.type, 'ORG');
});

test('anchors: places the tagger typed as organisations do not become one actor through their country', async () => {
  // the knowledge base lists US cities and states among the names of the United States; each place tagged
  // MISC or ORG must stay its own actor, not be keyed to the country's record and merged with the others
  const texts = ['Officials said Denver sued on Monday.', 'Officials said Boston appealed on Tuesday.'];
  const docs = texts.map((t, i) => buildDoc(plainArticle(t, `a${i}`)));
  const mention = (doc: Doc, name: string): Mention => {
    const start = doc.article.text.indexOf(name);
    return { span: { article: doc.article.id, start, end: start + name.length }, text: name, type: 'ORG', method: 'model:ner', confidence: 0.9 };
  };
  const actors = linkActors(docs, [[mention(docs[0], 'Denver')], [mention(docs[1], 'Boston')]]);
  const holders = ['Denver', 'Boston'].map((n) => actors.find((a) => a.aliases.some((x) => x.text === n))?.name);
  assert.deepEqual(holders, ['Denver', 'Boston']);
});
