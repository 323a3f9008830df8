/**
 * Attribution shapes that the PolNeAR-trained taggers leave half-read on unseen news, and the rules that finish
 * them (branch s24-quotes): a subject the role tagger gave no source, "they" and "the lawmakers" pointing back
 * to a group, a quotation resumed after the attribution's sentence, an opening prepositional phrase run into
 * the source, a participle's subject past a modifier, and an acronym that spells a pronoun ("SHE"). Made-up sentences.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../text/index.js';
import { plainArticle, type Quote } from '../model.js';
import { approximateCount, saidWhen, sourceKind } from './index.js';

function quotesOf(text: string): { source: string; antecedent: string; content: string; method: string }[] {
  const said = saidWhen(buildDoc(plainArticle(text)));
  assert.ok(said, 'English text is attributed');
  const t = (s: Quote['source']) => (s ? text.slice(s.start, s.end) : '');
  return said.quotes.map((q) => ({ source: t(q.source), antecedent: t(q.antecedent), content: q.content.map((c) => text.slice(c.start, c.end)).join(' … '), method: q.method }));
}

function find(text: string, contentStart: string) {
  const q = quotesOf(text).find((x) => x.content.replace(/^["“]/, '').startsWith(contentStart));
  assert.ok(q, `a quote starting "${contentStart}" in: ${text}\n${JSON.stringify(quotesOf(text), null, 1)}`);
  return q;
}

test('a named subject before "said" with a party tag and a day between is the source', () => {
  const text = 'Sen. Jane Roe (D-Ore.) on Thursday said she favors a longer season for the harbour ferries.';
  assert.equal(find(text, 'she favors').source, 'Sen. Jane Roe');
});

test('"X is expected to ..." is no statement of X', () => {
  const text = 'The Republic of Ruritania is expected to agree to lend 40 ferries to its island provinces.';
  assert.equal(quotesOf(text).filter((q) => q.source.includes('Ruritania')).length, 0);
});

test('a quotation resumed after the attribution\'s sentence is a quote of its own, same speaker', () => {
  const text = '"Our choir has always sung in the old hall," Jane Roe said. "We will keep singing there until it is sold."';
  const first = find(text, 'Our choir has');
  const second = find(text, 'We will keep');
  assert.equal(first.source, 'Jane Roe');
  assert.equal(second.source, 'Jane Roe');
  assert.equal(second.method, 'rule:continued-quotation');
  assert.ok(!first.content.includes('keep singing'));
});

test('an interposed attribution inside one sentence stays one quote', () => {
  const text = '"Our choir has always sung in the old hall," she said, "and we will keep singing there until it is sold."';
  const qs = quotesOf(text).filter((q) => q.content.includes('old hall'));
  assert.equal(qs.length, 1);
  assert.ok(qs[0].content.includes('keep singing'));
});

test('"they" points back to the plural subject of its sentence, not a name said since', () => {
  const text = 'The rowers will meet with Coach John Doe on Sunday, although they said that his assistants had already approved the new schedule.';
  assert.equal(find(text, 'that his assistants').antecedent, 'The rowers');
});

test('"they" after two senators named as one subject points back to that coordination', () => {
  const text = 'Dr. Jane Roe, a botanist, and Dr. Ann Poe, a chemist, wrote a letter on Monday about the city park.\n\n"The oldest oaks in the park need care before the winter storms arrive," they wrote.';
  assert.match(find(text, 'The oldest oaks').antecedent, /^Dr\. Jane Roe, a botanist, and Dr\. Ann Poe/);
});

test('one person described with "and" inside the title is no group', () => {
  const text = 'Former regional and national champion Jane Roe is set to open a gym next month. The sources said the opening would come with the release of her training video.';
  assert.notEqual(find(text, 'the opening would').antecedent, 'Former regional and national champion Jane Roe');
});

test('"the members" points back to the group that was the subject just before', () => {
  const text = 'The Wardens, led by Jane Roe and Ann Poe, wrote a letter to Harbour Master John Doe on Monday. The members wrote that the survey "shows that the piers were neglected."';
  assert.equal(find(text, 'that the survey').antecedent, 'The Wardens');
});

test('an opening prepositional phrase is cut from the source it ran into', () => {
  const text = 'In a Tuesday letter to Director Chris Doe, Green senators accused the bureau of being "badly run by the governor," demanding answers on the delays.';
  for (const q of quotesOf(text)) assert.ok(!q.source.includes('Chris Doe'), q.source);
});

test('a participle after a comma takes the clause subject, past a modifier before the object', () => {
  const text = 'Councillor Jane Roe dealt a setback to fellow Wardens and Mayor John Doe on Friday, announcing she will not support a harbour wall that costs more than $4 million.';
  assert.equal(find(text, 'she will not support').source, 'Councillor Jane Roe');
});

test('sourceKind: a participle after a plural noun modifies it; an acronym is no pronoun', () => {
  const kind = (s: string) => sourceKind({ article: 'a', start: 0, end: s.length }, s);
  assert.equal(kind('Senators involved in the talks'), 'group');
  assert.equal(kind('Multiple senators leaving the evening session'), 'group');
  assert.equal(kind('SHE'), 'name');
  assert.equal(kind('they'), 'pronoun');
});

test('"according to current and former officials" is a described source ("and" joins two modifiers)', () => {
  const text = 'The old lighthouse will be repainted in bright red before the tourist season, according to current and former harbour officials.';
  assert.equal(find(text, 'The old lighthouse').source, 'current and former harbour officials');
});

test('"told the paper" + a clause without "that" reports the clause; "told" + a bare object does not', () => {
  const clause = 'Coach John Doe of Tornby told the Weekly Clarion the league ignored the many complaints from the players.';
  assert.equal(find(clause, 'the league ignored').source, 'Coach John Doe of Tornby');
  const object = 'The club told members the fee raised last year.';
  assert.equal(quotesOf(object).length, 0);
});

test('a relative "who" source is the noun phrase before its comma', () => {
  const text = 'The merger went against the advice of her senior engineers and many accountants, who warned that a rushed move would damage the old machines.';
  assert.equal(find(text, 'that a rushed').source, 'her senior engineers and many accountants');
  const person = 'The conductor met Jane Roe, who said that the concert hall would close within a year.';
  assert.equal(find(person, 'that the concert').source, 'Jane Roe');
});

test('"A joint statement from A, B and acting C said": the source is the statement, not its last signer', () => {
  const text = 'A joint statement from Harbour Agency (HA) Director Jane Roe, Chief Engineer Ann Poe, and acting Port Authority Commissioner John Doe said fishing boats must renew their berth licences every spring from next year.';
  assert.match(find(text, 'fishing boats must').source, /^A joint statement from Harbour Agency \(HA\) Director Jane Roe/);
  // a document from one body keeps the tagger's source
  const one = 'A statement from the club said the pool would stay closed for a month.';
  assert.equal(find(one, 'the pool would').source, 'A statement from the club');
});

test('a counted source keeps the word that makes the count approximate', () => {
  // the tagger sometimes starts the source at the number; the word before it belongs to the description
  const text = 'Bread and milk have been scarce for days, nearly 20 villagers told Reuters.';
  const from = (words: string): Quote => {
    const start = text.indexOf(words);
    return { kind: 'indirect', cue: null, content: [{ article: 'a', start: 0, end: 31 }], source: { article: 'a', start, end: start + words.length }, antecedent: null, speaker: null, channel: null, method: 'test', confidence: 0.7 };
  };
  const src = (q: Quote) => (q.source ? text.slice(q.source.start, q.source.end) : '');
  assert.equal(src(approximateCount(text, from('20 villagers'))), 'nearly 20 villagers');
  assert.equal(src(approximateCount(text, from('villagers'))), 'villagers');
  const plain = 'Bread and milk have been scarce for days, 20 villagers told Reuters.';
  const start = plain.indexOf('20 villagers');
  const q: Quote = { ...from('20 villagers'), source: { article: 'a', start, end: start + 12 } };
  assert.equal(approximateCount(plain, q).source?.start, start);
  // through the whole stage too
  assert.equal(find(text, 'Bread and milk').source, 'nearly 20 villagers');
});

test('"made clear that ..." reports speech; "made clear roads" does not', () => {
  assert.equal(find('Captain Jane Roe made clear Sunday that three wins was the target she was hoping to reach.', 'that three wins').source, 'Captain Jane Roe');
  assert.equal(quotesOf('The flood made clear paths muddy for days.').length, 0);
});
