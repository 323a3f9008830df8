import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml, fragmentParagraphs, stripSiteSuffix } from './html.js';

const fragments: [string, string[]][] = [
  ['<p>One <b>bold</b>\n  word</p><p>Two</p>', ['One bold word', 'Two']],
  ['<h2>Head</h2><p>a<br>b</p>', ['Head', 'a\nb']],
  ['<ul><li>x</li><li>y</li></ul>', ['x', 'y']],
  ['<blockquote><p>q1</p><p>q2</p></blockquote>', ['q1', 'q2']],
  ['<pre>line 1\n  indented</pre>', ['line 1\n  indented']],
  ['text one<br><br>text two', ['text one', 'text two']],
  ['<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>', ['a b', 'c']],
  ['<p>kept</p><script>var x = 1;</script><style>p{}</style>', ['kept']],
  ['<p>&lt;b&gt; &amp; &quot;</p>', ['<b> & "']],
];

for (const [html, want] of fragments) {
  test(`fragmentParagraphs(${JSON.stringify(html)})`, () => assert.deepEqual(fragmentParagraphs(html), want));
}

const titles: [string, string | null, string | null, string][] = [
  ['Storm hits coast | Coast News', 'Coast News', null, 'Storm hits coast'],
  ['Coast News - Storm hits coast', 'Coast News', null, 'Storm hits coast'],
  ['Storm hits coast – coastnews.example', null, 'https://www.coastnews.example/a', 'Storm hits coast'],
  ['Mayor: the storm is over', 'Coast News', null, 'Mayor: the storm is over'],
  ['Storm hits coast | Weather', 'Coast News', null, 'Storm hits coast | Weather'],
];

for (const [title, site, url, want] of titles) {
  test(`stripSiteSuffix(${JSON.stringify(title)})`, () => assert.equal(stripSiteSuffix(title, site, url), want));
}

test('extractHtml: JSON-LD metadata (with @graph and @id references) when meta tags are missing', () => {
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'Organization', '@id': '#org', name: 'Lakeside Journal' },
      { '@type': 'NewsArticle', headline: 'Pier repaired', datePublished: '2031-06-01T09:00:00Z', dateModified: '2031-06-02', author: [{ '@type': 'Person', name: 'Rui Sol' }, { name: 'Ana Pe' }], publisher: { '@id': '#org' } },
    ],
  };
  const body = '<p>' + 'The old pier was repaired over the winter by a local crew of carpenters. '.repeat(6) + '</p>';
  const page = extractHtml(`<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script><script type="application/ld+json">{broken</script></head><body><article>${body}</article></body></html>`);
  assert.equal(page.meta.title?.method, 'jsonld:headline');
  assert.equal(page.meta.outlet?.value, 'Lakeside Journal');
  assert.equal(page.meta.outlet?.method, 'jsonld:publisher');
  assert.equal(page.meta.byline?.value, 'Rui Sol, Ana Pe');
  assert.equal(page.meta.published?.method, 'jsonld:datePublished');
  assert.equal(page.meta.modified?.value?.value, '2031-06-02');
  assert.equal(page.meta.url, undefined);
});

test('extractHtml: <time datetime> in the article; no metadata invented', () => {
  const page = extractHtml('<html><body><article><time datetime="2031-07-04">4 July</time><p>Short piece.</p></article></body></html>');
  assert.equal(page.meta.published?.method, 'html:time');
  assert.equal(page.meta.published?.value?.value, '2031-07-04');
  assert.equal(page.meta.outlet, undefined);
  assert.equal(page.meta.byline, undefined);
  assert.deepEqual(page.paragraphs.filter((p) => p === 'Short piece.'), ['Short piece.']);
});

test('extractHtml: a page without <body> (which linkedom does not infer) still has its text and lang', () => {
  const page = extractHtml('<html lang="fr"><head><title>Titre</title></head><p>Le texte du bulletin.</p><p>Suite.</p></html>');
  assert.deepEqual(page.paragraphs, ['Le texte du bulletin.', 'Suite.']);
  assert.equal(page.meta.language?.value, 'fr');
  assert.equal(page.meta.title?.value, 'Titre');
});

test('extractHtml: falls back to the body when readability keeps far less prose than the page has', () => {
  const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the story tells what the harbour board decided about the new quay and why it matters to the town.</p>`).join('');
  const page = extractHtml(`<html><body><div class="sidebar"><p>${'Side note. '.repeat(60)}</p></div><div>${story}</div><footer>Footer links</footer></body></html>`);
  assert.ok(page.paragraphs.filter((p) => p.startsWith('Paragraph')).length === 6, JSON.stringify(page));
  assert.ok(!page.paragraphs.includes('Footer links'));
});

test('extractHtml: markup before the doctype does not hide the body', () => {
  const page = extractHtml('<style>p{}</style>\n<!DOCTYPE html><head><title>T</title></head><body class="x"><article><p>The body text is here.</p></article></body>');
  assert.deepEqual(page.paragraphs, ['The body text is here.']);
});
