/**
 * `date:decade`: "the 1980s", "early 1990s", "the '90s"
 * A decade is its first three digits ("199"), as TIMEX2 and TIMEX3 write it and as a century is its first two
 * ("19") and "the next decade" its three ("203"); TimeBank writes it so, AQUAINT as "199X". Two-digit and
 * spelled decades ("the '80s", "the nineties") take the latest century that does not put them after the anchor; without "the" or an apostrophe
 * they are ages ("in their 80s").
 */
import { modOf, date, DECADE_WORD_LIST, DECADE_WORDS, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function decadeRule(_p: Patterns): Rule {
  return rule('date:decade', `(?:the\\s+)?(?:(early|mid|late)[\\s-]+)?(?:(1[6-9]\\d|20\\d)0'?s|(?<=\\bthe\\s+(?:(?:early|mid|late)[\\s-]+)?)(?:'(\\d)0s|(\\d)0s|(${DECADE_WORDS}))|'(\\d)0s)`, 0.9, (m) => {
    const mod = modOf(m[1]);
    if (m[2]) return () => date(`${m[2]}`, ['year'], [], mod);
    const word = m[5]?.toLowerCase();
    const digit = word ? DECADE_WORD_LIST.indexOf(word) + 2 : +(m[3] ?? m[4] ?? m[6]);
    return (ctx) => {
      const reference = ctx.anchor?.year ?? 1999;
      let century = Math.floor(reference / 100);
      if (century * 100 + digit * 10 > reference) century -= 1;
      return date(`${century}${digit}`, ['year'], [], mod);
    };
  });
}
