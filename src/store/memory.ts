/**
 * The in-memory store: what `analyze` runs on (one shot, nothing kept), and the reference the conformance
 * suite checks the other stores against. Values are copied in and out through JSON, as a database would
 * (`{ copy: false }` keeps the caller's objects, for the one-shot path that never reads them back changed).
 */
import type { Actor, Article, Story } from '../model.js';
import { matchDocument, parseSearch, searchWords } from './search.js';
import {
  articleColumns, compareActors, compareOutletRows, comparePerOutlet, excerpt, facetCounts, mentionCounts, rangeMeets, storySummary,
} from './rows.js';
import {
  DEFAULT_LIMIT, type ActorQuery, type ActorSummary, type ArticleQuery, type ArticleSummary, type CorpusCommit,
  type CorpusFilter, type JobRecord, type Layer, type OutletSummary, type Page, type PageQuery, type SearchFacets, type SearchHit, type SearchQuery,
  type SourceRecord, type Store, type StoredArticle, type StoryQuery, type StorySummary,
} from './types.js';

interface Row {
  seq: number;
  article: Article;
  layers: Map<string, Layer>;
  columns: ReturnType<typeof articleColumns>;
  words?: { title: { w: string; start: number; end: number }[]; text: { w: string; start: number; end: number }[] };
}

function page<T>(items: T[], q: PageQuery = {}): Page<T> {
  const offset = q.offset ?? 0;
  return { items: items.slice(offset, offset + (q.limit ?? DEFAULT_LIMIT)), total: items.length };
}

export class MemoryStore implements Store {
  readonly kind = 'memory';
  private readonly copy: <T>(v: T) => T;
  private sources = new Map<string, SourceRecord>();
  private rows = new Map<string, Row>();
  private seq = 0;
  private actorList: Actor[] = [];
  private actorIndex = new Map<string, { actor: Actor; counts: Map<string, number> }>();
  private storyList: Story[] = [];
  private storyOf = new Map<string, string>();
  private sectionMap = new Map<string, Record<string, unknown>>();
  private metaMap = new Map<string, unknown>();
  private jobMap = new Map<string, JobRecord>();

  constructor(options: { copy?: boolean } = {}) {
    this.copy = options.copy === false ? (v) => v : (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
  }

  async source(hash: string): Promise<SourceRecord | null> {
    const s = this.sources.get(hash);
    return s ? this.copy(s) : null;
  }

  async putSource(source: SourceRecord): Promise<void> {
    this.sources.set(source.hash, this.copy(source));
  }

  async putArticle(article: Article, layers: Layer[], source: SourceRecord): Promise<void> {
    const old = this.rows.get(article.id);
    const a = this.copy(article);
    this.rows.set(article.id, {
      seq: old?.seq ?? ++this.seq,
      article: a,
      layers: new Map(layers.map((l) => [l.stage, this.copy(l)])),
      columns: articleColumns(a),
    });
    this.sources.set(source.hash, this.copy(source));
  }

  async putLayers(article: string, layers: Layer[]): Promise<void> {
    const row = this.rows.get(article);
    if (!row) throw new Error(`no article ${article} in the store`);
    for (const l of layers) row.layers.set(l.stage, this.copy(l));
  }

  private stored(row: Row): StoredArticle {
    return { summary: this.summary(row), article: this.copy(row.article), layers: Object.fromEntries([...row.layers].map(([k, l]) => [k, this.copy(l)])) };
  }

  private summary(row: Row): ArticleSummary {
    return { id: row.article.id, ...row.columns, story: this.storyOf.get(row.article.id) ?? null, seq: row.seq };
  }

  async article(id: string): Promise<StoredArticle | null> {
    const row = this.rows.get(id);
    return row ? this.stored(row) : null;
  }

  async articlesById(ids: readonly string[]): Promise<StoredArticle[]> {
    return ids.flatMap((id) => {
      const row = this.rows.get(id);
      return row ? [this.stored(row)] : [];
    });
  }

  private ordered(): Row[] {
    return [...this.rows.values()].sort((a, b) => a.seq - b.seq);
  }

  private passes(row: Row, f: CorpusFilter & { story?: string }): boolean {
    if (f.outlet !== undefined && row.columns.outlet !== f.outlet) return false;
    if ((f.from !== undefined || f.to !== undefined) && !rangeMeets(row.columns.published, row.columns.published, f)) return false;
    if (f.actor !== undefined && !this.actorIndex.get(f.actor)?.counts.has(row.article.id)) return false;
    if (f.story !== undefined && this.storyOf.get(row.article.id) !== f.story) return false;
    return true;
  }

  async articles(query: ArticleQuery = {}): Promise<Page<ArticleSummary>> {
    return page(this.ordered().filter((r) => this.passes(r, query)).map((r) => this.summary(r)), query);
  }

  async articleIds(): Promise<string[]> {
    return this.ordered().map((r) => r.article.id);
  }

  async layerVersions(): Promise<{ stage: string; version: number; articles: number }[]> {
    const counts = new Map<string, { stage: string; version: number; articles: number }>();
    for (const row of this.rows.values()) {
      for (const l of row.layers.values()) {
        const key = `${l.stage}\u0000${l.version}`;
        const c = counts.get(key) ?? { stage: l.stage, version: l.version, articles: 0 };
        c.articles++;
        counts.set(key, c);
      }
    }
    return [...counts.values()].sort((a, b) => (a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : a.version - b.version));
  }

  async commitCorpus(commit: CorpusCommit): Promise<void> {
    const actors = this.copy(commit.actors);
    const stories = this.copy(commit.stories);
    const ids = new Set(stories.map((s) => s.id));
    const sections = new Map([...this.sectionMap].filter(([id]) => ids.has(id) && !commit.sections.has(id)));
    for (const [id, s] of commit.sections) if (ids.has(id)) sections.set(id, this.copy(s));
    this.actorList = actors;
    this.actorIndex = new Map(actors.map((a) => [a.id, { actor: a, counts: mentionCounts(a) }]));
    this.storyList = stories;
    this.storyOf = new Map(stories.flatMap((s) => s.articles.map((a) => [a, s.id] as [string, string])));
    this.sectionMap = sections;
    for (const [k, v] of Object.entries(commit.meta ?? {})) this.metaMap.set(k, this.copy(v));
  }

  async putSections(sections: Map<string, Record<string, unknown>>, meta: Record<string, unknown> = {}): Promise<void> {
    const ids = new Set(this.storyList.map((s) => s.id));
    for (const [id, s] of sections) if (ids.has(id)) this.sectionMap.set(id, this.copy(s));
    for (const [k, v] of Object.entries(meta)) this.metaMap.set(k, this.copy(v));
  }

  async meta(key: string): Promise<unknown> {
    return this.metaMap.has(key) ? this.copy(this.metaMap.get(key)) : null;
  }

  private storyRow(story: Story): StorySummary {
    return this.copy(storySummary(story, story.articles.map((a) => this.rows.get(a)?.columns.outlet ?? null)));
  }

  async stories(query: StoryQuery = {}): Promise<Page<StorySummary>> {
    const rank = new Map(this.storyList.map((s, i) => [s.id, i]));
    const kept = this.storyList.filter((s) => {
      if (!rangeMeets(s.dateRange?.from ?? null, s.dateRange?.to ?? null, query)) return false;
      if (query.outlet !== undefined && !s.articles.some((a) => this.rows.get(a)?.columns.outlet === query.outlet)) return false;
      if (query.actor !== undefined) {
        const counts = this.actorIndex.get(query.actor)?.counts;
        if (!counts || !s.articles.some((a) => counts.has(a))) return false;
      }
      return true;
    });
    const recent = (s: Story) => s.dateRange?.to ?? null;
    kept.sort((a, b) => {
      if (query.sort === 'recent') {
        const x = recent(a);
        const y = recent(b);
        if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? 1 : -1;
      } else if (a.articles.length !== b.articles.length) return b.articles.length - a.articles.length;
      return (rank.get(a.id) as number) - (rank.get(b.id) as number);
    });
    return page(kept.map((s) => this.storyRow(s)), query);
  }

  async story(id: string): Promise<StorySummary | null> {
    const s = this.storyList.find((x) => x.id === id);
    return s ? this.storyRow(s) : null;
  }

  async sections(story: string): Promise<Record<string, unknown> | null> {
    const s = this.sectionMap.get(story);
    return s ? this.copy(s) : null;
  }

  private actorRow(actor: Actor, counts: Map<string, number>): ActorSummary {
    const perOutlet = new Map<string | null, { outlet: string | null; mentions: number; articles: number }>();
    let mentions = 0;
    for (const [article, n] of counts) {
      const outlet = this.rows.get(article)?.columns.outlet ?? null;
      const row = perOutlet.get(outlet) ?? { outlet, mentions: 0, articles: 0 };
      row.mentions += n;
      row.articles++;
      perOutlet.set(outlet, row);
      mentions += n;
    }
    return { id: actor.id, name: actor.name, type: actor.type, mentions, articles: counts.size, perOutlet: [...perOutlet.values()].sort(comparePerOutlet) };
  }

  async actors(query: ActorQuery = {}): Promise<Page<ActorSummary>> {
    const inStory = query.story !== undefined ? new Set(this.storyList.find((s) => s.id === query.story)?.articles ?? []) : null;
    const rows = this.actorList
      .filter((a) => {
        const counts = (this.actorIndex.get(a.id) as { counts: Map<string, number> }).counts;
        if (query.type !== undefined && a.type !== query.type) return false;
        if (query.article !== undefined && !counts.has(query.article)) return false;
        if (inStory && ![...counts.keys()].some((x) => inStory.has(x))) return false;
        return true;
      })
      .map((a) => this.actorRow(a, (this.actorIndex.get(a.id) as { counts: Map<string, number> }).counts))
      .sort(compareActors);
    return page(rows, query);
  }

  async actor(id: string): Promise<{ actor: Actor; summary: ActorSummary } | null> {
    const entry = this.actorIndex.get(id);
    return entry ? { actor: this.copy(entry.actor), summary: this.actorRow(entry.actor, entry.counts) } : null;
  }

  async outlets(): Promise<OutletSummary[]> {
    const rows = new Map<string | null, { outlet: string | null; articles: number; stories: Set<string> }>();
    for (const row of this.rows.values()) {
      const o = row.columns.outlet;
      const r = rows.get(o) ?? { outlet: o, articles: 0, stories: new Set<string>() };
      r.articles++;
      const story = this.storyOf.get(row.article.id);
      if (story) r.stories.add(story);
      rows.set(o, r);
    }
    return [...rows.values()].map((r) => ({ outlet: r.outlet, articles: r.articles, stories: r.stories.size })).sort(compareOutletRows);
  }

  async search(query: SearchQuery): Promise<Page<SearchHit>> {
    const node = parseSearch(query.query);
    const hits: { row: Row; score: number; snippet: string }[] = [];
    for (const row of this.ordered()) {
      if (!this.passes(row, query)) continue;
      row.words ??= { title: searchWords(row.columns.title ?? ''), text: searchWords(row.article.text) };
      const { title, text } = row.words;
      const { score, first } = matchDocument(node, [title.map((t) => t.w), text.map((t) => t.w)]);
      if (!score) continue;
      const at = first[1] !== null ? text[first[1]] : null;
      const t = first[0] !== null ? title[first[0]] : null;
      const snippet = at ? excerpt(row.article.text, at.start, at.end) : t ? excerpt(row.columns.title ?? '', t.start, t.end) : '';
      hits.push({ row, score, snippet });
    }
    hits.sort((a, b) => b.score - a.score || a.row.seq - b.row.seq);
    return page(hits.map((h) => ({ ...this.summary(h.row), snippet: h.snippet })), query);
  }

  async searchFacets(query: SearchQuery): Promise<SearchFacets> {
    return facetCounts((await this.search({ ...query, limit: Number.MAX_SAFE_INTEGER, offset: 0 })).items);
  }

  async putJob(job: JobRecord): Promise<void> {
    this.jobMap.set(job.id, JSON.parse(JSON.stringify(job)));
  }

  async jobs(query: PageQuery = {}): Promise<Page<JobRecord>> {
    const all = [...this.jobMap.values()].sort((a, b) => (a.started === b.started ? (a.id < b.id ? 1 : -1) : a.started < b.started ? 1 : -1));
    return page(all.map((j) => JSON.parse(JSON.stringify(j)) as JobRecord), query);
  }

  async job(id: string): Promise<JobRecord | null> {
    const j = this.jobMap.get(id);
    return j ? (JSON.parse(JSON.stringify(j)) as JobRecord) : null;
  }

  async close(): Promise<void> {}
}
