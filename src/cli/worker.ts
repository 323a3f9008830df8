/**
 * `parallax worker --db postgres://...`: run the PostgreSQL store's job queue (src/store/queue.ts) on this
 * machine, as many at once as `--concurrency` says; any number of workers on any number of machines share it.
 * SIGTERM or SIGINT stops taking jobs and finishes (or, after 30 s, releases) the running ones.
 */
import type { Command } from 'commander';
import { EXIT, UsageError } from './errors.js';
import type { CliCommand } from './command.js';

interface WorkerFlags {
  db?: string;
  concurrency: string;
  debounce: string;
  exitWhenIdle?: boolean;
  deadLetters?: boolean;
  quiet?: boolean;
  jobTimeout: string;
}

const EXAMPLES = `
Examples:
  $ parallax add --db postgres://me@db.example/news articles/     enqueue (returns at once)
  $ parallax worker --db postgres://me@db.example/news             on each machine that should work
  $ parallax worker --db "$PARALLAX_DB" --concurrency 2 --exit-when-idle
  $ parallax worker --db "$PARALLAX_DB" --dead-letters             inputs that could not be analysed, and why

--db defaults to $PARALLAX_DB. Run one worker (or --concurrency 1) per core: the stages are CPU-bound.`;

const whole = (flag: string, v: string, min: number): number => {
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`${flag} needs a whole number of at least ${min}, not "${v}"`);
  return Number(v);
};

async function run(cmd: Command): Promise<number> {
  const f = cmd.opts<WorkerFlags>();
  const db = f.db ?? process.env.PARALLAX_DB;
  if (!db || !/^postgres(?:ql)?:\/\//.test(db)) throw new UsageError('worker needs --db postgres://... (or PARALLAX_DB): the job queue lives in a PostgreSQL store');
  const concurrency = whole('--concurrency', f.concurrency, 1);
  const debounce = whole('--debounce', f.debounce, 0);
  const jobTimeout = whole('--job-timeout', f.jobTimeout, 1);
  const [{ PostgresStore }, queue] = await Promise.all([import('../store/postgres.js'), import('../store/queue.js')]);
  let store: import('../store/postgres.js').PostgresStore;
  try {
    store = await PostgresStore.open(db, { max: concurrency + 3 });
  } catch (err) {
    process.stderr.write(`parallax: ${(err as Error).message}\n`);
    return EXIT.failed;
  }
  try {
    if (f.deadLetters) {
      for (const d of await queue.deadLetters(store)) {
        process.stdout.write(`${d.path}${d.record !== undefined ? `#${d.record + 1}` : ''}\t${d.attempts}\t${d.reason}\n`);
      }
      return EXIT.ok;
    }
    const stop = new AbortController();
    const onSignal = () => {
      process.stderr.write('parallax: worker stopping: finishing the running jobs\n');
      stop.abort();
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    const log = f.quiet ? undefined : (line: string) => process.stderr.write(`parallax: ${line}\n`);
    log?.(`worker ${process.pid} on ${queue.queueSchema(db)} (concurrency ${concurrency})`);
    await queue.runWorker(store, { concurrency, debounceSeconds: debounce, jobTimeoutSeconds: jobTimeout, exitWhenIdle: f.exitWhenIdle, signal: stop.signal, log });
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export const workerCommand: CliCommand = {
  name: 'worker',
  configure(cmd) {
    cmd
      .description('Run the job queue of a PostgreSQL store: analyse enqueued articles, then rebuild changed stories.')
      .option('--db <url>', 'the store, a postgres:// URL (default: $PARALLAX_DB)')
      .option('--concurrency <n>', 'input jobs this process runs at once', '1')
      .option('--debounce <seconds>', 'how long the corpus stages wait for more articles before they run', '2')
      .option('--job-timeout <seconds>', 'a corpus or story job running longer counts as lost (its worker killed) and runs again', '600')
      .option('--exit-when-idle', 'stop once no job is pending')
      .option('--dead-letters', 'list the inputs that could not be analysed, with the reason, and exit')
      .option('--quiet', 'no progress lines')
      .addHelpText('after', EXAMPLES);
  },
  run,
};
