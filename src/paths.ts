/** Where parallax's own files and the shared evaluation data live, from both `src/` and `dist/`. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the folder with package.json): one level above `src/` or `dist/`. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A file under the package's `data/` folder (lexicons, dictionaries). */
export function dataPath(...parts: string[]): string {
  return join(packageRoot, 'data', ...parts);
}

/** A file under the package's `models/` folder (trained weights). */
export function modelPath(...parts: string[]): string {
  return join(packageRoot, 'models', ...parts);
}

/**
 * A path under the shared evaluation data (`../shared/eval` beside the repository, or `$PARALLAX_SHARED/eval`),
 * or null when it is not there: a user's clone has no shared data, and tests that need it skip.
 */
export function sharedPath(...parts: string[]): string | null {
  const base = process.env.PARALLAX_SHARED ?? join(packageRoot, '..', 'shared');
  const p = join(base, ...parts);
  return existsSync(p) ? p : null;
}

/** For `node:test`: the skip reason when shared data is missing (printed by the runner), else false. */
export function needsShared(...parts: string[]): string | false {
  return sharedPath(...parts) ? false : `needs ../shared/${parts.join('/')} (not in a user's clone; CI has it)`;
}
