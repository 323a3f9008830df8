/** `parallax eval <task>`: one acceptance evaluation on a data set, printing its figures. */
import type { Command } from 'commander';
import { EXIT, UsageError, unknownChoice } from './errors.js';
import type { CliCommand } from './command.js';
import type { CliIO } from './io.js';

/** What every `src/eval/<task>.ts` module exports. */
export interface EvalModule {
  evaluate(args: { data: string; predictions?: string; errors?: boolean }): Promise<{ table: string; result: Record<string, unknown> }>;
}

export const EVAL_TASKS = ['extract', 'ner', 'quotes', 'time', 'events', 'stories', 'summary', 'seeds', 'briefing', 'sentences', 'clean', 'coverage'] as const;

const EXAMPLES = `
Tasks: ${EVAL_TASKS.join(', ')} (the data each reads: ../shared/eval/README.md; npm run eval runs them all).

Examples:
  $ parallax eval ner --data ../shared/eval/conll2003
  $ parallax eval extract --data ../shared/eval/trafilatura --json
  $ parallax eval briefing --data ../shared/eval/allsides/gold --errors

Exit codes: 0 the evaluation ran; 1 it failed; 2 usage error.`;

async function run(cmd: Command, io: CliIO): Promise<number> {
  const [task] = cmd.processedArgs as [string];
  const flags = cmd.opts<{ data?: string; json?: boolean; predictions?: string; errors?: boolean }>();
  if (!(EVAL_TASKS as readonly string[]).includes(task)) throw unknownChoice('task', task, EVAL_TASKS);
  if (!flags.data) throw new UsageError(`eval ${task} needs --data PATH`);
  const mod = (await import(`../eval/${task}.js`)) as EvalModule;
  const { table, result } = await mod.evaluate({ data: flags.data, predictions: flags.predictions, errors: flags.errors === true });
  io.stdout.write(table.endsWith('\n') ? table : `${table}\n`);
  if (flags.json) io.stdout.write(`${JSON.stringify(result)}\n`);
  return EXIT.ok;
}

export const evalCommand: CliCommand = {
  name: 'eval',
  configure(cmd) {
    cmd
      .description('Score one stage on an evaluation data set and print its figures.')
      .argument('<task>', `what to evaluate: ${EVAL_TASKS.join(', ')}`)
      .requiredOption('--data <path>', 'the data set (a file or folder under ../shared/eval)')
      .option('--json', 'also print the figures as one line of JSON')
      .option('--predictions <file>', 'write the predictions to this file (tasks that support it)')
      .option('--errors', 'also list each item missed or wrong (briefing); off by default, so scoring a held-back set shows only its figures')
      .addHelpText('after', EXAMPLES);
  },
  run,
};
