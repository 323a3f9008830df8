import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline.js';
import type { Briefing } from '../model.js';
import { sameObject, singular } from './attitude.js';
import { ATTITUDE } from './extract.js';

// Made-up sentences: no person, organisation, place or phrase of the sample articles.
async function attitudes(sentence: string): Promise<{ holder: string; polarity: string; object: string }[]> {
  const b: Briefing = await analyze([{ path: 'made-up.txt', data: `Dispute over the valley depot\n\n${sentence}` }]);
  const text = new Map((b.matrix?.propositions ?? []).map((p) => [p.id, p.text]));
  return (b.stances ?? [])
    .filter((s) => s.proposition.startsWith(`${ATTITUDE}|`))
    .map((s) => ({ holder: `${s.holder.speaker ?? ''} / ${s.holder.groupName}`, polarity: s.polarity, object: text.get(s.proposition) ?? '' }));
}

test('open attitudes: a named holder, a polarity, the object normalised', async () => {
  const cases: [string, string, string, string, string][] = [
    // why, sentence, holder word, polarity, object text
    ['verb + object, determiner dropped, number kept', 'The Kestrel Valley Growers Association rejected the revised 5% offer on Monday.', 'Kestrel', 'oppose', 'revised 5% offer (is accepted)'],
    ['"plans to automate the X" keeps its verb complement', 'Brightwater Logistics has strongly criticised plans to automate the warehouses.', 'Brightwater', 'oppose', 'plans to automate warehouses (is accepted)'],
    ['negation flips a support word', 'Governor Elena Marsh did not accept the budget proposal.', 'Marsh', 'oppose', 'budget proposal (is accepted)'],
    ['"we" in a quote is its speaker', '"We will vote against the pay deal," said union leader Tobias Renwick.', 'Renwick', 'oppose', 'pay deal (is accepted)'],
    ['an evaluation of the subject inside a quote', 'Depot manager Linnea Hovland said the revised pay offer was fair.', 'Hovland', 'support', 'revised pay offer (is accepted)'],
    ['"described X as unacceptable"', 'Linnea Hovland described the fare increase as unacceptable.', 'Hovland', 'oppose', 'fare increase (is accepted)'],
    ['"called for" a noun phrase', 'Governor Elena Marsh called for an independent review of the depot.', 'Marsh', 'support', 'independent review of depot (is accepted)'],
  ];
  for (const [why, sentence, holder, polarity, object] of cases) {
    const got = await attitudes(sentence);
    const hit = got.find((s) => s.holder.includes(holder) && s.polarity === polarity && s.object === object);
    assert.ok(hit, `${why}: want ${holder} ${polarity} "${object}", got ${JSON.stringify(got)}`);
  }
});

test('open attitudes stay precise: no pronoun or anaphoric object, no unnamed holder, no passive', async () => {
  const cases: [string, string][] = [
    ['a pronoun is no object', 'Governor Elena Marsh welcomed it on Tuesday.'],
    ['"that figure" points back, it is not concrete', 'Governor Elena Marsh rejected that figure.'],
    ['an unnamed subject holds nothing', 'Officials rejected the zoning plan.'],
    ['a passive names the target, not the holder', 'Governor Elena Marsh was criticised for the delay.'],
    ['a past fact with no attitude word', 'Governor Elena Marsh visited the depot.'],
    ['a reported attitude of an unnamed subject inside a quote', 'Tobias Renwick said the employers had refused to discuss the rota.'],
  ];
  for (const [why, sentence] of cases) assert.deepEqual(await attitudes(sentence), [], why);
});

test('the four predicate classes keep precedence over an open attitude in their clause', async () => {
  const b = await analyze([{ path: 'made-up.txt', data: 'Summit row\n\nCanada opposed a Chilean presence at the summit. Chile did not reply.' }]);
  const props = (b.stances ?? []).map((s) => s.proposition);
  assert.ok(props.includes('participate|CHL|'), props.join(', '));
  assert.ok(!props.some((p) => p.startsWith(`${ATTITUDE}|`)), props.join(', '));
});

test('objects merge across articles by head noun and a shared content word', async () => {
  const b = await analyze([
    { path: 'one.txt', data: 'Depot talks\n\nThe Kestrel Valley Growers Association rejected the revised pay offer.' },
    { path: 'two.txt', data: 'Depot vote\n\nGovernor Elena Marsh welcomed the pay offer.\n\nGovernor Elena Marsh opposed the depot closure.' },
  ]);
  const attitudeProps = (b.matrix?.propositions ?? []).filter((p) => p.predicate === ATTITUDE);
  const offer = attitudeProps.filter((p) => p.id.startsWith(`${ATTITUDE}|offer|`));
  assert.equal(offer.length, 1, JSON.stringify(attitudeProps));
  const cells = (b.matrix?.cells ?? []).filter((c) => c.proposition === offer[0].id).map((c) => c.polarity).sort();
  assert.deepEqual(cells, ['oppose', 'support']);
  assert.ok(attitudeProps.some((p) => p.id.startsWith(`${ATTITUDE}|closure|`)));
  for (const s of b.stances ?? []) if (s.proposition.startsWith(`${ATTITUDE}|`)) assert.ok(s.confidence < 0.5, 'open attitudes rank below the predicate classes');
});

test('sameObject and singular: head noun plus a content word', () => {
  const cases: [string, string[], string, string[], boolean][] = [
    ['offer', ['revised', 'pay'], 'offer', ['pay'], true],
    ['offer', [], 'offer', ['final'], true],
    ['offer', ['pay'], 'offer', ['land'], false],
    ['plan', ['crane'], 'programme', ['crane'], false],
  ];
  for (const [h1, m1, h2, m2, want] of cases) assert.equal(sameObject({ head: h1, modifiers: m1 }, { head: h2, modifiers: m2 }), want, `${h1} ${m1} / ${h2} ${m2}`);
  assert.deepEqual(['plans', 'policies', 'process', 'bus'].map(singular), ['plan', 'policy', 'process', 'bus']);
});
