/**
 * The web app on a large store: PolNeAR train + dev (923 articles, 7 outlets) added with the store's `add`
 * (built once, cached under the temp directory by the inputs and the stage versions), then the median latency
 * of the story list, of search, and of the largest story's page, each answered in-process by the app
 * (`app.request`). The story page is measured twice: first asked (a new app each time, so the briefing is read,
 * parsed and rendered), and asked again (the app keeps the rendered page until the corpus results change).
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { BenchRow } from './harness.js';
import { sharedPath } from '../src/paths.js';
import { stageVersions } from '../src/stages.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { addToStore, refreshCorpus } from '../src/store/update.js';
import { createApp } from '../src/web/app.js';

/**
 * The inputs as a key: every file's path (relative to its folder), size and modification time. A changed,
 * added or removed file gives another key.
 */
export function inputKey(dirs: readonly string[]): string {
  const h = createHash('sha256');
  const walk = (root: string, dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(root, p);
      else h.update(`${relative(root, p)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  for (const d of dirs) {
    h.update(`${d}\n`);
    walk(d, d);
  }
  return h.digest('hex').slice(0, 12);
}

/**
 * The store of PolNeAR train + dev, cached under the temp directory and named by the inputs and the stage
 * versions. Absent, it is built once with `add` (15 minutes on a loaded 2-core machine). When only the stage
 * versions changed, a copy of the store of the same inputs is brought up to date the way `parallax reanalyse`
 * does (stale layers rebuilt, the corpus stages run again), which takes a few minutes instead.
 */
export async function polnearStore(train: string, dev: string): Promise<string> {
  const input = inputKey([train, dev]);
  const code = createHash('sha256').update(JSON.stringify(stageVersions())).digest('hex').slice(0, 12);
  const prefix = `parallax-web-bench-polnear-${input}-`;
  const file = join(tmpdir(), `${prefix}${code}.db`);
  if (existsSync(file)) return file;
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const older = readdirSync(tmpdir())
    .filter((f) => f.startsWith(prefix) && f.endsWith('.db'))
    .map((f) => join(tmpdir(), f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  const t0 = performance.now();
  if (older) {
    // a closed store holds everything in its main file (the WAL is checkpointed on close)
    copyFileSync(older, partial);
    const store = new SqliteStore(partial);
    const report = await refreshCorpus(store);
    await store.close();
    process.stderr.write(`web bench: refreshed a copy of ${older} (${report.layersRebuilt} layers, ${report.rebuilt} stories rebuilt) in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  } else {
    const store = new SqliteStore(partial);
    const report = await addToStore(store, [train, dev]);
    await store.close();
    process.stderr.write(`web bench: built ${file} (${report.added} added, ${report.failed} failed) in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  renameSync(partial, file);
  return file;
}

/**
 * Median wall-clock and CPU milliseconds of `runs` calls (after one warm-up call). On a shared machine the CPU
 * time is what one request costs this process; the wall-clock time adds the wait for a core.
 */
async function median(runs: number, f: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  await f();
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { wall: mid(wall), cpu: mid(cpu) };
}

export default async function bench(): Promise<BenchRow[] | { skip: string }> {
  const train = sharedPath('eval', 'polnear', 'train', 'text');
  const dev = sharedPath('eval', 'polnear', 'dev', 'text');
  if (!train || !dev) return { skip: 'needs ../shared/eval/polnear/{train,dev}/text' };
  const file = await polnearStore(train, dev);
  const store = new SqliteStore(file);
  const app = createApp(store);
  const get = async (path: string, from = app): Promise<void> => {
    const r = await from.request(path);
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    // the bytes, as the server sends them: decoding them is the browser's work, not the app's
    await r.arrayBuffer();
  };
  const articles = (await store.articles({ limit: 1 })).total;
  const stories = (await store.stories({ limit: 1 })).total;
  const largest = (await store.stories({ sort: 'size', limit: 1 })).items[0];
  // queries of news in general: a common word, a phrase, a boolean query
  const queries = ['president', '"white house"', 'campaign OR election NOT poll'];
  const searchApi = async () => {
    for (const q of queries) await get(`/api/v1/search?q=${encodeURIComponent(q)}`);
  };
  const searchPage = async () => {
    for (const q of queries) await get(`/search?q=${encodeURIComponent(q)}`);
  };
  const RUNS = 15;
  const per = (m: { wall: number; cpu: number }, n: number) => ({ wall: m.wall / n, cpu: m.cpu / n });
  const measured: [string, { wall: number; cpu: number }][] = [
    ['story list API', await median(RUNS, () => get('/api/v1/stories'))],
    ['story list page', await median(RUNS, () => get('/'))],
    ['search API', per(await median(RUNS, searchApi), queries.length)],
    ['search page', per(await median(RUNS, searchPage), queries.length)],
    [`largest story page (${largest.size} articles), first asked`, await median(RUNS, () => get(`/stories/${largest.id}`, createApp(store)))],
    [`largest story page (${largest.size} articles), asked again`, await median(RUNS, () => get(`/stories/${largest.id}`))],
  ];
  const figures = Object.fromEntries(measured.flatMap(([k, m]) => [[`${k} ms`, m.wall], [`(cpu ${k} ms)`, m.cpu]]));
  await store.close();
  return [{ name: `web app on PolNeAR train + dev (${articles} articles, ${stories} stories; median of ${RUNS}, in-process app.request, load average ${os.loadavg()[0].toFixed(1)})`, figures }];
}

if (process.argv[2] === '--build') {
  const train = sharedPath('eval', 'polnear', 'train', 'text');
  const dev = sharedPath('eval', 'polnear', 'dev', 'text');
  if (train && dev) console.log(await polnearStore(train, dev));
}
