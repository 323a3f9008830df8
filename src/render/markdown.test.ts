/**
 * The Markdown report on real pipeline output: the example story in examples/harbour-strike through `analyze()`,
 * plus a hostile article fed in beside it. The Markdown must carry the HTML report's sections in its order,
 * cite with footnotes that are all defined and all used, keep every table row intact, and show hostile article
 * content as text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Briefing } from '../model.js';
import { analyze } from '../pipeline.js';
import { packageRoot } from '../paths.js';
import { escapeMarkdown, MARKDOWN_SECTIONS, renderMarkdown } from './markdown.js';
import { markdownTable } from './markdown/escape.js';
import { HTML_SECTIONS } from './sections.js';

const example = join(packageRoot, 'examples', 'harbour-strike');
const briefing = await analyze([example]);
const md = renderMarkdown(briefing);

const HOSTILE = '| ]( <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)> $x$ `code`';
const hostileRecord = {
  title: `Harbour ${HOSTILE} strike`,
  outlet: `Evil ${HOSTILE} Times`,
  author: `Mal ${HOSTILE}`,
  published: '2024-10-15',
  url: 'javascript:alert(4)',
  language: 'en',
  text:
    `Dockworkers walked out at the harbour on Monday ${HOSTILE}.\n\n` +
    `"We want fair pay ${HOSTILE}," said Agnes Tolliver, the union's general secretary, on Tuesday.\n\n` +
    `The port authority said talks with the union ${HOSTILE} would resume on October 21.`,
};
const hostileBriefing = await analyze([example, { path: 'hostile.jsonl', data: JSON.stringify(hostileRecord) + '\n' }]);
const hostileMd = renderMarkdown(hostileBriefing);

/** Pipes that are not escaped by a backslash (an even number of backslashes before them). */
function rawPipes(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') n++;
  }
  return n;
}

/** `## ` headings below the title, in order. */
function sectionHeadings(markdown: string): string[] {
  return [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
}

/** Each table of a document as its rows (header, delimiter, body). */
function tables(markdown: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

function checkFootnotes(doc: string, b: Briefing): void {
  const defined = [...doc.matchAll(/^\[\^([^\]\s]+)\]: (.*)$/gm)];
  const definedLabels = defined.map((m) => m[1]);
  assert.equal(new Set(definedLabels).size, definedLabels.length, 'each footnote is defined once');
  const body = doc.replace(/^\[\^[^\]\s]+\]: .*$/gm, '');
  const used = new Set([...body.matchAll(/\[\^([^\]\s]+)\]/g)].map((m) => m[1]));
  assert.deepEqual([...used].sort(), [...definedLabels].sort(), 'every footnote used is defined, and every defined one used');
  for (const [, label, text] of defined) {
    const m = label.match(/^a(\d+)(?:-s(\d+))?$/);
    assert.ok(m, `label ${label}`);
    const article = b.articles[Number(m[1]) - 1];
    assert.ok(article, `${label} names an article of the briefing`);
    assert.ok(text.includes(`\\[${m[1]}\\]`), `${label} gives the article's number`);
    if (article.meta.outlet.value) assert.ok(text.includes(escapeMarkdown(article.meta.outlet.value)), `${label} names the outlet`);
    if (m[2] !== undefined) {
      const s = article.sentences[Number(m[2]) - 1];
      assert.ok(s, `${label} names a real sentence`);
      const words = article.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim().slice(0, 60).trimEnd();
      assert.ok(text.includes(escapeMarkdown(words)), `${label} quotes its sentence: ${words}`);
    }
  }
}

test('the Markdown report has the HTML report\'s sections, in its order, exactly when the briefing has data for them', () => {
  assert.deepEqual(
    MARKDOWN_SECTIONS.map((s) => [s.id, s.title]),
    HTML_SECTIONS.map((s) => [s.id, s.title]),
    'the two registries list the same sections',
  );
  const presentInHtml = HTML_SECTIONS.filter((s) => s.render(briefing) !== null).map((s) => s.title);
  assert.deepEqual(sectionHeadings(md), presentInHtml);
  // The example story has data for most sections; these must not silently disappear.
  for (const title of ['Summary', 'Actors', 'Who said what', 'Timeline', 'Who did what', 'Stories', 'Across outlets', 'Voices', 'Articles']) {
    assert.ok(presentInHtml.includes(title), `example has ${title}`);
  }
  assert.equal(sectionHeadings(md)[0], 'Summary', 'the summary comes first');
  assert.equal(sectionHeadings(md).at(-1), 'Articles', 'the articles come last');
});

const sectionCases: { title: string; expect: (b: Briefing) => string[] }[] = [
  { title: 'Summary', expect: (b) => (b.summary?.sentences ?? []).map((s) => escapeMarkdown(s.text)) },
  { title: 'Actors', expect: (b) => b.actors.map((a) => `| ${escapeMarkdown(a.name)} | ${a.type} |`) },
  { title: 'Timeline', expect: (b) => (b.timeline ?? []).map((t) => `**${t.value}**`) },
  { title: 'Across outlets', expect: (b) => (b.claims ?? []).map((c) => `| ${escapeMarkdown(c.statement)} |`) },
  { title: 'Articles', expect: (b) => b.articles.map((a) => `### ${a.meta.title.value === null ? '' : escapeMarkdown(a.meta.title.value)}\n`) },
];
for (const { title, expect } of sectionCases) {
  test(`the ${title} section carries every item of the briefing`, () => {
    const start = md.indexOf(`\n## ${title}\n`);
    assert.ok(start >= 0, title);
    const next = md.indexOf('\n## ', start + 1);
    const section = md.slice(start, next < 0 ? md.length : next);
    const items = expect(briefing);
    assert.ok(items.length > 0, `${title} has items`);
    for (const item of items) assert.ok(section.includes(item), `${title}: ${item}`);
  });
}

test('every summary sentence cites its sources with footnotes', () => {
  const summaryLines = md.split('\n').filter((l) => /^\d+\. /.test(l));
  assert.equal(summaryLines.length >= (briefing.summary?.sentences.length ?? 0), true);
  for (const line of summaryLines.slice(0, briefing.summary?.sentences.length ?? 0)) assert.match(line, /\[\^a\d+-s\d+\]$/, line);
});

for (const [name, doc, b] of [
  ['example', md, briefing],
  ['hostile', hostileMd, hostileBriefing],
] as const) {
  test(`${name}: every footnote is defined once and used, and quotes the sentence it names`, () => checkFootnotes(doc, b));

  test(`${name}: every table row has as many cells as its header`, () => {
    const found = tables(doc);
    assert.ok(found.length >= 3, 'tables are there');
    for (const rows of found) {
      const cells = rawPipes(rows[0]);
      assert.match(rows[1], /^\|( --- \|)+$/);
      for (const row of rows) {
        assert.equal(rawPipes(row), cells, row);
        assert.ok(row.endsWith('|'), row);
      }
    }
  });
}

test('hostile article content stays inert text in every section', () => {
  assert.ok(hostileBriefing.articles.some((a) => a.meta.title.value?.includes('<script>')), 'the hostile article was read');
  assert.doesNotMatch(hostileMd, /<script|<img|[^\\]\]\((?!#[a-z-]+\)|<https?:)/i);
  // Strip what the renderer itself writes as markup: footnote references and definitions, the contents links
  // and http(s) links. No bracket, angle bracket or dollar from the article may be left unescaped.
  const stripped = hostileMd
    .replace(/\[\^a\d+(?:-s\d+)?\](?::)?/g, '')
    .replace(/\[[A-Za-z ]+\]\(#[a-z-]+\)/g, '')
    .replace(/\[https?:\/\/[^\s\]]*\]\(<https?:\/\/[^\s>]*>\)/g, '')
    // the renderer's own code spans: methods (`compress`, `meta:og:title`) and the footnote hint
    .replace(/(?<!\\)`[\w:./+ -]+(?:…)?`/g, '');
  for (const line of stripped.split('\n')) {
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '\\') {
        i++;
        continue;
      }
      assert.ok(!'[]<>$`'.includes(line[i]), `unescaped ${line[i]} in: ${line}`);
    }
  }
  // The hostile words are there, as text.
  assert.ok(hostileMd.includes(escapeMarkdown(HOSTILE)));
  assert.ok(hostileMd.includes(`- URL: ${escapeMarkdown('javascript:alert(4)')}\n`));
});

test('the same briefing gives the same Markdown', () => {
  assert.equal(renderMarkdown(JSON.parse(JSON.stringify(briefing)) as Briefing), md);
});

const tableCases: { name: string; header: string[]; rows: string[][]; expected: string }[] = [
  { name: 'plain', header: ['A', 'B'], rows: [['1', '2']], expected: '| A | B |\n| --- | --- |\n| 1 | 2 |' },
  { name: 'empty cell shows a dash', header: ['A', 'B'], rows: [['', 'x']], expected: '| A | B |\n| --- | --- |\n| — | x |' },
  { name: 'escaped pipe and newline stay in one cell', header: ['A'], rows: [[escapeMarkdown('a | b\nc')]], expected: '| A |\n| --- |\n| a \\| b c |' },
];
for (const { name, header, rows, expected } of tableCases) {
  test(`markdownTable: ${name}`, () => assert.equal(markdownTable(header, rows), expected));
}
