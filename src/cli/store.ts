/**
 * The store's commands: `parallax add`, `stories`, `briefing`, `search`, `reanalyse`. Options are declared and
 * checked here; the work is in src/store/commands.ts, loaded only when a command runs.
 */
import type { Command } from 'commander';
import { EXIT_HELP, UsageError } from './errors.js';
import { checkOutput, formatOf } from './output.js';
import type { CliCommand } from './registry.js';

const DB_HELP = 'the store: a SQLite file, created when absent (default: ./parallax.db)';

function count(flag: string, given: string | undefined, min = 1): number | undefined {
  if (given === undefined) return undefined;
  if (!/^\d+$/.test(given) || Number(given) < min) throw new UsageError(`${flag} needs a whole number of at least ${min}, not "${given}"`);
  return Number(given);
}

function isoDay(flag: string, given: string | undefined): string | undefined {
  if (given !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(given)) throw new UsageError(`${flag} needs an ISO date such as 2024-10-15, not "${given}"`);
  return given;
}

async function outletsFile(given: string | undefined): Promise<string | undefined> {
  if (given === undefined) return undefined;
  const { loadOutletRegistry } = await import('../outlets/index.js');
  try {
    loadOutletRegistry(given);
  } catch (err) {
    throw new UsageError(`--outlets: ${(err as Error).message}`);
  }
  return given;
}

/** Run a store command, its usage errors reported as the CLI's. */
async function storeCommands() {
  return import('../store/commands.js');
}

async function asUsage<T>(body: () => Promise<T>): Promise<T> {
  const { StoreUsageError } = await storeCommands();
  try {
    return await body();
  } catch (err) {
    if (err instanceof StoreUsageError) throw new UsageError(err.message);
    throw err;
  }
}

interface AnalysisFlags {
  db?: string;
  quiet?: boolean;
  published?: string;
  outlets?: string;
  summarySentences?: string;
  summaryWords?: string;
}

async function analysisOptions(flags: AnalysisFlags) {
  isoDay('--published', flags.published);
  return {
    assumePublished: flags.published,
    summarySentences: count('--summary-sentences', flags.summarySentences),
    summaryWords: count('--summary-words', flags.summaryWords),
    outlets: await outletsFile(flags.outlets),
  };
}

function analysisFlags(cmd: Command): Command {
  return cmd
    .option('--db <file>', DB_HELP)
    .option('--published <date>', 'publication date (ISO) assumed for articles that state none')
    .option('--outlets <file>', 'an outlet registry (JSON {"outlets": [...]}) adding to or replacing the built-in one')
    .option('--summary-sentences <n>', 'at most this many sentences in each story\'s cited summary')
    .option('--summary-words <n>', 'at most about this many words in each story\'s cited summary')
    .option('-q, --quiet', 'no progress, skipped inputs or closing summary on stderr (failures are still reported)');
}

export const addCommand: CliCommand = {
  name: 'add',
  configure(cmd) {
    analysisFlags(
      cmd
        .description('Add articles to the store: each new one analysed once, stories and their briefings brought up to date.')
        .argument('<paths...>', 'article files and folders (as for analyze); - reads standard input'),
    ).addHelpText(
      'after',
      `
An input whose bytes (or whose text) are already stored is skipped and reported. Each article is committed
with all its layers at once: an interrupted add loses nothing committed, and running it again finishes.

Examples:
  $ parallax add articles/                  into ./parallax.db
  $ parallax add today/ --db corpus.db      into another store

${EXIT_HELP}`,
    );
  },
  async run(cmd) {
    const [paths] = cmd.processedArgs as [string[]];
    const flags = cmd.opts<AnalysisFlags>();
    const options = await analysisOptions(flags);
    return asUsage(async () => (await storeCommands()).addCommand({ paths, db: flags.db, quiet: flags.quiet, ...options }));
  },
};

export const reanalyseCommand: CliCommand = {
  name: 'reanalyse',
  configure(cmd) {
    analysisFlags(cmd.description('Rebuild the stored layers whose stage version changed, then the stories and briefings that depend on them.'));
  },
  async run(cmd) {
    const flags = cmd.opts<AnalysisFlags>();
    const options = await analysisOptions(flags);
    return asUsage(async () => (await storeCommands()).reanalyseCommand({ db: flags.db, quiet: flags.quiet, ...options }));
  },
};

interface ListFlags {
  db?: string;
  json?: boolean;
  sort?: string;
  limit?: string;
  offset?: string;
  from?: string;
  to?: string;
  outlet?: string;
  actor?: string;
}

export const storiesCommand: CliCommand = {
  name: 'stories',
  configure(cmd) {
    cmd
      .description('List the stored stories, largest first.')
      .option('--db <file>', DB_HELP)
      .option('--json', 'also print one JSON object on the last line')
      .option('--sort <order>', 'size (most articles first, the default) or recent (latest first)')
      .option('--from <date>', 'only stories with a date on or after this day (ISO)')
      .option('--to <date>', 'only stories with a date on or before this day (ISO)')
      .option('--outlet <name>', 'only stories an outlet covers')
      .option('--actor <id>', 'only stories that mention an actor (its id)')
      .option('--limit <n>', 'at most this many stories (default 50)')
      .option('--offset <n>', 'skip this many first');
  },
  async run(cmd) {
    const f = cmd.opts<ListFlags>();
    if (f.sort !== undefined && f.sort !== 'size' && f.sort !== 'recent') throw new UsageError(`--sort is size or recent, not "${f.sort}"`);
    return asUsage(async () =>
      (await storeCommands()).storiesCommand({
        db: f.db,
        json: f.json,
        sort: f.sort as 'size' | 'recent' | undefined,
        limit: count('--limit', f.limit),
        offset: count('--offset', f.offset, 0),
        from: isoDay('--from', f.from),
        to: isoDay('--to', f.to),
        outlet: f.outlet,
        actor: f.actor,
      }),
    );
  },
};

export const briefingCommand: CliCommand = {
  name: 'briefing',
  configure(cmd) {
    cmd
      .description('Write the briefing of one stored story (the largest without a story id).')
      .argument('[story]', 'a story id, as parallax stories lists them')
      .option('--largest', 'the largest story (the default without a story id)')
      .option('--db <file>', DB_HELP)
      .option('-f, --format <format>', 'html, json or md; default: from the --out extension, else html')
      .option('-o, --out <file>', 'write the report to this file; default: standard output')
      .option('--force', 'overwrite the --out file if it exists');
  },
  async run(cmd) {
    const [story] = cmd.processedArgs as [string | undefined];
    const f = cmd.opts<{ largest?: boolean; db?: string; format?: string; out?: string; force?: boolean }>();
    const format = formatOf(f.out, f.format);
    if (f.out !== undefined) checkOutput(f.out, f.force ?? false);
    return asUsage(async () => (await storeCommands()).briefingCommand({ story, largest: f.largest, format, out: f.out, db: f.db }));
  },
};

export const searchCommand: CliCommand = {
  name: 'search',
  configure(cmd) {
    cmd
      .description('Search the stored articles\' titles and texts.')
      .argument('<query...>', 'words (all must occur), "a phrase", OR, NOT, prefix*')
      .option('--db <file>', DB_HELP)
      .option('--outlet <name>', 'only articles of this outlet')
      .option('--from <date>', 'only articles published on or after this day (ISO)')
      .option('--to <date>', 'only articles published on or before this day (ISO)')
      .option('--actor <id>', 'only articles that mention an actor (its id)')
      .option('--limit <n>', 'at most this many matches (default 20)')
      .option('--offset <n>', 'skip this many first')
      .option('--json', 'also print one JSON object on the last line');
  },
  async run(cmd) {
    const [words] = cmd.processedArgs as [string[]];
    const f = cmd.opts<ListFlags>();
    return asUsage(async () =>
      (await storeCommands()).searchCommand({
        query: words.join(' '),
        db: f.db,
        outlet: f.outlet,
        from: isoDay('--from', f.from),
        to: isoDay('--to', f.to),
        actor: f.actor,
        limit: count('--limit', f.limit),
        offset: count('--offset', f.offset, 0),
        json: f.json,
      }),
    );
  },
};

export const STORE_COMMANDS: CliCommand[] = [addCommand, storiesCommand, briefingCommand, searchCommand, reanalyseCommand];
