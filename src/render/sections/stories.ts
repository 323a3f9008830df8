/** The section listing the stories the articles form, their background links, and duplicate groups. */
import type { Briefing, BriefingArticle } from '../../model.js';
import { articleAnchor } from '../anchors.js';
import { escapeAttr, escapeHtml } from '../escape.js';

function articleLink(article: BriefingArticle | undefined, id: string): string {
  const label = article ? (article.meta.title.value ?? article.meta.outlet.value ?? article.source.path) : id;
  const outlet = article?.meta.outlet.value ? ` <span class="outlet">(${escapeHtml(article.meta.outlet.value)})</span>` : '';
  return `<a href="#${escapeAttr(articleAnchor(id))}">${escapeHtml(label)}</a>${outlet}`;
}

/**
 * Stories (articles, dates, key actors and terms, background links with their reasons) and duplicate groups
 * (kind and reason), or null when the briefing has no stories.
 *
 * @example
 * ```ts
 * renderStoriesSection(briefing); // '<p>5 articles form 2 stories.</p><ol class="stories">…' or null
 * ```
 */
export function renderStoriesSection(briefing: Briefing): string | null {
  const stories = briefing.stories ?? [];
  if (stories.length === 0) return null;
  const byId = new Map(briefing.articles.map((a) => [a.id, a]));
  const titleOf = new Map(stories.map((s, i) => [s.id, s.title.value ?? `Story ${i + 1}`]));
  const items = stories.map((s, i) => {
    const title = escapeHtml(s.title.value ?? `Story ${i + 1}`);
    const dates = s.dateRange ? ` <span class="dates">${escapeHtml(s.dateRange.from === s.dateRange.to ? s.dateRange.from : `${s.dateRange.from} – ${s.dateRange.to}`)}</span>` : ' <span class="dates">dates unknown</span>';
    const articles = s.articles.map((id) => `<li>${articleLink(byId.get(id), id)}</li>`).join('');
    const actors = s.keyActors.length ? `<p>Actors: ${escapeHtml(s.keyActors.join(', '))}</p>` : '';
    const terms = s.keyTerms.length ? `<p>Terms: ${escapeHtml(s.keyTerms.join(', '))}</p>` : '';
    const background = s.background.length
      ? `<p>Background:</p><ul>${s.background
          .map((b) => `<li><a href="#${escapeAttr(b.story)}">${escapeHtml(titleOf.get(b.story) ?? b.story)}</a>: ${escapeHtml(b.reason)}</li>`)
          .join('')}</ul>`
      : '';
    return `<li id="${escapeAttr(s.id)}"><h3>${title}${dates}</h3><ul>${articles}</ul>${actors}${terms}${background}</li>`;
  });
  const groups = briefing.duplicates ?? [];
  const duplicates = groups.length
    ? `<h3>Duplicates and syndication</h3><p>Each group carries one text; what it says is counted once.</p><ul class="duplicates">${groups
        .map((g) => `<li><strong>${escapeHtml(g.kind)}</strong>: ${escapeHtml(g.reason)} — ${g.articles.map((id) => articleLink(byId.get(id), id)).join(', ')}</li>`)
        .join('')}</ul>`
    : '';
  const n = briefing.articles.length;
  return `<p>${n} article${n === 1 ? '' : 's'} form${n === 1 ? 's' : ''} ${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}.</p><ol class="stories">${items.join('')}</ol>${duplicates}`;
}
