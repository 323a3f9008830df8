/**
 * Days counted from a named event: "the first day of the Group of 7 summit", "the eve of the summit", "the
 * day before the vote". TimeML tags the event, not these phrases, so they are found only for calendar values
 * (`extractTimes(..., { values: 'calendar' })`). Their day is known in two ways, else it stays unknown:
 *
 *   present tense   "Leaders are meeting on the first day of the summit": the day of writing (the anchor)
 *   the story       another article dates the same event ("the first day of the summit" = June 11 there), so
 *                   "the eve of the summit" here is June 10 (`datedByEvents`, over one story's articles)
 *
 * The event is known by its head noun ("summit"): within one story the summit is one summit.
 */
import type { TimeRef } from '../model.js';
import { addDays, formatDay, parseDay, type Day } from './calendar.js';
import { alternation, timeLexicon } from './lexicon.js';
import { directionAround, sentenceAround } from './tense.js';

/** Day offsets from an event's first day, for the ordinals that count from its start. */
const FROM_START: Record<string, number> = { first: 0, opening: 0, second: 1, third: 2, fourth: 3, fifth: 4 };

/** One event-anchored expression: where, the event's head noun, and its day relative to the event's start. */
export interface EventDay {
  start: number;
  end: number;
  /** the event's head noun, lower case ("summit") */
  event: string;
  /** days after the event's first day (the eve = -1); null when counted from its end ("the last day") */
  offset: number | null;
}

let pattern: RegExp | null = null;
let nounSet: Set<string> | null = null;
const nouns = (): Set<string> => (nounSet ??= new Set(timeLexicon().eventNouns));

function eventPattern(): RegExp {
  if (pattern) return pattern;
  const nouns = alternation(timeLexicon().eventNouns);
  // up to five words between the article and the noun: names, numbers and "of" ("the Group of 7 summit")
  const modifiers = `(?:(?:the|this|next|last|(?:this|next|last)\\s+week['’]s|[\\p{L}\\d][\\p{L}\\d.'’&-]*)\\s+){0,5}?`;
  pattern = new RegExp(
    `(?<![\\p{L}\\d])the\\s+(?:(first|opening|second|third|fourth|fifth|last|final|closing)\\s+day|eve|day\\s+(before|after))\\s+(?:of\\s+)?${modifiers}(${nouns})(?![\\p{L}\\d])`,
    'giu',
  );
  return pattern;
}

/**
 * The event-anchored day expressions of a text.
 *
 * @example
 * ```ts
 * eventDays('On the eve of the summit, the leaders met.')[0]; // { start: 3, end: 24, event: 'summit', offset: -1 }
 * ```
 */
export function eventDays(text: string): EventDay[] {
  const re = eventPattern();
  re.lastIndex = 0;
  const out: EventDay[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // "the day before the summit" needs no "of"; "the day of ..." is not one of these
    if (!m[1] && !m[2] && !/^the\s+eve\s+of\s/iu.test(m[0])) continue;
    // a compound names the event by its last noun ("the Harbour Forum summit")
    let end = m.index + m[0].length;
    let event = m[3].toLowerCase();
    for (let next = /^\s+(\p{L}+)/u.exec(text.slice(end)); next && nouns().has(next[1].toLowerCase()); next = /^\s+(\p{L}+)/u.exec(text.slice(end))) {
      end += next[0].length;
      event = next[1].toLowerCase();
    }
    const ordinal = m[1]?.toLowerCase();
    const offset = ordinal !== undefined ? (FROM_START[ordinal] ?? null) : m[2] ? (m[2].toLowerCase() === 'before' ? -1 : null) : -1;
    out.push({ start: m.index, end, event, offset });
    re.lastIndex = end;
  }
  return out;
}

/**
 * Whether the expression's clause is in the present: a progressive ("are meeting") before it with no past or
 * future cue, so the day it names is the day of writing.
 */
function inPresent(text: string, start: number, end: number): boolean {
  // the verb before the expression governs it: a participle after it ("..., hoping to restore") does not
  if (directionAround(text.slice(0, end), start, end) !== null) return false;
  const sentence = sentenceAround(text, start, end);
  return /(?<![\p{L}])(?:is|are|am)\s+(?:\p{L}+ly\s+)?\p{L}+ing(?![\p{L}])/iu.test(text.slice(sentence.start, start));
}

/**
 * The event-anchored days of a text as time expressions, dated by the present tense or left unknown.
 *
 * @example
 * ```ts
 * eventDayRefs('Leaders are gathering on the first day of the summit.', '2021-06-11', 'a')[0].value; // '2021-06-11'
 * ```
 */
export function eventDayRefs(text: string, anchor: string | null, article: string): TimeRef[] {
  return eventDays(text).map((e) => {
    const now = anchor !== null && inPresent(text, e.start, e.end);
    return {
      span: { article, start: e.start, end: e.end },
      text: text.slice(e.start, e.end),
      type: 'DATE',
      value: now ? anchor.slice(0, 10) : null,
      known: [],
      implied: now ? ['year', 'month', 'day'] : [],
      anchor: now ? anchor.slice(0, 10) : null,
      method: 'rule:date:event-day',
      confidence: now ? 0.6 : 0,
    };
  });
}

/**
 * One story's time expressions with the event-anchored days that another expression of the same event dates:
 * the event's first day from every dated one, then the unknown ones counted from it. An event whose dated
 * expressions disagree on its first day dates nothing.
 *
 * @example
 * ```ts
 * datedByEvents([[firstDayOfSummit /* 2021-06-11 *\/], [eveOfSummit /* null *\/]])[1][0].value; // '2021-06-10'
 * ```
 */
export function datedByEvents(times: readonly (readonly TimeRef[])[]): TimeRef[][] {
  const firstDays = new Map<string, string | null>();
  const parsed = (t: TimeRef): EventDay | null => (t.method === 'rule:date:event-day' ? (eventDays(t.text)[0] ?? null) : null);
  for (const list of times) {
    for (const t of list) {
      const e = parsed(t);
      const day = parseDay(t.value);
      if (!e || e.offset === null || !day) continue;
      const first = formatDay(addDays(day, -e.offset));
      const seen = firstDays.get(e.event);
      firstDays.set(e.event, seen === undefined || seen === first ? first : null);
    }
  }
  return times.map((list) =>
    list.map((t) => {
      const e = parsed(t);
      if (!e || t.value !== null || e.offset === null) return t;
      const first: Day | null = parseDay(firstDays.get(e.event) ?? null);
      if (!first) return t;
      const value = formatDay(addDays(first, e.offset));
      return { ...t, value, implied: ['year', 'month', 'day'], anchor: formatDay(first), method: 'rule:date:event-day+story', confidence: 0.5 };
    }),
  );
}
