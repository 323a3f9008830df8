/** The gender a story gives a person: honorifics, gendered role nouns, subject pronouns; never a given name. */
import test from 'node:test';
import assert from 'node:assert/strict';
import type { ActorAlias, AliasKind } from '../model.js';
import { GenderEvidence, genderOf, pronounGender, roleGender } from './gender.js';

const text = 'Ms. Ilse Varga and Tomas Brell met. Mr. Brell left; she stayed, he said, and he left, his aide said.';
function alias(words: string, kind: AliasKind, nth = 0): ActorAlias {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(words, start + 1);
  if (start < 0) throw new Error(words);
  return { span: { article: 'a', start, end: start + words.length }, text: words, kind, method: 'test', confidence: 1 };
}
const textOf = (id: string): string | undefined => (id === 'a' ? text : undefined);

test('pronouns and role nouns have a gender; other words none', () => {
  assert.equal(pronounGender('She'), 'female');
  assert.equal(pronounGender('his'), 'male');
  assert.equal(pronounGender('they'), null);
  assert.equal(roleGender('Democratic congresswoman'), 'female');
  assert.equal(roleGender('White House press secretary'), null);
  assert.equal(roleGender('first lady'), 'female');
});

test('an honorific before a name or a surname gives the gender; a bare name gives none', () => {
  assert.equal(genderOf([alias('Ilse Varga', 'name')], [], textOf), 'female');
  assert.equal(genderOf([alias('Tomas Brell', 'name'), alias('Brell', 'surname', 1)], [], textOf), 'male');
  assert.equal(genderOf([alias('Tomas Brell', 'name')], [], textOf), null);
  // the article's text unknown: only the alias's own words count
  assert.equal(genderOf([alias('Ilse Varga', 'name')], [], () => undefined), null);
});

test('a role says it; conflicting evidence leaves it unknown', () => {
  assert.equal(genderOf([alias('Tomas Brell', 'name')], ['spokeswoman'], textOf), 'female');
  assert.equal(genderOf([alias('Ilse Varga', 'name')], ['chairman'], textOf), null);
});

test('subject pronouns count only when two or more agree; "his" does not count', () => {
  assert.equal(genderOf([alias('he', 'pronoun', 0)], [], textOf), null);
  assert.equal(genderOf([alias('he', 'pronoun', 0), alias('he', 'pronoun', 1)], [], textOf), 'male');
  assert.equal(genderOf([alias('his', 'pronoun'), alias('he', 'pronoun', 0)], [], textOf), null);
  assert.equal(genderOf([alias('he', 'pronoun', 0), alias('he', 'pronoun', 1), alias('she', 'pronoun')], [], textOf), null);
});

test('kept evidence follows the aliases added since, and reads an honorific before a name in its own article only', () => {
  const aliases: ActorAlias[] = [alias('Brell', 'surname', 1)];
  const other = { ...alias('Brell', 'surname', 1), span: { ...alias('Brell', 'surname', 1).span, article: 'b' } };
  const evidence = new GenderEvidence(aliases, [], (id) => (id === 'a' || id === 'b' ? text : undefined));
  assert.equal(evidence.of('a'), 'male');
  assert.equal(evidence.of('c'), null);
  aliases.push(alias('he', 'pronoun', 0), alias('he', 'pronoun', 1));
  assert.equal(evidence.of('c'), 'male');
  aliases.push(other, alias('she', 'pronoun'));
  // as genderOf gives when only that article's text is known
  for (const article of ['a', 'b', 'c']) assert.equal(evidence.of(article), genderOf(aliases, [], (id) => (id === article ? text : undefined)), article);
  assert.equal(evidence.of('c'), null);
});

test('the linker gives "she" to the woman of two people named in one sentence, not to neither', async () => {
  const { analyze } = await import('../pipeline.js');
  const b = await analyze([{ path: 'story.txt', data: 'Ms. Ilse Varga met Mr. Tomas Brell in Kestrel on Monday.\n\nShe said the talks had gone well.' }]);
  const holder = b.actors.find((a) => a.aliases.some((x) => x.kind === 'pronoun' && x.text === 'She'));
  assert.ok(holder, `"She" unlinked; actors: ${b.actors.map((a) => a.name).join(', ')}`);
  assert.match(holder.name, /Varga/);
});
