/**
 * The page-chrome lexicon (`data/chrome.json`), loaded once on first use and compiled to lookups. Knowledge of
 * what web chrome looks like lives in the data file; this module only knows how to read and match it.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';

/** How a chrome cue line treats the lines after it: `rest` = everything to the end, `list` = the short lines that follow. */
export type FollowerRule = 'rest' | 'list' | 'none';

interface ChromeFile {
  lines: Record<string, string[]>;
  patterns: Record<string, { maxWords: number; list: string[] }>;
  followers: Record<string, FollowerRule>;
  agencyCredits: string[];
  siteWords: string[];
  sectionWords: string[];
}

/** The compiled lexicon. */
export interface ChromeLexicon {
  /** normalised whole line → reason */
  lines: Map<string, string>;
  patterns: { reason: string; maxWords: number; re: RegExp }[];
  followers: Map<string, FollowerRule>;
  /** lower-cased agency and photo credits that end a caption: "(Reuters)" */
  agencyCredits: Set<string>;
  /** lower-cased words that mark a site name ("news", "times", "archive") */
  siteWords: Set<string>;
  /** lower-cased section names of a site's navigation ("world", "opinion", "middle east") */
  sectionWords: Set<string>;
}

let cached: ChromeLexicon | null = null;

/**
 * Load `data/chrome.json` (once) and compile it. Throws with the file name when the file is missing or malformed.
 *
 * @example
 * ```ts
 * const lex = chromeLexicon();
 * lex.lines.get('skip to main content'); // 'navigation'
 * ```
 */
export function chromeLexicon(): ChromeLexicon {
  if (cached) return cached;
  const file = dataPath('chrome.json');
  let data: ChromeFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as ChromeFile;
  } catch (err) {
    throw new Error(`${file}: cannot read the page-chrome lexicon: ${(err as Error).message}`);
  }
  if (!data.lines || !data.patterns || !data.agencyCredits || !data.siteWords || !data.sectionWords) {
    throw new Error(`${file}: lexicon lacks one of lines, patterns, agencyCredits, siteWords, sectionWords`);
  }
  const lines = new Map<string, string>();
  for (const [reason, list] of Object.entries(data.lines)) {
    for (const line of list) lines.set(normaliseLine(line), reason);
  }
  const patterns: ChromeLexicon['patterns'] = [];
  for (const [reason, { maxWords, list }] of Object.entries(data.patterns)) {
    for (const source of list) {
      try {
        patterns.push({ reason, maxWords, re: new RegExp(source, 'iu') });
      } catch (err) {
        throw new Error(`${file}: bad pattern for ${reason} /${source}/: ${(err as Error).message}`);
      }
    }
  }
  cached = {
    lines,
    patterns,
    followers: new Map(Object.entries(data.followers ?? {})),
    agencyCredits: new Set(data.agencyCredits.map((c) => c.toLowerCase())),
    siteWords: new Set(data.siteWords.map((w) => w.toLowerCase())),
    sectionWords: new Set(data.sectionWords.map((w) => w.toLowerCase())),
  };
  return cached;
}

/**
 * The form a line is matched in: lower case, straight quotes, single spaces, without leading bullets or arrows
 * and trailing `:` `!` `.` `…` or arrows.
 *
 * @example
 * ```ts
 * normaliseLine('› Subscribe'); // 'subscribe'
 * ```
 */
export function normaliseLine(line: string): string {
  return line
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s›»>•·|*#+\-–—:→▶►]+/u, '')
    .replace(/[\s:!.…›»>→▶►|]+$/u, '')
    .toLowerCase();
}

/**
 * The chrome reason of one whole line from the lexicon, or null when the line is not known chrome.
 *
 * @example
 * ```ts
 * chromeReason('Please enter your comment!'); // 'comment-form'
 * chromeReason('The minister said he would attend.'); // null
 * ```
 */
export function chromeReason(line: string): string | null {
  const lex = chromeLexicon();
  const norm = normaliseLine(line);
  if (norm === '') return null;
  const exact = lex.lines.get(norm);
  if (exact) return exact;
  const words = norm.split(' ').length;
  for (const { reason, maxWords, re } of lex.patterns) {
    if (words <= maxWords && re.test(norm)) return reason;
  }
  return null;
}
