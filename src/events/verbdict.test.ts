import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseVerbDictionary, readVerbDictionary, regularForms } from './verbdict.js';
import { codeSentence } from './coder.js';
import { needsShared, sharedPath } from '../paths.js';

// A made-up dictionary in the PETRARCH format: a synonym set, blocks with and without a default code, listed
// irregular forms, a multi-word verb, XML and # comments.
const DICT = `<!-- a made-up verb dictionary
     over two lines -->
&FRUIT
+APPLES
+PEARS

--- SEND  [070]  ---
SEND {SENT SENDING SENDS}  # irregular forms listed
- * TROOPS [150]
- * &FRUIT [071]

--- DENY  [---] ---
DENY
- * ACCUSATION [131]

--- TALK [040] ---
+TALK_TO
`;

const FORMS: [form: string, code: string | null][] = [
  ['sent', '070'],
  ['sending', '070'],
  ['sends', '070'],
  ['deny', null],
  ['denies', null],
  ['denied', null],
  ['talk to', '040'],
  ['talked to', '040'],
];

test('parseVerbDictionary: forms and their default codes', async (t) => {
  const dict = parseVerbDictionary(DICT, 'made-up.txt');
  assert.equal(dict.blocks.length, 3);
  assert.equal(dict.maxFormWords, 2);
  for (const [form, code] of FORMS) {
    await t.test(form, () => {
      const entry = dict.forms.get(form);
      assert.ok(entry, `${form} is a form`);
      assert.equal(entry[1], code);
    });
  }
});

test('parseVerbDictionary: patterns with synonym sets expanded', () => {
  const dict = parseVerbDictionary(DICT, 'made-up.txt');
  const send = dict.blocks[dict.forms.get('sent')![0]];
  assert.equal(send.lemma, 'send');
  assert.deepEqual(
    send.patterns.map((p) => [p.post, p.code]),
    [
      [[[['troops']]], '150'],
      [[[['apples'], ['pears']]], '071'],
    ],
  );
});

test('parseVerbDictionary: a file with no verb blocks is refused, naming the file', () => {
  assert.throws(() => parseVerbDictionary('&FRUIT\n+APPLES\n', 'fruit.txt'), /fruit\.txt: no verb blocks/);
});

test('regularForms: doubled consonant, -e and -y stems', () => {
  assert.ok(regularForms('ban').includes('banned'));
  assert.ok(regularForms('free').includes('freed'));
  assert.ok(regularForms('deny').includes('denies'));
  assert.ok(regularForms('deny').includes('denied'));
});

test('a coder given its own verb dictionary codes with it', () => {
  const dict = parseVerbDictionary(DICT, 'made-up.txt');
  const events = codeSentence('Peru sent apples to Chile.', { verbs: dict }).events;
  assert.deepEqual(
    events.map((e) => [e.cameo, e.sources.map((a) => a.code), e.targets.map((a) => a.code)]),
    [['071', ['PER'], ['CHL']]],
  );
});

test('readVerbDictionary: the PETRARCH unit-test verbs', { skip: needsShared('eval', 'events', 'petrarch2', 'dictionaries_validate') }, () => {
  const file = join(sharedPath('eval', 'events', 'petrarch2', 'dictionaries_validate')!, 'PETR.Validate.verbs.txt');
  const dict = readVerbDictionary(file);
  assert.ok(dict.blocks.length > 100, `${dict.blocks.length} blocks`);
  assert.equal(dict.forms.get('abandoned')?.[1], '345');
  assert.throws(() => readVerbDictionary(file + '.missing'), /\.missing: cannot read the verb dictionary/);
});
