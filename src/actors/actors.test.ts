import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialsOf, sameGivenName } from './index.js';
import { actorNamed, fictionalStory } from './fixture.js';

test('given-name transliteration variants: a rule on edit distance, not a list', () => {
  const table: [string, string, boolean][] = [
    ['Sergei', 'Sergey', true],
    ['Mohammad', 'Mohammed', true],
    ['Alexei', 'Alexey', true],
    ['Anna', 'Hanna', false],
    ['Ivan', 'Igor', false],
    ['Jon', 'Jan', false],
  ];
  for (const [a, b, same] of table) assert.equal(sameGivenName(a, b), same, `${a}/${b}`);
});

test('initials skip function words', () => {
  const table: [string, string][] = [
    ['Northern Harbour Council', 'NHC'],
    ['Union of Coastal Workers', 'UCW'],
    ['Harbour', ''],
  ];
  for (const [name, initials] of table) assert.equal(initialsOf(name), initials, name);
});


test('linking within and across articles: full name, surname, spelling variant, title, nominal, pronoun', async () => {
  const b = await fictionalStory();
  const person = actorNamed(b.actors, /Varnholt/);
  assert.ok(person, 'the minister is an actor');
  assert.equal(person.type, 'PERSON');
  const texts = person.aliases.map((a) => a.text);
  assert.ok(texts.includes('Aleksei Varnholt') && texts.includes('Aleksey Varnholt'), `both spellings: ${texts}`);
  assert.equal(new Set(person.aliases.map((a) => a.span.article)).size, 2, 'mentions from both articles');
  assert.ok(person.aliases.some((a) => a.kind === 'surname'));
  assert.ok(person.aliases.some((a) => a.kind === 'nominal' && a.text === 'the minister'));
  assert.ok(person.aliases.some((a) => a.kind === 'pronoun' && a.text === 'He'));
  assert.match(person.role.value ?? '', /Minister/);
  assert.equal(person.country.value, 'NOR');
  for (const a of person.aliases) {
    const article = b.articles.find((x) => x.id === a.span.article)!;
    assert.equal(article.text.slice(a.span.start, a.span.end), a.text, 'spans cut back out exactly');
  }
});

test('acronyms by initials, demonyms to countries, capitals used for governments as metonymy', async () => {
  const b = await fictionalStory();
  const council = actorNamed(b.actors, /Northern Harbour Council/);
  assert.ok(council, 'the council is an actor');
  assert.ok(council.aliases.some((a) => a.kind === 'acronym' && a.text === 'NHC'));
  const norway = b.actors.find((a) => a.type === 'GPE' && a.country.value === 'NOR' && a.aliases.some((x) => x.kind === 'name' && x.text === 'Norway'));
  assert.ok(norway);
  assert.ok(norway.aliases.some((a) => a.kind === 'demonym' && a.text === 'Norwegian'));
  assert.ok(norway.aliases.some((a) => a.kind === 'metonymy' && a.text === 'Oslo'), 'Oslo has rejected → the government');
  // "the meeting in Oslo" only locates: the city takes no part in the story
  assert.ok(!b.actors.some((a) => a.name === 'Oslo'), 'the meeting in Oslo → no actor');
  const spokeswoman = actorNamed(b.actors, /Solberg-Tamm/);
  assert.ok(spokeswoman);
  assert.match(spokeswoman.role.value ?? '', /spokeswoman/);
  assert.equal(spokeswoman.organisation.value, 'Northern Harbour Council');
});
