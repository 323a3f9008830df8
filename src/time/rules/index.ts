/**
 * Candidate generators: regular-expression rules over the text, one per file, each tagged with its name, that
 * find a time expression's extent (TimeML conventions: determiners and modifiers in, prepositions out) and say
 * how to resolve its value once the candidates are deduplicated and walked in document order. `RULES` lists
 * them in order, as chrono lists its parsers: at equal length the candidate of the rule listed first wins.
 */
import { agoRule } from './ago.js';
import { centuryRule } from './century.js';
import { clockRule } from './clock.js';
import { dayMonthYearRule } from './dayMonthYear.js';
import { decadeRule } from './decade.js';
import { deicticDayRule } from './deicticDay.js';
import { durationAdjectiveRule } from './durationAdjective.js';
import { durationAndAHalfRule } from './durationAndAHalf.js';
import { durationCountRule } from './durationCount.js';
import { durationLongRule } from './durationLong.js';
import { durationRangeRule } from './durationRange.js';
import { durationVaguePluralRule } from './durationVaguePlural.js';
import { holidayRule } from './holiday.js';
import { lastPartOfYearRule } from './lastPartOfYear.js';
import { monthRule } from './month.js';
import { monthDayYearRule } from './monthDayYear.js';
import { monthYearRule } from './monthYear.js';
import { narrativeDayRule } from './narrativeDay.js';
import { partOfDayRule } from './partOfDay.js';
import { quarterRule } from './quarter.js';
import { relativeUnitRule } from './relativeUnit.js';
import { seasonRule } from './season.js';
import { setAdverbRule } from './setAdverb.js';
import { setEveryRule } from './setEvery.js';
import { setWeekdaysRule } from './setWeekdays.js';
import { spelledYearRule } from './spelledYear.js';
import { thePastUnitRule } from './thePastUnit.js';
import { thePreviousWeekRule } from './thePreviousWeek.js';
import { theQuarterRule } from './theQuarter.js';
import { theWeekendRule } from './theWeekend.js';
import { theYearRule } from './theYear.js';
import { weekOfRule } from './weekOf.js';
import { weekdayRule } from './weekday.js';
import { yearRule } from './year.js';
import { yearEarlierRule } from './yearEarlier.js';
import { yearEndRule } from './yearEnd.js';
import { type Patterns, patterns } from './patterns.js';
import type { Candidate, Rule } from './types.js';
import { vagueReferenceRules } from './vagueReference.js';

export { durationValue } from './helpers.js';
export type { Candidate, ResolveContext, Resolved, Rule } from './types.js';

/** The rules in order; each builds its pattern from the lexicon's fragments. */
export const RULES: ((p: Patterns) => Rule | Rule[])[] = [
  clockRule,
  monthDayYearRule,
  dayMonthYearRule,
  monthYearRule,
  monthRule,
  decadeRule,
  yearRule,
  weekdayRule,
  deicticDayRule,
  partOfDayRule,
  relativeUnitRule,
  agoRule,
  weekOfRule,
  narrativeDayRule,
  theWeekendRule,
  yearEndRule,
  spelledYearRule,
  centuryRule,
  theYearRule,
  yearEarlierRule,
  quarterRule,
  lastPartOfYearRule,
  theQuarterRule,
  seasonRule,
  holidayRule,
  setEveryRule,
  setWeekdaysRule,
  setAdverbRule,
  durationRangeRule,
  durationAndAHalfRule,
  durationCountRule,
  durationAdjectiveRule,
  durationLongRule,
  thePastUnitRule,
  thePreviousWeekRule,
  durationVaguePluralRule,
  vagueReferenceRules,
];

let compiled: Rule[] | null = null;

/** The ordered rules (compiled once from the lexicon). */
export function timeRules(): Rule[] {
  if (compiled) return compiled;
  const p = patterns();
  compiled = RULES.flatMap((make) => make(p));
  return compiled;
}

/**
 * Run every rule over the text: all candidates, overlapping ones included (the refiners choose).
 *
 * @example
 * ```ts
 * generateCandidates('It ended last week.').map((c) => c.rule); // ['date:relative-unit', ...]
 * ```
 */
export function generateCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  timeRules().forEach((rule, priority) => {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const resolve = rule.build(m, text);
      if (resolve) {
        out.push({ start: m.index, end: m.index + m[0].length, rule: rule.name, priority, confidence: rule.confidence, resolve, setsReference: rule.setsReference });
      }
    }
  });
  return out;
}
