/** The articles section of the HTML report: metadata, removed page chrome, and the clean text by sentence. */
import type { Briefing, BriefingArticle, DateValue, Field, Span } from '../../model.js';
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
  // What the stages say about this article, e.g. which ran on it when it is not in English
  if (article.notes.length > 0) rows.push(['Notes', article.notes.map((n) => `<span class="note">${escapeHtml(n)}</span>`).join('<br>')]);
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

/** The kinds of span the articles section marks, in legend order, with the legend's words. */
export const HIGHLIGHT_KINDS = [
  { kind: 'said', label: 'quoted or reported words' },
  { kind: 'cue', label: 'reporting verb' },
  { kind: 'source', label: 'who is quoted' },
  { kind: 'actor', label: 'actor mention' },
  { kind: 'time', label: 'time expression' },
] as const;

export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number]['kind'];

const KIND_ORDER: readonly HighlightKind[] = HIGHLIGHT_KINDS.map((k) => k.kind);

/** One span of an article that another part of the briefing points at. */
export interface Highlight {
  start: number;
  end: number;
  kind: HighlightKind;
  /** what the span is, for the mark's tooltip ("actor: Port Authority", "time: 2024-10-14") */
  note: string;
}

/**
 * The spans of each article that the briefing points at: quotes' content, cue and source, actor mentions, and
 * time expressions, keyed by article id. Spans outside their article's text are dropped, never clamped into it.
 *
 * @example
 * ```ts
 * highlightsByArticle(briefing).get(article.id); // [{ start: 12, end: 20, kind: 'actor', note: 'actor: …' }, …]
 * ```
 */
export function highlightsByArticle(briefing: Briefing): Map<string, Highlight[]> {
  const byArticle = new Map<string, Highlight[]>();
  const lengths = new Map(briefing.articles.map((a) => [a.id, a.text.length]));
  const add = (span: Span | null | undefined, kind: HighlightKind, note: string): void => {
    if (!span) return;
    const length = lengths.get(span.article);
    if (length === undefined || span.start < 0 || span.end > length || span.end <= span.start) return;
    const list = byArticle.get(span.article) ?? [];
    list.push({ start: span.start, end: span.end, kind, note });
    byArticle.set(span.article, list);
  };
  const actorNames = new Map((briefing.actors ?? []).map((a) => [a.id, a.name]));
  for (const actor of briefing.actors ?? []) {
    for (const alias of actor.aliases) add(alias.span, 'actor', `actor: ${actor.name}`);
  }
  for (const article of briefing.articles) {
    for (const quote of article.quotes ?? []) {
      const speaker = quote.speaker === null ? 'speaker unknown' : (actorNames.get(quote.speaker) ?? quote.speaker);
      for (const span of quote.content) add(span, 'said', `${quote.kind} quote · ${speaker}`);
      add(quote.cue, 'cue', 'reporting verb');
      add(quote.source, 'source', `source · ${speaker}`);
    }
    for (const time of article.times ?? []) add(time.span, 'time', `time: ${time.value ?? 'unresolved'}`);
  }
  return byArticle;
}

/**
 * The clean text as runs of equal highlighting: every boundary of a highlight or of a sentence run is a cut, so
 * marks never cross a sentence's `<span>` and the sentence anchors stay whole. One sweep per article.
 */
function markedRun(text: string, start: number, end: number, cuts: number[], active: (at: number) => Highlight[]): string {
  let html = '';
  let at = start;
  // cuts is sorted; find the first cut after `start` by binary search
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  // Neighbouring pieces that would look and read the same (same kinds, same notes) become one mark.
  let openTag = '';
  let pending = '';
  const flush = (): void => {
    html += openTag ? `${openTag}${pending}</mark>` : pending;
    pending = '';
  };
  for (let c = lo; at < end; c++) {
    const next = c < cuts.length && cuts[c] < end ? cuts[c] : end;
    const marks = active(at);
    let tag = '';
    if (marks.length) {
      const kinds = [...new Set(marks.map((m) => m.kind))].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
      const note = [...new Set(marks.map((m) => m.note))].join('; ');
      tag = `<mark class="hl ${kinds.map((k) => `hl-${k}`).join(' ')}" title="${escapeAttr(note)}">`;
    }
    if (tag !== openTag) {
      flush();
      openTag = tag;
    }
    pending += escapeHtml(text.slice(at, next));
    at = next;
  }
  flush();
  return html;
}

/** The clean text, a `<p>` per paragraph, a `<span id="a-<id>-s<i>">` per sentence, and marks inside them. */
function articleText(article: BriefingArticle, highlights: Highlight[]): string {
  if (article.text.length === 0) return '<p class="unknown">This article has no body text.</p>';
  // Cuts at every highlight boundary; the highlights active between two cuts are found by a sweep, cached per cut.
  const cutSet = new Set<number>();
  for (const h of highlights) {
    cutSet.add(h.start);
    cutSet.add(h.end);
  }
  const cuts = [...cutSet].sort((a, b) => a - b);
  const starts = [...highlights].sort((a, b) => a.start - b.start);
  const activeAt = new Map<number, Highlight[]>();
  {
    let open: Highlight[] = [];
    let si = 0;
    for (const cut of cuts) {
      open = open.filter((h) => h.end > cut);
      while (si < starts.length && starts[si].start <= cut) {
        if (starts[si].end > cut) open.push(starts[si]);
        si++;
      }
      activeAt.set(cut, open);
    }
  }
  const active = (at: number): Highlight[] => {
    // the active set at `at` is the one at the last cut at or before it
    let lo = 0;
    let hi = cuts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid] <= at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? [] : (activeAt.get(cuts[found]) ?? []);
  };
  const seen = new Set<number>();
  const lang = article.meta.language.value;
  const paragraphs = paragraphRuns(article).map(({ runs }) => {
    const inner = runs
      .map(({ start, end, sentence }) => {
        const text = markedRun(article.text, start, end, cuts, active);
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

/** The legend of the marks, with a switch per kind (CSS only: `:has()` on the checkbox) and the counts. */
function legend(highlights: Map<string, Highlight[]>): string {
  const counts = new Map<HighlightKind, number>();
  for (const list of highlights.values()) for (const h of list) counts.set(h.kind, (counts.get(h.kind) ?? 0) + 1);
  const items = HIGHLIGHT_KINDS.filter(({ kind }) => counts.has(kind)).map(
    ({ kind, label }) =>
      `<li><label><input type="checkbox" id="hl-show-${kind}" checked> <mark class="hl hl-${kind}">${label}</mark> ` +
      `<span class="count">${counts.get(kind)}</span></label></li>`,
  );
  if (!items.length) return '';
  return `<div class="legend" role="group" aria-label="Marked in the text"><p>Marked in the text (untick to hide):</p><ul>${items.join('')}</ul></div>`;
}

function renderArticle(article: BriefingArticle, index: number, highlights: Highlight[]): string {
  const id = articleAnchor(article.id);
  const title = article.meta.title.value;
  const heading =
    `<span class="ref-no">[${index + 1}]</span> ` +
    (title === null ? `Article ${index + 1} <span class="unknown">(no title found)</span>` : escapeHtml(title));
  const notes = article.notes.length
    ? `<ul class="notes">${article.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`
    : '';
  return (
    `<article id="${id}" aria-labelledby="${id}-title">` +
    `<header><h3 id="${id}-title">${heading}</h3>${metadataList(article)}${notes}</header>` +
    `${removedDetails(article)}\n${articleText(article, highlights)}</article>`
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
  const highlights = highlightsByArticle(briefing);
  const articles = briefing.articles.map((a, i) => renderArticle(a, i, highlights.get(a.id) ?? []));
  return `<ol class="article-list">${list}</ol>\n${legend(highlights)}\n${articles.join('\n')}`;
}
