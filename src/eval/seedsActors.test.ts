import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline.js';
import type { Actor, Briefing } from '../model.js';
import { scoreActors, type GoldActor } from './seedsActors.js';

// A fictional story in two articles (as in src/actors/actors.test.ts): the scorer's rules on made-up text.
const ARTICLE_A = `Norwegian Deputy Fisheries Minister Aleksei Varnholt said on Monday that Norway would not attend the talks.
"We have not been invited," Varnholt said. According to the minister, the talks will fail.
Oslo has rejected the plan, the ministry said.`;
const ARTICLE_B = `Fisheries Minister Aleksey Varnholt of Norway met the Danish envoy in Copenhagen.
Varnholt said the Danish government supported the plan. He added that talks would go on.`;

async function fictional(): Promise<Briefing> {
  return analyze([
    { path: 'a.txt', data: ARTICLE_A },
    { path: 'b.txt', data: ARTICLE_B },
  ]);
}

const byName = (actors: Actor[], re: RegExp): Actor | undefined => actors.find((x) => re.test(x.name));

test('the actor scorer counts wrong links as misses', async () => {
  const b = await fictional();
  const gold: GoldActor[] = [
    { id: 'v', name: 'Aleksei Varnholt', type: 'PERSON', country: 'Norway', role: 'Deputy Fisheries Minister', aliases: ['Aleksei Varnholt', 'Aleksey Varnholt', 'Varnholt'] },
    { id: 'n', name: 'Norway', type: 'GPE', aliases: ['Norway'], metonymy: ['Oslo'] },
  ];
  const articles = b.articles.map((a): [string, typeof a] => [a.source.path, a]);
  const good = scoreActors(gold, articles, b.actors);
  assert.equal(good.found.found, 2);
  assert.equal(good.links.found, good.links.total);
  // Merge the two actors into one: the person's links stay, the country is no longer found with its type.
  const person = byName(b.actors, /Varnholt/)!;
  const norway = b.actors.find((a) => a.aliases.some((x) => x.text === 'Norway'))!;
  const merged: Actor = { ...person, aliases: [...person.aliases, ...norway.aliases] };
  const bad = scoreActors(gold, articles, [merged]);
  assert.ok(bad.found.found < 2);
  assert.ok(bad.links.found < bad.links.total);
});
