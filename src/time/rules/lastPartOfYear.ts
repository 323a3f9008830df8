/**
 * `date:last-part-of-year`: the last half or quarter of a year named: "the last half of 1989" (`1989-H2`),
 * "the final quarter of 2019" (`2019-Q4`), "the latter half of fiscal 1990". Without a year, "the last quarter"
 * is the latest one reported, which `date:the-quarter` and `date:relative-unit` read.
 */
import { date, referenceRule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function lastPartOfYearRule(p: Patterns): Rule {
  const { YEAR } = p;
  return referenceRule('date:last-part-of-year', `the\\s+(?:last|latter|final)\\s+(half|quarter)\\s+of\\s+(?:fiscal\\s+)?(${YEAR})`, 0.9, (m) => {
    const code = m[1].toLowerCase() === 'half' ? 'H2' : 'Q4';
    return () => date(`${m[2]}-${code}`, ['year', 'month'], []);
  });
}
