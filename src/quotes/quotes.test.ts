import { buildDoc } from '../text/index.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from './index.js';
import { plainArticle } from '../model.js';
import { analyse } from './analysis.js';
import type { Quote } from '../model.js';

function read(text: string): { text: string; quotes: Quote[]; cut: (s: { start: number; end: number } | null) => string | null } {
  const quotes = findQuotes(buildDoc(plainArticle(text)));
  return { text, quotes, cut: (s) => (s ? text.slice(s.start, s.end) : null) };
}

test('quotation marks pair within a paragraph, in every style', () => {
  const cases: [string, number][] = [
    ['“One,” he said. “Two.”', 2],
    ['"One," he said. "Two."', 2],
    ['«Un», dit-il.', 1],
    ['He called it ‘odd’ and left.', 1],
    ['O’Malley’s campaign said so.', 0],
  ];
  for (const [text, want] of cases) assert.equal(analyse(buildDoc(plainArticle(text))).quotations.length, want, text);
});

// Invented sentences in the styles news uses; none is taken from the sample articles. Content boundaries
// follow PolNeAR, the training data: a complementiser "that" belongs to the content.
const attributionCases: { text: string; content: string; source: string | null; cue?: string; kind?: string }[] = [
  { text: '“We will not sign the deal,” the mayor said on Tuesday.', content: '“We will not sign the deal,”', source: 'the mayor', kind: 'direct' },
  { text: 'Anna Berg said that the bridge would reopen in May.', content: 'that the bridge would reopen in May', source: 'Anna Berg', cue: 'said', kind: 'indirect' },
  { text: 'The strike will last a week, according to the union.', content: 'The strike will last a week', source: 'the union', cue: 'according to' },
  { text: 'Paul Okafor told reporters the talks had failed.', content: 'the talks had failed', source: 'Paul Okafor' },
  { text: 'The company confirmed it had closed two factories.', content: 'it had closed two factories', source: 'The company' },
];

test('findQuotes finds content, cue and source in common attribution styles', () => {
  for (const c of attributionCases) {
    const { quotes, cut } = read(c.text);
    const q = quotes.find((x) => x.content.some((s) => cut(s) === c.content));
    assert.ok(q, `${c.text}: no quote with content "${c.content}"; got ${JSON.stringify(quotes.map((x) => x.content.map(cut)))}`);
    assert.equal(cut(q.source), c.source, c.text);
    if (c.cue) assert.equal(cut(q.cue), c.cue, c.text);
    if (c.kind) assert.equal(q.kind, c.kind, c.text);
  }
});

test('an attribution interrupting a quotation keeps both parts as content', () => {
  const { quotes, cut } = read('“The port is closed,” Maria Lind said. “Nobody can leave until the storm passes.”');
  const q = quotes.find((x) => cut(x.source) === 'Maria Lind');
  assert.ok(q, JSON.stringify(quotes));
  const joined = q.content.map(cut).join(' ');
  assert.match(joined, /The port is closed/);
});

test('a pronoun source resolves to the last named speaker, and a channel is kept apart', () => {
  const text =
    'Health Minister Jonas Arvid Holm visited the hospital on Monday.\n\n' +
    '“The situation is under control,” he told Reuters.';
  const { quotes, cut } = read(text);
  const q = quotes.find((x) => cut(x.source) === 'he');
  assert.ok(q, JSON.stringify(quotes.map((x) => [cut(x.source), x.content.map(cut)])));
  // The name run may carry its title ("Health Minister"): what matters is that it names the person.
  assert.match(cut(q.antecedent) ?? '', /Jonas Arvid Holm$/);
  assert.equal(cut(q.channel), 'Reuters');
});

test('scare quotes and titles without an attribution are not quotes', () => {
  for (const text of ['The so-called “peace plan” was published in March.', 'She starred in “The Long Night” in 2019.']) {
    assert.deepEqual(read(text).quotes, [], text);
  }
});
