/**
 * How the big sections of the HTML report scale to a thousand articles. A citation chip (`../cite.ts`) carries
 * its whole sentence as a CSS tooltip, so ten thousand chips repeat the articles' text many times over (142 MB
 * of page on PolNeAR train). Past {@link LARGE_REPORT_ARTICLES} articles, the sections that cite most use a
 * plain chip: the same link to the same sentence, labelled with the article's number, without the tooltip.
 */
import type { Briefing, Span } from '../../model.js';
import { articleAnchor, sentenceAnchor } from '../anchors.js';
import { articleNumber, citeChip, type CiteOptions } from '../cite.js';
import { sentenceIndexOf } from '../describe.js';
import { escapeAttr, escapeHtml } from '../escape.js';

/** More articles than this make a large report: a reader clicks a chip rather than hovering thousands. */
export const LARGE_REPORT_ARTICLES = 100;

/**
 * True when the briefing has more than {@link LARGE_REPORT_ARTICLES} articles.
 *
 * @example
 * ```ts
 * isLargeReport(briefing); // false for the 7-article example story
 * ```
 */
export function isLargeReport(briefing: Briefing): boolean {
  return briefing.articles.length > LARGE_REPORT_ARTICLES;
}

/**
 * A citation chip sized to the report: the full chip with its sentence tooltip ({@link citeChip}) in a small
 * report; in a large one, a plain link (`a.cite`, same `href`, label `[n]` or the given words) to the sentence.
 *
 * @example
 * ```ts
 * scaledChip(briefing, alias.span, alias.text, { note: 'name' }); // '<a class="cite" href="#a-…-s3" …>Smith</a>'
 * ```
 */
export function scaledChip(briefing: Briefing, span: Span, label?: string, options: CiteOptions = {}): string {
  if (!isLargeReport(briefing)) return citeChip(briefing, span, label, options);
  const number = articleNumber(briefing, span.article);
  const article = number === null ? undefined : briefing.articles[number - 1];
  // an unknown article gets citeChip's visible "source missing" chip, never a dead link
  if (number === null || !article) return citeChip(briefing, span, label, options);
  const i = sentenceIndexOf(article, span);
  const href = i >= 0 ? sentenceAnchor(article.id, i) : articleAnchor(article.id);
  const shown = label === undefined ? `[${number}]` : label;
  return `<a class="cite${label === undefined ? ' cite-n' : ''}" href="#${escapeAttr(href)}" data-ref="${number}"><span class="cite-label">${escapeHtml(shown)}</span></a>`;
}
