/**
 * `date:deictic-day`: today, yesterday, tomorrow, tonight, "late yesterday", "yesterday morning"
 */
import { addDays, formatDay } from '../calendar.js';
import { PART_OF_DAY, date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function deicticDayRule(p: Patterns): Rule {
  const { PART } = p;
  return rule('date:deictic-day', `(?:(early|late)\\s+)?(today|tomorrow|yesterday|tonight)(?:\\s+(${PART}))?`, 0.9, (m) => {
    const word = m[2].toLowerCase();
    const part = word === 'tonight' ? 'night' : m[3]?.toLowerCase();
    return (ctx) => {
      if (!ctx.anchor) return date(null, [], ['year', 'month', 'day']);
      const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      const suffix = part ? `T${PART_OF_DAY[part]}` : '';
      return date(formatDay(addDays(ctx.anchor, offset)) + suffix, [], ['year', 'month', 'day']);
    };
  });
}
