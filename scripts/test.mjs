// The test tiers, on Node's own test runner (through tsx). Node 20's `--test` cannot glob TypeScript files, so
// the files are listed here. The runner's TAP is read and only what needs reading is printed: each failure
// in full, each skip with its reason, and a last line `N passed, N failed` (`, N skipped` when some were).
//
//   node scripts/test.mjs                  unit and integration tests (npm test), in two shard processes;
//                                          acceptance tests on ../shared skip: their figures come from npm run eval
//   node scripts/test.mjs --acceptance     the tests that check acceptance thresholds on ../shared
//   node scripts/test.mjs --browser        the browser tests (*.browser.test.ts; npm run test:browser)
//   node scripts/test.mjs --store          the slow store tests: SIGKILLs during add, and the PostgreSQL
//                                          store and queue (PARALLAX_TEST_PG; npm run test:store)
//   node scripts/test.mjs --fuzz           the fuzz suites (*.fuzz.test.ts) at over 10,000 inputs in all
//                                          (PARALLAX_FUZZ_RUNS runs; npm test runs a few hundred) and
//                                          the stress inputs (*.stress.test.ts; PARALLAX_STRESS=1 at full size)
//   node scripts/test.mjs FILE...          these files only (acceptance tests included)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const args = process.argv.slice(2);
const tier = args.includes('--browser') ? 'browser' : args.includes('--store') ? 'store' : args.includes('--acceptance') ? 'acceptance' : args.includes('--fuzz') ? 'fuzz' : 'unit';
const given = args.filter((a) => !a.startsWith('--'));
const all = find('src').sort();
const isBrowser = (f) => f.endsWith('.browser.test.ts');
const isStress = (f) => f.endsWith('.stress.test.ts');
// child processes killed 20 times, worker fleets on a real PostgreSQL: minutes, not seconds
const isSlowStore = (f) => /src[\\/]store[\\/](?:kill|postgres|queue)\.test\.ts$/.test(f);
const files = given.length
  ? given
  : tier === 'browser'
    ? all.filter(isBrowser)
    : tier === 'store'
      ? all.filter(isSlowStore)
    : tier === 'fuzz'
      ? all.filter((f) => f.endsWith('.fuzz.test.ts') || isStress(f))
      : tier === 'acceptance'
        ? all.filter((f) => !isBrowser(f) && !isStress(f) && readFileSync(f, 'utf8').includes('needsShared('))
        : all.filter((f) => !isBrowser(f) && !isStress(f) && !isSlowStore(f));

// In the unit tier `needsShared` (src/paths.ts) skips the tests that read ../shared: they are evaluations.
const env = { ...process.env, PARALLAX_TESTS: given.length ? 'all' : tier };
// 4,200 runs of 1–4 files (ingest) and 1–3 files (whole pipeline): over 10,000 generated inputs in all.
if (tier === 'fuzz') env.PARALLAX_FUZZ_RUNS ??= '4200';
// The unit tier runs in two shard processes (one per core of the machine it is measured on), each importing
// its files into one process (scripts/test-shard.mjs): a process per file loads tsx, the models and the
// lexicons once per file, which cost more than the tests themselves. The other tiers keep a process per file:
// they kill children, hold databases and browsers, or run files that each take minutes.
const SHARDS = 2;
const sharded = tier === 'unit' && !given.length;
const children = sharded
  ? Array.from({ length: SHARDS }, (_, k) => files.filter((_, i) => i % SHARDS === k)).map((part) =>
      spawn(process.execPath, ['--import', 'tsx', '--test-reporter=tap', 'scripts/test-shard.mjs', ...part], { env, stdio: ['ignore', 'pipe', 'inherit'] }),
    )
  : [spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', '--test-concurrency=2', ...files], { env, stdio: ['ignore', 'pipe', 'inherit'] })];

const totals = { pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
const printedFuzz = new Set();

/** Reads one child's TAP: prints what needs reading, adds its totals; resolves with its exit code. */
function readTap(child) {
  let block = [];
  let result = null;
  function finish() {
    if (result.startsWith('not ok')) process.stdout.write(`${block.filter((l) => !l.startsWith('# Subtest')).join('\n')}\n\n`);
    else if (/# SKIP/.test(result)) process.stdout.write(`skipped: ${result.replace(/^ok \d+ - /, '')}\n`);
    else if (/# TODO/.test(result)) process.stdout.write(`todo: ${result.replace(/^ok \d+ - /, '')}\n`);
    block = [];
    result = null;
  }
  createInterface({ input: child.stdout }).on('line', (line) => {
    const total = line.match(/^# (pass|fail|cancelled|skipped|todo) (\d+)$/);
    if (total) {
      totals[total[1]] += Number(total[2]);
      return;
    }
    if (/^# (tests|suites|duration_ms) /.test(line) || line === 'TAP version 13' || /^1\.\.\d+$/.test(line)) return;
    // A top-level test is `# Subtest: name`, its subtests (indented), `ok N - name` or `not ok N - name`, then
    // its YAML details (`  ---` … `  ...`).
    if (/^\s*# fuzz: /.test(line)) {
      if (!printedFuzz.has(line.trim())) process.stdout.write(`${line.trim().slice(2)}\n`); // how many inputs a fuzz suite drew
      printedFuzz.add(line.trim());
      return;
    }
    if (result && !line.startsWith(' ')) finish();
    block.push(line);
    if (/^(?:not )?ok \d+ /.test(line)) result = line;
    else if (result && line === '  ...') finish();
    else if (!result && /^# /.test(line) && !line.startsWith('# Subtest')) {
      process.stdout.write(`${line}\n`); // a diagnostic outside any test, e.g. why a file failed to load
      block.pop();
    }
  });
  return new Promise((done) =>
    child.on('close', (code) => {
      if (result) finish();
      done(code);
    }),
  );
}

const codes = await Promise.all(children.map(readTap));
// a file that throws while it loads stops its shard: said here, since no test of it reports a failure
for (const code of codes) if (code !== 0 && totals.fail + totals.cancelled === 0) process.stdout.write(`a test process exited with code ${code}: see its error above\n`);
const failed = totals.fail + totals.cancelled;
const skipped = totals.skipped + totals.todo;
process.stdout.write(`${totals.pass} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 || codes.some((c) => c !== 0) ? 1 : 0);
