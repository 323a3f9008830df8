/**
 * Candidate generators: regular-expression rules over the text, each tagged with its name, that find a time
 * expression's extent (TimeML conventions: determiners and modifiers in, prepositions out) and say how to
 * resolve its value once the candidates are deduplicated and walked in document order.
 */
import type { DatePart, TimeType } from '../model.js';
import { alternation, timeLexicon } from './lexicon.js';
import {
  type Day,
  addDays,
  addMonths,
  dayDiff,
  daysInMonth,
  easter,
  formatDay,
  formatMonth,
  formatWeek,
  isValidDay,
  quarterOf,
  thanksgiving,
  weekday,
} from './calendar.js';
import { type Direction, directionAround, sentenceAround } from './tense.js';

/** What a rule resolves to. */
export interface Resolved {
  type: TimeType;
  value: string | null;
  known: DatePart[];
  implied: DatePart[];
  /** TimeML `mod` (START, MID, END, APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE ...) */
  mod?: string;
}

/** The document state a value may depend on: the anchor and the last date mentioned before. */
export interface ResolveContext {
  text: string;
  anchor: Day | null;
  /** the last resolved calendar value (`1989-Q3`, `1998-10`) named on its own before this expression */
  lastReference: string | null;
  /**
   * the last calendar value of any granularity told before (`1995-05-22`, `1998-10`, `1989`), relative ones
   * included: the narrative's reference time for "the following year"
   */
  lastMention?: string | null;
  /** the last day told before (`1998-10-23`), the narrative's current day for "the next morning", "at 10 p.m." */
  lastDay?: Day | null;
  /** a day of the last week told before ("last week", "the week ended May 29"): "the prior week" counts from it */
  lastWeekDay?: Day | null;
}

export interface Candidate {
  start: number;
  end: number;
  rule: string;
  /** rule order: lower wins ties between candidates of equal length */
  priority: number;
  confidence: number;
  resolve: (ctx: ResolveContext) => Resolved | null;
  /** true when the expression names a date on its own, so later "a year earlier" may count from it */
  setsReference: boolean;
}

interface Rule {
  name: string;
  pattern: RegExp;
  confidence: number;
  /** null rejects the match (e.g. "may" as a verb) */
  build: (m: RegExpExecArray, text: string) => ((ctx: ResolveContext) => Resolved | null) | null;
  setsReference: boolean;
}

const B = '(?<![\\w-])';
const E = '(?![\\w])';
/** Spelled decades from the twenties on, in order ("the nineties"). */
const DECADE_WORD_LIST = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
const DECADE_WORDS = DECADE_WORD_LIST.join('|');

// ------------------------------------------------------------------------------------------------- helpers

function numberValue(word: string): number | null {
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
function yearValue(words: string): number | null {
  if (/^\d{4}$/.test(words)) return +words;
  const m = /^(nineteen|two\s+thousand(?:\s+and)?)\s+(.+)$/i.exec(words.trim());
  if (!m) return null;
  const tail = numberValue(m[2]);
  if (tail === null || tail > 99) return null;
  return (/^nineteen$/i.test(m[1]) ? 1900 : 2000) + tail;
}

function isVague(word: string): boolean {
  return timeLexicon().vagueNumbers.includes(word.toLowerCase().replace(/\s+/g, ' '));
}

function monthNumber(word: string): number {
  return timeLexicon().months[word.toLowerCase().replace(/\.$/, '')];
}

function weekdayNumber(word: string): number {
  return timeLexicon().weekdays[word.toLowerCase().replace(/\.$/, '')];
}

const capitalised = (w: string): boolean => /^[A-Z]/.test(w);

/** The year that puts month/day nearest the anchor (a story dated January that mentions "December 16"). */
function nearestYear(anchor: Day, month: number, day: number): number {
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
function yearByTense(anchor: Day, month: number, day: number, direction: Direction | null): number {
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
function namesEvent(text: string, end: number): boolean {
  const next = /^[ \u00a0]+([a-z][a-z-]+)/.exec(text.slice(end, end + 30))?.[1];
  return next !== undefined && !EVENT_NOT_NOUNS.test(next);
}
/** Words after a date that show it is not a modifier: function words, verbs of tense, times of day. */
const EVENT_NOT_NOUNS = /^(?:the|a|an|and|or|but|nor|at|in|on|to|for|of|by|with|from|as|when|while|after|before|until|since|that|which|who|is|are|was|were|be|been|will|would|could|should|can|may|might|must|has|have|had|did|does|do|through|this|next|last|it|he|she|they|we|morning|afternoon|evening|night|noon|midnight|deadline|vote|meeting|election|hearing|summit|session|date|start|launch|release|rally)$/;

/** A weekday resolved by the tense around it: the latest one on or before the anchor, or the next on or after. */
function resolveWeekday(anchor: Day, wd: number, direction: Direction): Day {
  const today = weekday(anchor);
  if (direction === 'future') return addDays(anchor, (wd - today + 7) % 7);
  return addDays(anchor, -((today - wd + 7) % 7));
}

function directionOf(ctx: ResolveContext, start: number, end: number): Direction {
  return directionAround(ctx.text, start, end) ?? 'past';
}

const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', tonight: 'NI' };

function unitCode(unit: string): string {
  const u = unit.toLowerCase().replace(/s$/, '').replace(/^centurie$/, 'century');
  return timeLexicon().units[u] ?? '';
}

/** `P3Y`, `PT4H`, `P10Y` for decades, `PXW` for an unknown count. */
export function durationValue(count: number | null, unit: string): string | null {
  const code = unitCode(unit);
  if (!code) return null;
  const n = count === null ? 'X' : String(count);
  if (code === 'DE') return count === null ? 'PXDE' : `P${count * 10}Y`;
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
    // "a year and a half": TIMEX3 values are whole numbers of a smaller unit
    const smaller: Record<string, [number, string]> = { Y: [12, 'M'], M: [30, 'D'], W: [7, 'D'], D: [24, 'H'] };
    const [factor, small] = smaller[code] ?? [1, code];
    return `P${small === 'H' ? 'T' : ''}${Math.round((count ?? 0) * factor)}${small}`;
  }
  return `P${n}${code}`;
}

/** Shift the anchor by n units and format it at that unit's granularity ("two months ago" → `1999-11`). */
function shiftedValue(anchor: Day, n: number, unit: string): string | null {
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
function shiftReferenceByYears(reference: string, years: number): string | null {
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

function modOf(word: string | undefined): string | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase().replace(/^the\s+/, '').replace(/\s+of$/, '').replace(/\s+/g, ' ');
  return MODS[w] ?? MODS[w.split(' ').pop() ?? ''];
}

const date = (value: string | null, known: DatePart[], implied: DatePart[], mod?: string): Resolved =>
  mod ? { type: 'DATE', value, known, implied, mod } : { type: 'DATE', value, known, implied };

// --------------------------------------------------------------------------------------------------- rules

let compiled: Rule[] | null = null;

/** The ordered rules (compiled once from the lexicon). */
export function timeRules(): Rule[] {
  if (compiled) return compiled;
  const lex = timeLexicon();
  // abbreviations may carry their dot ("Sept."), full names not (the dot after "January." ends the sentence)
  const monthNames = Object.keys(lex.months);
  const MONTH = `(?:${alternation(monthNames.filter((w) => w.length > 4 || w === 'may' || w === 'june' || w === 'july'))}|(?:${alternation(monthNames.filter((w) => w.length <= 4 && w !== 'may' && w !== 'june' && w !== 'july'))})\\.?)`;
  const WEEKDAY = `(?:${alternation(Object.keys(lex.weekdays).filter((w) => w.length > 3))}|(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\\.)`;
  const NUMBER_WORD = alternation(Object.keys(lex.numbers));
  const NUM = `(?:\\d+\\s+1/2|\\d+(?:\\.\\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\\s-](?:one|two|three|four|five|six|seven|eight|nine)|${NUMBER_WORD})`;
  const VAGUE = alternation(lex.vagueNumbers);
  const UNIT = `(?:${alternation(Object.keys(lex.units))})(?:s|es)?`;
  const UNIT_NOT_S = alternation(Object.keys(lex.units));
  const YEAR = `(?:1[6-9]\\d\\d|20\\d\\d)`;
  // a spoken year after a month or season ("January nineteen ninety-seven"), as transcripts write it
  const TENS = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
  const SPELLED_YEAR = `(?:nineteen|two\\s+thousand(?:\\s+and)?)\\s+(?:${TENS}[\\s-](?:one|two|three|four|five|six|seven|eight|nine)|${TENS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)`;
  const ANY_YEAR = `(?:${YEAR}|${SPELLED_YEAR})`;
  const PRE = `(?:early|late|mid|the\\s+(?:end|beginning|start|middle)\\s+of|(?:the\\s+)?(?:end|beginning|start|middle)\\s+of)`;
  const PART = `(?:morning|afternoon|evening|night|overnight)`;
  const APPROX = `(?:about|around|roughly|some|nearly|almost|more\\s+than|over|less\\s+than|under|at\\s+least|up\\s+to|no\\s+more\\s+than|only|just|another|the\\s+(?:past|last|next|first|coming|previous|following|final|latest|remaining|entire|whole|full)(?:\\s+(?:few|several))?|(?:past|last|next|first|final|coming|previous))`;
  const ORD = `(?:first|second|third|fourth|1st|2nd|3rd|4th)`;
  const SEASON = alternation(Object.keys(lex.seasons));
  const HOLIDAY = alternation(Object.keys(lex.holidays));

  const rules: Rule[] = [];
  /** Rules whose expressions name a date on their own: later relative expressions may count from them. */
  const REFERENCE_RULES = new Set(['date:month-day-year', 'date:day-month-year', 'date:month-year', 'date:month', 'date:year', 'date:quarter', 'date:season', 'date:holiday', 'date:spelled-year']);
  const add = (name: string, source: string, confidence: number, build: Rule['build'], flags = 'gi'): void => {
    rules.push({ name, pattern: new RegExp(`${B}${source}${E}`, flags), confidence, build, setsReference: REFERENCE_RULES.has(name) });
  };

  // "4 a.m. EDT Thursday", "10:30 p.m.", "noon Tuesday"
  add(
    'time:clock',
    `(?:(\\d{1,2})(?::(\\d\\d))?\\s*(a\\.m\\.|p\\.m\\.|am\\b|pm\\b)|(noon|midnight|midday))(?:\\s+(?:[ECMP][SD]T|GMT|UTC|local\\s+time))?(?:,?\\s+(?:on\\s+)?(${WEEKDAY}|today|yesterday|tomorrow))?(?:,?\\s+(${MONTH})\\s+(\\d{1,2})(?!\\d))?`,
    0.8,
    (m) => {
      if (m[4] && /^[A-Z]/.test(m[4])) return null; // "High Noon"
      const named = m[4]?.toLowerCase();
      let hour = named ? (named === 'midnight' ? 24 : 12) : +m[1];
      const minute = m[2] ? +m[2] : 0;
      if (!named) {
        if (hour < 1 || hour > 12 || minute > 59) return null;
        const pm = /^p/i.test(m[3]);
        if (pm && hour < 12) hour += 12;
        if (!pm && hour === 12) hour = 0;
      }
      const dayWord = m[5];
      const month = m[6] ? monthNumber(m[6]) : null;
      const dayOfMonth = m[7] ? +m[7] : null;
      if (m[6] && !capitalised(m[6])) return null;
      return (ctx) => {
        if (!ctx.anchor) return { type: 'TIME', value: null, known: ['hour', 'minute'], implied: [] };
        // a bare clock time happens on the day the narrative has reached ("shot on Oct. 23 ... at 10 p.m.")
        let day = !dayWord && !(month && dayOfMonth) && ctx.lastDay ? ctx.lastDay : ctx.anchor;
        const implied: DatePart[] = ['year', 'month', 'day'];
        if (month && dayOfMonth) {
          const year = yearByTense(ctx.anchor, month, dayOfMonth, directionAround(ctx.text, m.index, m.index + m[0].length));
          day = { year, month, day: Math.min(dayOfMonth, daysInMonth(year, month)) };
          implied.splice(1, 2);
        }
        if (dayWord && !(month && dayOfMonth)) {
          const w = dayWord.toLowerCase();
          if (w === 'yesterday') day = addDays(ctx.anchor, -1);
          else if (w === 'tomorrow') day = addDays(ctx.anchor, 1);
          else if (w !== 'today') day = resolveWeekday(ctx.anchor, weekdayNumber(w), directionOf(ctx, m.index, m.index + m[0].length));
        }
        const hh = String(hour).padStart(2, '0');
        const mm = String(minute).padStart(2, '0');
        return { type: 'TIME', value: `${formatDay(day)}T${hh}:${mm}`, known: ['hour', 'minute'], implied };
      };
    },
  );

  // "Monday, Jan. 23, 2017", "January 23", "Dec. 16, 2014", "early January 23" is not a thing; mods stay out
  add('date:month-day-year', `(?:(${WEEKDAY}),?\\s+)?(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(${YEAR}))?(?!\\d|:\\d)`, 0.95, (m) => {
    if (!capitalised(m[2])) return null;
    const month = monthNumber(m[2]);
    const day = +m[3];
    if (!month || day < 1 || day > 31) return null;
    const year = m[4] ? +m[4] : null;
    return (ctx) => {
      const known: DatePart[] = ['month', 'day'];
      if (m[1]) known.push('weekday');
      if (year !== null) {
        const d = { year, month, day };
        return isValidDay(d) ? date(formatDay(d), ['year', ...known], []) : null;
      }
      if (!ctx.anchor) return date(`XXXX-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, known, []);
      // a date that names an event ("the Jan. 6 attack", "the Sept. 11 attacks") names one that has happened,
      // whatever the sentence plans about it ("will investigate the Jan. 6 attack")
      const end = m.index + m[0].length;
      const direction = namesEvent(ctx.text, end) ? 'past' : directionAround(ctx.text, m.index, end);
      const y = yearByTense(ctx.anchor, month, day, direction);
      const d = { year: y, month, day };
      return isValidDay(d) ? date(formatDay(d), known, ['year']) : null;
    };
  });

  // "16 December 2014", "the 16th of December"
  add('date:day-month-year', `(?:(${WEEKDAY}),?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(${YEAR}))?`, 0.9, (m) => {
    if (!capitalised(m[3])) return null;
    const month = monthNumber(m[3]);
    const day = +m[2];
    if (!month || day < 1 || day > 31) return null;
    const year = m[4] ? +m[4] : null;
    return (ctx) => {
      if (year !== null) {
        const d = { year, month, day };
        return isValidDay(d) ? date(formatDay(d), ['year', 'month', 'day'], []) : null;
      }
      if (!ctx.anchor) return date(`XXXX-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, ['month', 'day'], []);
      const y = yearByTense(ctx.anchor, month, day, directionAround(ctx.text, m.index, m.index + m[0].length));
      return date(formatDay({ year: y, month, day: Math.min(day, daysInMonth(y, month)) }), ['month', 'day'], ['year']);
    };
  });

  // "January 2017", "late November 1998", "mid-1990" is the year rule
  add('date:month-year', `(?:(${PRE})[\\s-]+)?(${MONTH}),?\\s+(?:of\\s+)?(${ANY_YEAR})`, 0.95, (m) => {
    if (!capitalised(m[2])) return null;
    const month = monthNumber(m[2]);
    const year = yearValue(m[3]);
    if (year === null) return null;
    return () => date(formatMonth(year, month), ['year', 'month'], [], modOf(m[1]));
  });

  // "mid-January", "last month's", "in March", "last November", "early December"; a day number after the month
  // makes it the month-day rule's ("last Oct. 23")
  add('date:month', `(?:(${PRE}|last|next|this|coming|past)[\\s-]+)?(${MONTH})(?!\\.?\\s*\\d)(?:,?\\s+(this|last|next)\\s+year)?`, 0.8, (m, text) => {
    const word = m[2];
    const yearWord = m[3]?.toLowerCase();
    if (!capitalised(word)) return null;
    const modifier = m[1]?.toLowerCase();
    const bare = word.replace(/\.$/, '').toLowerCase();
    // Bare months also read as verbs, modals and names: take them after a preposition only.
    if (!modifier) {
      if (bare.length <= 3 && bare !== 'may') return null;
      const before = text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
      const prepositional = /\b(in|since|by|until|till|through|from|to|of|during|before|after|early|late|mid|for|between|and|or|last|next|this)\s+$/.test(before);
      if ((bare === 'may' || bare === 'march') && !prepositional) return null;
      if (!prepositional && /^\s+[A-Z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) return null;
    }
    const month = monthNumber(word);
    return (ctx) => {
      const mod = modifier && !/^(last|next|this|coming|past)$/.test(modifier) ? modOf(modifier) : undefined;
      if (!ctx.anchor) return date(`XXXX-${String(month).padStart(2, '0')}`, ['month'], [], mod);
      const a = ctx.anchor;
      let year = a.year;
      if (yearWord) return date(formatMonth(a.year + (yearWord === 'last' ? -1 : yearWord === 'next' ? 1 : 0), month), ['month'], ['year'], mod);
      const before = ctx.text.slice(Math.max(0, m.index - 7), m.index).toLowerCase();
      if (modifier === 'last' || modifier === 'past') year = month < a.month ? a.year : a.year - 1;
      else if (modifier === 'next' || modifier === 'coming') year = month > a.month ? a.year : a.year + 1;
      else if (modifier === 'this') year = a.year;
      else {
        // a deadline looks ahead ("until February", "must pass by February") unless the tense says it is past
        // ("By July, cases had doubled"); otherwise the tense, and news tells of the past by default
        const tense = directionAround(ctx.text, m.index, m.index + m[0].length);
        const sentence = sentenceAround(ctx.text, m.index, m.index + m[0].length);
        const pastForm = /\b(?:had|was|were|did)\b/i.test(ctx.text.slice(sentence.start, sentence.end));
        const dir = /\b(until|till)\s+$/.test(before) ? 'future' : /\bby\s+$/.test(before) ? (tense === 'past' && pastForm ? 'past' : 'future') : (tense ?? 'past');
        if (dir === 'past' && month > a.month) year = a.year - 1;
        else if (dir === 'future' && month < a.month) year = a.year + 1;
      }
      return date(formatMonth(year, month), ['month'], ['year'], mod);
    };
  });

  // "the 1980s", "early 1990s", "the '90s"
  // A decade is its first three digits and an X ("199X"; TimeBank also writes "199", AQUAINT never). Two-digit and spelled decades ("the '80s", "the
  // nineties") take the latest century that does not put them after the anchor; without "the" or an apostrophe
  // they are ages ("in their 80s").
  add('date:decade', `(?:the\\s+)?(?:(early|mid|late)[\\s-]+)?(?:(1[6-9]\\d|20\\d)0'?s|(?<=\\bthe\\s+(?:(?:early|mid|late)[\\s-]+)?)(?:'(\\d)0s|(\\d)0s|(${DECADE_WORDS}))|'(\\d)0s)`, 0.9, (m) => {
    const mod = modOf(m[1]);
    if (m[2]) return () => date(`${m[2]}X`, ['year'], [], mod);
    const word = m[5]?.toLowerCase();
    const digit = word ? DECADE_WORD_LIST.indexOf(word) + 2 : +(m[3] ?? m[4] ?? m[6]);
    return (ctx) => {
      const reference = ctx.anchor?.year ?? 1999;
      let century = Math.floor(reference / 100);
      if (century * 100 + digit * 10 > reference) century -= 1;
      return date(`${century}${digit}X`, ['year'], [], mod);
    };
  });

  // "since 2011", "fiscal 1989", "the end of 1990", "mid-1990"
  add('date:year', `(?:(${PRE}|fiscal|calendar|(?:the\\s+)?(?:fiscal\\s+)?year)[\\s-]+)?(${YEAR})(?!\\s*(?:%|percent|\\$)|[\\d,.]\\d|-\\d|\\s+(?:${MONTH})\\b)`, 0.8, (m, text) => {
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (/[$£€#\d,.]\s?$/.test(before) && !/\.\s$/.test(before)) return null;
    const year = m[2];
    return () => date(year, ['year'], [], modOf(m[1]));
  });

  // weekdays: "on Monday", "late on Tuesday", "Wednesday night", "last Friday", "next Monday"
  add('date:weekday', `(?:(last|next|this|coming|past|early|late)\\s+(?:on\\s+)?)?(${WEEKDAY})(?:\\s+(${PART}))?`, 0.85, (m) => {
    if (!capitalised(m[2])) return null;
    const wd = weekdayNumber(m[2]);
    const modifier = m[1]?.toLowerCase();
    const part = m[3]?.toLowerCase();
    return (ctx) => {
      if (!ctx.anchor) return date(`XXXX-WXX-${wd}`, ['weekday'], []);
      let day: Day;
      if (modifier === 'last' || modifier === 'past') day = addDays(resolveWeekday(addDays(ctx.anchor, -1), wd, 'past'), 0);
      else if (modifier === 'next' || modifier === 'coming') day = resolveWeekday(addDays(ctx.anchor, 1), wd, 'future');
      // "this Sunday" follows the tense when there is one ("protests erupted this Sunday"), else the week
      else if (modifier === 'this') day = resolveWeekday(ctx.anchor, wd, directionAround(ctx.text, m.index, m.index + m[0].length) ?? (weekday(ctx.anchor) <= wd ? 'future' : 'past'));
      else day = resolveWeekday(ctx.anchor, wd, directionOf(ctx, m.index, m.index + m[0].length));
      // TimeBank mostly writes "Friday night" as the day alone; the part of the day stays in the extent
      const suffix = '';
      return date(formatDay(day) + suffix, ['weekday'], ['year', 'month', 'day']);
    };
  });

  // today, yesterday, tomorrow, tonight, "late yesterday", "yesterday morning"
  add('date:deictic-day', `(?:(early|late)\\s+)?(today|tomorrow|yesterday|tonight)(?:\\s+(${PART}))?`, 0.9, (m) => {
    const word = m[2].toLowerCase();
    const part = word === 'tonight' ? 'night' : m[3]?.toLowerCase();
    return (ctx) => {
      if (!ctx.anchor) return date(null, [], ['year', 'month', 'day']);
      const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      const suffix = part ? `T${PART_OF_DAY[part]}` : '';
      return date(formatDay(addDays(ctx.anchor, offset)) + suffix, [], ['year', 'month', 'day']);
    };
  });

  // "this morning", "last night"
  add('date:part-of-day', `(this|last)\\s+(${PART})`, 0.85, (m) => {
    const part = m[2].toLowerCase();
    const offset = m[1].toLowerCase() === 'last' ? -1 : 0;
    return (ctx) =>
      ctx.anchor ? date(`${formatDay(addDays(ctx.anchor, offset))}T${PART_OF_DAY[part]}`, [], ['year', 'month', 'day']) : null;
  });

  // "last week", "next month", "this year", "earlier this month", "earlier in the week", "the current quarter"
  add(
    'date:relative-unit',
    `(?:(earlier|later|early|late)\\s+(?:(?:in|on)\\s+)?)?(this|last|next|coming|the\\s+coming|the\\s+current|current|the\\s+same|the|that)\\s+(week|weekend|month|year|quarter|decade|century)`,
    0.85,
    (m) => {
      if (/^[A-Z]/.test(m[3])) return null; // a title ("This Week With David Brinkley")
      const rel = m[2].toLowerCase().replace(/^the\s+/, 'the ');
      const unit = m[3].toLowerCase();
      const within = m[1]?.toLowerCase();
      // "the week"/"that year" alone refer to something said before; only take them with earlier/later
      const anaphoric = rel === 'the' || rel === 'that' || rel === 'the same';
      if (anaphoric && !within && !(rel !== 'the' && unit === 'year')) return null;
      const offset = rel === 'last' ? -1 : rel === 'next' || rel === 'coming' || rel === 'the coming' ? 1 : 0;
      return (ctx) => {
        if (!ctx.anchor) return date(null, [], []);
        const a = ctx.anchor;
        const mod = within === 'early' || within === 'late' ? modOf(within) : undefined;
        if (anaphoric && unit === 'year') {
          // "later that year": the year of the date told before
          const year = ctx.lastReference?.slice(0, 4) ?? null;
          return year ? date(year, [], ['year'], mod) : null;
        }
        switch (unit) {
          case 'week':
            return date(formatWeek(addDays(a, 7 * offset)), [], ['year', 'month', 'day'], mod);
          case 'weekend': {
            const sat = offset <= 0 ? resolveWeekday(a, 6, offset < 0 ? 'past' : weekday(a) >= 6 ? 'past' : 'future') : resolveWeekday(addDays(a, 1), 6, 'future');
            return date(`${formatWeek(sat)}-WE`, [], ['year', 'month', 'day'], mod);
          }
          case 'month': {
            const d = addMonths(a, offset);
            return date(formatMonth(d.year, d.month), [], ['year', 'month'], mod);
          }
          case 'quarter': {
            const d = addMonths(a, 3 * offset);
            return date(`${d.year}-Q${quarterOf(d.month)}`, [], ['year', 'month'], mod);
          }
          case 'decade':
            return date(String(a.year + 10 * offset).slice(0, 3) + 'X', [], ['year'], mod);
          case 'century':
            return date(String(a.year + 100 * offset).slice(0, 2), [], ['year'], mod);
          default:
            return date(String(a.year + offset), [], ['year'], mod);
        }
      };
    },
  );

  // "two weeks ago", "a year earlier", "almost four years ago", "three days from now"
  add(
    'date:ago',
    `(?:(about|around|roughly|some|nearly|almost|more\\s+than|over|less\\s+than|only|just)\\s+)?(${NUM}|${VAGUE})\\s+(${UNIT})(?:\\s+or\\s+so)?\\s+(ago|earlier|later|from\\s+now|hence|before|after)`,
    0.85,
    (m, text) => {
      const direction = m[4].toLowerCase().replace(/\s+/g, ' ');
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      const relative = direction !== 'ago' && direction !== 'from now' && direction !== 'hence';
      // "two days after the attack": the count is a duration, the anchor an event; leave it to the duration rule
      if (relative && /^\s+(?:the|a|an|his|her|their|its|he|she|they|it|[A-Z])/.test(after)) return null;
      const count = numberValue(m[2]);
      const sign = /ago|earlier|before/.test(direction) ? -1 : 1;
      const code = unitCode(m[3]);
      return (ctx) => {
        const mod = modOf(m[1]);
        // "three days later": an offset from an event told before, which TimeML annotates as the duration
        if (relative && /^(D|W|H|M|S)$/.test(code) && !/^mon/i.test(m[3]))
          return { type: 'DURATION', value: durationValue(count, m[3]), known: [], implied: [], mod };
        if (count === null) return date(sign < 0 ? 'PAST_REF' : 'FUTURE_REF', [], [], mod);
        if (code === 'Y' && Number.isInteger(count) && ctx.lastReference && (relative || /-[QH]\d$/.test(ctx.lastReference))) {
          const shifted = shiftReferenceByYears(ctx.lastReference, sign * count);
          if (shifted) return date(shifted, [], ['year'], mod);
        }
        if (!ctx.anchor || !Number.isInteger(count)) return date(null, [], [], mod);
        if (code === 'DE' || code === 'CE') return date(String(ctx.anchor.year + sign * count * (code === 'DE' ? 10 : 100)), [], ['year'], mod);
        return date(shiftedValue(ctx.anchor, sign * count, m[3]), [], ['year', 'month', 'day'], mod);
      };
    },
  );

  // "the week of March 6": the ISO week holding that day
  add('date:week-of', `the\\s+week\\s+of\\s+(${MONTH})\\s+(\\d{1,2})(?:,?\\s+(${YEAR}))?`, 0.85, (m) => {
    if (!capitalised(m[1])) return null;
    const month = monthNumber(m[1]);
    const dayOfMonth = +m[2];
    return (ctx) => {
      const year = m[3] ? +m[3] : ctx.anchor ? nearestYear(ctx.anchor, month, dayOfMonth) : null;
      if (year === null) return date(null, ['month', 'day'], []);
      const d = { year, month, day: dayOfMonth };
      return isValidDay(d) ? date(formatWeek(d), ['month', 'day'], m[3] ? [] : ['year']) : null;
    };
  });
  // "the weekend", "over the weekend": the last one in a past context, the coming one ahead
  add('date:the-weekend', `the\\s+weekend`, 0.7, (m) => (ctx) => {
    if (!ctx.anchor) return date(null, [], []);
    const dir = directionAround(ctx.text, m.index, m.index + m[0].length) ?? 'past';
    const saturday = resolveWeekday(ctx.anchor, 6, dir);
    return date(`${formatWeek(saturday)}-WE`, [], ['year', 'month', 'day']);
  });
  // "year-end", "by the end of the year"
  add('date:year-end', `(?:the\\s+end\\s+of\\s+the\\s+year|year[\\s-]end|year's\\s+end)`, 0.7, () => (ctx) =>
    ctx.anchor ? date(String(ctx.anchor.year), [], ['year'], 'END') : null,
  );
  // "nineteen ninety-six", "the year two thousand"
  add('date:spelled-year', `(?:the\\s+year\\s+)?(nineteen|two\\s+thousand(?:\\s+and)?)(?:\\s+((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\\s-](?:one|two|three|four|five|six|seven|eight|nine)|${NUMBER_WORD}))?`, 0.7, (m) => {
    const head = m[1].toLowerCase().startsWith('nineteen') ? 1900 : 2000;
    const tail = m[2] ? numberValue(m[2]) : 0;
    if (tail === null || tail > 99 || (head === 1900 && !m[2]) || (!m[2] && !/^the/i.test(m[0]))) return null;
    return () => date(String(head + tail), ['year'], []);
  });
  // "the 20th century", "the eleventh century"
  add('date:century', `(?:the\\s+)?(?:(early|mid|late)[\\s-]+)?(\\d{1,2})(?:st|nd|rd|th)[\\s-]century`, 0.8, (m) => {
    const n = +m[2];
    if (n < 1) return null;
    return () => date(String(n - 1).padStart(2, '0'), ['year'], [], modOf(m[1]));
  });

  // "the year ended Sept. 30" (a fiscal year: a duration), "for the full year" (this one)
  add('date:the-year', `the\\s+(?:(?:fiscal|full|latest|current|calendar|entire|whole)[\\s-]+)*year(?![\\s-](?:earlier|ago|before|after|end)\\b|'s|\\s+(?:two|nineteen|of|in)\\b)`, 0.6, (m, text) => {
    const next = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    const fiscal = /^\s+(end(ed|ing)|through|to\s+date)\b/.test(next);
    return (ctx) => {
      if (fiscal) return { type: 'DURATION', value: 'P1Y', known: [], implied: [] };
      return ctx.anchor ? date(String(ctx.anchor.year), [], ['year']) : null;
    };
  });
  // "year-earlier", "the year-ago quarter", "the year-earlier period"
  add('date:year-earlier', `(?:the\\s+)?year[\\s-](?:earlier|ago)(?:\\s+(?:${ORD}\\s+)?(?:quarter|period|nine\\s+months|half|month))?`, 0.8, () => (ctx) => {
    const shifted = ctx.lastReference ? shiftReferenceByYears(ctx.lastReference, -1) : null;
    if (shifted) return date(shifted, [], ['year']);
    return ctx.anchor ? date(String(ctx.anchor.year - 1), [], ['year']) : null;
  });

  // quarters and halves: "the third quarter", "third-quarter", "the fourth quarter of 1989", "the first half"
  add('date:quarter', `(?:the\\s+|(this|last|next)\\s+year's\\s+)?(?:(${YEAR})\\s+|fiscal\\s+)?(?:(${YEAR})\\s+)?(${ORD})[\\s-](quarter|half)(?:\\s+of\\s+(?:fiscal\\s+)?(${YEAR}))?`, 0.9, (m) => {
    const [, yearWord, yearBefore, yearAfterFiscal, ordinalWord, part, yearAfter] = m;
    const ordinal = timeLexicon().ordinals[ordinalWord.toLowerCase()];
    const isHalf = part.toLowerCase() === 'half';
    if (isHalf && ordinal > 2) return null;
    const statedYear = yearBefore ?? yearAfterFiscal ?? yearAfter;
    const relativeYear = yearWord?.toLowerCase();
    const { index } = m;
    const end = index + m[0].length;
    return (ctx) => {
      const code = isHalf ? `H${ordinal}` : `Q${ordinal}`;
      if (statedYear) return date(`${statedYear}-${code}`, ['year', 'month'], []);
      if (!ctx.anchor) return date(`XXXX-${code}`, ['month'], []);
      if (relativeYear) return date(`${ctx.anchor.year + (relativeYear === 'last' ? -1 : relativeYear === 'next' ? 1 : 0)}-${code}`, ['month'], ['year']);
      let year = ctx.anchor.year;
      const current = isHalf ? (ctx.anchor.month <= 6 ? 1 : 2) : quarterOf(ctx.anchor.month);
      if (ordinal > current && directionAround(ctx.text, index, end) === 'past') year -= 1;
      return date(`${year}-${code}`, ['month'], ['year']);
    };
  });

  // "the quarter", "the latest quarter", "last quarter": the one most recently reported
  add('date:the-quarter', `the\\s+(?:latest\\s+|most\\s+recent\\s+|recent\\s+|just-ended\\s+|past\\s+)?(quarter|period)`, 0.6, (m) => {
    const isPeriod = m[1].toLowerCase() === 'period';
    return (ctx) => {
      if (isPeriod && !(ctx.lastReference && /-Q\d$/.test(ctx.lastReference))) return null;
      if (ctx.lastReference && /-Q\d$/.test(ctx.lastReference)) return date(ctx.lastReference, [], ['year', 'month']);
      if (!ctx.anchor) return null;
      const d = addMonths(ctx.anchor, -3);
      return date(`${d.year}-Q${quarterOf(d.month)}`, [], ['year', 'month']);
    };
  });

  // seasons: "last fall", "this summer", "the spring of 1998", "winter 2016"
  add('date:season', `(?:(this|last|next|coming|past|early|late|mid|the)[\\s-]+)?(${SEASON})(?:\\s+(?:of\\s+)?(${ANY_YEAR}))?`, 0.8, (m, text) => {
    const modifier = m[1]?.toLowerCase();
    const stated = m[3] === undefined ? undefined : yearValue(m[3]);
    if (stated === null) return null;
    // a bare season before a plural noun it modifies is this year's ("fall fights", "summer storms"), a bare
    // season otherwise may be a verb or a noun of its own ("prices fall", "the fall of the city")
    const next = /^\s+(\p{Ll}{3,}s)(?![\p{L}'’-])/u.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 30))?.[1];
    const modifiesPlural = !modifier && !stated && next !== undefined && !/(?:ss|us|is|as|ys)$/.test(next) && next !== 'does' && next !== 'goes';
    if (!modifier && !stated && !modifiesPlural) return null;
    if (m[2].toLowerCase() === 'fall' && !stated && !modifiesPlural && (!modifier || modifier === 'the')) return null;
    const code = timeLexicon().seasons[m[2].toLowerCase()];
    return (ctx) => {
      const mod = modifier && /early|late|mid/.test(modifier) ? modOf(modifier) : undefined;
      if (stated) return date(`${stated}-${code}`, ['year'], [], mod);
      if (!ctx.anchor) return date(`XXXX-${code}`, [], [], mod);
      const seasonMonth: Record<string, number> = { SP: 4, SU: 7, FA: 10, WI: 1 };
      const a = ctx.anchor;
      let year = a.year;
      const inSeason = seasonMonth[code];
      if (modifier === 'last' || modifier === 'past') year = inSeason < a.month - 1 ? a.year : a.year - 1;
      else if (modifier === 'next' || modifier === 'coming') year = inSeason > a.month + 1 ? a.year : a.year + 1;
      return date(`${year}-${code}`, [], ['year'], mod);
    };
  });

  // holidays: "Christmas", "Thanksgiving Day", "last Thanksgiving", "Easter"
  add('date:holiday', `(?:(last|next|this)\\s+)?(${HOLIDAY})`, 0.8, (m) => {
    if (!capitalised(m[2])) return null;
    const key = m[2].toLowerCase().replace(/\s+/g, ' ');
    const rule = timeLexicon().holidays[key];
    const modifier = m[1]?.toLowerCase();
    return (ctx) => {
      if (!ctx.anchor) return null;
      const dayIn = (year: number): Day =>
        rule === 'easter' ? easter(year) : rule === 'thanksgiving' ? thanksgiving(year) : { year, month: +rule.slice(0, 2), day: +rule.slice(3) };
      const candidates = [ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1].map(dayIn);
      let pick: Day;
      if (modifier === 'last') pick = candidates.filter((d) => dayDiff(d, ctx.anchor!) > 0).pop() ?? candidates[0];
      else if (modifier === 'next') pick = candidates.find((d) => dayDiff(ctx.anchor!, d) > 0) ?? candidates[2];
      else pick = candidates.reduce((best, d) => (Math.abs(dayDiff(ctx.anchor!, d)) < Math.abs(dayDiff(ctx.anchor!, best)) ? d : best));
      return date(formatDay(pick), ['month', 'day'], ['year']);
    };
  });

  // sets: "every week", "each July", "daily", "every other Monday"
  add('set:every', `(?:every|each)\\s+(other\\s+)?(${UNIT_NOT_S}|${WEEKDAY}|${MONTH})`, 0.85, (m) => {
    const word = m[2].toLowerCase().replace(/\.$/, '');
    const lex = timeLexicon();
    const every = m[1] ? 2 : 1;
    return () => {
      if (word in lex.weekdays) return { type: 'SET', value: `XXXX-WXX-${lex.weekdays[word]}`, known: ['weekday'], implied: [] };
      if (word in lex.months && !(word in lex.units)) return { type: 'SET', value: `XXXX-${String(lex.months[word]).padStart(2, '0')}`, known: ['month'], implied: [] };
      return { type: 'SET', value: durationValue(every, word), known: [], implied: [] };
    };
  });
  add('set:adverb', `(daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly|semiannually)`, 0.7, (m, text) => {
    // "its quarterly dividend", "annual report": a financial reporting adjective, not a recurrence in the story
    const next = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    // "the Coastline Daily", "Weekly Standard": a capitalised word after a capitalised one is part of a name.
    if (/^\p{Lu}/u.test(m[1]) && /\p{Lu}[\p{L}'’.-]*\s+$/u.test(text.slice(Math.max(0, m.index - 30), m.index))) return null;
    if (/^(quarterly|annually|yearly|monthly)$/i.test(m[1]) && /^\s+(dividends?|reports?|results|earnings|payments?|rates?|meetings?|figures|statements?|reviews?|sales|loss|profit|cash)\b/.test(next)) return null;
    if (/^quarterly$/i.test(m[1]) && /\b(a|an|its|their|the|first|initial|regular)\s+$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) return null;
    const unit: Record<string, string> = {
      daily: 'P1D', nightly: 'P1D', weekly: 'P1W', biweekly: 'P2W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', quarterly: 'P3M', hourly: 'PT1H', semiannually: 'P6M',
    };
    const value = unit[m[1].toLowerCase()];
    return () => ({ type: 'SET', value, known: [], implied: [] });
  });

  // durations: "two to three weeks", "a year and a half", "the past two months", "14-day", "more than four decades"
  add(
    'duration:range',
    `(${NUM})\\s+(?:to|or|-|and)\\s+(${NUM})\\s+(${UNIT})`,
    0.85,
    (m) => {
      const low = numberValue(m[1]);
      const high = numberValue(m[2]);
      if (low === null || high === null || high <= low) return null;
      return () => ({ type: 'DURATION', value: durationValue(low, m[3]), known: [], implied: [], mod: 'APPROX' });
    },
  );
  add('duration:and-a-half', `(?:(${APPROX})\\s+)?(${NUM})\\s+(${UNIT})\\s+and\\s+a\\s+half|(?:(${APPROX})\\s+)?(${NUM})\\s+and\\s+a\\s+half\\s+(${UNIT})|half\\s+an?\\s+(${UNIT_NOT_S})`, 0.85, (m) => {
    if (m[7]) return () => ({ type: 'DURATION', value: durationValue(0.5, m[7]), known: [], implied: [] });
    const n = numberValue(m[2] ?? m[5]);
    const unit = m[3] ?? m[6];
    if (n === null) return null;
    return () => ({ type: 'DURATION', value: durationValue(n + 0.5, unit), known: [], implied: [], mod: modOf(m[1] ?? m[4]) });
  });
  add('duration:count', `(?:(${APPROX})\\s+)?(${NUM}|${VAGUE})\\s+(?:more\\s+|full\\s+|straight\\s+|consecutive\\s+|long\\s+|short\\s+|successive\\s+)?(${UNIT})`, 0.8, (m, text) => {
    const countWord = m[2];
    const unitWord = m[3];
    if (/^[A-Z]/.test(unitWord)) return null; // a title ("60 Minutes")
    const following = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    if (/^\s+old\b/.test(following)) return null; // an age ("52 years old")
    // "a second group", "a second betrayal": the ordinal, not the unit; a unit ends the phrase or takes a time word
    if (/^an?$/i.test(countWord) && /^seconds?$/i.test(unitWord) && !/^(\s+(ago|later|earlier|before|after|or|and|longer|more|too)\b|\s*[^\s\w]|\s*$)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
    // "a week" reads as a duration; "one day" with no modifier is often "some day" (future) — keep both
    const count = isVague(countWord) ? null : numberValue(countWord);
    if (count === null && !isVague(countWord)) return null;
    if (/^\d/.test(countWord) && count !== null && count > 1000) return null;
    // "$5 a year", "twice a week": a rate (set), not a duration
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    // "four flights a week", "$1.76 a year", "24 hours a day": a rate, which TimeML leaves unmarked
    const isRate = /^(a|an)$/i.test(countWord) && !m[1] && (/(\d|times|twice|once|percent|%|cents?|dollars?)\s*$/i.test(before) || (/[a-z]s\s+$/.test(before) && !/\b(takes|lasts|is|was|has|needs|gets)\s+$/.test(before)));
    if (isRate) return null;
    return () => {
      return { type: 'DURATION', value: durationValue(count, unitWord), known: [], implied: [], mod: modOf(m[1]) };
    };
  });
  add('duration:adjective', `(${NUM}|several|many|few)-(${UNIT_NOT_S})(?:-long)?(?!-old)`, 0.8, (m) => {
    const count = /^(several|many|few)$/i.test(m[1]) ? null : numberValue(m[1]);
    if (count === null && !/^(several|many|few)$/i.test(m[1])) return null;
    if (count === null) return null;
    return () => ({ type: 'DURATION', value: durationValue(count, m[2]), known: [], implied: [] });
  });
  // "the past year", "over the next year", "the following year": the calendar unit before or after, as a date
  add('date:the-past-unit', `the\\s+(past|last|next|coming|previous|following|preceding)\\s+(year|month|decade|century)`, 0.7, (m) => {
    const word = m[1].toLowerCase();
    const sign = /past|last|previous|preceding/.test(word) ? -1 : 1;
    const fromReference = word === 'following' || word === 'previous' || word === 'preceding';
    return (ctx) => {
      // "the following year" counts from the time the narrative has reached, not from the article's date
      const told = ctx.lastMention ?? ctx.lastReference;
      if (fromReference && told) {
        const unit = m[2].toLowerCase();
        if (unit === 'year') return date(String(+told.slice(0, 4) + sign), [], ['year']);
        const month = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(told);
        if (unit === 'month' && month) {
          const d = addMonths({ year: +month[1], month: +month[2], day: 1 }, sign);
          return date(formatMonth(d.year, d.month), [], ['year', 'month']);
        }
      }
      if (!ctx.anchor) return date(null, [], []);
      return date(shiftedValue(ctx.anchor, sign, m[2]), [], ['year']);
    };
  });
  // "the prior week", "the previous week's figure", "the following week": the week before or after the last
  // week told ("last week", "the week ended May 29"), else the article's
  add('date:the-previous-week', `the\\s+(previous|prior|preceding|following)\\s+week`, 0.7, (m) => {
    const sign = m[1].toLowerCase() === 'following' ? 1 : -1;
    return (ctx) => {
      const from = ctx.lastWeekDay ?? ctx.anchor;
      return from ? date(formatWeek(addDays(from, 7 * sign)), [], ['year', 'month', 'day']) : date(null, [], []);
    };
  });
  add('duration:vague-plural', `(?:the\\s+(?:past|last|next|coming)\\s+|(?:recent|coming)\\s+)?(years|months|weeks|decades|days)(?:-long)?`, 0.5, (m, text) => {
    const before = text.slice(Math.max(0, m.index - 10), m.index).toLowerCase();
    const prefixed = /^(the|recent|coming)/i.test(m[0]);
    if (!prefixed && !/\b(for|in|over|within|took|take|takes|last(ed)?)\s+$/.test(before)) return null;
    return () => ({ type: 'DURATION', value: durationValue(null, m[1]), known: [], implied: [] });
  });

  // vague references: "now", "currently", "recently", "the future", "soon"
  const refs: [string[], string][] = [
    [lex.presentRef, 'PRESENT_REF'],
    [lex.pastRef, 'PAST_REF'],
    [lex.futureRef, 'FUTURE_REF'],
  ];
  for (const [words, value] of refs) {
    add(`date:${value.toLowerCase()}`, `(${alternation(words)})`, 0.6, (m, text) => {
      const before = text.slice(Math.max(0, m.index - 8), m.index).toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8).toLowerCase();
      // "as soon as", "soon after": a connective, not a time; "the then current": a past present
      if (/^soon$/i.test(m[1]) && (/\bas\s+$/.test(before) || /^\s+(after|before|as)\b/.test(after))) return null;
      if (/\bthen\s+$/.test(before)) return null;
      return () => date(value, [], []);
    });
  }

  compiled = rules;
  return rules;
}

/**
 * Run every rule over the text: all candidates, overlapping ones included (the refiners choose).
 *
 * @example
 * ```ts
 * generateCandidates('It ended last week.').map((c) => c.rule); // ['date:relative-unit', ...]
 * ```
 */
export function generateCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  timeRules().forEach((rule, priority) => {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const resolve = rule.build(m, text);
      if (resolve) {
        out.push({ start: m.index, end: m.index + m[0].length, rule: rule.name, priority, confidence: rule.confidence, resolve, setsReference: rule.setsReference });
      }
    }
  });
  return out;
}
