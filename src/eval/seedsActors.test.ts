import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../model.js';
import { scoreActors, type GoldActor } from './seedsActors.js';
import { actorNamed, fictionalStory } from '../actors/fixture.js';


test('the actor scorer counts wrong links as misses', async () => {
  const b = await fictionalStory();
  const gold: GoldActor[] = [
    { id: 'v', name: 'Aleksei Varnholt', type: 'PERSON', country: 'Norway', role: 'Deputy Fisheries Minister', aliases: ['Aleksei Varnholt', 'Aleksey Varnholt', 'Varnholt'] },
    { id: 'n', name: 'Norway', type: 'GPE', aliases: ['Norway'] },
  ];
  const articles = b.articles.map((a): [string, typeof a] => [a.source.path, a]);
  const good = scoreActors(gold, articles, b.actors);
  assert.equal(good.found.found, 2);
  assert.equal(good.links.found, good.links.total);
  // Merge the two actors into one: the person's links stay, the country is no longer found with its type.
  const person = actorNamed(b.actors, /Varnholt/)!;
  const norway = b.actors.find((a) => a.aliases.some((x) => x.text === 'Norway'))!;
  const merged: Actor = { ...person, aliases: [...person.aliases, ...norway.aliases] };
  const bad = scoreActors(gold, articles, [merged]);
  assert.ok(bad.found.found < 2);
  assert.ok(bad.links.found < bad.links.total);
});
