/**
 * `date:century`: "the 20th century", "the eleventh century"
 */
import { modOf, date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function centuryRule(_p: Patterns): Rule {
  return rule('date:century', `(?:the\\s+)?(?:(early|mid|late)[\\s-]+)?(\\d{1,2})(?:st|nd|rd|th)[\\s-]century`, 0.8, (m) => {
    const n = +m[2];
    if (n < 1) return null;
    return () => date(String(n - 1).padStart(2, '0'), ['year'], [], modOf(m[1]));
  });
}
