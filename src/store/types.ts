/**
 * The store interface: where analysed articles, their layers and the corpus results live between runs.
 *
 * Every method returns a Promise, so that one interface serves an embedded store (SQLite, src/store/sqlite.ts),
 * the in-memory store `analyze` uses (src/store/memory.ts) and a server database (PostgreSQL). Every
 * implementation passes the one conformance suite, src/store/conformance.ts.
 *
 * What is stored, keyed by id:
 * - sources: the content hash of an input's raw bytes (one file, or one record of a JSONL file or feed) and
 *   the article it gave, so the same bytes are never analysed twice;
 * - articles: one row per `Article.id`, with the columns lists and filters need (title, outlet, published day,
 *   language) and the clean text (full-text indexed with the title);
 * - layers: per article and stage, the JSON the stage wrote and the stage version that wrote it;
 * - actors (with their mentions per article), stories and story membership, and per story its briefing
 *   sections: all written together by `commitCorpus`, the output of the corpus-level stages.
 *
 * Writes are atomic: `putArticle` commits an article with all its layers or nothing, and `commitCorpus`
 * replaces the corpus results as one unit.
 */
import type { Actor, Article, Story } from '../model.js';

/** One stage's output for one article, and the stage version that wrote it. */
export interface Layer<T = unknown> {
  /** the stage that wrote it (`Stage.name` in src/stages.ts) */
  stage: string;
  version: number;
  data: T;
}

/** An input the store has read: the hash of its raw bytes and the article it gave. */
export interface SourceRecord {
  /** hex SHA-256 of the raw bytes (for a record of a multi-record file: of the file's bytes, then `#record`) */
  hash: string;
  path: string;
  record?: number;
  /** the article the bytes gave */
  article: string;
}

/** What lists, filters and search show of an article without reading its layers. */
export interface ArticleSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  /** ISO day (`2017-01-18`) the article was published on, the first day of a range; null when unknown */
  published: string | null;
  language: string | null;
  path: string;
  /** the story the article belongs to, once the corpus stages have run */
  story: string | null;
  /** order of arrival in the store, from 1 */
  seq: number;
}

/** An article with every layer stored for it, by stage name. */
export interface StoredArticle {
  summary: ArticleSummary;
  article: Article;
  layers: Record<string, Layer>;
}

/** A page of results and how many there are in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface PageQuery {
  /** at most this many items (default 50) */
  limit?: number;
  /** skip this many first (default 0) */
  offset?: number;
}

/** Filters shared by lists and search. Dates are ISO days, inclusive. */
export interface CorpusFilter {
  from?: string;
  to?: string;
  outlet?: string;
  /** `Actor.id` */
  actor?: string;
}

export interface ArticleQuery extends PageQuery, CorpusFilter {
  story?: string;
}

/** A story as lists show it. */
export interface StorySummary {
  id: string;
  title: string | null;
  /** number of articles */
  size: number;
  /** the story's date range (`Story.dateRange`) */
  from: string | null;
  to: string | null;
  outlets: string[];
  /** articles per outlet (null: outlet unknown), most first, then by name, unknown last */
  coverage: { outlet: string | null; articles: number }[];
  /** the full story as the stories stage wrote it */
  story: Story;
}

export interface StoryQuery extends PageQuery, CorpusFilter {
  /** `size`: most articles first (default); `recent`: latest date first, undated last */
  sort?: 'size' | 'recent';
}

/** An actor with how often each outlet mentions it. */
export interface ActorSummary {
  id: string;
  name: string;
  type: Actor['type'];
  /** total mentions in all articles */
  mentions: number;
  articles: number;
  /** per outlet (null: outlet unknown), most mentions first */
  perOutlet: { outlet: string | null; mentions: number; articles: number }[];
}

export interface ActorQuery extends PageQuery {
  story?: string;
  article?: string;
  type?: Actor['type'];
}

export interface OutletSummary {
  /** null for articles whose outlet is unknown */
  outlet: string | null;
  articles: number;
  stories: number;
}

export interface SearchQuery extends PageQuery, CorpusFilter {
  /**
   * FTS5 query syntax over title and text: words (all must occur), `"a phrase"`, `OR`, `NOT`, `prefix*`.
   * A query that is not valid syntax is an Error whose message starts with `bad search query`.
   */
  query: string;
}

export interface SearchHit extends ArticleSummary {
  /** a short plain-text excerpt around the first match */
  snippet: string;
}

/** How many hits share a value (null: unknown). */
export interface Facet {
  value: string | null;
  count: number;
}

/** What all the hits of a search share: counts by outlet and by story (most first), by month of publication (in order). */
export interface SearchFacets {
  outlets: Facet[];
  /** `2017-01`; undated hits last, as null */
  months: Facet[];
  /** hits in no story yet are not counted */
  stories: Facet[];
}

/** The corpus-level stages' results, replaced as one unit. */
export interface CorpusCommit {
  actors: Actor[];
  stories: Story[];
  /**
   * briefing sections per story id (any JSON object); stories absent here keep the sections they have when
   * they are still in `stories`, and lose them otherwise
   */
  sections: Map<string, Record<string, unknown>>;
  /** corpus facts to keep beside the results (e.g. the stage versions and article count they were built from) */
  meta?: Record<string, unknown>;
}

/** One `add` job (from the CLI or the HTTP API): its progress, counts and the inputs that failed, with why. */
export interface JobRecord {
  id: string;
  kind: 'add';
  /** what started it: `cli` or `api` */
  origin: string;
  /** `running` until it ends; `failed` when the job itself stopped on an error (see `error`) */
  status: 'running' | 'done' | 'failed';
  /** ISO timestamps */
  started: string;
  finished: string | null;
  /** inputs handled so far, and in all (null until the inputs are listed) */
  done: number;
  total: number | null;
  added: number;
  skipped: number;
  failed: number;
  /** the inputs or records that failed, with the reason (the first 1000) */
  failures: { path: string; record?: number; reason: string }[];
  /** why the whole job failed, when it did */
  error: string | null;
  /** the process running it and its machine, so a job whose process died can be told from one still running */
  pid?: number;
  host?: string;
}

export interface Store {
  /** `memory`, `sqlite` or `postgres` */
  readonly kind: string;

  /** The source with this content hash, or null when these bytes were never stored. */
  source(hash: string): Promise<SourceRecord | null>;
  /** Record that these bytes gave an article already stored (same text from another file). */
  putSource(source: SourceRecord): Promise<void>;
  /**
   * Store one analysed article: its source, its row, its layers and its full-text entry, in one transaction.
   * Storing an article id again replaces its row and layers.
   */
  putArticle(article: Article, layers: Layer[], source: SourceRecord): Promise<void>;
  /** Replace some layers of a stored article, in one transaction (others are kept). */
  putLayers(article: string, layers: Layer[]): Promise<void>;
  /** One article with all its layers, or null. */
  article(id: string): Promise<StoredArticle | null>;
  /** Several articles with their layers, in the order asked, missing ids left out. */
  articlesById(ids: readonly string[]): Promise<StoredArticle[]>;
  /** Article summaries, in order of arrival, filtered. */
  articles(query?: ArticleQuery): Promise<Page<ArticleSummary>>;
  /** Every article id, in order of arrival. */
  articleIds(): Promise<string[]>;
  /** How many articles each stage version wrote layers for. */
  layerVersions(): Promise<{ stage: string; version: number; articles: number }[]>;

  /** Replace actors, stories, membership and sections in one transaction. */
  commitCorpus(commit: CorpusCommit): Promise<void>;
  /**
   * Write the briefing sections of some stories and corpus facts in one transaction, after `commitCorpus`
   * (so that a large corpus need not hold every story's sections at once). Sections of a story that is not
   * among the committed stories are left out.
   */
  putSections(sections: Map<string, Record<string, unknown>>, meta?: Record<string, unknown>): Promise<void>;
  /** A corpus fact stored by `commitCorpus` or `putSections`, or null. */
  meta(key: string): Promise<unknown>;
  stories(query?: StoryQuery): Promise<Page<StorySummary>>;
  story(id: string): Promise<StorySummary | null>;
  /** The briefing sections stored for a story, or null when it has none. */
  sections(story: string): Promise<Record<string, unknown> | null>;
  actors(query?: ActorQuery): Promise<Page<ActorSummary>>;
  /** One actor in full (every mention), with its mentions per outlet. */
  actor(id: string): Promise<{ actor: Actor; summary: ActorSummary } | null>;
  /** Outlets by number of articles, then name. */
  outlets(): Promise<OutletSummary[]>;
  /** Full-text search over titles and texts, best matches first. */
  search(query: SearchQuery): Promise<Page<SearchHit>>;
  /** The facets of every hit of a search (its filters applied; its limit and offset ignored). */
  searchFacets(query: SearchQuery): Promise<SearchFacets>;

  /** Create or replace a job's record (jobs are kept apart from the corpus: `commitCorpus` leaves them). */
  putJob(job: JobRecord): Promise<void>;
  /** Jobs, latest started first. */
  jobs(query?: PageQuery): Promise<Page<JobRecord>>;
  job(id: string): Promise<JobRecord | null>;

  close(): Promise<void>;
}

/** The published day of an article, as stores index it: the first day of its date or range, or null. */
export function publishedDay(article: Article): string | null {
  const p = article.meta.published.value;
  if (!p) return null;
  const day = (p.from ?? p.value).slice(0, 10);
  return /^\d{4}-\d{2}(?:-\d{2})?$/.test(day) ? day : null;
}

export const DEFAULT_LIMIT = 50;
