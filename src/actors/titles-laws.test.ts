import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Candidate, dropNonNames, dropSentenceCaseWords, extendLeft, joinLawNames, retypeByHead, retypePlaces, splitAtRoles, splitOfficeOf } from './repair.js';
import { personRecord, sameGivenName } from './linker.js';
import { buildDoc } from '../text/index.js';
import { plainArticle } from '../model.js';
import { actorNamed, actorsOf, holderOf } from './steps/testing.js';

// Made-up people, bodies, places and laws: the rules are tested on their shape, never on a story's names.
const cand = (text: string, name: string, type: Candidate['type'] = 'ORG'): Candidate => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, text: name, type, method: 'model:ner', confidence: 0.9 };
};
const shown = (cs: Candidate[]): string[] => cs.map((c) => `${c.text} ${c.type}`);

test('splitAtRoles: the modifiers of a role belong to the title, not to the body before it', () => {
  const text = 'Senate Minority Leader Mara Quell said no.';
  assert.deepEqual(shown(splitAtRoles(text, [cand(text, 'Senate Minority Leader Mara Quell')])), ['Senate ORG', 'Mara Quell PERSON']);
  const da = 'Eastvale District Attorney Tom Vessel Jr. convened a grand jury.';
  assert.deepEqual(shown(splitAtRoles(da, [cand(da, 'Eastvale District Attorney Tom Vessel Jr.')])), ['Eastvale ORG', 'Tom Vessel Jr. PERSON']);
  // a role noun in the possessive names an office: no person after it
  const office = 'The Eastvale Attorney’s Office declined.';
  assert.deepEqual(shown(splitAtRoles(office, [cand(office, 'Eastvale Attorney’s Office')])), ['Eastvale Attorney’s Office ORG']);
});

test('splitAtRoles: a given name where the tagger ended a titled name takes the surname after it', () => {
  const text = 'Senate Minority Leader Mara Quellmann (R-Ky.) told reporters.';
  assert.deepEqual(shown(splitAtRoles(text, [cand(text, 'Senate Minority Leader Mara')])), ['Senate ORG', 'Mara Quellmann PERSON']);
  // not over a weekday, nor over a name the tagger found itself
  const day = 'Harbour Minister Mara Tuesday said no.';
  assert.deepEqual(shown(splitAtRoles(day, [cand(day, 'Harbour Minister Mara')])), ['Harbour ORG', 'Mara PERSON']);
  const two = 'Harbour Minister Mara Quell said no.';
  assert.deepEqual(shown(splitAtRoles(two, [cand(two, 'Harbour Minister Mara'), cand(two, 'Quell', 'PERSON')])), ['Harbour ORG', 'Mara PERSON', 'Quell PERSON']);
});

test('joinLawNames: the capitalised words before a law head are one MISC name, replacing the pieces', () => {
  const text = 'The House passed the Eastern Harbour Renewal and Jobs Act on Monday, after the Northland Families Plan stalled.';
  const doc = buildDoc(plainArticle(text));
  const pieces = [cand(text, 'Eastern Harbour Renewal', 'ORG'), cand(text, 'Jobs Act', 'PERSON'), cand(text, 'Northland', 'GPE'), cand(text, 'House')];
  assert.deepEqual(shown(joinLawNames(doc, pieces)), ['House ORG', 'Eastern Harbour Renewal and Jobs Act MISC', 'Northland Families Plan MISC']);
});

test('joinLawNames: a possessive ends the name; a name going on after the head and headline case are left alone', () => {
  const poss = 'Critics of Quell’s Northland Jobs Plan said on Monday that it would cost too much.';
  assert.deepEqual(shown(joinLawNames(buildDoc(plainArticle(poss)), [])), ['Northland Jobs Plan MISC']);
  const org = 'The National Tidal Law Center sued.';
  assert.deepEqual(joinLawNames(buildDoc(plainArticle(org)), []), []);
  const headline = 'Senate Passes Huge Harbour Plan After Long Debate';
  assert.deepEqual(joinLawNames(buildDoc(plainArticle(headline)), []), []);
});

test('joinLawNames: an abbreviation before a number numbers a bill and is no actor', () => {
  const text = 'The House passed H.R. 4410 and H. Res. 601 on Tuesday; the U.S. 10-year yield rose.';
  const doc = buildDoc(plainArticle(text));
  const cs = [cand(text, 'House'), cand(text, 'H.R.'), cand(text, 'H. Res', 'PERSON'), cand(text, 'U.S.', 'GPE')];
  assert.deepEqual(shown(joinLawNames(doc, cs)), ['House ORG', 'U.S. GPE']);
});

test('sameGivenName: a short form of a given name is the same given name, another name is not', () => {
  assert.equal(sameGivenName('Cy', 'Cyrus'), true);
  assert.equal(sameGivenName('Chris', 'Christopher'), true);
  assert.equal(sameGivenName('Jo', 'Mara'), false);
  assert.equal(sameGivenName('Tom', 'Tim'), false);
});

test('personRecord: a knowledge-base person must be person-shaped, not a body the dictionary typed as one', () => {
  assert.equal(personRecord({ name: 'Mara J. Quell', type: 'PERSON', aliases: [], codes: [] }), true);
  assert.equal(personRecord({ name: 'Federal Bureau of Tides', type: 'PERSON', aliases: [], codes: [] }), false);
  assert.equal(personRecord({ name: 'Harbour Police', type: 'PERSON', aliases: [], codes: [] }), false);
  assert.equal(personRecord({ name: 'Mara Quell', type: 'ORG', aliases: [], codes: [] }), false);
});

test('linking: a surname the tagger took for an organisation joins the full name, and short given names match', async () => {
  const actors = await actorsOf(
    'Eastvale District Attorney Tomas Vessel Jr. convened a grand jury. Vessel’s office declined to comment.',
    'District Attorney Tom Vessel Jr. has widened the inquiry, and Vessel is expected to decide by June.',
  );
  const holder = holderOf(actors, 'Vessel');
  assert.ok(holder === 'Tomas Vessel Jr.' || holder === 'Tom Vessel Jr.', `Vessel held by ${holder}`);
  assert.equal(actors.filter((a) => /Vessel/.test(a.name)).length, 1);
  assert.equal(actors.find((a) => /Vessel/.test(a.name))?.type, 'PERSON');
});

test('dropSentenceCaseWords: a word only capitalised opening a sentence, and written in lower case elsewhere, is no name', () => {
  const a = 'Harbourmen 18 and up may apply. Mara Quell said so.';
  const b = 'The plan covers harbourmen over 65. Young harbourmen wait. Todd Young agreed.';
  const docs = [buildDoc(plainArticle(a)), buildDoc(plainArticle(b))];
  const kept = dropSentenceCaseWords(docs, [[cand(a, 'Harbourmen'), cand(a, 'Mara Quell', 'PERSON')], [cand(b, 'Young', 'PERSON')]]);
  // "Young" opens a sentence too, but is capitalised inside "Todd Young": a name
  assert.deepEqual(kept.map(shown), [['Mara Quell PERSON'], ['Young PERSON']]);
  // without the lower-case use, the sentence-opening word is left to the tagger
  const alone = [buildDoc(plainArticle(a))];
  assert.deepEqual(dropSentenceCaseWords(alone, [[cand(a, 'Harbourmen')]]).map(shown), [['Harbourmen ORG']]);
});

test('dropNonNames: a full stop the tokeniser ran into a name is cut off, an abbreviation keeps its period', () => {
  const text = 'Relations soured under former President Quellmann.\n\nShares of Vessel Corp. rose.';
  const doc = buildDoc(plainArticle(text));
  assert.deepEqual(shown(dropNonNames(doc, [cand(text, 'Quellmann.', 'PERSON'), cand(text, 'Vessel Corp.')])), ['Quellmann PERSON', 'Vessel Corp. ORG']);
});

test('linking: a full name of a story person tagged as a body is the person', async () => {
  const actors = await actorsOf('Former mayor Mara J. Quellmann spoke on Monday.', 'The blog “From the Desk of Mara J. Quellmann” was shut down. Quellmann said it would not return.');
  assert.equal(actors.filter((a) => /Quellmann/.test(a.name)).length, 1);
  assert.equal(actors.find((a) => /Quellmann/.test(a.name))?.type, 'PERSON');
});

test('joinLawNames: a law head that is a given name after a title is no law ("Mayor Bill de Blasio")', () => {
  const text = 'New Harbour City Mayor Bill de Vessel said the Harbour Cleanup Bill would pass.';
  assert.deepEqual(shown(joinLawNames(buildDoc(plainArticle(text)), [])), ['Harbour Cleanup Bill MISC']);
  const after = 'The council thanked Bill Quellmann and Mayor Bill van Dosk on Monday for their help.';
  assert.deepEqual(joinLawNames(buildDoc(plainArticle(after)), []), []);
});

test('retypeByHead: a name ending in an event word is an event, one ending in an organisation word a body', () => {
  const text = 'Leaders met at the Harbour League Summit, hosted by the Harbour League Council.';
  const got = retypeByHead([cand(text, 'Harbour League Summit'), cand(text, 'Harbour League Council', 'PERSON')]);
  assert.deepEqual(shown(got), ['Harbour League Summit MISC', 'Harbour League Council ORG']);
});

test('extendLeft: a longer MISC name takes back a first word the tagger left out; a one-word MISC does not', () => {
  const text = 'Analysts said the Northland Harbour Index climbed in May, while Northland Quellish traders waited.';
  const doc = buildDoc(plainArticle(text));
  assert.deepEqual(shown(extendLeft(doc, [cand(text, 'Harbour Index', 'MISC'), cand(text, 'Quellish', 'MISC')])), ['Northland Harbour Index MISC', 'Quellish MISC']);
});

test('retypePlaces: a landmark word ends a location; a place noun around a name makes it a political place', () => {
  const text = 'Migrants camped under the Xville International Bridge in the border town of Yarrow, in Quell county.';
  const got = retypePlaces(text, [cand(text, 'Xville International Bridge'), cand(text, 'Yarrow', 'ORG'), cand(text, 'Quell', 'PERSON')]);
  assert.deepEqual(shown(got), ['Xville International Bridge LOC', 'Yarrow GPE', 'Quell GPE']);
  const org = 'The Harbour Council of the state met; the Harbour Council said no.';
  assert.deepEqual(shown(retypePlaces(org, [cand(org, 'Harbour Council')])), ['Harbour Council ORG']);
});

test('joinLawNames: a function word opening the sentence is no word of the name', () => {
  const text = 'When Bill spoke to the council on Monday, the room fell silent.';
  assert.deepEqual(joinLawNames(buildDoc(plainArticle(text)), []), []);
});

test('splitOfficeOf: the body of "<role> of the <Body>" run into a name is the title, not the name', async () => {
  const text = 'Speaker of the House Mara Quellmann said the vote would go ahead.';
  assert.deepEqual(shown(splitOfficeOf(text, [cand(text, 'House Mara Quellmann')])), ['Mara Quellmann PERSON']);
  // an organisation after "director of the" keeps its name
  const org = 'She is director of the Harbour Policy Institute now.';
  assert.deepEqual(shown(splitOfficeOf(org, [cand(org, 'Harbour Policy Institute')])), ['Harbour Policy Institute ORG']);
  const actors = await actorsOf(text);
  assert.equal(actorNamed(actors, 'Mara Quellmann')?.role.value, 'Speaker of the House');
});

test('dropNonNames: a candidate with no capital or digit is no name', () => {
  const text = 'He was offered a job as Secretary of Defense.';
  const doc = buildDoc(plainArticle(text));
  assert.deepEqual(shown(dropNonNames(doc, [cand(text, 'of', 'PERSON')])), []);
});
