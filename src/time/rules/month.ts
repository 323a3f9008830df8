/**
 * `date:month`: "mid-January", "last month's", "in March", "last November", "early December"; a day number after the month
 * makes it the month-day rule's ("last Oct. 23")
 */
import { formatMonth } from '../calendar.js';
import { directionAround, sentenceAround } from '../tense.js';
import { monthNumber, capitalised, modOf, date, referenceRule } from './helpers.js';
import type { Patterns } from './patterns.js';
import type { Rule } from './types.js';

export function monthRule(p: Patterns): Rule {
  const { MONTH, PRE } = p;
  return referenceRule('date:month', `(?:(${PRE}|last|next|this|coming|past)[\\s-]+)?(${MONTH})(?!\\.?\\s*\\d)(?:,?\\s+(this|last|next)\\s+year)?`, 0.8, (m, text) => {
    const word = m[2];
    const yearWord = m[3]?.toLowerCase();
    if (!capitalised(word)) return null;
    const modifier = m[1]?.toLowerCase();
    const bare = word.replace(/\.$/, '').toLowerCase();
    // Bare months also read as verbs, modals and names: take them after a preposition only.
    if (!modifier) {
      if (bare.length <= 3 && bare !== 'may') return null;
      const before = text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
      const prepositional = /\b(in|since|by|until|till|through|from|to|of|during|before|after|early|late|mid|for|between|and|or|last|next|this)\s+$/.test(before);
      if ((bare === 'may' || bare === 'march') && !prepositional) return null;
      if (!prepositional && /^\s+[A-Z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) return null;
    }
    const month = monthNumber(word);
    return (ctx) => {
      const mod = modifier && !/^(last|next|this|coming|past)$/.test(modifier) ? modOf(modifier) : undefined;
      if (!ctx.anchor) return date(`XXXX-${String(month).padStart(2, '0')}`, ['month'], [], mod);
      const a = ctx.anchor;
      let year = a.year;
      if (yearWord) return date(formatMonth(a.year + (yearWord === 'last' ? -1 : yearWord === 'next' ? 1 : 0), month), ['month'], ['year'], mod);
      const before = ctx.text.slice(Math.max(0, m.index - 7), m.index).toLowerCase();
      if (modifier === 'last' || modifier === 'past') year = month < a.month ? a.year : a.year - 1;
      else if (modifier === 'next' || modifier === 'coming') year = month > a.month ? a.year : a.year + 1;
      else if (modifier === 'this') year = a.year;
      else {
        // a deadline looks ahead ("until February", "must pass by February") unless the tense says it is past
        // ("By July, cases had doubled"); otherwise the tense, and news tells of the past by default
        const tense = directionAround(ctx.text, m.index, m.index + m[0].length);
        const sentence = sentenceAround(ctx.text, m.index, m.index + m[0].length);
        const pastForm = /\b(?:had|was|were|did)\b/i.test(ctx.text.slice(sentence.start, sentence.end));
        const dir = /\b(until|till)\s+$/.test(before) ? 'future' : /\bby\s+$/.test(before) ? (tense === 'past' && pastForm ? 'past' : 'future') : (tense ?? 'past');
        if (tense === null && dir === 'past') {
          // no tense to go by: a month up to three ahead is the coming one (as a month/day's year, yearByTense)
          const ahead = (month - a.month + 12) % 12;
          year = ahead !== 0 && ahead <= 3 ? (month < a.month ? a.year + 1 : a.year) : month > a.month ? a.year - 1 : a.year;
        } else if (dir === 'past' && month > a.month) year = a.year - 1;
        else if (dir === 'future' && month < a.month) year = a.year + 1;
      }
      return date(formatMonth(year, month), ['month'], ['year'], mod);
    };
  });
}
