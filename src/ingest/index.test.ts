import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ingest, MAX_ARTICLE_BYTES } from './index.js';

const PAGE = `<!doctype html><html lang="en-GB"><head>
<meta charset="utf-8">
<title>Ferry timetable changes | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2031-04-02T08:30:00+02:00">
<meta name="author" content="Mara Quill">
<link rel="canonical" href="https://gazette.example/ferry">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry timetable changes</h1>
<p>The island ferry will run twice an hour from May, the operator said on Tuesday, after months of complaints from commuters about crowded morning sailings.</p>
<p>Extra crossings will be added at weekends, and the last boat will leave the mainland at midnight instead of ten o'clock in the evening.</p>
<blockquote>We listened to the people who use the service every day.</blockquote>
<ul><li>Fares stay the same.</li><li>Season tickets remain valid.</li></ul>
<p>Line one<br>line two</p>
</article>
<footer>Copyright footer text</footer>
</body></html>`;

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley Courier</title>
<item><title>Bridge reopens</title><link>https://courier.example/bridge</link><pubDate>Mon, 07 Apr 2031 09:15:00 GMT</pubDate>
<dc:creator>Ivo Brand</dc:creator><content:encoded><![CDATA[<p>The bridge reopened.</p><p>Traffic flowed again.</p>]]></content:encoded></item>
<item><title>Market day</title><link>https://courier.example/market</link><description>&lt;p&gt;Stalls returned to the square.&lt;/p&gt;</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Northern Ledger</title>
<entry><title>Dam inspection</title><link rel="alternate" href="https://ledger.example/dam"/><published>2031-05-01T12:00:00Z</published>
<author><name>Lena Ost</name></author><content type="html">&lt;p&gt;Engineers inspected the dam.&lt;/p&gt;</content></entry>
</feed>`;

const MARKDOWN = `---
title: "Council: budget passed"
outlet: Riverside Post
url: https://post.example/budget
published: 2031-03-15
byline: 'Ada O''Neill'
---
# Budget passed

The council passed the **budget** after a [long debate](https://post.example/debate).

It takes effect in June.
`;

interface Case {
  name: string;
  file: string;
  data: string | Buffer;
  check: (r: Awaited<ReturnType<typeof ingest>>) => void;
}

const cases: Case[] = [
  {
    name: 'plain text keeps the file text, CRLF normalised',
    file: 'a.txt',
    data: 'Title line\r\n\r\nFirst paragraph.\r\n',
    check: ({ articles }) => {
      assert.equal(articles[0].raw, 'Title line\n\nFirst paragraph.\n');
      assert.deepEqual(articles[0].meta, {});
      assert.equal(articles[0].source.format, 'text');
      assert.equal(articles[0].source.encodingMethod, 'utf-8');
    },
  },
  {
    name: 'Markdown front matter becomes metadata, Markdown syntax plain text',
    file: 'b.md',
    data: MARKDOWN,
    check: ({ articles }) => {
      const a = articles[0];
      assert.equal(a.meta.title?.value, 'Council: budget passed');
      assert.equal(a.meta.title?.method, 'frontmatter:title');
      assert.equal(a.meta.outlet?.value, 'Riverside Post');
      assert.equal(a.meta.byline?.value, "Ada O'Neill");
      assert.deepEqual(a.meta.published?.value, { value: '2031-03-15', known: ['year', 'month', 'day'] });
      assert.equal(a.raw, 'Budget passed\n\nThe council passed the budget after a long debate.\n\nIt takes effect in June.\n');
    },
  },
  {
    name: 'HTML: main text as paragraphs, page metadata',
    file: 'c.html',
    data: PAGE,
    check: ({ articles }) => {
      const a = articles[0];
      const paragraphs = a.raw.split('\n\n');
      assert.ok(paragraphs.some((p) => p.startsWith('The island ferry will run')));
      assert.ok(paragraphs.includes('We listened to the people who use the service every day.'));
      assert.ok(paragraphs.includes('Fares stay the same.') && paragraphs.includes('Season tickets remain valid.'));
      assert.ok(paragraphs.includes('Line one\nline two'));
      assert.ok(!a.raw.includes('Copyright footer'));
      assert.ok(!a.raw.includes('Home'));
      assert.equal(a.meta.outlet?.method, 'meta:og:site_name');
      assert.equal(a.meta.title?.value, 'Ferry timetable changes');
      assert.equal(a.meta.title?.method, 'html:title');
      assert.equal(a.meta.published?.value?.value, '2031-04-02T08:30:00+02:00');
      assert.equal(a.meta.published?.method, 'meta:article:published_time');
      assert.equal(a.meta.byline?.value, 'Mara Quill');
      assert.equal(a.meta.url?.value, 'https://gazette.example/ferry');
      assert.equal(a.meta.url?.method, 'html:link:canonical');
      assert.equal(a.meta.language?.value, 'en');
      assert.equal(a.meta.modified, undefined, 'absent stays absent');
      assert.equal(a.source.encodingMethod, 'meta');
    },
  },
  {
    name: 'gzipped HTML',
    file: 'd.html.gz',
    data: gzipSync(PAGE),
    check: ({ articles }) => assert.equal(articles[0].meta.outlet?.value, 'Harbour Gazette'),
  },
  {
    name: 'HTML in windows-1252 declared by http-equiv',
    file: 'e.htm',
    data: Buffer.from(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>Caf\xe9 owners \x93welcome\x94 the plan, which the town approved after a long debate on Tuesday evening.</p></body></html>',
      'latin1',
    ),
    check: ({ articles }) => {
      assert.ok(articles[0].raw.includes('Café owners “welcome” the plan'));
      assert.equal(articles[0].source.encoding, 'windows-1252');
      assert.equal(articles[0].source.encodingMethod, 'http-equiv');
    },
  },
  {
    name: 'UTF-16LE with BOM',
    file: 'f.txt',
    data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Grüße aus Köln.', 'utf16le')]),
    check: ({ articles }) => {
      assert.equal(articles[0].raw, 'Grüße aus Köln.');
      assert.equal(articles[0].source.encodingMethod, 'bom');
    },
  },
  {
    name: 'undeclared latin-1 text is detected',
    file: 'g.txt',
    data: Buffer.from('Le caf\xe9 de la gare a rouvert ses portes apr\xe8s des ann\xe9es de travaux, a annonc\xe9 la mairie.', 'latin1'),
    check: ({ articles }) => {
      assert.ok(articles[0].raw.includes('café de la gare'));
      assert.equal(articles[0].source.encodingMethod, 'detected');
    },
  },
  {
    name: 'JSON array: each record an article',
    file: 'h.json',
    data: JSON.stringify([
      { text: 'First story.', title: 'One', outlet: 'Alpha Wire', published: '2031-01-02T03:04:05Z' },
      { html: '<p>Second <i>story</i>.</p><p>More.</p>', url: 'https://beta.example/2', byline: 'Kim Vale' },
    ]),
    check: ({ articles, inputs }) => {
      assert.equal(inputs, 2);
      assert.equal(articles[0].meta.title?.method, 'json:title');
      assert.equal(articles[0].meta.published?.value?.value, '2031-01-02T03:04:05Z');
      assert.equal(articles[0].source.record, 0);
      assert.equal(articles[1].raw, 'Second story.\n\nMore.');
      assert.equal(articles[1].meta.byline?.value, 'Kim Vale');
    },
  },
  {
    name: 'JSONL: a malformed line is one error, the other lines are articles',
    file: 'i.jsonl',
    data: '{"text":"Alpha."}\n{"text": broken\n\n{"text":"Gamma.","title":"G"}\n',
    check: ({ articles, errors, inputs }) => {
      assert.deepEqual(articles.map((a) => a.raw), ['Alpha.', 'Gamma.']);
      assert.deepEqual(articles.map((a) => a.source.record), [0, 3]);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].record, 1);
      assert.match(errors[0].reason, /malformed JSON line/);
      assert.equal(inputs, 3);
    },
  },
  {
    name: 'JSONL record without text or html',
    file: 'j.jsonl',
    data: '{"title":"No body"}\n',
    check: ({ articles, errors }) => {
      assert.equal(articles.length, 0);
      assert.match(errors[0].reason, /no "text" or "html"/);
    },
  },
  {
    name: 'RSS 2.0: items with content:encoded or description, channel title as outlet',
    file: 'k.rss',
    data: RSS,
    check: ({ articles }) => {
      assert.equal(articles.length, 2);
      const [a, b] = articles;
      assert.equal(a.raw, 'The bridge reopened.\n\nTraffic flowed again.');
      assert.equal(a.meta.title?.value, 'Bridge reopens');
      assert.equal(a.meta.outlet?.value, 'Valley Courier');
      assert.equal(a.meta.url?.value, 'https://courier.example/bridge');
      assert.equal(a.meta.byline?.value, 'Ivo Brand');
      assert.equal(a.meta.published?.method, 'feed:pubDate');
      assert.equal(a.meta.published?.value?.value, '2031-04-07T09:15:00Z');
      assert.equal(a.source.format, 'rss');
      assert.equal(b.raw, 'Stalls returned to the square.');
      assert.equal(b.meta.published, undefined);
    },
  },
  {
    name: 'Atom feed sniffed from an .xml file',
    file: 'l.xml',
    data: ATOM,
    check: ({ articles }) => {
      const a = articles[0];
      assert.equal(a.source.format, 'atom');
      assert.equal(a.raw, 'Engineers inspected the dam.');
      assert.equal(a.meta.outlet?.value, 'Northern Ledger');
      assert.equal(a.meta.byline?.value, 'Lena Ost');
      assert.equal(a.meta.url?.value, 'https://ledger.example/dam');
      assert.equal(a.meta.published?.value?.value, '2031-05-01T12:00:00Z');
    },
  },
  {
    name: 'a file with no extension is sniffed (HTML)',
    file: 'page',
    data: PAGE,
    check: ({ articles }) => assert.equal(articles[0].source.format, 'html'),
  },
];

for (const c of cases) {
  test(`format: ${c.name}`, async () => {
    c.check(await ingest([{ path: c.file, data: c.data }], {}));
  });
}

/** Bad inputs: each gives exactly one error whose reason matches, and never stops the good file beside it. */
const badCases: { name: string; make: (dir: string) => string; reason: RegExp }[] = [
  { name: 'binary (NUL bytes)', make: (d) => write(d, 'bin.txt', Buffer.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x00, 0x43, 0x44, 0x00, 0x00, 0x01])), reason: /binary file \(NUL bytes\)/ },
  { name: 'binary (PNG magic)', make: (d) => write(d, 'img.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])), reason: /binary file \(a PNG image\)/ },
  { name: 'empty file', make: (d) => write(d, 'empty.txt', ''), reason: /^empty file$/ },
  { name: 'whitespace-only file', make: (d) => write(d, 'blank.md', '  \n\n '), reason: /empty|no article text/ },
  { name: 'truncated .gz', make: (d) => write(d, 'cut.html.gz', gzipSync(PAGE).subarray(0, 60)), reason: /truncated gzip/ },
  { name: 'invalid UTF-8 in a page declaring UTF-8', make: (d) => write(d, 'bad.html', Buffer.concat([Buffer.from('<meta charset="utf-8"><p>ok '), Buffer.from([0xc3, 0x28]), Buffer.from('</p>')])), reason: /invalid UTF-8 \(byte 0xc3 at offset \d+\) in a file that declares UTF-8/ },
  { name: 'invalid UTF-8 in an otherwise UTF-8 text', make: (d) => write(d, 'mixed.txt', Buffer.concat([Buffer.from('Zürich said '), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from(' more')])), reason: /invalid UTF-8 .* otherwise UTF-8/ },
  { name: 'invalid UTF-8 in JSON', make: (d) => write(d, 'bad.json', Buffer.concat([Buffer.from('{"text":"caf'), Buffer.from([0xe9]), Buffer.from('"}')])), reason: /invalid UTF-8 .* must be UTF-8/ },
  { name: 'a 50 MB single line', make: (d) => write(d, 'huge.txt', Buffer.alloc(50 * 1024 * 1024, 0x61)), reason: /too large \(50\.0 MB; limit 16 MB\)/ },
  { name: 'unreadable: a directory named like a file', make: (d) => { mkdirSync(join(d, 'x.txt')); return join(d, 'x.txt'); }, reason: /folder holds no files/ },
  { name: 'unreadable: dangling symlink', make: (d) => { symlinkSync(join(d, 'gone.txt'), join(d, 'link.txt')); return join(d, 'link.txt'); }, reason: /dangling symbolic link/ },
  { name: 'nonexistent path', make: (d) => join(d, 'nope.txt'), reason: /no such file or directory/ },
  { name: 'malformed JSON', make: (d) => write(d, 'm.json', '{"text": '), reason: /malformed JSON/ },
  { name: 'unclosed front matter', make: (d) => write(d, 'u.md', '---\ntitle: X\nBody text.\n'), reason: /never closed/ },
  { name: 'front matter that is not key: value', make: (d) => write(d, 'v.md', '---\ntitle X\n---\nBody.\n'), reason: /front matter line 2/ },
  { name: '.xml that is no feed', make: (d) => write(d, 'w.xml', '<?xml version="1.0"?><catalog/>'), reason: /neither an RSS nor an Atom feed/ },
];

function write(dir: string, name: string, data: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

for (const c of badCases) {
  test(`bad input: ${c.name}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-'));
    try {
      const bad = c.make(dir);
      const good = write(dir, 'good.txt', 'A good article.');
      const t0 = Date.now();
      const { articles, errors, inputs } = await ingest([bad, good], {});
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.equal(errors[0].path, bad);
      assert.match(errors[0].reason, c.reason);
      assert.deepEqual(articles.map((a) => a.source.path), [good]);
      assert.equal(inputs, 2);
      assert.ok(Date.now() - t0 < 5000, 'bad input is handled in bounded time');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('folders: recursive, hidden files and folders skipped, code-unit order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-'));
  try {
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, '.hidden'));
    write(dir, 'b.txt', 'B.');
    write(dir, 'A.txt', 'A.');
    write(dir, '.secret.txt', 'S.');
    write(join(dir, '.hidden'), 'h.txt', 'H.');
    write(join(dir, 'sub'), 'c.md', 'C.');
    const { articles, errors, inputs } = await ingest([dir], {});
    assert.deepEqual(errors, []);
    assert.deepEqual(articles.map((a) => a.raw), ['A.', 'B.', 'C.']);
    assert.equal(inputs, 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the per-article size limit is what the 50 MB case relies on', () => {
  assert.ok(MAX_ARTICLE_BYTES < 50 * 1024 * 1024);
});
