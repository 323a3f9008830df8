/**
 * Property-based fuzzing of the whole path from bytes to report: hostile articles are analysed or reported
 * failed (analysed + failed = inputs), and no text from an article becomes markup in the HTML or Markdown
 * report. The CI tier draws thousands of inputs (PARALLAX_FUZZ_RUNS), `npm test` a few dozen; the seed is fixed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../pipeline.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderJson } from './json.js';
import { FUZZ_SEED, fuzzRuns, hostileFile, hostileText, MARK } from '../ingest/hostile.fuzz.js';

/** A live tag, event handler or script link made from the mark: what escaping must prevent. */
const LIVE_HTML = new RegExp(`<${MARK}|<[a-z]+[^>]*\\son\\w+="${MARK}|href="javascript:|document\\.title="${MARK}`, 'i');
const LIVE_MD = new RegExp(`<${MARK}|<script|<img|(?<!\\\\)\\]\\(javascript:|<a href`, 'i');

const article = fc.oneof(
  { weight: 1, arbitrary: hostileFile },
  {
    weight: 2,
    arbitrary: fc.tuple(hostileText, hostileText, fc.constantFrom('txt', 'md', 'html', 'jsonl')).map(([title, body, kind]) => {
      const text = `${body} The port authority said on Monday the strike had ended. ${body}`;
      const data =
        kind === 'html'
          ? `<html><head><title>${title}</title><meta property="og:site_name" content="${title.replace(/"/g, '')}"></head><body><article><h1>${title}</h1><p>${text}</p></article></body></html>`
          : kind === 'jsonl'
            ? JSON.stringify({ title, text, outlet: title, url: `javascript:${MARK}` })
            : `${title}\n\n${text}`;
      return { name: `a.${kind}`, data: Buffer.from(data) };
    }),
  },
);

test('fuzz analyse and render: every input analysed or failed; article text never becomes markup', { timeout: 30 * 60_000 }, async (t) => {
  let generated = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(article, { minLength: 1, maxLength: 3 }), async (files) => {
      generated += files.length;
      const briefing = await analyze(files.map((f, i) => ({ path: `in${i}/${f.name}`, data: f.data })));
      const { inputs, articles, failed } = briefing.stats;
      assert.equal(articles + failed, inputs, 'analysed + failed = inputs');
      assert.equal(briefing.articles.length, articles);
      assert.equal(briefing.errors.length, failed);
      const html = renderHtml(briefing);
      // The report's own markup never has the mark in a tag; article text shows it escaped.
      assert.doesNotMatch(html, LIVE_HTML);
      const md = renderMarkdown(briefing);
      assert.doesNotMatch(md, LIVE_MD);
      JSON.parse(renderJson(briefing));
    }),
    { seed: FUZZ_SEED, numRuns: fuzzRuns(0.05, 10), endOnFailure: true },
  );
  t.diagnostic(`fuzz: analysed and rendered ${generated} generated inputs`);
});
