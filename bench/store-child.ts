/**
 * One `add` in its own process, for the store benchmarks: adds the given inputs to the given store file and
 * prints one JSON line with the wall time, the CPU time (user + system: what the work costs whatever else the
 * machine is doing), the counts and this process's peak RSS.
 * Usage: node --import tsx bench/store-child.ts DB INPUT...
 */
import { SqliteStore } from '../src/store/sqlite.js';
import { addToStore } from '../src/store/update.js';

const [db, ...inputs] = process.argv.slice(2);
const store = new SqliteStore(db);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
// as `parallax add` (src/store/commands.ts): the process analyses nothing after this add
const report = await addToStore(store, inputs, { releaseModels: true });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
await store.close();
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    added: report.added,
    skipped: report.skipped,
    failed: report.failed,
    articles: report.corpus.articles,
    stories: report.corpus.stories,
    rebuilt: report.corpus.rebuilt,
    rebuiltBecause: report.corpus.rebuiltBecause,
    relinked: report.corpus.relinked,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
