/** Day arithmetic for story time: ISO dates of any precision as inclusive day ranges. */

/** An inclusive range of days since 1970-01-01 (UTC). */
export interface DayRange {
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/**
 * The days an ISO date (`2017`, `2017-01`, `2017-01-18`, or longer) may stand for, or null when it is not a date.
 *
 * @example
 * ```ts
 * dayRangeOf('2017-01'); // { from: <2017-01-01>, to: <2017-01-31> }
 * ```
 */
export function dayRangeOf(iso: string | null | undefined): DayRange | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3]) {
    const d = dayNumber(year, Number(m[2]), Number(m[3]));
    return { from: d, to: d };
  }
  if (m[2]) {
    const month = Number(m[2]);
    return { from: dayNumber(year, month, 1), to: dayNumber(year, month + 1, 1) - 1 };
  }
  return { from: dayNumber(year, 1, 1), to: dayNumber(year + 1, 1, 1) - 1 };
}

/** Days between two ranges: 0 when they overlap. */
export function gapInDays(a: DayRange, b: DayRange): number {
  return Math.max(0, b.from - a.to, a.from - b.to);
}

/** The smallest range covering both (either may be null). */
export function unionRange(a: DayRange | null, b: DayRange | null): DayRange | null {
  if (!a) return b;
  if (!b) return a;
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) };
}

/** ISO day of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "3 years", "5 months", "12 days": a gap as a reader would say it. */
export function describeGap(days: number): string {
  if (days >= 730) return `${Math.round(days / 365)} years`;
  if (days >= 60) return `${Math.round(days / 30.4)} months`;
  return `${days} day${days === 1 ? '' : 's'}`;
}
