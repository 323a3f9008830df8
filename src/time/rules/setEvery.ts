/**
 * `set:every`: sets: "every week", "each July", "every other Monday"
 */
import { timeLexicon } from '../lexicon.js';
import { durationValue, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function setEveryRule(p: Patterns): Rule {
  const { MONTH, WEEKDAY, UNIT_NOT_S } = p;
  return rule('set:every', `(?:every|each)\\s+(other\\s+)?(${UNIT_NOT_S}|${WEEKDAY}|${MONTH})`, 0.85, (m) => {
    const word = m[2].toLowerCase().replace(/\.$/, '');
    const lex = timeLexicon();
    const every = m[1] ? 2 : 1;
    return () => {
      if (word in lex.weekdays) return { type: 'SET', value: `XXXX-WXX-${lex.weekdays[word]}`, known: ['weekday'], implied: [] };
      if (word in lex.months && !(word in lex.units)) return { type: 'SET', value: `XXXX-${String(lex.months[word]).padStart(2, '0')}`, known: ['month'], implied: [] };
      return { type: 'SET', value: durationValue(every, word), known: [], implied: [] };
    };
  });
}
