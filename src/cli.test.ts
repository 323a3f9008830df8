/**
 * End to end: the `parallax` command on a folder of good and bad inputs, run as a user runs it (a child
 * process), checking exit codes, the one-line reason per bad input, and that the good articles still come out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageRoot } from './paths.js';
import { main } from './cli.js';

const BIN = join(packageRoot, 'src', 'bin.ts');

function run(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd: packageRoot, input, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command in this process: what a user would see on stdout and stderr, and the exit code. */
async function runIn(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: {
      write: (s: string) => {
        stdout += s;
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
    },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
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
    // Shown from the folder given, never as the absolute path
    const analysed = briefing.articles.map((a) => a.source.path).sort();
    const folder = basename(dir);
    assert.deepEqual(analysed, [`${folder}/feed.jsonl`, `${folder}/good.txt`, `${folder}/page.html.gz`]);
    assert.ok(!stdout.includes(dir) && !stderr.includes(dir), 'no absolute path in the report or the messages');
    // An error line names its input once, then the reason
    for (const line of stderr.trim().split('\n')) assert.ok(!/(\S+\.\w+(?:#\d+)?): .*\1/.test(line), `path repeated: ${line}`);
    assert.deepEqual(briefing.stats, { inputs: 11, articles: 3, failed: 8 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('analyze: nothing readable → exit code 1; no paths → usage, exit code 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  try {
    writeFileSync(join(dir, 'empty.txt'), '');
    const none = await runIn(['analyze', join(dir, 'empty.txt'), '--format', 'json']);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /empty\.txt: empty file/);
    assert.equal(none.stdout, '', 'nothing analysed: no report');
    const missing = await runIn(['analyze', join(dir, 'nosuchfile.txt')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nosuchfile\.txt: no such file or directory\n.*no report written/);
    assert.equal(missing.stdout, '', 'a missing file: no report on stdout');
    const usage = await runIn(['analyze']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /missing required argument 'paths'/);
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

test('--help, <command> --help and --version answer with exit code 0', async () => {
  const root = run(['--help']);
  assert.equal(root.code, 0, root.stderr);
  assert.match(root.stdout, /analyze \[options\] <paths\.\.\.>/);
  assert.match(root.stdout, /Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 /);
  const analyze = await runIn(['analyze', '--help']);
  assert.equal(analyze.code, 0, analyze.stderr);
  // Every option has a description beside it, and there are examples
  const options = analyze.stdout.split('Options:\n')[1].split('\n\n')[0];
  for (const flag of ['--format', '--out', '--force', '--published', '--quiet', '--summary-sentences', '--summary-words', '--outlets', '--show-paths', '--help']) {
    assert.match(options, new RegExp(`${flag}(?: <\\w+>)? +\\S`), `${flag} is described`);
  }
  assert.match(analyze.stdout, /Examples:\n {2}\$ parallax analyze /);
  assert.equal((await runIn(['help', 'eval'])).code, 0);
  assert.match((await runIn(['eval', '--help'])).stdout, /--data <path> +\S/);
  const version = run(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version);
});

test('a mistyped command, flag, task or format is a usage error with a "did you mean"', async () => {
  const cases: [string[], RegExp][] = [
    [['analzye', 'x'], /unknown command 'analzye'\n\(Did you mean analyze\?\)/],
    [['analyze', 'x', '--fomat', 'json'], /unknown option '--fomat'\n\(Did you mean --format\?\)/],
    [['eval', 'nerr', '--data', 'x'], /unknown task "nerr" \(did you mean ner\?\)/],
    [['analyze', 'x', '--format', 'jsno'], /unknown format "jsno" \(did you mean json\?\)/],
    [['analyze', 'x', '--summary-words', 'ten'], /--summary-words needs a whole number/],
    [['analyze', 'x', '--published', 'last week'], /--published needs an ISO date/],
  ];
  for (const [args, message] of cases) {
    const r = await runIn(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(r.stdout, '');
  }
});

test('--out: the format must be one parallax writes; a missing folder, an existing file or a path that cannot be written stop before any work', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  try {
    const article = join(dir, 'good.txt');
    writeFileSync(article, GOOD_TEXT);
    const usage = async (args: string[], message: RegExp) => {
      const r = await runIn(['analyze', article, ...args]);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /analysed/, 'no analysis ran');
    };
    await usage(['--out', join(dir, 'x.pdf')], /cannot tell the report format from "x\.pdf"/);
    await usage(['--out', join(dir, 'missing', 'x.html')], /the folder .*missing does not exist/);
    writeFileSync(join(dir, 'old.html'), 'old');
    await usage(['--out', join(dir, 'old.html')], /old\.html already exists; give --force/);
    assert.equal(readFileSync(join(dir, 'old.html'), 'utf8'), 'old');
    // A folder the user cannot write to: read-only for an ordinary user, /sys (no new files) for root
    const locked = join(dir, 'locked');
    mkdirSync(locked, 0o555);
    const unwritable = process.getuid?.() === 0 ? '/sys' : locked;
    await usage(['--out', join(unwritable, 'x.html')], /cannot write .*x\.html: (?:permission denied|read-only file system)/);

    const forced = await runIn(['analyze', article, '--out', join(dir, 'old.html'), '--force', '--quiet']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(join(dir, 'old.html'), 'utf8'), /^<!doctype html>/i);
    assert.deepEqual(readdirSync(dir).sort(), ['good.txt', 'locked', 'old.html'], 'no temp file left');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a URL is refused with the advice to save the page first, and the other inputs are analysed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  try {
    writeFileSync(join(dir, 'good.txt'), GOOD_TEXT);
    const r = await runIn(['analyze', join(dir, 'good.txt'), 'https://news.example/story', '--format', 'json', '--quiet']);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /https:\/\/news\.example\/story: a web address, not a file: parallax reads saved pages only; save it first \(for example curl -o page\.html/);
    assert.equal((JSON.parse(r.stdout) as { stats: { articles: number } }).stats.articles, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a report shows paths relative to its inputs unless --show-paths; an untitled article is not named by its path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  try {
    writeFileSync(join(dir, 'untitled.txt'), GOOD_TEXT.split('\n\n')[1]);
    for (const format of ['html', 'md', 'json']) {
      const r = await runIn(['analyze', dir, '--format', format, '--quiet']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(!r.stdout.includes(dir), `${format}: no absolute path`);
      assert.ok(r.stdout.includes(`${basename(dir)}/untitled.txt`), `${format}: the path from the input given`);
    }
    const md = (await runIn(['analyze', dir, '--format', 'md', '--quiet'])).stdout;
    assert.doesNotMatch(md, /^### .*untitled\.txt/m, 'the article heading is not its path');
    const shown = await runIn(['analyze', dir, '--format', 'json', '--quiet', '--show-paths']);
    assert.ok(shown.stdout.includes(join(dir, 'untitled.txt')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const SPANISH = `El ayuntamiento aprueba el nuevo plan de transporte

El pleno del ayuntamiento aprobó el martes el nuevo plan de transporte urbano, que ampliará la red de autobuses nocturnos y creará tres carriles bici en el centro de la ciudad antes del verano. La alcaldesa explicó que el plan se financiará con fondos europeos y con una parte del presupuesto municipal de este año.

Los grupos de la oposición votaron en contra y pidieron más información sobre el coste total de las obras, que según sus cálculos superará los veinte millones de euros. Las asociaciones de vecinos celebraron la decisión, aunque reclamaron que las obras no afecten al comercio de los barrios durante los meses de mayor actividad.

El plan prevé además la renovación de cuarenta paradas, la instalación de pantallas con información en tiempo real y una tarjeta única para el autobús, el metro y el tranvía. Los técnicos municipales calculan que el número de viajeros crecerá un quince por ciento en los dos primeros años.
`;

test('a non-English article: a warning naming the file and the language; the report says which stages ran; not called a teaser', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  try {
    writeFileSync(join(dir, 'plan.txt'), SPANISH);
    writeFileSync(join(dir, 'good.txt'), GOOD_TEXT);
    const r = await runIn(['analyze', dir, '--format', 'md']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: \S*plan\.txt is in Spanish \(es\), not English: the English-only stages \(actors, who said what, time expressions, stances, events\) skipped/);
    assert.doesNotMatch(r.stderr, /good\.txt is in/);
    assert.match(r.stdout, /- Note: not English \(es\): read, cleaned, split into sentences, grouped into stories, compared and summarised; the English-only stages/);
    const silent = r.stdout.split('**Silent articles.**')[1]?.split('\n\n')[0] ?? '';
    assert.doesNotMatch(silent, /ayuntamiento|plan\.txt/i, 'the Spanish article is not a teaser');
    const quiet = await runIn(['analyze', dir, '--format', 'md', '--quiet']);
    assert.equal(quiet.stderr, '', '--quiet: no warnings');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an error line names its input once: a record the clean stage rejects', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  try {
    writeFileSync(join(dir, 'feed.jsonl'), `${JSON.stringify({ text: 'Share on Facebook\n\nSubscribe to our newsletter\n\nAll rights reserved.' })}\n${JSON.stringify({ text: GOOD_TEXT })}\n`);
    const r = await runIn(['analyze', join(dir, 'feed.jsonl'), '--format', 'json', '--quiet']);
    assert.equal(r.code, 3, r.stderr);
    const line = r.stderr.split('\n').find((l) => l.includes('no article body')) ?? '';
    assert.match(line, /^parallax: \S*feed\.jsonl#1: no article body: all 3 lines look like page chrome/);
    assert.equal(line.split('feed.jsonl').length, 2, `the path once: ${line}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a reader that closes the pipe early (`parallax ... | head`) ends the run quietly, without an EPIPE trace', async () => {
  // the report's own writes already stop at EPIPE (src/cli/output.ts); the help text goes through commander
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, '--help'], { cwd: packageRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // the reader is gone before the help is written (as `head` is once it has its lines)
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.doesNotMatch(stderr, /EPIPE|Unhandled/, stderr);
  assert.equal(code, 0);
});
