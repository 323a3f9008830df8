/**
 * A small stand-in for `buildDoc` from `src/text` while that stage is written: wink-nlp tokens, POS and
 * sentences over each line of the text, with lossless character offsets. The quote finder accepts any `Doc`,
 * so switching to the shared text layer changes nothing else.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Article, Doc, Paragraph, Sentence, Token } from '../model.js';

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;
function getNlp(): Nlp {
  nlp ??= winkNLP(model);
  return nlp;
}

/**
 * Tokenise a text into a `Doc`: lines are paragraphs (wink-nlp does not split on newlines), each read
 * by wink-nlp for tokens, POS and sentences.
 *
 * @example
 * ```ts
 * const doc = textDoc(plainArticle('“Yes,” she said.'));
 * doc.tokens.length; // 6
 * ```
 */
export function textDoc(article: Article): Doc {
  const text = article.text;
  const its = getNlp().its;
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const lineRe = /[^\n]+/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    if (!/\S/.test(m[0])) continue;
    const paragraph = paragraphs.length;
    paragraphs.push({ start: m.index, end: m.index + m[0].length });
    const wdoc = getNlp().readDoc(m[0]);
    const values = wdoc.tokens().out(its.value) as string[];
    const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
    const pos = wdoc.tokens().out(its.pos) as string[];
    const base = tokens.length;
    let at = m.index;
    for (let i = 0; i < values.length; i++) {
      at += spaces[i].length;
      // wink-nlp is lossless, but guard against any drift so offsets always cut the right text.
      const found = text.startsWith(values[i], at) ? at : text.indexOf(values[i], at);
      const start = found < 0 ? at : found;
      tokens.push({ start, end: start + values[i].length, pos: pos[i] });
      at = start + values[i].length;
    }
    const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
    for (const [s, e] of spans) {
      sentences.push({
        start: tokens[base + s].start,
        end: tokens[base + e].end,
        paragraph,
        tokenStart: base + s,
        tokenEnd: base + e + 1,
      });
    }
  }
  return { article, paragraphs, sentences, tokens };
}

/**
 * A bare article around a plain text, for evaluation sets and tests that have no source file.
 *
 * @example
 * ```ts
 * plainArticle('He said so.', 'doc-1').text; // 'He said so.'
 * ```
 */
export function plainArticle(text: string, id = 'text'): Article {
  const none = { value: null, method: 'none', confidence: 0 };
  return {
    id,
    source: { path: id, format: 'text' },
    text,
    raw: text,
    segments: [{ start: 0, end: text.length, rawStart: 0 }],
    removed: [],
    meta: {
      title: none, outlet: none, url: none, published: none, modified: none, byline: none, dateline: none, language: none,
    },
    notes: [],
  };
}
