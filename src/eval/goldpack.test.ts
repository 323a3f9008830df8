import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AllSidesGold, locate, packGold, parseStoryInput, unpackGold } from './goldpack.js';

// A made-up two-article story (not shared data): a non-breaking space, curly quotes and a repeated word.
const articles = [
  { outlet: 'Harbour Gazette', text: 'The port\u00a0authority voted on Monday to close Pier 4. “We had no choice,” said director Ana Ruiz. Mayor Monday spoke later.' },
  { outlet: 'Coast Daily', text: 'Officials shut Pier 4 on Monday, saying the pier was unsafe; Ruiz called it “a hard day.”' },
];

const gold: AllSidesGold = {
  id: 1,
  input: 'ignored.jsonl',
  outlets: [
    { article: 0, outlet: 'Harbour Gazette', lean: 'center' },
    { article: 1, outlet: 'Coast Daily', lean: 'left' },
  ],
  actors: [{ name: 'Ana Ruiz', type: 'PER', aliases: ['Ruiz'] }],
  not_actors: ['Monday'],
  quotes: [{ article: 0, speaker: 'Ana Ruiz', kind: 'direct', content: 'We had no choice,' }],
  shared_facts: [{ fact: 'Pier 4 was closed on Monday', evidence: { '0': 'close Pier 4', '1': 'shut Pier 4 on Monday' } }],
  conflicts: [],
  framing: [{ referent: 'the closure', terms: { '0': ['voted on Monday to close'], '1': ['shut', 'unsafe'] } }],
  stances: [{ article: 0, holder: 'port authority', polarity: 'support', target: 'closing Pier 4', evidence: 'The port\u00a0authority voted' }],
  times: [
    { article: 0, text: 'Monday', value: '2026-03-02' },
    { article: 1, text: { text: 'Monday', hint: 'saying' }, value: '2026-03-02' },
  ],
  unattributed_opinion: [{ article: 1, text: 'the pier was unsafe' }],
};

test('pack replaces every substring field by its span and unpack restores the strings', () => {
  const packed = packGold(gold, articles, 'made-up.json', '../stories/1.jsonl');
  assert.equal(packed.input, '../stories/1.jsonl');
  assert.deepEqual(packed.quotes[0].content, { at: [53, 70] });
  assert.deepEqual(packed.framing[0].terms['1'], [{ at: [10, 14] }, { at: [53, 59] }]);
  assert.equal(packed.actors[0].name, 'Ana Ruiz', 'names stay as written');
  assert.ok(!JSON.stringify(packed).includes('no choice'), 'no article text left in the packed file');
  const back = unpackGold(packed, articles, 'made-up.json', '/abs/1.jsonl');
  assert.equal(back.quotes[0].content, 'We had no choice,');
  assert.equal(back.stances[0].evidence, 'The port\u00a0authority voted');
  assert.equal(back.times[1].text, 'Monday');
  assert.deepEqual(back.framing[0].terms, { '0': ['voted on Monday to close'], '1': ['shut', 'unsafe'] });
});

test('a partial gold keeps its absent sections absent and its empty ones empty', () => {
  const { stances: _s, times: _t, framing: _f, shared_facts: _sf, unattributed_opinion: _u, ...partial } = gold;
  const packed = packGold(partial as AllSidesGold, articles, 'made-up.json', '../stories/1.jsonl');
  assert.deepEqual(Object.keys(packed).sort(), ['actors', 'conflicts', 'id', 'input', 'not_actors', 'outlets', 'quotes']);
  assert.deepEqual(packed.conflicts, []);
  const back = unpackGold(packed, articles, 'made-up.json', '/abs/1.jsonl');
  assert.equal('stances' in back, false);
});

test('the first occurrence is used, or the one nearest a hint', () => {
  const t = articles[0].text;
  assert.deepEqual(locate(t, 'Monday', 'f', 'x'), { at: [t.indexOf('Monday'), t.indexOf('Monday') + 6] });
  const late = t.lastIndexOf('Monday');
  assert.deepEqual(locate(t, { text: 'Monday', hint: 'Mayor' }, 'f', 'x'), { at: [late, late + 6] });
});

test('a whole-word occurrence is preferred over one inside a longer word', () => {
  assert.deepEqual(locate('The Mayor spoke in May.', 'May', 'f', 'x'), { at: [19, 22] });
  assert.deepEqual(locate('Mayors met.', 'May', 'f', 'x'), { at: [0, 3] }, 'inside a word when there is nothing better');
});

test('a string that is not an exact substring fails naming file, field and string', () => {
  const bad = { ...gold, stances: [{ ...gold.stances[0], evidence: 'The port authority voted' }] };
  assert.throws(() => packGold(bad, articles, 'made-up.json', 'x'), /made-up\.json: stances\[0\]\.evidence: not an exact substring .*"The port authority voted"/);
  const badKey = { ...gold, shared_facts: [{ fact: 'f', evidence: { '5': 'close Pier 4' } }] };
  assert.throws(() => packGold(badKey, articles, 'made-up.json', 'x'), /shared_facts\[0\]\.evidence\["5"\]: article "5" is not one of the story's 2 articles/);
  const badAlias = { ...gold, actors: [{ name: 'Ana Ruiz', type: 'PER', aliases: ['Director Ruiz'] }] };
  assert.throws(() => packGold(badAlias, articles, 'made-up.json', 'x'), /actors\[0\]\.aliases: "Director Ruiz" does not occur/);
  const badOutlet = { ...gold, outlets: [{ article: 1, outlet: 'Harbour Gazette', lean: 'center' }] };
  assert.throws(() => packGold(badOutlet, articles, 'made-up.json', 'x'), /outlets\[0\]: article 1 is not from "Harbour Gazette"/);
});

test('a span outside the text fails on unpack', () => {
  const packed = packGold(gold, articles, 'made-up.json', 'x');
  const broken = { ...packed, times: [{ article: 1, text: { at: [80, 999] as [number, number] }, value: '2026-03-02' }] };
  assert.throws(() => unpackGold(broken, articles, 'p.json', 'x'), /p\.json: times\[0\]\.text: not a span/);
});

test('story input lines are parsed, and a bad line is named', () => {
  const raw = `${JSON.stringify({ outlet: 'A', text: 'one' })}\n\n${JSON.stringify({ outlet: 'B', text: 'two' })}\n`;
  assert.deepEqual(parseStoryInput(raw, 's.jsonl'), [{ outlet: 'A', text: 'one' }, { outlet: 'B', text: 'two' }]);
  assert.throws(() => parseStoryInput('{"outlet": "A"}\nnot json', 's.jsonl'), /s\.jsonl:1: the article has no "text"/);
  assert.throws(() => parseStoryInput('{"outlet": "A", "text": "x"}\nnot json', 's.jsonl'), /s\.jsonl:2: not JSON/);
});
