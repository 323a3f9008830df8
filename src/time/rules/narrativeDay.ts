/**
 * `date:narrative-day`: days counted from the day the narrative has reached (the last day told), not from
 * the article's date: "the previous Friday", "the following Monday", "the next morning", "earlier that day",
 * "that same night".
 */
import { type Day, addDays, formatDay } from '../calendar.js';
import { capitalised, date, resolveWeekday, rule, weekdayNumber } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Resolved, Rule } from './types.js';

const PARTS = 'morning|afternoon|evening|night';

export function narrativeDayRule(p: Patterns): Rule {
  const { WEEKDAY } = p;
  const source = [
    `the\\s+(previous|preceding|prior|following|next)\\s+(${WEEKDAY})`,
    `(?:(?:earlier|later)\\s+)?(?:that|the\\s+same)\\s+(day|${PARTS})`,
    `the\\s+(next|following|previous|preceding)\\s+(day|${PARTS})`,
  ].join('|');
  return rule('date:narrative-day', `(?:${source})`, 0.75, (m) => {
    const [, weekdayWay, weekdayWord, sameUnit, shiftWay] = m;
    if (weekdayWord && !capitalised(weekdayWord)) return null;
    // the part of the day stays in the extent and out of the value, as for a weekday ("Friday night")
    const dayOf = (day: Day): Resolved => date(formatDay(day), [], ['year', 'month', 'day']);
    return (ctx) => {
      const from = ctx.lastDay ?? ctx.anchor;
      if (!from) return date(null, [], []);
      if (weekdayWord) {
        const wd = weekdayNumber(weekdayWord);
        const back = /^(previous|preceding|prior)$/i.test(weekdayWay);
        return date(formatDay(back ? resolveWeekday(addDays(from, -1), wd, 'past') : resolveWeekday(addDays(from, 1), wd, 'future')), ['weekday'], ['year', 'month', 'day']);
      }
      // "that day" refers back to a day told before; with none told it is left unknown
      if (sameUnit) return ctx.lastDay ? dayOf(ctx.lastDay) : null;
      return dayOf(addDays(from, /^(next|following)$/i.test(shiftWay) ? 1 : -1));
    };
  });
}
