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
import { winkModel } from './wink-core.js';

interface Wink {
  nlp: WinkMethods;
  its: WinkMethods['its'];
  /** wink's lexicon, which it grows with every word it does not know (see `forgetLearntWords`) */
  lexeme: { hash: Record<string, number>; list: string[] };
  /** the size of the model's own lexicon */
  intrinsic: number;
  /** the lexicon's size before the text being read: the words from here on were learnt from it */
  mark: number;
}

let wink: Wink | null = null;

/**
 * Forgotten words wink may hold before a fresh instance is loaded (see `forgetLearntWords`): some 10 MB, a few
 * thousand articles' worth, so memory stays flat however many articles a process reads.
 */
const MAX_FORGOTTEN = 100_000;

/**
 * wink-eng-lite-web-model 1.8's `metaCER()` JSON-encodes its data again on every call (it assigns the result
 * to its own module variable), so a second wink instance would hold a twice-encoded copy, a tenth a string
 * too long to build. Its first result is the right one, and wink only reads it.
 */
let metaCER: unknown;

/**
 * The wink-nlp instance, loaded on first use (the model takes ~100 ms and ~20 MB to load, and importing
 * parallax for its types or renderers should not pay for it). Only the POS stage is piped: sentence
 * boundaries are ours (see sentences.ts), and negation, sentiment and wink's NER are not used.
 */
function loadWink(): Wink {
  if (wink) return wink;
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
  const model = (winkModel() ?? require('wink-eng-lite-web-model')) as import('wink-eng-lite-web-model').Model;
  // wink reads its lexicon from `model.core()`: keep hold of it, to forget what each text adds to it
  type Core = { features: { lexeme: Wink['lexeme'] } };
  let core: Core | undefined;
  const m = model as unknown as { core: () => Core; metaCER: () => unknown };
  const watched = Object.assign(Object.create(null), model, {
    core: () => (core = m.core()),
    metaCER: () => (metaCER ??= m.metaCER()),
  });
  const nlp = winkNLP(watched, ['pos']);
  if (!core) throw new Error('wink-nlp did not read its model through core(): its tokens could depend on what it read before');
  const { lexeme } = core.features;
  wink = { nlp, its: nlp.its, lexeme, intrinsic: lexeme.list.length, mark: lexeme.list.length };
  return wink;
}

/**
 * Forget the words wink learnt from the text just read. wink adds every word it does not know to its lexicon,
 * and its tokenizer splits a word only when the whole is not in the lexicon: once `Clinton's,` has been read
 * (wink keeps a possessive whole before a comma), `Clinton's campaign` read later gives one token instead of
 * `Clinton` + `'s`. Tokens would depend on what the process read before, and an article would get other
 * layers in another run or another order. With the learnt words forgotten, a paragraph's tokens depend on
 * the paragraph alone. (The words stay in wink's lists, which its packed tables index by position; only
 * the look-up forgets them, and a fresh instance is loaded once they are many.)
 */
function forgetLearntWords(w: Wink): void {
  const { hash, list } = w.lexeme;
  for (let i = w.mark; i < list.length; i++) if (hash[list[i]] === i) delete hash[list[i]];
  w.mark = list.length;
  if (list.length - w.intrinsic > MAX_FORGOTTEN) wink = null;
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
  const w = loadWink();
  const tokens = w.nlp.readDoc(text.slice(start, end)).tokens();
  const values = tokens.out();
  const tags = tokens.out(w.its.pos) as string[];
  forgetLearntWords(w);
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
