import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appositionPersons, type Candidate, dropNonNames, retypeByHead, splitAtRoles, splitPossessivePlace } from './repair.js';
import { buildDoc } from '../text/index.js';
import { plainArticle } from '../model.js';
import { actorNamed, actorsOf, holderOf } from './steps/testing.js';

// Made-up people, bodies, places and days: the rules are tested on their shape, never on a story's names.
const cand = (text: string, name: string, type: Candidate['type'] = 'ORG', from = 0): Candidate => {
  const start = text.indexOf(name, from);
  return { start, end: start + name.length, text: name, type, method: 'model:ner', confidence: 0.9 };
};
const shown = (cs: Candidate[]): string[] => cs.map((c) => `${c.text} ${c.type}`);

test('splitAtRoles: a name without a title inside keeps the words that join it ("of", "and")', () => {
  const text = 'Staff of the Department of Coastal Defence and Fisheries will help.';
  assert.deepEqual(shown(splitAtRoles(text, [cand(text, 'Department of Coastal Defence and Fisheries')])), ['Department of Coastal Defence and Fisheries ORG']);
  // a title inside still splits
  const titled = 'Harbour Minister Mara Quell said no.';
  assert.deepEqual(shown(splitAtRoles(titled, [cand(titled, 'Harbour Minister Mara Quell')])), ['Harbour ORG', 'Mara Quell PERSON']);
});

test('splitPossessivePlace: a country before a body in the possessive is its own actor', () => {
  const text = 'Researchers at Norway’s Tindvik Institute of Marine Studies fell ill.';
  assert.deepEqual(shown(splitPossessivePlace(text, [cand(text, 'Norway’s Tindvik Institute of Marine Studies')])), ['Norway GPE', 'Tindvik Institute of Marine Studies ORG']);
  // not a place: the possessive belongs to the name ("Quell's Bakery" stays whole)
  const shop = 'Staff at Quell’s Harbour Bakery left.';
  assert.deepEqual(shown(splitPossessivePlace(shop, [cand(shop, 'Quell’s Harbour Bakery')])), ['Quell’s Harbour Bakery ORG']);
});

test('appositionPersons: a name an apposition calls a person is a person, whatever the tagger said', () => {
  const text = 'Lorn Vasquel, talk radio host and candidate for mayor, spoke. The Tindvik Strait, a shipping lane, closed.';
  assert.deepEqual(shown(appositionPersons(text, [cand(text, 'Lorn Vasquel', 'LOC'), cand(text, 'Tindvik Strait', 'LOC')])), ['Lorn Vasquel PERSON', 'Tindvik Strait LOC']);
  // "member" is said of bodies and countries too
  const member = 'Eastland Republic, a member of the alliance, agreed.';
  assert.deepEqual(shown(appositionPersons(member, [cand(member, 'Eastland Republic', 'LOC')])), ['Eastland Republic LOC']);
});

test('retypeByHead: a named operation is an event', () => {
  assert.deepEqual(shown(retypeByHead([{ ...cand('Operation Quiet Harbour began.', 'Operation Quiet Harbour', 'PERSON') }])), ['Operation Quiet Harbour MISC']);
});

test('dropNonNames: a named day after "the" or a time preposition dates something; a person named Day stays', () => {
  const text = 'The vote fell on Founders Day, and the Harbour Remembrance Day was marked. Lorna Day said so.';
  const doc = buildDoc(plainArticle(text));
  const out = dropNonNames(doc, [cand(text, 'Founders Day', 'PERSON'), cand(text, 'Harbour Remembrance Day', 'PERSON'), cand(text, 'Lorna Day', 'PERSON')]);
  assert.deepEqual(shown(out), ['Lorna Day PERSON']);
});

test('dropNonNames: an adjective fused into a compound modifier and a pan-ethnic word before a noun name no one', () => {
  const text = 'In the Vardonian-era records, Latino voters and Latinas spoke. Many were Hispanic.';
  const doc = buildDoc(plainArticle(text));
  const out = dropNonNames(doc, [cand(text, 'Vardonian', 'MISC'), cand(text, 'Latino', 'PERSON'), cand(text, 'Hispanic', 'PERSON')]);
  // "Hispanic" as a noun (no noun after it) is a group
  assert.deepEqual(shown(out), ['Hispanic MISC']);
});

test('linking: an acronym joins the body named with a country before it ("US ... Administration")', async () => {
  const actors = await actorsOf('The US Office of Harbour Safety said on Monday that ships must slow down.', 'Ships must slow down, the OHS said.');
  assert.equal(holderOf(actors, 'OHS'), 'US Office of Harbour Safety');
  assert.equal(actors.filter((a) => /Harbour Safety|OHS/.test(a.name)).length, 1);
});

test('linking: a surname the tagger took for a place joins the person; a capital paired with a government is its country', async () => {
  const actors = await actorsOf(
    'Lorn Vasquel, talk radio host and candidate for governor, released an ad. Vasquel speaks in it.',
    'Joe Marran became the first leader to say so, opening a rift between his administration and Oslo. Norway rejected it.',
  );
  assert.equal(holderOf(actors, 'Vasquel'), 'Lorn Vasquel');
  assert.equal(actorNamed(actors, 'Lorn Vasquel')?.type, 'PERSON');
  assert.equal(holderOf(actors, 'Oslo'), 'Norway');
});

test('linking: an acronym the story spells out in lower-case words abbreviates a common noun, in every article', async () => {
  const actors = await actorsOf(
    'Applicants must hold special harbour permits, or SHPs, said the Northport Council.',
    'The SHP application queue is long, the Northport Council said.',
  );
  assert.equal(actors.some((a) => /^SHPs?$/.test(a.name)), false);
  assert.ok(actorNamed(actors, 'Northport Council'));
  // a name spelled out in capitals stays an acronym of that name
  const named = await actorsOf('The Office of Harbour Safety (OHS) said ships must slow down. The OHS fined two.');
  assert.equal(holderOf(named, 'OHS'), 'Office of Harbour Safety');
});

test('linking: a body named with and without its region is one actor; a two-name compound is its first body', async () => {
  const actors = await actorsOf(
    'Researchers used records of Tarnwell Health Southern Ohio, a care network.',
    'The study, funded by Brindle, used data from Tarnwell Health. Brindle-Oskar shots were studied, and Brindle said so.',
  );
  assert.equal(holderOf(actors, 'Tarnwell Health'), 'Tarnwell Health Southern Ohio');
  assert.equal(holderOf(actors, 'Brindle-Oskar'), 'Brindle');
  assert.equal(actors.filter((a) => /Tarnwell|Brindle/.test(a.name)).length, 2);
});

test('joinOrganisationNames: "X and the Y" are two bodies, each joined; a country before the first run is no name of its own', async () => {
  const { joinOrganisationNames } = await import('./repair.js');
  const text = 'Heads of the Office of Harbour Safety and the Centers for Coastal Defence and Prevention spoke.';
  const out = joinOrganisationNames(text, [cand(text, 'Office of Harbour Safety'), cand(text, 'Coastal Defence and Prevention')]);
  assert.deepEqual(shown(out), ['Office of Harbour Safety ORG', 'Centers for Coastal Defence and Prevention ORG']);
  const us = 'The U.S. Fish and Harbour Administration said so.';
  assert.deepEqual(shown(joinOrganisationNames(us, [cand(us, 'U.S.', 'GPE'), cand(us, 'Harbour Administration', 'ORG')])), ['U.S. Fish and Harbour Administration ORG']);
});

test('dropNonNames: a disease named in the possessive is no actor, whatever the tagger cut off', () => {
  const text = 'Patients with Alzheimer’s disease were treated.';
  const doc = buildDoc(plainArticle(text));
  assert.deepEqual(shown(dropNonNames(doc, [cand(text, 'Alzheimer', 'ORG')])), []);
});

test('linking: the House of Representatives and the House are one actor', async () => {
  const actors = await actorsOf('The House of Representatives voted on Monday. The House then adjourned.');
  assert.equal(holderOf(actors, 'House'), holderOf(actors, 'House of Representatives'));
});

test('linking: a lone word tagged a person that is also a body of the story is that body', async () => {
  const { linkActors } = await import('./link.js');
  const text = 'Officials of the Exchequer met. Later, “we expect Exchequer would be left with little,” one wrote, and Exchequer agreed.';
  const doc = buildDoc(plainArticle(text));
  // the tagger's mentions, as it may give them: the body once as a body, once as a person
  const at = (name: string, type: Candidate['type'], from = 0) => {
    const start = text.indexOf(name, from);
    return { span: { article: doc.article.id, start, end: start + name.length }, text: name, type, method: 'model:ner', confidence: 0.9 };
  };
  const actors = linkActors([doc], [[at('Exchequer', 'ORG'), at('Exchequer', 'PERSON', 30), at('Exchequer', 'PERSON', 80)]]);
  assert.deepEqual(actors.map((a) => `${a.name} ${a.type} ${a.aliases.length}`), ['Exchequer ORG 3']);
});

test('dropNonNames: an ideology adjective before a noun names no one', () => {
  const text = 'The Vardonist movement grew.';
  const doc = buildDoc(plainArticle(text));
  assert.deepEqual(shown(dropNonNames(doc, [cand(text, 'Vardonist', 'MISC')])), []);
});

test('splitAtRoles: "<title> <Name> of <State>" is a person and a place, whatever the tagger typed the span', () => {
  const text = 'His deputy, Representative Tam Orvell of Ohio, agreed.';
  assert.deepEqual(shown(splitAtRoles(text, [cand(text, 'Representative Tam Orvell of Ohio')])), ['Tam Orvell PERSON', 'Ohio GPE']);
});

test('joinParticles: an English word between two names ("as", "at") joins nothing; a hyphenated particle does', async () => {
  const { joinParticles } = await import('./repair.js');
  const text = 'They ousted Rep. Jane Roe as Harbour Board chair. Ali as-Sadr spoke.';
  const out = joinParticles(text, [cand(text, 'Jane Roe', 'PERSON'), cand(text, 'Harbour Board'), cand(text, 'Ali', 'PERSON'), cand(text, 'Sadr', 'PERSON')]);
  assert.deepEqual(shown(out), ['Jane Roe PERSON', 'Harbour Board ORG', 'Ali as-Sadr PERSON']);
});

test('linking: a chamber’s party members by plural and by short name are one group', async () => {
  const actors = await actorsOf('House Republicans voted on Wednesday to remove the chair. The House GOP then met again.');
  assert.equal(holderOf(actors, 'House GOP'), holderOf(actors, 'House Republicans'));
});
