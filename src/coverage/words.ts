/**
 * The word-level helpers coverage needs, kept behind two small functions: content words of a text (with their
 * offsets and a stem to compare by), and the framing stage's terms inside a text range. The framing stage is
 * being rewritten; only `framingSpans` reads its output.
 */
import type { FramingTable, Span } from '../model.js';
import { findFramingTerms, framingLexicon, stem, wordsOf } from '../compare/index.js';

/** A content word: offsets into its text, the lower-case form and the stem words are compared by. */
export interface ContentWord {
  start: number;
  end: number;
  lower: string;
  stem: string;
}

let stopwords: Set<string> | null = null;

/**
 * The content words of a text (no stopwords, no punctuation, no bare numbers), with offsets.
 *
 * @example
 * ```ts
 * contentWords('The council rejects the budget').map((w) => w.stem); // ['council', 'reject', 'budget']
 * ```
 */
export function contentWords(text: string, start = 0, end = text.length): ContentWord[] {
  stopwords ??= new Set(framingLexicon().stopwords);
  const stop = stopwords;
  return wordsOf(text, start, end)
    .filter((w) => /\p{L}/u.test(w.text) && !stop.has(w.lower))
    .map((w) => ({ start: w.start, end: w.end, lower: w.lower, stem: stem(w.lower.replace(/[’']s$/, '')) }));
}

/**
 * The spans of an article's framing terms in its own voice that lie inside `[start, end)`, from the framing
 * stage's table; none when the briefing has no framing. Its distinctive words are left out: they contrast one
 * outlet's whole text with the others', and a word every side's lead uses can be one.
 *
 * @example
 * ```ts
 * framingSpans(briefing.framing, 'a1', 0, 120); // [{ article: 'a1', start: 14, end: 20 }]
 * ```
 */
export function framingSpans(framing: FramingTable | undefined, article: string, start: number, end: number): Span[] {
  if (!framing) return [];
  const out: Span[] = [];
  for (const row of framing.rows) {
    if (!row.articles.includes(article)) continue;
    for (const term of row.own) {
      for (const s of term.spans) if (s.article === article && s.start >= start && s.end <= end) out.push(s);
    }
  }
  return out;
}

/**
 * Framing terms in a text the framing stage has not read (a headline): the framing stage's own term finder.
 *
 * @example
 * ```ts
 * framingTermsOf('Talks with rebel groups'); // [{ start: 11, end: 23 }]
 * ```
 */
export function framingTermsOf(text: string): { start: number; end: number }[] {
  return findFramingTerms('', text, 0, text.length).map((h) => ({ start: h.span.start, end: h.span.end }));
}
