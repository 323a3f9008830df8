/**
 * `date:holiday`: holidays: "Christmas", "Thanksgiving Day", "last Thanksgiving", "Easter"
 */
import { type Day, dayDiff, easter, formatDay, thanksgiving } from '../calendar.js';
import { timeLexicon } from '../lexicon.js';
import { capitalised, date, referenceRule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function holidayRule(p: Patterns): Rule {
  const { HOLIDAY } = p;
  return referenceRule('date:holiday', `(?:(last|next|this)\\s+)?(${HOLIDAY})`, 0.8, (m) => {
    if (!capitalised(m[2])) return null;
    const key = m[2].toLowerCase().replace(/\s+/g, ' ');
    const rule = timeLexicon().holidays[key];
    const modifier = m[1]?.toLowerCase();
    return (ctx) => {
      if (!ctx.anchor) return null;
      const dayIn = (year: number): Day =>
        rule === 'easter' ? easter(year) : rule === 'thanksgiving' ? thanksgiving(year) : { year, month: +rule.slice(0, 2), day: +rule.slice(3) };
      const candidates = [ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1].map(dayIn);
      let pick: Day;
      if (modifier === 'last') pick = candidates.filter((d) => dayDiff(d, ctx.anchor!) > 0).pop() ?? candidates[0];
      else if (modifier === 'next') pick = candidates.find((d) => dayDiff(ctx.anchor!, d) > 0) ?? candidates[2];
      else pick = candidates.reduce((best, d) => (Math.abs(dayDiff(ctx.anchor!, d)) < Math.abs(dayDiff(ctx.anchor!, best)) ? d : best));
      return date(formatDay(pick), ['month', 'day'], ['year']);
    };
  });
}
