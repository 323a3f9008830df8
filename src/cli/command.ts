/** The shape of one command module (kept apart from the registry, which imports every command). */
import type { Command } from 'commander';

/** One `parallax <name>` command. */
export interface CliCommand {
  name: string;
  /** Declare the command's arguments, options, description and help examples on `cmd`. */
  configure(cmd: Command): void;
  /**
   * Do the work and return the exit code (`EXIT`). `cmd.processedArgs` holds the arguments and `cmd.opts()` the
   * options; throw `UsageError` for a misuse found after parsing.
   */
  run(cmd: Command): Promise<number>;
}
