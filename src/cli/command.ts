/** The shape of one command module (kept apart from the registry, which imports every command). */
import type { Command } from 'commander';
import type { CliIO } from './io.js';

/** One `parallax <name>` command. */
export interface CliCommand {
  name: string;
  /** Declare the command's arguments, options, description and help examples on `cmd`. */
  configure(cmd: Command): void;
  /**
   * Do the work and return the exit code (`EXIT`). `cmd.processedArgs` holds the arguments and `cmd.opts()` the
   * options; throw `UsageError` for a misuse found after parsing. Write through `io` (standard output and
   * error for the real command; a caller running `main` in-process passes its own).
   */
  run(cmd: Command, io: CliIO): Promise<number>;
}
