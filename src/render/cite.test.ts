/**
 * Citation chips and the marks in the articles section, on a hand-built fictional briefing: where chips link,
 * what their tooltip says, that article text in them cannot become markup, and that marks never cross a
 * sentence's anchor nor change the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Briefing, BriefingArticle, Field, Quote, Span } from '../model.js';
import { BRIEFING_SCHEMA_VERSION } from '../model.js';
import { articleNumber, citeChip, citeChips } from './cite.js';
import { highlightsByArticle, renderArticlesSection } from './sections/articles.js';

const none = <T>(): Field<T> => ({ value: null, method: 'none', confidence: 0 });
const HOSTILE = `<script>window.__pwned=1</script><img src=x onerror="x()">`;

/** One paragraph per line, sentences at ". ": enough text layer for anchors. */
function article(id: string, outlet: string | null, text: string): BriefingArticle {
  const paragraphs: BriefingArticle['paragraphs'] = [];
  const sentences: BriefingArticle['sentences'] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    paragraphs.push({ start: at, end: at + line.length });
    for (const m of line.matchAll(/[^.]+\.?/g)) {
      const lead = m[0].length - m[0].trimStart().length;
      const start = at + (m.index ?? 0) + lead;
      sentences.push({ start, end: at + (m.index ?? 0) + m[0].length, paragraph: paragraphs.length - 1 });
    }
    at += line.length + 1;
  }
  return {
    id,
    source: { path: `${id}.txt`, format: 'text' },
    meta: {
      title: none(), outlet: outlet === null ? none() : { value: outlet, method: 'meta:test', confidence: 1 },
      url: none(), published: none(), modified: none(), byline: none(), dateline: none(),
      language: { value: 'en', method: 'detect:test', confidence: 1 },
    },
    text,
    removed: [],
    paragraphs,
    sentences,
    notes: [],
  };
}

const TEXT_1 = 'The ferry union struck on Monday. Its leader Ana Perel said the offer was "an insult to crews".';
const TEXT_2 = `Officials met. The statement quoted ${HOSTILE} as written.`;
const at = (text: string, words: string, id: string): Span => ({ article: id, start: text.indexOf(words), end: text.indexOf(words) + words.length });

function briefing(): Briefing {
  const a1 = article('f1', 'The Gull Gazette', TEXT_1);
  const a2 = article('f2', `Outlet ${HOSTILE}`, TEXT_2);
  const quote: Quote = {
    kind: 'mixed', cue: at(TEXT_1, 'said', 'f1'), content: [at(TEXT_1, 'the offer was "an insult to crews"', 'f1')],
    source: at(TEXT_1, 'Ana Perel', 'f1'), antecedent: null, speaker: 'ana-perel', channel: null, method: 'test', confidence: 1,
  };
  a1.quotes = [quote];
  a1.times = [{ span: at(TEXT_1, 'on Monday', 'f1'), text: 'on Monday', type: 'DATE', value: '2030-05-06', known: ['weekday'], implied: ['year', 'month', 'day'], anchor: '2030-05-08', method: 'test', confidence: 1 }];
  return {
    schema: 'parallax/briefing',
    version: BRIEFING_SCHEMA_VERSION,
    story: { title: none(), outlets: [], dateRange: null },
    articles: [a1, a2],
    actors: [
      {
        id: 'ana-perel', name: 'Ana Perel', type: 'PERSON', role: none(), country: none(), organisation: none(), codes: [], method: 'test', confidence: 1,
        // "Its leader Ana Perel": the nominal overlaps the name, as a linker's spans may
        aliases: [
          { span: at(TEXT_1, 'Ana Perel', 'f1'), text: 'Ana Perel', kind: 'name', method: 'test', confidence: 1 },
          { span: at(TEXT_1, 'Its leader Ana', 'f1'), text: 'Its leader Ana', kind: 'nominal', method: 'test', confidence: 1 },
        ],
      },
    ],
    errors: [],
    stats: { inputs: 2, articles: 2, failed: 0 },
  };
}

test('citeChip: where a chip links, its label and its tooltip', () => {
  const b = briefing();
  const cases: [string, Parameters<typeof citeChip>[1], string | undefined, { href: string | null; label: string; tip: string | null }][] = [
    ['span in sentence 1', at(TEXT_1, 'Ana Perel', 'f1'), undefined, { href: '#a-f1-s1', label: '[1]', tip: 'Its leader Ana Perel said the offer was &quot;an insult to crews&quot;.' }],
    ['sentence by index', { article: 'f1', sentence: 0 }, undefined, { href: '#a-f1-s0', label: '[1]', tip: 'The ferry union struck on Monday.' }],
    ['own label', at(TEXT_2, 'Officials', 'f2'), 'Officials', { href: '#a-f2-s0', label: 'Officials', tip: 'Officials met.' }],
    ['span between sentences cites the article', { article: 'f1', start: 33, end: 34 }, undefined, { href: '#a-f1', label: '[1]', tip: null }],
    ['sentence out of range cites the article', { article: 'f1', sentence: 9 }, undefined, { href: '#a-f1', label: '[1]', tip: null }],
    ['unknown article: visible, not linked', { article: 'zz', start: 0, end: 3 }, undefined, { href: null, label: '[?]', tip: null }],
  ];
  for (const [name, target, label, want] of cases) {
    const html = citeChip(b, target, label);
    const href = /href="([^"]*)"/.exec(html)?.[1] ?? null;
    assert.equal(href, want.href, name);
    assert.equal(/<span class="cite-label">([^<]*)<\/span>/.exec(html)?.[1] ?? /class="cite cite-missing"[^>]*>([^<]*)</.exec(html)?.[1], want.label, name);
    if (want.tip !== null) assert.ok(html.includes(`<q>${want.tip}</q>`), `${name}: ${html}`);
    if (want.href !== null) assert.ok(html.includes('role="tooltip"'), name);
  }
  assert.equal(articleNumber(b, 'f2'), 2);
  assert.equal(articleNumber(b, 'nope'), null);
});

test('citeChip: article text, outlet and label reach the page escaped', () => {
  const b = briefing();
  const html = citeChip(b, at(TEXT_2, 'The statement', 'f2'), `<b>label</b>`, { note: '<i>note</i>' });
  assert.ok(!/<script|<img|<b>|<i>/.test(html), html);
  assert.ok(html.includes('&lt;script&gt;window.__pwned=1&lt;/script&gt;'));
  assert.ok(html.includes('Outlet &lt;script&gt;'));
});

test('citeChips: one chip per distinct sentence, in order', () => {
  const b = briefing();
  const html = citeChips(b, [at(TEXT_1, 'said', 'f1'), at(TEXT_1, 'Ana', 'f1'), { article: 'f2', sentence: 0 }, at(TEXT_1, 'ferry', 'f1')]);
  assert.deepEqual([...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]), ['a-f1-s1', 'a-f2-s0', 'a-f1-s0']);
  assert.equal(citeChips(b, []), '');
});

test('highlightsByArticle: quotes, actors and times, by kind; spans outside the text dropped', () => {
  const b = briefing();
  b.articles[1].times = [{ ...b.articles[0].times![0], span: { article: 'f2', start: 5, end: 999 } }];
  const kinds = (id: string) => (highlightsByArticle(b).get(id) ?? []).map((h) => `${h.kind}:${b.articles.find((a) => a.id === id)!.text.slice(h.start, h.end)}`).sort();
  assert.deepEqual(kinds('f1'), [
    'actor:Ana Perel', 'actor:Its leader Ana', 'cue:said', 'said:the offer was "an insult to crews"', 'source:Ana Perel', 'time:on Monday',
  ]);
  assert.deepEqual(kinds('f2'), []);
});

test('the articles section: marks inside sentences, anchors whole, text unchanged, legend counts', () => {
  const b = briefing();
  const html = renderArticlesSection(b) ?? '';
  const a1 = /<article id="a-f1"[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
  // every sentence anchor holds exactly its sentence once tags are stripped and entities decoded
  const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  b.articles[0].sentences.forEach((s, i) => {
    const span = new RegExp(`<span class="s" id="a-f1-s${i}">([\\s\\S]*?)</span>(?=<span class="s"|</p>| )`).exec(a1)?.[1];
    assert.equal(decode(span ?? ''), TEXT_1.slice(s.start, s.end), `sentence ${i}`);
  });
  assert.equal(decode(/<div class="text"[^>]*>([\s\S]*?)<\/div>/.exec(a1)?.[1] ?? ''), TEXT_1);
  // overlapping actor spans ("Its leader Ana", "Ana Perel") are cut where they differ; pieces that look and read
  // the same ("Ana" + " Perel") join into one mark
  assert.match(a1, /<mark class="hl hl-source hl-actor" title="actor: Ana Perel; source · Ana Perel">Ana Perel<\/mark>/);
  assert.match(a1, /<mark class="hl hl-actor"[^>]*>Its leader <\/mark>/);
  assert.match(a1, /<mark class="hl hl-time" title="time: 2030-05-06">on Monday<\/mark>/);
  assert.match(a1, /<mark class="hl hl-cue"[^>]*>said<\/mark>/);
  assert.ok(html.includes('<span class="ref-no">[2]</span>'));
  const legend = /<div class="legend"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  assert.deepEqual([...legend.matchAll(/id="hl-show-(\w+)"/g)].map((m) => m[1]), ['said', 'cue', 'source', 'actor', 'time']);
  assert.match(legend, /hl-actor">actor mention<\/mark> <span class="count">2<\/span>/);
});
