/**
 * The timeline section of the HTML report: dated statements and events sorted by date, each with its source
 * sentence and a mark saying which parts of the date the text stated and which were implied from the article's
 * publication date.
 */
import type { Briefing, TimelineEntry } from '../../model.js';
import { sentenceHref } from '../anchors.js';
import { escapeAttr, escapeHtml } from '../escape.js';

/** "stated" when every part of the value was in the words, else which parts were implied. */
function dateMark(e: TimelineEntry): string {
  if (e.implied.length === 0) return '<span class="badge badge-stated" title="every part of this date is in the text">stated</span>';
  const note = `stated: ${e.known.join(', ') || 'nothing'}; implied from the publication date: ${e.implied.join(', ')}`;
  return `<span class="badge badge-inferred" title="${escapeAttr(note)}">implied ${escapeHtml(e.implied.join(', '))}</span>`;
}

function entry(briefing: Briefing, e: TimelineEntry): string {
  const article = briefing.articles.find((a) => a.id === e.evidence.article);
  if (!article) return '';
  const sentence = article.text.slice(e.evidence.start, e.evidence.end).replace(/\s+/g, ' ').trim();
  const outlet = article.meta.outlet.value ?? article.meta.title.value ?? 'unknown outlet';
  const href = sentenceHref(briefing, e.evidence);
  const source = href ? `<a href="${escapeAttr(href)}">${escapeHtml(outlet)}</a>` : escapeHtml(outlet);
  const speaker = e.speaker ? briefing.actors.find((a) => a.id === e.speaker)?.name ?? null : null;
  const kind = e.kind === 'statement' ? `statement${speaker ? ` by ${escapeHtml(speaker)}` : ''}` : 'event';
  const mod = e.mod ? ` <span class="method" title="TimeML mod">${escapeHtml(e.mod.toLowerCase())}</span>` : '';
  return (
    `<li><time datetime="${escapeAttr(e.value)}">${escapeHtml(e.value)}</time>${mod} ${dateMark(e)} ` +
    `<span class="kind">${kind}</span> <q>${escapeHtml(e.timeText)}</q>` +
    `<blockquote>${escapeHtml(sentence)}</blockquote><span class="outlet">${source}</span></li>`
  );
}

/**
 * The timeline, or null when nothing in the articles is dated.
 *
 * @example
 * ```ts
 * renderTimelineSection(briefing); // '<ol class="timeline"><li><time datetime="2017-01-23">…' or null
 * ```
 */
export function renderTimelineSection(briefing: Briefing): string | null {
  const entries = briefing.timeline ?? [];
  if (entries.length === 0) return null;
  return `<ol class="timeline">${entries.map((e) => entry(briefing, e)).join('')}</ol>`;
}
