/**
 * `date:month-year`: "January 2017", "late November 1998", "mid-1990" is the year rule
 */
import { formatMonth } from '../calendar.js';
import { yearValue, monthNumber, capitalised, modOf, date, referenceRule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function monthYearRule(p: Patterns): Rule {
  const { MONTH, ANY_YEAR, PRE } = p;
  return referenceRule('date:month-year', `(?:(${PRE})[\\s-]+)?(${MONTH}),?\\s+(?:of\\s+)?(${ANY_YEAR})`, 0.95, (m) => {
    if (!capitalised(m[2])) return null;
    const month = monthNumber(m[2]);
    const year = yearValue(m[3]);
    if (year === null) return null;
    return () => date(formatMonth(year, month), ['year', 'month'], [], modOf(m[1]));
  });
}
