/**
 * `date:the-quarter`: "the quarter", "the latest quarter", "last quarter": the one most recently reported
 */
import { addMonths, quarterOf } from '../calendar.js';
import { date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function theQuarterRule(_p: Patterns): Rule {
  return rule('date:the-quarter', `the\\s+(?:latest\\s+|most\\s+recent\\s+|recent\\s+|just-ended\\s+|past\\s+)?(quarter|period)`, 0.6, (m) => {
    const isPeriod = m[1].toLowerCase() === 'period';
    return (ctx) => {
      if (isPeriod && !(ctx.lastReference && /-Q\d$/.test(ctx.lastReference))) return null;
      if (ctx.lastReference && /-Q\d$/.test(ctx.lastReference)) return date(ctx.lastReference, [], ['year', 'month']);
      if (!ctx.anchor) return null;
      const d = addMonths(ctx.anchor, -3);
      return date(`${d.year}-Q${quarterOf(d.month)}`, [], ['year', 'month']);
    };
  });
}
