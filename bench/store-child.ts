/**
 * One `add` in its own process, for the store benchmarks: adds the given inputs to the given store file and
 * prints one JSON line with the wall time, the counts and this process's peak RSS.
 * Usage: node --import tsx bench/store-child.ts DB INPUT...
 */
import { SqliteStore } from '../src/store/sqlite.js';
import { addToStore } from '../src/store/update.js';

const [db, ...inputs] = process.argv.slice(2);
const store = new SqliteStore(db);
const t0 = performance.now();
const report = await addToStore(store, inputs);
const seconds = (performance.now() - t0) / 1000;
await store.close();
console.log(
  JSON.stringify({
    seconds,
    added: report.added,
    skipped: report.skipped,
    failed: report.failed,
    articles: report.corpus.articles,
    stories: report.corpus.stories,
    rebuilt: report.corpus.rebuilt,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
