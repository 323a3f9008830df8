import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, toCsv, toJsonl } from './exports.js';

test('CSV cells are quoted as RFC 4180 says, and text a spreadsheet would run as a formula is defused', () => {
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(3), '3');
  assert.equal(csvCell(-2), '-2');
  assert.equal(csvCell(true), 'true');
  assert.equal(csvCell('plain words'), 'plain words');
  assert.equal(csvCell('a, b'), '"a, b"');
  assert.equal(csvCell('he said "no"'), '"he said ""no"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('=HYPERLINK("http://x.example")'), `"'=HYPERLINK(""http://x.example"")"`);
  for (const s of ['+1', '-1 point', '@sum', '\tx']) assert.ok(csvCell(s).replace(/^"/, '').startsWith("'"), s);
});

test('CSV has the header row and CRLF line ends; JSONL one object a line', () => {
  const rows = [{ a: 1, b: 'x' }, { a: null, b: 'y,z' }];
  assert.equal(toCsv(['a', 'b'], rows), 'a,b\r\n1,x\r\n,"y,z"\r\n');
  assert.equal(toCsv(['a', 'b'], []), 'a,b\r\n');
  assert.equal(toJsonl(rows), '{"a":1,"b":"x"}\n{"a":null,"b":"y,z"}\n');
  assert.equal(toJsonl([]), '');
});
