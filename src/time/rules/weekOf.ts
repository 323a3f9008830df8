/**
 * `date:week-of`: "the week of March 6": the ISO week holding that day
 */
import { formatWeek, isValidDay } from '../calendar.js';
import { monthNumber, capitalised, nearestYear, date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function weekOfRule(p: Patterns): Rule {
  const { MONTH, YEAR } = p;
  return rule('date:week-of', `the\\s+week\\s+of\\s+(${MONTH})\\s+(\\d{1,2})(?:,?\\s+(${YEAR}))?`, 0.85, (m) => {
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
}
