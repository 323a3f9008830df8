import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline.js';
import { quotesBySpeaker } from './index.js';

// Made-up sentences: no person, organisation, place or phrase of the sample or development stories.
async function rows(text: string): Promise<{ speaker: string | null; cue: string | null; content: string }[]> {
  const b = await analyze([{ path: 'made-up.txt', data: `Depot dispute\n\n${text}` }]);
  return quotesBySpeaker(b).flatMap((g) => g.rows.map((r) => ({ speaker: g.name, cue: r.citations[0].cue, content: r.text })));
}

test('who said what: speech is a quote, the object of a non-speech verb is not', async () => {
  const said = await rows('Governor Elena Marsh said the depot would reopen in the spring.');
  assert.ok(said.some((r) => r.speaker?.includes('Marsh') && r.cue === 'said' && r.content.includes('depot would reopen')), JSON.stringify(said));
  for (const text of [
    'The Marlow County Council passed the zoning bill on Tuesday.',
    'Governor Elena Marsh rejected the zoning bill after a long debate.',
    'Governor Elena Marsh hopes to pass the zoning bill this week.',
  ]) {
    const got = await rows(text);
    assert.deepEqual(got, [], `${text}: ${JSON.stringify(got)}`);
  }
});

test('who said what: described human sources speak, things and fragments do not', async () => {
  const critics = await rows('Critics said the new zoning rules would push families out of the valley.');
  assert.ok(critics.some((r) => r.speaker?.toLowerCase().includes('critics')), JSON.stringify(critics));
  const official = await rows('A Marlow County official told reporters the depot would close for good.\n\nThe official said workers would be offered new posts.');
  assert.ok(official.length >= 2 && official.every((r) => r.speaker?.toLowerCase().includes('official')), JSON.stringify(official));
  const data = await rows('New data shows that depot traffic has fallen by half since the spring.');
  assert.ok(!data.some((r) => r.speaker !== null && /data/i.test(r.speaker)), JSON.stringify(data));
  const short = await rows('Governor Elena Marsh called the delay “unfortunate.”');
  assert.deepEqual(short, [], 'a one-word scare quote is not a statement');
});

test('who said what: indirect speech with "according to" and "told"', async () => {
  const got = await rows('The depot will cost more than planned, according to Councillor Priya Okonjo.\n\nTomas Hale told the council that the depot plan was sound.');
  assert.ok(got.some((r) => r.speaker?.includes('Okonjo') && r.cue?.toLowerCase() === 'according to'), JSON.stringify(got));
  assert.ok(got.some((r) => r.speaker?.includes('Hale') && r.cue?.startsWith('told')), JSON.stringify(got));
});

test('who said what: a speech verb with a plain object, no clause, states nothing', async () => {
  for (const text of [
    'Governor Elena Marsh declared a state of “flood emergency” across the Marlow valley on Monday.',
    'Governor Elena Marsh announced $40 million in new spending to repair the depot roads.',
    'Depot workers walked out on Monday, blaming Governor Elena Marsh for the long delays at the gates.',
    // the verb of a relative clause is the object noun's, not a reported clause's
    'Governor Elena Marsh proposed a budget that would double the spending on the depot roads by next year.',
  ]) {
    const got = await rows(text);
    assert.deepEqual(got, [], `${text}: ${JSON.stringify(got)}`);
  }
  const clause = await rows('Depot workers walked out on Monday, warning that the gates would stay shut until the spring.');
  assert.ok(clause.some((r) => r.content.includes('gates would stay shut')), JSON.stringify(clause));
});

test('who said what: the members of a body as a whole speak for it', async () => {
  const got = await rows('The Marlow High Court heard the depot case in May.\n\nThe justices ruled that the depot had to close by the end of the year.');
  assert.ok(got.some((r) => r.speaker === 'Marlow High Court' && r.content.includes('depot had to close')), JSON.stringify(got));
});

test('who said what: a participle after a comma reports its clause subject, not the object before it', async () => {
  const got = await rows('Governor Elena Marsh sent a letter to the Chief Clerk of the Marlow County Council, adding that the depot would stay shut all winter.');
  const row = got.find((r) => r.content.includes('depot would stay shut'));
  assert.ok(row, JSON.stringify(got));
  assert.match(row.speaker ?? '', /Marsh/, JSON.stringify(got));
});
