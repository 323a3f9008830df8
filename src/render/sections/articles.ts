/** The articles section of the HTML report: metadata, removed page chrome, and the clean text by sentence. */
import type { Briefing, BriefingArticle, DateValue, Field } from '../../model.js';
import { articleAnchor, sentenceAnchor } from '../anchors.js';
import { dateProvenance, paragraphRuns, plural, removedSummary, showDate, showSource } from '../describe.js';
import { escapeAttr, escapeHtml, linkOrText } from '../escape.js';

const PROVENANCE_NOTE = {
  stated: 'stated in the source’s metadata',
  inferred: 'inferred from the text',
  assumed: 'assumed (given on the command line)',
  unknown: 'not found',
} as const;

/** How a field was found, as a small note beside the value (`meta:og:site_name`). */
function methodNote(field: Field<unknown>): string {
  return ` <span class="method" title="how this was found">${escapeHtml(field.method)}</span>`;
}

/** A string field's value, or a visible "unknown" (unknown stays unknown, it is never left blank). */
function stringValue(field: Field<string>): string {
  return field.value === null ? '<span class="unknown">unknown</span>' : escapeHtml(field.value);
}

function publishedValue(field: Field<DateValue>): string {
  const provenance = dateProvenance(field);
  const badge = `<span class="badge badge-${provenance}" title="${escapeAttr(PROVENANCE_NOTE[provenance])}">${provenance}</span>`;
  if (field.value === null) return `${badge}${methodNote(field)}`;
  const shown = showDate(field.value);
  return `<time datetime="${escapeAttr(field.value.value)}">${escapeHtml(shown)}</time> ${badge}${methodNote(field)}`;
}

function metadataList(article: BriefingArticle): string {
  const { meta, source } = article;
  const rows: [string, string][] = [
    ['Outlet', stringValue(meta.outlet) + (meta.outlet.value !== null ? methodNote(meta.outlet) : '')],
    ['Published', publishedValue(meta.published)],
  ];
  if (meta.modified.value !== null) rows.push(['Modified', escapeHtml(showDate(meta.modified.value)) + methodNote(meta.modified)]);
  rows.push(['Byline', stringValue(meta.byline)]);
  if (meta.dateline.value !== null) rows.push(['Dateline', escapeHtml(meta.dateline.value)]);
  rows.push(['Language', meta.language.value === null ? '<span class="unknown">unknown</span>' : `<code>${escapeHtml(meta.language.value)}</code>` + methodNote(meta.language)]);
  if (meta.url.value !== null) rows.push(['URL', linkOrText(meta.url.value)]);
  rows.push(['Source', `<code>${escapeHtml(showSource(source))}</code>${source.encoding ? ` <span class="method">${escapeHtml(source.encoding)}</span>` : ''}`]);
  return `<dl class="meta">${rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`;
}

function removedDetails(article: BriefingArticle): string {
  const summary = removedSummary(article.removed);
  if (summary.pieces === 0) return '<p class="removed-none">No page chrome was removed.</p>';
  const reasons = summary.byReason.map(([reason, n]) => `${escapeHtml(reason)} ${n}`).join(', ');
  const items = article.removed
    .map((r) => `<li><span class="reason">${escapeHtml(r.reason)}</span> <q>${escapeHtml(r.text)}</q></li>`)
    .join('');
  return (
    `<details class="removed"><summary>Removed ${plural(summary.pieces, 'piece')} of page chrome ` +
    `(${plural(summary.characters, 'character')}: ${reasons})</summary><ol>${items}</ol></details>`
  );
}

/** The clean text, a `<p>` per paragraph and a `<span id="a-<id>-s<i>">` per sentence. */
function articleText(article: BriefingArticle): string {
  if (article.text.length === 0) return '<p class="unknown">This article has no body text.</p>';
  const seen = new Set<number>();
  const lang = article.meta.language.value;
  const paragraphs = paragraphRuns(article).map(({ runs }) => {
    const inner = runs
      .map(({ start, end, sentence }) => {
        const text = escapeHtml(article.text.slice(start, end));
        if (sentence === null) return text;
        // A sentence that runs over a paragraph break is cut in two; only its first part carries the id.
        const id = seen.has(sentence) ? '' : ` id="${sentenceAnchor(article.id, sentence)}"`;
        seen.add(sentence);
        return `<span class="s"${id}>${text}</span>`;
      })
      .join('');
    return `<p>${inner}</p>`;
  });
  return `<div class="text"${lang ? ` lang="${escapeAttr(lang)}"` : ''}>${paragraphs.join('\n')}</div>`;
}

function renderArticle(article: BriefingArticle, index: number): string {
  const id = articleAnchor(article.id);
  const title = article.meta.title.value;
  const heading = title === null ? `Article ${index + 1} <span class="unknown">(no title found)</span>` : escapeHtml(title);
  const notes = article.notes.length
    ? `<ul class="notes">${article.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`
    : '';
  return (
    `<article id="${id}" aria-labelledby="${id}-title">` +
    `<header><h3 id="${id}-title">${heading}</h3>${metadataList(article)}${notes}</header>` +
    `${removedDetails(article)}\n${articleText(article)}</article>`
  );
}

/**
 * The articles section: a short list of links to each article, then each article in full.
 *
 * @example
 * ```ts
 * const html = renderArticlesSection(briefing); // '<ol class="article-list">…'
 * ```
 */
export function renderArticlesSection(briefing: Briefing): string | null {
  if (briefing.articles.length === 0) return null;
  const list = briefing.articles
    .map((a, i) => {
      const title = a.meta.title.value ?? `Article ${i + 1} (no title found)`;
      const outlet = a.meta.outlet.value ?? 'unknown outlet';
      return `<li><a href="#${articleAnchor(a.id)}">${escapeHtml(title)}</a> <span class="outlet">${escapeHtml(outlet)}</span></li>`;
    })
    .join('');
  return `<ol class="article-list">${list}</ol>\n${briefing.articles.map(renderArticle).join('\n')}`;
}
