/**
 * Words the HTML and Markdown coverage sections share: lean names, count lines, the blindspot sentence and an
 * outlet's rating with its source. Plain text; each renderer escapes it.
 */
import type { Blindspot, Briefing, CoverageBars, CoverageCount, LeanRating, OutletProfile, StoryCoverage } from '../model.js';
import { plural } from './describe.js';

/** Headlines shown per lean column in a report; a large story's others are counted (the JSON keeps them all). */
export const CELLS_PER_COLUMN = 12;

/** A lean or side key as a reader sees it ("lean left", "unknown lean"). */
export function leanName(key: string): string {
  return key === 'unknown' ? 'unknown lean' : key;
}

/**
 * Counts as one line: "left 2 (2 outlets) · center 1 · unknown 1".
 *
 * @example
 * ```ts
 * countsLine([{ key: 'left', outlets: 2, articles: 3 }], leanName); // 'left 3 (2 outlets)'
 * ```
 */
export function countsLine(counts: CoverageCount[], name: (key: string) => string = (k) => k): string {
  if (counts.length === 0) return 'none';
  return counts.map((c) => `${name(c.key)} ${c.articles}${c.outlets !== c.articles ? ` (${plural(c.outlets, 'outlet')})` : ''}`).join(' · ');
}

/** "3 news articles from 3 outlets". */
export function barsSummary(bars: CoverageBars, kind: 'news article' | 'opinion piece'): string {
  return `${plural(bars.articles, kind)} from ${plural(bars.outlets, 'outlet')}`;
}

/**
 * The blindspot as a sentence.
 *
 * @example
 * ```ts
 * blindspotSentence(b); // 'Blindspot for the right: 92% of 12 rated news articles come from the left (rule: …).'
 * ```
 */
export function blindspotSentence(b: Blindspot): string {
  return `Blindspot for the ${b.missing}: ${Math.round(b.share * 100)}% of ${b.articles} rated news articles come from the ${b.side} (rule: ${b.rule}).`;
}

/** "left, AllSides … 2021-10-18 (was lean left, AllSides Media Bias Ratings 2019-10-18)", or "unknown lean". */
export function ratingText(p: OutletProfile): string {
  if (!p.lean) return p.section === 'opinion' && p.parent ? `unknown lean (no rating of ${p.parent}'s opinion section or of the whole outlet)` : 'unknown lean';
  const one = (r: LeanRating): string => `${r.value}, ${r.source}${r.date ? ` ${r.date}` : ''}${r.ratedAs ? ` (as "${r.ratedAs}")` : ''}`;
  const earlier = (p.ratings ?? []).filter((r) => r !== p.lean && !(r.value === p.lean?.value && r.date === p.lean?.date && r.source === p.lean?.source));
  let text = earlier.length ? `${one(p.lean)}; other ratings: ${earlier.map(one).join('; ')}` : one(p.lean);
  if (p.method.endsWith('+opinion-unrated')) text += `, the whole outlet's rating (${p.parent ? `${p.parent}'s` : 'its'} opinion section has no rating of its own)`;
  // The scale is American: for an outlet of another country, its country and ownership say more.
  return p.country && p.country !== 'USA' ? `${text} (a US scale; this outlet is ${[p.country, p.ownership].filter(Boolean).join(', ')})` : text;
}

/**
 * The coverage rows both reports show, as the view names them (src/view): the briefing's story's coverage, the
 * profiles of its outlets, and across stories the stories of two or more outlets; null without coverage.
 */
export function coverageRows(briefing: Briefing): { cov: StoryCoverage; profiles: OutletProfile[]; multiOutlet: StoryCoverage[] } | null {
  const view = briefing.view?.coverage;
  const coverage = briefing.coverage ?? [];
  const cov = view ? coverage.find((c) => c.story === view.story) : undefined;
  if (!view || !cov) return null;
  const profiles = new Map((briefing.outletProfiles ?? []).map((p) => [p.key, p]));
  const byStory = new Map(coverage.map((c) => [c.story, c]));
  return {
    cov,
    profiles: view.outlets.flatMap((k) => profiles.get(k) ?? []),
    multiOutlet: view.multiOutlet.flatMap((id) => byStory.get(id) ?? []),
  };
}
