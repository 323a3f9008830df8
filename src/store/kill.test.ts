/**
 * Durability: `parallax add` killed with SIGKILL at random moments (seeded) leaves no half article and loses
 * no committed one; running it again finishes, and the final store equals one from an uninterrupted run.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { seededRandom } from '../random.js';
import { ARTICLE_STAGES } from '../stages.js';
import { RAW_LAYER } from '../pipeline.js';
import { SqliteStore } from './sqlite.js';
import { writeTestCorpus } from './testcorpus.js';

const KILLS = 20;
const dir = mkdtempSync(join(tmpdir(), 'parallax-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const corpus = join(dir, 'articles');
writeTestCorpus(corpus, 30);

const addArgs = (db: string) => ['--import', 'tsx', join(packageRoot, 'src', 'bin.ts'), 'add', corpus, '--db', db, '--quiet'];

/**
 * Run `add` to the end, watching the store from this process: the wall time, and when the first and the last
 * article were committed (ms from the start).
 */
function addToEnd(db: string): Promise<{ full: number; first: number; last: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first = Number.NaN;
    let last = Number.NaN;
    let seen = 0;
    const poll = setInterval(() => {
      try {
        const d = new Database(db, { readonly: true, fileMustExist: true });
        const n = (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
        d.close();
        const now = performance.now() - t0;
        if (n > 0 && Number.isNaN(first)) first = now;
        if (n > seen) last = now;
        seen = n;
      } catch {
        // not created or not migrated yet
      }
    }, 50);
    const child = spawn(process.execPath, addArgs(db), { cwd: packageRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`add failed (${code}): ${err}`));
      else resolve({ full: performance.now() - t0, first, last });
    });
  });
}

/** The number of articles in a store being written by another process, or 0 when it is not there yet. */
function countArticles(db: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

/**
 * Start `add` and SIGKILL it when `when` says so: after `ms`, or `ms` after the store first holds `articles`
 * articles. Resolves when the process is gone (it may have finished first), with its run time.
 */
function addKilled(db: string, when: { ms: number; articles?: number }): Promise<{ finished: boolean; ms: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, addArgs(db), { cwd: packageRoot, stdio: 'ignore' });
    let timer: NodeJS.Timeout | undefined;
    let poll: NodeJS.Timeout | undefined;
    const arm = () => (timer = setTimeout(() => child.kill('SIGKILL'), when.ms));
    if (when.articles === undefined) arm();
    else {
      poll = setInterval(() => {
        if (countArticles(db) >= (when.articles as number)) {
          clearInterval(poll);
          poll = undefined;
          arm();
        }
      }, 5);
    }
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      resolve({ finished: signal === null && code === 0, ms: performance.now() - t0 });
    });
  });
}

/** Everything a store holds, for comparing two stores. */
async function contents(file: string) {
  const s = new SqliteStore(file);
  try {
    const ids = await s.articleIds();
    const articles = await s.articlesById(ids);
    const stories = (await s.stories({ limit: 10_000 })).items;
    const sections = await Promise.all(stories.map((x) => s.sections(x.id)));
    const sources = s.db.prepare('SELECT hash, path, record, article FROM sources ORDER BY hash').all();
    return { ids, articles: articles.map((a) => ({ article: a.article, layers: a.layers })), stories, sections, actors: (await s.actors({ limit: 100_000 })).items, sources };
  } finally {
    await s.close();
  }
}

/** The invariants of a store after a kill: whole articles only, each with its source and its index entry. */
function checkWhole(file: string): string[] {
  const s = new SqliteStore(file);
  try {
    const wanted = [RAW_LAYER, ...ARTICLE_STAGES.map((x) => x.name)].sort();
    const ids = (s.db.prepare('SELECT id FROM articles ORDER BY seq').all() as { id: string }[]).map((r) => r.id);
    for (const id of ids) {
      const layers = (s.db.prepare('SELECT stage FROM layers WHERE article = ? ORDER BY stage').all(id) as { stage: string }[]).map((r) => r.stage);
      assert.deepEqual(layers, wanted, `article ${id} has all its layers`);
      assert.ok(s.db.prepare('SELECT 1 FROM sources WHERE article = ?').get(id), `article ${id} has its source`);
    }
    const orphans = s.db.prepare('SELECT count(*) AS n FROM layers WHERE article NOT IN (SELECT id FROM articles)').get() as { n: number };
    assert.equal(orphans.n, 0, 'no layer without its article');
    const indexed = s.db.prepare("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'said OR the'").get() as { n: number };
    const fts = s.db.prepare('SELECT count(*) AS n FROM articles_fts').get() as { n: number };
    assert.equal(fts.n, ids.length, 'every article is in the full-text index, once');
    assert.ok(indexed.n <= ids.length);
    return ids;
  } finally {
    void s.close();
  }
}

test(`add survives ${KILLS} SIGKILLs at random moments and ends as an uninterrupted run`, { timeout: 15 * 60_000 }, async (t) => {
  const reference = join(dir, 'reference.db');
  const timing = await addToEnd(reference);
  assert.ok(timing.first > 0 && timing.last >= timing.first, 'the reference run was watched committing articles');
  const killed = join(dir, 'killed.db');
  const random = seededRandom(2024);
  let committed: string[] = [];
  let kills = 0;
  let finishedEarly = 0;
  const progress: number[] = [];
  const total = countArticles(reference);
  // Kills chosen by what the run has done, not by the clock (the machine's speed varies): most land while
  // articles are being analysed and committed (a few ms after the store reaches a random count), some in
  // start-up, and once every article is stored, in the corpus stages and their commit.
  let span = timing.full;
  for (let i = 0; kills < KILLS; i++) {
    assert.ok(i < KILLS * 2, `${KILLS} kills within ${KILLS * 2} runs (${kills} so far)`);
    const r = random();
    const stored = committed.length;
    const when =
      r < 0.15
        ? { ms: random() * timing.first }
        : stored < total
          ? { articles: stored + 1 + Math.floor(random() * Math.min(3, total - stored)), ms: random() * 30 }
          : { ms: random() * span };
    const run = await addKilled(killed, when);
    if (run.finished) {
      finishedEarly++;
      span = run.ms * 0.95;
    } else kills++;
    let now: string[] = [];
    try {
      now = checkWhole(killed);
    } catch (err) {
      // killed before the store file was created or migrated: nothing committed yet
      if (committed.length || !/cannot open|not a parallax store|no such table/.test(String(err))) throw err;
    }
    for (const id of committed) assert.ok(now.includes(id), `committed article ${id} is still there after kill ${i + 1}`);
    assert.deepEqual(now.slice(0, committed.length), committed, 'committed articles keep their order');
    progress.push(now.length);
    committed = now;
  }
  assert.equal(kills, KILLS);
  t.diagnostic(`${kills} kills, ${finishedEarly} runs finished first; articles stored after each run: ${progress.join(' ')}`);
  await addToEnd(killed);
  checkWhole(killed);
  assert.deepEqual(await contents(killed), await contents(reference));
});
