import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline.js';
import type { Briefing } from '../model.js';
import { findPatterns, phraseTokens } from './lexicon.js';
import { propositionId } from './index.js';

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

test('propositionId: predicate, agent and partner keys', () => {
  assert.equal(propositionId({ predicate: 'cooperate', agent: { key: 'JPN', name: 'Japan' }, partner: { key: 'CHL', name: 'Chile' } }), 'cooperate|JPN|CHL');
});
