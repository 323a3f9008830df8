/**
 * The `parallax` command: a thin layer over the library, on commander. Each command is a module under
 * `src/cli/` listed in `src/cli/registry.ts`; this file builds the program, maps parse errors and misuse to
 * exit code 2 and a one-line message, and never shows a stack trace for an error the user can act on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { EXIT, EXIT_HELP, UsageError } from './cli/errors.js';
import { type CliIO, PROCESS_IO } from './cli/io.js';
import { COMMANDS } from './cli/registry.js';
import { packageRoot } from './paths.js';

export { EXIT } from './cli/errors.js';
export type { CliCommand } from './cli/registry.js';
export type { CliIO } from './cli/io.js';

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The program with every registered command; `exitCode.value` is set by the command that runs. */
export function createProgram(exitCode: { value: number }, io: CliIO = PROCESS_IO): Command {
  const program = new Command('parallax')
    .description('Many news articles on one story, from many outlets, into a sourced briefing.')
    .version(version(), '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help (parallax <command> --help for a command)')
    .helpCommand('help [command]', 'show help for a command')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (str) => io.stdout.write(str),
      writeErr: (str) => io.stderr.write(str),
      outputError: (str, write) => write(`parallax: ${str.replace(/^error: /, '')}`),
    })
    .addHelpText(
      'after',
      `
Examples:
  $ parallax analyze articles/ --out briefing.html
  $ parallax analyze --help

${EXIT_HELP}`,
    );
  for (const c of COMMANDS) {
    const cmd = program.command(c.name).helpOption('-h, --help', 'show this help').exitOverride().showSuggestionAfterError(true);
    c.configure(cmd);
    cmd.action(async (...args: unknown[]) => {
      exitCode.value = await c.run(args[args.length - 1] as Command, io);
    });
  }
  return program;
}

/**
 * Run `parallax` with `argv` (without the node and script names), writing to `io` (standard output and
 * error by default); resolves to the exit code.
 */
export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<number> {
  const exitCode = { value: EXIT.ok as number };
  const program = createProgram(exitCode, io);
  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode.value;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      // commander has printed the message (with a "did you mean" where one is close)
      const name = argv.find((a) => COMMANDS.some((c) => c.name === a));
      io.stderr.write(`parallax: see parallax ${name ? `${name} ` : ''}--help\n`);
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`parallax: ${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`parallax: ${(err as Error).stack ?? err}\n`);
    return EXIT.failed;
  }
}
