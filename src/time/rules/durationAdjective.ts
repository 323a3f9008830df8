/**
 * `duration:adjective`: durations as adjectives: "a four-year term", "a 14-day quarantine", "a two-week-long strike"
 */
import { numberValue, durationValue, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function durationAdjectiveRule(p: Patterns): Rule {
  const { NUM, UNIT_NOT_S } = p;
  return rule('duration:adjective', `(${NUM}|several|many|few)-(${UNIT_NOT_S})(?:-long)?(?!-old)`, 0.8, (m) => {
    const count = /^(several|many|few)$/i.test(m[1]) ? null : numberValue(m[1]);
    if (count === null && !/^(several|many|few)$/i.test(m[1])) return null;
    if (count === null) return null;
    return () => ({ type: 'DURATION', value: durationValue(count, m[2]), known: [], implied: [] });
  });
}
