/**
 * The web app's server-rendered pages: small functions from data (src/web/data.ts) to HTML strings. Every
 * string from an article or the store goes through escapeHtml/escapeAttr (src/render/escape.ts); the story page
 * reuses the report's section renderers (src/render/sections.ts), so its citation chips and sentence anchors
 * are the report's. No inline script or style: the page's script and styles are files of this origin.
 */
import type { Briefing, BriefingArticle } from '../model.js';
import { articleAnchor, sentenceAnchor } from '../render/anchors.js';
import { escapeAttr, escapeHtml } from '../render/escape.js';
import { HTML_SECTIONS } from '../render/sections.js';
import type { ActorSummary, JobRecord, OutletSummary, Page, SearchHit } from '../store/types.js';
import type { ActorRecord, StoryRow } from './data.js';
import { EXPORT_KINDS } from './exports.js';
import { jobOrphaned } from '../store/jobs.js';

const e = (s: string | number | null | undefined): string => escapeHtml(String(s ?? ''));
const a = (s: string): string => escapeAttr(s);
const UNKNOWN_OUTLET = 'outlet unknown';

/** A link's query string from a state, dropping empty values: every page and filter state has a permalink. */
export function href(path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export const storyHref = (id: string): string => `/stories/${encodeURIComponent(id)}`;
export const actorHref = (id: string): string => `/actors/${encodeURIComponent(id)}`;
export const outletHref = (name: string): string => `/outlets/${encodeURIComponent(name)}`;
const sentenceHref = (story: string, article: string, sentence: number): string =>
  `${storyHref(story)}#${sentence >= 0 ? sentenceAnchor(article, sentence) : articleAnchor(article)}`;

const NAV = [
  ['/', 'Stories'],
  ['/search', 'Search'],
  ['/actors', 'Actors'],
  ['/outlets', 'Outlets'],
  ['/jobs', 'Jobs'],
] as const;

export interface LayoutOptions {
  active?: string;
  /** extra scripts of this origin (the chart and graph pages) */
  scripts?: string[];
  styles?: string[];
  /** seconds after which the page reloads itself (the jobs page while a job runs) */
  refresh?: number;
  q?: string;
}

export function layout(title: string, body: string, o: LayoutOptions = {}): string {
  const nav = NAV.map(([p, label]) => `<li><a href="${p}"${o.active === p ? ' aria-current="page"' : ''}>${label}</a></li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${o.refresh ? `<meta http-equiv="refresh" content="${o.refresh}">` : ''}
<title>${e(title)} — parallax</title>
<link rel="stylesheet" href="/static/report.css">
<link rel="stylesheet" href="/static/app.css" id="__________cytoscape_stylesheet">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
${(o.styles ?? []).map((s) => `<link rel="stylesheet" href="${a(s)}">`).join('\n')}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><nav aria-label="Site"><a class="brand" href="/">parallax</a><ul>${nav}</ul></nav>
<form class="quick" role="search" action="/search" method="get"><label class="vh" for="quick-q">Search articles</label>
<input id="quick-q" name="q" type="search" placeholder="Search articles" value="${a(o.q ?? '')}"><button type="submit">Search</button></form></header>
<div class="page">
<main id="main" tabindex="-1">
${body}
</main>
<footer><p>parallax: every fact points to its source sentence. Article text is shown as the sources gave it, escaped; nothing from an article runs.</p></footer>
</div>
<script src="/static/app.js" defer></script>
${(o.scripts ?? []).map((s) => `<script src="${a(s)}" defer></script>`).join('\n')}
</body>
</html>
`;
}

export function errorPage(status: number, message: string): string {
  return layout(`Error ${status}`, `<h1>${status === 404 ? 'Not found' : 'Cannot show this page'}</h1><p class="error" role="alert">${e(message)}</p><p><a href="/">Back to the stories</a></p>`);
}

function dates(from: string | null, to: string | null): string {
  if (!from && !to) return '<span class="unknown">undated</span>';
  if (from === to || !to) return `<time datetime="${a(from ?? '')}">${e(from)}</time>`;
  return `<time datetime="${a(from ?? '')}">${e(from)}</time> – <time datetime="${a(to)}">${e(to)}</time>`;
}

function outletLink(name: string | null): string {
  return name === null ? `<span class="unknown">${UNKNOWN_OUTLET}</span>` : `<a href="${a(outletHref(name))}">${e(name)}</a>`;
}

function coverage(row: StoryRow): string {
  const max = Math.max(1, ...row.coverage.map((c) => c.articles));
  return `<ul class="coverage" aria-label="Articles per outlet">${row.coverage
    .map((c) => `<li>${outletLink(c.outlet)} <meter min="0" max="${max}" value="${c.articles}" title="${c.articles} of ${row.size}">${c.articles}</meter> <span class="n">${c.articles}</span></li>`)
    .join('')}</ul>`;
}

export function storyList(rows: StoryRow[], heading = true): string {
  if (!rows.length) return '<p class="unknown">No stories match.</p>';
  return `<ol class="stories">${rows
    .map(
      (r) =>
        `<li class="story-row"><h${heading ? 2 : 3} class="story-title"><a href="${a(storyHref(r.id))}">${r.title === null ? '<span class="unknown">Untitled story</span>' : e(r.title)}</a></h${heading ? 2 : 3}>` +
        `<p class="facts"><span>${r.size} article${r.size === 1 ? '' : 's'}</span> <span>${dates(r.from, r.to)}</span>${r.keyActors.length ? ` <span>${r.keyActors.slice(0, 5).map(e).join(', ')}</span>` : ''}</p>${coverage(r)}</li>`,
    )
    .join('')}</ol>`;
}

/** Previous/next links for a page of results, keeping every other parameter. */
function pager(path: string, params: Record<string, string | undefined>, total: number, limit: number, offset: number): string {
  if (total <= limit && offset === 0) return '';
  const prev = offset > 0 ? `<a rel="prev" href="${a(href(path, { ...params, offset: Math.max(0, offset - limit) || undefined }))}">← Previous</a>` : '';
  const next = offset + limit < total ? `<a rel="next" href="${a(href(path, { ...params, offset: offset + limit }))}">Next →</a>` : '';
  return `<nav class="pager" aria-label="Pages">${prev} <span>${offset + 1}–${Math.min(total, offset + limit)} of ${total}</span> ${next}</nav>`;
}

function select(name: string, label: string, options: [string, string][], value: string | undefined): string {
  // a value from the query string that the menu does not list (a less mentioned actor) is still shown as chosen
  if (value !== undefined && !options.some(([v]) => v === value)) options = [[value, value], ...options];
  return `<label>${e(label)} <select name="${a(name)}"><option value="">any</option>${options
    .map(([v, l]) => `<option value="${a(v)}"${v === value ? ' selected' : ''}>${e(l)}</option>`)
    .join('')}</select></label>`;
}

export interface ListState {
  sort: 'size' | 'recent';
  from?: string;
  to?: string;
  outlet?: string;
  actor?: string;
  limit: number;
  offset: number;
}

export function storiesPage(page: Page<StoryRow>, s: ListState, outlets: OutletSummary[], actors: ActorSummary[], articles: number): string {
  const params = { sort: s.sort === 'size' ? undefined : s.sort, from: s.from, to: s.to, outlet: s.outlet, actor: s.actor };
  const form =
    `<form class="filters" method="get" action="/" aria-label="Filter stories">` +
    select('sort', 'Sort', [['size', 'largest first'], ['recent', 'most recent first']], s.sort) +
    `<label>From <input type="date" name="from" value="${a(s.from ?? '')}"></label><label>To <input type="date" name="to" value="${a(s.to ?? '')}"></label>` +
    select('outlet', 'Outlet', outlets.filter((o) => o.outlet !== null).map((o) => [o.outlet as string, `${o.outlet} (${o.articles})`]), s.outlet) +
    select('actor', 'Actor', actors.map((x) => [x.id, x.name]), s.actor) +
    `<button type="submit">Apply</button> <a href="/">Clear</a></form>`;
  return layout(
    'Stories',
    `<h1>Stories</h1><p class="lede">${page.total} ${page.total === 1 ? 'story' : 'stories'} from ${articles} articles.</p>${form}${storyList(page.items)}${pager('/', params, page.total, s.limit, s.offset)}`,
    { active: '/' },
  );
}

function lead(article: BriefingArticle): string {
  const s = article.sentences.slice(0, 2);
  return s.length ? article.text.slice(s[0].start, s[s.length - 1].end) : article.text.slice(0, 300);
}

/** The story's outlets side by side: each outlet's articles with their headline and lead. */
function sideBySide(b: Briefing): string {
  const byOutlet = new Map<string | null, BriefingArticle[]>();
  for (const art of b.articles) {
    const k = art.meta.outlet.value;
    byOutlet.set(k, [...(byOutlet.get(k) ?? []), art]);
  }
  const cols = [...byOutlet].sort((x, y) => y[1].length - x[1].length || (String(x[0]) < String(y[0]) ? -1 : 1)).slice(0, 12);
  return `<div class="side" role="list">${cols
    .map(
      ([outlet, arts]) =>
        `<section class="col" role="listitem" aria-label="${a(outlet ?? UNKNOWN_OUTLET)}"><h3>${outletLink(outlet)} <span class="n">${arts.length}</span></h3>${arts
          .slice(0, 3)
          .map(
            (x) =>
              `<article class="lead"><h4><a href="#${a(articleAnchor(x.id))}">${x.meta.title.value === null ? '<span class="unknown">untitled article</span>' : e(x.meta.title.value)}</a></h4><p>${e(lead(x))}</p></article>`,
          )
          .join('')}${arts.length > 3 ? `<p class="more">and ${arts.length - 3} more</p>` : ''}</section>`,
    )
    .join('')}</div>`;
}

export function storyPage(row: StoryRow, b: Briefing, graph: { nodes: { id: string; actor: string | null; name: string }[]; edges: { source: string; target: string; sentences: number }[] }): string {
  const rendered = HTML_SECTIONS.flatMap((s) => {
    const body = s.render(b);
    return body === null ? [] : [{ s, body }];
  });
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const pages = new Map(graph.nodes.map((n) => [n.id, n.actor]));
  // an actor of the story the corpus linker kept no mention of has no page
  const actorCell = (id: string): string => {
    const page = pages.get(id);
    return page ? `<a href="${a(actorHref(page))}">${e(names.get(id))}</a>` : e(names.get(id));
  };
  const exports = EXPORT_KINDS.map(
    (k) => `<li>${e(k)}: <a href="${a(`/api/v1/stories/${encodeURIComponent(row.id)}/export/${k}?format=csv`)}" download>CSV</a> · <a href="${a(`/api/v1/stories/${encodeURIComponent(row.id)}/export/${k}?format=jsonl`)}" download>JSONL</a></li>`,
  ).join('');
  const toc = [['outlets', 'Outlets side by side'], ['charts', 'Timeline and actors'], ...rendered.map(({ s }) => [s.id, s.title])]
    .map(([id, t]) => `<li><a href="#${id}">${e(t)}</a></li>`)
    .join('');
  const body =
    `<header class="story"><p class="method">story ${e(row.id)}</p><h1 id="story-title">${row.title === null ? 'Untitled story' : e(row.title)}</h1>` +
    `<p class="facts"><span>${row.size} articles</span> <span>${dates(row.from, row.to)}</span></p>${coverage(row)}</header>` +
    `<nav aria-labelledby="toc-title" class="toc"><h2 id="toc-title">Contents</h2><ol>${toc}</ol></nav>` +
    `<details class="exports"><summary>Download this story's data</summary><ul>${exports}</ul></details>` +
    `<section id="outlets" aria-labelledby="outlets-title"><h2 id="outlets-title">Outlets side by side</h2>${sideBySide(b)}</section>` +
    `<section id="charts" aria-labelledby="charts-title"><h2 id="charts-title">Timeline and actors</h2>` +
    `<figure><div class="chart" data-series="${a(`/api/v1/stories/${encodeURIComponent(row.id)}/series`)}" role="img" aria-label="Articles per day, by outlet"></div><figcaption>Articles per day, by outlet.</figcaption></figure>` +
    `<figure><div class="graph" data-graph="${a(`/api/v1/stories/${encodeURIComponent(row.id)}/graph`)}" role="img" aria-label="Actors mentioned in the same sentences"></div><figcaption>Actors mentioned in the same sentence; the thicker the line, the more sentences. Select an actor to open its page.</figcaption></figure>` +
    `<details><summary>The actor pairs as a table</summary><table><thead><tr><th>Actor</th><th>Actor</th><th>Sentences</th></tr></thead><tbody>${graph.edges
      .slice(0, 40)
      .map((x) => `<tr><td>${actorCell(x.source)}</td><td>${actorCell(x.target)}</td><td>${x.sentences}</td></tr>`)
      .join('')}</tbody></table></details></section>` +
    rendered.map(({ s, body }) => `<section id="${s.id}" aria-labelledby="${s.id}-title"><h2 id="${s.id}-title">${e(s.title)}</h2>\n${body}\n</section>`).join('\n');
  return layout(row.title ?? 'Untitled story', body, { active: '/', scripts: ['/static/vendor/uPlot.iife.min.js', '/static/vendor/cytoscape.min.js', '/static/charts.js'], styles: ['/static/vendor/uPlot.min.css'] });
}

export interface SearchState {
  q?: string;
  from?: string;
  to?: string;
  outlet?: string;
  actor?: string;
  type: 'articles' | 'stories';
  limit: number;
  offset: number;
}

type Facets = { outlets: { value: string | null; count: number }[]; months: { value: string | null; count: number }[]; stories: { value: string | null; count: number }[] };

function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function searchPage(s: SearchState, result: { hits: Page<SearchHit>; facets: Facets; stories: StoryRow[] } | null, actors: ActorSummary[], error?: string): string {
  const base = { q: s.q, from: s.from, to: s.to, outlet: s.outlet, actor: s.actor, type: s.type === 'articles' ? undefined : s.type };
  const form =
    `<form class="filters search" method="get" action="/search" role="search"><label class="wide">Query <input name="q" type="search" value="${a(s.q ?? '')}" placeholder='strike "port authority" OR dockers NOT union'></label>` +
    `<label>From <input type="date" name="from" value="${a(s.from ?? '')}"></label><label>To <input type="date" name="to" value="${a(s.to ?? '')}"></label>` +
    (s.outlet ? `<input type="hidden" name="outlet" value="${a(s.outlet)}">` : '') +
    select('actor', 'Actor', actors.map((x) => [x.id, x.name]), s.actor) +
    select('type', 'Show', [['articles', 'articles'], ['stories', 'stories']], s.type) +
    `<button type="submit">Search</button></form><p class="hint">Words must all occur; use "quotes" for a phrase, OR, NOT, and word* for a prefix.</p>`;
  let body = `<h1>Search</h1>${form}`;
  if (error) body += `<p class="error" role="alert">${e(error)}</p>`;
  if (result) {
    const f = result.facets;
    const facet = (title: string, items: string) => `<section class="facet" aria-label="${a(title)}"><h2>${e(title)}</h2><ul>${items}</ul></section>`;
    const facets =
      `<aside class="facets" aria-label="Facets">` +
      facet('Outlet', (s.outlet ? `<li><a href="${a(href('/search', { ...base, outlet: undefined }))}">any outlet</a></li>` : '') + f.outlets
        .map((o) => (o.value === null ? `<li><span class="unknown">${UNKNOWN_OUTLET}</span> <span class="n">${o.count}</span></li>` : `<li><a href="${a(href('/search', { ...base, outlet: o.value }))}"${o.value === s.outlet ? ' aria-current="true"' : ''}>${e(o.value)}</a> <span class="n">${o.count}</span></li>`))
        .join('')) +
      facet('Date', f.months
        .map((m) => (m.value === null ? `<li><span class="unknown">undated</span> <span class="n">${m.count}</span></li>` : `<li><a href="${a(href('/search', { ...base, from: `${m.value}-01`, to: monthEnd(m.value) }))}">${e(m.value)}</a> <span class="n">${m.count}</span></li>`))
        .join('')) +
      `</aside>`;
    const hits =
      s.type === 'stories'
        ? storyList(result.stories, false)
        : result.hits.items.length
          ? `<ol class="hits">${result.hits.items
              .map(
                (h) =>
                  `<li><h2 class="hit-title"><a href="${a(h.story ? `${storyHref(h.story)}#${articleAnchor(h.id)}` : `/articles/${encodeURIComponent(h.id)}`)}">${h.title === null ? '<span class="unknown">untitled article</span>' : e(h.title)}</a></h2>` +
                  `<p class="facts">${outletLink(h.outlet)} <span>${h.published ? `<time datetime="${a(h.published)}">${e(h.published)}</time>` : '<span class="unknown">undated</span>'}</span></p><p class="snippet">${e(h.snippet)}</p></li>`,
              )
              .join('')}</ol>${pager('/search', base, result.hits.total, s.limit, s.offset)}`
          : '<p class="unknown">No article matches.</p>';
    body += `<p class="lede" aria-live="polite">${result.hits.total} matching article${result.hits.total === 1 ? '' : 's'}${s.outlet ? ` in ${e(s.outlet)}` : ''}.</p><div class="results">${facets}<div class="hits-col">${hits}</div></div>`;
  }
  return layout(s.q ? `Search: ${s.q}` : 'Search', body, { active: '/search', q: s.q });
}

const TYPE_NAMES: Record<string, string> = { PERSON: 'people', ORG: 'organisations', GPE: 'countries and cities', LOC: 'places', MISC: 'other' };

export function actorsPage(page: Page<ActorSummary>, type: string | undefined, limit: number, offset: number): string {
  const tabs = `<nav class="tabs" aria-label="Actor types"><a href="/actors"${type ? '' : ' aria-current="page"'}>all</a>${Object.entries(TYPE_NAMES)
    .map(([t, n]) => `<a href="${a(href('/actors', { type: t }))}"${t === type ? ' aria-current="page"' : ''}>${e(n)}</a>`)
    .join('')}</nav>`;
  const rows = page.items
    .map((x) => `<tr><td><a href="${a(actorHref(x.id))}">${e(x.name)}</a></td><td>${e(x.type)}</td><td>${x.mentions}</td><td>${x.articles}</td><td>${x.perOutlet.slice(0, 3).map((o) => `${o.outlet === null ? UNKNOWN_OUTLET : e(o.outlet)} ${o.mentions}`).join(', ')}</td></tr>`)
    .join('');
  return layout('Actors', `<h1>Actors</h1>${tabs}<table class="list"><thead><tr><th>Actor</th><th>Type</th><th>Mentions</th><th>Articles</th><th>Most mentioned by</th></tr></thead><tbody>${rows}</tbody></table>${pager('/actors', { type }, page.total, limit, offset)}`, { active: '/actors' });
}

export function actorPage(r: ActorRecord): string {
  const x = r.actor;
  const fact = (label: string, v: string | null) => (v ? `<li><strong>${label}:</strong> ${e(v)}</li>` : '');
  const perOutlet = r.summary.perOutlet.map((o) => `<tr><td>${outletLink(o.outlet)}</td><td>${o.mentions}</td><td>${o.articles}</td></tr>`).join('');
  const quoted = r.quotedBy.length
    ? `<ul class="chips">${r.quotedBy.map((q) => `<li>${outletLink(q.outlet)} <span class="n">${q.quotes}</span></li>`).join('')}</ul><ol class="quotes">${r.quotes
        .slice(0, 30)
        .map((q) => `<li><q>${e(q.text)}</q> <span class="facts">${outletLink(q.outlet)} · <a href="${a(sentenceHref(q.story, q.article, q.sentence))}">source sentence</a></span></li>`)
        .join('')}</ol>`
    : '<p class="unknown">No quote is attributed to this actor in its latest stories.</p>';
  const stances = r.stances.length
    ? `<table class="list"><thead><tr><th>Position</th><th>On</th><th>Statement</th></tr></thead><tbody>${r.stances
        .slice(0, 40)
        .map((s) => `<tr><td class="pol pol-${a(s.polarity)}">${e(s.polarity)}</td><td>${e(s.proposition)}</td><td>${e(s.text)} <a href="${a(sentenceHref(s.story, s.article, s.sentence))}">source</a></td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="unknown">No stance of this actor was found in its latest stories.</p>';
  const body =
    `<header><p class="method">actor ${e(x.id)} · ${e(x.type)}</p><h1>${e(x.name)}</h1><ul class="facts">${fact('Role', x.role.value)}${fact('Country', x.country.value)}${fact('Organisation', x.organisation.value)}` +
    `<li><strong>Mentions:</strong> ${r.summary.mentions} in ${r.summary.articles} articles</li></ul></header>` +
    `<section aria-labelledby="over-time"><h2 id="over-time">Mentions over time</h2><figure><div class="chart" data-values="${a(JSON.stringify(r.series))}" role="img" aria-label="Mentions per day, by outlet"></div><figcaption>Mentions per day of publication, by outlet${r.series.undated ? `; ${r.series.undated} in undated articles` : ''}.</figcaption></figure>` +
    `<table class="list"><thead><tr><th>Outlet</th><th>Mentions</th><th>Articles</th></tr></thead><tbody>${perOutlet}</tbody></table></section>` +
    `<section aria-labelledby="quoted"><h2 id="quoted">Who quotes them</h2>${quoted}</section>` +
    `<section aria-labelledby="stances"><h2 id="stances">Stances</h2>${stances}</section>` +
    `<section aria-labelledby="in-stories"><h2 id="in-stories">Stories (${r.storiesTotal})</h2>${storyList(r.stories, false)}${r.storiesTotal > r.stories.length ? `<p><a href="${a(href('/', { actor: x.id }))}">All ${r.storiesTotal} stories</a></p>` : ''}</section>`;
  return layout(x.name, body, { active: '/actors', scripts: ['/static/vendor/uPlot.iife.min.js', '/static/charts.js'], styles: ['/static/vendor/uPlot.min.css'] });
}

export function outletsPage(outlets: OutletSummary[]): string {
  const rows = outlets.map((o) => `<tr><td>${outletLink(o.outlet)}</td><td>${o.articles}</td><td>${o.stories}</td></tr>`).join('');
  return layout('Outlets', `<h1>Outlets</h1><table class="list"><thead><tr><th>Outlet</th><th>Articles</th><th>Stories</th></tr></thead><tbody>${rows}</tbody></table>`, { active: '/outlets' });
}

export function outletPage(
  r: { summary: OutletSummary; stories: Page<StoryRow>; voices: { speaker: string; actor: string | null; quotes: number; words: number; stories: number }[]; framing: { label: string; group: string; voice: string; uses: number }[] },
  limit: number,
  offset: number,
): string {
  const name = r.summary.outlet ?? UNKNOWN_OUTLET;
  const voices = r.voices.length
    ? `<table class="list"><thead><tr><th>Speaker</th><th>Quotes</th><th>Words</th><th>Stories</th></tr></thead><tbody>${r.voices
        .map((v) => `<tr><td>${v.actor ? `<a href="${a(actorHref(v.actor))}">${e(v.speaker)}</a>` : e(v.speaker)}</td><td>${v.quotes}</td><td>${v.words}</td><td>${v.stories}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="unknown">No quoted speaker found in its largest stories.</p>';
  const framing = r.framing.length
    ? `<table class="list"><thead><tr><th>Term</th><th>Labels</th><th>Voice</th><th>Uses</th></tr></thead><tbody>${r.framing
        .map((f) => `<tr><td>${e(f.label)}</td><td>${e(f.group)}</td><td>${f.voice === 'own' ? 'its own words' : 'in quotes'}</td><td>${f.uses}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="unknown">No framing term found in its largest stories.</p>';
  const body =
    `<header><p class="method">outlet</p><h1>${e(name)}</h1><ul class="facts"><li><strong>Articles:</strong> ${r.summary.articles}</li><li><strong>Stories:</strong> ${r.summary.stories}</li></ul></header>` +
    `<section aria-labelledby="covered"><h2 id="covered">Stories covered</h2>${storyList(r.stories.items, false)}${pager(outletHref(name), {}, r.stories.total, limit, offset)}</section>` +
    `<section aria-labelledby="voices"><h2 id="voices">Voices</h2><p class="hint">Who it quotes, in its largest stories.</p>${voices}</section>` +
    `<section aria-labelledby="framing"><h2 id="framing">Framing</h2><p class="hint">The words it uses for contested actors and events, in its largest stories.</p>${framing}</section>`;
  return layout(name, body, { active: '/outlets' });
}

export function jobsPage(page: Page<JobRecord>, limit: number, offset: number, allowAdd: boolean): string {
  const running = page.items.some((j) => j.status === 'running' && !jobOrphaned(j));
  const rows = page.items
    .map(
      (j) =>
        `<tr><td><time datetime="${a(j.started)}">${e(j.started.replace('T', ' ').slice(0, 19))}</time></td><td>${e(j.origin)}</td>` +
        (jobOrphaned(j)
          ? '<td class="status status-failed">stopped before it finished (its process is gone); run the same add again to finish it</td>'
          : `<td class="status status-${a(j.status)}">${e(j.status)}${j.error ? `: ${e(j.error)}` : ''}</td>`) +
        `<td>${j.done}${j.total !== null ? ` / ${j.total}` : ''}${j.status === 'running' && j.total ? ` <progress max="${j.total}" value="${j.done}">${j.done}</progress>` : ''}</td><td>${j.added}</td><td>${j.skipped}</td><td>${j.failed}</td></tr>` +
        (j.failures.length
          ? `<tr class="failures"><td colspan="7"><details><summary>${j.failed} failed input${j.failed === 1 ? '' : 's'} and why</summary><ul>${j.failures
              .map((f) => `<li><code>${e(f.path)}${f.record !== undefined ? `#${f.record + 1}` : ''}</code>: ${e(f.reason)}</li>`)
              .join('')}</ul></details></td></tr>`
          : ''),
    )
    .join('');
  const how = allowAdd
    ? '<p class="hint">Add articles with <code>parallax add FILES</code> or <code>POST /api/v1/articles</code>; each run is listed here.</p>'
    : '<p class="hint">Add articles with <code>parallax add FILES</code> (this server does not take uploads: <code>parallax serve --allow-add</code>).</p>';
  return layout(
    'Jobs',
    `<h1>Jobs</h1>${how}${page.items.length ? `<table class="list jobs"><thead><tr><th>Started</th><th>From</th><th>Status</th><th>Inputs</th><th>Added</th><th>Skipped</th><th>Failed</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="unknown">No job yet.</p>'}${pager('/jobs', {}, page.total, limit, offset)}`,
    { active: '/jobs', refresh: running ? 5 : undefined },
  );
}

/** An article outside any story: its metadata and its text by sentence, with the report's sentence anchors. */
export function articlePage(d: { summary: { id: string; title: string | null; outlet: string | null; published: string | null; story: string | null }; article: { text: string }; sentences: { start: number; end: number }[] }): string {
  const { summary: s, article, sentences } = d;
  const text = sentences.length
    ? sentences.map((x, i) => `<span class="s" id="${a(sentenceAnchor(s.id, i))}">${e(article.text.slice(x.start, x.end))}</span>`).join(' ')
    : e(article.text);
  const body =
    `<article id="${a(articleAnchor(s.id))}"><header><p class="method">article ${e(s.id)}</p><h1>${s.title === null ? '<span class="unknown">untitled article</span>' : e(s.title)}</h1>` +
    `<p class="facts">${outletLink(s.outlet)} <span>${s.published ? e(s.published) : '<span class="unknown">undated</span>'}</span>${s.story ? ` <a href="${a(storyHref(s.story))}">its story</a>` : ''}</p></header><div class="text"><p>${text}</p></div></article>`;
  return layout(s.title ?? 'Article', body);
}
