/**
 * `duration:and-a-half`: durations with a half: "a year and a half", "two and a half hours", "half an hour"
 */
import { numberValue, durationValue, modOf, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function durationAndAHalfRule(p: Patterns): Rule {
  const { NUM, UNIT, UNIT_NOT_S, APPROX } = p;
  return rule('duration:and-a-half', `(?:(${APPROX})\\s+)?(${NUM})\\s+(${UNIT})\\s+and\\s+a\\s+half|(?:(${APPROX})\\s+)?(${NUM})\\s+and\\s+a\\s+half\\s+(${UNIT})|half\\s+an?\\s+(${UNIT_NOT_S})`, 0.85, (m) => {
    if (m[7]) return () => ({ type: 'DURATION', value: durationValue(0.5, m[7]), known: [], implied: [] });
    const n = numberValue(m[2] ?? m[5]);
    const unit = m[3] ?? m[6];
    if (n === null) return null;
    return () => ({ type: 'DURATION', value: durationValue(n + 0.5, unit), known: [], implied: [], mod: modOf(m[1] ?? m[4]) });
  });
}
