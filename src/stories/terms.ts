/**
 * Terms for story similarity, in any script: words for alphabetic scripts (lower-cased, function words dropped,
 * plural and possessive endings folded) and character bigrams for Chinese and Japanese, which are written
 * without spaces. Country names in any of the scripts (world-countries) become one concept term (`@sgp`), and a
 * glossary of general news words maps Malay and Chinese onto English, so that articles on one story share terms
 * across languages; numbers are kept, written alike everywhere.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dataPath } from '../paths.js';

interface StopwordFile {
  en: string[];
  ms: string[];
  zh: string[];
}

interface StopLists {
  words: Set<string>;
  hanChars: Set<string>;
  byLanguage: { en: Set<string>; ms: Set<string> };
}

let stopwords: StopLists | null = null;

/** The stop lists of data/stopwords.json, read once. */
function loadStopwords(): StopLists {
  if (stopwords) return stopwords;
  const file = dataPath('stopwords.json');
  let parsed: StopwordFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as StopwordFile;
  } catch (err) {
    throw new Error(`${file}: cannot read the stop lists: ${(err as Error).message}`);
  }
  for (const key of ['en', 'ms', 'zh'] as const) {
    if (!Array.isArray(parsed[key])) throw new Error(`${file}: "${key}" must be an array of words`);
  }
  const hanChars = new Set(parsed.zh.filter((w) => [...w].length === 1));
  const words = new Set([...parsed.en, ...parsed.ms, ...parsed.zh.filter((w) => [...w].length > 1)]);
  stopwords = { words, hanChars, byLanguage: { en: new Set(parsed.en), ms: new Set(parsed.ms) } };
  return stopwords;
}

/**
 * Runs of Han/kana characters, numbers with thousands separators, or words with an apostrophe part ("Iran's").
 * A word stops where Han text starts: Chinese writes Latin names and acronyms straight against it ("NTU和").
 */
const HAN_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const WORD_CHAR = `(?:(?![${HAN_CLASS}])[\\p{L}\\p{N}])`;
const TOKEN = new RegExp(`[${HAN_CLASS}]+|\\d+(?:[,.]\\d{3})*(?:\\.\\d+)?|${WORD_CHAR}+(?:['’]${WORD_CHAR}+)?`, 'gu');
const HAN_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAS_HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

interface Lexicon {
  /** lower-cased Latin word sequences (space-joined, up to LATIN_MAX_WORDS) → terms they stand for */
  latin: Map<string, string[]>;
  /** Han strings → terms they stand for */
  han: Map<string, string[]>;
  hanMaxLength: number;
  /** the English terms the glossary maps Malay and Chinese words onto: written alike in every language here */
  glossaryTerms: Set<string>;
  /** number words ("million", "juta", "万") → the power of ten they multiply by */
  scales: Map<string, number>;
}
const LATIN_MAX_WORDS = 3;

let lexicon: Lexicon | null = null;

interface CountryRecord {
  cca3: string;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  altSpellings?: string[];
  demonyms?: Record<string, { f: string; m: string }>;
  translations?: Record<string, { common: string; official: string }>;
}

/** Country names (English, Malay, Chinese, native) and the glossary, read once. */
function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const latin = new Map<string, string[]>();
  const han = new Map<string, string[]>();
  const addName = (name: string, terms: string[]): void => {
    const key = name.normalize('NFKC').toLowerCase().trim();
    if (!key) return;
    if (HAS_HAN.test(key)) {
      if (!han.has(key)) han.set(key, terms);
      return;
    }
    const words = [...key.matchAll(TOKEN)].map((m) => m[0]);
    // two-letter codes ("SG", "US") are ambiguous with words; single words shorter than 3 letters are skipped
    if (words.length === 0 || words.length > LATIN_MAX_WORDS || (words.length === 1 && words[0].length < 3)) return;
    const joined = words.join(' ');
    if (!latin.has(joined)) latin.set(joined, terms);
  };
  const require = createRequire(import.meta.url);
  // through require, so the clean and compare stages, which read the same file, share one parse (read only)
  const countries = require('world-countries') as CountryRecord[];
  for (const c of countries) {
    const concept = [`@${c.cca3.toLowerCase()}`];
    const names = [c.name.common, c.name.official, ...(c.altSpellings ?? [])];
    for (const lang of ['eng', 'msa', 'zho']) {
      const n = c.name.native?.[lang];
      if (n) names.push(n.common, n.official);
    }
    const zho = c.translations?.zho;
    if (zho) names.push(zho.common, zho.official);
    const eng = c.demonyms?.eng;
    if (eng) names.push(eng.f, eng.m);
    for (const n of names) addName(n, concept);
  }
  const file = dataPath('story-glossary.json');
  let glossary: { ms: Record<string, string>; zh: Record<string, string>; scales: Record<string, number> };
  try {
    glossary = JSON.parse(readFileSync(file, 'utf8')) as typeof glossary;
  } catch (err) {
    throw new Error(`${file}: cannot read the glossary: ${(err as Error).message}`);
  }
  if (typeof glossary.ms !== 'object' || typeof glossary.zh !== 'object' || typeof glossary.scales !== 'object') {
    throw new Error(`${file}: needs "ms", "zh" and "scales" objects`);
  }
  const scales = new Map<string, number>();
  for (const [word, power] of Object.entries(glossary.scales)) {
    if (!Number.isInteger(power) || power < 1) throw new Error(`${file}: scale "${word}" must be a positive whole power of ten`);
    scales.set(word.normalize('NFKC').toLowerCase(), power);
  }
  const glossaryTerms = new Set<string>();
  for (const [word, english] of [...Object.entries(glossary.ms), ...Object.entries(glossary.zh)]) {
    const terms = english.toLowerCase().split(/\s+/).map(foldWord).filter((t) => t.length > 1);
    addName(word, terms);
    for (const t of terms) glossaryTerms.add(t);
  }
  let hanMaxLength = 1;
  for (const k of han.keys()) hanMaxLength = Math.max(hanMaxLength, [...k].length);
  lexicon = { latin, han, hanMaxLength, glossaryTerms, scales };
  return lexicon;
}

/**
 * Folds English inflection that does not change the topic: possessives ("iran's" → "iran") and regular plurals
 * ("talks" → "talk", "parties" → "party"). Deliberately light: a wrong fold only merges two rare terms.
 */
export function foldWord(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** A Han run as terms: lexicon entries (longest first), and character bigrams for the stretches between them. */
function hanTerms(run: string, out: string[], lex: Lexicon, stopChars: Set<string>, stopWords: Set<string>): void {
  const chars = [...run];
  let stretch: string[] = [];
  const flush = (): void => {
    if (stretch.length === 1) {
      if (!stopChars.has(stretch[0])) out.push(stretch[0]);
    } else {
      for (let i = 0; i + 1 < stretch.length; i++) {
        const bigram = stretch[i] + stretch[i + 1];
        if ((stopChars.has(stretch[i]) && stopChars.has(stretch[i + 1])) || stopWords.has(bigram)) continue;
        out.push(bigram);
      }
    }
    stretch = [];
  };
  for (let i = 0; i < chars.length; ) {
    let matched = 0;
    for (let len = Math.min(lex.hanMaxLength, chars.length - i); len >= 2; len--) {
      const terms = lex.han.get(chars.slice(i, i + len).join(''));
      if (terms) {
        flush();
        out.push(...terms);
        matched = len;
        break;
      }
    }
    if (matched) i += matched;
    else stretch.push(chars[i++]);
  }
  flush();
}

/** The number word a Han run starts with (longest first), its power of ten and the rest of the run. */
function leadingScale(run: string, scales: Map<string, number>): { power: number; rest: string } | null {
  const chars = [...run];
  for (let len = Math.min(2, chars.length); len >= 1; len--) {
    const power = scales.get(chars.slice(0, len).join(''));
    if (power !== undefined) return { power, rest: chars.slice(len).join('') };
  }
  return null;
}

/** A decimal number times a power of ten, written without exponent or trailing zeros after the point. */
function scaled(value: string, power: number): string {
  const [whole, fraction = ''] = value.split('.');
  const digits = (whole + fraction.padEnd(power, '0').slice(0, power)).replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(power).replace(/0+$/, '');
  return rest ? `${digits}.${rest}` : digits;
}

/**
 * The terms of a text, in order, for similarity: words, numbers, Han bigrams and concept terms, without
 * function words.
 *
 * @example
 * ```ts
 * storyTerms("Iran's talks in the capital"); // ['@irn', 'talk', 'capital']
 * storyTerms('新加坡的台风'); // ['@sgp', 'typhoon']
 * ```
 */
export function storyTerms(text: string): string[] {
  // One word or a short name is asked for again and again (compare and framing stem single words): memoised.
  if (text.length > SHORT_TEXT) return computeStoryTerms(text);
  let terms = shortTerms.get(text);
  if (!terms) {
    if (shortTerms.size >= SHORT_MEMO) shortTerms.clear();
    terms = computeStoryTerms(text);
    shortTerms.set(text, terms);
  }
  return [...terms];
}

const SHORT_TEXT = 40;
const SHORT_MEMO = 200_000;
const shortTerms = new Map<string, string[]>();

/** The first words of the lexicon's phrases of two words or more: a token that starts none looks up itself only. */
const phraseStarts = new WeakMap<Lexicon, Set<string>>();
function phraseStartsOf(lex: Lexicon): Set<string> {
  let set = phraseStarts.get(lex);
  if (!set) {
    set = new Set();
    for (const key of lex.latin.keys()) if (key.includes(' ')) set.add(key.slice(0, key.indexOf(' ')));
    phraseStarts.set(lex, set);
  }
  return set;
}

function computeStoryTerms(text: string): string[] {
  const { words, hanChars } = loadStopwords();
  const lex = loadLexicon();
  const starts = phraseStartsOf(lex);
  const terms: string[] = [];
  const tokens = [...text.normalize('NFKC').toLowerCase().matchAll(TOKEN)].map((m) => m[0]);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (HAN_START.test(token)) {
      hanTerms(token, terms, lex, hanChars, words);
      continue;
    }
    // numbers are written alike in every language here: a cross-lingual anchor ("1,300" = "1300"), and a number
    // word after one multiplies it, whatever its language ("1.2 million" = "1.2 juta" = "120万")
    if (/^\d/.test(token)) {
      const value = token.replace(/,/g, '');
      const next = tokens[i + 1];
      const latinScale = next === undefined ? undefined : lex.scales.get(next);
      const hanScale = next !== undefined && HAN_START.test(next) ? leadingScale(next, lex.scales) : null;
      if (latinScale !== undefined) {
        terms.push(scaled(value, latinScale));
        i++;
      } else if (hanScale) {
        terms.push(scaled(value, hanScale.power));
        if (hanScale.rest) hanTerms(hanScale.rest, terms, lex, hanChars, words);
        i++;
      } else terms.push(value);
      continue;
    }
    let phrase = 0;
    for (let n = starts.has(token) ? Math.min(LATIN_MAX_WORDS, tokens.length - i) : 1; n >= 1 && !phrase; n--) {
      const mapped = lex.latin.get(tokens.slice(i, i + n).join(' ')) ?? (n === 1 ? lex.latin.get(token.replace(/['’]s$/, '')) : undefined);
      if (mapped) {
        terms.push(...mapped);
        phrase = n;
      }
    }
    if (phrase) {
      i += phrase - 1;
      continue;
    }
    if (words.has(token)) continue;
    const folded = foldWord(token);
    if (folded.length < 2 || words.has(folded)) continue;
    terms.push(folded);
  }
  return terms;
}

/** The languages the stop lists know; texts in others are told apart by script only. */
export type StoryLanguage = 'en' | 'ms' | 'zh';

/**
 * The language of a text as far as story terms care: Chinese when Han characters make up a fifth of its letters,
 * else English or Malay by which stop list it hits more; null when it hits neither.
 *
 * @example
 * ```ts
 * storyLanguage('Polis menahan seorang lelaki di Johor'); // 'ms'
 * ```
 */
export function storyLanguage(text: string): StoryLanguage | null {
  const sample = text.slice(0, 4000).normalize('NFKC').toLowerCase();
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters > 0 && han / letters >= 0.2) return 'zh';
  const lists = loadStopwords().byLanguage;
  let en = 0;
  let ms = 0;
  for (const m of sample.matchAll(/\p{L}+/gu)) {
    if (lists.en.has(m[0])) en++;
    if (lists.ms.has(m[0])) ms++;
  }
  if (en === 0 && ms === 0) return null;
  return ms > en ? 'ms' : 'en';
}

/**
 * True for a term that is written alike whatever the article's language: a concept (`@sgp`), a number, or an
 * English word the glossary maps Malay or Chinese onto. Across languages only such terms (and the names both
 * articles spell alike) can be shared.
 *
 * @example
 * ```ts
 * isLanguageNeutral('@sgp'); // true
 * isLanguageNeutral('1300'); // true
 * ```
 */
export function isLanguageNeutral(term: string): boolean {
  return term.startsWith('@') || /^\d/.test(term) || loadLexicon().glossaryTerms.has(term);
}
