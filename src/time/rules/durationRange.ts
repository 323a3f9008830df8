/**
 * `duration:range`: durations given as a range: "two to three weeks", "four or five days" (the lower bound, approximate)
 */
import { numberValue, durationValue, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function durationRangeRule(p: Patterns): Rule {
  const { NUM, UNIT } = p;
  return rule(
    'duration:range',
    `(${NUM})\\s+(?:to|or|-|and)\\s+(${NUM})\\s+(${UNIT})`,
    0.85,
    (m) => {
      const low = numberValue(m[1]);
      const high = numberValue(m[2]);
      if (low === null || high === null || high <= low) return null;
      return () => ({ type: 'DURATION', value: durationValue(low, m[3]), known: [], implied: [], mod: 'APPROX' });
    },
  );
}
