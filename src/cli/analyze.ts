/** `parallax analyze`: articles in, one briefing out. The pipeline is loaded only when the command runs. */
import type { Command } from 'commander';
import type { Briefing } from '../model.js';
import { EXIT, EXIT_HELP, UsageError } from './errors.js';
import { type AtomicFile, formatOf, OutputError, openOutput, writeStdout, type Format } from './output.js';
import { displayPaths } from './paths.js';
import type { CliCommand } from './command.js';
import type { CliIO } from './io.js';

interface AnalyzeFlags {
  format?: string;
  out?: string;
  force?: boolean;
  published?: string;
  quiet?: boolean;
  summarySentences?: string;
  summaryWords?: string;
  outlets?: string;
  showPaths?: boolean;
}

const EXAMPLES = `
Examples:
  $ parallax analyze articles/ --out briefing.html        a folder of saved articles into an HTML report
  $ parallax analyze a.html b.txt feed.jsonl -o out.json   files of any supported kind into JSON
  $ cat article.txt | parallax analyze - --format md        one article from standard input, Markdown on stdout
  $ parallax analyze articles/ -o briefing.html --force     overwrite an existing report

Inputs: .txt .md .html .htm .json .jsonl .xml .rss .atom, each optionally gzipped (.gz); other names are
sniffed. parallax reads saved files only: save a web page first (for example "curl -o page.html URL").

${EXIT_HELP}`;

/** A whole number of at least 1 from a flag, or undefined when the flag is absent. */
function positiveCount(flag: string, given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  if (!/^\d+$/.test(given) || Number(given) < 1) throw new UsageError(`${flag} needs a whole number of at least 1, not "${given}"`);
  return Number(given);
}

function published(given: string | undefined): string | undefined {
  if (given !== undefined && !/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(given)) {
    throw new UsageError(`--published needs an ISO date such as 2024-10-15, not "${given}"`);
  }
  return given;
}

/** The report's text in chunks; only the renderer of the format asked for is loaded. */
async function chunksOf(briefing: Briefing, format: Format): Promise<Iterable<string>> {
  if (format === 'json') return (await import('../render/json.js')).renderJsonChunks(briefing);
  if (format === 'md') return [(await import('../render/markdown.js')).renderMarkdown(briefing)];
  return [(await import('../render/html.js')).renderHtml(briefing)];
}

async function run(cmd: Command, io: CliIO): Promise<number> {
  const [paths] = cmd.processedArgs as [string[]];
  const flags = cmd.opts<AnalyzeFlags>();
  // Everything the user can get wrong is checked before any work starts; the output file is opened last.
  const format = formatOf(flags.out, flags.format);
  positiveCount('--summary-sentences', flags.summarySentences);
  positiveCount('--summary-words', flags.summaryWords);
  published(flags.published);
  const { loadOutletRegistry } = await import('../outlets/index.js');
  if (flags.outlets !== undefined) {
    try {
      loadOutletRegistry(flags.outlets);
    } catch (err) {
      throw new UsageError(`--outlets: ${(err as Error).message}`);
    }
  }
  const file = flags.out === undefined ? null : openOutput(flags.out, flags.force ?? false);
  return analyzeInto(paths, flags, format, file, io);
}

async function analyzeInto(paths: string[], flags: AnalyzeFlags, format: Format, file: AtomicFile | null, io: CliIO): Promise<number> {
  const quiet = flags.quiet ?? false;
  const [{ analyze }, { languageWarnings }] = await Promise.all([import('../pipeline.js'), import('./language.js')]);
  const showProgress = !quiet && (io.stderr.isTTY ?? false);
  const analysed = await analyze(paths, {
    assumePublished: flags.published,
    summarySentences: positiveCount('--summary-sentences', flags.summarySentences),
    summaryWords: positiveCount('--summary-words', flags.summaryWords),
    outlets: flags.outlets,
    onProgress: showProgress ? (done, total) => io.stderr.write(`\rparallax: ${done}/${total} articles`) : undefined,
  });
  if (showProgress) io.stderr.write('\n');
  const briefing = flags.showPaths ? analysed : displayPaths(analysed, paths);
  for (const e of briefing.errors) {
    io.stderr.write(`parallax: ${e.path}${e.record !== undefined ? `#${e.record + 1}` : ''}: ${e.reason}\n`);
  }
  if (!quiet) for (const line of languageWarnings(briefing)) io.stderr.write(`parallax: ${line}\n`);
  const { articles, failed, inputs } = briefing.stats;
  // A run that analysed nothing writes no report: an empty one would pass for a result.
  if (articles > 0) {
    const chunks = await chunksOf(briefing, format);
    if (file) file.commit(chunks);
    else await writeStdout(io.stdout, chunks);
  }
  if (!quiet || failed > 0) {
    io.stderr.write(
      `parallax: ${articles} article${articles === 1 ? '' : 's'} analysed from ${inputs} input${inputs === 1 ? '' : 's'}, ${failed} failed` +
        (articles === 0 ? '; no report written' : flags.out !== undefined ? `; wrote ${flags.out}` : '') +
        '\n',
    );
  }
  if (articles === 0) return EXIT.failed;
  return failed > 0 ? EXIT.partial : EXIT.ok;
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  configure(cmd) {
    cmd
      .description('Analyse news articles into one sourced briefing (HTML, JSON or Markdown).')
      .argument('<paths...>', 'article files and folders (read recursively, hidden files skipped); - reads standard input')
      .option('-f, --format <format>', 'report format: html, json or md; default: from the --out extension, else html')
      .option('-o, --out <file>', 'write the report to this file (written whole or not at all); default: standard output')
      .option('--force', 'overwrite the --out file if it exists')
      .option('--published <date>', 'publication date (ISO, e.g. 2024-10-15) assumed for articles that state none')
      .option('-q, --quiet', 'no progress, warnings or closing summary on stderr (input errors are still reported)')
      .option('--summary-sentences <n>', 'at most this many sentences in the cited summary')
      .option('--summary-words <n>', 'at most about this many words in the cited summary')
      .option('--outlets <file>', 'an outlet registry (JSON {"outlets": [...]}) adding to or replacing the built-in one; default: $PARALLAX_OUTLETS')
      .option('--show-paths', 'show the input paths as given (absolute paths included) in the report, not relative to each input')
      .addHelpText('after', EXAMPLES);
  },
  async run(cmd, io) {
    try {
      return await run(cmd, io);
    } catch (err) {
      if (err instanceof OutputError) {
        io.stderr.write(`parallax: ${err.message}\n`);
        return EXIT.failed;
      }
      throw err;
    }
  },
};
