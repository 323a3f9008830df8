/**
 * `date:ago`: "two weeks ago", "a year earlier", "almost four years ago", "three days from now"
 */
import { numberValue, unitCode, durationValue, shiftedValue, shiftReferenceByYears, modOf, date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function agoRule(p: Patterns): Rule {
  const { NUM, VAGUE, UNIT } = p;
  return rule(
    'date:ago',
    `(?:(about|around|roughly|some|nearly|almost|more\\s+than|over|less\\s+than|only|just)\\s+)?(${NUM}|${VAGUE})\\s+(${UNIT})(?:\\s+or\\s+so)?\\s+(ago|earlier|later|from\\s+now|hence|before|after)`,
    0.85,
    (m, text) => {
      const direction = m[4].toLowerCase().replace(/\s+/g, ' ');
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      const relative = direction !== 'ago' && direction !== 'from now' && direction !== 'hence';
      // "two days after the attack": the count is a duration, the anchor an event; leave it to the duration rule
      if (relative && /^\s+(?:the|a|an|his|her|their|its|he|she|they|it|[A-Z])/.test(after)) return null;
      const count = numberValue(m[2]);
      const sign = /ago|earlier|before/.test(direction) ? -1 : 1;
      const code = unitCode(m[3]);
      return (ctx) => {
        const mod = modOf(m[1]);
        // "three days later": an offset from an event told before, which TimeML annotates as the duration
        if (relative && /^(D|W|H|M|S)$/.test(code) && !/^mon/i.test(m[3]))
          return { type: 'DURATION', value: durationValue(count, m[3]), known: [], implied: [], mod };
        if (count === null) return date(sign < 0 ? 'PAST_REF' : 'FUTURE_REF', [], [], mod);
        if (code === 'Y' && Number.isInteger(count) && ctx.lastReference && (relative || /-[QH]\d$/.test(ctx.lastReference))) {
          const shifted = shiftReferenceByYears(ctx.lastReference, sign * count);
          if (shifted) return date(shifted, [], ['year'], mod);
        }
        if (!ctx.anchor || !Number.isInteger(count)) return date(null, [], [], mod);
        if (code === 'DE' || code === 'CE') return date(String(ctx.anchor.year + sign * count * (code === 'DE' ? 10 : 100)), [], ['year'], mod);
        return date(shiftedValue(ctx.anchor, sign * count, m[3]), [], ['year', 'month', 'day'], mod);
      };
    },
  );
}
