/**
 * The inputs that once crashed or hung the command, run as a user runs them (a child process). They take
 * minutes, so they run in the robustness tier (`npm run test:fuzz`, which CI runs), not in `npm test`, which
 * checks the same fixes on small inputs (src/ingest/nesting.test.ts, src/render/json.test.ts).
 *
 * The many-article corpus runs at the size of the original report, 10,000 articles (about a minute). The long
 * article runs at a size that takes CI a minute or two (every stage is linear in its length, so 2 MB shows what
 * the full size would): PARALLAX_STRESS=1 runs the original report's 15 MB.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

const BIN = join(packageRoot, 'src', 'bin.ts');
const TIMEOUT = 15 * 60_000;
const FULL = process.env.PARALLAX_STRESS === '1';
const ARTICLE_MB = FULL ? 15 : 2;
const ARTICLES = 10_000;

function run(args: string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--stack-size=984', BIN, ...args], { cwd: packageRoot, encoding: 'utf8', timeout: TIMEOUT, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stderr: `${r.stderr}${r.error ? String(r.error) : ''}` };
}

const SENTENCES = [
  'The port authority said on Monday that the night shifts would be reviewed.',
  'Union members voted to end the strike after three days of talks.',
  '"We have an agreement that protects our members," the union spokesperson said.',
  'Shipping lines reported delays of up to two days at the container terminal.',
  'The minister for transport welcomed the deal in a statement on Tuesday.',
];

test(`a ${ARTICLE_MB} MB plain-text article is analysed without overflowing the stack`, { timeout: TIMEOUT }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-stress-'));
  try {
    const paragraphs: string[] = [];
    let size = 0;
    for (let i = 0; size < ARTICLE_MB * 1024 * 1024; i++) {
      const p = `${SENTENCES[i % 5]} ${SENTENCES[(i * 3 + 1) % 5]} Paragraph ${i}.`;
      paragraphs.push(p);
      size += p.length + 2;
    }
    writeFileSync(join(dir, 'long.txt'), `Port strike ends after talks\n\n${paragraphs.join('\n\n')}\n`);
    const r = run(['analyze', join(dir, 'long.txt'), '--out', join(dir, 'long.json'), '--quiet']);
    assert.doesNotMatch(r.stderr, /Maximum call stack|RangeError|\n\s+at /, r.stderr.slice(0, 2000));
    assert.equal(r.code, 0, r.stderr.slice(0, 2000));
    const briefing = JSON.parse(readFileSync(join(dir, 'long.json'), 'utf8')) as { stats: { articles: number }; articles: { quotes?: unknown[] }[] };
    assert.equal(briefing.stats.articles, 1);
    // analysed, not only read: one paragraph in five quotes the union, one in five reports what the authority said
    assert.ok((briefing.articles[0].quotes?.length ?? 0) > paragraphs.length / 10, `${briefing.articles[0].quotes?.length} quotes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(`${ARTICLES.toLocaleString('en')} tiny articles are written as one JSON briefing`, { timeout: TIMEOUT }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-stress-'));
  try {
    const lines = Array.from({ length: ARTICLES }, (_, i) => JSON.stringify({ title: `Brief ${i}`, text: `${SENTENCES[i % 5]} Item ${i}.`, outlet: `Outlet ${i % 7}` }));
    writeFileSync(join(dir, 'many.jsonl'), `${lines.join('\n')}\n`);
    const r = run(['analyze', join(dir, 'many.jsonl'), '--out', join(dir, 'many.json'), '--quiet']);
    assert.doesNotMatch(r.stderr, /Invalid string length|RangeError|\n\s+at /, r.stderr.slice(0, 2000));
    assert.equal(r.code, 0, r.stderr.slice(0, 2000));
    const briefing = JSON.parse(readFileSync(join(dir, 'many.json'), 'utf8')) as { stats: { articles: number; inputs: number } };
    assert.deepEqual([briefing.stats.articles, briefing.stats.inputs], [ARTICLES, ARTICLES]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('HTML nested 100,000 levels deep, closed or not, is analysed', { timeout: TIMEOUT }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-stress-'));
  try {
    const body = `<p>${SENTENCES.join(' ')}</p>`;
    writeFileSync(join(dir, 'closed.html'), `<html><body>${'<div>'.repeat(100_000)}${body}${'</div>'.repeat(100_000)}</body></html>`);
    writeFileSync(join(dir, 'open.html'), `<html><body>${'<div><span>'.repeat(50_000)}${body}</body></html>`);
    const r = run(['analyze', dir, '--format', 'json', '--out', join(dir, 'deep.json'), '--quiet']);
    assert.equal(r.code, 0, r.stderr.slice(0, 2000));
    const briefing = JSON.parse(readFileSync(join(dir, 'deep.json'), 'utf8')) as { stats: { articles: number } };
    assert.equal(briefing.stats.articles, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
