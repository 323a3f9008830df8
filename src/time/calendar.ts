/**
 * Calendar arithmetic on plain (proleptic Gregorian, UTC) dates, and TIMEX3 value formatting. Kept free of
 * `Date` time zones: a `Day` is a calendar day, nothing more.
 */

/** A calendar day. `month` is 1-12. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2017-01-18` (also accepts a longer ISO string and keeps its date part); null when not a date. */
export function parseDay(iso: string | null): Day | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const day = { year: +m[1], month: +m[2], day: +m[3] };
  return isValidDay(day) ? day : null;
}

export function isValidDay(d: Day): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(d: Day): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromUtc(ms: number): Day {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: Day, n: number): Day {
  return fromUtc(toUtc(d) + n * 86_400_000);
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: Day, n: number): Day {
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12 + 12) % 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** Days from a to b (b - a). */
export function dayDiff(a: Day, b: Day): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** ISO weekday, Monday = 1 ... Sunday = 7. */
export function weekday(d: Day): number {
  const w = new Date(toUtc(d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week. */
export function isoWeek(d: Day): { year: number; week: number } {
  const thursday = addDays(d, 4 - weekday(d));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  return { year: thursday.year, week: Math.floor(dayDiff(jan1, thursday) / 7) + 1 };
}

export function formatDay(d: Day): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function formatWeek(d: Day): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

/** The Monday of an ISO week value (`2021-W21`), or null when the value is not a week. */
export function weekMonday(value: string): Day | null {
  const m = /^(\d{4})-W(\d{1,2})$/.exec(value);
  if (!m) return null;
  const jan4 = { year: +m[1], month: 1, day: 4 };
  return addDays(jan4, 7 * (+m[2] - 1) - (weekday(jan4) - 1));
}

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm. */
export function easter(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** US Thanksgiving: the fourth Thursday of November. */
export function thanksgiving(year: number): Day {
  const first = { year, month: 11, day: 1 };
  const offset = (4 - weekday(first) + 7) % 7;
  return { year, month: 11, day: 1 + offset + 21 };
}
