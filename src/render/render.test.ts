/**
 * The three reports on a hand-built briefing that has the shape `analyze()` produces (real paragraph and
 * sentence offsets, removed chrome, stated/inferred/unknown dates, a failed input), plus hostile content.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Briefing, BriefingArticle, DateValue, Field, Removed } from '../model.js';
import { BRIEFING_SCHEMA_VERSION } from '../model.js';
import { packageRoot } from '../paths.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { escapeMarkdown, renderMarkdown } from './markdown.js';
import type { HtmlSection } from './sections.js';
import { HTML_SECTIONS } from './sections.js';

const HOSTILE = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"><a href="javascript:window.__pwned=3">x</a></script>"><iframe src="javascript:1"></iframe><svg onload="window.__pwned=4">`;

const str = (value: string | null, method = value === null ? 'none' : 'meta:test'): Field<string> =>
  value === null ? { value: null, method, confidence: 0 } : { value, method, confidence: 0.9 };
const day = (value: string | null, method: string): Field<DateValue> =>
  value === null ? { value: null, method, confidence: 0 } : { value: { value }, method, confidence: 0.9 };

/** Paragraphs split at blank lines, sentences at end punctuation: the offsets a text layer would give. */
function textLayer(text: string): Pick<BriefingArticle, 'paragraphs' | 'sentences'> {
  const paragraphs: BriefingArticle['paragraphs'] = [];
  const sentences: BriefingArticle['sentences'] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n[^\n]+)*/g)) {
    const start = m.index ?? 0;
    paragraphs.push({ start, end: start + m[0].length });
    for (const s of m[0].matchAll(/\S[^.!?]*(?:[.!?]+["”’»]?|$)/g)) {
      const sStart = start + (s.index ?? 0);
      sentences.push({ start: sStart, end: sStart + s[0].length, paragraph: paragraphs.length - 1 });
    }
  }
  return { paragraphs, sentences };
}

function makeArticle(
  id: string,
  text: string,
  meta: Partial<BriefingArticle['meta']>,
  removed: Removed[] = [],
  source: BriefingArticle['source'] = { path: `${id}.txt`, format: 'text' },
): BriefingArticle {
  return {
    id,
    source,
    meta: {
      title: str(null),
      outlet: str(null),
      url: str(null),
      published: day(null, 'none'),
      modified: day(null, 'none'),
      byline: str(null),
      dateline: str(null),
      language: str('en', 'detect:franc'),
      ...meta,
    },
    text,
    removed,
    notes: [],
    ...textLayer(text),
  };
}

function handBuiltBriefing(): Briefing {
  const a1 = makeArticle(
    'a1b2c3',
    'Dockworkers walked out on Monday. “Nobody wanted this,” the union leader said.\n\nThe authority called the offer fair! Talks may resume.',
    {
      title: str('Dockworkers walk out'),
      outlet: str('The Example Courier', 'meta:og:site_name'),
      url: str('https://news.example/walkout'),
      published: day('2024-10-14', 'meta:article:published_time'),
      byline: str('A. Reporter'),
    },
    [
      { text: 'Home | News | Sport', reason: 'navigation', rawStart: 0, rawEnd: 19 },
      { text: 'Sign up for our newsletter', reason: 'newsletter', rawStart: 20, rawEnd: 46 },
    ],
    { path: 'stories/walkout.html', format: 'html', encoding: 'utf-8', encodingMethod: 'meta' },
  );
  const a2 = makeArticle(
    'd4e5f6',
    'HARBOURTOWN — The strike entered its second day. Ships waited offshore.',
    {
      title: str('Strike enters second day'),
      outlet: str('Coast Daily'),
      published: day('2024-10-15', 'text:dateline'),
      dateline: str('HARBOURTOWN', 'text:dateline'),
    },
    [],
    { path: 'feed.xml', record: 1, format: 'rss' },
  );
  const hostile = makeArticle(
    'bad000',
    `Before. ${HOSTILE} After.\n\nSecond paragraph with * markdown _ marks [link](javascript:x) and # hash.`,
    {
      title: str(`Title ${HOSTILE}`),
      outlet: str(`Outlet ${HOSTILE}`),
      byline: str(`Byline ${HOSTILE}`),
      url: str('javascript:window.__pwned=5'),
      published: day(null, 'none'),
    },
    [{ text: `Removed ${HOSTILE}`, reason: `reason ${HOSTILE}`, rawStart: 0, rawEnd: 10 }],
    { path: `odd<name>.jsonl`, record: 0, format: 'jsonl' },
  );
  const articles = [a1, a2, hostile];
  return {
    schema: 'parallax/briefing',
    version: BRIEFING_SCHEMA_VERSION,
    story: {
      title: { value: 'Dockworkers walk out', method: 'first-article-title', confidence: 0.5 },
      outlets: ['The Example Courier', 'Coast Daily', `Outlet ${HOSTILE}`],
      dateRange: { from: '2024-10-14', to: '2024-10-15' },
    },
    articles,
    actors: [],
    errors: [{ path: `broken<script>.bin`, reason: `not text: ${HOSTILE}` }],
    stats: { inputs: 4, articles: 3, failed: 1 },
  };
}

function loadValidator() {
  const schema = JSON.parse(readFileSync(`${packageRoot}/schema/briefing.schema.json`, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  return { validate: ajv.compile(schema), schema };
}

test('JSON output validates against the briefing schema, whose version is the model’s', () => {
  const { validate, schema } = loadValidator();
  const props = schema.properties as { version: { const: string } };
  assert.equal(props.version.const, BRIEFING_SCHEMA_VERSION);
  const json = renderJson(handBuiltBriefing());
  assert.ok(json.endsWith('\n'));
  const ok = validate(JSON.parse(json));
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
});

test('the schema rejects briefings that break the contract', () => {
  const { validate } = loadValidator();
  const breakers: [string, (b: Briefing) => void][] = [
    ['wrong version', (b) => ((b as { version: string }).version = '9.9.9')],
    ['missing errors', (b) => delete (b as Partial<Briefing>).errors],
    ['negative offset', (b) => (b.articles[0].sentences[0].start = -1)],
    ['unknown source format', (b) => ((b.articles[0].source as { format: string }).format = 'pdf')],
    ['confidence above 1', (b) => (b.articles[0].meta.title.confidence = 2)],
    ['date that is not ISO', (b) => (b.articles[0].meta.published.value = { value: '14/10/2024' })],
    ['field without method', (b) => delete (b.articles[0].meta.outlet as Partial<Field<string>>).method],
    ['extra key in a span', (b) => (b.articles[0].meta.dateline.span = { article: 'x', start: 0, end: 1, x: 1 } as never)],
  ];
  for (const [name, breakIt] of breakers) {
    const b = JSON.parse(renderJson(handBuiltBriefing())) as Briefing;
    breakIt(b);
    assert.equal(validate(b), false, name);
  }
});

test('HTML: CSP comes first, nothing loads from outside, only hashed scripts', () => {
  const html = renderHtml(handBuiltBriefing());
  const head = html.slice(0, html.indexOf('</head>'));
  assert.match(head, /^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; script-src &#39;sha256-[A-Za-z0-9+/=]+&#39;; /);
  // Article text is escaped, so every `<` left in the page opens one of our own tags: check those.
  const tags = [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g)];
  const names = new Set(tags.map((t) => t[1].toLowerCase()));
  for (const banned of ['link', 'img', 'iframe', 'svg', 'object', 'embed', 'base', 'form', 'input', 'video', 'audio']) {
    assert.ok(!names.has(banned), `no <${banned}>`);
  }
  for (const [tag, , attrs] of tags) {
    assert.doesNotMatch(attrs, /\s(src|srcset|on[a-z]+|action|formaction|style)\s*=/i, tag);
  }
  // Every <script> is ours: exactly one, the print helper.
  assert.equal(html.match(/<script\b/gi)?.length, 1);
  assert.doesNotMatch(html, /href="javascript:/i);
});

test('HTML: landmarks, skip link, one h1 and a contents list of the sections present', () => {
  const html = renderHtml(handBuiltBriefing());
  for (const needle of ['<a class="skip" href="#main">', '<main id="main"', '<nav aria-labelledby="toc-title">', '<footer>', '<meta name="viewport"', '@media print']) {
    assert.ok(html.includes(needle), needle);
  }
  assert.equal(html.match(/<h1\b/g)?.length, 1);
  assert.match(html, /<li><a href="#articles">Articles<\/a><\/li><li><a href="#errors">Inputs that failed<\/a><\/li>/);
  const clean = { ...handBuiltBriefing(), errors: [], stats: { inputs: 3, articles: 3, failed: 0 } };
  assert.doesNotMatch(renderHtml(clean), /href="#errors"|id="errors"/);
});

test('HTML: each sentence is a span with its anchor id, and the spans give back the text', () => {
  const b = handBuiltBriefing();
  const html = renderHtml(b);
  for (const a of b.articles) {
    a.sentences.forEach((s, i) => {
      const m = html.match(new RegExp(`<span class="s" id="a-${a.id}-s${i}">([^<]*)</span>`));
      assert.ok(m, `sentence ${i} of ${a.id}`);
      const unescaped = m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      assert.equal(unescaped, a.text.slice(s.start, s.end));
    });
  }
  assert.equal(html.match(/<article id="a-a1b2c3"/g)?.length, 1);
  assert.equal((html.match(/<article id="a-a1b2c3"[\s\S]*?<\/article>/)?.[0].match(/<p>/g) ?? []).length, 2);
});

test('HTML: publication dates say stated, inferred or unknown, and removed chrome is listed with reasons', () => {
  const html = renderHtml(handBuiltBriefing());
  const articleHtml = (id: string) => html.match(new RegExp(`<article id="a-${id}"[\\s\\S]*?</article>`))?.[0] ?? '';
  assert.match(articleHtml('a1b2c3'), /<time datetime="2024-10-14">2024-10-14<\/time> <span class="badge badge-stated"/);
  assert.match(articleHtml('d4e5f6'), /badge-inferred/);
  assert.match(articleHtml('bad000'), /<dt>Published<\/dt><dd><span class="badge badge-unknown"[^>]*>unknown<\/span> <span class="method"/);
  assert.match(articleHtml('a1b2c3'), /<details class="removed"><summary>Removed 2 pieces of page chrome \(45 characters: navigation 1, newsletter 1\)<\/summary>/);
  assert.match(articleHtml('a1b2c3'), /<span class="reason">newsletter<\/span> <q>Sign up for our newsletter<\/q>/);
  assert.match(articleHtml('d4e5f6'), /No page chrome was removed/);
  assert.match(articleHtml('a1b2c3'), /<a href="https:\/\/news.example\/walkout" rel="noopener noreferrer">/);
  assert.match(articleHtml('d4e5f6'), /<code>feed.xml #2 \(rss\)<\/code>/);
});

test('HTML: hostile article content is shown as escaped text everywhere', () => {
  const html = renderHtml(handBuiltBriefing());
  const escaped = HOSTILE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  // title (in <title>, <h3>, list), outlet, byline, text, removed piece, reason, error: all escaped
  assert.ok((html.split(escaped).length - 1) >= 8, 'hostile string shown escaped in every place it came in');
  assert.ok(html.includes('<span class="url">javascript:window.__pwned=5</span>'));
  assert.ok(html.includes('odd&lt;name&gt;.jsonl'));
  assert.doesNotMatch(html, /<script>window|<img |<svg |<iframe /);
});

test('HTML: a section plugs in by being added to the registry, with its script hashed into the CSP', () => {
  const script = 'document.documentElement.dataset.extra = "1";';
  const extra: HtmlSection = {
    id: 'quotes',
    title: 'Who said what',
    render: (b) => `<p>${b.articles.length} articles</p>`,
    script,
  };
  const absent: HtmlSection = { id: 'timeline', title: 'Timeline', render: () => null };
  const html = renderHtml(handBuiltBriefing(), [extra, absent, ...HTML_SECTIONS]);
  assert.match(html, /<li><a href="#quotes">Who said what<\/a><\/li><li><a href="#articles">/);
  assert.match(html, /<section id="quotes" aria-labelledby="quotes-title"><h2 id="quotes-title">Who said what<\/h2>\n<p>3 articles<\/p>/);
  assert.doesNotMatch(html, /timeline/i);
  const csp = html.match(/content="(default-src[^"]*)"/)?.[1] ?? '';
  assert.equal(csp.match(/&#39;sha256-/g)?.length, 2);
  assert.ok(html.includes(`<script>${script}</script>`));
});

test('Markdown: header, articles with provenance, removed chrome, errors; article text cannot become markup', () => {
  const md = renderMarkdown(handBuiltBriefing());
  assert.match(md, /^# Dockworkers walk out\n\n- Outlets: The Example Courier, Coast Daily, Outlet /);
  assert.match(md, /- Published: 2024-10-14 – 2024-10-15/);
  assert.match(md, /- Published: 2024-10-14 \(stated, `meta:article:published_time`\)/);
  assert.match(md, /- Published: 2024-10-15 \(inferred, `text:dateline`\)/);
  assert.match(md, /- Page chrome removed: 2 pieces, 45 characters \(navigation 1, newsletter 1\)/);
  assert.match(md, /- URL: \[https:\/\/news.example\/walkout\]\(<https:\/\/news.example\/walkout>\)/);
  assert.match(md, /- URL: javascript:window\.\\_\\_pwned=5\n/);
  assert.match(md, /## Inputs that failed\n\n- broken&lt;script&gt;.bin: not text: /);
  assert.doesNotMatch(md, /<script|<img|<svg|<iframe|[^\\]\]\(javascript/i);
  assert.match(md, /with \\\* markdown \\_ marks \\\[link\\\]\(javascript:x\) and # hash\./);
  // every paragraph's words survive
  assert.ok(md.includes('The authority called the offer fair! Talks may resume.'));
  assert.equal(escapeMarkdown('# not a heading'), '\\# not a heading');
  assert.equal(escapeMarkdown('1. not a list'), '1\\. not a list');
  assert.equal(escapeMarkdown('- not a list'), '\\- not a list');
});
