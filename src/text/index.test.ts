import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainArticle, type Doc } from '../model.js';
import { needsShared, sharedPath } from '../paths.js';
import { buildDoc, sentenceAt, sentenceText, splitParagraphs, tokenAt, tokenText } from './index.js';


function sentencesOf(text: string): string[] {
  const doc = buildDoc(plainArticle(text));
  return doc.sentences.map((_, i) => sentenceText(doc, i));
}

/** Everything the text layer promises about offsets, checked on one document. */
function assertLossless(doc: Doc, label: string): void {
  const { text } = doc.article;
  let previousEnd = 0;
  doc.tokens.forEach((token, i) => {
    assert.ok(token.start < token.end, `${label}: token ${i} is empty`);
    assert.ok(token.start >= previousEnd, `${label}: token ${i} overlaps the one before`);
    assert.equal(text.slice(previousEnd, token.start).trim(), '', `${label}: text lost before token ${i}`);
    assert.equal(tokenText(doc, i).trim(), tokenText(doc, i), `${label}: token ${i} holds whitespace`);
    previousEnd = token.end;
  });
  assert.equal(text.slice(previousEnd).trim(), '', `${label}: text lost after the last token`);
  let nextToken = 0;
  doc.sentences.forEach((s, i) => {
    assert.equal(s.tokenStart, nextToken, `${label}: sentence ${i} does not follow the one before`);
    assert.ok(s.tokenEnd > s.tokenStart, `${label}: sentence ${i} has no tokens`);
    assert.equal(s.start, doc.tokens[s.tokenStart].start, `${label}: sentence ${i} start`);
    assert.equal(s.end, doc.tokens[s.tokenEnd - 1].end, `${label}: sentence ${i} end`);
    const paragraph = doc.paragraphs[s.paragraph];
    assert.ok(paragraph.start <= s.start && s.end <= paragraph.end, `${label}: sentence ${i} leaves its paragraph`);
    assert.doesNotMatch(sentenceText(doc, i), /^[”’»]/, `${label}: sentence ${i} starts with a closing quote`);
    nextToken = s.tokenEnd;
  });
  assert.equal(nextToken, doc.tokens.length, `${label}: tokens outside every sentence`);
  for (const p of doc.paragraphs) assert.doesNotMatch(text.slice(p.start, p.end), /[\n\r]/, `${label}: paragraph spans a line break`);
}

const cases: [name: string, input: string, expected: string[]][] = [
  ['headline on its own line', 'Talks resume in Geneva\nDelegates met on Monday. They left.', [
    'Talks resume in Geneva', 'Delegates met on Monday.', 'They left.',
  ]],
  ['blank lines and trailing spaces', '  First line  \n\n\nSecond line.  \r\nThird', ['First line', 'Second line.', 'Third']],
  ['titles and initials', 'Mr. Smith met Sen. Jones and Gen. J. R. Brown. Dr. Lee was not there.', [
    'Mr. Smith met Sen. Jones and Gen. J. R. Brown.', 'Dr. Lee was not there.',
  ]],
  ['country acronyms mid-sentence and final', 'The U.S. Army and the U.N. agreed. He lives in the U.S. He works there.', [
    'The U.S. Army and the U.N. agreed.', 'He lives in the U.S.', 'He works there.',
  ]],
  ['company suffixes', 'Acme Inc. said profits rose. He joined Acme Inc. The firm grew.', [
    'Acme Inc. said profits rose.', 'He joined Acme Inc.', 'The firm grew.',
  ]],
  ['dates and numbered labels', 'It began on Jan. 5, 2017 at 3 p.m. local time. See No. 10 and Vol. 2. No. That is wrong.', [
    'It began on Jan. 5, 2017 at 3 p.m. local time.', 'See No. 10 and Vol. 2.', 'No.', 'That is wrong.',
  ]],
  ['periods wink splits off', 'Sgt. Pepper and Cmdr. Riker spoke. They left.', ['Sgt. Pepper and Cmdr. Riker spoke.', 'They left.']],
  ['decimal numbers', 'Prices rose 3.5 percent to $12.75. Growth was 0.2%.', ['Prices rose 3.5 percent to $12.75.', 'Growth was 0.2%.']],
  ['ellipses', 'He paused... Then he spoke. It went on … and on. Wait. . . What?', [
    'He paused...', 'Then he spoke.', 'It went on … and on.', 'Wait. . .', 'What?',
  ]],
  ['bracketed insertions', 'The talks [in Vienna] ended (AFP). Officials [said] nothing. (He left.) She stayed.', [
    'The talks [in Vienna] ended (AFP).', 'Officials [said] nothing.', '(He left.)', 'She stayed.',
  ]],
  ['quote spanning sentences, attribution tail stays', '“We will go. We will win,” he said. “Nothing else.”', [
    '“We will go.', 'We will win,” he said.', '“Nothing else.”',
  ]],
  ['question inside a quote with lowercase tail', '“Why now?” she asked. “Because.”', ['“Why now?” she asked.', '“Because.”']],
  ['question inside a quote with named tail', '“Why now?” Smith asked. Nobody knew.', ['“Why now?” Smith asked.', 'Nobody knew.']],
  ['a new sentence after a closed quote', '“We are ready.” Smith said on Monday the talks would go on in the spring.', [
    '“We are ready.”', 'Smith said on Monday the talks would go on in the spring.',
  ]],
  ['a quote after the sentence ends', 'He added: “The door is open.” He then left.', ['He added: “The door is open.”', 'He then left.']],
  ['straight double quotes', '"We never did. We never will," the minister said. "Never."', [
    '"We never did.', 'We never will," the minister said.', '"Never."',
  ]],
  ['single quotes', '‘It is over. Go home,’ she said. \'Really.\' He nodded.', [
    '‘It is over.', 'Go home,’ she said.', '\'Really.\'', 'He nodded.',
  ]],
  ['guillemets', '«Nous partons. Demain,» dit-il. « Oui. » Fin.', ['«Nous partons.', 'Demain,» dit-il.', '« Oui. »', 'Fin.']],
  ['exclamations and mixed marks', 'Stop! Who goes there?! Nobody.', ['Stop!', 'Who goes there?!', 'Nobody.']],
  ['a letter that is no initial', 'We chose Plan A. The rest failed. J. P. Morgan agreed.', [
    'We chose Plan A.', 'The rest failed.', 'J. P. Morgan agreed.',
  ]],
  ['capitals and a bracket after an abbreviation', 'ST. LOUIS stocks rose at 2 p.m. (0400 GMT) on Monday.', [
    'ST. LOUIS stocks rose at 2 p.m. (0400 GMT) on Monday.',
  ]],
  ['hyphenated acronym', 'The U.S.-led coalition struck. It was late.', ['The U.S.-led coalition struck.', 'It was late.']],
];

test('sentences: [input, expected sentences]', () => {
  for (const [name, input, expected] of cases) {
    assert.deepEqual(sentencesOf(input), expected, name);
    assertLossless(buildDoc(plainArticle(input)), name);
  }
});

test('paragraphs are lines, trimmed, without blank ones', () => {
  const text = 'Title\nBody one.\n\n  Body two. \u2028Four';
  assert.deepEqual(
    splitParagraphs(text).map((p) => text.slice(p.start, p.end)),
    ['Title', 'Body one.', 'Body two.', 'Four'],
  );
  assert.deepEqual(splitParagraphs(''), []);
  assert.deepEqual(splitParagraphs('\n \n\t\n'), []);
});

test('tokens carry offsets and Universal POS tags', () => {
  const doc = buildDoc(plainArticle('She can’t go to the U.S. on Jan. 5.'));
  assert.deepEqual(
    doc.tokens.map((_, i) => tokenText(doc, i)),
    ['She', 'ca', 'n’t', 'go', 'to', 'the', 'U.S.', 'on', 'Jan.', '5', '.'],
  );
  assert.equal(doc.tokens[0].pos, 'PRON');
  assert.equal(doc.tokens[3].pos, 'VERB');
  assert.equal(doc.tokens[10].pos, 'PUNCT');
});

test('odd characters stay lossless', () => {
  const inputs = [
    'x\u00a0y\tz\u200bw 😀 emoji, #tag @user http://example.com/a.b?c=1 mail@example.com',
    'Zero\u200b\u200bwidth and \ufeffBOM; tabs\t\tand  double  spaces.\r\nNext line',
    '\u200b\n\u200b',
    'Ünïcödé naïve café — “smart” ‘quotes’ … and ½ ³ fractions.',
  ];
  for (const input of inputs) assertLossless(buildDoc(plainArticle(input)), JSON.stringify(input));
});

test('accessors: sentenceAt and tokenAt find what holds an offset', () => {
  const text = 'One two. Three four.';
  const doc = buildDoc(plainArticle(text));
  assert.equal(sentenceAt(doc, 0), 0);
  assert.equal(sentenceAt(doc, text.indexOf('two')), 0);
  assert.equal(sentenceAt(doc, text.indexOf('Three')), 1);
  assert.equal(sentenceAt(doc, text.indexOf(' Three')), -1, 'whitespace between sentences');
  assert.equal(sentenceAt(doc, text.length), -1);
  assert.equal(tokenAt(doc, text.indexOf('four') + 2), 4);
  assert.throws(() => sentenceText(doc, 2), RangeError);
  assert.throws(() => tokenText(doc, -1), RangeError);
});

test('an empty text has no paragraphs, sentences or tokens', () => {
  const doc = buildDoc(plainArticle(''));
  assert.deepEqual([doc.paragraphs, doc.sentences, doc.tokens], [[], [], []]);
});

test('lossless over the seed articles', { skip: needsShared('seeds') }, () => {
  const dir = sharedPath('seeds')!;
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  assert.ok(files.length > 0, 'no seed articles');
  for (const file of files) {
    const doc = buildDoc(plainArticle(readFileSync(join(dir, file), 'utf8')));
    assert.ok(doc.sentences.length > 5, `${file}: too few sentences`);
    assertLossless(doc, file);
  }
});
