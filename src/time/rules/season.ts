/**
 * `date:season`: seasons: "last fall", "this summer", "the spring of 1998", "winter 2016"
 */
import { timeLexicon } from '../lexicon.js';
import { yearValue, modOf, date, referenceRule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function seasonRule(p: Patterns): Rule {
  const { ANY_YEAR, SEASON } = p;
  return referenceRule('date:season', `(?:(this|last|next|coming|past|early|late|mid|the)[\\s-]+)?(${SEASON})(?:\\s+(?:of\\s+)?(${ANY_YEAR}))?`, 0.8, (m, text) => {
    const modifier = m[1]?.toLowerCase();
    const stated = m[3] === undefined ? undefined : yearValue(m[3]);
    if (stated === null) return null;
    // a bare season before a plural noun it modifies is this year's ("fall fights", "summer storms"), a bare
    // season otherwise may be a verb or a noun of its own ("prices fall", "the fall of the city")
    const next = /^\s+(\p{Ll}{3,}s)(?![\p{L}'’-])/u.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 30))?.[1];
    const modifiesPlural = !modifier && !stated && next !== undefined && !/(?:ss|us|is|as|ys)$/.test(next) && next !== 'does' && next !== 'goes';
    if (!modifier && !stated && !modifiesPlural) return null;
    if (m[2].toLowerCase() === 'fall' && !stated && !modifiesPlural && (!modifier || modifier === 'the')) return null;
    const code = timeLexicon().seasons[m[2].toLowerCase()];
    return (ctx) => {
      const mod = modifier && /early|late|mid/.test(modifier) ? modOf(modifier) : undefined;
      if (stated) return date(`${stated}-${code}`, ['year'], [], mod);
      if (!ctx.anchor) return date(`XXXX-${code}`, [], [], mod);
      const seasonMonth: Record<string, number> = { SP: 4, SU: 7, FA: 10, WI: 1 };
      const a = ctx.anchor;
      let year = a.year;
      const inSeason = seasonMonth[code];
      if (modifier === 'last' || modifier === 'past') year = inSeason < a.month - 1 ? a.year : a.year - 1;
      else if (modifier === 'next' || modifier === 'coming') year = inSeason > a.month + 1 ? a.year : a.year + 1;
      return date(`${year}-${code}`, [], ['year'], mod);
    };
  });
}
