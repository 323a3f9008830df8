import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSentence, codeEvents, actorPairs } from './coder.js';
import { ploverOf, plover05Of } from './lexicon.js';
import { evaluate, primaryEvent, mainEvent } from '../eval/events.js';
import { buildDoc } from '../text/index.js';
import type { Article } from '../model.js';
import { unknown } from '../model.js';

// Invented sentences about real countries: none is from the sample articles or the evaluation sets.
const CASES: [sentence: string, type05: string, sources: string[], targets: string[]][] = [
  ['Peruvian troops shelled rebel positions near the border on Monday.', 'FIGHT', ['PER'], []],
  ['Norway and Chile agreed to hold joint naval exercises next year.', 'AGREE', ['NOR', 'CHL'], []],
  ['Kenyan police arrested twelve Somali fishermen on Tuesday.', 'COERCE', ['KEN'], ['SOM']],
  ['Portugal rejected a proposal by Spain to share the fishing quota.', 'REJECT', ['PRT'], ['ESP']],
  ['The Danish foreign minister said Iceland must return the stolen manuscripts.', 'DEMAND', ['DNK'], ['ISL']],
  ['Finland threatened to expel Estonian diplomats.', 'THREATEN', ['FIN'], ['EST']],
];

test('codeSentence: type, sources and targets', async (t) => {
  for (const [sentence, type05, sources, targets] of CASES) {
    await t.test(sentence, () => {
      const e = primaryEvent(codeSentence(sentence).events);
      assert.ok(e, 'an event');
      assert.equal(e.type05, type05);
      assert.deepEqual([...new Set(e.sources.map((a) => a.country))], sources);
      if (targets.length) assert.deepEqual([...new Set(e.targets.map((a) => a.country))], targets);
    });
  }
});

// Invented sentences: what PETRARCH would take as the main event, and the statements PLOVER leaves out.
const MAIN: [sentence: string, cameo: string, trigger: string, sources: string[], targets: string[]][] = [
  ['Chile expressed sorrow over the floods in Peru.', '018', 'expressed', ['CHL'], ['PER']],
  ['Peru said Bolivian troops attacked a border post.', '112', 'said', ['PER'], ['BOLMIL']],
  ['Ecuador and Colombia are seeking to deepen trade ties, a minister said.', '031', 'deepen', ['ECU', 'COL'], []],
  ['Kenya is opposed to Ugandan mediation in the dispute.', '120', 'opposed', ['KEN'], ['UGA']],
  // compound actors: an adjective before a named member, "neither ... nor"
  ['Norway and neighbouring Sweden signed a trade accord.', '057', 'signed', ['NOR', 'SWE'], []],
  ['Neither Peru nor Bolivia attended the summit in Chile.', '125', 'attended', ['PER', 'BOL'], ['CHL']],
  // wanting someone else to act is an appeal to them; the act's words are not the wanting verb's pattern
  ['Kenya wants Uganda to attack Tanzania.', '020', 'wants', ['KEN'], ['UGA']],
  // an adverbial clause ("after ...") dates the main event; it is not the event
  ['Chile restored diplomatic ties five years after Peruvian rebels attacked the Chilean embassy.', '050', 'restored', ['CHL'], []],
];

test('mainEvent: statements, reported hostile acts, complements and adjectival participles', async (t) => {
  for (const [sentence, cameo, trigger, sources, targets] of MAIN) {
    await t.test(sentence, () => {
      const { events, tokens } = codeSentence(sentence);
      const e = mainEvent(events);
      assert.ok(e, 'a main event');
      assert.equal(e.cameo, cameo);
      assert.equal(tokens[e.triggerStart].text, trigger);
      assert.deepEqual(e.sources.map((a) => a.code), sources);
      assert.deepEqual(e.targets.map((a) => a.code), targets);
    });
  }
});

test('PLOVER reading skips statements and report readings', () => {
  const { events } = codeSentence('Peru said Bolivian troops attacked a border post.');
  assert.equal(primaryEvent(events)?.type05, 'FIGHT');
  assert.equal(primaryEvent(codeSentence('Chile expressed sorrow over the floods in Peru.').events), null);
  const text = 'Chile expressed sorrow over the floods in Peru.';
  const article = { id: 'a2', text, source: { path: 'x.txt', format: 'text' }, raw: text, segments: [], removed: [], notes: [], meta: { title: unknown(), outlet: unknown(), url: unknown(), published: unknown(), modified: unknown(), byline: unknown(), dateline: unknown(), language: unknown() } } as Article;
  assert.deepEqual(codeEvents(buildDoc(article)), [], 'a statement is no PLOVER event');
});

test('context flags: negation and future', () => {
  const neg = codeSentence('Portugal did not reject the Spanish proposal.').events[0];
  assert.equal(neg?.negated, true);
  const fut = codeSentence('Chile will send food aid to Bolivia.').events[0];
  assert.equal(fut?.future, true);
  assert.equal(fut?.type, 'AGREE', 'PLOVER reads a future aid as an intent (AGREE)');
  assert.equal(fut?.cameo.slice(0, 2), '07', 'CAMEO keeps the act (aid), flagged future');
});

test('compound subject without target gives reciprocal pairs', () => {
  const e = codeSentence('Norway and Chile agreed to hold joint naval exercises next year.').events[0]!;
  assert.equal(actorPairs(e).length, 2);
});

test('CAMEO → PLOVER mapping', () => {
  const table: [string, string | null, string | null][] = [
    ['0874', 'RETREAT', 'RETREAT'], ['173', 'COERCE', 'COERCE'], ['193', 'ASSAULT', 'FIGHT'], ['111', 'ACCUSE', 'DISAPPROVE'],
    ['090', 'ACCUSE', 'INVESTIGATE'], ['020', 'REQUEST', 'DEMAND'], ['010', null, null],
  ];
  for (const [code, type, type05] of table) {
    assert.equal(ploverOf(code)?.type ?? null, type, code);
    assert.equal(plover05Of(code), type05, code);
  }
});

test('codeEvents: spans point into the article', () => {
  const text = 'Kenyan police arrested twelve Somali fishermen on Tuesday. The weather was fine.';
  const article = { id: 'a1', text, source: { path: 'x.txt', format: 'text' }, raw: text, segments: [], removed: [], notes: [], meta: { title: unknown(), outlet: unknown(), url: unknown(), published: unknown(), modified: unknown(), byline: unknown(), dateline: unknown(), language: unknown() } } as Article;
  const events = codeEvents(buildDoc(article));
  assert.equal(events.length, 1);
  const e = events[0];
  assert.equal(text.slice(e.trigger.start, e.trigger.end), 'arrested');
  assert.equal(e.source?.code, 'KENCOP');
  assert.equal(e.date.value, null);
});

test('eval events: bad input names the file', async () => {
  await assert.rejects(() => evaluate({ data: '/nonexistent/events.json' }), /nonexistent\/events\.json/);
});
