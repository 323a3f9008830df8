/**
 * `duration:long`: a unit with "-long" as an adjective: "a day-long meeting" (`P1D`), "a year-long study",
 * "the decades-long feud" (an unknown count: `PXY`). A count before the unit ("a two-week-long strike") is
 * `duration:adjective`'s.
 */
import { durationValue, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function durationLongRule(p: Patterns): Rule {
  const { UNIT_NOT_S } = p;
  return rule('duration:long', `(${UNIT_NOT_S})(s|es)?-long`, 0.8, (m) => {
    const value = durationValue(m[2] ? null : 1, m[1]);
    return value ? () => ({ type: 'DURATION', value, known: [], implied: [] }) : null;
  });
}
