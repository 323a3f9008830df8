/**
 * `date:spelled-year`: "nineteen ninety-six", "the year two thousand"
 */
import { numberValue, date, referenceRule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function spelledYearRule(p: Patterns): Rule {
  const { NUMBER_WORD } = p;
  return referenceRule('date:spelled-year', `(?:the\\s+year\\s+)?(nineteen|two\\s+thousand(?:\\s+and)?)(?:\\s+((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\\s-](?:one|two|three|four|five|six|seven|eight|nine)|${NUMBER_WORD}))?`, 0.7, (m) => {
    const head = m[1].toLowerCase().startsWith('nineteen') ? 1900 : 2000;
    const tail = m[2] ? numberValue(m[2]) : 0;
    if (tail === null || tail > 99 || (head === 1900 && !m[2]) || (!m[2] && !/^the/i.test(m[0]))) return null;
    return () => date(String(head + tail), ['year'], []);
  });
}
