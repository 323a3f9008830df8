/**
 * The store's commands (`parallax add`, `briefing`, `stories`, `search`, `reanalyse`): each takes options
 * already parsed by src/cli.ts and returns an exit code. Results go to stdout; progress, skipped and failed
 * inputs and the closing line to stderr.
 */
import { writeFileSync } from 'node:fs';
import type { AnalyzeOptions, Briefing } from '../model.js';
import { renderHtml } from '../render/html.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderJson } from '../render/json.js';
import { DEFAULT_DB, isPostgresUrl, openStore } from './index.js';
import { refreshCorpus, staleLayers, storedBriefing } from './update.js';
import { addAsJob } from './jobs.js';
import type { Store } from './types.js';

export const STORE_EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;

export interface CommandIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIO: CommandIO = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** Thrown for a usage error the CLI reports with its usage text (exit code 2). */
export class StoreUsageError extends Error {}

async function withStore<T>(db: string | undefined, io: CommandIO, body: (store: Store) => Promise<T>): Promise<T | number> {
  let store: Store;
  try {
    store = await openStore(db ?? DEFAULT_DB);
  } catch (err) {
    io.err(`parallax: ${(err as Error).message}\n`);
    return STORE_EXIT.failed;
  }
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

const PLURALS: Record<string, string> = { story: 'stories', match: 'matches' };
const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${n === 1 ? word : (PLURALS[word] ?? `${word}s`)}`;

export interface AddCommandOptions extends AnalyzeOptions {
  paths: string[];
  db?: string;
  quiet?: boolean;
}

/** `parallax add <paths|-> [--db FILE]`: new articles analysed and committed one by one, stories refreshed. */
export async function addCommand(o: AddCommandOptions, io: CommandIO = defaultIO): Promise<number> {
  if (!o.paths.length) throw new StoreUsageError('add needs at least one path (or - for stdin)');
  if (isPostgresUrl(o.db ?? DEFAULT_DB)) return enqueueCommand(o, io);
  return withStore(o.db, io, async (store) => {
    const progress = !o.quiet && process.stderr.isTTY;
    // recorded as a job, so the web app's jobs page shows its progress and failures
    const { report } = await addAsJob(store, o.paths, {
      ...o,
      // this process analyses nothing after this add
      releaseModels: true,
      onProgress: progress ? (done, total) => io.err(`\rparallax: ${done}/${total} inputs`) : undefined,
      onEvent: (e) => {
        if (e.outcome === 'added') return;
        if (e.outcome === 'skipped' && o.quiet) return;
        const where = `${e.path}${e.record !== undefined ? `#${e.record + 1}` : ''}`;
        io.err(`${progress ? '\r' : ''}parallax: ${where}: ${e.outcome === 'skipped' ? 'skipped: ' : ''}${e.reason}\n`);
      },
    }, 'cli');
    if (progress) io.err('\n');
    const c = report.corpus;
    if (!o.quiet || report.failed > 0) {
      io.err(
        `parallax: ${plural(report.added, 'article')} added, ${report.skipped} skipped, ${report.failed} failed; ` +
          `${o.db ?? DEFAULT_DB} holds ${plural(c.articles, 'article')} in ${plural(c.stories, 'story')}` +
          (c.ran ? ` (${plural(c.rebuilt, 'story')} rebuilt${c.relinked ? `, ${c.relinked} relinked` : ''})` : '') +
          '\n',
      );
    }
    if (report.added + report.skipped === 0 && report.failed > 0) return STORE_EXIT.failed;
    return report.failed > 0 ? STORE_EXIT.partial : STORE_EXIT.ok;
  });
}

/** `parallax add --db postgres://...`: the inputs enqueued, each with its job in one transaction; `parallax worker` analyses them. */
async function enqueueCommand(o: AddCommandOptions, io: CommandIO): Promise<number> {
  return withStore(o.db, io, async (store) => {
    const { enqueueInputs } = await import('./queue.js');
    const r = await enqueueInputs(store as import('./postgres.js').PostgresStore, o.paths, {
      onEvent: (e) => {
        if (e.outcome === 'failed' || (e.outcome === 'skipped' && !o.quiet)) io.err(`parallax: ${e.path}: ${e.outcome === 'skipped' ? 'skipped: ' : ''}${e.reason}\n`);
      },
    });
    if (!o.quiet || r.failed > 0) io.err(`parallax: ${plural(r.queued, 'input')} queued, ${r.skipped} skipped, ${r.failed} failed (parallax worker analyses them)\n`);
    if (r.queued + r.skipped === 0 && r.failed > 0) return STORE_EXIT.failed;
    return r.failed > 0 ? STORE_EXIT.partial : STORE_EXIT.ok;
  });
}

export type ReportFormat = 'html' | 'json' | 'md';

export interface BriefingCommandOptions {
  /** a story id; absent (or `largest`) for the largest story */
  story?: string;
  largest?: boolean;
  format: ReportFormat;
  out?: string;
  db?: string;
}

function render(briefing: Briefing, format: ReportFormat): string {
  if (format === 'json') return renderJson(briefing);
  if (format === 'md') return renderMarkdown(briefing);
  return renderHtml(briefing);
}

/** `parallax briefing [STORY|--largest] --format html|json|md [--out FILE]`: one stored story's briefing. */
export async function briefingCommand(o: BriefingCommandOptions, io: CommandIO = defaultIO): Promise<number> {
  if (o.story && o.largest) throw new StoreUsageError('briefing takes a story id or --largest, not both');
  return withStore(o.db, io, async (store) => {
    let id = o.story;
    if (!id) {
      const top = (await store.stories({ sort: 'size', limit: 1 })).items[0];
      if (!top) {
        io.err(`parallax: ${o.db ?? DEFAULT_DB} holds no stories yet (parallax add <paths> first)\n`);
        return STORE_EXIT.failed;
      }
      id = top.id;
    }
    const sections = await storedBriefing(store, id);
    if (!sections) {
      io.err(`parallax: no story "${id}" in ${o.db ?? DEFAULT_DB} (parallax stories lists them)\n`);
      return STORE_EXIT.failed;
    }
    if (!('view' in sections)) {
      io.err(`parallax: story "${id}" in ${o.db ?? DEFAULT_DB} was analysed by an older parallax (its briefing has no view section): run parallax reanalyse first\n`);
      return STORE_EXIT.failed;
    }
    const output = render(sections as unknown as Briefing, o.format);
    if (o.out) {
      writeFileSync(o.out, output);
      io.err(`parallax: story ${id}; wrote ${o.out}\n`);
    } else io.out(output);
    return STORE_EXIT.ok;
  });
}

export interface StoriesCommandOptions {
  db?: string;
  json?: boolean;
  sort?: 'size' | 'recent';
  limit?: number;
  offset?: number;
  from?: string;
  to?: string;
  outlet?: string;
  actor?: string;
}

/** `parallax stories [--json]`: the stored stories, largest first; with --json one JSON object on the last line. */
export async function storiesCommand(o: StoriesCommandOptions, io: CommandIO = defaultIO): Promise<number> {
  return withStore(o.db, io, async (store) => {
    const page = await store.stories({ sort: o.sort, limit: o.limit ?? 50, offset: o.offset, from: o.from, to: o.to, outlet: o.outlet, actor: o.actor });
    const rows = page.items.map(({ story: _story, ...row }) => row);
    const articles = (await store.articles({ limit: 0 })).total;
    for (const r of rows) {
      const dates = r.from ? (r.from === r.to ? r.from : `${r.from}..${r.to}`) : 'undated';
      io.out(`${r.id}  ${String(r.size).padStart(4)}  ${dates.padEnd(22)}  ${r.title ?? '(untitled)'}${r.outlets.length ? `  [${r.outlets.join(', ')}]` : ''}\n`);
    }
    if (page.total > rows.length) io.out(`… ${page.total - rows.length} more (--limit, --offset)\n`);
    // a PostgreSQL store's queue: the jobs not yet done (0 elsewhere: the embedded stores do their work in add)
    const pending = store.kind === 'postgres' ? await (await import('./queue.js')).pendingJobs(store as import('./postgres.js').PostgresStore) : 0;
    if (o.json) io.out(JSON.stringify({ db: o.db ?? DEFAULT_DB, articles, total: page.total, pending, stories: rows }) + '\n');
    return STORE_EXIT.ok;
  });
}

export interface SearchCommandOptions {
  query: string;
  db?: string;
  outlet?: string;
  from?: string;
  to?: string;
  actor?: string;
  limit?: number;
  offset?: number;
  json?: boolean;
}

/** `parallax search QUERY [--outlet NAME] [--from DATE] [--to DATE]`: full-text search of the stored articles. */
export async function searchCommand(o: SearchCommandOptions, io: CommandIO = defaultIO): Promise<number> {
  if (!o.query.trim()) throw new StoreUsageError('search needs a query');
  for (const [flag, v] of [['--from', o.from], ['--to', o.to]] as const) {
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new StoreUsageError(`${flag} needs an ISO date (YYYY-MM-DD), not "${v}"`);
  }
  return withStore(o.db, io, async (store) => {
    let page;
    try {
      page = await store.search({ query: o.query, outlet: o.outlet, from: o.from, to: o.to, actor: o.actor, limit: o.limit ?? 20, offset: o.offset });
    } catch (err) {
      if (/^bad search query/.test((err as Error).message)) throw new StoreUsageError((err as Error).message);
      throw err;
    }
    for (const h of page.items) {
      io.out(`${h.id.slice(0, 12)}  ${h.published ?? 'undated   '}  ${h.outlet ?? '(outlet unknown)'}  ${h.title ?? h.path}\n    ${h.snippet}\n`);
    }
    io.err(`parallax: ${plural(page.total, 'match')}${page.total > page.items.length ? `, ${page.items.length} shown` : ''}\n`);
    if (o.json) io.out(JSON.stringify({ total: page.total, hits: page.items }) + '\n');
    return STORE_EXIT.ok;
  });
}

export interface ReanalyseCommandOptions extends AnalyzeOptions {
  db?: string;
  quiet?: boolean;
}

/** `parallax reanalyse [--db FILE]`: rebuild the layers whose stage version changed, then what depends on them. */
export async function reanalyseCommand(o: ReanalyseCommandOptions, io: CommandIO = defaultIO): Promise<number> {
  return withStore(o.db, io, async (store) => {
    const stale = await staleLayers(store);
    for (const s of stale) io.err(`parallax: stage ${s.stage}: ${plural(s.articles, 'article')} at version ${s.version}\n`);
    const c = await refreshCorpus(store, o);
    if (!o.quiet) {
      io.err(
        `parallax: ${plural(c.layersRebuilt, 'layer')} rebuilt, ${plural(c.rebuilt, 'story')} rebuilt` +
          `${c.ran ? '' : ' (everything was current)'}; ${plural(c.articles, 'article')} in ${plural(c.stories, 'story')}\n`,
      );
    }
    return STORE_EXIT.ok;
  });
}
