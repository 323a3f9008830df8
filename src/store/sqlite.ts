/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode (readers never block the writer, and
 * a killed writer loses only its open transaction). The schema comes from src/store/migrations.ts, applied in
 * order on open and recorded in `schema_migrations`. better-sqlite3 is synchronous; the methods are async to
 * honour the one store interface.
 */
import Database from 'better-sqlite3';
import type { Actor, Article, Story } from '../model.js';
import { SQLITE_MIGRATIONS, pendingMigrations, type Migration } from './migrations.js';
import { parseSearch, toFts5 } from './search.js';
import { articleColumns, compareOutletRows, comparePerOutlet, facetCounts, mentionCounts, storySummary, SUMMARY_COLUMNS, toSummary, type ArticleRow } from './rows.js';
import {
  DEFAULT_LIMIT, type ActorQuery, type ActorSummary, type ArticleQuery, type ArticleSummary, type CorpusCommit,
  type CorpusFilter, type JobRecord, type Layer, type OutletSummary, type Page, type PageQuery, type SearchFacets, type SearchHit, type SearchQuery, type SourceRecord,
  type Store, type StoredArticle, type StoryQuery, type StorySummary,
} from './types.js';

/** Apply the migrations a database has not had yet, each in its own transaction; returns the versions applied. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = SQLITE_MIGRATIONS): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const applied: number[] = [];
  for (const m of pendingMigrations(done, migrations)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
    applied.push(m.version);
  }
  return applied;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly db: Database.Database;

  /** Open (creating when absent) the store in `file`; `:memory:` for a private in-memory database. */
  constructor(readonly file: string) {
    try {
      this.db = new Database(file);
    } catch (err) {
      throw new Error(`${file}: cannot open the store (${(err as Error).message})`);
    }
    try {
      this.db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a committed transaction survives a killed process (not a power cut before a checkpoint)
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      migrate(this.db);
    } catch (err) {
      this.db.close();
      throw new Error(`${file}: not a parallax store or unreadable (${(err as Error).message})`);
    }
  }

  /** Versions recorded in `schema_migrations`, oldest first. */
  schemaVersions(): number[] {
    return (this.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
  }

  async source(hash: string): Promise<SourceRecord | null> {
    const r = this.db.prepare('SELECT hash, path, record, article FROM sources WHERE hash = ?').get(hash) as
      | { hash: string; path: string; record: number | null; article: string }
      | undefined;
    if (!r) return null;
    return { hash: r.hash, path: r.path, ...(r.record !== null ? { record: r.record } : {}), article: r.article };
  }

  async putSource(source: SourceRecord): Promise<void> {
    this.db
      .prepare('INSERT OR REPLACE INTO sources (hash, path, record, article) VALUES (?, ?, ?, ?)')
      .run(source.hash, source.path, source.record ?? null, source.article);
  }

  async putArticle(article: Article, layers: Layer[], source: SourceRecord): Promise<void> {
    const { text, ...rest } = article;
    const c = articleColumns(article);
    this.db.transaction(() => {
      const old = this.db.prepare('SELECT seq, title, text FROM articles WHERE id = ?').get(article.id) as
        | { seq: number; title: string | null; text: string }
        | undefined;
      if (old) {
        this.db.prepare("INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)").run(old.seq, old.title ?? '', old.text);
        this.db
          .prepare('UPDATE articles SET title = ?, outlet = ?, published = ?, language = ?, path = ?, text = ?, json = ? WHERE seq = ?')
          .run(c.title, c.outlet, c.published, c.language, c.path, text, JSON.stringify(rest), old.seq);
        this.db.prepare('DELETE FROM layers WHERE article = ?').run(article.id);
      } else {
        this.db
          .prepare('INSERT INTO articles (id, title, outlet, published, language, path, text, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(article.id, c.title, c.outlet, c.published, c.language, c.path, text, JSON.stringify(rest));
      }
      const seq = old?.seq ?? (this.db.prepare('SELECT seq FROM articles WHERE id = ?').get(article.id) as { seq: number }).seq;
      this.db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(seq, c.title ?? '', text);
      const put = this.db.prepare('INSERT OR REPLACE INTO layers (article, stage, version, data) VALUES (?, ?, ?, ?)');
      for (const l of layers) put.run(article.id, l.stage, l.version, JSON.stringify(l.data));
      this.db
        .prepare('INSERT OR REPLACE INTO sources (hash, path, record, article) VALUES (?, ?, ?, ?)')
        .run(source.hash, source.path, source.record ?? null, source.article);
    })();
  }

  async putLayers(article: string, layers: Layer[]): Promise<void> {
    this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM articles WHERE id = ?').get(article)) throw new Error(`no article ${article} in the store`);
      const put = this.db.prepare('INSERT OR REPLACE INTO layers (article, stage, version, data) VALUES (?, ?, ?, ?)');
      for (const l of layers) put.run(article, l.stage, l.version, JSON.stringify(l.data));
    })();
  }

  private load(rows: (ArticleRow & { text: string; json: string })[]): StoredArticle[] {
    if (!rows.length) return [];
    const byId = new Map(rows.map((r) => [r.id, { summary: toSummary(r), article: { ...JSON.parse(r.json), text: r.text } as Article, layers: {} as Record<string, Layer> }]));
    const q = this.db.prepare(`SELECT article, stage, version, data FROM layers WHERE article IN (${rows.map(() => '?').join(',')})`);
    for (const l of q.all(...rows.map((r) => r.id)) as { article: string; stage: string; version: number; data: string }[]) {
      (byId.get(l.article) as StoredArticle).layers[l.stage] = { stage: l.stage, version: l.version, data: JSON.parse(l.data) };
    }
    return [...byId.values()];
  }

  async article(id: string): Promise<StoredArticle | null> {
    const r = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, a.text, a.json FROM articles a WHERE a.id = ?`).get(id) as (ArticleRow & { text: string; json: string }) | undefined;
    return r ? this.load([r])[0] : null;
  }

  async articlesById(ids: readonly string[]): Promise<StoredArticle[]> {
    const found = new Map<string, StoredArticle>();
    // in chunks: SQLite bounds the number of parameters of one statement
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, a.text, a.json FROM articles a WHERE a.id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as (ArticleRow & { text: string; json: string })[];
      for (const s of this.load(rows)) found.set(s.summary.id, s);
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id) as StoredArticle] : []));
  }

  /** WHERE clauses over articles `a` for a filter. */
  private where(f: CorpusFilter & { story?: string }): { sql: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (f.outlet !== undefined) {
      parts.push('a.outlet = ?');
      params.push(f.outlet);
    }
    if (f.from !== undefined || f.to !== undefined) parts.push('a.published IS NOT NULL');
    if (f.from !== undefined) {
      parts.push('substr(a.published, 1, 10) >= ?');
      params.push(f.from);
    }
    if (f.to !== undefined) {
      parts.push('substr(a.published, 1, 10) <= ?');
      params.push(f.to);
    }
    if (f.actor !== undefined) {
      parts.push('EXISTS (SELECT 1 FROM actor_articles x WHERE x.actor = ? AND x.article = a.id)');
      params.push(f.actor);
    }
    if (f.story !== undefined) {
      parts.push('EXISTS (SELECT 1 FROM story_articles x WHERE x.story = ? AND x.article = a.id)');
      params.push(f.story);
    }
    return { sql: parts.length ? parts.join(' AND ') : '1', params };
  }

  async articles(query: ArticleQuery = {}): Promise<Page<ArticleSummary>> {
    const w = this.where(query);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM articles a WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE ${w.sql} ORDER BY a.seq LIMIT ? OFFSET ?`)
      .all(...w.params, query.limit ?? DEFAULT_LIMIT, query.offset ?? 0) as ArticleRow[];
    return { items: rows.map(toSummary), total };
  }

  async articleIds(): Promise<string[]> {
    return (this.db.prepare('SELECT id FROM articles ORDER BY seq').all() as { id: string }[]).map((r) => r.id);
  }

  async layerVersions(): Promise<{ stage: string; version: number; articles: number }[]> {
    return this.db.prepare('SELECT stage, version, count(*) AS articles FROM layers GROUP BY stage, version ORDER BY stage, version').all() as {
      stage: string;
      version: number;
      articles: number;
    }[];
  }

  async commitCorpus(commit: CorpusCommit): Promise<void> {
    const ids = new Set(commit.stories.map((s) => s.id));
    this.db.transaction(() => {
      this.db.exec('DELETE FROM actors; DELETE FROM actor_articles; DELETE FROM stories; DELETE FROM story_articles');
      const putActor = this.db.prepare('INSERT INTO actors (rank, id, name, type, mentions, articles, json) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const putMention = this.db.prepare('INSERT INTO actor_articles (actor, article, mentions) VALUES (?, ?, ?)');
      commit.actors.forEach((a, i) => {
        const counts = mentionCounts(a);
        putActor.run(i, a.id, a.name, a.type, a.aliases.length, counts.size, JSON.stringify(a));
        for (const [article, n] of counts) putMention.run(a.id, article, n);
      });
      const putStory = this.db.prepare('INSERT INTO stories (rank, id, title, size, date_from, date_to, json) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const putMember = this.db.prepare('INSERT INTO story_articles (story, article, position) VALUES (?, ?, ?)');
      commit.stories.forEach((s, i) => {
        putStory.run(i, s.id, s.title.value, s.articles.length, s.dateRange?.from ?? null, s.dateRange?.to ?? null, JSON.stringify(s));
        s.articles.forEach((a, p) => putMember.run(s.id, a, p));
      });
      const stale = (this.db.prepare('SELECT story FROM sections').all() as { story: string }[]).filter((r) => !ids.has(r.story));
      const drop = this.db.prepare('DELETE FROM sections WHERE story = ?');
      for (const r of stale) drop.run(r.story);
      const putSections = this.db.prepare('INSERT OR REPLACE INTO sections (story, json) VALUES (?, ?)');
      for (const [id, s] of commit.sections) if (ids.has(id)) putSections.run(id, JSON.stringify(s));
      const putMeta = this.db.prepare('INSERT OR REPLACE INTO meta (key, json) VALUES (?, ?)');
      for (const [k, v] of Object.entries(commit.meta ?? {})) putMeta.run(k, JSON.stringify(v));
    })();
  }

  async putSections(sections: Map<string, Record<string, unknown>>, meta: Record<string, unknown> = {}): Promise<void> {
    this.db.transaction(() => {
      const known = this.db.prepare('SELECT 1 FROM stories WHERE id = ?').pluck();
      const put = this.db.prepare('INSERT OR REPLACE INTO sections (story, json) VALUES (?, ?)');
      for (const [id, s] of sections) if (known.get(id)) put.run(id, JSON.stringify(s));
      const putMeta = this.db.prepare('INSERT OR REPLACE INTO meta (key, json) VALUES (?, ?)');
      for (const [k, v] of Object.entries(meta)) putMeta.run(k, JSON.stringify(v));
    })();
  }

  async meta(key: string): Promise<unknown> {
    const r = this.db.prepare('SELECT json FROM meta WHERE key = ?').get(key) as { json: string } | undefined;
    return r ? JSON.parse(r.json) : null;
  }

  private storyRows(rows: { json: string }[]): StorySummary[] {
    const outletsOf = this.db.prepare('SELECT a.outlet FROM story_articles sa JOIN articles a ON a.id = sa.article WHERE sa.story = ?');
    return rows.map((r) => {
      const story = JSON.parse(r.json) as Story;
      return storySummary(story, (outletsOf.all(story.id) as { outlet: string | null }[]).map((o) => o.outlet));
    });
  }

  async stories(query: StoryQuery = {}): Promise<Page<StorySummary>> {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (query.from !== undefined || query.to !== undefined) parts.push('(s.date_from IS NOT NULL OR s.date_to IS NOT NULL)');
    if (query.from !== undefined) {
      parts.push('substr(coalesce(s.date_to, s.date_from), 1, 10) >= ?');
      params.push(query.from);
    }
    if (query.to !== undefined) {
      parts.push('substr(coalesce(s.date_from, s.date_to), 1, 10) <= ?');
      params.push(query.to);
    }
    if (query.outlet !== undefined) {
      parts.push('EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article WHERE sa.story = s.id AND a.outlet = ?)');
      params.push(query.outlet);
    }
    if (query.actor !== undefined) {
      parts.push('EXISTS (SELECT 1 FROM story_articles sa JOIN actor_articles x ON x.article = sa.article WHERE sa.story = s.id AND x.actor = ?)');
      params.push(query.actor);
    }
    const where = parts.length ? parts.join(' AND ') : '1';
    const order = query.sort === 'recent' ? 's.date_to IS NULL, s.date_to DESC, s.rank' : 's.size DESC, s.rank';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM stories s WHERE ${where}`).get(...params) as { n: number }).n;
    // ids first, then each page row's JSON: sorting the JSON column itself would carry every story's (large) JSON through the sorter
    const ids = this.db
      .prepare(`SELECT s.id FROM stories s WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, query.limit ?? DEFAULT_LIMIT, query.offset ?? 0) as { id: string }[];
    const one = this.db.prepare('SELECT json FROM stories WHERE id = ?');
    const rows = ids.map((r) => one.get(r.id) as { json: string });
    return { items: this.storyRows(rows), total };
  }

  async story(id: string): Promise<StorySummary | null> {
    const r = this.db.prepare('SELECT json FROM stories WHERE id = ?').get(id) as { json: string } | undefined;
    return r ? this.storyRows([r])[0] : null;
  }

  async sections(story: string): Promise<Record<string, unknown> | null> {
    const r = this.db.prepare('SELECT json FROM sections WHERE story = ?').get(story) as { json: string } | undefined;
    return r ? JSON.parse(r.json) : null;
  }

  private actorSummary(r: { id: string; name: string; type: Actor['type']; mentions: number; articles: number }): ActorSummary {
    const perOutlet = this.db
      .prepare('SELECT a.outlet AS outlet, sum(x.mentions) AS mentions, count(*) AS articles FROM actor_articles x JOIN articles a ON a.id = x.article WHERE x.actor = ? GROUP BY a.outlet')
      .all(r.id) as { outlet: string | null; mentions: number; articles: number }[];
    return { id: r.id, name: r.name, type: r.type, mentions: r.mentions, articles: r.articles, perOutlet: perOutlet.sort(comparePerOutlet) };
  }

  async actors(query: ActorQuery = {}): Promise<Page<ActorSummary>> {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (query.type !== undefined) {
      parts.push('t.type = ?');
      params.push(query.type);
    }
    if (query.article !== undefined) {
      parts.push('EXISTS (SELECT 1 FROM actor_articles x WHERE x.actor = t.id AND x.article = ?)');
      params.push(query.article);
    }
    if (query.story !== undefined) {
      parts.push('EXISTS (SELECT 1 FROM actor_articles x JOIN story_articles sa ON sa.article = x.article WHERE x.actor = t.id AND sa.story = ?)');
      params.push(query.story);
    }
    const where = parts.length ? parts.join(' AND ') : '1';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM actors t WHERE ${where}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT t.id, t.name, t.type, t.mentions, t.articles FROM actors t WHERE ${where} ORDER BY t.mentions DESC, t.name, t.id LIMIT ? OFFSET ?`)
      .all(...params, query.limit ?? DEFAULT_LIMIT, query.offset ?? 0) as { id: string; name: string; type: Actor['type']; mentions: number; articles: number }[];
    return { items: rows.map((r) => this.actorSummary(r)), total };
  }

  async actor(id: string): Promise<{ actor: Actor; summary: ActorSummary } | null> {
    const r = this.db.prepare('SELECT id, name, type, mentions, articles, json FROM actors WHERE id = ?').get(id) as
      | { id: string; name: string; type: Actor['type']; mentions: number; articles: number; json: string }
      | undefined;
    return r ? { actor: JSON.parse(r.json), summary: this.actorSummary(r) } : null;
  }

  async outlets(): Promise<OutletSummary[]> {
    const rows = this.db
      .prepare('SELECT a.outlet AS outlet, count(DISTINCT a.id) AS articles, count(DISTINCT sa.story) AS stories FROM articles a LEFT JOIN story_articles sa ON sa.article = a.id GROUP BY a.outlet')
      .all() as OutletSummary[];
    return rows.sort(compareOutletRows);
  }

  async search(query: SearchQuery): Promise<Page<SearchHit>> {
    const match = toFts5(parseSearch(query.query));
    const w = this.where(query);
    const from = `articles_fts f JOIN articles a ON a.seq = f.rowid WHERE articles_fts MATCH ? AND ${w.sql}`;
    try {
      const total = (this.db.prepare(`SELECT count(*) AS n FROM ${from}`).get(match, ...w.params) as { n: number }).n;
      const rows = this.db
        .prepare(`SELECT ${SUMMARY_COLUMNS}, snippet(articles_fts, -1, '', '', '…', 16) AS snippet FROM ${from} ORDER BY bm25(articles_fts), a.seq LIMIT ? OFFSET ?`)
        .all(match, ...w.params, query.limit ?? DEFAULT_LIMIT, query.offset ?? 0) as (ArticleRow & { snippet: string })[];
      return { items: rows.map((r) => ({ ...toSummary(r), snippet: r.snippet })), total };
    } catch (err) {
      throw new Error(`bad search query "${query.query}": ${(err as Error).message}`);
    }
  }

  async searchFacets(query: SearchQuery): Promise<SearchFacets> {
    const match = toFts5(parseSearch(query.query));
    const w = this.where(query);
    try {
      const rows = this.db
        .prepare(`SELECT a.outlet, a.published, (SELECT sa.story FROM story_articles sa WHERE sa.article = a.id) AS story FROM articles_fts f JOIN articles a ON a.seq = f.rowid WHERE articles_fts MATCH ? AND ${w.sql}`)
        .all(match, ...w.params) as { outlet: string | null; published: string | null; story: string | null }[];
      return facetCounts(rows);
    } catch (err) {
      throw new Error(`bad search query "${query.query}": ${(err as Error).message}`);
    }
  }

  async putJob(job: JobRecord): Promise<void> {
    this.db.prepare('INSERT OR REPLACE INTO jobs (id, started, json) VALUES (?, ?, ?)').run(job.id, job.started, JSON.stringify(job));
  }

  async jobs(query: PageQuery = {}): Promise<Page<JobRecord>> {
    const total = (this.db.prepare('SELECT count(*) AS n FROM jobs').get() as { n: number }).n;
    const rows = this.db
      .prepare('SELECT json FROM jobs ORDER BY started DESC, id DESC LIMIT ? OFFSET ?')
      .all(query.limit ?? DEFAULT_LIMIT, query.offset ?? 0) as { json: string }[];
    return { items: rows.map((r) => JSON.parse(r.json) as JobRecord), total };
  }

  async job(id: string): Promise<JobRecord | null> {
    const r = this.db.prepare('SELECT json FROM jobs WHERE id = ?').get(id) as { json: string } | undefined;
    return r ? (JSON.parse(r.json) as JobRecord) : null;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
