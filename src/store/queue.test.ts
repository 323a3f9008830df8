/**
 * The PostgreSQL job queue end to end, with real worker processes on a real server (PARALLAX_TEST_PG): the
 * same stories and sections as `add` on SQLite; jobs run twice change nothing; a poison input lands in the
 * dead-letter list while the rest completes; workers SIGKILLed at random moments lose and duplicate nothing;
 * a server restart mid-run is survived.
 *
 * Sizes: PARALLAX_PG_E2E_ARTICLES (default 2,000, as the issue asks) and PARALLAX_PG_KILLS (default 20).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot, sharedPath } from '../paths.js';
import { seededRandom } from '../random.js';
import { ARTICLE_STAGES } from '../stages.js';
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import { addToStore } from './update.js';
import { CORPUS_QUEUE, INPUT_QUEUE, deadLetters, enqueueInputs, pendingJobs, queueSchema, startQueue } from './queue.js';
import { freshSchema, testPg } from './pgtest.js';
import { addCommand, storiesCommand } from './commands.js';
import { REUTERS, corpusState, spawnWorker, writeReutersBatches } from './queuetest.js';

const pgEnv = testPg();
const skip = 'skip' in pgEnv ? pgEnv.skip : sharedPath(...REUTERS) ? false : `needs ../shared/${REUTERS.join('/')}`;
if (skip && !('skip' in pgEnv)) process.stderr.write(`queue tests skipped: ${skip}\n`);
const base = 'url' in pgEnv ? pgEnv.url : '';
const E2E = Number(process.env.PARALLAX_PG_E2E_ARTICLES ?? 2000);
const KILLS = Number(process.env.PARALLAX_PG_KILLS ?? 20);
/** enough work in small jobs that the workers are still busy after the last of the kills (about 3.5 s apart) */
const FAULT_ARTICLES = 400;

const dir = mkdtempSync(join(tmpdir(), 'parallax-queue-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The reference: the same inputs through `add` into SQLite. */
async function reference(inputs: string, name: string) {
  const s = new SqliteStore(join(dir, `${name}.db`));
  await addToStore(s, [inputs]);
  const state = await corpusState(s);
  await s.close();
  return state;
}

async function drain(url: string, workers: number, args: string[] = []): Promise<void> {
  const runs = Array.from({ length: workers }, () => spawnWorker(url, args));
  for (const r of runs) {
    const e = await r.exited;
    assert.equal(e.code, 0, `a worker failed: ${e.stderr}`);
  }
}

describe('postgres job queue', { skip }, () => {
  it(`two workers over ${E2E} Reuters articles give the stories and sections add gives on SQLite; a poison input is dead-lettered; jobs run twice change nothing`, { timeout: 60 * 60_000 }, async () => {
    const inputs = join(dir, 'e2e');
    writeReutersBatches(inputs, E2E, 10);
    // the poison: a record with no text and a line that is not JSON, beside good records
    writeFileSync(join(inputs, 'poison.jsonl'), '{"title": "Nothing here", "text": ""}\n{not json\n');
    const url = await freshSchema(base, 'e2e');
    const store = await PostgresStore.open(url);
    try {
      const t0 = performance.now();
      const q = await enqueueInputs(store, [inputs]);
      const enqueued = performance.now() - t0;
      assert.equal(q.queued, Math.ceil(E2E / 10) + 1);
      assert.ok((await pendingJobs(store)) > 0);
      const t1 = performance.now();
      await drain(url, 2);
      process.stderr.write(`queue e2e: ${E2E} articles enqueued in ${Math.round(enqueued)} ms, two workers drained the queue in ${Math.round(performance.now() - t1)} ms\n`);
      assert.equal(await pendingJobs(store), 0);
      const got = await corpusState(store);
      const want = await reference(inputs, 'e2e');
      assert.ok(want.stories.length > 1);
      assert.deepEqual(got, want);
      const dead = await deadLetters(store);
      assert.deepEqual(dead.map((d) => [d.path, d.record]), [[join(inputs, 'poison.jsonl'), 0], [join(inputs, 'poison.jsonl'), 1]]);
      assert.match(dead[0].reason, /text/);
      assert.match(dead[1].reason, /JSON/);

      // every job once more: an input re-opened, a story's sections forgotten, the corpus job sent again
      const boss = await startQueue(store);
      const hash = (await store.pool.query("UPDATE inputs SET done = NULL WHERE path LIKE '%batch-00000.jsonl' RETURNING hash")).rows[0].hash;
      await boss.send(INPUT_QUEUE, { hash });
      await boss.send(CORPUS_QUEUE, {}, { singletonKey: 'corpus' });
      await store.pool.query('UPDATE sections SET key = NULL WHERE story = (SELECT id FROM stories ORDER BY rank LIMIT 1)');
      await boss.stop({ graceful: false });
      await drain(url, 1);
      assert.deepEqual(await corpusState(store), want);
    } finally {
      await store.close();
    }
  });

  it('add against PostgreSQL enqueues, and stories --json counts the jobs not yet done', async () => {
    const inputs = join(dir, 'pending');
    writeReutersBatches(inputs, 4, 2);
    const url = await freshSchema(base, 'pending');
    let err = '';
    let out = '';
    const io = { out: (x: string) => (out += x), err: (x: string) => (err += x) };
    assert.equal(await addCommand({ paths: [inputs], db: url }, io), 0);
    assert.match(err, /2 inputs queued, 0 skipped, 0 failed/);
    assert.equal(await addCommand({ paths: [inputs], db: url }, io), 0);
    assert.match(err, /0 inputs queued, 2 skipped/);
    assert.equal(await storiesCommand({ db: url, json: true }, io), 0);
    const last = JSON.parse(out.trim().split('\n').pop() as string);
    assert.deepEqual([last.articles, last.pending], [0, 2]);
  });

  describe('faults', () => {
    const inputs = join(dir, 'faults');
    let want: Awaited<ReturnType<typeof reference>>;
    before(async () => {
      writeReutersBatches(inputs, FAULT_ARTICLES, 2);
      want = await reference(inputs, 'faults');
    });

    it(`SIGKILL of a worker ${KILLS} times at random moments: every article stored exactly once, the result as without kills`, { timeout: 60 * 60_000 }, async () => {
      const url = await freshSchema(base, 'kill');
      const store = await PostgresStore.open(url);
      try {
        // a killed worker's job comes back after 8 s
        await enqueueInputs(store, [inputs], { jobTimeoutSeconds: 8 });
        const random = seededRandom(14);
        const workers = [spawnWorker(url, ['--job-timeout', '20']), spawnWorker(url, ['--job-timeout', '20'])];
        let kills = 0;
        while (kills < KILLS) {
          await new Promise((r) => setTimeout(r, 1500 + random() * 4000));
          if ((await pendingJobs(store)) === 0) break;
          const k = Math.floor(random() * workers.length);
          workers[k].child.kill('SIGKILL');
          await workers[k].exited;
          kills++;
          workers[k] = spawnWorker(url, ['--job-timeout', '20']);
        }
        process.stderr.write(`queue kill test: ${kills} SIGKILLs\n`);
        assert.ok(kills >= Math.min(KILLS, 5), `only ${kills} kills before the queue drained`);
        for (const w of workers) assert.equal((await w.exited).code, 0);
        await drain(url, 1);
        assert.equal(await pendingJobs(store), 0);
        assert.deepEqual(await deadLetters(store), []);
        const records = (await store.pool.query('SELECT count(*)::int AS n FROM sources')).rows[0].n;
        assert.equal(records, FAULT_ARTICLES);
        // every article with every layer, once (the primary keys make twice impossible; this checks none is missing)
        const layers = (await store.pool.query('SELECT count(*)::int AS n FROM layers')).rows[0].n;
        assert.equal(layers, want.articles.length * (ARTICLE_STAGES.length + 1));
        assert.deepEqual(await corpusState(store), want);
      } finally {
        await store.close();
      }
    });

    it('SIGTERM: the worker finishes its running job and leaves; another finishes the rest', { timeout: 60 * 60_000 }, async () => {
      const url = await freshSchema(base, 'term');
      const store = await PostgresStore.open(url);
      try {
        await enqueueInputs(store, [inputs]);
        const w = spawnWorker(url);
        for (;;) {
          await new Promise((r) => setTimeout(r, 300));
          if ((await store.pool.query('SELECT count(*)::int AS n FROM articles')).rows[0].n > 0) break;
        }
        w.child.kill('SIGTERM');
        const e = await w.exited;
        assert.equal(e.code, 0, e.stderr);
        assert.match(e.stderr, /stopping/);
        // nothing was left running: no job is active, and the queue still has work for the next worker
        const active = (await store.pool.query(`SELECT count(*)::int AS n FROM ${queueSchema(url)}.job WHERE state = 'active'`)).rows[0].n;
        assert.equal(active, 0);
        assert.ok((await pendingJobs(store)) > 0);
        await drain(url, 1);
        assert.deepEqual(await corpusState(store), want);
      } finally {
        await store.close();
      }
    });

    const cluster = process.env.PARALLAX_TEST_PG_DIR;
    it('a PostgreSQL restart during a run: the workers reconnect and finish', { skip: cluster ? false : 'needs PARALLAX_TEST_PG_DIR (the directory of scripts/pg-cluster.sh start) to restart the server' }, async () => {
      const url = await freshSchema(base, 'restart');
      let store = await PostgresStore.open(url);
      await enqueueInputs(store, [inputs], { jobTimeoutSeconds: 8 });
      const workers = [spawnWorker(url, ['--job-timeout', '20']), spawnWorker(url, ['--job-timeout', '20'])];
      // restart once the workers are at work (some articles stored, some not)
      for (;;) {
        await new Promise((r) => setTimeout(r, 300));
        const n = (await store.pool.query('SELECT count(*)::int AS n FROM articles')).rows[0].n;
        if (n > 0) break;
      }
      await store.close();
      execFileSync(join(packageRoot, 'scripts', 'pg-cluster.sh'), ['restart', cluster as string], { stdio: 'inherit' });
      for (const w of workers) assert.equal((await w.exited).code, 0, (await w.exited).stderr);
      store = await PostgresStore.open(url);
      try {
        await drain(url, 1);
        assert.deepEqual(await corpusState(store), want);
      } finally {
        await store.close();
      }
    });
  });
});
