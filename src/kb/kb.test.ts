import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capitalOf, countryOf, demonymToCountry, gazetteerPhrases, lookupActor, normaliseName } from './index.js';
import { isoDate, parseActorDictionary, parseCode } from './petrarch.js';

test('demonyms resolve to their country', () => {
  const table: [string, string | null][] = [
    ['Ukrainian', 'UKR'],
    ['Kyrgyz', 'KGZ'],
    ['kyrgyz', 'KGZ'],
    ['Polish', 'POL'],
    ['British', 'GBR'],
    ['Martian', null],
  ];
  for (const [word, code] of table) assert.equal(demonymToCountry(word)?.code ?? null, code, word);
});

test('countryOf reads names, aliases, codes, capitals and known actors', () => {
  const table: [string, string | null][] = [
    ['Turkey', 'TUR'],
    ['U.S.', 'USA'],
    ['US', 'USA'],
    ['UK', 'GBR'],
    ['Britain', 'GBR'],
    ['DEU', 'DEU'],
    ['Ankara', 'TUR'],
    ['Vladimir Putin', 'RUS'],
    ['Nowhere Land', null],
  ];
  for (const [name, code] of table) assert.equal(countryOf(name)?.code ?? null, code, name);
});

test('capitalOf', () => {
  assert.equal(capitalOf('Turkey'), 'Ankara');
  assert.equal(capitalOf('FRA'), 'Paris');
  assert.equal(capitalOf('Atlantis'), null);
});

test('lookupActor finds organisations, groups and leaders with codes', () => {
  const un = lookupActor('World Bank');
  assert.ok(un.length > 0 && un.some((a) => a.type === 'ORG' && a.codes.some(([c]) => c.startsWith('IGO'))), JSON.stringify(un));
  const putin = lookupActor('president putin');
  assert.ok(putin.some((a) => a.type === 'PERSON' && a.codes.some(([c, from]) => c === 'RUSGOV' && from !== null)));
  assert.deepEqual(lookupActor('zzz no such actor'), []);
});

test('gazetteer classes hold countries and actors', () => {
  const g = gazetteerPhrases();
  assert.ok(g.get('country')!.has('turkey'));
  assert.ok(g.get('demonym')!.has('ukrainian'));
  assert.ok(g.get('person')!.has('vladimir putin'));
});

test('PETRARCH dates and codes', () => {
  const dates: [string, string | null][] = [
    ['090120', '2009-01-20'],
    ['780101', '1978-01-01'],
    ['20070101', '2007-01-01'],
    ['2004017', null],
    ['991340', null],
  ];
  for (const [raw, iso] of dates) assert.equal(isoDate(raw), iso, raw);
  assert.deepEqual(parseCode('USAGOV 090120-170120'), { code: 'USAGOV', from: '2009-01-20', to: '2017-01-20' });
  assert.deepEqual(parseCode('IGOUNO >20070101'), { code: 'IGOUNO', from: '2007-01-01' });
  assert.deepEqual(parseCode('USAELI <000101'), { code: 'USAELI', to: '2000-01-01' });
  assert.equal(parseCode('lower case'), null);
});

test('PETRARCH dictionary: inline codes, aliases, code lines, code-less blocks', () => {
  const text = [
    '# a comment',
    'ALPHA_LAND_ [ALP]',
    '+ALPHAN_ ',
    'JOHN_DOE_  # note',
    '+MR_DOE',
    '\t[ALPGOV 090120-170120]',
    '\t[ALPELI >170120]',
    'CHIEF_OF_X',
    '+X_CHIEF',
    'CHIEF-OF-X',
    '\t[ALPMIL]',
    'ORPHAN_',
  ].join('\n');
  const entries = parseActorDictionary(text, 'test.txt');
  assert.deepEqual(
    entries.map((e) => [e.name, e.aliases, e.codes.map((c) => c.code)]),
    [
      ['ALPHA LAND', ['ALPHAN'], ['ALP']],
      ['JOHN DOE', ['MR DOE'], ['ALPGOV', 'ALPELI']],
      ['CHIEF OF X', ['X CHIEF'], ['ALPMIL']],
      ['CHIEF-OF-X', [], ['ALPMIL']],
    ],
  );
  assert.equal(entries[1].codes[0].to, '2017-01-20');
  assert.throws(() => parseActorDictionary('\t[ABC]\n', 'bad.txt'), /bad\.txt:1: a code line/);
});

test('normaliseName: the plain-ASCII shortcut gives what the full rule gives', () => {
  const full = (s: string): string => s.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
  const names = ['Acme Widget Co.', 'U.S.', 'O\u2019Brien', ' Lead  Space ', 'Tab\tSeparated', 'ＦＵＬＬ width', 'Ma\u00efa Dupont', 'x', '', 'A-B (C)', 'line\nbreak', 'trailing '];
  for (const n of names) assert.equal(normaliseName(n), full(n), JSON.stringify(n));
});
