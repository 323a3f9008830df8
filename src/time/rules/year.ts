/**
 * `date:year`: "since 2011", "fiscal 1989", "the end of 1990", "mid-1990"
 */
import { modOf, date, referenceRule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function yearRule(p: Patterns): Rule {
  const { MONTH, YEAR, PRE } = p;
  return referenceRule('date:year', `(?:(${PRE}|fiscal|calendar|(?:the\\s+)?(?:fiscal\\s+)?year)[\\s-]+|(pre|post)-)?(${YEAR})(?!\\s*(?:%|percent|\\$)|[\\d,.]\\d|-\\d|\\s+(?:${MONTH})\\b)`, 0.8, (m, text) => {
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (/[$£€#\d,.]\s?$/.test(before) && !/\.\s$/.test(before)) return null;
    const year = m[3];
    // "post-1959", "pre-2008": after or before the year (TimeML mod AFTER, BEFORE)
    const mod = m[2] ? (m[2].toLowerCase() === 'pre' ? 'BEFORE' : 'AFTER') : modOf(m[1]);
    return () => date(year, ['year'], [], mod);
  });
}
