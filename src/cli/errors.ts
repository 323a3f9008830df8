/** What every `parallax` command shares: its exit codes and the error that means "the command was misused". */

/** Exit codes: what happened, for scripts. Documented in `parallax --help` and the README. */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;

/** The help text's account of the exit codes (one place, so the root and the commands say the same). */
export const EXIT_HELP = `Exit codes:
  0  every input was analysed
  1  nothing was analysed (or the command failed)
  2  usage error: an unknown command or option, a bad value, an output that cannot be written
  3  some inputs failed (each named on stderr with its reason); the rest were analysed`;

/** A misuse of the command line: reported in one line with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}

/**
 * The closest of `choices` to a mistyped `word` (edit distance at most a third of its length, at least 1), for "did you mean" hints; null when nothing is that close.
 *
 * @example
 * ```ts
 * didYouMean('nerr', ['ner', 'quotes']); // 'ner'
 * ```
 */
export function didYouMean(word: string, choices: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const c of choices) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Edit distance with adjacent transpositions ("jsno" → "json" is one edit), as typing slips are. */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length];
}

/** "unknown X "y" (a, b or c)", with a "did you mean" when one choice is close. */
export function unknownChoice(what: string, given: string, choices: readonly string[]): UsageError {
  const close = didYouMean(given, choices);
  const list = choices.length > 1 ? `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}` : choices[0];
  return new UsageError(`unknown ${what} "${given}"${close ? ` (did you mean ${close}?)` : ''}; choose ${list}`);
}
