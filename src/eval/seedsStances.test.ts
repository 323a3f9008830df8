import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readProposition } from './seedsStances.js';

test('gold propositions are read with the same lexicon (class and named parties)', () => {
  const cases: [string, string, string[]][] = [
    ['Brazil should take part in the fisheries summit', 'participate', ['BRA']],
    ['Japan coordinates with Chile on quotas', 'cooperate', ['JPN', 'CHL']],
    ['The Canada-led group is serious about conservation', 'serious', ['CAN']],
    ['Talks between fleets hosted by Oslo', 'talks', ['NOR']],
  ];
  for (const [text, predicate, parties] of cases) {
    const r = readProposition(text);
    assert.equal(r.predicate, predicate, text);
    for (const p of parties) assert.ok(r.parties.has(p), `${text}: ${p} in ${[...r.parties].join(',')}`);
  }
});
