/**
 * Attribution shapes that the PolNeAR-trained taggers leave half-read on unseen news, and the rules that finish
 * them (branch s24-quotes): a subject the role tagger gave no source, "they" and "the lawmakers" pointing back
 * to a group, a quotation resumed after the attribution's sentence, an opening prepositional phrase run into
 * the source, a participle's subject past a modifier, and an acronym that spells a pronoun. Made-up sentences.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../text/index.js';
import { plainArticle, type Quote } from '../model.js';
import { saidWhen, sourceKind } from './index.js';

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
  const text = 'Sen. Jane Roe (D-Ore.) on Thursday said she favors a smaller price tag for the spending bill.';
  assert.equal(find(text, 'she favors').source, 'Sen. Jane Roe');
});

test('"X is expected to ..." is no statement of X', () => {
  const text = 'The Republic of Ruritania is expected to commit to sending 100 million doses to poorer countries.';
  assert.equal(quotesOf(text).filter((q) => q.source.includes('Ruritania')).length, 0);
});

test('a quotation resumed after the attribution\'s sentence is a quote of its own, same speaker', () => {
  const text = '"We have never been a party of that kind," Jane Roe said. "We are willing to come from zero to ten."';
  const first = find(text, 'We have never');
  const second = find(text, 'We are willing');
  assert.equal(first.source, 'Jane Roe');
  assert.equal(second.source, 'Jane Roe');
  assert.equal(second.method, 'rule:continued-quotation');
  assert.ok(!first.content.includes('willing'));
});

test('an interposed attribution inside one sentence stays one quote', () => {
  const text = '"We have never been a party of that kind," she said, "and we are willing to come from zero to ten."';
  const qs = quotesOf(text).filter((q) => q.content.includes('never'));
  assert.equal(qs.length, 1);
  assert.ok(qs[0].content.includes('willing'));
});

test('"they" points back to the plural subject of its sentence, not a name said since', () => {
  const text = 'The senators will meet with Gov. John Doe on Thursday, although they said that his aides had already signed off on the plan.';
  assert.equal(find(text, 'that his aides').antecedent, 'The senators');
});

test('"they" after two senators named as one subject points back to that coordination', () => {
  const text = 'Sen. Jane Roe, D-Ore., and Sen. Ann Poe, R-Utah, wrote a letter on Monday about the Voting Act.\n\n"Protecting access to the vote has not been a partisan issue for years," they wrote.';
  assert.match(find(text, 'Protecting access').antecedent, /^Sen\. Jane Roe, D-Ore\., and Sen\. Ann Poe/);
});

test('one person described with "and" inside the title is no group', () => {
  const text = 'Former presidential and mayoral candidate Jane Roe is set to launch a party next month. The sources said the launch would come with the release of her book.';
  assert.notEqual(find(text, 'the launch would').antecedent, 'Former presidential and mayoral candidate Jane Roe');
});

test('"the lawmakers" points back to the group that was the subject just before', () => {
  const text = 'The Greens, led by Jane Roe and Ann Poe, wrote a letter to Police Chief John Doe on Monday. The lawmakers wrote that the report "shows that the police were constrained."';
  assert.equal(find(text, 'that the report').antecedent, 'The Greens');
});

test('an opening prepositional phrase is cut from the source it ran into', () => {
  const text = 'In a Tuesday letter to Director Chris Doe, Democratic senators accused the bureau of being "politically constrained by the governor," demanding answers on the tips.';
  for (const q of quotesOf(text)) assert.ok(!q.source.includes('Chris Doe'), q.source);
});

test('a participle after a comma takes the clause subject, past a modifier before the object', () => {
  const text = 'Sen. Jane Roe dealt a blow to fellow Greens and Gov. John Doe on Thursday, announcing she will not back a spending package that costs more than $1 trillion.';
  assert.equal(find(text, 'she will not back').source, 'Sen. Jane Roe');
});

test('sourceKind: a participle after a plural noun modifies it; an acronym is no pronoun', () => {
  const kind = (s: string) => sourceKind({ article: 'a', start: 0, end: s.length }, s);
  assert.equal(kind('Senators involved in the talks'), 'group');
  assert.equal(kind('Multiple senators leaving the evening session'), 'group');
  assert.equal(kind('WHO'), 'name');
  assert.equal(kind('they'), 'pronoun');
});

test('", WHO said" after a clause reports that clause (an acronym, not the relative pronoun)', () => {
  const text = 'An estimated 3 million new infections were reported in the past week, WHO said on Tuesday in a brief statement.';
  assert.equal(find(text, 'An estimated').source, 'WHO');
});

test('"according to current and former officials" is a described source ("and" joins two modifiers)', () => {
  const text = 'Secret assessments over the summer painted a grim picture of the prospect of a rebel takeover, according to current and former government officials.';
  assert.equal(find(text, 'Secret assessments').source, 'current and former government officials');
});

test('"told the paper" + a clause without "that" reports the clause; "told" + a bare object does not', () => {
  const clause = 'Rep. John Doe of Ruritania told the Daily Planet the administration ignored the bleak assessments from the army.';
  assert.equal(find(clause, 'the administration ignored').source, 'Rep. John Doe of Ruritania');
  const object = 'The agency told reporters the plan passed last year.';
  assert.equal(quotesOf(object).length, 0);
});

test('a relative "who" source is the noun phrase before its comma', () => {
  const text = 'The decision went against the advice of his top generals and many diplomats, who warned that a hasty withdrawal would undermine security in the region.';
  assert.equal(find(text, 'that a hasty').source, 'his top generals and many diplomats');
  const person = 'The mayor met Jane Roe, who said that the plan would fail within a year.';
  assert.equal(find(person, 'that the plan').source, 'Jane Roe');
});

test('"A joint statement from A, B and acting C said": the source is the statement, not its last signer', () => {
  const text = 'A joint statement from Harbour Agency (HA) Director Jane Roe, Surgeon General Ann Poe, and acting Port Authority Commissioner John Doe said people will need new permits starting eight months after they received their first one.';
  assert.match(find(text, 'people will need').source, /^A joint statement from Harbour Agency \(HA\) Director Jane Roe/);
  // a document from one body keeps the tagger's source
  const one = 'A statement from the agency said the bridge would stay shut for a month.';
  assert.equal(find(one, 'the bridge would').source, 'A statement from the agency');
});

test('a counted source keeps the word that makes the count approximate', () => {
  assert.equal(find('Food and water has been scarce, around 20 migrants told the Daily Planet.', 'Food and water').source, 'around 20 migrants');
  assert.equal(find('Food and water has been scarce for days, more than 20 migrants told the Daily Planet.', 'Food and water').source, 'more than 20 migrants');
  assert.equal(find('Food and water has been scarce for days, 20 migrants told the Daily Planet.', 'Food and water').source, '20 migrants');
});

test('"made clear that ..." reports speech; "made clear roads" does not', () => {
  assert.equal(find('Senator Jane Roe made clear Thursday that ten dollars was the price she was willing to pay.', 'that ten dollars').source, 'Senator Jane Roe');
  assert.equal(quotesOf('The storm made clear roads impassable for days.').length, 0);
});
