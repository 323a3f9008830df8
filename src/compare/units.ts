/**
 * What comparing outlets needs to know of each article, computed once: its outlet profile, its quotes and
 * quoted ranges, its time expressions, whether it is a teaser, and whether it duplicates an earlier article
 * (wire copies and reposts count once).
 */
import type { Doc, DuplicateGroup, OutletProfile, Quote, TimeRef } from '../model.js';
import { matchOutlet, outletRegistry, type OutletRegistry } from '../outlets/index.js';
import { findQuotes } from '../quotes/index.js';
import { findTimes } from '../time/index.js';
import { findDuplicates } from '../stories/index.js';
import { claimsLexicon, quotedRanges, reportedRanges, wordsOf } from './text.js';

/** One article, ready for comparison. */
export interface CompareUnit {
  doc: Doc;
  outlet: OutletProfile;
  quotes: Quote[];
  /** ranges inside quotation marks or direct quotes */
  quoted: [number, number][];
  /** ranges of indirect speech */
  reported: [number, number][];
  /** the date time expressions were anchored on (publication date), null when unknown */
  anchor: string | null;
  times: TimeRef[];
  /** a teaser or truncated text: its silence is no disagreement */
  teaser: boolean;
  /** the id of an earlier article this one duplicates (near-identical text), else null */
  duplicateOf: string | null;
  /** the story the article belongs to, when stories were grouped: claims align only within one story */
  story: string | null;
}

/** Options for building units. */
export interface UnitOptions {
  /** the date to anchor an article's time expressions on, when its publication date is unknown */
  anchorFor?: (doc: Doc) => string | null;
  /** the outlet registry to label outlets from (`--outlets FILE`); the one in force (`outletRegistry()`) when absent */
  registry?: OutletRegistry;
  /** quotes and times the pipeline already found per article id (src/saidwhen), so they are not found twice */
  said?: ReadonlyMap<string, { quotes: Quote[]; times: TimeRef[] }>;
  /** duplicate groups already found (src/stories); found here when absent */
  duplicates?: readonly DuplicateGroup[];
  /** the story of each article id (src/stories) */
  storyOf?: ReadonlyMap<string, string>;
}

/**
 * Whether a text reads as a teaser or is cut off: short, or ending in an ellipsis or a "read more" link. The
 * "read more" phrases are English: a text in another language is judged by its length and an ellipsis only,
 * never called a teaser for its language.
 *
 * @example
 * ```ts
 * isTeaser('Talks open in the capital on Monday…'); // true
 * ```
 */
export function isTeaser(text: string, english = true): boolean {
  const lex = claimsLexicon().teaser;
  const words = wordsOf(text).length;
  const tail = text.trim().toLowerCase().slice(-40);
  const endings = english ? lex.endings : lex.endings.filter((e) => !/\p{L}/u.test(e));
  return words < lex.maxWords || endings.some((e) => tail.endsWith(e));
}

/**
 * Units for every document, in order.
 *
 * @example
 * ```ts
 * const units = buildUnits(docs, { anchorFor: () => '2024-10-15' });
 * units.filter((u) => u.duplicateOf).length; // wire copies found
 * ```
 */
export function buildUnits(docs: Doc[], options: UnitOptions = {}): CompareUnit[] {
  const registry = options.registry ?? outletRegistry();
  const groups =
    options.duplicates ??
    findDuplicates(docs.map(({ article: a }) => ({ id: a.id, text: a.text, title: a.meta.title.value, outlet: a.meta.outlet.value })));
  // Every article of a group but its first is a copy: what it says counts once.
  const copyOf = new Map<string, string>();
  for (const g of groups) for (const id of g.articles.slice(1)) copyOf.set(id, g.articles[0]);
  const units: CompareUnit[] = [];
  for (const doc of docs) {
    const a = doc.article;
    const published = a.meta.published.value;
    // Only a day-precise publication date anchors "Monday"; a lower bound inferred from the text ("since
    // 2011") does not.
    const exact = published && /^\d{4}-\d{2}-\d{2}/.test(published.value) && (!published.from || published.from === published.to) && a.meta.published.method !== 'inferred';
    const given = exact ? null : (options.anchorFor?.(doc) ?? null);
    const anchor = exact ? published.value.slice(0, 10) : given;
    const english = (a.meta.language.value ?? 'en') === 'en';
    const found = options.said?.get(a.id);
    const quotes = found?.quotes ?? (english ? findQuotes(doc) : []);
    units.push({
      doc,
      outlet: matchOutlet({ id: a.id, outlet: a.meta.outlet.value, url: a.meta.url.value }, registry),
      quotes,
      quoted: quotedRanges(doc, quotes),
      reported: reportedRanges(quotes),
      anchor,
      // Times found by the pipeline were anchored on the publication date; an anchor given here re-reads them.
      times: found && given === null ? found.times : english ? findTimes(doc, anchor) : [],
      teaser: isTeaser(a.text, english),
      duplicateOf: copyOf.get(a.id) ?? null,
      story: options.storyOf?.get(a.id) ?? null,
    });
  }
  return units;
}
