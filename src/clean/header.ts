/**
 * The article's header and footer lines: title (with a site-name suffix), site-name lines, bylines and date
 * lines. Found by shape, in the lines before the first body paragraph (and the last lines for a closing byline).
 */
import * as chrono from 'chrono-node/en';
import type { DateValue } from '../model.js';
import type { Block } from './blocks.js';
import { endsLikeSentence, titleCaseRatio, wordsOf } from './blocks.js';
import type { Decisions } from './chrome.js';
import { isBodyLike, nearestKept } from './chrome.js';
import { chromeLexicon, normaliseLine } from './lexicon.js';

/** What the header rules found. Values are null when not found. */
export interface HeaderFindings {
  title: string | null;
  /** the rule that gave the title */
  titleMethod: string;
  /** site name read from a site-name line, a title suffix or publisher boilerplate, and how */
  outlet: { value: string; method: string } | null;
  byline: string | null;
  bylineMethod: string;
  published: { value: DateValue; method: string } | null;
  modified: { value: DateValue; method: string } | null;
  /** index of the first body block, after the header */
  bodyStart: number;
}

/** A person's name as bylines write it: two to four capitalised words. */
const NAME = String.raw`\p{Lu}[\p{L}'’.\-]*(?:\s+(?:(?:de|van|von|der|al|el|bin|da|di|du|la|le)\s+)?\p{Lu}[\p{L}'’.\-]*){1,3}`;
const BY_LINE = new RegExp(String.raw`^by\s+(${NAME}(?:\s*(?:,|and|&)\s*${NAME})*)(?:\s*[,|/–—-]\s*[\p{L} .'’]{2,40})?$`, 'iu');
const CLOSING_BYLINE = new RegExp(String.raw`^(?:--|—|–|-)\s*(${NAME})$`, 'u');

/**
 * The name(s) of a "By X" byline, or null.
 *
 * @example
 * ```ts
 * readByline('By Jane Smith and John Doe, Reuters'); // 'Jane Smith and John Doe'
 * readByline('By the end of the day, prices fell.'); // null
 * ```
 */
export function readByline(text: string): string | null {
  if (endsLikeSentence(text) || wordsOf(text).length > 14) return null;
  const m = BY_LINE.exec(text);
  if (!m) return null;
  // "By Monday" / "By The Way" read as names under the case-insensitive flag: insist on capitals as written.
  if (!/^\p{Lu}/u.test(m[1])) return null;
  return m[1].trim();
}

/**
 * The name of a closing "-- X" byline, or null.
 *
 * @example
 * ```ts
 * readClosingByline('-- Jane Smith'); // 'Jane Smith'
 * ```
 */
export function readClosingByline(text: string): string | null {
  return CLOSING_BYLINE.exec(text)?.[1] ?? null;
}

/**
 * A line that is only a date, maybe after "Published"/"Updated", read with chrono (strict: year, month and day
 * must be stated). Returns the ISO date and whether it is an update, or null.
 *
 * @example
 * ```ts
 * readDateLine('Published: January 18, 2017 10:32 GMT'); // { value: { value: '2017-01-18', ... }, updated: false }
 * ```
 */
export function readDateLine(text: string): { value: DateValue; updated: boolean } | null {
  if (wordsOf(text).length > 14 || endsLikeSentence(text)) return null;
  const results = chrono.strict.parse(text);
  if (results.length === 0) return null;
  const r = results[0];
  const { start } = r;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return null;
  const rest = (text.slice(0, r.index) + text.slice(r.index + r.text.length)).trim();
  if (!/^(?:(?:first |last )?(?:published|updated|posted|modified|date|on|created)\b[\s:|,-]*(?:on\b)?[\s:|,-]*)?$/iu.test(rest.replace(/[|·•,:\-–—]+\s*$/u, '').trim())) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const iso = `${start.get('year')}-${pad(start.get('month') ?? 0)}-${pad(start.get('day') ?? 0)}`;
  return {
    value: { value: iso, known: ['year', 'month', 'day'] },
    updated: /\b(updated|modified)\b/iu.test(rest),
  };
}

/** Split "Headline - Site" / "Headline | Site" at the last separator into the headline and a site-like suffix. */
export function splitSiteSuffix(title: string, knownSites: string[]): { title: string; site: string | null } {
  const m = /^(.*\S)\s+(\||–|—|-|::)\s+([^|–—]+)$/u.exec(title);
  if (!m) return { title, site: null };
  const [, head, sep, suffix] = m;
  const suffixWords = wordsOf(suffix);
  if (wordsOf(head).length < 3 || suffixWords.length === 0 || suffixWords.length > 8) return { title, site: null };
  const lower = suffix.toLowerCase();
  const isKnown = knownSites.some((s) => lower.includes(s.toLowerCase()) || s.toLowerCase().includes(lower));
  const lex = chromeLexicon();
  const siteish =
    /\.[a-z]{2,6}$/iu.test(suffix) ||
    (titleCaseRatio(suffix) === 1 &&
      (suffix === suffix.toUpperCase() || suffixWords.some((w) => lex.siteWords.has(w.toLowerCase()))));
  if (sep === '|' ? suffixWords.length <= 6 || isKnown : isKnown || siteish) return { title: head, site: suffix.trim() };
  return { title, site: null };
}

/** A site name without trailing generic words: "Example Times English Archive" → "Example Times". */
function siteName(suffix: string): string {
  const generic = /\s+(english|archive|online|edition|website|homepage|home|official site|official website|web)$/iu;
  let s = suffix.trim();
  while (generic.test(s) && wordsOf(s).length > 1) s = s.replace(generic, '');
  return s;
}

/**
 * "Section Section | Site": a line of section names then the site, or one whose site part recurs in another
 * header line (the title's suffix). Returns the site part or null.
 */
function readSiteNameLine(text: string, otherHeaderLines: string[]): string | null {
  if (endsLikeSentence(text)) return null;
  const m = /^(.*\S)\s+(?:\||::|–|—|-)\s+([^|]+)$/u.exec(text);
  if (!m) return null;
  const [, left, right] = m;
  const site = right.trim();
  const lex = chromeLexicon();
  // "Site | Local news, sport and weather for the coast": a short Title Case name, then a tagline that lists
  // sections in lower case. The tagline is the site's, so the left part is the site name.
  const lowerSections = right.split(/[\s,/&|]+/u).filter((w) => /^\p{Ll}/u.test(w) && lex.sectionWords.has(w));
  if (lowerSections.length >= 2 && wordsOf(left).length <= 5 && titleCaseRatio(left) === 1) return left.trim();
  if (wordsOf(site).length > 6) return null;
  const leftWords = normaliseLine(left).replace(/middle[ -]east/gu, 'middle-east').split(/[\s,/]+/u).filter(Boolean);
  const allSections = leftWords.length > 0 && leftWords.every((w) => lex.sectionWords.has(w));
  const recurs = otherHeaderLines.some((l) => l !== text && l.toLowerCase().includes(site.toLowerCase()));
  if (allSections || recurs) return site;
  return null;
}

/**
 * Whether the first kept line reads as a headline rather than the lede: short, and either without final
 * punctuation or a single Title Case sentence, or followed by a longer paragraph that opens with a dateline.
 */
function looksLikeTitle(text: string, next: string | null, nextHasDateline: boolean): boolean {
  const words = wordsOf(text).length;
  if (words === 0 || words > 25 || text.length > 220) return false;
  const caseRatio = titleCaseRatio(text);
  // Without final punctuation a short line is a headline; a long sentence-case one is more likely a lede that
  // lost its full stop.
  if (!endsLikeSentence(text)) return /\p{L}/u.test(text) && (words <= 18 || caseRatio >= 0.75);
  // A headline that ends in a full stop (some archives add one): Title Case, or one short sentence before a
  // dateline or clearly shorter than the paragraph after it.
  // (Ledes full of names reach 0.75; headlines in Title Case are at 0.9 or above.)
  if (caseRatio >= 0.9 && wordsOf(text).filter((w) => /^\p{Lu}/u.test(w)).length >= 3) return true;
  const sentences = text.split(/[.!?]["”’]?\s+(?=\p{Lu})/u).length;
  if (sentences > 1 || words > 18) return false;
  // A short sentence-case line with a full stop is as often the lede as a headline: only a dateline after it
  // (which opens the body) tells them apart. Losing a lede costs more than missing a title.
  return nextHasDateline && next !== null;
}

/**
 * Read the header (title, site-name line, byline, date line) and the closing byline, marking the blocks they
 * occupy in `decisions`. `hasDateline(text)` tells whether a paragraph opens with a dateline.
 */
export function readHeader(
  blocks: Block[],
  decisions: Decisions,
  hasDateline: (text: string) => boolean,
  givenTitle: string | null,
): HeaderFindings {
  const found: HeaderFindings = {
    title: null,
    titleMethod: 'not-found:title',
    outlet: null,
    byline: null,
    bylineMethod: 'not-found:byline',
    published: null,
    modified: null,
    bodyStart: blocks.length,
  };
  // The header: kept lines before the first body paragraph (at most a handful).
  const header: number[] = [];
  for (let i = 0; i < blocks.length && header.length < 8; i++) {
    if (decisions[i]) continue;
    const text = blocks[i].text;
    if (isBodyLike(text) && !(header.length === 0 && looksLikeTitle(text, nextKeptText(blocks, decisions, i), nextHasDateline(blocks, decisions, i, hasDateline)))) break;
    header.push(i);
    // a long line without final punctuation that follows a headline is a standfirst: the body starts after it
  }
  const headerTexts = header.map((i) => blocks[i].text);
  const knownSites: string[] = [];

  for (const i of header) {
    const text = blocks[i].text;
    const site = readSiteNameLine(text, headerTexts);
    if (site && found.title === null) {
      decisions[i] = 'site-name';
      knownSites.push(site);
      found.outlet ??= { value: siteName(site), method: 'text:site-name' };
      continue;
    }
    const byline = readByline(text);
    if (byline) {
      decisions[i] = 'byline';
      found.byline ??= byline;
      found.bylineMethod = 'text:byline';
      continue;
    }
    const date = readDateLine(text);
    if (date) {
      decisions[i] = 'date';
      if (date.updated) found.modified ??= { value: date.value, method: 'text:date-line' };
      else found.published ??= { value: date.value, method: 'text:date-line' };
      continue;
    }
    if (found.title === null) {
      const next = nextKeptText(blocks, decisions, i);
      const titleLike = looksLikeTitle(text, next, nextHasDateline(blocks, decisions, i, hasDateline));
      const matchesGiven = givenTitle !== null && sameTitle(text, givenTitle);
      if (!titleLike && !matchesGiven) break;
      const { title, site } = splitSiteSuffix(text, knownSites);
      decisions[i] = 'title';
      found.title = title;
      // "Headline; second deck" split over two lines: a line ending in ";" is not finished.
      const cont = nearestKept(decisions, i, 1);
      if (/;$/u.test(title) && cont >= 0 && wordsOf(blocks[cont].text).length <= 20) {
        decisions[cont] = 'title';
        found.title = `${title} ${blocks[cont].text}`;
      }
      found.titleMethod = site ? 'text:title-line+suffix' : 'text:title-line';
      if (site) found.outlet ??= { value: siteName(site), method: 'text:title-suffix' };
      continue;
    }
    if (sameTitle(text, found.title)) {
      decisions[i] = 'title';
      continue;
    }
  }
  const firstKept = blocks.findIndex((_, i) => !decisions[i]);
  found.bodyStart = firstKept < 0 ? blocks.length : firstKept;

  // A closing byline: the last kept line, "-- Name", or a "By Name" line at the very end.
  const last = nearestKept(decisions, blocks.length, -1);
  if (last > found.bodyStart) {
    const name = readClosingByline(blocks[last].text) ?? readByline(blocks[last].text);
    if (name) {
      decisions[last] = 'byline';
      found.byline ??= name;
      if (found.bylineMethod.startsWith('not-found')) found.bylineMethod = 'text:closing-byline';
    }
  }
  return found;
}

function nextKeptText(blocks: Block[], decisions: Decisions, i: number): string | null {
  const j = nearestKept(decisions, i, 1);
  return j < 0 ? null : blocks[j].text;
}

function nextHasDateline(blocks: Block[], decisions: Decisions, i: number, hasDateline: (t: string) => boolean): boolean {
  const next = nextKeptText(blocks, decisions, i);
  return next !== null && hasDateline(next);
}

/** Titles compared after normalising case, quotes and spaces; a line with a site suffix matches its headline. */
function sameTitle(line: string, title: string): boolean {
  const a = normaliseLine(line);
  const b = normaliseLine(title);
  return a === b || (a.startsWith(b) && /^\s*(\||–|—|-|::)\s/u.test(a.slice(b.length)));
}

/**
 * The publisher named by boilerplate: "Example News delivers independent coverage ..." or
 * "© 2017 Example News. All rights reserved." Returns the name or null.
 *
 * @example
 * ```ts
 * readPublisherName('Example Eye delivers independent coverage of the region.'); // 'Example Eye'
 * readPublisherName('© 2017 Example Media Ltd. All rights reserved.'); // 'Example Media Ltd'
 * ```
 */
export function readPublisherName(text: string): string | null {
  const NAME_WORDS = String.raw`\p{Lu}[\p{L}\p{N}&'’.\-]*(?: (?:of |the |and |& )?\p{Lu}[\p{L}\p{N}&'’.\-]*){0,5}`;
  const delivers = new RegExp(String.raw`^(?:the )?(${NAME_WORDS}) (?:delivers|provides|publishes|is an? (?:independent|leading|award-winning))\b`, 'u').exec(text);
  if (delivers) return delivers[1].replace(/[.’']+$/u, '');
  const copyright = new RegExp(String.raw`^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(${NAME_WORDS})`, 'iu').exec(text);
  if (copyright) return copyright[1].replace(/[.,]+$/u, '').replace(/\s+all rights reserved.*$/iu, '');
  return null;
}
