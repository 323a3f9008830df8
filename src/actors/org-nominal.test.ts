import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline.js';
import type { Actor, Briefing } from '../model.js';

// Made-up organisations and sentences: the rule is tested on its shape, never on a sample's names.
async function briefingOf(text: string): Promise<Briefing> {
  return analyze([{ path: 'story.txt', data: text }]);
}

/** The actor holding an alias with this exact text, or null. */
function holderOf(actors: Actor[], aliasText: string): Actor | null {
  return actors.find((a) => a.aliases.some((x) => x.text === aliasText && x.kind === 'nominal')) ?? null;
}

const cases: { name: string; text: string; nominal: string; holder: RegExp | null }[] = [
  { name: 'head of one named union', text: "The Glenmoor Teachers Union called a strike on Monday. The union said talks had failed.", nominal: 'The union', holder: /Teachers Union/ },
  { name: 'every word of the description in the name', text: 'The Westfall Water Authority raised its offer on Monday. Later the water authority said it would wait.', nominal: 'the water authority', holder: /Westfall Water Authority/ },
  { name: 'possessive', text: "The Kestrel Bay Council met on Tuesday. The council's leader left early.", nominal: 'The council', holder: /Kestrel Bay Council/ },
  { name: 'two unions named: ambiguous, unlinked', text: "The Glenmoor Teachers Union and the Westfall Nurses Union met on Monday. The union said talks had failed.", nominal: 'The union', holder: null },
  { name: 'no organisation named before', text: "The union said talks had failed. The Glenmoor Teachers Union was not reached.", nominal: 'The union', holder: null },
  { name: 'no "<X> Government" named: the government stays unlinked', text: 'The Westfall Water Authority met ministers on Monday. The government said it would not step in.', nominal: 'The government', holder: null },
  { name: 'a modifier pointing away', text: "The Glenmoor Teachers Union called a strike. The other union said it would not join.", nominal: 'The other union', holder: null },
  { name: 'the abstract noun', text: 'The Westfall Water Authority met on Monday. The court gave the mayor the authority to close the dam.', nominal: 'the authority', holder: null },
  { name: 'a compound: the head modifies another noun', text: "The Glenmoor Teachers Union called a strike. The union leaders met on Friday.", nominal: 'The union', holder: null },
];

for (const c of cases) {
  test(`org nominal: ${c.name}`, async () => {
    const b = await briefingOf(c.text);
    const holder = holderOf(b.actors, c.nominal);
    if (c.holder === null) assert.equal(holder, null, `${c.nominal} linked to ${holder?.name}`);
    else {
      assert.ok(holder, `${c.nominal} unlinked; actors: ${b.actors.map((a) => a.name).join(', ')}`);
      assert.match(holder.name, c.holder);
      const alias = holder.aliases.find((x) => x.text === c.nominal)!;
      assert.equal(alias.method, 'rule:org-nominal');
      assert.equal(b.articles[0].text.slice(alias.span.start, alias.span.end), alias.text, 'the span cuts the description back out');
    }
  });
}

test('common nouns that are no organisation heads never link ("the talks", "the city")', async () => {
  const b = await briefingOf('The Kestrel Bay Council met on Tuesday. The talks went on in the city, and the council said it was hopeful.');
  for (const text of ['The talks', 'the city']) assert.equal(holderOf(b.actors, text), null, text);
  assert.match(holderOf(b.actors, 'the council')?.name ?? '', /Kestrel Bay Council/);
});

test('a quote attributed to "the union" is the union\'s', async () => {
  const b = await briefingOf(`The Glenmoor Teachers Union called a strike on Monday.\n\n"We will not back down this time," the union said.`);
  const union = b.actors.find((a) => /Teachers Union/.test(a.name));
  assert.ok(union);
  const quotes = b.articles[0].quotes ?? [];
  const quote = quotes.find((q) => q.source && b.articles[0].text.slice(q.source.start, q.source.end) === 'the union');
  assert.ok(quote, `a quote with the source "the union": ${JSON.stringify(quotes.map((q) => q.source))}`);
  assert.equal(quote.speaker, union.id);
});
