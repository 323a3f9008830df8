/**
 * What the rules share: number and calendar words read from the lexicon, the year a month/day without one
 * falls in, durations and shifted values as TIMEX3 writes them, modifiers, and the constructor of a rule.
 */
import type { DatePart } from '../../model.js';
import { type Day, addDays, addMonths, dayDiff, daysInMonth, formatDay, formatMonth, formatWeek, quarterOf, weekday } from '../calendar.js';
import { timeLexicon } from '../lexicon.js';
import { type Direction, directionAround } from '../tense.js';
import type { ResolveContext, Resolved, Rule } from './types.js';

const B = '(?<![\\w-])';
const E = '(?![\\w])';
/** Spelled decades from the twenties on, in order ("the nineties"). */
export const DECADE_WORD_LIST = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
export const DECADE_WORDS = DECADE_WORD_LIST.join('|');

/** A count in digits or words ("3", "2 1/2", "twenty-one"); null when neither. */
export function numberValue(word: string): number | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ').replace(/,/g, '');
  if (/^\d+(\.\d+)?$/.test(w)) return Number(w);
  const half = /^(\d+) 1\/2$/.exec(w);
  if (half) return Number(half[1]) + 0.5;
  const lex = timeLexicon();
  if (w in lex.numbers) return lex.numbers[w];
  const parts = w.split(/[\s-]+/);
  if (parts.length === 2 && parts[0] in lex.numbers && parts[1] in lex.numbers) {
    const [a, b] = [lex.numbers[parts[0]], lex.numbers[parts[1]]];
    if (a >= 20 && a % 10 === 0 && b < 10) return a + b;
    if (b === 100) return a * 100;
  }
  return null;
}

/** A year written in digits or spoken ("nineteen ninety-four", "two thousand and one"); null when neither. */
export function yearValue(words: string): number | null {
  if (/^\d{4}$/.test(words)) return +words;
  const m = /^(nineteen|two\s+thousand(?:\s+and)?)\s+(.+)$/i.exec(words.trim());
  if (!m) return null;
  const tail = numberValue(m[2]);
  if (tail === null || tail > 99) return null;
  return (/^nineteen$/i.test(m[1]) ? 1900 : 2000) + tail;
}

export function isVague(word: string): boolean {
  return timeLexicon().vagueNumbers.includes(word.toLowerCase().replace(/\s+/g, ' '));
}

export function monthNumber(word: string): number {
  return timeLexicon().months[word.toLowerCase().replace(/\.$/, '')];
}

export function weekdayNumber(word: string): number {
  return timeLexicon().weekdays[word.toLowerCase().replace(/\.$/, '')];
}

export const capitalised = (w: string): boolean => /^[A-Z]/.test(w);

/** The year that puts month/day nearest the anchor (a story dated January that mentions "December 16"). */
export function nearestYear(anchor: Day, month: number, day: number): number {
  let best = anchor.year;
  let bestDistance = Infinity;
  for (const year of [anchor.year - 1, anchor.year, anchor.year + 1]) {
    const d = { year, month, day: Math.min(day, daysInMonth(year, month)) };
    const distance = Math.abs(dayDiff(anchor, d));
    if (distance < bestDistance) [best, bestDistance] = [year, distance];
  }
  return best;
}

/**
 * The year of a month/day without one: the tense decides when it is clear (a past event after the anchor's day
 * is last year's), otherwise the year that puts it nearest the anchor.
 */
export function yearByTense(anchor: Day, month: number, day: number, direction: Direction | null): number {
  const nearest = nearestYear(anchor, month, day);
  // within three months of the anchor the nearest year is right whatever the tense says
  if (!direction || Math.abs(dayDiff(anchor, { year: nearest, month, day: Math.min(day, daysInMonth(nearest, month)) })) <= 90) return nearest;
  const sameYear = { year: anchor.year, month, day: Math.min(day, daysInMonth(anchor.year, month)) };
  const offset = dayDiff(anchor, sameYear);
  if (direction === 'past' && offset > 1) return anchor.year - 1;
  if (direction === 'future' && offset < -1) return anchor.year + 1;
  return anchor.year;
}

/**
 * Whether a date is used as the name of an event: followed by a noun it modifies ("Jan. 6 attack", "Jan. 6
 * committee"), not by a function word, a number or punctuation.
 */
export function namesEvent(text: string, end: number): boolean {
  const next = /^[ \u00a0]+([a-z][a-z-]+)/.exec(text.slice(end, end + 30))?.[1];
  return next !== undefined && !EVENT_NOT_NOUNS.test(next);
}
/** Words after a date that show it is not a modifier: function words, verbs of tense, times of day. */
const EVENT_NOT_NOUNS = /^(?:the|a|an|and|or|but|nor|at|in|on|to|for|of|by|with|from|as|when|while|after|before|until|since|that|which|who|is|are|was|were|be|been|will|would|could|should|can|may|might|must|has|have|had|did|does|do|through|this|next|last|it|he|she|they|we|morning|afternoon|evening|night|noon|midnight|deadline|vote|meeting|election|hearing|summit|session|date|start|launch|release|rally)$/;

/** A weekday resolved by the tense around it: the latest one on or before the anchor, or the next on or after. */
export function resolveWeekday(anchor: Day, wd: number, direction: Direction): Day {
  const today = weekday(anchor);
  if (direction === 'future') return addDays(anchor, (wd - today + 7) % 7);
  return addDays(anchor, -((today - wd + 7) % 7));
}

export function directionOf(ctx: ResolveContext, start: number, end: number): Direction {
  return directionAround(ctx.text, start, end) ?? 'past';
}

export const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', tonight: 'NI' };

export function unitCode(unit: string): string {
  const u = unit.toLowerCase().replace(/s$/, '').replace(/^centurie$/, 'century');
  return timeLexicon().units[u] ?? '';
}

/** `P3Y`, `PT4H`, `P10Y` for decades, `PXW` for an unknown count. */
export function durationValue(count: number | null, unit: string): string | null {
  const code = unitCode(unit);
  if (!code) return null;
  const n = count === null ? 'X' : String(count);
  // decades in years, as TimeML writes them (`P20Y`; an unknown count `PXY`)
  if (code === 'DE') return count === null ? 'PXY' : `P${count * 10}Y`;
  if (code === 'CE') return count === null ? 'PXCE' : `P${count * 100}Y`;
  if (code === 'WE') return count === null ? 'PXWE' : `P${count * 2}D`;
  if (code === '2W') return count === null ? 'PXW' : `P${count * 2}W`;
  if (code === 'Q') return count === null ? 'PXQ' : `P${count}Q`;
  if (/^(hour|minute|second)/i.test(unit)) {
    if (count !== null && !Number.isInteger(count) && code !== 'S') {
      const whole = Math.floor(count);
      const part = Math.round((count - whole) * 60);
      return `PT${whole ? `${whole}${code}` : ''}${part}${code === 'H' ? 'M' : 'S'}`;
    }
    return `PT${n}${code}`;
  }
  if (!Number.isInteger(count ?? 0)) {
    // "2 1/2 years": years and months, as hours and minutes above (`P2Y6M`)
    if (code === 'Y' && count !== null && count >= 1) return `P${Math.floor(count)}Y${Math.round((count % 1) * 12)}M`;
    // "half a year": TIMEX3 values are whole numbers of a smaller unit
    const smaller: Record<string, [number, string]> = { Y: [12, 'M'], M: [30, 'D'], W: [7, 'D'], D: [24, 'H'] };
    const [factor, small] = smaller[code] ?? [1, code];
    return `P${small === 'H' ? 'T' : ''}${Math.round((count ?? 0) * factor)}${small}`;
  }
  return `P${n}${code}`;
}

/** Shift the anchor by n units and format it at that unit's granularity ("two months ago" → `1999-11`). */
export function shiftedValue(anchor: Day, n: number, unit: string): string | null {
  switch (unitCode(unit)) {
    case 'D':
      return formatDay(addDays(anchor, n));
    case 'W':
      return formatWeek(addDays(anchor, 7 * n));
    case '2W':
      return formatWeek(addDays(anchor, 14 * n));
    case 'M': {
      if (/^min/i.test(unit)) return null;
      const d = addMonths(anchor, n);
      return formatMonth(d.year, d.month);
    }
    case 'Q': {
      const d = addMonths(anchor, 3 * n);
      return `${d.year}-Q${quarterOf(d.month)}`;
    }
    case 'Y':
      return String(anchor.year + n);
    case 'DE':
      return String(anchor.year + 10 * n).slice(0, 3);
    case 'CE':
      return String(anchor.year + 100 * n).slice(0, 2);
    case 'H':
      return null;
    default:
      return null;
  }
}

/** Shift a calendar value (`1989-Q3`, `1998-10`, `1998-10-23`, `1989`) by whole years. */
export function shiftReferenceByYears(reference: string, years: number): string | null {
  const m = /^(\d{4})(.*)$/.exec(reference);
  if (!m) return null;
  const rest = m[2];
  if (rest !== '' && !/^-(Q[1-4]|H[12]|\d{2}|\d{2}-\d{2}|SP|SU|FA|WI)$/.test(rest)) return String(+m[1] + years);
  if (rest === '-02-29') return `${+m[1] + years}-02-28`;
  return `${+m[1] + years}${rest}`;
}

const MODS: Record<string, string> = {
  early: 'START', beginning: 'START', start: 'START', late: 'END', end: 'END', mid: 'MID', middle: 'MID',
  about: 'APPROX', around: 'APPROX', roughly: 'APPROX', some: 'APPROX', nearly: 'LESS_THAN', almost: 'LESS_THAN',
  'more than': 'MORE_THAN', over: 'MORE_THAN', 'less than': 'LESS_THAN', under: 'LESS_THAN', 'at least': 'EQUAL_OR_MORE',
  'up to': 'EQUAL_OR_LESS', 'no more than': 'EQUAL_OR_LESS',
};

export function modOf(word: string | undefined): string | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase().replace(/^the\s+/, '').replace(/\s+of$/, '').replace(/\s+/g, ' ');
  return MODS[w] ?? MODS[w.split(' ').pop() ?? ''];
}

export const date = (value: string | null, known: DatePart[], implied: DatePart[], mod?: string): Resolved =>
  mod ? { type: 'DATE', value, known, implied, mod } : { type: 'DATE', value, known, implied };

// --------------------------------------------------------------------------------------------------- rules


/**
 * A rule over the text: the pattern is matched case-insensitively, never inside a word (`B`, `E`), and
 * `build` turns a match into its resolver (null rejects the match).
 */
export function rule(name: string, source: string, confidence: number, build: Rule['build']): Rule {
  return { name, pattern: new RegExp(`${B}${source}${E}`, 'gi'), confidence, build, setsReference: false };
}

/** A rule whose expressions name a date on their own: later relative expressions may count from them. */
export function referenceRule(name: string, source: string, confidence: number, build: Rule['build']): Rule {
  return { ...rule(name, source, confidence, build), setsReference: true };
}
