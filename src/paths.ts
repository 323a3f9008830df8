/** Where parallax's own files and the shared evaluation data live, from both `src/` and `dist/`. */
import { existsSync, readFileSync } from 'node:fs';
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

/**
 * For `node:test`: the skip reason when shared data is missing (printed by the runner), else false. Tests on
 * ../shared are acceptance evaluations: `npm test` (PARALLAX_TESTS=unit) skips them, and `npm run eval`
 * runs them with the figures.
 */
export function needsShared(...parts: string[]): string | false {
  if (process.env.PARALLAX_TESTS === 'unit') return 'acceptance evaluation on ../shared: runs in npm run eval';
  return sharedPath(...parts) ? false : `needs ../shared/${parts.join('/')} (not in a user's clone; CI has it)`;
}

/** A JSON data file read for a lexicon, with checked accessors that name the file and key when data is wrong. */
export interface DataFile {
  path: string;
  raw: Record<string, unknown>;
  /** a list of strings (lower-cased when `lower`), or an error naming the file and key */
  list(key: string, lower?: boolean): string[];
  /** an object, or an error naming the file and key */
  object(key: string): Record<string, unknown>;
}

/**
 * Read a JSON data file under `data/` for a lexicon. A missing or malformed file is an error that names the
 * file and what it is for; loaders call this once and cache what they build.
 *
 * @example
 * ```ts
 * const file = readDataFile('quotes.json', 'the quote lexicon');
 * const verbs = new Set(file.list('reportingVerbs', true));
 * ```
 */
export function readDataFile(name: string, what: string): DataFile {
  const path = dataPath(name);
  const raw = readDataJson<Record<string, unknown>>([name], what);
  return {
    path,
    raw,
    list(key, lower = false) {
      const v = raw[key];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`${path}: "${key}" must be a list of strings`);
      return lower ? (v as string[]).map((x) => x.toLowerCase()) : (v as string[]);
    },
    object(key) {
      const v = raw[key];
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${path}: "${key}" must be an object`);
      return v as Record<string, unknown>;
    },
  };
}

/**
 * Parse a JSON file under `data/` (path parts as for `dataPath`); a missing or malformed file is an error that
 * names the file and what it is for.
 *
 * @example
 * ```ts
 * const countries = readDataJson<CountryRecord[]>(['kb', 'countries.json'], 'the knowledge base');
 * ```
 */
export function readDataJson<T>(parts: string[], what: string): T {
  const path = dataPath(...parts);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    throw new Error(`${path}: cannot read ${what}: ${(err as Error).message}`);
  }
}
