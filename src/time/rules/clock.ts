/**
 * `time:clock`: "4 a.m. EDT Thursday", "10:30 p.m.", "noon Tuesday", "4 in the morning"
 */
import type { DatePart } from '../../model.js';
import { addDays, daysInMonth, formatDay } from '../calendar.js';
import { directionAround } from '../tense.js';
import { monthNumber, weekdayNumber, capitalised, yearByTense, resolveWeekday, directionOf, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function clockRule(p: Patterns): Rule {
  const { MONTH, WEEKDAY } = p;
  return rule(
    'time:clock',
    `(?:(\\d{1,2})(?::(\\d\\d))?\\s*(a\\.m\\.|p\\.m\\.|am\\b|pm\\b|in\\s+the\\s+(?:morning|afternoon|evening))|(noon|midnight|midday))(?:\\s+(?:[ECMP][SD]T|GMT|UTC|local\\s+time))?(?:,?\\s+(?:on\\s+)?(${WEEKDAY}|today|yesterday|tomorrow))?(?:,?\\s+(${MONTH})\\s+(\\d{1,2})(?!\\d))?`,
    0.8,
    (m) => {
      if (m[4] && /^[A-Z]/.test(m[4])) return null; // "High Noon"
      const named = m[4]?.toLowerCase();
      let hour = named ? (named === 'midnight' ? 24 : 12) : +m[1];
      const minute = m[2] ? +m[2] : 0;
      if (!named) {
        if (hour < 1 || hour > 12 || minute > 59) return null;
        // "4 in the morning" is 4 a.m., "6 in the evening" 6 p.m.
        const pm = /^p|afternoon|evening/i.test(m[3]);
        if (pm && hour < 12) hour += 12;
        if (!pm && hour === 12) hour = 0;
      }
      const dayWord = m[5];
      const month = m[6] ? monthNumber(m[6]) : null;
      const dayOfMonth = m[7] ? +m[7] : null;
      if (m[6] && !capitalised(m[6])) return null;
      return (ctx) => {
        if (!ctx.anchor) return { type: 'TIME', value: null, known: ['hour', 'minute'], implied: [] };
        // a bare clock time happens on the day the narrative has reached ("shot on Oct. 23 ... at 10 p.m.")
        let day = !dayWord && !(month && dayOfMonth) && ctx.lastDay ? ctx.lastDay : ctx.anchor;
        const implied: DatePart[] = ['year', 'month', 'day'];
        if (month && dayOfMonth) {
          const year = yearByTense(ctx.anchor, month, dayOfMonth, directionAround(ctx.text, m.index, m.index + m[0].length));
          day = { year, month, day: Math.min(dayOfMonth, daysInMonth(year, month)) };
          implied.splice(1, 2);
        }
        if (dayWord && !(month && dayOfMonth)) {
          const w = dayWord.toLowerCase();
          if (w === 'yesterday') day = addDays(ctx.anchor, -1);
          else if (w === 'tomorrow') day = addDays(ctx.anchor, 1);
          else if (w !== 'today') day = resolveWeekday(ctx.anchor, weekdayNumber(w), directionOf(ctx, m.index, m.index + m[0].length));
        }
        const hh = String(hour).padStart(2, '0');
        const mm = String(minute).padStart(2, '0');
        return { type: 'TIME', value: `${formatDay(day)}T${hh}:${mm}`, known: ['hour', 'minute'], implied };
      };
    },
  );
}
