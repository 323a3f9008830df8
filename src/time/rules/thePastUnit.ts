/**
 * `date:the-past-unit`: "the past year", "over the next year", "the following year": the calendar unit before or after, as a date
 */
import { addMonths, formatMonth } from '../calendar.js';
import { shiftedValue, date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function thePastUnitRule(_p: Patterns): Rule {
  return rule('date:the-past-unit', `the\\s+(past|last|next|coming|previous|following|preceding)\\s+(year|month|decade|century)`, 0.7, (m) => {
    const word = m[1].toLowerCase();
    const sign = /past|last|previous|preceding/.test(word) ? -1 : 1;
    const fromReference = word === 'following' || word === 'previous' || word === 'preceding';
    return (ctx) => {
      // "the following year" counts from the time the narrative has reached, not from the article's date
      const told = ctx.lastMention ?? ctx.lastReference;
      if (fromReference && told) {
        const unit = m[2].toLowerCase();
        if (unit === 'year') return date(String(+told.slice(0, 4) + sign), [], ['year']);
        const month = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(told);
        if (unit === 'month' && month) {
          const d = addMonths({ year: +month[1], month: +month[2], day: 1 }, sign);
          return date(formatMonth(d.year, d.month), [], ['year', 'month']);
        }
      }
      if (!ctx.anchor) return date(null, [], []);
      return date(shiftedValue(ctx.anchor, sign, m[2]), [], ['year']);
    };
  });
}
