/**
 * `set:adverb`: sets named by an adverb: "daily", "annually", "quarterly" (not a reporting adjective: "its quarterly dividend")
 */
import { rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function setAdverbRule(_p: Patterns): Rule {
  return rule('set:adverb', `(daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly|semiannually)`, 0.7, (m, text) => {
    // "its quarterly dividend", "annual report": a financial reporting adjective, not a recurrence in the story
    const next = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    // "the Coastline Daily", "Weekly Standard": a capitalised word after a capitalised one is part of a name.
    if (/^\p{Lu}/u.test(m[1]) && /\p{Lu}[\p{L}'’.-]*\s+$/u.test(text.slice(Math.max(0, m.index - 30), m.index))) return null;
    if (/^(quarterly|annually|yearly|monthly)$/i.test(m[1]) && /^\s+(dividends?|reports?|results|earnings|payments?|rates?|meetings?|figures|statements?|reviews?|sales|loss|profit|cash)\b/.test(next)) return null;
    if (/^quarterly$/i.test(m[1]) && /\b(a|an|its|their|the|first|initial|regular)\s+$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) return null;
    const unit: Record<string, string> = {
      daily: 'P1D', nightly: 'P1D', weekly: 'P1W', biweekly: 'P2W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', quarterly: 'P3M', hourly: 'PT1H', semiannually: 'P6M',
    };
    const value = unit[m[1].toLowerCase()];
    return () => ({ type: 'SET', value, known: [], implied: [] });
  });
}
