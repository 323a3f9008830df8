/**
 * The across-outlets sections (comparison, framing, voices) on real pipeline output: two outlets telling one
 * story, one with hostile markup in its outlet name and text. Every chip must lead to a sentence anchor that
 * exists, nothing from an article may reach the page unescaped, and own voice and quotes stay apart.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline.js';
import { renderHtml } from '../html.js';
import { renderComparisonSection } from './comparison.js';
import { renderFramingSection } from './framing.js';
import { renderVoicesSection } from './voices.js';

const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

const records = [
  {
    title: 'Port talks set for Monday as rebels hold the pass',
    outlet: 'Reuters',
    published: '2030-03-04',
    language: 'en',
    text:
      'Talks between the government of Norland and the rebel groups will open on March 9 in the port of Kessa, officials said.\n\n' +
      'The rebels, who seized the northern pass in January, said they would send a delegation of 12 members.\n\n' +
      '"The regime has no choice but to talk," said Ilsa Varn, a rebel commander.\n\n' +
      'Norland Interior Minister Tomas Brek said the government would attend the talks.',
  },
  {
    title: `Government to meet terrorists ${HOSTILE}`,
    outlet: `Kessa Herald ${HOSTILE}`,
    published: '2030-03-05',
    language: 'en',
    text:
      'The government of Norland will meet the terrorists on March 9 in the port of Kessa, Interior Minister Tomas Brek said.\n\n' +
      `"We will not be intimidated by these terrorists ${HOSTILE}," Brek told reporters on Tuesday.\n\n` +
      'The terrorists seized the northern pass in January and have since shelled three villages.\n\n' +
      '"Our fighters will attend," said Ilsa Varn, a commander of the armed opposition.',
  },
];

const jsonl = records.map((r) => JSON.stringify(r)).join('\n');
const briefing = await analyze([{ path: 'story.jsonl', data: jsonl }]);
const html = renderHtml(briefing);
const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

test('the three sections render for two outlets, in the report and its table of contents', () => {
  assert.equal(briefing.stats.articles, 2);
  for (const id of ['comparison', 'framing', 'voices']) {
    assert.ok(ids.has(id), `section #${id} missing`);
    assert.ok(html.includes(`href="#${id}"`), `no table-of-contents entry for #${id}`);
  }
});

test('every chip of the sections links to a sentence or article anchor that exists', () => {
  const sections = [renderComparisonSection(briefing), renderFramingSection(briefing), renderVoicesSection(briefing)];
  for (const body of sections) {
    assert.ok(body);
    const hrefs = [...body.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    assert.ok(hrefs.length > 0);
    for (const h of hrefs) assert.ok(ids.has(h), `dangling link #${h}`);
    assert.ok(hrefs.some((h) => /^a-[\w-]+-s\d+$/.test(h)), 'no chip cites a sentence');
  }
});

test('article content is escaped in every section', () => {
  for (const body of [renderComparisonSection(briefing), renderFramingSection(briefing), renderVoicesSection(briefing)]) {
    assert.ok(body);
    assert.ok(!body.includes('<script>') && !body.includes('<img'), 'raw markup from an article reached the page');
  }
  assert.ok((renderComparisonSection(briefing) ?? '').includes('Kessa Herald &lt;script&gt;'), 'the unknown outlet is shown by its own name, escaped');
});

test('the outlets table labels registry outlets with country and ownership', () => {
  const body = renderComparisonSection(briefing) ?? '';
  assert.match(body, /Reuters<\/span> <span class="outlet-tags">\(GBR, wire\)<\/span>/);
  assert.match(body, /not in the outlet registry/);
});

test('framing keeps own voice and quotes apart', () => {
  const rows = briefing.framing?.rows ?? [];
  const herald = rows.find((r) => r.outlet.startsWith('Kessa Herald'));
  assert.ok(herald);
  // "terrorists" is both in the Herald's own voice and inside Brek's quote: one term in each column.
  assert.ok(herald.own.some((t) => t.label === 'terrorists'));
  assert.ok(herald.quoted.some((t) => t.label.includes('terrorists')));
  const body = renderFramingSection(briefing) ?? '';
  assert.match(body, /<th>Own voice<\/th><th>Inside quotes<\/th>/);
});

test('voices show speakers per outlet with shares and the last word', () => {
  const body = renderVoicesSection(briefing) ?? '';
  assert.match(body, /Varn/);
  assert.match(body, /last word/);
  assert.match(body, /\d+%/);
});

test('one article gives no comparison', () => {
  const one = { ...briefing, articles: briefing.articles.slice(0, 1), claims: [], outletProfiles: briefing.outletProfiles?.slice(0, 1), framing: briefing.framing && { ...briefing.framing, rows: briefing.framing.rows.slice(0, 1) } };
  assert.equal(renderComparisonSection(one), null);
  assert.equal(renderFramingSection(one), null);
});

test('a speaker who is a linked person is named by the actor, merged across short and long mentions', () => {
  const herald = (briefing.voices ?? []).filter((v) => v.outlet.startsWith('Kessa Herald'));
  const brek = herald.find((v) => v.actor !== null && briefing.actors.find((a) => a.id === v.actor)?.type === 'PERSON' && /Brek/.test(v.speaker ?? ''));
  assert.ok(brek, JSON.stringify(herald.map((v) => v.speaker)));
  assert.equal(brek.speaker, briefing.actors.find((a) => a.id === brek.actor)?.name);
  assert.equal(herald.filter((v) => /Brek/.test(v.speaker ?? '')).length, 1, 'one row per person');
});

test('framing contrasts: each outlet’s words for one referent, cited and escaped', () => {
  const contrasts = briefing.framing?.contrasts ?? [];
  assert.ok(contrasts.length > 0, 'rebels / terrorists, seized in both');
  assert.ok(contrasts.every((c) => new Set(c.terms.map((t) => t.outlet)).size >= 2), 'two outlets each');
  const body = renderFramingSection(briefing) ?? '';
  assert.match(body, /class="framing contrasts"/);
  assert.ok(!body.includes('<script>') && !body.includes('<img src=x'), 'nothing unescaped');
});
