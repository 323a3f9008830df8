/**
 * `duration:vague-plural`: durations of an unknown count: "for years", "recent months", "the coming weeks"
 */
import { durationValue, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function durationVaguePluralRule(_p: Patterns): Rule {
  return rule('duration:vague-plural', `(?:the\\s+(?:past|last|next|coming)\\s+|(?:recent|coming)\\s+)?(years|months|weeks|decades|days)(?:-long)?`, 0.5, (m, text) => {
    const before = text.slice(Math.max(0, m.index - 10), m.index).toLowerCase();
    const prefixed = /^(the|recent|coming)/i.test(m[0]);
    if (!prefixed && !/\b(for|in|over|within|took|take|takes|last(ed)?)\s+$/.test(before)) return null;
    return () => ({ type: 'DURATION', value: durationValue(null, m[1]), known: [], implied: [] });
  });
}
