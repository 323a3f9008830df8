/**
 * `date:year`: "since 2011", "fiscal 1989", "the end of 1990", "mid-1990"
 */
import { modOf, date, referenceRule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function yearRule(p: Patterns): Rule {
  const { MONTH, YEAR, PRE } = p;
  return referenceRule('date:year', `(?:(${PRE}|fiscal|calendar|(?:the\\s+)?(?:fiscal\\s+)?year)[\\s-]+)?(${YEAR})(?!\\s*(?:%|percent|\\$)|[\\d,.]\\d|-\\d|\\s+(?:${MONTH})\\b)`, 0.8, (m, text) => {
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (/[$£€#\d,.]\s?$/.test(before) && !/\.\s$/.test(before)) return null;
    const year = m[2];
    return () => date(year, ['year'], [], modOf(m[1]));
  });
}
