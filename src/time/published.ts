/**
 * A publication date inferred from the text when the metadata has none: a range that every dated statement
 * of the article allows. Past events with a stated year set the earliest day ("since 2011" → not before
 * 2011-01-01), future events with a stated year the latest. Month/day mentions without a year, weekdays and
 * "last month" do not bound the range alone (their year is what is unknown), so they are not used. When no
 * bound is found the date stays unknown; never today.
 */
import type { DateValue, Field, Span } from '../model.js';
import { known, unknown } from '../model.js';
import { daysInMonth } from './calendar.js';
import { extractTimes } from './extract.js';
import { directionAround } from './tense.js';

export interface InferPublishedOptions {
  /** `Article.id` for the span of the deciding expression */
  article?: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** First and last day of a calendar value with a known year (`2016`, `2016-12`, `2016-12-05`, `2016-Q3`). */
export function calendarBounds(value: string): { first: string; last: string } | null {
  let m = /^(\d{4})$/.exec(value);
  if (m) return { first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${pad(daysInMonth(+m[1], +m[2]))}` };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return { first: value, last: value };
  m = /^(\d{4})-([QH])([1-4])$/.exec(value);
  if (m) {
    const months = m[2] === 'Q' ? 3 : 6;
    const firstMonth = (+m[3] - 1) * months + 1;
    const lastMonth = firstMonth + months - 1;
    return { first: `${m[1]}-${pad(firstMonth)}-01`, last: `${m[1]}-${pad(lastMonth)}-${pad(daysInMonth(+m[1], lastMonth))}` };
  }
  return null;
}

/**
 * Infer the publication date range of an article from its text.
 *
 * @example
 * ```ts
 * const f = inferPublished('The war began in 2011. Talks will open on January 23, 2017.');
 * f.value; // { value: '2011-01-01', from: '2011-01-01', to: '2017-01-23' }
 * f.method; // 'inferred'
 * ```
 */
export function inferPublished(text: string, options: InferPublishedOptions = {}): Field<DateValue> {
  const refs = extractTimes(text, null, { article: options.article });
  let from: { day: string; span: Span } | null = null;
  let to: { day: string; span: Span } | null = null;
  for (const ref of refs) {
    if (ref.type !== 'DATE' || !ref.value || !ref.known.includes('year')) continue;
    const bounds = calendarBounds(ref.value);
    if (!bounds) continue;
    const direction = directionAround(text, ref.span.start, ref.span.end);
    if (direction === 'future') {
      if (!to || bounds.last < to.day) to = { day: bounds.last, span: ref.span };
    } else if (!from || bounds.first > from.day) {
      from = { day: bounds.first, span: ref.span };
    }
  }
  if (!from && !to) return unknown('not-found:dated-mentions');
  if (from && to && from.day > to.day) return unknown('inferred:conflicting-dates');
  const value: DateValue = { value: (from ?? to)!.day };
  if (from) value.from = from.day;
  if (to) value.to = to.day;
  // A narrow range says more than a wide one; an open end says little.
  const confidence = from && to ? (from.day.slice(0, 7) === to.day.slice(0, 7) ? 0.6 : 0.4) : 0.2;
  return known(value, 'inferred', confidence, (from ?? to)!.span);
}
