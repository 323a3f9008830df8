/**
 * Time expressions → TimeRefs anchored on the article's date: candidate generators (the rules, chrono-node),
 * then the refiners, then values resolved in document order so that "a year earlier" can lean on the date
 * mentioned before it.
 */
import type { Doc, TimeRef } from '../model.js';
import { parseDay, weekMonday } from './calendar.js';
import { chronoCandidates } from './chrono.js';
import { eventDayRefs } from './eventdays.js';
import { REFINERS } from './refiners.js';
import { type Candidate, type ResolveContext, generateCandidates } from './rules/index.js';

export interface ExtractTimesOptions {
  /** `Article.id` for the spans (default: empty) */
  article?: string;
  /** also run chrono-node's strict parser for numeric dates and clock times (default true) */
  chrono?: boolean;
  /**
   * `timex3` (default): values as TimeML writes them (`2021-SU`, `2021-06-29TMO`); `calendar`: the calendar
   * values a reader's timeline uses (day, week, month, quarter, year), see `calendarValue`
   */
  values?: 'timex3' | 'calendar';
}

/**
 * A TIMEX3 value as a calendar value: a season of a known year is that year ("this summer" = `2021`), since a
 * season has no calendar bounds, and a part of a known day is that day ("tomorrow morning" = `2021-06-29`).
 * Everything else is returned as it is.
 *
 * @example
 * ```ts
 * calendarValue('2021-FA'); // '2021'
 * calendarValue('2021-06-29TMO'); // '2021-06-29'
 * calendarValue('2021-06-29T10:00'); // '2021-06-29T10:00'
 * ```
 */
export function calendarValue(value: string | null): string | null {
  if (value === null) return null;
  const season = /^(\d{4})-(?:SP|SU|FA|WI)$/.exec(value);
  if (season) return season[1];
  const partOfDay = /^(\d{4}-\d{2}-\d{2})T(?:MO|AF|EV|NI|DT)$/.exec(value);
  return partOfDay ? partOfDay[1] : value;
}

/** Values later expressions may count from ("a year earlier" after "the third quarter"). */
const REFERENCE_VALUE = /^\d{4}(?:-Q[1-4]|-H[12]|-\d{2})?$/;

/** Calendar values the narrative can move on from ("the following year", "the next morning"). */
const CALENDAR_VALUE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T|$)/;

function validAnchor(anchor: string | null): ReturnType<typeof parseDay> {
  if (anchor === null) return null;
  const day = parseDay(anchor);
  if (!day) throw new Error(`extractTimes: anchor "${anchor}" is not an ISO date (YYYY-MM-DD)`);
  return day;
}

/**
 * Find and normalise the time expressions of a text.
 *
 * @param anchor the article's date (ISO `YYYY-MM-DD`, a longer ISO string is cut to its date), or null when
 *   unknown: relative expressions then keep a null value
 * @example
 * ```ts
 * const refs = extractTimes('Officials said on Wednesday the talks open on Monday.', '2017-01-18');
 * refs.map((r) => r.value); // ['2017-01-18', '2017-01-23']
 * ```
 */
export function extractTimes(text: string, anchor: string | null, options: ExtractTimesOptions = {}): TimeRef[] {
  const anchorDay = validAnchor(anchor);
  const anchorIso = anchor === null ? null : anchor.slice(0, 10);
  let candidates: Candidate[] = generateCandidates(text);
  if (options.chrono !== false) {
    const reference = anchorDay ? new Date(Date.UTC(anchorDay.year, anchorDay.month - 1, anchorDay.day, 12)) : null;
    candidates = candidates.concat(chronoCandidates(text, reference));
  }
  for (const refine of REFINERS) candidates = refine(candidates, text);

  const ctx: ResolveContext = { text, anchor: anchorDay, lastReference: null, lastMention: null, lastDay: null, lastWeekDay: null };
  const refs: TimeRef[] = [];
  for (const c of candidates) {
    const resolved = c.resolve(ctx);
    if (!resolved) continue;
    const ref: TimeRef = {
      span: { article: options.article ?? '', start: c.start, end: c.end },
      text: text.slice(c.start, c.end),
      type: resolved.type,
      value: options.values === 'calendar' ? calendarValue(resolved.value) : resolved.value,
      known: resolved.known,
      implied: resolved.implied,
      anchor: resolved.implied.length > 0 || /REF$/.test(resolved.value ?? '') ? anchorIso : null,
      method: `rule:${c.rule}`,
      confidence: resolved.value === null ? 0 : c.confidence,
    };
    if (resolved.mod) ref.mod = resolved.mod;
    refs.push(ref);
    if (c.setsReference && resolved.type === 'DATE' && resolved.value && REFERENCE_VALUE.test(resolved.value)) ctx.lastReference = resolved.value;
    const week = resolved.type === 'DATE' && resolved.value ? weekMonday(resolved.value) : null;
    if (week) ctx.lastWeekDay = week;
    if (resolved.type !== 'DURATION' && resolved.type !== 'SET' && resolved.value && CALENDAR_VALUE.test(resolved.value)) {
      ctx.lastMention = resolved.value.slice(0, 10);
      const day = parseDay(resolved.value);
      if (day) ctx.lastDay = day;
      // a day tells a week when it names one: "the week ended May 29"
      if (day && /^\d{4}-\d{2}-\d{2}/.test(resolved.value) && /\bweeks?\s+(?:that\s+)?end(?:ed|ing|s)\s+(?:on\s+)?$/i.test(text.slice(Math.max(0, c.start - 30), c.start))) ctx.lastWeekDay = day;
    }
  }
  if (options.values !== 'calendar') return refs;
  // Days counted from an event ("the eve of the summit"): TimeML does not tag them, a reader's timeline does.
  const events = eventDayRefs(text, anchorIso, options.article ?? '').filter((e) => !refs.some((r) => r.span.start < e.span.end && e.span.start < r.span.end));
  return events.length ? [...refs, ...events].sort((a, b) => a.span.start - b.span.start) : refs;
}

/**
 * The time expressions of one article, anchored on `anchor` (usually its publication date), with calendar
 * values (`calendarValue`): what a briefing shows and compares.
 *
 * @example
 * ```ts
 * const refs = findTimes(doc, doc.article.meta.published.value?.value ?? null);
 * ```
 */
export function findTimes(doc: Doc, anchor: string | null): TimeRef[] {
  return extractTimes(doc.article.text, anchor, { article: doc.article.id, values: 'calendar' });
}
