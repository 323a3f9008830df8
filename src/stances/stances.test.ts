import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline.js';
import type { Briefing } from '../model.js';
import { findPatterns, phraseTokens, stanceLexicon } from './lexicon.js';
import { sameTarget } from './index.js';

// Made-up sentences: no person, organisation, place or phrase of the sample or development stories.
async function stancesOf(...texts: string[]): Promise<{ holder: string; polarity: string; target: string; method: string }[]> {
  const b: Briefing = await analyze(texts.map((t, i) => ({ path: `made-up-${i}.txt`, data: `Dispute over the Marlow depot\n\n${t}` })));
  const text = new Map((b.matrix?.propositions ?? []).map((p) => [p.id, p.text]));
  return (b.stances ?? []).map((s) => ({ holder: s.holder.groupName, polarity: s.polarity, target: text.get(s.proposition) ?? '', method: s.method }));
}

test('open-domain stances: holder, polarity and target from the sentence predicate', async () => {
  const cases: [string, string, string, string, string][] = [
    // why, sentence, holder word, polarity, target word
    ['"voted against" + object', 'The Marlow County Council voted against the zoning bill on Tuesday.', 'Council', 'oppose', 'zoning'],
    ['a praise verb', 'Senator Dana Whitcombe praised the transit plan.', 'Whitcombe', 'support', 'transit'],
    ['negation flips a support verb', 'Governor Elena Marsh did not support the budget proposal.', 'Marsh', 'oppose', 'budget'],
    ['a described group with a count', 'Forty-two Republicans voted for the measure to widen the canal.', 'Republicans', 'support', 'measure'],
    ['a court striking down', 'The appeals court struck down the parking ordinance.', 'court', 'oppose', 'ordinance'],
    ['"sued to block"', 'The Kestrel Valley Growers Association sued to block the parking ordinance.', 'Kestrel', 'oppose', 'ordinance'],
    ['"called X a mistake"', 'Governor Elena Marsh called the parking ordinance a mistake.', 'Marsh', 'oppose', 'ordinance'],
    ['"in support of" after its holder', 'Ninety Democrats voted in support of the canal bill.', 'Democrats', 'support', 'canal'],
    ['a passive names its holder after "by"', 'The parking ordinance was criticised by Governor Elena Marsh.', 'Marsh', 'oppose', 'ordinance'],
    ['"we" inside a quote is its speaker', '"We will vote against the pay deal," said union leader Tobias Renwick.', 'Renwick', 'oppose', 'pay deal'],
  ];
  for (const [why, sentence, holder, polarity, target] of cases) {
    const got = await stancesOf(sentence);
    const hit = got.find((s) => s.holder.includes(holder) && s.polarity === polarity && s.target.includes(target));
    assert.ok(hit, `${why}: want ${holder} ${polarity} "${target}", got ${JSON.stringify(got)}`);
  }
});

test('no stance without a human holder or a stance cue', async () => {
  const cases: [string, string][] = [
    ['weather passes, it holds no position', 'The storm passed the coast on Monday.'],
    ['a plain past fact', 'Governor Elena Marsh visited the depot.'],
    ['a place is no holder', 'Marlow rejected the zoning bill.'],
  ];
  for (const [why, sentence] of cases) {
    const got = await stancesOf(sentence);
    assert.ok(!got.some((s) => !s.holder.includes('Marlow County')), `${why}: got ${JSON.stringify(got)}`);
    if (why.startsWith('weather') || why.startsWith('a plain')) assert.deepEqual(got, [], why);
  }
});

test('targets merge across articles; an implicit target is the key proposition', async () => {
  const got = await stancesOf(
    'The Marlow County Council passed the zoning bill on Tuesday.',
    'Councillor Priya Okonjo voted against the zoning legislation.\n\nCouncillor Tomas Hale, the lone holdout, voted no.',
  );
  const targets = new Set(got.map((s) => s.target));
  assert.equal(targets.size, 1, JSON.stringify(got));
  assert.ok(got.some((s) => s.holder.includes('Hale') && s.polarity === 'oppose' && s.method.endsWith('key-proposition')), JSON.stringify(got));
  assert.ok(got.some((s) => s.holder.includes('Council') && s.polarity === 'support'), JSON.stringify(got));
});

test('a cell whose statements disagree is mixed and keeps both', async () => {
  const b = await analyze([{ path: 'mixed.txt', data: 'Depot vote\n\nGovernor Elena Marsh backed the depot plan in March.\n\nIn May, Governor Elena Marsh rejected the depot plan.' }]);
  const cell = b.matrix?.cells.find((c) => b.matrix?.holders.find((h) => h.group === c.holder)?.name.includes('Marsh'));
  assert.ok(cell, JSON.stringify(b.matrix));
  assert.equal(cell.polarity, 'mixed');
  assert.deepEqual(cell.stances.map((i) => b.stances?.[i].polarity).sort(), ['oppose', 'support']);
});

test('sameTarget: head class plus a content word', () => {
  const cases: [string, string[], string, string[], boolean][] = [
    ['bill', ['zoning'], 'legislation', [], true],
    ['bill', ['zoning'], 'resolution', ['zoning'], true],
    ['bill', ['zoning'], 'bill', ['canal'], false],
    ['ordinance', [], 'plan', [], false],
  ];
  for (const [h1, m1, h2, m2, want] of cases) assert.equal(sameTarget({ head: h1, modifiers: m1 }, { head: h2, modifiers: m2 }), want, `${h1} ${m1} / ${h2} ${m2}`);
});

test('cue lexicon: hundreds of general verbs and patterns, forms matched on whole tokens', () => {
  const lex = stanceLexicon();
  assert.ok(lex.cues.length > 500, `${lex.cues.length} cue forms`);
  const polarity = (phrase: string): string | undefined => lex.cues.find((c) => c.pattern.join(' ') === phrase)?.polarity;
  assert.equal(polarity('voted against'), 'oppose');
  assert.equal(polarity('praised'), 'support');
  assert.equal(polarity('in opposition to'), 'oppose');
  const tokens = phraseTokens("they don't want it");
  assert.equal(findPatterns(tokens, 0, tokens.length, [phraseTokens("do n't want")]).length, 1);
});

test('event classes that state a position: praise, sign, criticise, sue, reject; acts are not positions', async () => {
  const { eventPolarity } = await import('./index.js');
  const table: [string | null, string | null][] = [
    ['051', 'support'], ['057', 'support'], ['111', 'oppose'], ['115', 'oppose'], ['120', 'oppose'], ['129', 'oppose'],
    ['040', null], ['090', null], ['190', null], [null, null],
  ];
  for (const [code, want] of table) assert.equal(eventPolarity(code), want, String(code));
});

test('stance holders: a counted part of a group, a partner after "with", a verb coordinated with the main one, a place after a name', async () => {
  const counted = await stancesOf('Forty-two Republicans voted with 200 Democrats in support of the canal bill.');
  assert.ok(counted.some((s) => s.holder === '42 Republicans' && s.polarity === 'support'), JSON.stringify(counted));
  assert.ok(counted.some((s) => s.holder === 'Democrats' && s.polarity === 'support'), JSON.stringify(counted));
  const coordinated = await stancesOf('Governor Elena Marsh toured the flooded depot on Monday and called for a new canal levy.');
  assert.ok(coordinated.some((s) => s.holder.includes('Marsh') && s.polarity === 'support' && s.method.startsWith('rule:coordinated')), JSON.stringify(coordinated));
  const placed = await stancesOf('Senator Dana Whitcombe of Ruritania voted against the canal bill.');
  assert.ok(placed.some((s) => s.holder.includes('Whitcombe') && s.polarity === 'oppose'), JSON.stringify(placed));
});

test('stance targets and cues: whom a cue addresses and what they are to do; an "-ing" verb tagged as an adjective after names', async () => {
  const urged = await stancesOf('Governor Elena Marsh urged them to approve the canal levy.');
  assert.ok(urged.some((s) => s.holder.includes('Marsh') && s.polarity === 'support' && s.target.includes('levy')), JSON.stringify(urged));
  const all = await stancesOf('Governor Elena Marsh pushed for all depot workers to get the new contract.');
  assert.ok(all.some((s) => s.holder.includes('Marsh') && s.polarity === 'support'), JSON.stringify(all));
  const dissent = await stancesOf('The court upheld the canal levy on Monday, with Justices Ada Varga and Tomas Hale dissenting.');
  assert.ok(dissent.some((s) => s.holder.includes('Hale') && s.polarity === 'oppose'), JSON.stringify(dissent));
});

test('stance holders: a bare count after a counted group, and the agent of a reduced passive', async () => {
  const counted = await stancesOf('The Marlow council passed the canal bill 300-120 on Tuesday. Forty-two Republicans joined with all Democrats in support, while 120 voted against it.');
  assert.ok(counted.some((s) => s.holder === '120 Republicans' && s.polarity === 'oppose'), JSON.stringify(counted));
  const reduced = await stancesOf('Senator Dana Whitcombe spoke on Monday. The depot would be sold under legislation proposed by Senator Dana Whitcombe.');
  assert.ok(reduced.some((s) => s.holder.includes('Whitcombe') && s.polarity === 'support'), JSON.stringify(reduced));
});

test('stance holders: a name before a generational suffix', async () => {
  const got = await stancesOf('The court rejected the depot appeal on Monday. Justices Ada Varga and Tomas Hale, Jr. said they would have accepted the case.');
  assert.ok(got.some((s) => s.holder.includes('Hale') && s.polarity === 'support' && s.method.startsWith('rule:reported-subject')), JSON.stringify(got));
});

test('issue 11 cues: gapped phrases, agent nominals, plans announced, a phrase split by a time phrase', async () => {
  const cases: [string, string, string, string][] = [
    // why, sentence, holder word, polarity
    ['a gap inside a phrase', 'Governor Elena Marsh threw her full support behind the canal levy.', 'Marsh', 'support'],
    ['"advise ... against"', 'Senator Dana Whitcombe advised the depot workers against signing the pay deal.', 'Whitcombe', 'oppose'],
    ['"filed a federal lawsuit"', 'The Kestrel Valley Growers Association filed a federal lawsuit against the parking ordinance.', 'Kestrel', 'oppose'],
    ['the holder after "criticism from"', 'The parking ordinance drew a flood of criticism from Governor Elena Marsh.', 'Marsh', 'oppose'],
    ['announcing a plan proposes it', 'Governor Elena Marsh announced new efforts to widen the canal.', 'Marsh', 'support'],
    ['announcing anything else is no stance', 'Governor Elena Marsh announced the results on Monday.', '', ''],
    ['"called on Tuesday for"', 'Governor Elena Marsh called on Tuesday for a new canal levy.', 'Marsh', 'support'],
    ['"take issue with"', 'Senator Dana Whitcombe took issue with the parking ordinance.', 'Whitcombe', 'oppose'],
  ];
  for (const [why, sentence, holder, polarity] of cases) {
    const got = await stancesOf(sentence);
    if (!holder) assert.deepEqual(got, [], why);
    else assert.ok(got.some((s) => s.holder.includes(holder) && s.polarity === polarity), `${why}: want ${holder} ${polarity}, got ${JSON.stringify(got)}`);
  }
});

test('issue 11 holders: a catenative verb, a relative pronoun, a directive and its addressee, an agentless criticism', async () => {
  const trying = await stancesOf('The Marlow County Council is trying to block the parking ordinance.');
  assert.ok(trying.some((s) => s.holder.includes('Council') && s.polarity === 'oppose'), JSON.stringify(trying));
  const which = await stancesOf('The growers sued the county on Monday. The Kestrel Valley Growers Association, which opposed the parking ordinance, lost.');
  assert.ok(which.some((s) => s.holder.includes('Kestrel') && s.polarity === 'oppose' && s.target.includes('ordinance')), JSON.stringify(which));
  // the position is the one who urges, turned by what the addressed are to do; the addressed hold nothing
  const urged = await stancesOf('Governor Elena Marsh urged the county judges to strike down the parking ordinance.');
  assert.ok(urged.some((s) => s.holder.includes('Marsh') && s.polarity === 'oppose' && s.method.includes('chain')), JSON.stringify(urged));
  assert.ok(!urged.some((s) => s.holder.includes('judges')), JSON.stringify(urged));
  assert.ok(!urged.some((s) => s.holder.includes('Marsh') && s.polarity === 'support'), JSON.stringify(urged));
  const refused = await stancesOf('Governor Elena Marsh refused to sign the canal bill.');
  assert.ok(refused.some((s) => s.holder.includes('Marsh') && s.polarity === 'oppose') && !refused.some((s) => s.polarity === 'support'), JSON.stringify(refused));
  const warned = await stancesOf('Senator Dana Whitcombe warned party leaders not to back away from the canal levy.');
  assert.ok(warned.some((s) => s.holder.includes('Whitcombe') && s.polarity === 'support'), JSON.stringify(warned));
  const critics = await stancesOf('The parking ordinance has been criticized for its cost.');
  assert.ok(critics.some((s) => s.holder === 'critics' && s.polarity === 'oppose' && s.target.includes('ordinance')), JSON.stringify(critics));
  // a passive with its negation: "was not passed" holds no position of the bill's own
  const notPassed = await stancesOf('If the canal bill is not passed by Thursday, the depot closes.');
  assert.ok(!notPassed.some((s) => s.holder.includes('bill')), JSON.stringify(notPassed));
});

test('no stance from a forecast or a document as holder', async () => {
  const forecast = await stancesOf('A survey of economists called for 387,000 new claims.');
  assert.deepEqual(forecast, []);
  const plan = await stancesOf('Governor Elena Marsh laid out her office’s plan to urge depot workers to get the new contract.');
  assert.ok(!plan.some((s) => s.holder === 'plan'), JSON.stringify(plan));
  assert.ok(plan.some((s) => s.holder.includes('Marsh') && s.polarity === 'support'), JSON.stringify(plan));
});

test('quoted evaluations: the speaker holds what the quote says of a target; a pronoun target or no evaluation gives none', async () => {
  const cases: [string, string, string, string][] = [
    ['copula + evaluation', '“The parking ordinance is a mistake,” Governor Elena Marsh said on Monday.', 'oppose', 'ordinance'],
    ['modal copula + priority', '“The canal levy should be the top priority for every county,” Governor Elena Marsh said.', 'support', 'levy'],
    ['"has failed to" criticises its subject', '“The Marlow County Council has failed to keep the depot safe,” Senator Dana Whitcombe said.', 'oppose', 'Council'],
    ['the head of a subject with prepositional phrases', '“Format changes to the depot rules during the strike were unfair,” Governor Elena Marsh said.', 'oppose', 'Format changes'],
    ['negation turns it', '“The canal levy is not a mistake,” Governor Elena Marsh said.', 'support', 'levy'],
  ];
  for (const [why, sentence, polarity, target] of cases) {
    const got = await stancesOf(sentence);
    assert.ok(got.some((s) => s.holder.includes('Marsh') || s.holder.includes('Whitcombe')), `${why}: ${JSON.stringify(got)}`);
    assert.ok(got.some((s) => s.polarity === polarity && s.target.includes(target) && s.method.startsWith('rule:quoted-evaluation')), `${why}: want ${polarity} "${target}", got ${JSON.stringify(got)}`);
  }
  assert.deepEqual(await stancesOf('“It is a mistake,” Governor Elena Marsh said.'), [], 'a pronoun is no target');
  assert.deepEqual(await stancesOf('“The canal levy is in its third year,” Governor Elena Marsh said.'), [], 'no evaluation');
});

test('the members of a body as a definite whole hold its position', async () => {
  const got = await stancesOf('The Marlow Supreme Court heard the case in May. The justices chose not to hear the depot appeal.');
  assert.ok(got.some((s) => s.holder.includes('Supreme Court') && s.polarity === 'oppose'), JSON.stringify(got));
  assert.ok(!got.some((s) => s.holder === 'justices'), JSON.stringify(got));
});

test('stance holders: the members a relative clause names, the subject of the first of two coordinated verbs, a participle after a noun', async () => {
  const members = await stancesOf('The groups, which included the Kestrel Valley Growers Association and the Marlow Dockers Union, made their case for a new canal levy in a letter.');
  for (const name of ['Kestrel', 'Dockers']) assert.ok(members.some((s) => s.holder.includes(name) && s.polarity === 'support'), `${name}: ${JSON.stringify(members)}`);
  const determined = await stancesOf('Democrats have been determined to rid the depot of its cranes.');
  assert.ok(determined.some((s) => s.holder.includes('Democrats') && s.polarity === 'support'), JSON.stringify(determined));
  const coordinated = await stancesOf('The Marlow Canal Act needed 60 votes, but Republicans filibustered and killed the canal bill.');
  assert.ok(coordinated.some((s) => s.holder.includes('Republicans') && s.polarity === 'oppose'), JSON.stringify(coordinated));
  assert.ok(!coordinated.some((s) => s.holder.includes('Act')), JSON.stringify(coordinated));
  // "others seeking to leave": the seekers are the others, not the sentence's subject
  const seekers = await stancesOf('Governor Elena Marsh kept the deadline for an airlift of workers and others seeking to leave the depot.');
  assert.ok(!seekers.some((s) => s.holder.includes('Marsh')), JSON.stringify(seekers));
  const message = await stancesOf('The Marlow County Council sent its strongest message yet condemning the parking ordinance.');
  assert.ok(message.some((s) => s.holder.includes('Council') && s.polarity === 'oppose'), JSON.stringify(message));
});

test('attitude nouns after a verb: the verb’s subject holds them, unless it receives them or the noun is a stance verb’s object', async () => {
  const voiced = await stancesOf('The Marlow Dockers Union voiced opposition to the parking ordinance.');
  assert.ok(voiced.some((s) => s.holder.includes('Dockers') && s.polarity === 'oppose'), JSON.stringify(voiced));
  const faces = await stancesOf('The Marlow Dockers Union faces opposition to its strike.');
  assert.ok(!faces.some((s) => s.holder.includes('Dockers')), JSON.stringify(faces));
  const dismissed = await stancesOf('The Marlow Supreme Court dismissed a challenge to the parking ordinance.');
  assert.ok(dismissed.some((s) => s.holder.includes('Supreme Court') && s.polarity === 'oppose' && s.target.includes('challenge')), JSON.stringify(dismissed));
  assert.ok(!dismissed.some((s) => s.target.includes('ordinance') && !s.target.includes('challenge')), JSON.stringify(dismissed));
  const accused = await stancesOf('Senator Dana Whitcombe accused Governor Elena Marsh of lying.');
  assert.ok(accused.some((s) => s.holder.includes('Whitcombe') && s.polarity === 'oppose' && s.target.includes('Marsh')), JSON.stringify(accused));
});

test('targets merge across outlets when words like "revised" are all that tell them apart, and a season ends a target', async () => {
  const got = await stancesOf(
    'Senate Republicans on Thursday unveiled a revised counteroffer on the canal.',
    'Republican lawmakers on Thursday unveiled their canal counteroffer to the governor.',
    'Senator Dana Whitcombe clashed with the canal commission last summer.',
  );
  const counter = got.filter((s) => s.target.includes('counteroffer'));
  assert.equal(new Set(counter.map((s) => s.target)).size, 1, JSON.stringify(got));
  assert.equal(counter.length, 2, JSON.stringify(got));
  assert.ok(got.some((s) => s.holder.includes('Whitcombe') && s.target === 'canal commission'), JSON.stringify(got));
});

test('a cue whose words point back ("opposed the move", "backed that plan") speaks to the key proposition; "lobbied ... against", "over the objection of"', async () => {
  const move = await stancesOf('The Marlow council passed the canal bill on Monday. Prosecutors opposed the move.');
  assert.ok(move.some((s) => s.holder === 'Prosecutors' && s.polarity === 'oppose' && s.target === 'canal bill' && s.method.endsWith('key-proposition')), JSON.stringify(move));
  const lobbied = await stancesOf('Senator Dana Whitcombe lobbied his members forcefully against the canal bill.');
  assert.ok(lobbied.some((s) => s.holder.includes('Whitcombe') && s.polarity === 'oppose'), JSON.stringify(lobbied));
  const objection = await stancesOf('The canal bill passed on Monday over the objection of prosecutors.');
  assert.ok(objection.some((s) => s.holder === 'prosecutors' && s.polarity === 'oppose'), JSON.stringify(objection));
});

test('stance holders and cues: a group before a prepositional phrase, a long apposition, an adverb or tally inside a phrase, a verb tagged as a noun after a pronoun, a sum of money as target', async () => {
  const cases: [string, string, string, string][] = [
    ['a group before "in" + places', 'Former lawyers in Arkansas and Illinois filed lawsuits against the depot owner on Monday.', 'lawyers', 'oppose'],
    ['a group before "in the meeting"', 'Senator Dana Whitcombe said the union officials in the meeting signed off on the canal framework.', 'union officials', 'support'],
    ['an apposition with a relative clause', 'Governor Elena Marsh, a Democrat who is positioning herself for reelection next year, signed the canal bill on Monday.', 'Marsh', 'support'],
    ['"voted unanimously to"', 'The Marlow council voted unanimously to accept the canal proposal.', 'council', 'support'],
    ['"voted 54-35 to"', 'The Marlow council voted 54-35 to reject the canal proposal.', 'council', 'oppose'],
    ['"he favors" and "$1.5 trillion"', 'Senator Dana Whitcombe on Thursday said he favors a $1.5 trillion canal bill.', 'Whitcombe', 'support'],
  ];
  for (const [why, sentence, holder, polarity] of cases) {
    const got = await stancesOf(sentence);
    assert.ok(got.some((s) => s.holder.includes(holder) && s.polarity === polarity), `${why}: want ${holder} ${polarity}, got ${JSON.stringify(got)}`);
  }
  const notDC = await stancesOf('Senator Dana Whitcombe said the union officials in the meeting signed off on the canal framework.');
  assert.ok(!notDC.some((s) => s.holder === 'meeting'), JSON.stringify(notDC));
});

test('evaluations with modifiers after their article: "a tragic mistake", "a very good idea"', async () => {
  const described = await stancesOf('Governor Elena Marsh called the parking ordinance a tragic mistake.');
  assert.ok(described.some((s) => s.holder.includes('Marsh') && s.polarity === 'oppose'), JSON.stringify(described));
  const quoted = await stancesOf('“The canal levy is a very good idea,” Governor Elena Marsh said.');
  assert.ok(quoted.some((s) => s.holder.includes('Marsh') && s.polarity === 'support'), JSON.stringify(quoted));
  assert.deepEqual(await stancesOf('Governor Elena Marsh called the parking ordinance a very old rule.'), []);
});

test('a participle after a target’s head belongs to it: targets merge on its words, and a describing verb’s evaluation may follow it', async () => {
  const got = await stancesOf(
    'The Marlow council declared all depot contracts involving cranes illegal on Friday.',
    'The Marlow council has declared all crane contracts illegal.',
  );
  assert.equal(got.filter((s) => s.polarity === 'oppose').length, 2, JSON.stringify(got));
  assert.equal(new Set(got.map((s) => s.target)).size, 1, JSON.stringify(got));
});

test('a name in a dateline’s parentheses is not the subject a coordinated verb shares', async () => {
  const got = await stancesOf('MARLOW, Oct 18 (Kestrel Wire Service) - Dockers suspended the strike after the depot raised its pay offer and agreed to pause the crane plan.');
  assert.ok(!got.some((s) => s.holder.includes('Kestrel')), JSON.stringify(got));
});

test('false positives on unseen stories: an addressee is no target, sought support is nobody’s, an agentless passive needs a target', async () => {
  // "urged X to Y" with no cue in Y: the target is what X is told to do, not X
  const urged = await stancesOf('The Marlow County Council urged the state legislature to fund the canal dredging.');
  const byCouncil = urged.filter((s) => s.holder.includes('Council'));
  assert.ok(byCouncil.some((s) => s.polarity === 'support' && s.target.includes('fund')), JSON.stringify(urged));
  assert.ok(!byCouncil.some((s) => s.target.includes('legislature')), JSON.stringify(urged));
  // support that someone seeks or lacks is not held by the group named in it
  const sought = await stancesOf('Mayor Tomas Hale is still seeking Republican support for the canal levy.');
  assert.ok(!sought.some((s) => s.holder.includes('Republican')), JSON.stringify(sought));
  const held = await stancesOf('Councillor Priya Okonjo voiced support for the canal levy.');
  assert.ok(held.some((s) => s.holder.includes('Okonjo') && s.polarity === 'support' && s.target.includes('levy')), JSON.stringify(held));
  // praise with no one named and only a pronoun as its subject: a guessed holder on a guessed target is no stance
  const applauded = await stancesOf('The Marlow County Council passed the zoning bill. When Councillor Tomas Hale spoke, he was applauded as a patient negotiator.');
  assert.ok(!applauded.some((s) => s.holder === 'supporters'), JSON.stringify(applauded));
});

test('a participle after a message noun is the sender’s: a possessive before the noun, or the subject of the verb that governs it', async () => {
  const governed = await stancesOf('The Marlow County Council met on Monday, a week after Governor Elena Marsh issued an order calling for the depot closure.');
  assert.ok(governed.some((s) => s.holder.includes('Marsh') && s.polarity === 'support' && s.target.includes('closure')), JSON.stringify(governed));
  assert.ok(!governed.some((s) => s.holder.includes('Council')), JSON.stringify(governed));
  const owned = await stancesOf('The Marlow County Council filed an appeal of a judge’s order blocking the parking ordinance.');
  assert.ok(!owned.some((s) => s.holder.includes('Council') && s.target.includes('ordinance') && s.method.startsWith('rule:participle')), JSON.stringify(owned));
  // the sender of a message sent by the sentence's subject, also when a possessive describes the message
  const sent = await stancesOf('Senator Dana Whitcombe sent the county’s strongest letter yet condemning the parking ordinance.');
  assert.ok(sent.some((s) => s.holder.includes('Whitcombe') && s.polarity === 'oppose'), JSON.stringify(sent));
});

test('a stance that points back ("opposed the move") is kept when no target is named anywhere in the story', async () => {
  const got = await stancesOf('The court ended the case on Friday.\n\nThe county prosecutors opposed the move.');
  assert.ok(got.some((s) => /prosecutors/i.test(s.holder) && s.polarity === 'oppose' && s.target === 'the move'), JSON.stringify(got));
});

test('calling on, turning back, prohibiting, and a measure that prohibits; role nouns name their holder', async () => {
  const cases: [string, string, string, string, string][] = [
    // why, sentence, holder word, polarity, target word
    ['"call on X to" is an appeal for what X is to do', 'Mayor Ilse Varga said she will call on the county board to fund the depot.', 'Varga', 'support', 'fund'],
    ['"urged X to turn back" opposes', 'Governor Ilse Varga urged voters on Sunday to turn back the toll referendum.', 'Varga', 'oppose', 'referendum'],
    ['"barred X from Y-ing": Y is the target', 'Governor Ilse Varga barred local school boards from requiring uniforms.', 'Varga', 'oppose', 'uniforms'],
    ['signing an order that prohibits opposes what it prohibits', 'Governor Ilse Varga signed an executive order Friday that prohibits school boards from requiring uniforms.', 'Varga', 'oppose', 'uniforms'],
    ['an order "prohibiting" after its noun', 'Governor Ilse Varga signed an executive order prohibiting school boards from requiring uniforms.', 'Varga', 'oppose', 'uniforms'],
    ['a measure that "will prevent"', 'Governor Ilse Varga plans to sign an order that will prevent school boards from requiring uniforms.', 'Varga', 'oppose', 'uniforms'],
    ['an apposition with a role noun', 'Senator Tomas Brill, a longtime opponent of the toll, spoke first.', 'Brill', 'oppose', 'toll'],
    ['a copula with a role noun', 'Governor Ilse Varga, who is a consistently vocal critic of the toll, spoke.', 'Varga', 'oppose', 'toll'],
    ['a plural role noun describes its holders', 'Local supporters of the toll held a rally.', 'supporters', 'support', 'toll'],
    ['a description renaming a name before a copula', 'Tomas Brill is a former civil rights lawyer who is a staunch opponent of the toll.', 'Brill', 'oppose', 'toll'],
    ['a court granting a motion', 'A federal judge granted the union\'s motion to dismiss the case on Tuesday.', 'judge', 'support', 'motion'],
  ];
  for (const [why, sentence, holder, polarity, target] of cases) {
    const got = await stancesOf(sentence);
    const hit = got.find((s) => s.holder.includes(holder) && s.polarity === polarity && s.target.includes(target));
    assert.ok(hit, `${why}: want ${holder} ${polarity} "${target}", got ${JSON.stringify(got)}`);
  }
  // a measure that does not prohibit keeps its signer's support; a prohibition by a rule holds no position
  assert.ok((await stancesOf('Governor Ilse Varga signed a bill that would expand the depot.')).some((s) => s.polarity === 'support' && s.target.includes('bill')));
  assert.deepEqual(await stancesOf('The depot rules prevent trucks from parking.'), []);
});

test('attitude adjectives, filings, coordinated described holders, a titled person, and no stance in a condition', async () => {
  const cases: [string, string, string, string, string][] = [
    ['"excited about" after a copula', 'Doctors are excited about the new pill.', 'Doctors', 'support', 'pill'],
    ['"critical of" after a copula', 'Senator Tomas Brill is critical of the toll.', 'Brill', 'oppose', 'toll'],
    ['a filing is its filer\'s position', 'The union\'s motion to dismiss the case was granted.', 'union', 'support', 'dismiss'],
    ['two described groups coordinated', 'Republican lawmakers and conservative activists pledged to fight the toll.', 'Republican lawmakers', 'oppose', 'toll'],
    ['two described groups coordinated (the second)', 'Republican lawmakers and conservative activists pledged to fight the toll.', 'conservative activists', 'oppose', 'toll'],
    ['"a federal judge" is the article\'s one judge', 'A federal judge granted the union\'s motion on Tuesday. U.S. District Judge Mara Quell wrote that the motion was proper.', 'Mara Quell', 'support', 'motion'],
  ];
  for (const [why, sentence, holder, polarity, target] of cases) {
    const got = await stancesOf(sentence);
    const hit = got.find((s) => s.holder.includes(holder) && s.polarity === polarity && s.target.includes(target));
    assert.ok(hit, `${why}: want ${holder} ${polarity} "${target}", got ${JSON.stringify(got)}`);
  }
  // two people with the title: "the judge" stays a description
  const two = await stancesOf('The judge granted the union\'s motion. Judge Mara Quell and Judge Ivo Renn sat on the panel.');
  assert.ok(!two.some((s) => /Quell|Renn/.test(s.holder)), JSON.stringify(two));
  // a condition supposes a position, nobody takes it
  const cond = await stancesOf('The depot will close on Friday unless lawmakers vote to approve the transit budget.');
  assert.ok(!cond.some((s) => /lawmakers/.test(s.holder)), JSON.stringify(cond));
  // a pronoun object tied to the holder itself is no target
  assert.deepEqual(await stancesOf('Senator Tomas Brill accused her of lying.'), []);
});

test('an appeal through a directive that is no cue of its own ("asked the judge to ..."); a command is no position', async () => {
  const asked = await stancesOf('The dockworkers union had asked the judge to remove the toll from the budget.');
  assert.ok(asked.some((s) => /union/.test(s.holder) && s.polarity === 'support' && s.target.includes('remove')), JSON.stringify(asked));
  const skip = await stancesOf('The party warned that it may advise its nominee to skip the televised forums.');
  assert.ok(skip.some((s) => /party/i.test(s.holder) && s.polarity === 'oppose' && s.target.includes('forums')), JSON.stringify(skip));
  assert.deepEqual(await stancesOf('The mayor told reporters to expect delays.'), []);
});

test('an adverb inside or after a phrase cue; the second of two coordinated appositions', async () => {
  const cases: [string, string, string, string, string][] = [
    ['an adverb after the phrase\'s second word', 'Senator Tomas Brill came out strongly against the toll.', 'Brill', 'oppose', 'toll'],
    ['an adverb after the cue', 'The dockworkers union has decided to hit back harder on misinformation about the toll.', 'union', 'oppose', 'misinformation'],
    ['"a senator for X and longtime opponent of Y"', 'Senator Tomas Brill, a Republican senator for Ohio and longtime opponent of the toll, spoke.', 'Brill', 'oppose', 'toll'],
  ];
  for (const [why, sentence, holder, polarity, target] of cases) {
    const got = await stancesOf(sentence);
    const hit = got.find((s) => s.holder.includes(holder) && s.polarity === polarity && s.target.includes(target));
    assert.ok(hit, `${why}: want ${holder} ${polarity} "${target}", got ${JSON.stringify(got)}`);
  }
});

test('a passive with a described agent, or the article\'s one person with the title it names', async () => {
  const judge = await stancesOf("The union's lawsuit was dismissed by a judge who ruled that the toll was legal. U.S. District Judge Mara Quell wrote the opinion.");
  assert.ok(judge.some((s) => s.holder === 'Mara Quell' && s.polarity === 'oppose' && s.target.includes('lawsuit')), JSON.stringify(judge));
  const described = await stancesOf('The toll was criticised by local lawmakers.');
  assert.ok(described.some((s) => /lawmakers/.test(s.holder) && s.polarity === 'oppose' && s.target.includes('toll')), JSON.stringify(described));
});

test('no stance from a phrasal verb with a particle, a passive still to come, or a place that locates the holders', async () => {
  assert.deepEqual(await stancesOf('Senator Tomas Brill said that he passed away at his home.'), []);
  assert.deepEqual(await stancesOf('The treaty must still be formally approved by national leaders.'), []);
  const boards = await stancesOf('School boards in Lake and Erie Counties voted to require face coverings.');
  assert.ok(boards.some((s) => /School boards/.test(s.holder) && s.polarity === 'support'), JSON.stringify(boards));
  assert.ok(!boards.some((s) => /Erie|Lake/.test(s.holder)), JSON.stringify(boards));
});

test('whom a measure permits to act, and what someone must do, are no positions; a measure "on Wednesday barring" prohibits', async () => {
  const permit = await stancesOf('Governor Ilse Varga signed a bill that allows any person to sue the depot.');
  assert.ok(!permit.some((s) => /person/.test(s.holder)), JSON.stringify(permit));
  assert.deepEqual(await stancesOf('Mayor Ilse Varga must sign the budget before midnight.'), []);
  const own = await stancesOf('"We must pass this budget," Mayor Ilse Varga said.');
  assert.ok(own.some((s) => s.holder === 'Ilse Varga' && s.polarity === 'support'), JSON.stringify(own));
  const barring = await stancesOf('Governor Ilse Varga signed a bill on Wednesday barring tolls after midnight.');
  assert.ok(barring.some((s) => s.holder === 'Ilse Varga' && s.polarity === 'oppose' && s.target.includes('tolls')), JSON.stringify(barring));
});

test('a purpose adjunct ("in a bid to") is the aim of the nearest verb\'s subject, or of the owner named before a relative pronoun', async () => {
  const got = await stancesOf('The Kestrel Valley Growers Association offered new terms on Tuesday in a bid to reach a bipartisan agreement.');
  assert.ok(got.some((s) => /Kestrel/.test(s.holder) && s.polarity === 'support' && s.target.includes('agreement')), JSON.stringify(got));
  const owner = await stancesOf('The dockworkers answered a week-old Marlow County Council proposal that cut the depot budget in a bid to reach a deal.');
  assert.ok(owner.some((s) => /Council/.test(s.holder) && s.polarity === 'support' && s.target.includes('deal')), JSON.stringify(owner));
});

test('after an article or a possessive an attitude phrase is a noun: "its fight against", "as the lone vote against"', async () => {
  const its = await stancesOf('The Kestrel Valley Growers Association was looking into increasing its fight against pesticide misinformation.');
  assert.ok(its.some((s) => /Kestrel/.test(s.holder) && s.polarity === 'oppose' && s.target.includes('misinformation')), JSON.stringify(its));
  const lone = await stancesOf('The toll bill passed, with Senator Tomas Brill as the lone vote against the measure.');
  assert.ok(lone.some((s) => s.holder === 'Tomas Brill' && s.polarity === 'oppose' && s.target.includes('measure')), JSON.stringify(lone));
});

test('a named sponsor, author or architect of a measure supports it; the author of anything else holds no stance', async () => {
  const cases: [string, string][] = [
    ['Representative Tomas Brill, the bill\'s primary author, spoke on the floor.', 'bill'],
    ['"It is time," said Representative Tomas Brill (D-Md.), the bill\'s primary author.', 'bill'],
    ['Representative Tomas Brill, a sponsor of the toll legislation, spoke.', 'toll'],
    ['Representative Tomas Brill is the architect of the depot plan.', 'depot'],
  ];
  for (const [sentence, target] of cases) {
    const got = await stancesOf(sentence);
    assert.ok(got.some((s) => s.holder === 'Tomas Brill' && s.polarity === 'support' && s.target.includes(target)), `${sentence}: ${JSON.stringify(got)}`);
  }
  assert.deepEqual(await stancesOf('Tomas Brill, the author of the novel, spoke.'), []);
});
