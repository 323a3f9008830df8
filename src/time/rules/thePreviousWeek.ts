/**
 * `date:the-previous-week`: "the prior week", "the previous week's figure", "the following week": the week before or after the last
 * week told ("last week", "the week ended May 29"), else the article's
 */
import { addDays, formatWeek } from '../calendar.js';
import { date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function thePreviousWeekRule(_p: Patterns): Rule {
  return rule('date:the-previous-week', `the\\s+(previous|prior|preceding|following)\\s+week`, 0.7, (m) => {
    const sign = m[1].toLowerCase() === 'following' ? 1 : -1;
    return (ctx) => {
      const from = ctx.lastWeekDay ?? ctx.anchor;
      return from ? date(formatWeek(addDays(from, 7 * sign)), [], ['year', 'month', 'day']) : date(null, [], []);
    };
  });
}
