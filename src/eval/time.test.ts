import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimeml } from './timeml.js';
import { matchExtents, sameValue } from './time.js';

const DOC = `<?xml version="1.0" ?>
<TimeML><DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Stocks fell &amp; rose <TIMEX3 tid="t1" type="DATE" value="1998-01-07" functionInDocument="NONE">Wednesday</TIMEX3> after <TIMEX3 tid="t2" value="P1W" type="DURATION">a week</TIMEX3>.
</TEXT></TimeML>`;

test('parseTimeml: text without tags, entities decoded, offsets into it, creation time apart', () => {
  const doc = parseTimeml(DOC, 'x.tml');
  assert.equal(doc.creationTime, '1998-01-08');
  assert.deepEqual(
    doc.timexes.map((t) => [t.text, t.type, t.value, doc.text.slice(t.start, t.end)]),
    [
      ['Wednesday', 'DATE', '1998-01-07', 'Wednesday'],
      ['a week', 'DURATION', 'P1W', 'a week'],
    ],
  );
  assert.match(doc.text, /fell & rose/);
});

test('parseTimeml: a document without a creation time or a TEXT element is an error naming the file', () => {
  assert.throws(() => parseTimeml('<TEXT>x</TEXT>', 'bad.tml'), /bad\.tml: no TIMEX3 with functionInDocument="CREATION_TIME"/);
  assert.throws(() => parseTimeml(DOC.replace(/<\/?TEXT>/g, ''), 'bad.tml'), /bad\.tml: no <TEXT> element/);
});

test('matchExtents: exact pairs first, then overlaps, one to one', () => {
  const system = [{ start: 0, end: 5 }, { start: 10, end: 14 }, { start: 30, end: 33 }];
  const gold = [{ start: 0, end: 5 }, { start: 8, end: 12 }, { start: 20, end: 25 }];
  const { strict, pairs } = matchExtents(system, gold);
  assert.equal(strict, 1);
  assert.equal(pairs.length, 2);
});

test('sameValue: week numbers with or without a leading zero are the same', () => {
  assert.ok(sameValue('2000-W07', '2000-W7'));
  assert.ok(!sameValue('2000-W07', '2000-W17'));
  assert.ok(!sameValue(null, 'P1D'));
});
