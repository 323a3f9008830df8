/**
 * The text layer: paragraphs, sentences and tokens (with Universal POS tags) of an article, every one a span
 * of `article.text`. Lossless: each is `text.slice(start, end)`, and what lies between two tokens is
 * whitespace only, so the text can be rebuilt from the offsets.
 *
 * - Paragraphs are lines: the text is cut at every line break, single or blank, so a headline, a dateline or a
 *   list item is never glued to the next line. Leading and trailing whitespace is not part of a paragraph.
 * - Tokens and POS come from wink-nlp, one paragraph at a time (see tokenize.ts).
 * - Sentences are ours, over the tokens (see sentences.ts for abbreviations and quotations).
 */
import type { Article, Doc, Paragraph, Sentence, Token } from '../model.js';
import { tokenizeRange } from './tokenize.js';
import { splitSentences } from './sentences.js';
import { textLexicon } from './lexicon.js';

export { tokenizeRange } from './tokenize.js';
export { splitSentences } from './sentences.js';

/**
 * Whether a word with its period is a known abbreviation (data/abbreviations.json: "Inc.", "Jr.", "Sept."),
 * whose period belongs to it rather than ending a sentence.
 *
 * @example
 * isAbbreviation('Corp.') // → true
 */
export const isAbbreviation = (word: string): boolean => textLexicon().abbreviations.has(word);

/** `\n`, `\r\n`, `\r`, and the Unicode line and paragraph separators. */
function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029 || code === 0x85;
}

/** `\s` minus line breaks: what is trimmed from the ends of a line. */
function isBlank(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 11 ||
    code === 12 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The paragraphs of a text: its non-blank lines, trimmed.
 *
 * @example
 * ```ts
 * splitParagraphs('Title\nBody one.\n\n  Body two. ');
 * // [{ start: 0, end: 5 }, { start: 6, end: 15 }, { start: 19, end: 28 }]
 * ```
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let lineEnd = i;
    while (lineEnd < n && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
    let start = i;
    let end = lineEnd;
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    if (end > start) paragraphs.push({ start, end });
    i = lineEnd + 1;
  }
  return paragraphs;
}

/**
 * Builds the text layer of an article.
 *
 * @example
 * ```ts
 * const doc = buildDoc(article);
 * for (let i = 0; i < doc.sentences.length; i++) console.log(sentenceText(doc, i));
 * ```
 */
export function buildDoc(article: Article): Doc {
  const { text } = article;
  if (typeof text !== 'string') {
    throw new Error(`${article.source?.path ?? article.id}: article text is ${typeof text}, not a string`);
  }
  const paragraphs = splitParagraphs(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const kept: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    const first = tokens.length;
    tokenizeRange(text, paragraph.start, paragraph.end, tokens);
    // A line of invisible characters only (zero-width joiners, BOM) has no tokens, and is no paragraph.
    if (tokens.length === first) continue;
    splitSentences(text, tokens, first, tokens.length, kept.length, sentences);
    kept.push(paragraph);
  }
  return { article, paragraphs: kept, sentences, tokens };
}

/**
 * The text of sentence `i`.
 *
 * @example
 * ```ts
 * sentenceText(doc, 0); // 'Talks resume in Geneva'
 * ```
 */
export function sentenceText(doc: Doc, i: number): string {
  const s = doc.sentences[i];
  if (!s) throw new RangeError(`sentence ${i} out of range (0..${doc.sentences.length - 1})`);
  return doc.article.text.slice(s.start, s.end);
}

/**
 * The text of token `i`.
 *
 * @example
 * ```ts
 * tokenText(doc, 0); // 'Talks'
 * ```
 */
export function tokenText(doc: Doc, i: number): string {
  const t = doc.tokens[i];
  if (!t) throw new RangeError(`token ${i} out of range (0..${doc.tokens.length - 1})`);
  return doc.article.text.slice(t.start, t.end);
}

/** Index of the span in a sorted, non-overlapping list that contains `offset`, or -1. */
function spanAt(spans: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < spans[mid].start) hi = mid - 1;
    else if (offset >= spans[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The index of the sentence that contains the character at `offset`, or -1 when the offset falls between
 * sentences (whitespace) or outside the text.
 *
 * @example
 * ```ts
 * const i = sentenceAt(doc, quote.cue.start);
 * if (i >= 0) console.log(sentenceText(doc, i));
 * ```
 */
export function sentenceAt(doc: Doc, offset: number): number {
  return spanAt(doc.sentences, offset);
}

/**
 * The index of the token that contains the character at `offset`, or -1 when it is whitespace.
 *
 * @example
 * ```ts
 * tokenAt(doc, 0); // 0
 * ```
 */
export function tokenAt(doc: Doc, offset: number): number {
  return spanAt(doc.tokens, offset);
}
