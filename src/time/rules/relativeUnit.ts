/**
 * `date:relative-unit`: "last week", "next month", "this year", "earlier this month", "earlier in the week", "the current quarter"
 */
import { addDays, addMonths, formatMonth, formatWeek, quarterOf, weekday } from '../calendar.js';
import { resolveWeekday, modOf, date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function relativeUnitRule(_p: Patterns): Rule {
  return rule(
    'date:relative-unit',
    `(?:(earlier|later|early|late)\\s+(?:(?:in|on)\\s+)?)?(this|last|next|coming|the\\s+coming|the\\s+current|current|the\\s+same|the|that)\\s+(week|weekend|month|year|quarter|decade|century)`,
    0.85,
    (m) => {
      if (/^[A-Z]/.test(m[3])) return null; // a title ("This Week With David Brinkley")
      const rel = m[2].toLowerCase().replace(/^the\s+/, 'the ');
      const unit = m[3].toLowerCase();
      const within = m[1]?.toLowerCase();
      // "the week"/"that year" alone refer to something said before; only take them with earlier/later
      const anaphoric = rel === 'the' || rel === 'that' || rel === 'the same';
      if (anaphoric && !within && !(rel !== 'the' && unit === 'year')) return null;
      const offset = rel === 'last' ? -1 : rel === 'next' || rel === 'coming' || rel === 'the coming' ? 1 : 0;
      return (ctx) => {
        if (!ctx.anchor) return date(null, [], []);
        const a = ctx.anchor;
        const mod = within === 'early' || within === 'late' ? modOf(within) : undefined;
        if (anaphoric && unit === 'year') {
          // "later that year": the year of the date told before
          const year = ctx.lastReference?.slice(0, 4) ?? null;
          return year ? date(year, [], ['year'], mod) : null;
        }
        switch (unit) {
          case 'week':
            return date(formatWeek(addDays(a, 7 * offset)), [], ['year', 'month', 'day'], mod);
          case 'weekend': {
            const sat = offset <= 0 ? resolveWeekday(a, 6, offset < 0 ? 'past' : weekday(a) >= 6 ? 'past' : 'future') : resolveWeekday(addDays(a, 1), 6, 'future');
            return date(`${formatWeek(sat)}-WE`, [], ['year', 'month', 'day'], mod);
          }
          case 'month': {
            const d = addMonths(a, offset);
            return date(formatMonth(d.year, d.month), [], ['year', 'month'], mod);
          }
          case 'quarter': {
            const d = addMonths(a, 3 * offset);
            return date(`${d.year}-Q${quarterOf(d.month)}`, [], ['year', 'month'], mod);
          }
          case 'decade':
            return date(String(a.year + 10 * offset).slice(0, 3), [], ['year'], mod);
          case 'century':
            return date(String(a.year + 100 * offset).slice(0, 2), [], ['year'], mod);
          default:
            return date(String(a.year + offset), [], ['year'], mod);
        }
      };
    },
  );
}
