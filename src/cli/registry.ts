/**
 * The commands of `parallax`. Each lives in its own module under `src/cli/` and is listed here once; a module
 * imports only what `--help` needs (commander, its own option parsing) and loads the pipeline inside `run`, so
 * `parallax --help` stays fast.
 */
import type { Command } from 'commander';
import { analyzeCommand } from './analyze.js';
import { evalCommand } from './eval.js';
import type { CliIO } from './io.js';

/** One `parallax <name>` command. */
export interface CliCommand {
  name: string;
  /** Declare the command's arguments, options, description and help examples on `cmd`. */
  configure(cmd: Command): void;
  /**
   * Do the work and return the exit code (`EXIT`). `cmd.processedArgs` holds the arguments and `cmd.opts()` the
   * options; throw `UsageError` for a misuse found after parsing. Write through `io` (standard output and
   * error for the real command).
   */
  run(cmd: Command, io: CliIO): Promise<number>;
}

/** Every command, in the order `parallax --help` lists them. Add a command by adding its module here. */
export const COMMANDS: CliCommand[] = [analyzeCommand, evalCommand];
