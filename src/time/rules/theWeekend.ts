/**
 * `date:the-weekend`: "the weekend", "over the weekend": the last one in a past context, the coming one ahead
 */
import { formatWeek } from '../calendar.js';
import { directionAround } from '../tense.js';
import { resolveWeekday, date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function theWeekendRule(_p: Patterns): Rule {
  return rule('date:the-weekend', `the\\s+weekend`, 0.7, (m) => (ctx) => {
    if (!ctx.anchor) return date(null, [], []);
    const dir = directionAround(ctx.text, m.index, m.index + m[0].length) ?? 'past';
    const saturday = resolveWeekday(ctx.anchor, 6, dir);
    return date(`${formatWeek(saturday)}-WE`, [], ['year', 'month', 'day']);
  });
}
