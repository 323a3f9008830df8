import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeAttr, escapeHtml, linkOrText, safeHttpUrl } from './escape.js';

test('escapeHtml turns every markup character into an entity', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"><iframe src=x>', '&quot;&gt;&lt;iframe src=x&gt;'],
    ["it's & that", 'it&#39;s &amp; that'],
    ['&amp; stays visible', '&amp;amp; stays visible'],
    ['«guillemets» and “curly”', '«guillemets» and “curly”'],
  ];
  for (const [input, expected] of cases) assert.equal(escapeHtml(input), expected, input);
});

test('escapeAttr escapes quotes and drops control characters', () => {
  assert.equal(escapeAttr('a"b\'c'), 'a&quot;b&#39;c');
  assert.equal(escapeAttr('x\u0000y\u001fz'), 'x y z');
  assert.equal(escapeAttr('line\nbreak'), 'line\nbreak');
});

test('safeHttpUrl keeps only absolute http(s) URLs', () => {
  const cases: [string | null, string | null][] = [
    ['https://example.org/a?b=1#c', 'https://example.org/a?b=1#c'],
    ['http://example.org', 'http://example.org/'],
    ['  https://example.org/x  ', 'https://example.org/x'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    [' javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['file:///etc/passwd', null],
    ['/relative/path', null],
    ['//example.org/protocol-relative', null],
    ['vbscript:msgbox', null],
    ['', null],
    [null, null],
    ['https://example.org/"><script>', 'https://example.org/%22%3E%3Cscript%3E'],
  ];
  for (const [input, expected] of cases) assert.equal(safeHttpUrl(input), expected, String(input));
});

test('linkOrText links http(s) and shows anything else as text', () => {
  assert.equal(
    linkOrText('https://example.org/x', 'source'),
    '<a href="https://example.org/x" rel="noopener noreferrer">source</a>',
  );
  assert.equal(linkOrText('javascript:alert("x")'), '<span class="url">javascript:alert(&quot;x&quot;)</span>');
  assert.doesNotMatch(linkOrText('https://example.org/?q="><b>'), /<b>|"><|href="[^"]*"[^ >]/);
});
