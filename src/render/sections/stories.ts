/** The section listing the stories the articles form, their background links, and duplicate groups. */
import type { Briefing, BriefingArticle, Story } from '../../model.js';
import { articleAnchor } from '../anchors.js';
import { escapeAttr, escapeHtml } from '../escape.js';

/**
 * Background links shown per story, strongest first. On a thousand articles every story links to hundreds of
 * others (PolNeAR train: 237,000 links, 27 MB of reasons); a reader follows the closest few, and the JSON
 * briefing keeps them all.
 */
export const BACKGROUND_LINKS_SHOWN = 5;

/** Up to this many stories, every story is shown in full: a small report reads best without a collapsed list. */
export const STORIES_ALL_FULL_UP_TO = 20;

function articleLink(article: BriefingArticle | undefined, id: string): string {
  const label = article ? (article.meta.title.value ?? article.meta.outlet.value ?? 'untitled article') : id;
  const outlet = article?.meta.outlet.value ? ` <span class="outlet">(${escapeHtml(article.meta.outlet.value)})</span>` : '';
  return `<a href="#${escapeAttr(articleAnchor(id))}">${escapeHtml(label)}</a>${outlet}`;
}

function datesOf(story: Story): string {
  if (!story.dateRange) return ' <span class="dates">dates unknown</span>';
  const { from, to } = story.dateRange;
  return ` <span class="dates">${escapeHtml(from === to ? from : `${from} – ${to}`)}</span>`;
}

function backgroundList(story: Story, titleOf: Map<string, string>): string {
  if (!story.background.length) return '';
  const strongest = [...story.background].sort((a, b) => b.similarity - a.similarity).slice(0, BACKGROUND_LINKS_SHOWN);
  const hidden = story.background.length - strongest.length;
  const items = strongest
    .map((b) => `<li><a href="#${escapeAttr(b.story)}">${escapeHtml(titleOf.get(b.story) ?? b.story)}</a>: ${escapeHtml(b.reason)}</li>`)
    .join('');
  const more = hidden > 0 ? `<li class="more">and ${hidden} more related stor${hidden === 1 ? 'y' : 'ies'}, less similar</li>` : '';
  return `<p>Background:</p><ul>${items}${more}</ul>`;
}

/**
 * Stories (articles, dates, key actors and terms, background links with their reasons) and duplicate groups
 * (kind and reason), or null when the briefing has no stories. The focus story (`briefing.story.id`) and every
 * story of two or more articles (every story, up to {@link STORIES_ALL_FULL_UP_TO}) are shown in full, with their {@link BACKGROUND_LINKS_SHOWN} strongest
 * background links; single-article stories are one line each (title, outlet, date) in a collapsed list, so a
 * thousand-article report stays readable. Every story keeps its element id, so background links still land.
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
  const focusId = briefing.story.id;
  const full: string[] = [];
  const compact: string[] = [];
  stories.forEach((s, i) => {
    const title = escapeHtml(s.title.value ?? `Story ${i + 1}`);
    if (stories.length > STORIES_ALL_FULL_UP_TO && s.id !== focusId && s.articles.length < 2) {
      const article = byId.get(s.articles[0] ?? '');
      const outlet = article?.meta.outlet.value ? ` <span class="outlet">(${escapeHtml(article.meta.outlet.value)})</span>` : '';
      const heading = s.articles[0] ? `<a href="#${escapeAttr(articleAnchor(s.articles[0]))}">${title}</a>` : title;
      compact.push(`<li id="${escapeAttr(s.id)}">${heading}${outlet}${datesOf(s)}</li>`);
      return;
    }
    const articles = s.articles.map((id) => `<li>${articleLink(byId.get(id), id)}</li>`).join('');
    const actors = s.keyActors.length ? `<p>Actors: ${escapeHtml(s.keyActors.join(', '))}</p>` : '';
    const terms = s.keyTerms.length ? `<p>Terms: ${escapeHtml(s.keyTerms.join(', '))}</p>` : '';
    full.push(`<li id="${escapeAttr(s.id)}"><h3>${title}${datesOf(s)}</h3><ul>${articles}</ul>${actors}${terms}${backgroundList(s, titleOf)}</li>`);
  });
  const singles = compact.length
    ? `<details class="more-stories"><summary>${compact.length} ${full.length ? 'more ' : ''}stor${compact.length === 1 ? 'y' : 'ies'} of one article each</summary><ul class="stories-compact">${compact.join('')}</ul></details>`
    : '';
  const groups = briefing.duplicates ?? [];
  const duplicates = groups.length
    ? `<h3>Duplicates and syndication</h3><p>Each group carries one text; what it says is counted once.</p><ul class="duplicates">${groups
        .map((g) => `<li><strong>${escapeHtml(g.kind)}</strong>: ${escapeHtml(g.reason)} — ${g.articles.map((id) => articleLink(byId.get(id), id)).join(', ')}</li>`)
        .join('')}</ul>`
    : '';
  const n = briefing.articles.length;
  const list = full.length ? `<ol class="stories">${full.join('')}</ol>` : '';
  return `<p>${n} article${n === 1 ? '' : 's'} form${n === 1 ? 's' : ''} ${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}.</p>${list}${singles}${duplicates}`;
}
