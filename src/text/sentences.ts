/**
 * Sentence boundaries over the tokens of one paragraph.
 *
 * wink-nlp's own splitter is not used: it glues a headline to the next line, and it splits inside quotations
 * so that a sentence can start with a closing quote mark or with the attribution tail (`,” he said`). Instead a
 * boundary is decided at each candidate end (`.`, `!`, `?`, an ellipsis, or a word ending in a period), by
 * looking at what the period belongs to and at the token that follows.
 *
 * Quotations: every sentence inside a quotation is its own sentence, and a quote mark belongs to the sentence
 * it opens or closes. So `“A. B,” he said. “C.”` is three sentences: `“A.`, `B,” he said.` and `“C.”`. This
 * keeps sentences short and grammatical for the stages that read them; the quotes stage joins a quotation's
 * sentences back by its quote marks, which are all inside the sentence spans. Closing quote marks and brackets
 * that follow an end mark are kept with the sentence they close, and a short attribution after a closing
 * quote (`“Why?” Smith asked.`) stays with the quotation rather than becoming a sentence of its own.
 */
import type { Sentence, Token } from '../model.js';
import { textLexicon, type AbbreviationKind } from './lexicon.js';

/** What kind of sentence end a candidate is: the class decides how the next token is read. */
type EndKind = 'stop' | 'strong' | 'ellipsis' | 'initial' | AbbreviationKind;

const UPPER = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;
const DIGIT = /^\p{Nd}/u;
const LETTER = /^\p{L}/u;
const ROMAN = /^[IVXLC]+$/;
/** tokens made only of end marks: `.`, `!`, `?!`, `...`, `…` */
const END_MARKS = /^[.!?…‽]+$/;
/** a dotted acronym (`N.Y.`, `U.S.A.`, `a.m.`) or a single-letter initial (`J.`) */
const DOTTED = /^(?:\p{L}\.)+$/u;
/** punctuation after which a sentence cannot start: it continues the clause */
const CONTINUATION = /^[,;:\-–—%]/;
/** quote marks and brackets that close something; straight quotes are handled apart (they open too) */
const CLOSERS = new Set([')', ']', '}', '”', '’', '»', '›', '」', '』']);
const OPENING_QUOTES = new Set(['“', '‘', '«', '‹', '„', '"', "'", '「', '『']);
const QUOTE_CLOSERS = new Set(['”', '’', '»', '›', '"', "'", '」', '』']);
/** POS tags that, after a may-be-final abbreviation, say the phrase goes on (`U.S. Army`, `a.m. Monday`) */
const PHRASE_GOES_ON = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'X', 'SYM']);
/** POS tags of words that cannot follow an initial inside a name */
const FUNCTION_WORD = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART']);
/** the longest attribution tail after a closing quote, in tokens */
const ATTRIBUTION_WINDOW = 6;

/**
 * Splits the tokens `[tokenStart, tokenEnd)` of one paragraph into sentences and appends them to `out`.
 * A paragraph always ends a sentence; a paragraph with tokens always has at least one.
 *
 * @example
 * ```ts
 * const sentences: Sentence[] = [];
 * splitSentences(text, tokens, 0, tokens.length, 0, sentences);
 * ```
 */
export function splitSentences(
  text: string,
  tokens: Token[],
  tokenStart: number,
  tokenEnd: number,
  paragraph: number,
  out: Sentence[],
): void {
  if (tokenStart >= tokenEnd) return;
  const lexicon = textLexicon();
  const tokenText = (i: number): string => text.slice(tokens[i].start, tokens[i].end);
  let sentenceStart = tokenStart;
  // Straight double quotes open and close alike: their parity in the paragraph tells which one this is.
  let straightDoubleOpen = false;
  for (let i = tokenStart; i < tokenEnd; i++) {
    const value = tokenText(i);
    if (value === '"') straightDoubleOpen = !straightDoubleOpen;
    const kind = endKind(text, tokens, i, value, tokenStart, lexicon.abbreviations);
    if (kind === null) continue;
    // Gather the whole end: further end marks (`?!`, `. . .`), then closing quotes and brackets.
    let j = i + 1;
    let marks = 1;
    while (j < tokenEnd && END_MARKS.test(tokenText(j))) {
      marks++;
      j++;
    }
    let closedQuote = false;
    while (j < tokenEnd) {
      const closer = tokenText(j);
      const attached = tokens[j].start === tokens[j - 1].end;
      const isCloser =
        CLOSERS.has(closer) ||
        (closer === '"' && (straightDoubleOpen || attached)) ||
        (closer === "'" && attached);
      if (!isCloser) break;
      if (closer === '"') straightDoubleOpen = !straightDoubleOpen;
      if (QUOTE_CLOSERS.has(closer)) closedQuote = true;
      j++;
    }
    let effectiveKind: EndKind = marks > 1 && kind === 'stop' ? 'ellipsis' : kind;
    // A title or an initial is never followed by a closing quote or bracket: after one, the period ends.
    if (j > i + marks && (kind === 'neverFinal' || kind === 'initial')) effectiveKind = 'stop';
    if (j < tokenEnd && endsSentence(text, tokens, i, j, tokenEnd, effectiveKind, closedQuote, sentenceStart)) {
      out.push(sentence(tokens, sentenceStart, j, paragraph));
      sentenceStart = j;
    }
    i = j - 1;
  }
  out.push(sentence(tokens, sentenceStart, tokenEnd, paragraph));
}

function sentence(tokens: Token[], from: number, to: number, paragraph: number): Sentence {
  return { start: tokens[from].start, end: tokens[to - 1].end, paragraph, tokenStart: from, tokenEnd: to };
}

/** Whether token `i` can end a sentence, and as what; null when it cannot. */
function endKind(
  text: string,
  tokens: Token[],
  i: number,
  value: string,
  paragraphStart: number,
  abbreviations: Map<string, AbbreviationKind>,
): EndKind | null {
  if (END_MARKS.test(value)) {
    if (value.includes('!') || value.includes('?') || value.includes('‽')) return 'strong';
    if (value !== '.') return 'ellipsis';
    // A lone period: wink splits the period off abbreviations it does not know (`Sgt .`), so look behind.
    if (i > paragraphStart && tokens[i - 1].end === tokens[i].start) {
      const word = text.slice(tokens[i - 1].start, tokens[i - 1].end) + '.';
      const known = abbreviations.get(word) ?? abbreviations.get(titleCase(word));
      if (known) return known;
      if (DOTTED.test(word)) return word.length === 2 ? (UPPER.test(word) ? 'initial' : 'stop') : 'mayBeFinal';
    }
    return 'stop';
  }
  if (value.length > 1 && value.endsWith('.') && LETTER.test(value)) {
    const known = abbreviations.get(value) ?? abbreviations.get(titleCase(value));
    if (known) return known;
    if (DOTTED.test(value)) return value.length === 2 && UPPER.test(value) ? 'initial' : 'mayBeFinal';
    // Any other word with its period attached ('in.', 'no.', a URL): wink took it for an abbreviation, but
    // it is not one we know, so it is read as a word and a full stop.
    return 'stop';
  }
  return null;
}

/** `ST.` → `St.`, so abbreviations are known in all-capital headlines and datelines; others are unchanged. */
function titleCase(word: string): string {
  return word.length > 2 && word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word;
}

/**
 * Whether the end made of tokens `[i, j)` closes the sentence, given the token at `j` that follows it.
 */
function endsSentence(
  text: string,
  tokens: Token[],
  i: number,
  j: number,
  tokenEnd: number,
  kind: EndKind,
  closedQuote: boolean,
  sentenceStart: number,
): boolean {
  const next = text.slice(tokens[j].start, tokens[j].end);
  const spaced = tokens[j].start > tokens[j - 1].end;
  if (LOWER.test(next) || CONTINUATION.test(next)) return false;
  if (!spaced) {
    // `end.Next` in run-together text ends a sentence; `U.S.-led`, `Ph.D`, `.”` and `3.5` do not.
    return (kind === 'stop' || kind === 'strong') && UPPER.test(next) && !isListNumber(text, tokens, i, sentenceStart);
  }
  if (kind === 'neverFinal') return false;
  // An initial is followed by a name; a capitalised function word says the letter was a word (`Plan A. The`).
  if (kind === 'initial') return UPPER.test(next) && FUNCTION_WORD.has(tokens[j].pos);
  if (kind === 'beforeNumber') return !DIGIT.test(next) && !ROMAN.test(next) && UPPER.test(next);
  if (kind === 'stop' || kind === 'strong') {
    if (isListNumber(text, tokens, i, sentenceStart)) return false;
    if (closedQuote && isAttributionTail(text, tokens, j, tokenEnd, kind === 'strong')) return false;
    return true;
  }
  // A may-be-final abbreviation or an ellipsis ends the sentence only before a capitalised word that does
  // not carry the phrase on, or before an opening quote (`at 2 p.m. (0400 GMT)` goes on).
  if (DIGIT.test(next)) return false;
  if (UPPER.test(next)) {
    if (kind === 'ellipsis') return tokens[j].pos !== 'PROPN';
    return !PHRASE_GOES_ON.has(tokens[j].pos);
  }
  return OPENING_QUOTES.has(next);
}

/** `1.`, `a.` or `IV.` opening a paragraph: a list label, not a sentence. */
function isListNumber(text: string, tokens: Token[], i: number, sentenceStart: number): boolean {
  if (i - sentenceStart !== 1) return false;
  const label = text.slice(tokens[sentenceStart].start, tokens[sentenceStart].end);
  return /^(?:\p{Nd}{1,3}|\p{L}|[IVXLC]+)$/u.test(label) && text[tokens[i].start] === '.';
}

/**
 * After a closing quote: is what follows a short attribution (`Smith asked.`, `said Sen. Jones, who ...`)
 * rather than a new sentence? It holds a reporting verb and ends within a few tokens: at a period, or, after
 * a question or exclamation, at a comma too. `“We won.” He added, “...”` and `“We are ready.” Smith said on
 * Monday the talks would go on.` are sentences of their own.
 */
function isAttributionTail(text: string, tokens: Token[], j: number, tokenEnd: number, commaEnds: boolean): boolean {
  const { attributionVerbs } = textLexicon();
  let hasVerb = false;
  for (let k = j; k < tokenEnd; k++) {
    const word = text.slice(tokens[k].start, tokens[k].end);
    if (word === '.' || word === '!' || word === '?') return hasVerb;
    if (word === ',' || word === ';' || word === ':') return hasVerb && commaEnds;
    if (k - j >= ATTRIBUTION_WINDOW) return false;
    if (attributionVerbs.has(word.toLowerCase())) hasVerb = true;
  }
  return hasVerb;
}
