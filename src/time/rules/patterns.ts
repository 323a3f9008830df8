/** The regular-expression fragments the rules are written with, built once from the time lexicon. */
import { alternation, timeLexicon } from '../lexicon.js';

/** Fragments (non-capturing groups) the rules' patterns are built from. */
export interface Patterns {
  /** month names and abbreviations ("Sept." with its dot) */
  MONTH: string;
  WEEKDAY: string;
  NUMBER_WORD: string;
  /** a count in digits or words ("3", "2 1/2", "twenty-one", "a dozen") */
  NUM: string;
  /** "several", "a few" */
  VAGUE: string;
  /** a unit, plural allowed */
  UNIT: string;
  UNIT_NOT_S: string;
  YEAR: string;
  /** a year in digits or spoken ("nineteen ninety-seven") */
  ANY_YEAR: string;
  /** "early", "the end of" */
  PRE: string;
  /** part of a day */
  PART: string;
  /** a modifier before a count ("about", "more than", "the past") */
  APPROX: string;
  ORD: string;
  SEASON: string;
  HOLIDAY: string;
}

let cached: Patterns | null = null;

/** The fragments, compiled once. */
export function patterns(): Patterns {
  if (cached) return cached;
  const lex = timeLexicon();
  // abbreviations may carry their dot ("Sept."), full names not (the dot after "January." ends the sentence)
  const monthNames = Object.keys(lex.months);
  const MONTH = `(?:${alternation(monthNames.filter((w) => w.length > 4 || w === 'may' || w === 'june' || w === 'july'))}|(?:${alternation(monthNames.filter((w) => w.length <= 4 && w !== 'may' && w !== 'june' && w !== 'july'))})\\.?)`;
  const WEEKDAY = `(?:${alternation(Object.keys(lex.weekdays).filter((w) => w.length > 3))}|(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\\.)`;
  const NUMBER_WORD = alternation(Object.keys(lex.numbers));
  const NUM = `(?:\\d+\\s+1/2|\\d+(?:\\.\\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\\s-](?:one|two|three|four|five|six|seven|eight|nine)|${NUMBER_WORD})`;
  const VAGUE = alternation(lex.vagueNumbers);
  const UNIT = `(?:${alternation(Object.keys(lex.units))})(?:s|es)?`;
  const UNIT_NOT_S = alternation(Object.keys(lex.units));
  const YEAR = `(?:1[6-9]\\d\\d|20\\d\\d)`;
  // a spoken year after a month or season ("January nineteen ninety-seven"), as transcripts write it
  const TENS = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
  const SPELLED_YEAR = `(?:nineteen|two\\s+thousand(?:\\s+and)?)\\s+(?:${TENS}[\\s-](?:one|two|three|four|five|six|seven|eight|nine)|${TENS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)`;
  const ANY_YEAR = `(?:${YEAR}|${SPELLED_YEAR})`;
  const PRE = `(?:early|late|mid|the\\s+(?:end|beginning|start|middle)\\s+of|(?:the\\s+)?(?:end|beginning|start|middle)\\s+of)`;
  const PART = `(?:morning|afternoon|evening|night|overnight)`;
  const APPROX = `(?:about|around|roughly|some|nearly|almost|more\\s+than|over|less\\s+than|under|at\\s+least|up\\s+to|no\\s+more\\s+than|only|just|another|the\\s+(?:past|last|next|first|coming|previous|following|final|latest|remaining|entire|whole|full)(?:\\s+(?:few|several))?|(?:past|last|next|first|final|coming|previous))`;
  const ORD = `(?:first|second|third|fourth|1st|2nd|3rd|4th)`;
  const SEASON = alternation(Object.keys(lex.seasons));
  const HOLIDAY = alternation(Object.keys(lex.holidays));
  cached = { MONTH, WEEKDAY, NUMBER_WORD, NUM, VAGUE, UNIT, UNIT_NOT_S, YEAR, ANY_YEAR, PRE, PART, APPROX, ORD, SEASON, HOLIDAY };
  return cached;
}
