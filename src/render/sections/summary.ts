/**
 * The summary section of the HTML report: the cited summary, each sentence followed by a chip per supporting
 * article that links to the source sentence and shows it on hover, and its audit (which spans, and how).
 */
import type { Briefing, BriefingArticle, Span, SummarySentence } from '../../model.js';
import { citeChip } from '../cite.js';
import { escapeHtml } from '../escape.js';

/** A short label for an article: its outlet, else its number in the briefing. */
function articleLabel(briefing: Briefing, article: BriefingArticle): string {
  return article.meta.outlet.value ?? `article ${briefing.articles.indexOf(article) + 1}`;
}

function chip(briefing: Briefing, span: Span, how: string): string {
  const article = briefing.articles.find((a) => a.id === span.article);
  if (!article) return '';
  return citeChip(briefing, span, articleLabel(briefing, article), { note: how });
}

function auditList(briefing: Briefing, s: SummarySentence): string {
  const rows = s.audit.map((a) => {
    const article = briefing.articles.find((x) => x.id === a.span.article);
    const label = article ? articleLabel(briefing, article) : a.span.article;
    const text = article ? article.text.slice(a.span.start, a.span.end) : '';
    return `<li><span class="method">${escapeHtml(a.how)}${a.how === 'supported-by:similarity' ? ` ${a.similarity.toFixed(2)}` : ''}</span> ${escapeHtml(label)} [${a.span.start}–${a.span.end}]: <q>${escapeHtml(text)}</q></li>`;
  });
  return `<details class="audit"><summary>audit</summary><ul>${rows.join('')}</ul></details>`;
}

/**
 * The summary section, or null when the briefing has no summary sentences.
 *
 * @example
 * ```ts
 * const html = renderSummarySection(briefing); // '<ol class="summary">…</ol>' or null
 * ```
 */
export function renderSummarySection(briefing: Briefing): string | null {
  const summary = briefing.summary;
  if (!summary || summary.sentences.length === 0) return null;
  const items = summary.sentences.map((s) => {
    const chips = s.citations.map((c, k) => chip(briefing, c.span, s.audit[k]?.how ?? 'cited')).join(' ');
    const badge = s.attributed ? ' <span class="badge" title="a claim someone made, reported as theirs">attributed</span>' : '';
    return `<li><span class="summary-text">${escapeHtml(s.text)}</span>${badge} <span class="cites">${chips}</span>${auditList(briefing, s)}</li>`;
  });
  const cited = new Set(summary.sentences.flatMap((s) => s.citations.map((c) => c.article))).size;
  return `<ol class="summary">${items.join('\n')}</ol><p class="method">Sentences taken from the articles (${escapeHtml(summary.method)}); citing ${cited} of ${briefing.articles.length} articles.</p>`;
}
