/**
 * `date:day-month-year`: "16 December 2014", "the 16th of December"
 */
import { daysInMonth, formatDay, isValidDay } from '../calendar.js';
import { directionAround } from '../tense.js';
import { monthNumber, capitalised, yearByTense, date, referenceRule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function dayMonthYearRule(p: Patterns): Rule {
  const { MONTH, WEEKDAY, YEAR } = p;
  return referenceRule('date:day-month-year', `(?:(${WEEKDAY}),?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(${YEAR}))?`, 0.9, (m) => {
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
}
