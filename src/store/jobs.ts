/**
 * `add` as a job: the same `addToStore`, with its progress, counts and failures recorded in the store as they
 * happen, so a long add (from the CLI or the HTTP API) can be followed from another process (`/jobs` in the web
 * app) and its failures read afterwards with their reasons.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { JobRecord, Store } from './types.js';
import { addToStore, type AddOptions, type AddReport } from './update.js';

/** Failures kept per job: enough to act on, bounded so one broken feed cannot bloat the record. */
const MAX_FAILURES = 1000;

export function newJob(origin: string): JobRecord {
  return {
    id: randomUUID(),
    kind: 'add',
    origin,
    status: 'running',
    started: new Date().toISOString(),
    finished: null,
    done: 0,
    total: null,
    added: 0,
    skipped: 0,
    failed: 0,
    failures: [],
    error: null,
    pid: process.pid,
    host: hostname(),
  };
}

/**
 * Whether a job marked running has lost its process (killed before it could record its end): only knowable for
 * jobs of this machine; elsewhere, or when unsure, false.
 */
export function jobOrphaned(job: JobRecord): boolean {
  if (job.status !== 'running' || job.pid === undefined || job.host !== hostname()) return false;
  try {
    process.kill(job.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Run `addToStore` as a recorded job; a job that throws is recorded as failed with the reason, then rethrown. */
export async function addAsJob(
  store: Store,
  sources: Parameters<typeof addToStore>[1],
  options: AddOptions = {},
  origin = 'cli',
  job: JobRecord = newJob(origin),
): Promise<{ job: JobRecord; report: AddReport }> {
  await store.putJob(job);
  // saves run one after another, each of a snapshot, so a slower store never writes an older state last
  let saving: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    const snapshot: JobRecord = { ...job, failures: [...job.failures] };
    saving = saving.then(() => store.putJob(snapshot));
    return saving;
  };
  try {
    const report = await addToStore(store, sources, {
      ...options,
      onEvent: (e) => {
        if (e.outcome === 'added') job.added++;
        else if (e.outcome === 'skipped') job.skipped++;
        else {
          job.failed++;
          if (job.failures.length < MAX_FAILURES) job.failures.push({ path: e.path, ...(e.record !== undefined ? { record: e.record } : {}), reason: e.reason ?? 'failed' });
        }
        void save();
        options.onEvent?.(e);
      },
      onProgress: (done, total, path) => {
        job.done = done;
        job.total = total;
        void save();
        options.onProgress?.(done, total, path);
      },
    });
    job.status = 'done';
    job.done = Math.max(job.done, job.total ?? 0);
    job.finished = new Date().toISOString();
    await save();
    return { job, report };
  } catch (err) {
    job.status = 'failed';
    job.error = (err as Error).message;
    job.finished = new Date().toISOString();
    await save();
    throw err;
  }
}
