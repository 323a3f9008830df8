/**
 * The "who said what" section of the HTML report: quotes grouped by speaker across outlets, the same words from
 * several outlets on one row with a citation per outlet, each citation linking to its sentence.
 */
import type { Briefing, QuoteCitation, QuoteRow } from '../../model.js';
import { sentenceHref } from '../anchors.js';
import { escapeAttr, escapeHtml } from '../escape.js';

function citation(briefing: Briefing, c: QuoteCitation): string {
  const article = briefing.articles.find((a) => a.id === c.article);
  const outlet = c.outlet ?? article?.meta.title.value ?? 'unknown outlet';
  const href = sentenceHref(briefing, c.content);
  const label = escapeHtml(outlet);
  const cited = href ? `<a href="${escapeAttr(href)}">${label}</a>` : label;
  const channel = c.channel ? ` <span class="channel">via ${escapeHtml(c.channel)}</span>` : '';
  const cue = c.cue ? ` <span class="cue" title="the reporting words">${escapeHtml(c.cue)}</span>` : '';
  return `<li>${cited}${cue} <span class="kind kind-${c.kind}" title="how the words are reported">${c.kind}</span>${channel}</li>`;
}

function row(briefing: Briefing, r: QuoteRow): string {
  const outlets = r.citations.length > 1 ? ` <span class="carried">carried by ${r.citations.length} articles</span>` : '';
  return `<li><blockquote>${escapeHtml(r.text)}</blockquote>${outlets}<ul class="citations">${r.citations.map((c) => citation(briefing, c)).join('')}</ul></li>`;
}

/**
 * Who said what (the view's speaker groups), or null when no article has a quote.
 *
 * @example
 * ```ts
 * renderQuotesSection(briefing); // '<div class="speaker"><h3>Ada Lovelace …' or null
 * ```
 */
export function renderQuotesSection(briefing: Briefing): string | null {
  const groups = briefing.view?.speakers ?? [];
  if (groups.length === 0) return null;
  return groups
    .map((g) => {
      const heading = g.name === null ? '<span class="unknown">Speaker not found</span>' : escapeHtml(g.name);
      const how = g.actor ? '' : g.name === null ? '' : ' <span class="method" title="no actor linked: the words the article uses">as named in the text</span>';
      return `<div class="speaker"><h3>${heading}${how}</h3><ol class="quotes">${g.rows.map((r) => row(briefing, r)).join('')}</ol></div>`;
    })
    .join('\n');
}
