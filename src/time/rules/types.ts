/** The shapes the time rules share: what a rule is, what it finds, and what it resolves to. */
import type { DatePart, TimeType } from '../../model.js';
import type { Day } from '../calendar.js';

/** What a rule resolves to. */
export interface Resolved {
  type: TimeType;
  value: string | null;
  known: DatePart[];
  implied: DatePart[];
  /** TimeML `mod` (START, MID, END, APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE ...) */
  mod?: string;
}

/** The document state a value may depend on: the anchor and the last date mentioned before. */
export interface ResolveContext {
  text: string;
  anchor: Day | null;
  /** the last resolved calendar value (`1989-Q3`, `1998-10`) named on its own before this expression */
  lastReference: string | null;
  /**
   * the last calendar value of any granularity told before (`1995-05-22`, `1998-10`, `1989`), relative ones
   * included: the narrative's reference time for "the following year"
   */
  lastMention?: string | null;
  /** the last day told before (`1998-10-23`), the narrative's current day for "the next morning", "at 10 p.m." */
  lastDay?: Day | null;
  /** a day of the last week told before ("last week", "the week ended May 29"): "the prior week" counts from it */
  lastWeekDay?: Day | null;
}

export interface Candidate {
  start: number;
  end: number;
  rule: string;
  /** rule order: lower wins ties between candidates of equal length */
  priority: number;
  confidence: number;
  resolve: (ctx: ResolveContext) => Resolved | null;
  /** true when the expression names a date on its own, so later "a year earlier" may count from it */
  setsReference: boolean;
}

/** One rule: a pattern over the text and how a match resolves (see `rule` in helpers.ts). */
export interface Rule {
  name: string;
  pattern: RegExp;
  confidence: number;
  /** null rejects the match (e.g. "may" as a verb) */
  build: (m: RegExpExecArray, text: string) => ((ctx: ResolveContext) => Resolved | null) | null;
  setsReference: boolean;
}
