/**
 * The raw text as blocks: one block a line (paragraphs are separated by blank lines or single newlines), with
 * raw offsets and the shape features the chrome and header rules look at. Nothing inside a block is changed;
 * only white space at its ends is left out.
 */

/** One non-empty line of the raw text. */
export interface Block {
  /** index among the blocks */
  index: number;
  /** the line without surrounding white space */
  text: string;
  /** offsets of `text` in the raw string */
  rawStart: number;
  rawEnd: number;
  /** whether a blank line precedes it (or it is the first block) */
  afterBlank: boolean;
}

/** White space at the ends of a line, including no-break and zero-width spaces and byte-order marks. */
const EDGE_SPACE = /[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]/u;

/**
 * Cut the raw text into trimmed, non-empty lines with their raw offsets.
 *
 * @example
 * ```ts
 * splitBlocks('Title\n\nBody one.\r\nBody two.').map((b) => b.text); // ['Title', 'Body one.', 'Body two.']
 * ```
 */
export function splitBlocks(raw: string): Block[] {
  const blocks: Block[] = [];
  let lineStart = 0;
  let sawBlank = true;
  while (lineStart <= raw.length) {
    let lineEnd = raw.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = raw.length;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && EDGE_SPACE.test(raw[s])) s++;
    while (e > s && EDGE_SPACE.test(raw[e - 1])) e--;
    if (e > s) {
      blocks.push({ index: blocks.length, text: raw.slice(s, e), rawStart: s, rawEnd: e, afterBlank: sawBlank });
      sawBlank = false;
    } else {
      sawBlank = true;
    }
    lineStart = lineEnd + 1;
  }
  return blocks;
}

/** Words of a line: runs of letters, digits and inner apostrophes/hyphens/dots. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-&]*/gu) ?? [];
}

/** Closing quotes and brackets that may follow the final punctuation of a sentence. */
const CLOSERS = `"'”’»)]`;

/**
 * Whether a line ends like a sentence: `.`, `!`, `?` or `…`, possibly followed by closing quotes or brackets,
 * or ends in a closing quote (a quotation paragraph whose full stop sits inside the quote).
 *
 * @example
 * ```ts
 * endsLikeSentence('He said so.'); // true
 * endsLikeSentence('“We will never cooperate,” he said.'); // true
 * endsLikeSentence('Latest Posts'); // false
 * ```
 */
export function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text[i])) i--;
  if (i >= 0 && '.!?…'.includes(text[i])) return true;
  // `... “the relevant experience.”` has its stop inside; a bare closing quote after a word is also a sentence end
  // often enough in news ("... he called it “a crime”").
  return i < text.length - 1 && /["”»]/.test(text[text.length - 1]) && wordsOf(text).length >= 6;
}

/** Small words that stay lower case in a Title Case headline. */
const MINOR_WORDS = new Set(
  'a an and as at but by for from in into nor of on onto or over per so than the to up upon via vs with without yet is are was be its it’s'.split(
    ' ',
  ),
);

/**
 * The share of a line's major words (not articles, conjunctions or short prepositions) that start with a capital
 * or a digit: close to 1 for Title Case headlines, low for sentences.
 *
 * @example
 * ```ts
 * titleCaseRatio('Iran Slams U.S. Fight Against IS'); // 1
 * titleCaseRatio('Officials say they see no reason'); // ≈ 0.17
 * ```
 */
export function titleCaseRatio(text: string): number {
  const words = wordsOf(text).filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
  if (words.length === 0) return 0;
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return capitalised / words.length;
}

/**
 * Whether a line has the "Name: claim" form of a headline ("Minister: talks will go ahead"): one to four
 * capitalised words, a colon, then the claim.
 *
 * @example
 * ```ts
 * isNameClaim('Petrov: talks will go ahead'); // true
 * isNameClaim('He said: “We will go.”'); // false
 * ```
 */
export function isNameClaim(text: string): boolean {
  return /^\p{Lu}[\p{L}.'’\-]*(?: \p{Lu}[\p{L}.'’\-]*){0,3}: \S/u.test(text);
}
