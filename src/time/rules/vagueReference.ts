/**
 * `date:present_ref`, `date:past_ref`, `date:future_ref`: vague references ("now", "currently", "recently",
 * "the future", "soon"), the words listed in the lexicon's `presentRef`, `pastRef` and `futureRef`.
 */
import { alternation, timeLexicon } from '../lexicon.js';
import { directionAround } from '../tense.js';
import { date, rule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

/** One rule per kind of reference, present first. */
export function vagueReferenceRules(_p: Patterns): Rule[] {
  const lex = timeLexicon();
  const refs: [string[], string][] = [
    [lex.presentRef, 'PRESENT_REF'],
    [lex.pastRef, 'PAST_REF'],
    [lex.futureRef, 'FUTURE_REF'],
  ];
  return refs.map(([words, value]) =>
    rule(`date:${value.toLowerCase()}`, `(${alternation(words)})`, 0.6, (m, text) => {
      const before = text.slice(Math.max(0, m.index - 8), m.index).toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8).toLowerCase();
      // "as soon as", "soon after": a connective, not a time; "the then current": a past present
      if (/^soon$/i.test(m[1]) && (/\bas\s+$/.test(before) || /^\s+(after|before|as)\b/.test(after))) return null;
      if (/\bthen\s+$/.test(before)) return null;
      // "soon" looks ahead from the time of the telling: in a past narrative ("he was soon released") it is
      // a step of that story, not a reference to the future
      if (/^soon$/i.test(m[1])) return (ctx) => (directionAround(ctx.text, m.index, m.index + m[0].length) === 'past' ? null : date(value, [], []));
      return () => date(value, [], []);
    }),
  );
}
