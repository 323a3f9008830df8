/**
 * The coverage sections on a made-up story of made-up outlets (a user registry gives their leans): the bar, the
 * blindspot, opinion counted apart, unknown lean shown as unknown, headlines side by side with marks, the neutral
 * title in the header; HTML and Markdown escape article text; the JSON validates against the schema.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { analyze } from '../../pipeline.js';
import { packageRoot } from '../../paths.js';
import { renderMarkdown } from '../markdown.js';
import { renderAcrossStoriesSection, renderCoverageSection } from './coverage.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-coverage-render-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const registry = join(dir, 'outlets.json');
writeFileSync(
  registry,
  JSON.stringify({
    outlets: [
      { name: 'Harbour Left', domains: ['harbourleft.example'], country: 'NOR', ownership: 'private', lean: 'left' },
      { name: 'Quay Voice', domains: ['quayvoice.example'], country: 'NOR', ownership: 'public', lean: 'lean left' },
      { name: 'Dock Record', domains: ['dockrecord.example'], country: 'NOR', ownership: 'private', lean: 'left' },
      { name: 'Pier Post', domains: ['pierpost.example'], country: 'SWE', ownership: 'private', lean: 'lean left' },
      { name: 'Fjord Wire', domains: ['fjordwire.example'], country: 'NOR', ownership: 'wire', lean: 'left' },
      { name: 'Right Anchor', domains: ['rightanchor.example'], country: 'NOR', ownership: 'private', lean: 'right' },
    ],
  }),
);

const lead = (who: string) => `Dockworkers at the port of Kessa walked out on Monday over pay, ${who} said, and the port was closed.\n\nTalks are set for Friday.`;
const ARTICLES = [
  { outlet: 'Harbour Left', url: 'https://harbourleft.example/2030/05/strike', title: 'Kessa dockworkers strike over pay', text: lead('union leaders') },
  { outlet: 'Quay Voice', url: 'https://quayvoice.example/2030/05/strike', title: 'Kessa port closed as dockworkers strike over pay', text: lead('the union') },
  { outlet: 'Dock Record', url: 'https://dockrecord.example/2030/05/strike', title: 'Dockworkers walk out at Kessa port', text: lead('organisers') },
  { outlet: 'Pier Post', url: 'https://pierpost.example/2030/05/strike', title: 'Port of Kessa shut by pay strike', text: lead('officials') },
  { outlet: 'Fjord Wire', url: 'https://fjordwire.example/2030/05/strike', title: 'Kessa dockworkers walk out over pay <script>x</script>', text: lead('a spokesman') },
  { outlet: 'Right Anchor', url: 'https://rightanchor.example/opinion/2030/05/strike', title: 'Union thugs SLAM the door on Kessa port!', text: lead('the company') },
  { outlet: 'Unrated Gazette', url: 'https://unrated.example/2030/05/strike', title: 'Kessa port strike: dockworkers walk out over pay', text: lead('workers') },
];

test('coverage sections: bar, blindspot, opinion apart, unknown lean shown, side by side, neutral title; escaped; schema-valid', async () => {
  const input = join(dir, 'story.jsonl');
  writeFileSync(input, ARTICLES.map((a) => JSON.stringify(a)).join('\n'));
  const briefing = await analyze([input], { outlets: registry });
  const cov = briefing.coverage?.find((c) => c.story === briefing.story.id);
  assert.ok(cov, 'the focus story has coverage');
  assert.equal(cov.news.articles, 6);
  assert.equal(cov.opinion.articles, 1, 'the /opinion/ piece is counted apart');
  assert.deepEqual(cov.news.bySide.map((c) => [c.key, c.articles]), [['left', 5], ['unknown', 1]]);
  assert.equal(cov.blindspot?.missing, 'right');
  assert.notEqual(briefing.story.title.value, 'Union thugs SLAM the door on Kessa port!');
  assert.equal(briefing.story.title.method, 'headline:most-shared-least-loaded');
  assert.deepEqual(cov.columns.map((c) => c.lean), ['left', 'lean left', 'right', 'unknown']);
  assert.deepEqual(cov.opinion.byLean, [{ key: 'right', outlets: 1, articles: 1 }], "the opinion section has no rating of its own: the outlet's");

  const html = renderCoverageSection(briefing) ?? '';
  assert.match(html, /class="cov-bar" role="img" aria-label="News articles by lean: left 3 · lean left 2 · unknown lean 1"/);
  assert.match(html, /Blindspot for the right: 100% of 5 rated news articles come from the left/);
  assert.match(html, /Opinion pieces, counted apart: 1 opinion piece from 1 outlet/);
  assert.match(html, /Unrated Gazette.*?<span class="unknown">unknown lean<\/span>/s);
  assert.match(html, /Harbour Left<\/span>[^<]*<span class="outlet-tags">\(NOR, private\)<\/span>: left, user registry [^<]* \(a US scale; this outlet is NOR, private\)/);
  assert.match(html, /<h4 class="lean-left-text">left<\/h4>.*<h4 class="lean-lean-left-text">lean left<\/h4>.*<h4 class="lean-unknown-text">unknown lean<\/h4>/s);
  assert.match(html, /Right Anchor \(Opinion\)<\/span>.*?<span class="badge">opinion<\/span>/s);
  assert.match(html, /Right Anchor \(Opinion\)<\/span>[^<]*<span class="outlet-tags">\(NOR, private\)<\/span>: right, user registry [^<]*, the whole outlet&#39;s rating \(Right Anchor&#39;s opinion section has no rating of its own\)/);
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /&lt;(?:<mark[^>]*>)?script(?:<\/mark>)?&gt;/, 'the headline\'s markup is shown as text (its words may be marked)');

  const md = renderMarkdown(briefing);
  assert.match(md, /## Coverage/);
  assert.match(md, /\*\*Blindspot for the right: 100% of 5 rated news articles come from the left/);
  assert.match(md, /\| Unrated Gazette \| unknown lean \|/);
  assert.doesNotMatch(md, /<script>/);

  const schema = JSON.parse(readFileSync(`${packageRoot}/schema/briefing.schema.json`, 'utf8')) as Record<string, unknown>;
  const validate = new Ajv2020.default({ allErrors: true, strict: true }).compile(schema);
  assert.ok(validate(JSON.parse(JSON.stringify(briefing))), JSON.stringify(validate.errors?.slice(0, 3)));
  assert.equal(briefing.stories?.length, 1);
  assert.equal(renderAcrossStoriesSection(briefing), null, 'one story: nothing across stories');
});

test('across stories: with two stories, the large story an outlet missed and the story one side alone covered', async () => {
  const bridge = (who: string) => `The new Vantor bridge over the Selje fjord opened to traffic on Saturday after six years of building, ${who} said.\n\nTolls start in June.`;
  const input = join(dir, 'two.jsonl');
  const more = [
    { outlet: 'Right Anchor', url: 'https://rightanchor.example/2030/06/bridge', title: 'Vantor bridge opens to traffic', text: bridge('the road agency') },
    { outlet: 'Pier Post', url: 'https://pierpost.example/2030/06/bridge', title: 'Selje fjord bridge opens after six years', text: bridge('engineers') },
  ];
  writeFileSync(input, [...ARTICLES, ...more].map((a) => JSON.stringify(a)).join('\n'));
  const briefing = await analyze([input], { outlets: registry });
  assert.equal(briefing.stories?.length, 2);
  const across = briefing.acrossStories;
  assert.ok(across);
  const strike = briefing.stories?.find((s) => s.articles.length > 2)?.id as string;
  assert.deepEqual(across.large, [strike]);
  assert.deepEqual(across.outlets.find((o) => o.outlet === 'Right Anchor')?.missed, [strike], 'its strike piece is opinion, not news coverage');
  assert.deepEqual(across.sideOnly.find((s) => s.side === 'left')?.stories, [strike]);
  const html = renderAcrossStoriesSection(briefing) ?? '';
  assert.match(html, /What each outlet did not cover/);
  assert.match(html, /Only the left: <a href="#/);
});
