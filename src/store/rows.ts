/** What every store derives the same way from what it is given: index columns, mention counts, orderings. */
import type { Actor, Article, Story } from '../model.js';
import { publishedDay, type ActorSummary, type ArticleSummary, type Facet, type OutletSummary, type SearchFacets, type StorySummary } from './types.js';

/** The columns an article is listed and filtered by. */
export function articleColumns(article: Article): { title: string | null; outlet: string | null; published: string | null; language: string | null; path: string } {
  return {
    title: article.meta.title.value,
    outlet: article.meta.outlet.value,
    published: publishedDay(article),
    language: article.meta.language.value,
    path: article.source.record !== undefined ? `${article.source.path}#${article.source.record + 1}` : article.source.path,
  };
}

/** An article's row as the SQL stores select it (`SUMMARY_COLUMNS`); PostgreSQL returns its bigint `seq` as a string. */
export type ArticleRow = Omit<ArticleSummary, 'seq'> & { seq: number | string };

/** The columns of an `ArticleRow`, from the articles table as `a` (an article is in one story at most). */
export const SUMMARY_COLUMNS = `a.seq, a.id, a.title, a.outlet, a.published, a.language, a.path,
  (SELECT sa.story FROM story_articles sa WHERE sa.article = a.id LIMIT 1) AS story`;

export function toSummary(r: ArticleRow): ArticleSummary {
  return { id: r.id, title: r.title, outlet: r.outlet, published: r.published, language: r.language, path: r.path, story: r.story, seq: Number(r.seq) };
}

/** An actor's mentions per article id (aliases with a span in the article's text). */
export function mentionCounts(actor: Actor): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of actor.aliases) counts.set(a.span.article, (counts.get(a.span.article) ?? 0) + 1);
  return counts;
}

/** Distinct known outlets, most articles first, then by name. */
export function rankOutlets(outlets: readonly (string | null)[]): string[] {
  const counts = new Map<string, number>();
  for (const o of outlets) if (o !== null) counts.set(o, (counts.get(o) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([o]) => o);
}

/** Articles per outlet (null: unknown), most first, then by name, unknown last. */
export function outletCounts(outlets: readonly (string | null)[]): { outlet: string | null; articles: number }[] {
  const counts = new Map<string | null, number>();
  for (const o of outlets) counts.set(o, (counts.get(o) ?? 0) + 1);
  return [...counts].map(([outlet, articles]) => ({ outlet, articles })).sort((a, b) => b.articles - a.articles || byName(a.outlet, b.outlet));
}

export function storySummary(story: Story, outlets: readonly (string | null)[]): StorySummary {
  return {
    id: story.id,
    title: story.title.value,
    size: story.articles.length,
    from: story.dateRange?.from ?? null,
    to: story.dateRange?.to ?? null,
    outlets: rankOutlets(outlets),
    coverage: outletCounts(outlets),
    story,
  };
}

export const byName = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/** Actors: most mentions first, then name, then id. */
export function compareActors(a: ActorSummary, b: ActorSummary): number {
  return b.mentions - a.mentions || byName(a.name, b.name) || byName(a.id, b.id);
}

/** Per-outlet rows: most mentions first, then outlet name (unknown last). */
export function comparePerOutlet(a: { outlet: string | null; mentions: number }, b: { outlet: string | null; mentions: number }): number {
  return b.mentions - a.mentions || byName(a.outlet, b.outlet);
}

export function compareOutletRows(a: OutletSummary, b: OutletSummary): number {
  return b.articles - a.articles || byName(a.outlet, b.outlet);
}

/** Does a date range [from, to] (either end may be null: unknown) meet the filter's [from, to]? */
export function rangeMeets(from: string | null, to: string | null, filter: { from?: string; to?: string }): boolean {
  if (filter.from === undefined && filter.to === undefined) return true;
  if (from === null && to === null) return false;
  const lo = from ?? to!;
  const hi = to ?? from!;
  if (filter.from !== undefined && hi.slice(0, 10) < filter.from) return false;
  if (filter.to !== undefined && lo.slice(0, 10) > filter.to) return false;
  return true;
}

/** A short plain excerpt of `text` around [start, end): about `words` words before and after. */
export function excerpt(text: string, start: number, end: number, words = 8): string {
  let lo = start;
  for (let n = 0; n < words && lo > 0; n++) {
    lo = text.lastIndexOf(' ', lo - 2) + 1;
    if (lo <= 0) {
      lo = 0;
      break;
    }
  }
  let hi = end;
  for (let n = 0; n < words && hi < text.length; n++) {
    const next = text.indexOf(' ', hi + 1);
    hi = next < 0 ? text.length : next;
  }
  return `${lo > 0 ? '…' : ''}${text.slice(lo, hi).replace(/\s+/g, ' ').trim()}${hi < text.length ? '…' : ''}`;
}

/** Facets of search hits: outlets and stories most first (then by name), months in order, unknown last. */
export function facetCounts(hits: Iterable<{ outlet: string | null; published: string | null; story: string | null }>): SearchFacets {
  const count = (m: Map<string | null, number>, k: string | null) => m.set(k, (m.get(k) ?? 0) + 1);
  const outlets = new Map<string | null, number>();
  const months = new Map<string | null, number>();
  const stories = new Map<string | null, number>();
  for (const h of hits) {
    count(outlets, h.outlet);
    count(months, h.published ? h.published.slice(0, 7) : null);
    if (h.story !== null) count(stories, h.story);
  }
  const list = (m: Map<string | null, number>): Facet[] => [...m].map(([value, n]) => ({ value, count: n }));
  const byCount = (a: Facet, b: Facet) => b.count - a.count || byName(a.value, b.value);
  return { outlets: list(outlets).sort(byCount), months: list(months).sort((a, b) => byName(a.value, b.value)), stories: list(stories).sort(byCount) };
}
