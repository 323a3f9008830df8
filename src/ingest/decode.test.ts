import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declaredCharset, decodeBytes } from './decode.js';

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

const cases: [string, Buffer, 'html' | 'xml' | 'none', { text: string; encoding: string; method: string }][] = [
  ['UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ça')]), 'none', { text: 'ça', encoding: 'utf-8', method: 'bom' }],
  ['UTF-16BE BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('ça', 'utf16le').swap16()]), 'none', { text: 'ça', encoding: 'utf-16be', method: 'bom' }],
  ['UTF-16LE without BOM', Buffer.from('plain words here', 'utf16le'), 'none', { text: 'plain words here', encoding: 'utf-16le', method: 'detected' }],
  ['meta charset', latin1('<meta charset="iso-8859-1"><p>\xe9t\xe9</p>'), 'html', { text: '<meta charset="iso-8859-1"><p>été</p>', encoding: 'windows-1252', method: 'meta' }],
  ['windows-1252 curly quotes', latin1('<meta charset=windows-1252>\x93q\x94 \x96 \x80'), 'html', { text: '<meta charset=windows-1252>“q” – €', encoding: 'windows-1252', method: 'meta' }],
  ['XML declaration', latin1('<?xml version="1.0" encoding="ISO-8859-15"?><a>\xa4</a>'), 'xml', { text: '<?xml version="1.0" encoding="ISO-8859-15"?><a>€</a>', encoding: 'iso-8859-15', method: 'xml-declaration' }],
  ['strict UTF-8', Buffer.from('naïve'), 'none', { text: 'naïve', encoding: 'utf-8', method: 'utf-8' }],
  ['meta ignored for plain text', latin1('<meta charset="koi8-r"> ok'), 'none', { text: '<meta charset="koi8-r"> ok', encoding: 'utf-8', method: 'utf-8' }],
];

for (const [name, bytes, kind, want] of cases) {
  test(`decodeBytes: ${name}`, () => {
    const d = decodeBytes(bytes, kind);
    assert.deepEqual({ text: d.text, encoding: d.encoding, method: d.encodingMethod }, want);
  });
}

const failures: [string, Buffer, RegExp][] = [
  ['empty', Buffer.alloc(0), /: empty file$/],
  ['PDF', latin1('%PDF-1.7 ...'), /a PDF document/],
  ['NUL bytes', Buffer.from([0x61, 0x00, 0x00, 0x62, 0x63, 0x00, 0x64]), /NUL bytes/],
  ['declared UTF-8, invalid', Buffer.concat([Buffer.from('<meta charset="utf-8">'), Buffer.from([0xe2, 0x28, 0xa1])]), /invalid UTF-8 \(byte 0xe2 at offset 22\) in a file that declares UTF-8 \(meta\)/],
];

for (const [name, bytes, reason] of failures) {
  test(`decodeBytes rejects: ${name}`, () => {
    assert.throws(() => decodeBytes(bytes, 'html'), reason);
  });
}

test('declaredCharset: http-equiv is told apart from meta charset', () => {
  assert.deepEqual(declaredCharset(latin1('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'), 'html'), { label: 'Shift_JIS', method: 'http-equiv' });
  assert.equal(declaredCharset(latin1('<p>no declaration</p>'), 'html'), null);
});
