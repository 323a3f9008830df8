/**
 * CoNLL-2003 files (`token POS chunk NE` columns, IOB1 tags, `-DOCSTART-` between documents) and the
 * entity-span arithmetic the tagger and its scorer share: IOB1/IOB2/BILOU tags to spans, spans to BILOU,
 * and exact-span P/R/F1 by conlleval's rules.
 */
import { readFileSync } from 'node:fs';

/** The four CoNLL entity types. */
export type ConllType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const CONLL_TYPES: readonly ConllType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** One sentence of a CoNLL file: its tokens, the columns as read, and the gold NE tags. */
export interface ConllSentence {
  words: string[];
  /** every column of each token line, for writing the file back with a prediction column */
  columns: string[][];
  /** the last column (gold NE tag, IOB1 in CoNLL-2003) */
  gold: string[];
}

/** A document: the sentences between two `-DOCSTART-` lines. */
export interface ConllDocument {
  sentences: ConllSentence[];
}

/** An entity span over tokens of one sentence: [start, end) and type. */
export interface TokenSpan {
  start: number;
  end: number;
  type: string;
}

/**
 * Reads a CoNLL file into documents. A file without `-DOCSTART-` lines is one document.
 *
 * @example
 * const docs = readConll('eng.testa'); docs[0].sentences[0].words // → ['CRICKET', '-', ...]
 */
export function readConll(path: string): ConllDocument[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: cannot read the CoNLL file (${(err as Error).message})`);
  }
  return parseConll(text, path);
}

/** Parses CoNLL text; `file` names the source in errors. */
export function parseConll(text: string, file: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let sent: ConllSentence = { words: [], columns: [], gold: [] };
  let width = -1;
  const endSentence = (): void => {
    if (sent.words.length) doc.sentences.push(sent);
    sent = { words: [], columns: [], gold: [] };
  };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      if (doc.sentences.length) docs.push(doc);
      doc = { sentences: [] };
      continue;
    }
    if (cols.length < 2) throw new Error(`${file}:${i + 1}: expected "token ... tag" columns, got "${line}"`);
    if (width < 0) width = cols.length;
    else if (cols.length !== width) throw new Error(`${file}:${i + 1}: ${cols.length} columns where earlier lines have ${width}`);
    const tag = cols[cols.length - 1];
    if (tag !== 'O' && !/^[BIELSU]-\S+$/.test(tag)) {
      throw new Error(`${file}:${i + 1}: "${tag}" is not an IOB tag`);
    }
    sent.words.push(cols[0]);
    sent.columns.push(cols);
    sent.gold.push(tag);
  }
  endSentence();
  if (doc.sentences.length) docs.push(doc);
  return docs;
}

/**
 * Entity spans of a tag sequence in IOB1, IOB2 or BILOU (conlleval's chunk rules: a span starts at B/U, or at
 * an I/L whose type differs from the previous tag's, or after O; it ends before O, B, U, a type change, or
 * after L/U).
 *
 * @example
 * spansOf(['I-PER', 'I-PER', 'O', 'B-LOC']) // → [{start:0,end:2,type:'PER'}, {start:3,end:4,type:'LOC'}]
 */
export function spansOf(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const prefix = tag === 'O' ? 'O' : tag[0];
    const type = tag === 'O' ? '' : tag.slice(2);
    const starts = prefix === 'B' || prefix === 'U' || prefix === 'S' || (prefix !== 'O' && (!open || open.type !== type));
    if (open && (prefix === 'O' || starts)) {
      spans.push(open);
      open = null;
    }
    if (prefix === 'O') continue;
    if (!open) open = { start: i, end: i + 1, type };
    else open.end = i + 1;
    if (prefix === 'L' || prefix === 'U' || prefix === 'E' || prefix === 'S') {
      spans.push(open);
      open = null;
    }
  }
  if (open) spans.push(open);
  return spans;
}

/** BILOU tags for spans over `length` tokens. */
export function bilouOf(spans: readonly TokenSpan[], length: number): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const s of spans) {
    if (s.end - s.start === 1) tags[s.start] = `U-${s.type}`;
    else {
      tags[s.start] = `B-${s.type}`;
      for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = `I-${s.type}`;
      tags[s.end - 1] = `L-${s.type}`;
    }
  }
  return tags;
}

/** IOB1 tags (CoNLL-2003's own scheme: B only between two touching spans of one type) for spans. */
export function iob1Of(spans: readonly TokenSpan[], length: number): string[] {
  const tags = new Array<string>(length).fill('O');
  let prev: TokenSpan | null = null;
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) tags[i] = `I-${s.type}`;
    if (prev && prev.end === s.start && prev.type === s.type) tags[s.start] = `B-${s.type}`;
    prev = s;
  }
  return tags;
}

/** Precision, recall and F1 as fractions in [0, 1]. */
export interface PRF {
  p: number;
  r: number;
  f1: number;
}

/** Exact-span counts per type, to add up over sentences. */
export class SpanScorer {
  readonly correct = new Map<string, number>();
  readonly guessed = new Map<string, number>();
  readonly gold = new Map<string, number>();

  /** Adds one sentence's gold and predicted spans. */
  add(goldSpans: readonly TokenSpan[], predicted: readonly TokenSpan[]): void {
    const key = (s: TokenSpan): string => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(goldSpans.map(key));
    const inc = (m: Map<string, number>, t: string): void => void m.set(t, (m.get(t) ?? 0) + 1);
    for (const s of goldSpans) inc(this.gold, s.type);
    for (const s of predicted) {
      inc(this.guessed, s.type);
      if (goldKeys.has(key(s))) inc(this.correct, s.type);
    }
  }

  /** P/R/F1 for one type, or over all types when `type` is omitted. */
  score(type?: string): PRF {
    const sum = (m: Map<string, number>): number =>
      type ? (m.get(type) ?? 0) : [...m.values()].reduce((a, b) => a + b, 0);
    const c = sum(this.correct);
    const g = sum(this.guessed);
    const n = sum(this.gold);
    const p = g ? c / g : 0;
    const r = n ? c / n : 0;
    return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  }
}
