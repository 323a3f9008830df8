/**
 * Shared text helpers for comparing outlets: words with offsets, quotation-mark regions, country and name
 * entities, and the lexicons of `data/framing.json` and `data/claims.json` (loaded once, lazily).
 */
import { createRequire } from 'node:module';
import type { Doc, Quote, Token } from '../model.js';
import { readDataFile } from '../paths.js';
import { RangeIndex } from '../spans.js';

/** A word of the text with its offsets. */
export interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*\.?|[,;:()\u2013\u2014]/gu;

/**
 * The words (and clause punctuation) of a text range, with offsets into the text. "U.S." stays one word;
 * a sentence-final full stop is dropped from an ordinary word.
 *
 * @example
 * ```ts
 * wordsOf('The U.S. side, then.', 0, 20).map((w) => w.text); // ['The', 'U.S.', 'side', ',', 'then']
 * ```
 */
export function wordsOf(text: string, start = 0, end = text.length): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  const slice = text.slice(start, end);
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    let t = m[0];
    // Keep the dot of abbreviations with inner dots ("U.S."), drop a full stop after a plain word.
    if (t.endsWith('.') && !/\.[\p{L}\p{N}]+\.$/u.test(t)) t = t.slice(0, -1);
    if (!t) continue;
    out.push({ start: start + m.index, end: start + m.index + t.length, text: t, lower: t.toLowerCase().replace(/’/g, "'") });
  }
  return out;
}

const OPENERS: Record<string, string> = { '\u201c': '\u201d', '"': '"', '\u00ab': '\u00bb', '\u2018': '\u2019' };

/**
 * Character ranges inside quotation marks, per paragraph (an unclosed mark closes at the paragraph's end, as
 * news style reopens quotes in the next paragraph). A single curly quote opens only after a space or bracket,
 * so apostrophes are not taken for quotes.
 *
 * @example
 * ```ts
 * quotationRegions('He said "no way" today.'); // [[9, 16]]
 * ```
 */
export function quotationRegions(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open: { at: number; close: string } | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' && text[i + 1] === '\n') {
      if (open) out.push([open.at, i]);
      open = null;
      continue;
    }
    if (open) {
      if (ch === open.close && !(ch === '\u2019' && /\p{L}/u.test(text[i + 1] ?? ''))) {
        out.push([open.at, i + 1]);
        open = null;
      }
      continue;
    }
    const close = OPENERS[ch];
    if (!close) continue;
    if (ch === '\u2018' && i > 0 && !/[\s([\u2014-]/.test(text[i - 1])) continue;
    if (ch === '"' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]) && /[\s.,;:]/.test(text[i + 1] ?? ' ')) continue;
    open = { at: i, close };
  }
  if (open) out.push([open.at, text.length]);
  return out;
}

/** Ranges that hold someone else's words: quotation marks, plus the content of direct quotes. */
export function quotedRanges(doc: Doc, quotes: Quote[]): [number, number][] {
  const ranges = quotationRegions(doc.article.text);
  for (const q of quotes) if (q.kind === 'direct') for (const c of q.content) ranges.push([c.start, c.end]);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Ranges of indirect (reported) speech: the outlet's words for what someone said. */
export function reportedRanges(quotes: Quote[]): [number, number][] {
  return quotes.filter((q) => q.kind !== 'direct').flatMap((q) => q.content.map((c): [number, number] => [c.start, c.end]));
}

/** The tokens of a document within [start, end), found by binary search (tokens are in text order). */
export function tokensIn(doc: Doc, start: number, end: number): Token[] {
  const toks = doc.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < toks.length && toks[i].start < end; i++) if (toks[i].end <= end) out.push(toks[i]);
  return out;
}

/** Whether [start, end) lies inside one of the ranges. */
export function inside(ranges: [number, number][], start: number, end: number): boolean {
  // indexed on first use (the lists are built once per unit and never changed): asked once per word, a scan of
  // every quoted range would cost a long article the square of its length
  let index = rangeIndexes.get(ranges);
  if (!index) rangeIndexes.set(ranges, (index = new RangeIndex(ranges.map(([s, e]) => ({ start: s, end: e })))));
  return index.containing(start, end).length > 0;
}

const rangeIndexes = new WeakMap<[number, number][], RangeIndex>();

// --- lexicons ---------------------------------------------------------------------------------------------

/** `data/framing.json` */
export interface FramingLexicon {
  groups: Record<string, { about: string; terms: string[] }>;
  modifiers: string[];
  modifierSuffixes: string[];
  modifierPrefixes: string[];
  groupNameHeads: string[];
  evaluativeBeforeNames: string[];
  notALabelBefore: Record<string, string[]>;
  /** priorStrength caps the prior; priorShare × the story's word count sets it on smaller stories */
  contrast: { priorStrength: number; priorShare: number; minZ: number; minCount: number; top: number; approximators: string[]; maxWords: number; maxPhraseWords: number; sourcingWords: string[]; timeWords: string[] };
  stopwords: string[];
  /** lexicon terms that name without loading: a lexicon contrast needs a term outside them */
  neutralTerms?: string[];
  /** near-synonym nouns for one kind of referent, compared as naming the same thing */
  referentNouns?: { groups: string[][] };
}

/** `data/claims.json` */
export interface ClaimsLexicon {
  negation: string[];
  /** verbs that deny the verb they govern ("declined to hear", "refused to sign") */
  refusal: string[];
  hedges: string[];
  /** words before a figure that make it approximate ("nearly", "more than") */
  approximators: string[];
  /** words skipped between a figure and the noun it counts ("67 more Republicans") */
  valueModifiers: string[];
  numberWords: Record<string, number>;
  /** words that open a leading subordinate clause or adverbial ("In an attempt to ...,", "After ...,") */
  leadClauseOpeners: string[];
  teaser: { maxWords: number; endings: string[] };
  countryAliases?: Record<string, string>;
}

function readJson<T>(name: string, keys: string[]): T {
  const { path, raw } = readDataFile(name, 'the lexicon');
  for (const k of keys) if (!(k in raw)) throw new Error(`${path}: missing "${k}"`);
  return raw as T;
}

let framing: FramingLexicon | null = null;
let claims: ClaimsLexicon | null = null;

/** The framing lexicon, loaded once. */
export function framingLexicon(): FramingLexicon {
  framing ??= readJson<FramingLexicon>('framing.json', ['groups', 'modifiers', 'modifierSuffixes', 'stopwords', 'contrast']);
  return framing;
}

let evaluative: Map<string, number> | null = null;

/** Evaluative words with their AFINN-165 valence (data/subjectivity.json, scripts/build-subjectivity.ts), loaded once. */
export function evaluativeWords(): Map<string, number> {
  if (evaluative) return evaluative;
  const { path, raw } = readDataFile('subjectivity.json', 'the evaluative word list');
  if (typeof raw.words !== 'object' || raw.words === null) throw new Error(`${path}: needs "words" (run scripts/build-subjectivity.ts)`);
  evaluative = new Map(Object.entries(raw.words as Record<string, number>));
  return evaluative;
}

/** The claim cues, loaded once. */
export function claimsLexicon(): ClaimsLexicon {
  claims ??= readJson<ClaimsLexicon>('claims.json', ['negation', 'refusal', 'hedges', 'approximators', 'valueModifiers', 'numberWords', 'leadClauseOpeners', 'teaser']);
  return claims;
}

// --- entities ----------------------------------------------------------------------------------------------

interface CountryRecord {
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { m: string; f: string } };
  unMember?: boolean;
  area?: number;
}

let countryIndex: Map<string, string> | null = null;

/** Lower-case country names, short forms, demonyms and capitals → ISO alpha-3 (from world-countries). */
export function countryNames(): Map<string, string> {
  if (countryIndex) return countryIndex;
  const require = createRequire(import.meta.url);
  const list = require('world-countries') as CountryRecord[];
  const index = new Map<string, string>();
  const put = (name: string | undefined, code: string): void => {
    if (!name) return;
    const key = name.toLowerCase().replace(/\./g, '');
    if (key.length >= 2 && !index.has(key)) index.set(key, code);
  };
  // Short forms the package lacks (no "Turkey"), from data/claims.json.
  for (const [alias, code] of Object.entries(claimsLexicon().countryAliases ?? {})) put(alias, code);
  for (const c of list) put(c.name.common, c.cca3);
  // A demonym several entries share ("American": the United States and its territories) names the sovereign UN
  // member first, then the largest.
  const ranked = [...list].sort((a, b) => Number(b.unMember ?? false) - Number(a.unMember ?? false) || (b.area ?? 0) - (a.area ?? 0));
  for (const c of list) {
    put(c.name.official, c.cca3);
    for (const a of c.altSpellings) if (a.length > 2 || a === a.toUpperCase()) put(a, c.cca3);
    for (const cap of c.capital) put(cap.replace(/,?\s*D\.?C\.?$/, ''), c.cca3);
  }
  for (const c of ranked) {
    put(c.demonyms?.eng?.m, c.cca3);
    put(c.demonyms?.eng?.f, c.cca3);
    // The people as a noun: "Syrians", "Americans" (a demonym ending in -s, -sh, -ch or -ese has no such plural).
    const demonym = c.demonyms?.eng?.m;
    if (demonym && !/(?:s|sh|ch|ese)$/i.test(demonym)) put(`${demonym}s`, c.cca3);
  }
  countryIndex = index;
  return index;
}

/** An entity named in a sentence: a country code (`USA`) or a lower-cased name. */
export interface Entity {
  key: string;
  start: number;
  end: number;
}

/** Words a capitalised run does not start with: sentence openers and function words. */
const NOT_NAMES = new Set(['the', 'a', 'an', 'and', 'but', 'he', 'she', 'it', 'they', 'we', 'i', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'for', 'of', 'to', 'as', 'meanwhile', 'earlier', 'however', 'last', 'next', 'according', 'members', 'officials', 'if', 'our', 'there', 'his', 'her', 'their', 'its', 'when', 'while', 'after', 'before', 'during', 'since', 'all', 'many', 'some', 'both', 'due', 'like']);
const TITLE_WORDS = new Set(['president', 'minister', 'foreign', 'deputy', 'secretary', 'spokesman', 'spokeswoman', 'ambassador', 'envoy', 'general', 'defense', 'defence', 'affairs', 'prime', 'mr', 'mrs', 'ms', 'dr', 'top', 'senior', 'official', 'chief', 'head', 'leader', 'king', 'queen', 'state']);

/**
 * Entities of a word run: countries (names, demonyms, capitals, "U.S." → `USA`) and other capitalised name runs
 * (lower-cased, titles dropped).
 *
 * @example
 * ```ts
 * entitiesOf(wordsOf('Turkish Foreign Minister Ali Veli met U.S. envoys')).map((e) => e.key); // ['TUR', 'ali veli', 'USA']
 * ```
 */
export function entitiesOf(words: Word[]): Entity[] {
  const countries = countryNames();
  const out: Entity[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    const bare = w.lower.replace(/\./g, '').replace(/'s$/, '');
    // Longest country name first (up to four words: "United States of America").
    let matched = 0;
    // (a country name starts with a capital: no phrase is built for the other words)
    const capitalised = /^\p{Lu}/u.test(w.text);
    for (let n = capitalised ? Math.min(4, words.length - i) : 0; n >= 1 && !matched; n--) {
      const phrase = words.slice(i, i + n).map((x) => x.lower.replace(/\./g, '').replace(/'s$/, '')).join(' ');
      const code = countries.get(phrase);
      if (code) {
        out.push({ key: code, start: w.start, end: words[i + n - 1].end });
        matched = n;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    if (/^\p{Lu}/u.test(w.text) && !NOT_NAMES.has(bare) && !TITLE_WORDS.has(bare) && bare.length > 1) {
      let j = i;
      while (j + 1 < words.length && /^\p{Lu}/u.test(words[j + 1].text) && !countries.has(words[j + 1].lower.replace(/\./g, ''))) j++;
      const name = words.slice(i, j + 1).map((x) => x.lower.replace(/'s$/, '')).join(' ');
      out.push({ key: name, start: w.start, end: words[j].end });
      i = j + 1;
      continue;
    }
    i++;
  }
  return out;
}

/**
 * A crude stem so that "invite", "invited" and "invitation" meet: lower case, common suffixes dropped.
 *
 * @example
 * ```ts
 * [stem('invited'), stem('invitation')]; // ['invit', 'invit']
 * ```
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  for (const suffix of ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ies', 'ied', 'ers', 'er', 'ed', 'es', 's', 'e']) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, w.length - suffix.length);
      break;
    }
  }
  return w;
}
