/**
 * The rules' shared test helper: run the whole extractor (every rule, chrono-node, the refiners) over a
 * made-up sentence anchored on a reference date, and say what it found, so that a rule's test reads as
 * sentence → expressions → values, as in the TimeML guidelines' examples.
 */
import { extractTimes } from '../extract.js';

/** One expression found: its words, TIMEX3 type and value, `mod` if any, and the rule that found it. */
export interface Found {
  text: string;
  type: string;
  value: string | null;
  mod?: string;
  rule: string;
}

/** The default reference date of the tests: Wednesday 15 January 2020. */
export const REFERENCE = '2020-01-15';

/**
 * Every expression found in `sentence` with the document dated `reference` (null: no date known).
 *
 * @example
 * ```ts
 * timesIn('The talks ended last week.'); // [{ text: 'last week', type: 'DATE', value: '2020-W02', rule: 'date:relative-unit' }]
 * ```
 */
export function timesIn(sentence: string, reference: string | null = REFERENCE): Found[] {
  return extractTimes(sentence, reference).map((r) => {
    const found: Found = { text: r.text, type: r.type, value: r.value, rule: r.method.replace(/^rule:/, '') };
    if (r.mod) found.mod = r.mod;
    return found;
  });
}

const compact = (f: Found): string => `${f.text}=${f.value}${f.mod ? ` (${f.mod})` : ''}`;

/**
 * `text=value` for each expression found (`text=value (MOD)` with a TimeML mod), the compact form tests assert on.
 *
 * @example
 * ```ts
 * valuesIn('Prices rose on Monday and fell on Tuesday.'); // ['Monday=2020-01-13', 'Tuesday=2020-01-14']
 * ```
 */
export function valuesIn(sentence: string, reference: string | null = REFERENCE): string[] {
  return timesIn(sentence, reference).map(compact);
}

/**
 * The expressions found by one rule (by its name, `date:weekday`), as `text=value`: a rule's test checks
 * that this rule, and not another, reads the expression.
 */
export function valuesBy(rule: string, sentence: string, reference: string | null = REFERENCE): string[] {
  return timesIn(sentence, reference)
    .filter((f) => f.rule === rule)
    .map(compact);
}
