/**
 * `date:quarter`: quarters and halves: "the third quarter", "third-quarter", "the fourth quarter of 1989", "the first half"
 */
import { quarterOf } from '../calendar.js';
import { timeLexicon } from '../lexicon.js';
import { directionAround } from '../tense.js';
import { date, referenceRule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function quarterRule(p: Patterns): Rule {
  const { YEAR, ORD } = p;
  return referenceRule('date:quarter', `(?:the\\s+|(this|last|next)\\s+year's\\s+)?(?:(${YEAR})\\s+|fiscal\\s+)?(?:(${YEAR})\\s+)?(${ORD})[\\s-](quarter|half)(?:\\s+of\\s+(?:fiscal\\s+)?(${YEAR}))?`, 0.9, (m) => {
    const [, yearWord, yearBefore, yearAfterFiscal, ordinalWord, part, yearAfter] = m;
    const ordinal = timeLexicon().ordinals[ordinalWord.toLowerCase()];
    const isHalf = part.toLowerCase() === 'half';
    if (isHalf && ordinal > 2) return null;
    const statedYear = yearBefore ?? yearAfterFiscal ?? yearAfter;
    const relativeYear = yearWord?.toLowerCase();
    const { index } = m;
    const end = index + m[0].length;
    return (ctx) => {
      const code = isHalf ? `H${ordinal}` : `Q${ordinal}`;
      if (statedYear) return date(`${statedYear}-${code}`, ['year', 'month'], []);
      if (!ctx.anchor) return date(`XXXX-${code}`, ['month'], []);
      if (relativeYear) return date(`${ctx.anchor.year + (relativeYear === 'last' ? -1 : relativeYear === 'next' ? 1 : 0)}-${code}`, ['month'], ['year']);
      let year = ctx.anchor.year;
      const current = isHalf ? (ctx.anchor.month <= 6 ? 1 : 2) : quarterOf(ctx.anchor.month);
      if (ordinal > current && directionAround(ctx.text, index, end) === 'past') year -= 1;
      return date(`${year}-${code}`, ['month'], ['year']);
    };
  });
}
