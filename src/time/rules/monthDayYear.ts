/**
 * `date:month-day-year`: "Monday, Jan. 23, 2017", "January 23", "Dec. 16, 2014", "early January 23" is not a thing; mods stay out
 */
import type { DatePart } from '../../model.js';
import { formatDay, isValidDay } from '../calendar.js';
import { directionAround } from '../tense.js';
import { monthNumber, capitalised, yearByTense, namesEvent, date, referenceRule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function monthDayYearRule(p: Patterns): Rule {
  const { MONTH, WEEKDAY, YEAR } = p;
  return referenceRule('date:month-day-year', `(?:(${WEEKDAY}),?\\s+)?(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(${YEAR}))?(?!\\d|:\\d)`, 0.95, (m) => {
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
}
