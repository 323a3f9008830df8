import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline.js';
import { renderStancesSection } from './stances.js';

// A made-up story: one holder for and against the same proposition (a mixed cell), another holder for it.
const STORY = [
  'Ferry plan divides the islands',
  '',
  'Icelandic Transport Minister Sigrun Berg backed the ferry plan on Monday.',
  '',
  'In May, Transport Minister Sigrun Berg rejected the ferry plan.',
  '',
  'Estonian Foreign Minister Mart Kask praised the ferry plan <script>alert(1)</script>.',
].join('\n');

test('stance matrix section: citation chips to each stating sentence; a mixed cell shows both sides; escaped', async () => {
  const briefing = await analyze([{ path: 'ferry.txt', data: STORY }]);
  const html = renderStancesSection(briefing);
  assert.ok(html, 'the section renders');
  const cited = new Set([...html.matchAll(/href="#(a-[^"]+-s\d+)"/g)].map((m) => m[1]));
  const article = briefing.articles[0];
  for (const s of briefing.stances ?? []) {
    const i = article.sentences.findIndex((x) => x.start <= s.evidence.start && s.evidence.start < x.end);
    assert.ok(cited.has(`a-${article.id}-s${i}`), `the sentence of "${article.text.slice(s.evidence.start, s.evidence.end)}" is cited`);
  }
  const mixed = briefing.matrix?.cells.find((c) => c.polarity === 'mixed');
  assert.ok(mixed, 'one holder said both');
  assert.match(html, /class="cell-mixed".*?class="stance-support">✔ for: .*?class="stance-oppose">✘ against: /s);
  assert.doesNotMatch(html, /<script>/);
});
