/**
 * `set:weekdays`: a weekday in the plural recurs: "on Mondays" (`XXXX-WXX-1`), "Tuesday nights"
 * (`XXXX-WXX-2TNI`), "Sunday mornings". A weekday in the singular is a day (`date:weekday`).
 */
import { timeLexicon } from '../lexicon.js';
import { PART_OF_DAY, capitalised, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function setWeekdaysRule(_p: Patterns): Rule {
  const days = Object.keys(timeLexicon().weekdays).filter((w) => w.endsWith('day'));
  return rule('set:weekdays', `(${days.join('|')})(?:s|\\s+(morning|afternoon|evening|night)s)`, 0.8, (m) => {
    if (!capitalised(m[1])) return null;
    const wd = timeLexicon().weekdays[m[1].toLowerCase()];
    const part = m[2] ? `T${PART_OF_DAY[m[2].toLowerCase()]}` : '';
    return () => ({ type: 'SET', value: `XXXX-WXX-${wd}${part}`, known: ['weekday'], implied: [] });
  });
}
