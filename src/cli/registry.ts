/**
 * The commands of `parallax`. Each lives in its own module under `src/cli/` and is listed here once; a module
 * imports only what `--help` needs (commander, its own option parsing) and loads the pipeline inside `run`, so
 * `parallax --help` stays fast.
 */
import type { CliCommand } from './command.js';
import { analyzeCommand } from './analyze.js';
import { evalCommand } from './eval.js';
import { serveCommand } from './serve.js';
import { STORE_COMMANDS } from './store.js';

export type { CliCommand } from './command.js';

/** Every command, in the order `parallax --help` lists them. Add a command by adding its module here. */
export const COMMANDS: CliCommand[] = [analyzeCommand, ...STORE_COMMANDS, serveCommand, evalCommand];
