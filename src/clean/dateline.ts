/**
 * Datelines at the start of the first body paragraph: "Beirut –", "MOSCOW (Reuters) -",
 * "WASHINGTON, Jan. 5 —", "BEIRUT: ". The place stays in the text; only its offsets are reported.
 */

import { createRequire } from 'node:module';

const WORD = String.raw`\p{Lu}[\p{L}'’.]*(?:-\p{L}[\p{L}'’.]*)*`;
const PLACE = String.raw`${WORD}(?: ${WORD}){0,3}`;
const MONTH_DATE = String.raw`(?:\p{Lu}[a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{1,2} \p{Lu}[a-z]{2,8}\.?(?: \d{4})?)`;
/** place, then maybe ", Region" and/or a date, then maybe "(Agency)", then a dash and a space */
const DASHED = new RegExp(
  String.raw`^(${PLACE})(?:, (?:${MONTH_DATE}|${PLACE}))?(?:,? ${MONTH_DATE})?(?: ?\([^()\n]{2,40}\))? ?(?:--?|–|—) `,
  'u',
);
/** "BEIRUT: " — the colon form only for an upper-case place, since "Iran: We ..." is a headline form */
const COLON = /^(\p{Lu}[\p{Lu}'’.\-]+(?: \p{Lu}[\p{Lu}'’.\-]+){0,3})(?: \([^()\n]{2,40}\))?: /u;

/** Words that start sentences in Title Case yet are no places. */
const NOT_PLACES = new Set(
  'The A An This That These Those It He She They We I You Mr Mrs Ms Dr But And Or So Yet Meanwhile However Also Earlier Later Today Yesterday'.split(' '),
);

/** A dateline found at the start of a paragraph: the place and its offsets within the paragraph. */
export interface DatelineMatch {
  place: string;
  start: number;
  end: number;
  /** length of the whole dateline including date, agency and dash */
  length: number;
}

/**
 * The dateline at the start of a paragraph, or null.
 *
 * @example
 * ```ts
 * readDateline('MOSCOW (Reuters) - The minister said ...'); // { place: 'MOSCOW', start: 0, end: 6, length: 19 }
 * readDateline('Iran, Russia and Turkey have agreed.'); // null
 * ```
 */
export function readDateline(paragraph: string): DatelineMatch | null {
  const m = DASHED.exec(paragraph) ?? COLON.exec(paragraph);
  if (!m) return null;
  const place = m[1].replace(/[.’']+$/u, '');
  if (NOT_PLACES.has(place.split(' ')[0])) return null;
  // the dash must be followed by the sentence, not end the paragraph
  if (m[0].length >= paragraph.length - 2) return null;
  // "Vera Drake - the film - won": a name in apposition looks like a dateline. Trust the form when the place
  // is in capitals, carries a date or an agency, or is a known country or capital; otherwise only with a
  // typographic dash that is not closed again in the same sentence.
  const strong = place === place.toUpperCase() || m[0].length > place.length + 4 || knownPlaces().has(place.toLowerCase());
  if (!strong) {
    const dash = m[0].trim().slice(-1);
    const firstSentence = paragraph.slice(m[0].length).split(/[.!?]\s/u)[0];
    if (dash === '-' || firstSentence.includes(` ${dash} `)) return null;
  }
  return { place, start: 0, end: place.length, length: m[0].length };
}

let places: Set<string> | null = null;

/** Country names and capitals (world-countries), lower-cased; loaded once. */
function knownPlaces(): Set<string> {
  if (places) return places;
  const require = createRequire(import.meta.url);
  // through require, so the story and compare stages, which read the same file, share one parse (read only)
  const countries = require('world-countries') as { name: { common: string; official: string }; capital: string[] }[];
  places = new Set<string>();
  for (const c of countries) {
    places.add(c.name.common.toLowerCase());
    places.add(c.name.official.toLowerCase());
    for (const cap of c.capital ?? []) places.add(cap.toLowerCase());
  }
  return places;
}
