import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore } from './memory.js';
import { spawnSync } from 'node:child_process';
import { addAsJob, jobOrphaned, newJob } from './jobs.js';

test('an add job records its counts and each failure with its reason, and ends done', async () => {
  const store = new MemoryStore();
  const text = 'Harbour workers in the made-up port of Quayside walked out on Monday, their union said. The strike went on.';
  const { job, report } = await addAsJob(store, [
    { path: 'good.txt', data: text },
    { path: 'empty.txt', data: '' },
    { path: 'again.txt', data: text },
  ], {}, 'api');
  assert.equal(report.added, 1);
  const stored = await store.job(job.id);
  assert.ok(stored);
  assert.equal(stored.status, 'done');
  assert.equal(stored.origin, 'api');
  assert.equal(stored.added, 1);
  assert.equal(stored.skipped, 1);
  assert.equal(stored.failed, 1);
  assert.equal(stored.failures[0].path, 'empty.txt');
  assert.ok(stored.failures[0].reason.length > 3);
  assert.ok(stored.finished && stored.finished >= stored.started);
  assert.equal((await store.jobs()).total, 1);
});

test('a running job whose process is gone is told apart from one still running', () => {
  const mine = newJob('cli');
  assert.equal(jobOrphaned(mine), false);
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  assert.equal(jobOrphaned({ ...mine, pid: Number(gone.stdout) }), true);
  assert.equal(jobOrphaned({ ...mine, pid: Number(gone.stdout), status: 'done' }), false);
  assert.equal(jobOrphaned({ ...mine, pid: Number(gone.stdout), host: 'another-machine' }), false);
});
