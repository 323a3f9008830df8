/**
 * `date:year-earlier`: "year-earlier", "the year-ago quarter", "the year-earlier period"
 */
import { shiftReferenceByYears, date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function yearEarlierRule(p: Patterns): Rule {
  const { ORD } = p;
  return rule('date:year-earlier', `(?:the\\s+)?year[\\s-](?:earlier|ago)(?:\\s+(?:${ORD}\\s+)?(?:quarter|period|nine\\s+months|half|month))?`, 0.8, () => (ctx) => {
    const shifted = ctx.lastReference ? shiftReferenceByYears(ctx.lastReference, -1) : null;
    if (shifted) return date(shifted, [], ['year']);
    return ctx.anchor ? date(String(ctx.anchor.year - 1), [], ['year']) : null;
  });
}
