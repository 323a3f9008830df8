/**
 * `date:weekday`: weekdays: "on Monday", "late on Tuesday", "Wednesday night", "last Friday", "next Monday"
 */
import { type Day, addDays, formatDay, weekday } from '../calendar.js';
import { directionAround } from '../tense.js';
import { weekdayNumber, capitalised, resolveWeekday, directionOf, date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function weekdayRule(p: Patterns): Rule {
  const { WEEKDAY, PART } = p;
  return rule('date:weekday', `(?:(last|next|this|coming|past|early|late)\\s+(?:on\\s+)?)?(${WEEKDAY})(?:\\s+(${PART}))?`, 0.85, (m) => {
    if (!capitalised(m[2])) return null;
    const wd = weekdayNumber(m[2]);
    const modifier = m[1]?.toLowerCase();
    const part = m[3]?.toLowerCase();
    return (ctx) => {
      if (!ctx.anchor) return date(`XXXX-WXX-${wd}`, ['weekday'], []);
      let day: Day;
      if (modifier === 'last' || modifier === 'past') day = addDays(resolveWeekday(addDays(ctx.anchor, -1), wd, 'past'), 0);
      else if (modifier === 'next' || modifier === 'coming') day = resolveWeekday(addDays(ctx.anchor, 1), wd, 'future');
      // "this Sunday" follows the tense when there is one ("protests erupted this Sunday"), else the week
      else if (modifier === 'this') day = resolveWeekday(ctx.anchor, wd, directionAround(ctx.text, m.index, m.index + m[0].length) ?? (weekday(ctx.anchor) <= wd ? 'future' : 'past'));
      else day = resolveWeekday(ctx.anchor, wd, directionOf(ctx, m.index, m.index + m[0].length));
      // TimeBank mostly writes "Friday night" as the day alone; the part of the day stays in the extent
      const suffix = '';
      return date(formatDay(day) + suffix, ['weekday'], ['year', 'month', 'day']);
    };
  });
}
