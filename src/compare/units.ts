/**
 * What comparing outlets needs to know of each article, computed once: its outlet profile, its quotes and
 * quoted ranges, its time expressions, whether it is a teaser, and whether it duplicates an earlier article
 * (wire copies and reposts count once).
 */
import type { Doc, OutletProfile, Quote, TimeRef } from '../model.js';
import { matchOutlet, outletRegistry, type OutletRegistry } from '../outlets/index.js';
import { findQuotes } from '../quotes/index.js';
import { findTimes } from '../time/extract.js';
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
}

/** Options for building units. */
export interface UnitOptions {
  /** the date to anchor an article's time expressions on, when its publication date is unknown */
  anchorFor?: (doc: Doc) => string | null;
  /** the outlet registry to label outlets from (`--outlets FILE`); the one in force (`outletRegistry()`) when absent */
  registry?: OutletRegistry;
}

function shingles(text: string): Set<string> {
  const words = wordsOf(text).map((w) => w.lower).filter((w) => /\p{L}/u.test(w));
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

/**
 * Whether a text reads as a teaser or is cut off: short, or ending in an ellipsis or a "read more" link.
 *
 * @example
 * ```ts
 * isTeaser('Talks open in the capital on Monday…'); // true
 * ```
 */
export function isTeaser(text: string): boolean {
  const lex = claimsLexicon().teaser;
  const words = wordsOf(text).length;
  const tail = text.trim().toLowerCase().slice(-40);
  return words < lex.maxWords || lex.endings.some((e) => tail.endsWith(e));
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
  const units: CompareUnit[] = [];
  const seen: { id: string; shingles: Set<string> }[] = [];
  for (const doc of docs) {
    const a = doc.article;
    const published = a.meta.published.value;
    // Only a day-precise publication date anchors "Monday"; a lower bound inferred from the text ("since
    // 2011") does not.
    const exact = published && /^\d{4}-\d{2}-\d{2}/.test(published.value) && (!published.from || published.from === published.to) && a.meta.published.method !== 'inferred';
    const anchor = exact ? published.value.slice(0, 10) : (options.anchorFor?.(doc) ?? null);
    const english = (a.meta.language.value ?? 'en') === 'en';
    const quotes = english ? findQuotes(doc) : [];
    const sh = shingles(a.text);
    let duplicateOf: string | null = null;
    for (const s of seen) {
      let common = 0;
      for (const x of sh) if (s.shingles.has(x)) common++;
      const jaccard = common / (sh.size + s.shingles.size - common || 1);
      if (jaccard >= 0.6) {
        duplicateOf = s.id;
        break;
      }
    }
    seen.push({ id: a.id, shingles: sh });
    units.push({
      doc,
      outlet: matchOutlet({ id: a.id, outlet: a.meta.outlet.value, url: a.meta.url.value }, registry),
      quotes,
      quoted: quotedRanges(doc, quotes),
      reported: reportedRanges(quotes),
      anchor,
      times: english ? findTimes(doc, anchor) : [],
      teaser: isTeaser(a.text),
      duplicateOf,
    });
  }
  return units;
}
