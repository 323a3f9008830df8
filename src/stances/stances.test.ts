import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyze } from '../pipeline.js';
import type { Briefing } from '../model.js';
import { needsShared, sharedPath } from '../paths.js';
import { findPatterns, phraseTokens } from './lexicon.js';
import { propositionId } from './index.js';
import { readProposition, scoreStances, type GoldStance, type GoldStanceActor } from './seeds.js';

// A made-up story with countries and people that appear in no sample article.
const STORY = [
  'Fisheries summit split over Chile',
  '',
  'Norwegian Foreign Minister Ingrid Halvorsen said on Monday that Brazil should be invited to the fisheries summit next month.',
  '',
  "Japan's trade minister, Kenji Matsuda, said Tokyo was opposed to a Chilean presence at the summit.",
  '',
  '"We will never cooperate with Chile on quotas," Matsuda told reporters.',
  '',
  'Canada and Brazil have said Chile should be represented at the meeting.',
  '',
  'Halvorsen later said there was no reason for Chile to attend the summit.',
  '',
  'Fishing fleets from the region took part in a protest last year.',
].join('\n');

let briefing: Briefing | null = null;
async function story(): Promise<Briefing> {
  briefing ??= await analyze([{ path: 'fisheries.txt', data: STORY }]);
  return briefing;
}

test('stances of a made-up story: holder, proposition and polarity per statement', async () => {
  const b = await story();
  const got = new Set((b.stances ?? []).map((s) => `${s.holder.group} ${s.polarity} ${s.proposition}`));
  const table: [string, string][] = [
    ['a minister speaks for her country; "should be invited" supports taking part', 'NOR support participate|BRA|'],
    ['"opposed to a Chilean presence": a demonym names the party', 'JPN oppose participate|CHL|'],
    ['"will never cooperate with" opposes cooperation; "we" is the holder', 'JPN oppose cooperate|JPN|CHL'],
    ['compound holder in the outlet\'s voice, first', 'CAN support participate|CHL|'],
    ['compound holder in the outlet\'s voice, second', 'BRA support participate|CHL|'],
    ['"no reason for X to attend" opposes', 'NOR oppose participate|CHL|'],
  ];
  for (const [why, want] of table) assert.ok(got.has(want), `${why}: want ${want}, got ${[...got].join('; ')}`);
  // A past fact with no attitude or modality is not a stance.
  const pastFact = STORY.indexOf('Fishing fleets');
  assert.ok(!(b.stances ?? []).some((s) => s.evidence.start >= pastFact), 'no stance from a past fact');
});

test('matrix: one row per holder group, cells cite the stances, merged propositions', async () => {
  const b = await story();
  const m = b.matrix;
  assert.ok(m);
  const cell = m.cells.find((c) => c.holder === 'NOR' && c.proposition === 'participate|CHL|');
  assert.ok(cell, 'Norway on Chile taking part');
  assert.equal(cell.polarity, 'oppose');
  for (const i of cell.stances) assert.equal(b.stances?.[i].holder.group, 'NOR');
  // Canada, Brazil and Norway speak to one proposition, however they worded it.
  const chile = m.cells.filter((c) => c.proposition === 'participate|CHL|').map((c) => c.holder).sort();
  assert.deepEqual(chile, ['BRA', 'CAN', 'JPN', 'NOR']);
  assert.ok(m.propositions.find((p) => p.id === 'participate|CHL|')?.text.startsWith('Chile takes part in'));
});

test('a cell whose statements disagree is mixed and keeps both', async () => {
  const text = 'Canadian Prime Minister Paul Tremblay said Chile should be invited to the summit.\n\nTremblay later said Chile should not be invited to the summit.';
  const b = await analyze([{ path: 'mixed.txt', data: text }]);
  const cell = b.matrix?.cells.find((c) => c.holder === 'CAN' && c.proposition === 'participate|CHL|');
  assert.ok(cell, JSON.stringify(b.matrix));
  assert.equal(cell.polarity, 'mixed');
  assert.deepEqual(cell.stances.map((i) => b.stances?.[i].polarity).sort(), ['oppose', 'support']);
});

test('lexicon patterns: whole tokens, stems with *, split contractions', () => {
  const cases: [string, string, number][] = [
    ["we don't want", "do n't want", 1],
    ['they participated fully', 'participate*', 1],
    ['the participants', 'participate*', 0],
    ['out of the question', 'out of the question', 1],
  ];
  for (const [text, phrase, n] of cases) {
    const tokens = phraseTokens(text);
    assert.equal(findPatterns(tokens, 0, tokens.length, [phraseTokens(phrase)]).length, n, `${phrase} in ${text}`);
  }
});

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
  assert.equal(propositionId({ predicate: 'cooperate', agent: { key: 'JPN', name: 'Japan' }, partner: { key: 'CHL', name: 'Chile' } }), 'cooperate|JPN|CHL');
});

test('seeds: every gold stance found with its holder and polarity, none opposite', { skip: needsShared('seeds', 'gold.json') }, async () => {
  const goldPath = sharedPath('seeds', 'gold.json') as string;
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { articles: Record<string, unknown>; stances: GoldStance[]; actors: GoldStanceActor[] };
  const b = await analyze(Object.keys(gold.articles).map((f) => join(dirname(goldPath), f)));
  const r = scoreStances(gold.stances, gold.actors, b.stances ?? [], b.matrix);
  assert.deepEqual(r.misses, []);
  assert.equal(r.found, 7);
});
