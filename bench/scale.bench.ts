/**
 * `npm run bench -- scale`: the PostgreSQL queue's throughput. Reuters-21578 articles (JSONL batches of 5) are
 * enqueued while 1, then 2, `parallax worker` processes wait (started and ready, so start-up is not counted);
 * the figure is articles committed per second by the article-level stages, from the enqueue to the last
 * input done, and the ratio of 2 workers to 1. Then the database alone: pre-analysed articles (their layers
 * as the stages wrote them) committed by 1, 4 and 16 concurrent connections, no analysis: the ceiling the
 * database sets before the workers' CPU does.
 *
 * PostgreSQL: PARALLAX_TEST_PG, else a throwaway cluster from scripts/pg-cluster.sh (stopped at the end).
 * Size: PARALLAX_SCALE_ARTICLES (default 200). The load average is reported: on a shared machine the
 * workers compete with everything else for the same two cores.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './harness.js';
import { packageRoot, sharedPath } from '../src/paths.js';
import { PostgresStore } from '../src/store/postgres.js';
import { enqueueInputs, pendingJobs } from '../src/store/queue.js';
import { freshSchema } from '../src/store/pgtest.js';
import { REUTERS, spawnWorker, writeReutersBatches } from '../src/store/queuetest.js';
import { ingest } from '../src/ingest/index.js';
import { runArticle } from '../src/pipeline.js';
import type { Doc } from '../src/model.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function workersRun(base: string, inputs: string, n: number, workers: number): Promise<{ articlesPerS: number; corpusS: number }> {
  const url = await freshSchema(base, `scale${workers}`);
  const store = await PostgresStore.open(url);
  try {
    // the queue's schema exists before the workers start (the first enqueue would make it otherwise)
    await enqueueInputs(store, []);
    // each worker's "ready" line is listened for from its start: a line read before the listener was there would
    // leave the bench waiting for ever
    const procs = Array.from({ length: workers }, () => {
      const p = spawnWorker(url, ['--debounce', '5']);
      const ready = new Promise<void>((resolve, reject) => {
        let seen = '';
        p.child.stderr?.on('data', (d: Buffer) => {
          seen += String(d);
          if (seen.includes('concurrency')) resolve();
        });
        void p.exited.then((e) => reject(new Error(`a worker left before it was ready: ${e.stderr}`)));
      });
      return { ...p, ready };
    });
    await Promise.all(procs.map((p) => p.ready));
    const t0 = performance.now();
    const q = await enqueueInputs(store, [inputs]);
    let articlesDone = 0;
    for (;;) {
      await sleep(200);
      const r = (await store.pool.query('SELECT count(*) FILTER (WHERE done IS NULL)::int AS left FROM inputs')).rows[0];
      if (r.left === 0) break;
    }
    const articleS = (performance.now() - t0) / 1000;
    articlesDone = (await store.pool.query('SELECT count(*)::int AS n FROM sources')).rows[0].n;
    while ((await pendingJobs(store)) > 0) await sleep(200);
    const corpusS = (performance.now() - t0) / 1000 - articleS;
    for (const p of procs) await p.exited;
    if (articlesDone < n * 0.95 || q.queued === 0) throw new Error(`only ${articlesDone} of ${n} articles stored`);
    return { articlesPerS: articlesDone / articleS, corpusS };
  } finally {
    await store.close();
  }
}

/** Pre-analysed articles committed by `clients` connections at once for `seconds`: articles/s the database takes. */
async function databaseOnly(base: string, clients: number, seconds: number, sample: { article: Doc['article']; layers: Parameters<PostgresStore['putArticle']>[1] }[]): Promise<number> {
  const url = await freshSchema(base, `db${clients}`);
  const store = await PostgresStore.open(url, { max: clients });
  let done = 0;
  try {
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let i = 0; performance.now() < end; i++) {
          const s = sample[(i + c) % sample.length];
          const id = `${s.article.id}-${c}-${i}`;
          await store.putArticle({ ...s.article, id }, s.layers, { hash: id, path: `${id}.txt`, article: id });
          done++;
        }
      }),
    );
    return done / seconds;
  } finally {
    await store.close();
  }
}

export default async function bench(): Promise<BenchRow[] | { skip: string }> {
  if (!sharedPath(...REUTERS)) return { skip: `needs ../shared/${REUTERS.join('/')}` };
  // 2,000: at 200 the articles take a few seconds and process start-up and polling decide the ratio
  const n = Number(process.env.PARALLAX_SCALE_ARTICLES ?? 2000);
  const dir = mkdtempSync(join(tmpdir(), 'parallax-scale-'));
  let cluster: string | null = null;
  let base = process.env.PARALLAX_TEST_PG;
  try {
    if (!base) {
      // its own temporary folder: the server runs as the postgres user, who cannot enter this process's 0700 folder
      cluster = mkdtempSync(join(tmpdir(), 'parallax-scale-pg-'));
      base = execFileSync(join(packageRoot, 'scripts', 'pg-cluster.sh'), ['start', cluster], { encoding: 'utf8' }).trim();
    }
    const inputs = join(dir, 'inputs');
    writeReutersBatches(inputs, n, 5);
    const rows: BenchRow[] = [];
    const load0 = os.loadavg()[0];
    const one = await workersRun(base, inputs, n, 1);
    const two = await workersRun(base, inputs, n, 2);
    const load = (load0 + os.loadavg()[0]) / 2;
    rows.push({ name: `1 worker process, ${n} Reuters articles (article-level stages, enqueue to last input done; load average ${load.toFixed(1)})`, figures: { 'articles/s': one.articlesPerS, 'corpus + story jobs s': one.corpusS } });
    rows.push({ name: `2 worker processes, ${n} Reuters articles`, figures: { 'articles/s': two.articlesPerS, 'corpus + story jobs s': two.corpusS } });
    rows.push({ name: '2 workers vs 1 (articles/s)', figures: { ratio: two.articlesPerS / one.articlesPerS } });
    // the database alone: 50 articles analysed once, then committed again and again under new ids
    const lines = readFileSync(sharedPath(...REUTERS) as string, 'utf8').split('\n').slice(0, 50).join('\n');
    const read = await ingest([{ path: 'sample.jsonl', data: Buffer.from(lines) }], {});
    const sample = read.articles.flatMap((raw) => {
      const r = runArticle(raw, {});
      return 'error' in r ? [] : [{ article: (r.work.doc as Doc).article, layers: r.layers }];
    });
    for (const clients of [1, 4, 16]) {
      rows.push({ name: `database only: pre-analysed articles with their layers, ${clients} connection${clients > 1 ? 's' : ''} committing at once`, figures: { 'articles/s': await databaseOnly(base, clients, 10, sample) } });
    }
    return rows;
  } finally {
    if (cluster) {
      execFileSync(join(packageRoot, 'scripts', 'pg-cluster.sh'), ['stop', cluster]);
      rmSync(cluster, { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
