/**
 * `date:the-year`: "the year ended Sept. 30" (a fiscal year: a duration), "for the full year" (this one)
 */
import { date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function theYearRule(_p: Patterns): Rule {
  return rule('date:the-year', `the\\s+(?:(?:fiscal|full|latest|current|calendar|entire|whole)[\\s-]+)*year(?![\\s-](?:earlier|ago|before|after|end)\\b|'s|\\s+(?:two|nineteen|of|in)\\b)`, 0.6, (m, text) => {
    const next = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    const fiscal = /^\s+(end(ed|ing)|through|to\s+date)\b/.test(next);
    return (ctx) => {
      if (fiscal) return { type: 'DURATION', value: 'P1Y', known: [], implied: [] };
      return ctx.anchor ? date(String(ctx.anchor.year), [], ['year']) : null;
    };
  });
}
