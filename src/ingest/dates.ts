/**
 * Dates as containers state them (meta tags, JSON-LD, feeds, front matter) → `DateValue`, keeping only the parts
 * the string states. Nothing is filled in from the clock: "March 3" without a year is not a publication date.
 */
import * as chrono from 'chrono-node/en';
import type { DatePart, DateValue } from '../model.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)?)?$/i;

function zoneOf(z: string | undefined): string | null {
  if (!z) return null;
  if (z.toUpperCase() === 'Z') return 'Z';
  const m = z.match(/^([+-])(\d{2}):?(\d{2})$/);
  return m ? `${m[1]}${m[2]}:${m[3]}` : null;
}

function validDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function build(
  y: number,
  mo: number | null,
  d: number | null,
  time: { h: number; mi: number; s: number | null } | null,
  zone: string | null,
): DateValue | null {
  if (y < 1000 || y > 9999) return null;
  const known: DatePart[] = ['year'];
  let value = pad(y, 4);
  if (mo === null) return { value, known };
  if (mo < 1 || mo > 12) return null;
  value += `-${pad(mo)}`;
  known.push('month');
  if (d === null) return { value, known };
  if (!validDay(y, mo, d)) return null;
  value += `-${pad(d)}`;
  known.push('day');
  if (!time) return { value, known };
  if (time.h > 23 || time.mi > 59 || (time.s ?? 0) > 59) return null;
  value += `T${pad(time.h)}:${pad(time.mi)}`;
  known.push('hour', 'minute');
  if (time.s !== null) {
    value += `:${pad(time.s)}`;
    known.push('second');
  }
  if (zone) {
    value += zone;
    known.push('timezone');
  }
  return { value, known };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC822_ZONES: Record<string, string> = { GMT: 'Z', UT: 'Z', UTC: 'Z', Z: 'Z', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00' };

/** RSS pubDate: `Wed, 18 Jan 2017 10:00:00 GMT` (weekday and seconds optional). */
function parseRfc822(s: string): DateValue | null {
  const m = s.match(/^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,3})?)?$/i);
  if (!m) return null;
  const mo = MONTHS.indexOf(m[2].toLowerCase()) + 1;
  if (mo === 0) return null;
  const time = m[4] ? { h: Number(m[4]), mi: Number(m[5]), s: m[6] ? Number(m[6]) : null } : null;
  const zone = m[7] ? (RFC822_ZONES[m[7].toUpperCase()] ?? zoneOf(m[7])) : null;
  return build(Number(m[3]), mo, Number(m[1]), time, time ? zone : null);
}

/**
 * Parse a date string as a container states it. Returns null when the string does not state at least a year
 * (and, for free text, a full day), so that nothing is implied from today's date.
 *
 * @example
 * ```ts
 * parseStatedDate('2017-01-18T10:00:00+01:00');
 * // → { value: '2017-01-18T10:00:00+01:00', known: ['year','month','day','hour','minute','second','timezone'] }
 * parseStatedDate('Wed, 18 Jan 2017 10:00:00 GMT'); // → { value: '2017-01-18T10:00:00Z', ... }
 * parseStatedDate('March 3'); // → null: no year stated
 * ```
 */
export function parseStatedDate(input: string): DateValue | null {
  const s = input.trim();
  if (!s || s.length > 100) return null;
  const iso = s.match(ISO);
  if (iso) {
    const time = iso[4] ? { h: Number(iso[4]), mi: Number(iso[5]), s: iso[6] ? Number(iso[6]) : null } : null;
    return build(
      Number(iso[1]),
      iso[2] ? Number(iso[2]) : null,
      iso[3] ? Number(iso[3]) : null,
      time,
      zoneOf(iso[7]),
    );
  }
  const rfc = parseRfc822(s);
  if (rfc) return rfc;
  // Free text ("January 18, 2017 10:00 AM EST"): chrono, keeping only what it marks as certain.
  const [result] = chrono.parse(s);
  if (!result) return null;
  const start = result.start;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return null;
  // "yesterday" is certain to chrono relative to the clock; a stated date names its year.
  if (!new RegExp(`\\b${start.get('year')}\\b`).test(s)) return null;
  const hasTime = start.isCertain('hour') && start.isCertain('minute');
  const offset = start.isCertain('timezoneOffset') ? start.get('timezoneOffset') : null;
  const zone =
    offset === null || offset === undefined
      ? null
      : offset === 0
        ? 'Z'
        : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return build(
    start.get('year')!,
    start.get('month')!,
    start.get('day')!,
    hasTime ? { h: start.get('hour')!, mi: start.get('minute')!, s: start.isCertain('second') ? start.get('second')! : null } : null,
    hasTime ? zone : null,
  );
}
