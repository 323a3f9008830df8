/**
 * Token facts the quote finder needs beyond the text layer: lower-cased words, shapes, quotation marks and
 * whether each token lies inside a quotation, and which sentence (and paragraph) it is in.
 */
import type { Doc } from '../model.js';
import { quoteLexicon } from './lexicon.js';
import { stringHash } from './hash.js';
import { wordClusters } from './clusters.js';

export interface TokenFacts {
  words: string[];
  lower: string[];
  pos: string[];
  shape: string[];
  /** reporting-verb base form, or '' */
  verb: string[];
  /** 'open', 'close', 'ambiguous' for quotation marks, '' otherwise */
  quoteMark: ('open' | 'close' | 'ambiguous' | '')[];
  /** index of the quotation a token lies in (marks included), or -1 */
  quotation: number[];
  /** the quotations: token ranges [start, end] inclusive of both marks */
  quotations: { start: number; end: number }[];
  sentence: number[];
  paragraph: number[];
  /**
   * hashes of the word, POS, shape, reporting verb, last three letters and quotation mark, for features; and
   * of the word's cluster path cut at 6 and 10 bits and whole (0 for a word the clusters do not know)
   */
  h: {
    word: number[]; pos: number[]; shape: number[]; verb: number[]; suffix: number[]; mark: number[];
    cluster6: number[]; cluster10: number[]; cluster: number[];
  };
}

const OPEN = new Set(['“', '«', '‘', '„', '‹']);
const CLOSE = new Set(['”', '»', '’', '›']);
const AMBIGUOUS = new Set(['"', "'", '``', "''", '`']);

function shapeOf(w: string): string {
  if (/^[A-Z][a-z]/.test(w)) return 'Xx';
  if (/^[A-Z]+$/.test(w)) return 'XX';
  if (/^[a-z]/.test(w)) return 'x';
  if (/^\d/.test(w)) return 'd';
  return 'p';
}

/**
 * Works out token facts for a document; quotation marks pair within a paragraph (an unclosed one runs to the
 * end of it, as a quotation carried over to the next paragraph does).
 *
 * @example
 * ```ts
 * const facts = analyse(buildDoc(plainArticle('“Go,” she said.')));
 * facts.quotations; // [{ start: 0, end: 3 }]
 * ```
 */
export function analyse(doc: Doc): TokenFacts {
  const { verbForms } = quoteLexicon();
  const text = doc.article.text;
  const n = doc.tokens.length;
  const words = doc.tokens.map((t) => text.slice(t.start, t.end));
  const lower = words.map((w) => w.toLowerCase());
  const pos = doc.tokens.map((t) => t.pos);
  const shape = words.map(shapeOf);
  const verb = lower.map((w) => verbForms.get(w) ?? '');
  const quoteMark = words.map((w) => (OPEN.has(w) ? 'open' : CLOSE.has(w) ? 'close' : AMBIGUOUS.has(w) ? 'ambiguous' : '')) as TokenFacts['quoteMark'];
  const sentence = new Array<number>(n).fill(-1);
  const paragraph = new Array<number>(n).fill(-1);
  doc.sentences.forEach((s, si) => {
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      sentence[t] = si;
      paragraph[t] = s.paragraph;
    }
  });
  for (let t = 0; t < n; t++) {
    if (sentence[t] < 0) sentence[t] = t > 0 ? sentence[t - 1] : 0;
    if (paragraph[t] < 0) paragraph[t] = t > 0 ? paragraph[t - 1] : 0;
  }
  const quotation = new Array<number>(n).fill(-1);
  const quotations: { start: number; end: number }[] = [];
  let openAt = -1;
  let openMark = '';
  const close = (end: number): void => {
    quotations.push({ start: openAt, end });
    for (let k = openAt; k <= end; k++) quotation[k] = quotations.length - 1;
    openAt = -1;
  };
  // "''" written as two apostrophes (the ASCII convention of older wire and newspaper text, ``…'' or ''…'')
  // is one double quotation mark, which the tokeniser splits in two: pair it as one.
  const doubled = (t: number): boolean =>
    t + 1 < n && (words[t] === "'" || words[t] === '`') && words[t + 1] === words[t] && doc.tokens[t].end === doc.tokens[t + 1].start;
  for (let t = 0; t < n; t++) {
    if (openAt >= 0 && paragraph[t] !== paragraph[openAt]) close(t - 1);
    const m = quoteMark[t];
    if (!m) continue;
    if (doubled(t)) {
      if (openAt < 0) {
        openAt = t;
        openMark = '"';
      } else if (openMark === '"' || openMark === '“' || openMark === '``') {
        // "sorry,'''": a single mark closing inside, then the double one
        if (doubled(t + 1)) t++;
        close(t + 1);
      } else continue;
      t++;
      continue;
    }
    // Single quotes nest inside double ones and double as apostrophes: only pair them with each other.
    const single = words[t] === '‘' || words[t] === '’' || words[t] === "'";
    if (openAt < 0) {
      if (m === 'open' || (m === 'ambiguous' && !single)) {
        openAt = t;
        openMark = words[t];
      } else if (m === 'ambiguous' && single && t + 1 < n && shape[t + 1] !== 'p' && (t === 0 || doc.tokens[t].start > doc.tokens[t - 1].end)) {
        openAt = t;
        openMark = words[t];
      }
    } else {
      const openSingle = openMark === '‘' || openMark === "'";
      if ((m === 'close' || m === 'ambiguous') && single === openSingle) close(t);
    }
  }
  if (openAt >= 0) close(n - 1);
  const h = {
    word: lower.map(stringHash),
    pos: pos.map(stringHash),
    shape: shape.map(stringHash),
    verb: verb.map(stringHash),
    suffix: lower.map((w) => stringHash(w.slice(-3))),
    mark: quoteMark.map(stringHash),
    cluster6: new Array<number>(n).fill(0),
    cluster10: new Array<number>(n).fill(0),
    cluster: new Array<number>(n).fill(0),
  };
  const clusters = wordClusters();
  for (let t = 0; t < n; t++) {
    const path = clusters.get(lower[t]);
    if (!path) continue;
    h.cluster6[t] = stringHash(path.slice(0, 6));
    h.cluster10[t] = stringHash(path.slice(0, 10));
    h.cluster[t] = stringHash(path);
  }
  return { words, lower, pos, shape, verb, quoteMark, quotation, quotations, sentence, paragraph, h };
}
