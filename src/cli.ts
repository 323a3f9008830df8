#!/usr/bin/env node
/** The `parallax` command: a thin layer over the library. */
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { analyze } from './pipeline.js';
import { renderHtml } from './render/html.js';
import { renderMarkdown } from './render/markdown.js';
import { renderJson } from './render/json.js';
import { loadOutletRegistry } from './outlets/index.js';
import type { Briefing } from './model.js';

/** Exit codes: what happened, for scripts. */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;

const USAGE = `usage:
  parallax analyze <paths...|-> [--format html|json|md] [--out FILE] [--published DATE] [--quiet]
      [--summary-sentences N] [--summary-words N] [--outlets FILE]
  parallax eval <task> --data PATH [--json] [--predictions FILE]
      tasks: extract, ner, quotes, time, events, stories, summary, seeds

exit codes: 0 all inputs analysed; 1 nothing analysed; 2 usage; 3 some inputs failed, the rest analysed`;

type Format = 'html' | 'json' | 'md';

function render(briefing: Briefing, format: Format): string {
  if (format === 'json') return renderJson(briefing);
  if (format === 'md') return renderMarkdown(briefing);
  return renderHtml(briefing);
}

function formatOf(out: string | undefined, given: string | undefined): Format {
  const f = given ?? (out?.match(/\.(html?|json|md|markdown)$/i)?.[1].toLowerCase() ?? 'html');
  if (f === 'htm' || f === 'html') return 'html';
  if (f === 'json') return 'json';
  if (f === 'md' || f === 'markdown') return 'md';
  throw new UsageError(`unknown format "${f}" (html, json or md)`);
}

class UsageError extends Error {}

/** A whole number of at least 1 from a flag, or undefined when the flag is absent. */
function positiveCount(flag: string, given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  if (!/^\d+$/.test(given) || Number(given) < 1) throw new UsageError(`${flag} needs a whole number of at least 1, not "${given}"`);
  return Number(given);
}

/** The `--outlets` registry file, checked now so a bad one is reported as such, with its path and the reason. */
function outletsFile(given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  try {
    loadOutletRegistry(given);
  } catch (err) {
    throw new UsageError(`--outlets: ${(err as Error).message}`);
  }
  return given;
}

async function runAnalyze(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      published: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      'summary-sentences': { type: 'string' },
      'summary-words': { type: 'string' },
      outlets: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('analyze needs at least one path (or - for stdin)');
  const format = formatOf(values.out, values.format);
  const quiet = values.quiet ?? false;
  const showProgress = !quiet && process.stderr.isTTY;
  const briefing = await analyze(positionals, {
    assumePublished: values.published,
    summarySentences: positiveCount('--summary-sentences', values['summary-sentences']),
    summaryWords: positiveCount('--summary-words', values['summary-words']),
    outlets: outletsFile(values.outlets),
    onProgress: showProgress
      ? (done, total) => process.stderr.write(`\rparallax: ${done}/${total} articles`)
      : undefined,
  });
  if (showProgress) process.stderr.write('\n');
  for (const e of briefing.errors) {
    process.stderr.write(`parallax: ${e.path}${e.record !== undefined ? `#${e.record + 1}` : ''}: ${e.reason}\n`);
  }
  const output = render(briefing, format);
  if (values.out) writeFileSync(values.out, output);
  else process.stdout.write(output);
  const { articles, failed, inputs } = briefing.stats;
  if (!quiet || failed > 0) {
    process.stderr.write(
      `parallax: ${articles} article${articles === 1 ? '' : 's'} analysed from ${inputs} input${inputs === 1 ? '' : 's'}, ${failed} failed` +
        (values.out ? `; wrote ${values.out}` : '') +
        '\n',
    );
  }
  if (articles === 0) return EXIT.failed;
  return failed > 0 ? EXIT.partial : EXIT.ok;
}

/** What every `src/eval/<task>.ts` module exports. */
export interface EvalModule {
  evaluate(args: { data: string; predictions?: string }): Promise<{ table: string; result: Record<string, unknown> }>;
}

const EVAL_TASKS = ['extract', 'ner', 'quotes', 'time', 'events', 'stories', 'summary', 'seeds', 'coverage'];

async function runEval(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { data: { type: 'string' }, json: { type: 'boolean' }, predictions: { type: 'string' } },
  });
  const task = positionals[0];
  if (!task || !EVAL_TASKS.includes(task)) throw new UsageError(`eval needs a task: ${EVAL_TASKS.join(', ')}`);
  if (!values.data) throw new UsageError(`eval ${task} needs --data PATH`);
  let mod: EvalModule;
  try {
    mod = (await import(`./eval/${task}.js`)) as EvalModule;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(err).includes(`eval/${task}`)) {
      process.stderr.write(`parallax: eval ${task} is not implemented yet\n`);
      return EXIT.failed;
    }
    throw err;
  }
  const { table, result } = await mod.evaluate({ data: values.data, predictions: values.predictions });
  process.stdout.write(table.endsWith('\n') ? table : table + '\n');
  if (values.json) process.stdout.write(JSON.stringify(result) + '\n');
  return EXIT.ok;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'analyze') return await runAnalyze(rest);
    if (command === 'eval') return await runEval(rest);
    if (command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(USAGE + '\n');
      return EXIT.ok;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (err) {
    if (err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`parallax: ${(err as Error).message}\n${USAGE}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`parallax: ${(err as Error).stack ?? err}\n`);
    return EXIT.failed;
  }
}
