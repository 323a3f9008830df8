/**
 * `date:part-of-day`: "this morning", "last night"
 */
import { addDays, formatDay } from '../calendar.js';
import { PART_OF_DAY, date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function partOfDayRule(p: Patterns): Rule {
  const { PART } = p;
  return rule('date:part-of-day', `(this|last)\\s+(${PART})`, 0.85, (m) => {
    const part = m[2].toLowerCase();
    const offset = m[1].toLowerCase() === 'last' ? -1 : 0;
    return (ctx) =>
      ctx.anchor ? date(`${formatDay(addDays(ctx.anchor, offset))}T${PART_OF_DAY[part]}`, [], ['year', 'month', 'day']) : null;
  });
}
