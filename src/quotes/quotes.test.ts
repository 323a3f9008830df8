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
    // two apostrophes (or backticks) for a double mark, split by the tokeniser: one mark each
    ["''One,'' he said. ''Two.''", 2],
    ["``One,'' he said.", 1],
    ["The senators' ''deal'' fell apart.", 1],
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

test('a post-posed attribution the tagger gave no words reports the clause before it', () => {
  // A long clause, a body as source and a weekday after the cue: the shape the role tagger leaves empty.
  const text = 'Regional lenders will set aside more than 2 billion additional crowns for flood repairs in the valley, the Finance Ministry said Friday.';
  const { quotes, cut } = read(text);
  const q = quotes.find((x) => cut(x.source) === 'the Finance Ministry');
  assert.ok(q, JSON.stringify(quotes.map((x) => x.content.map(cut))));
  assert.match(q.content.map(cut).join(' '), /^Regional lenders will set aside .* in the valley$/);
});

test('a clause framing the main one, or an act that is no report, is not read as reported words', () => {
  for (const text of [
    'When the council cut funding for the ferry two years later, the mayor said nothing about the matter.',
    'The new terminal opened to travellers in the spring, the airport unveiled a plan for a second runway.',
  ]) {
    const { quotes, cut } = read(text);
    assert.ok(!quotes.some((q) => /^(?:When|The new terminal)/.test(cut(q.content[0]) ?? '')), `${text}: ${JSON.stringify(quotes.map((x) => x.content.map(cut)))}`);
  }
});

test('"she" after a clause points to the person named as its subject, not a name in object position', () => {
  const text = 'Mayor Ilse Varga is sending Harbour Patrol boats to the islands to help the clean-up, she announced Tuesday.';
  const { quotes, cut } = read(text);
  const q = quotes.find((x) => cut(x.source) === 'she');
  assert.ok(q, JSON.stringify(quotes.map((x) => [cut(x.source), x.content.map(cut)])));
  assert.match(cut(q.antecedent) ?? '', /Ilse Varga$/);
});

test('a plural description as source is a group: it takes no single person as antecedent', () => {
  const text = 'The case was brought under Governor Piet Lorenz.\n\nThe judges ruled that the appeal had come too late to be heard.';
  const { quotes, cut } = read(text);
  const q = quotes.find((x) => cut(x.source) === 'The judges');
  assert.ok(q, JSON.stringify(quotes.map((x) => [cut(x.source), x.content.map(cut)])));
  assert.equal(q.antecedent, null);
});

test('a quotation that is its own paragraph continues the quote of the paragraph before', () => {
  const text = '“The river has never been this high in my lifetime,” Mayor Ilse Varga said.\n\n“We will open the shelters tonight and keep them open.”';
  const { quotes, cut } = read(text);
  const next = quotes.find((x) => /shelters/.test(cut(x.content[0]) ?? ''));
  assert.ok(next, JSON.stringify(quotes.map((x) => x.content.map(cut))));
  assert.equal(next.cue, null);
  assert.equal(next.kind, 'direct');
  assert.equal(cut(next.source), 'Mayor Ilse Varga');
});

test('a quotation cut off at the end of the text has no speaker; a title-case heading is not a quotation', () => {
  const cutOff = read('The ferry stopped running on Monday.\n\n“The timetable was never meant to carry this many');
  const q = cutOff.quotes.find((x) => /timetable/.test(cutOff.cut(x.content[0]) ?? ''));
  assert.ok(q, JSON.stringify(cutOff.quotes));
  assert.equal(q.source, null);
  const heading = read('“The timetable is fine,” Ilse Varga said.\n\n“Ferries Are Not The Problem”');
  assert.ok(!heading.quotes.some((x) => /Ferries/.test(heading.cut(x.content[0]) ?? '')));
});

test('a quotation opening the sentence after an attribution with a time continues that speaker', () => {
  const text =
    'The valley is sending boats to help its neighbours.\n\n' +
    '“Tomorrow morning I’m officially announcing up to 50 rescue boats to the coast to help secure our towns,” Valley Governor Ilse Varga (L) tweeted on Monday. ' +
    '“The regional government has failed to keep the valley safe. We shouldn’t be making our own towns vulnerable by sending boats away.”\n\n' +
    'The boats will join others from two more valleys.';
  const { quotes, cut } = read(text);
  const next = quotes.find((x) => x.content.some((c) => /regional government/.test(cut(c) ?? '')));
  assert.ok(next, JSON.stringify(quotes.map((x) => x.content.map(cut))));
  assert.equal(cut(next.source), 'Valley Governor Ilse Varga (L)');
});

test('a person noun after a possessive ("his spokesman") stands on its own: the possessor is no antecedent', () => {
  const text = 'Former mayor Piet Lorenz closed his campaign website on Tuesday.\n\nThe page has been shut down for good, his spokesman said on Wednesday.';
  const { quotes, cut } = read(text);
  const q = quotes.find((x) => cut(x.source) === 'his spokesman');
  assert.ok(q, JSON.stringify(quotes.map((x) => [cut(x.source), x.content.map(cut)])));
  assert.equal(q.antecedent, null);
});

// PolNeAR's extents for shapes the role tagger gets wrong alone (src/quotes/index.ts, the rules after it).
test('an attribution set between commas splits one content in two fragments', () => {
  const text = 'The ferry service, the harbour master said, would resume on Friday once the wreck had been towed away.';
  const { quotes, cut } = read(text);
  const q = quotes.find((x) => cut(x.source) === 'the harbour master');
  assert.ok(q, JSON.stringify(quotes.map((x) => [cut(x.source), x.content.map(cut)])));
  assert.deepEqual(q.content.map(cut), ['The ferry service', 'would resume on Friday once the wreck had been towed away']);
});

test("a quotation in two-apostrophe marks is read whole, past a sentence end inside it", () => {
  const text = "''The vote was close. We will ask for a recount on Monday,'' the campaign manager said.";
  const { quotes, cut } = read(text);
  const q = quotes.find((x) => cut(x.source) === 'the campaign manager');
  assert.ok(q, JSON.stringify(quotes.map((x) => [cut(x.source), x.content.map(cut)])));
  assert.deepEqual(q.content.map(cut), ["''The vote was close. We will ask for a recount on Monday,''"]);
  assert.equal(q.kind, 'direct');
});

test('a quotation whose attribution the end of a lead cuts off ("“…,” Tornby...") is a quote with no source', () => {
  const text = 'The council acted on Friday.\n\n"The council has just banned boats from the north pier, so we can no longer film the regatta from the water," Tornby...';
  const quotes = findQuotes(buildDoc(plainArticle(text)));
  const q = quotes.find((x) => text.slice(x.content[0].start, x.content[0].end).startsWith('"The council has'));
  assert.ok(q, 'the quotation is a quote');
  assert.equal(q.source, null);
  assert.equal(q.method, 'rule:unattributed-quotation');
  // a complete attribution after it is read as usual
  const said = text.replace('Tornby...', 'Jane Roe said.');
  const r = findQuotes(buildDoc(plainArticle(said))).find((x) => said.slice(x.content[0].start, x.content[0].end).startsWith('"The council has'));
  assert.ok(r?.source && said.slice(r.source.start, r.source.end) === 'Jane Roe');
});

test('"X said in a statement:" ending its paragraph introduces the next paragraph as the statement', () => {
  const text = 'The wardens will meet on Thursday.\n\nPress secretary Jane Roe said in a statement Wednesday:\n\nSenior staff held a long meeting with the harbour wardens and agreed a plan for the piers. They will meet again.';
  const q = findQuotes(buildDoc(plainArticle(text))).find((x) => x.method.includes('colon-statement'));
  assert.ok(q, 'the statement is found');
  assert.equal(text.slice(q.content[0].start, q.content[0].end), 'Senior staff held a long meeting with the harbour wardens and agreed a plan for the piers. They will meet again.');
  assert.equal(text.slice(q.source!.start, q.source!.end), 'Press secretary Jane Roe');
  // "The governor added:" takes the colon into its cue
  const added = 'The plan failed.\n\nThe governor added:\n\nThe council should have mended the road long before the winter came.';
  const a = findQuotes(buildDoc(plainArticle(added))).find((x) => x.method.includes('colon-statement'));
  assert.ok(a && added.slice(a.cue!.start, a.cue!.end) === 'added:');
  // a colon inside the attribution's paragraph, with more after it, is no such statement
  const inline = 'The mayor said one thing: the bridge would stay shut for a month.';
  assert.ok(!findQuotes(buildDoc(plainArticle(inline))).some((x) => x.method.includes('colon-statement')));
});
