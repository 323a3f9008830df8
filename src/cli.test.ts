/**
 * End to end: the `parallax` command on a folder of good and bad inputs, run as a user runs it (a child
 * process), checking exit codes, the one-line reason per bad input, and that the good articles still come out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageRoot } from './paths.js';

const BIN = join(packageRoot, 'src', 'bin.ts');

function run(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd: packageRoot, input, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GOOD_TEXT = 'Harbour workers end strike\n\nWorkers at the northern harbour ended a three-day strike on Friday after the port authority agreed to review shift patterns, a union spokesperson said.\n';
const GOOD_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta property="og:site_name" content="Coastal Ledger"><title>Port deal</title></head><body><article><p>${'The port authority and the union signed a deal on Friday that ends the dispute over night shifts at the container terminal. '.repeat(3)}</p></article></body></html>`;

test('analyze: bad inputs each get one named reason, good ones are analysed, exit code 3', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  try {
    writeFileSync(join(dir, 'good.txt'), GOOD_TEXT);
    writeFileSync(join(dir, 'page.html.gz'), gzipSync(GOOD_PAGE));
    writeFileSync(join(dir, 'feed.jsonl'), `${JSON.stringify({ text: 'The ferry resumed service on Monday.', outlet: 'Island Post' })}\n{oops\n`);
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0x00, 0x00, 0x10, 0x00]));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'cut.html.gz'), gzipSync(GOOD_PAGE).subarray(0, 40));
    writeFileSync(join(dir, 'latin.html'), Buffer.concat([Buffer.from('<meta charset="utf-8"><p>caf'), Buffer.from([0xe9]), Buffer.from(' au lait</p>')]));
    mkdirSync(join(dir, 'dir.txt'));
    symlinkSync(join(dir, 'missing.txt'), join(dir, 'dangling.txt'));
    const missing = join(dir, 'no-such-file.md');

    const { code, stdout, stderr } = run(['analyze', dir, missing, '--format', 'json', '--quiet']);
    assert.equal(code, 3, stderr);
    const briefing = JSON.parse(stdout) as { articles: { source: { path: string } }[]; errors: { path: string; reason: string; record?: number }[]; stats: { inputs: number; articles: number; failed: number } };
    const byName = (name: string) => briefing.errors.filter((e) => e.path.endsWith(name));
    const expected: [string, RegExp][] = [
      ['binary.txt', /binary file/],
      ['empty.txt', /empty file/],
      ['cut.html.gz', /truncated gzip/],
      ['latin.html', /invalid UTF-8/],
      ['dir.txt', /folder holds no files/],
      ['dangling.txt', /dangling symbolic link/],
      ['no-such-file.md', /no such file or directory/],
      ['feed.jsonl', /malformed JSON line/],
    ];
    for (const [name, reason] of expected) {
      const errs = byName(name);
      assert.equal(errs.length, 1, `${name}: ${JSON.stringify(briefing.errors)}`);
      assert.match(errs[0].reason, reason);
      assert.ok(stderr.includes(`${name}`) && stderr.split('\n').some((l) => l.includes(name) && reason.test(l)), stderr);
    }
    assert.equal(byName('feed.jsonl')[0].record, 1);
    assert.ok(stderr.includes('feed.jsonl#2: malformed JSON line'), 'a JSONL error names its line');
    const analysed = briefing.articles.map((a) => a.source.path.slice(dir.length + 1)).sort();
    assert.deepEqual(analysed, ['feed.jsonl', 'good.txt', 'page.html.gz']);
    assert.deepEqual(briefing.stats, { inputs: 11, articles: 3, failed: 8 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('analyze: nothing readable → exit code 1; no paths → usage, exit code 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  try {
    writeFileSync(join(dir, 'empty.txt'), '');
    const none = run(['analyze', join(dir, 'empty.txt'), '--format', 'json']);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /empty\.txt: empty file/);
    const usage = run(['analyze']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /usage:/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('analyze: standard input, format sniffed', () => {
  const { code, stdout, stderr } = run(['analyze', '-', '--format', 'json', '--quiet'], GOOD_TEXT);
  assert.equal(code, 0, stderr);
  const briefing = JSON.parse(stdout) as { articles: { source: { path: string; format: string } }[] };
  assert.deepEqual(briefing.articles.map((a) => a.source), [{ path: '-', format: 'text', encoding: 'utf-8', encodingMethod: 'utf-8' }]);
});
