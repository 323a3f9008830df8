/**
 * The job queue of a PostgreSQL store, on pg-boss (its tables beside the store's, in the same database, so that
 * an input and its job are written in one transaction and there is one system to run and back up).
 *
 * Three queues:
 * - `parallax-input`: one job per input `parallax add` read (a file, or a multi-record file as a batch). Its
 *   bytes go into `inputs` in the transaction that sends the job. A worker ingests it and runs the
 *   article-level stages, committing each article with its layers and its source in one transaction.
 * - `parallax-corpus`: the corpus-level stages (actors, duplicates, stories) over every stored article, sent
 *   whenever an input added articles. The queue is `stately` (at most one job waiting and one running), and
 *   the job waits `debounce` seconds before it starts: a burst of inputs makes one run, not one per input.
 * - `parallax-story`: one job per story whose inputs changed (its key, as in src/store/update.ts, differs
 *   from the key its sections were built from): the story-scope stages, writing that story's sections.
 *
 * Every job is idempotent: an input whose articles are stored is skipped record by record (by source hash),
 * the corpus job does nothing when its key matches what is stored, a story job nothing when its sections
 * already match the story's key. So a job run twice (a worker killed after its commit, before pg-boss heard
 * of it) changes nothing. Failures are retried with exponential backoff; an input or record that cannot be
 * analysed (a stage or the reader refused it: the same on every try) goes straight to `dead_letters` with
 * the reason, and so does a job that still fails after its last retry.
 */
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { AnalyzeOptions, Doc, DuplicateGroup, Story, Actor } from '../model.js';
import { ingest } from '../ingest/index.js';
import { runArticle, runCorpus } from '../pipeline.js';
import { CORPUS_STAGES } from '../stages.js';
import type { PostgresStore } from './postgres.js';
import { actorsByArticle, corpusKey, loadCorpus, loadStory, readSources, sha256, sourceHash, storyKey, storySections, type AddSource } from './update.js';

export const INPUT_QUEUE = 'parallax-input';
export const CORPUS_QUEUE = 'parallax-corpus';
export const STORY_QUEUE = 'parallax-story';
const QUEUES = [INPUT_QUEUE, CORPUS_QUEUE, STORY_QUEUE];

/** Retries of a failing job: 5, waiting 2 s, then 4, 8, … (pg-boss's backoff). */
const RETRY = { retryLimit: 5, retryDelay: 2, retryBackoff: true };

/**
 * The schema pg-boss keeps its tables in: `pgboss`, or `<schema>_queue` beside a store whose URL sets its own
 * schema (`?options=-c search_path=<schema>`), so that stores in one database keep their queues apart.
 */
export function queueSchema(url: string): string {
  let options: string | null = null;
  try {
    options = new URL(url).searchParams.get('options');
  } catch {
    return 'pgboss';
  }
  const m = options?.match(/search_path=([A-Za-z_][A-Za-z0-9_]*)/);
  return m ? `${m[1]}_queue` : 'pgboss';
}

/** pg-boss on the store's database; its schema is created (or migrated) by the first that starts. */
export async function startQueue(store: PostgresStore, options: { supervise?: boolean; maintenanceSeconds?: number; onError?: (e: Error) => void } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: store.url,
    schema: queueSchema(store.url),
    max: 3,
    supervise: options.supervise ?? false,
    schedule: false,
    // expired (a killed worker's) jobs go back to retry at the next maintenance
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 10,
  });
  boss.on('error', options.onError ?? (() => {}));
  await boss.start();
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const name of QUEUES) {
    if (existing.has(name)) continue;
    await boss.createQueue(name, { name, policy: name === INPUT_QUEUE ? 'standard' : 'stately', ...RETRY, expireInSeconds: 15 * 60 });
  }
  return boss;
}

/** A pg-boss `db` that runs its statements on a client inside the caller's transaction. */
const inTransaction = (c: pg.PoolClient) => ({ executeSql: (text: string, values: unknown[]) => c.query(text, values) });

/** Jobs not yet done (waiting, retrying or running) in parallax's queues; 0 when no queue was ever made. */
export async function pendingJobs(store: PostgresStore): Promise<number> {
  const schema = queueSchema(store.url);
  const exists = (await store.pool.query('SELECT to_regclass($1) AS t', [`${schema}.job`])).rows[0].t;
  if (!exists) return 0;
  const r = await store.pool.query(`SELECT count(*)::int AS n FROM ${schema}.job WHERE name = ANY($1::text[]) AND state < 'completed'`, [QUEUES]);
  return r.rows[0].n as number;
}

export interface DeadLetter {
  hash: string;
  path: string;
  record?: number;
  reason: string;
  attempts: number;
  at: string;
}

export async function deadLetters(store: PostgresStore): Promise<DeadLetter[]> {
  const rows = (await store.pool.query('SELECT hash, path, record, reason, attempts, at FROM dead_letters ORDER BY at, hash, record')).rows;
  return rows.map((r) => ({ hash: r.hash, path: r.path, ...(r.record >= 0 ? { record: r.record } : {}), reason: r.reason, attempts: r.attempts, at: new Date(r.at).toISOString() }));
}

async function putDeadLetter(c: pg.Pool | pg.PoolClient, d: { hash: string; path: string; record?: number; reason: string; attempts: number }): Promise<void> {
  await c.query(
    'INSERT INTO dead_letters (hash, record, path, reason, attempts) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (hash, record) DO UPDATE SET reason = EXCLUDED.reason, attempts = EXCLUDED.attempts, at = now()',
    [d.hash, d.record ?? -1, d.path, d.reason, d.attempts],
  );
}

export interface EnqueueEvent {
  path: string;
  outcome: 'queued' | 'skipped' | 'failed';
  reason?: string;
}

/**
 * `parallax add` against PostgreSQL: each input's bytes stored and its job sent in one transaction. Inputs
 * whose bytes are stored or queued already are skipped. The work itself is done by `parallax worker`.
 */
export async function enqueueInputs(
  store: PostgresStore,
  sources: readonly AddSource[],
  options: { onEvent?: (e: EnqueueEvent) => void; jobTimeoutSeconds?: number } = {},
): Promise<{ queued: number; skipped: number; failed: number; events: EnqueueEvent[] }> {
  const boss = await startQueue(store);
  const events: EnqueueEvent[] = [];
  const report = (e: EnqueueEvent) => {
    events.push(e);
    options.onEvent?.(e);
  };
  try {
    for await (const entry of readSources(sources)) {
      if ('error' in entry) {
        report({ path: entry.path, outcome: 'failed', reason: entry.error });
        continue;
      }
      const { bytes } = entry;
      const hash = sha256(bytes);
      if (await store.source(hash)) {
        report({ path: entry.path, outcome: 'skipped', reason: 'already in the store' });
        continue;
      }
      const queued = await store.transaction(async (c) => {
        const fresh = await c.query('INSERT INTO inputs (hash, path, bytes) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING RETURNING seq', [hash, entry.path, Buffer.from(bytes)]);
        if (!fresh.rowCount) return false;
        // a killed worker's job expires and is retried after this long: generous for the input's size
        const expireInSeconds = options.jobTimeoutSeconds ?? 120 + Math.ceil(bytes.length / 1000);
        await boss.send(INPUT_QUEUE, { hash }, { ...RETRY, expireInSeconds, db: inTransaction(c) });
        return true;
      });
      report(queued ? { path: entry.path, outcome: 'queued' } : { path: entry.path, outcome: 'skipped', reason: 'already queued' });
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
  const count = (o: EnqueueEvent['outcome']) => events.filter((e) => e.outcome === o).length;
  return { queued: count('queued'), skipped: count('skipped'), failed: count('failed'), events };
}

export interface WorkerOptions {
  /** input jobs this process runs at once (default 1: the stages are CPU-bound, run one process per core) */
  concurrency?: number;
  /** seconds a corpus job waits for more inputs before it starts (default 2) */
  debounceSeconds?: number;
  analyze?: AnalyzeOptions;
  log?: (line: string) => void;
  /** stop when no job is pending (the queue drained), for batch runs and tests */
  exitWhenIdle?: boolean;
  maintenanceSeconds?: number;
  /** seconds after which a corpus or story job this worker sends, still running, counts as lost and is retried (default 600) */
  jobTimeoutSeconds?: number;
}

/** Errors of a lost connection to the server (restart, network): the job is retried, the worker carries on. */
const CONNECTION_ERROR = /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|terminating connection|the database system is (?:starting up|shutting down)|Client has encountered a connection error/;

/** How the queue's position of an article sorts: its input's seq, then its record. */
const originOf = (inputSeq: string, record: number | undefined): string => `${inputSeq}.${String(record ?? 0).padStart(9, '0')}`;

/** Run one input job: every record of the input analysed and committed once. */
async function runInput(store: PostgresStore, boss: PgBoss, hash: string, attempt: number, o: Required<Pick<WorkerOptions, 'debounceSeconds'>> & WorkerOptions): Promise<void> {
  const row = (await store.pool.query('SELECT seq, path, bytes, done FROM inputs WHERE hash = $1', [hash])).rows[0];
  if (!row || row.done) return;
  const options = o.analyze ?? {};
  const read = await ingest([{ path: row.path, data: new Uint8Array(row.bytes) }], options);
  for (const e of read.errors) await putDeadLetter(store.pool, { hash, path: e.path, record: e.record, reason: e.reason, attempts: attempt });
  let added = 0;
  for (const raw of read.articles) {
    const h = sourceHash(hash, raw.source.record);
    if (await store.source(h)) continue;
    const result = runArticle(raw, options);
    if ('error' in result) {
      await putDeadLetter(store.pool, { hash, path: raw.source.path, record: raw.source.record, reason: result.error.reason, attempts: attempt });
      continue;
    }
    const article = (result.work.doc as Doc).article;
    const source = { hash: h, path: raw.source.path, ...(raw.source.record !== undefined ? { record: raw.source.record } : {}), article: article.id };
    const origin = originOf(row.seq, raw.source.record);
    await store.transaction(async (c) => {
      // the same text from several inputs: the one first in the queue is kept, as `add` keeps the first it reads
      const existing = (await c.query('SELECT origin FROM articles WHERE id = $1 FOR UPDATE', [article.id])).rows[0];
      if (existing && existing.origin !== null && Number(existing.origin) <= Number(origin)) await store.putSource(source, c);
      else await store.putArticleIn(c, article, result.layers, source, origin);
    });
    added++;
  }
  await store.transaction(async (c) => {
    await c.query('UPDATE inputs SET done = now() WHERE hash = $1', [hash]);
    // in the same transaction: an input marked done has always triggered the corpus stages
    if (added || read.articles.length) {
      await boss.send(CORPUS_QUEUE, {}, { singletonKey: 'corpus', startAfter: o.debounceSeconds, ...RETRY, expireInSeconds: o.jobTimeoutSeconds ?? 600, db: inTransaction(c) });
    }
  });
  o.log?.(`input ${row.path}: ${added} article${added === 1 ? '' : 's'} added`);
}

/** The article ids in the queue's order (as `add` would have read them), then any stored outside the queue. */
async function queueOrder(store: PostgresStore): Promise<string[]> {
  return (await store.pool.query<{ id: string }>('SELECT id FROM articles ORDER BY origin NULLS LAST, seq')).rows.map((r) => r.id);
}

/** Run the corpus job: the corpus-level stages when the stored articles changed, then a job per changed story. */
async function runCorpusJob(store: PostgresStore, boss: PgBoss, o: WorkerOptions): Promise<void> {
  const options = o.analyze ?? {};
  const ids = await queueOrder(store);
  const key = corpusKey(ids, options);
  let previous = (await store.meta('corpus')) as { key: string; stories: Record<string, string> } | null;
  if (previous?.key !== key) {
    const { docs, mentions } = await loadCorpus(store, ids, options, { said: false });
    const work = runCorpus({ options, docs, said: new Map(), mentions, parts: {} }, CORPUS_STAGES);
    const actors = work.actors ?? [];
    const stories = work.stories ?? [];
    const duplicates = work.duplicates ?? [];
    const index = actorsByArticle(actors);
    const keys = Object.fromEntries(stories.map((s) => [s.id, storyKey(s, actors, duplicates, options, index)]));
    await store.commitCorpus({ actors, stories, sections: new Map(), meta: { corpus: { key, stories: keys }, duplicates } });
    previous = { key, stories: keys };
    o.log?.(`corpus: ${ids.length} articles in ${stories.length} stories`);
  }
  const built = new Map((await store.pool.query('SELECT story, key FROM sections')).rows.map((r) => [r.story as string, r.key as string | null]));
  for (const [story, k] of Object.entries(previous.stories)) {
    if (built.get(story) !== k) await boss.send(STORY_QUEUE, { story }, { singletonKey: story, ...RETRY, expireInSeconds: o.jobTimeoutSeconds ?? 600 });
  }
}

/** Run a story job: that story's sections, built for the story's current key (nothing when they match it). */
async function runStoryJob(store: PostgresStore, id: string, o: WorkerOptions): Promise<void> {
  const options = o.analyze ?? {};
  const target = ((await store.meta('corpus')) as { stories: Record<string, string> } | null)?.stories[id];
  if (!target) return; // the story is gone
  const current = (await store.pool.query('SELECT key FROM sections WHERE story = $1', [id])).rows[0];
  if (current?.key === target) return;
  const row = (await store.pool.query('SELECT json FROM stories WHERE id = $1', [id])).rows[0];
  if (!row) return;
  const story = JSON.parse(row.json) as Story;
  const loaded = await loadStory(store, story, options);
  const actors = (
    await store.pool.query('SELECT json FROM actors WHERE id IN (SELECT actor FROM actor_articles WHERE article = ANY($1::text[])) ORDER BY rank', [story.articles])
  ).rows.map((r) => JSON.parse(r.json) as Actor);
  const duplicates = ((await store.meta('duplicates')) ?? []) as DuplicateGroup[];
  const index = actorsByArticle(actors);
  // the store moved on since the corpus job (a newer one will send this story again)
  if (storyKey(story, actors, duplicates, options, index) !== target) return;
  const briefing = storySections(story, loaded, actors, duplicates, options, index);
  await store.transaction(async (c) => {
    const now = (await c.query("SELECT json FROM meta WHERE key = 'corpus' FOR SHARE")).rows[0];
    if ((JSON.parse(now?.json ?? 'null') as { stories: Record<string, string> } | null)?.stories[id] !== target) return;
    await c.query('INSERT INTO sections (story, json, key) VALUES ($1, $2, $3) ON CONFLICT (story) DO UPDATE SET json = EXCLUDED.json, key = EXCLUDED.key', [id, JSON.stringify(briefing), target]);
  });
}

/**
 * `parallax worker`: run the queue's jobs until `signal` aborts (SIGTERM): the jobs running then are finished
 * (or, after 30 s, failed back to the queue for another worker), none is taken after.
 */
export async function runWorker(store: PostgresStore, options: WorkerOptions & { signal?: AbortSignal } = {}): Promise<void> {
  const o = { debounceSeconds: 2, ...options };
  // pg-boss 10 does not await its complete/fail calls: with the server gone (a restart) they reject unhandled.
  // Such a job stays active until it expires and is then retried; any other unhandled rejection still crashes.
  const onRejection = (err: unknown) => {
    if (err instanceof Error && CONNECTION_ERROR.test(err.message)) o.log?.(`queue: ${err.message} (the job will be retried)`);
    else throw err;
  };
  process.on('unhandledRejection', onRejection);
  try {
    await work(store, o);
  } finally {
    process.off('unhandledRejection', onRejection);
  }
}

async function work(store: PostgresStore, o: WorkerOptions & { signal?: AbortSignal; debounceSeconds: number }): Promise<void> {
  const boss = await startQueue(store, { supervise: true, maintenanceSeconds: o.maintenanceSeconds, onError: (e) => o.log?.(`queue: ${e.message}`) });
  const guarded = (name: string, body: (job: PgBoss.JobWithMetadata<Record<string, string>>) => Promise<void>) => async ([job]: PgBoss.JobWithMetadata<Record<string, string>>[]) => {
    try {
      await body(job);
    } catch (err) {
      const reason = (err as Error).message;
      o.log?.(`${name} job ${job.id} failed (attempt ${job.retryCount + 1} of ${job.retryLimit + 1}): ${reason}`);
      if (job.retryCount >= job.retryLimit && name === INPUT_QUEUE) {
        const row = (await store.pool.query('SELECT path FROM inputs WHERE hash = $1', [job.data.hash])).rows[0];
        await putDeadLetter(store.pool, { hash: job.data.hash, path: row?.path ?? '(unknown)', reason, attempts: job.retryCount + 1 }).catch(() => {});
      }
      throw err;
    }
  };
  const work = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds: 0.5 };
  // pg-boss waits out the polling interval after every fetch, even one that found a job: a worker that has just
  // finished a job asks again at once (a story job takes tens of milliseconds; half a second of waiting after
  // each made the queue mostly idle), and waits only when the queue had nothing for it.
  const register = async (name: string, handler: ReturnType<typeof guarded>): Promise<void> => {
    let id = '';
    id = await boss.work(name, work, async (jobs: PgBoss.JobWithMetadata<Record<string, string>>[]) => {
      try {
        await handler(jobs);
      } finally {
        if (id) boss.notifyWorker(id);
      }
    });
  };
  for (let i = 0; i < Math.max(1, o.concurrency ?? 1); i++) {
    await register(INPUT_QUEUE, guarded(INPUT_QUEUE, (job) => runInput(store, boss, job.data.hash, job.retryCount + 1, o)));
  }
  await register(CORPUS_QUEUE, guarded(CORPUS_QUEUE, () => runCorpusJob(store, boss, o)));
  await register(STORY_QUEUE, guarded(STORY_QUEUE, (job) => runStoryJob(store, job.data.story, o)));
  await new Promise<void>((resolve) => {
    if (o.signal?.aborted) return resolve();
    o.signal?.addEventListener('abort', () => resolve(), { once: true });
    if (o.exitWhenIdle) {
      let idle = 0;
      const tick = setInterval(() => {
        void pendingJobs(store).then(
          (n) => {
            idle = n === 0 ? idle + 1 : 0;
            if (idle >= 2) {
              clearInterval(tick);
              resolve();
            }
          },
          () => {
            idle = 0;
          },
        );
      }, 1000);
      o.signal?.addEventListener('abort', () => clearInterval(tick), { once: true });
    }
  });
  await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
}
