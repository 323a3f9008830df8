/**
 * `date:year-end`: "year-end", "by the end of the year"
 */
import { date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function yearEndRule(_p: Patterns): Rule {
  return rule('date:year-end', `(?:the\\s+end\\s+of\\s+the\\s+year|year[\\s-]end|year's\\s+end)`, 0.7, () => (ctx) =>
    ctx.anchor ? date(String(ctx.anchor.year), [], ['year'], 'END') : null,
  );
}
