/** The time lexicon (`data/time-lexicon.json`), loaded once on first use and checked for shape. */
import { readDataFile } from '../paths.js';

export interface TimeLexicon {
  months: Record<string, number>;
  weekdays: Record<string, number>;
  numbers: Record<string, number>;
  vagueNumbers: string[];
  ordinals: Record<string, number>;
  units: Record<string, string>;
  seasons: Record<string, string>;
  partsOfDay: Record<string, string>;
  holidays: Record<string, string>;
  futureCues: string[];
  pastCues: string[];
  auxiliaries: string[];
  irregularPast: string[];
  /** words ending in -ed that are not verbs in the past ("united", "hundred", "alleged") */
  notPastParticiples: string[];
  presentRef: string[];
  pastRef: string[];
  futureRef: string[];
  /** nouns of scheduled events a day is counted from ("the eve of the summit") */
  eventNouns: string[];
}

const RECORD_KEYS = ['months', 'weekdays', 'numbers', 'ordinals', 'units', 'seasons', 'partsOfDay', 'holidays'] as const;
const LIST_KEYS = ['vagueNumbers', 'futureCues', 'pastCues', 'auxiliaries', 'irregularPast', 'notPastParticiples', 'presentRef', 'pastRef', 'futureRef', 'eventNouns'] as const;

let cached: TimeLexicon | null = null;

/**
 * The time lexicon.
 *
 * @example
 * ```ts
 * timeLexicon().months['sept']; // 9
 * ```
 */
export function timeLexicon(): TimeLexicon {
  if (cached) return cached;
  const { path: file, raw: parsed } = readDataFile('time-lexicon.json', 'the time lexicon');
  for (const key of RECORD_KEYS) {
    const v = parsed[key];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${file}: "${key}" must be an object`);
  }
  for (const key of LIST_KEYS) {
    if (!Array.isArray(parsed[key])) throw new Error(`${file}: "${key}" must be a list`);
  }
  cached = parsed as unknown as TimeLexicon;
  return cached;
}

/** A regex alternation of the keys, longest first, with dots escaped. */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}
