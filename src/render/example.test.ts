/**
 * The reports on real pipeline output: the fictional example story in examples/harbour-strike, analysed end to
 * end, must give JSON that validates against the schema, and HTML that anchors every sentence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { analyze } from '../pipeline.js';
import { packageRoot } from '../paths.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { escapeMarkdown, renderMarkdown } from './markdown.js';

const example = join(packageRoot, 'examples', 'harbour-strike');
const briefing = await analyze([example]);

test('the example story is analysed without failures, from every format', () => {
  assert.deepEqual(briefing.errors, []);
  assert.equal(briefing.stats.articles, 7);
  const formats = new Set(briefing.articles.map((a) => a.source.format));
  for (const f of ['html', 'rss', 'markdown', 'text', 'jsonl']) assert.ok(formats.has(f as never), f);
});

test('JSON of the example validates against schema/briefing.schema.json', () => {
  const schema = JSON.parse(readFileSync(join(packageRoot, 'schema', 'briefing.schema.json'), 'utf8')) as object;
  const validate = new Ajv2020.default({ allErrors: true, strict: true }).compile(schema);
  const ok = validate(JSON.parse(renderJson(briefing)));
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
});

test('HTML of the example anchors every sentence of every article exactly once', () => {
  const html = renderHtml(briefing);
  for (const a of briefing.articles) {
    a.sentences.forEach((_, i) => {
      assert.equal(html.split(`id="a-${a.id}-s${i}"`).length - 1, 1, `${a.source.path} sentence ${i}`);
    });
  }
});

test('Markdown of the example carries every article title', () => {
  const md = renderMarkdown(briefing);
  for (const a of briefing.articles) {
    if (a.meta.title.value) assert.ok(md.includes(`### ${escapeMarkdown(a.meta.title.value)}\n`), a.meta.title.value);
  }
  assert.equal(md.match(/^### /gm)?.length, briefing.articles.length);
});
