/**
 * Tokens and part-of-speech tags from wink-nlp, with character offsets into the text they were read from.
 *
 * wink-nlp gives each token's value and the whitespace before it, not an offset, and it is run here one
 * paragraph at a time (it does not split on single newlines, and a headline must not lean on the next line).
 * Offsets are found by walking the text: skip whitespace, expect the token's value. If wink ever changes or
 * drops a character, the walk re-synchronises on the next token and the characters it skipped become a token
 * of their own (POS `X`), so tokenisation stays lossless whatever wink does.
 */
import { createRequire } from 'node:module';
import type { WinkMethods } from 'wink-nlp';
import type { Token } from '../model.js';

interface Wink {
  nlp: WinkMethods;
  its: WinkMethods['its'];
}

let wink: Wink | null = null;

/**
 * The wink-nlp instance, loaded on first use (the model takes ~100 ms and ~20 MB to load, and importing
 * parallax for its types or renderers should not pay for it). Only the POS stage is piped: sentence
 * boundaries are ours (see sentences.ts), and negation, sentiment and wink's NER are not used.
 */
function loadWink(): Wink {
  if (wink) return wink;
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
  const model = require('wink-eng-lite-web-model') as import('wink-eng-lite-web-model').Model;
  const nlp = winkNLP(model, ['pos']);
  wink = { nlp, its: nlp.its };
  return wink;
}

/** JavaScript's `\s`: what may lie between tokens. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Tokenises `text.slice(start, end)` and appends its tokens (offsets into `text`) to `out`. Whitespace tokens
 * are not kept: the text between two tokens is always whitespace, and recoverable from the offsets.
 *
 * @example
 * ```ts
 * const tokens: Token[] = [];
 * tokenizeRange('He left.', 0, 8, tokens);
 * tokens.map((t) => t.pos); // ['PRON', 'VERB', 'PUNCT']
 * ```
 */
export function tokenizeRange(text: string, start: number, end: number, out: Token[]): void {
  const { nlp, its } = loadWink();
  const tokens = nlp.readDoc(text.slice(start, end)).tokens();
  const values = tokens.out();
  const tags = tokens.out(its.pos) as string[];
  let cursor = start;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value.length === 0 || value.trim() === '') continue;
    while (cursor < end && isSpace(text.charCodeAt(cursor))) cursor++;
    let at = cursor;
    if (!text.startsWith(value, cursor)) {
      at = text.indexOf(value, cursor);
      if (at < 0 || at + value.length > end) {
        // wink changed the characters of this token: cover the rest of the whitespace-free run instead.
        let runEnd = cursor;
        while (runEnd < end && !isSpace(text.charCodeAt(runEnd))) runEnd++;
        if (runEnd > cursor) out.push({ start: cursor, end: runEnd, pos: 'X' });
        cursor = runEnd;
        continue;
      }
      pushSkipped(text, cursor, at, out);
    }
    out.push({ start: at, end: at + value.length, pos: tags[i] ?? 'X' });
    cursor = at + value.length;
  }
  while (cursor < end && isSpace(text.charCodeAt(cursor))) cursor++;
  pushSkipped(text, cursor, end, out);
}

/** Characters wink skipped (never seen so far, but possible): non-space runs become tokens of their own. */
function pushSkipped(text: string, from: number, to: number, out: Token[]): void {
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const runStart = i;
    while (i < to && !isSpace(text.charCodeAt(i))) i++;
    if (i > runStart) out.push({ start: runStart, end: i, pos: 'X' });
  }
}
