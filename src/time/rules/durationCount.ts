/**
 * `duration:count`: durations counted in units: "three weeks", "more than four decades", "several years"
 */
import { numberValue, isVague, durationValue, modOf, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function durationCountRule(p: Patterns): Rule {
  const { NUM, VAGUE, UNIT, APPROX } = p;
  return rule('duration:count', `(?:(${APPROX})\\s+)?(${NUM}|${VAGUE})\\s+(?:more\\s+|full\\s+|straight\\s+|consecutive\\s+|long\\s+|short\\s+|successive\\s+)?(${UNIT})`, 0.8, (m, text) => {
    const countWord = m[2];
    const unitWord = m[3];
    if (/^[A-Z]/.test(unitWord)) return null; // a title ("60 Minutes")
    const following = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    if (/^\s+old\b/.test(following)) return null; // an age ("52 years old")
    // "a second group", "a second betrayal": the ordinal, not the unit; a unit ends the phrase or takes a time word
    if (/^an?$/i.test(countWord) && /^seconds?$/i.test(unitWord) && !/^(\s+(ago|later|earlier|before|after|or|and|longer|more|too)\b|\s*[^\s\w]|\s*$)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
    // "a week" reads as a duration; "one day" with no modifier is often "some day" (future) — keep both
    const count = isVague(countWord) ? null : numberValue(countWord);
    if (count === null && !isVague(countWord)) return null;
    if (/^\d/.test(countWord) && count !== null && count > 1000) return null;
    // "$5 a year", "twice a week": a rate (set), not a duration
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    // "four flights a week", "$1.76 a year", "24 hours a day": a rate, which TimeML leaves unmarked (a plural
    // noun before it; "as long as a month", "is a week" are not)
    const isRate = /^(a|an)$/i.test(countWord) && !m[1] && (/(\d|times|twice|once|percent|%|cents?|dollars?|million|billion|trillion|thousand)\s*$/i.test(before) || (/[a-z]s\s+$/.test(before) && !/\b(takes|lasts|is|was|has|needs|gets|as|this|its|his|does|less|plus|thus)\s+$/.test(before)));
    if (isRate) return null;
    // "more than a quarter of the market", "half of": a fraction, not three months
    if (/^quarters?$/i.test(unitWord) && /^\s+of\s+(?!(?:fiscal\s+)?\d{4}\b)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) return null;
    // "will one day be", "hopes he one day follows": some day ahead (TimeML FUTURE_REF), not a day long
    if (!m[1] && /^one$/i.test(countWord) && /^day$/i.test(unitWord) && /\b(?:will|would|could|might|may|can|should|shall|must|he|she|they|we|i|you|it)\s+$/i.test(before))
      return () => ({ type: 'DATE', value: 'FUTURE_REF', known: [], implied: [] });
    return () => {
      return { type: 'DURATION', value: durationValue(count, unitWord), known: [], implied: [], mod: modOf(m[1]) };
    };
  });
}
