/**
 * The sections of the HTML report, in the order they appear. A section is a renderer `(briefing) => html | null`
 * plus its anchor id and heading; `null` means "nothing to show" and leaves the section (and its entry in the
 * table of contents) out. Later stages add their section here, in reading order, and nowhere else:
 * the document shell, navigation and styles need no change.
 */
import type { Briefing } from '../model.js';
import { renderActorsSection } from './sections/actors.js';
import { renderArticlesSection } from './sections/articles.js';
import { renderStoriesSection } from './sections/stories.js';
import { renderErrorsSection } from './sections/errors.js';
import { renderQuotesSection } from './sections/quotes.js';
import { renderSummarySection } from './sections/summary.js';
import { renderTimelineSection } from './sections/timeline.js';
import { renderStancesSection } from './sections/stances.js';
import { renderEventsSection } from './sections/events.js';
import { renderComparisonSection } from './sections/comparison.js';
import { renderFramingSection } from './sections/framing.js';
import { renderVoicesSection } from './sections/voices.js';
import { renderAcrossStoriesSection, renderCoverageSection } from './sections/coverage.js';

/** One section of the HTML report. */
export interface HtmlSection {
  /** the section's element id and fragment (`#actors`); lower-case letters, digits and hyphens */
  id: string;
  /** heading text, also the table-of-contents label */
  title: string;
  /**
   * The section body as HTML, without the `<section>` wrapper or its `<h2>`: headings inside start at `<h3>`.
   * Everything taken from an article must go through `escapeHtml`/`escapeAttr`. Link to article sentences with
   * `sentenceHref` from `./anchors.js`.
   */
  render: (briefing: Briefing) => string | null;
  /**
   * An optional trusted inline script (a constant from this code base, never built from article data). Its
   * SHA-256 goes into the page's Content-Security-Policy, so no other script can run.
   */
  script?: string;
}

/**
 * The report's sections, in order. Planned, by the issues that bring them: summary, actors, quotes, timeline,
 * stances, comparison — each inserted before `articles`, in that order.
 *
 * @example
 * ```ts
 * const present = HTML_SECTIONS.filter((s) => s.render(briefing) !== null).map((s) => s.id);
 * ```
 */
export const HTML_SECTIONS: readonly HtmlSection[] = [
  { id: 'summary', title: 'Summary', render: renderSummarySection },
  { id: 'actors', title: 'Actors', render: renderActorsSection },
  { id: 'quotes', title: 'Who said what', render: renderQuotesSection },
  { id: 'timeline', title: 'Timeline', render: renderTimelineSection },
  { id: 'stances', title: 'Who stands where', render: renderStancesSection },
  { id: 'events', title: 'Who did what', render: renderEventsSection },
  { id: 'stories', title: 'Stories', render: renderStoriesSection },
  { id: 'coverage', title: 'Coverage', render: renderCoverageSection },
  { id: 'across-stories', title: 'Across stories', render: renderAcrossStoriesSection },
  { id: 'comparison', title: 'Across outlets', render: renderComparisonSection },
  { id: 'framing', title: 'Framing', render: renderFramingSection },
  { id: 'voices', title: 'Voices', render: renderVoicesSection },
  { id: 'articles', title: 'Articles', render: renderArticlesSection },
  { id: 'errors', title: 'Inputs that failed', render: renderErrorsSection },
];
