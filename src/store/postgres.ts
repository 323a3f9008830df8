/**
 * The server store: the store interface on PostgreSQL through a `pg` pool, for a corpus that many workers on
 * many machines fill at once (src/store/queue.ts). The schema comes from src/store/pg-migrations.ts, applied
 * on open in one transaction under an advisory lock.
 *
 * Full-text search uses a tsvector column with a GIN index. The vector is built here from `searchWords`
 * (src/store/search.ts), and queries are turned into a tsquery from the same parsed query every store reads,
 * so words, phrases, prefixes and diacritics match exactly as in SQLite's FTS5 and the memory store (the
 * `simple` text-search configuration would split "U.S." or keep "crème" apart from "creme"; websearch_to_tsquery
 * has no prefix search).
 */
import pg from 'pg';
import type { Actor, Article, Story } from '../model.js';
import { pendingMigrations, type Migration } from './migrations.js';
import { POSTGRES_MIGRATIONS } from './pg-migrations.js';
import { matchDocument, parseSearch, searchWords, type SearchNode } from './search.js';
import { articleColumns, compareOutletRows, comparePerOutlet, excerpt, facetCounts, mentionCounts, storySummary, SUMMARY_COLUMNS, toSummary, type ArticleRow } from './rows.js';
import {
  DEFAULT_LIMIT, type ActorQuery, type ActorSummary, type ArticleQuery, type ArticleSummary, type CorpusCommit,
  type CorpusFilter, type JobRecord, type Layer, type OutletSummary, type Page, type PageQuery, type SearchFacets, type SearchHit, type SearchQuery, type SourceRecord,
  type Store, type StoredArticle, type StoryQuery, type StorySummary,
} from './types.js';

const ignore = (): void => {};

/** A lock id of parallax's own, held while migrating (any bigint no other application uses). */
const MIGRATION_LOCK = 7243_1405;


/** Positions PostgreSQL keeps in a tsvector: 1..16383, at most 256 per lexeme; lexemes under 2 KB. */
const MAX_POSITION = 16383;
const quoteLexeme = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The tsvector literal of an article: title words, then (after a gap, so no phrase spans both) text words. */
export function tsvectorLiteral(title: string, text: string): string {
  const positions = new Map<string, number[]>();
  let pos = 0;
  const put = (w: string) => {
    pos = Math.min(pos + 1, MAX_POSITION);
    if (Buffer.byteLength(w) >= 2046) return;
    const list = positions.get(w);
    if (!list) positions.set(w, [pos]);
    else if (list.length < 256 && list[list.length - 1] !== pos) list.push(pos);
  };
  for (const t of searchWords(title)) put(t.w);
  pos++;
  for (const t of searchWords(text)) put(t.w);
  return [...positions].map(([w, p]) => `${quoteLexeme(w)}:${p.join(',')}`).join(' ');
}

/** A parsed query as a tsquery literal: phrases with `<->`, prefixes with `:*`, AND `&`, OR `|`, NOT `& !`. */
export function toTsquery(node: SearchNode): string {
  switch (node.kind) {
    case 'phrase': {
      const words = node.words.map((w, i) => `${quoteLexeme(w)}${node.prefix && i === node.words.length - 1 ? ':*' : ''}`);
      return words.length === 1 ? words[0] : `(${words.join(' <-> ')})`;
    }
    case 'and':
    case 'or':
      return `(${node.items.map(toTsquery).join(node.kind === 'and' ? ' & ' : ' | ')})`;
    case 'not':
      return `(${toTsquery(node.include)} & !${toTsquery(node.exclude)})`;
  }
}

/** Placeholders `$1, $2, …` for a query built piece by piece. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** Apply the migrations a database has not had yet, in one transaction under an advisory lock; returns the versions applied. */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = POSTGRES_MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  client.on('error', ignore);
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of pendingMigrations(done, migrations)) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.off('error', ignore);
    client.release();
  }
}

/** A URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:…@');
}

export class PostgresStore implements Store {
  readonly kind = 'postgres';
  readonly pool: pg.Pool;

  private constructor(readonly url: string, max: number) {
    this.pool = new pg.Pool({ connectionString: url, max });
    // an idle connection the server dropped (a restart): the pool makes a new one on the next query
    this.pool.on('error', ignore);
  }

  /** Connect to the database at `url` and bring its schema up to date. */
  static async open(url: string, options: { max?: number } = {}): Promise<PostgresStore> {
    const store = new PostgresStore(url, options.max ?? 4);
    try {
      await migratePostgres(store.pool);
    } catch (err) {
      await store.pool.end().catch(() => {});
      throw new Error(`${redactUrl(url)}: cannot open the store (${(err as Error).message})`);
    }
    return store;
  }

  /** Run `body` in one transaction on one connection. */
  async transaction<T>(body: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // a connection lost mid-transaction (a server restart) fails the running query; the event must not crash
    // the process, and the broken connection is dropped from the pool rather than reused
    let broken: Error | undefined;
    const onError = (e: Error) => (broken = e);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const out = await body(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  async schemaVersions(): Promise<number[]> {
    return (await this.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
  }

  async source(hash: string): Promise<SourceRecord | null> {
    const r = (await this.pool.query('SELECT hash, path, record, article FROM sources WHERE hash = $1', [hash])).rows[0];
    if (!r) return null;
    return { hash: r.hash, path: r.path, ...(r.record !== null ? { record: r.record } : {}), article: r.article };
  }

  async putSource(source: SourceRecord, client: pg.Pool | pg.PoolClient = this.pool): Promise<void> {
    await client.query(
      'INSERT INTO sources (hash, path, record, article) VALUES ($1, $2, $3, $4) ON CONFLICT (hash) DO UPDATE SET path = EXCLUDED.path, record = EXCLUDED.record, article = EXCLUDED.article',
      [source.hash, source.path, source.record ?? null, source.article],
    );
  }

  async putArticle(article: Article, layers: Layer[], source: SourceRecord): Promise<void> {
    await this.transaction((c) => this.putArticleIn(c, article, layers, source));
  }

  /** `putArticle` inside a transaction the caller holds (the worker also marks its input done in it). */
  async putArticleIn(c: pg.PoolClient, article: Article, layers: Layer[], source: SourceRecord, origin: string | null = null): Promise<void> {
    const { text, ...rest } = article;
    const col = articleColumns(article);
    // serialised before the transaction writes anything: a layer that cannot be stored fails the whole article
    const data = layers.map((l) => JSON.stringify(l.data));
    const json = JSON.stringify(rest);
    const tsv = tsvectorLiteral(col.title ?? '', text);
    // Two inputs with the same text are one article, and the one earlier in input order is kept, whatever order
    // the workers commit them in: a later copy never overwrites an earlier one (a worker that found no row under
    // its lock can still meet one here, committed meanwhile by another worker).
    const written = await c.query(
      `INSERT INTO articles (id, title, outlet, published, language, path, text, json, tsv, origin) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::tsvector, $10)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, outlet = EXCLUDED.outlet, published = EXCLUDED.published, language = EXCLUDED.language,
         path = EXCLUDED.path, text = EXCLUDED.text, json = EXCLUDED.json, tsv = EXCLUDED.tsv,
         origin = CASE WHEN articles.origin IS NULL OR EXCLUDED.origin IS NULL THEN coalesce(articles.origin, EXCLUDED.origin) ELSE least(articles.origin, EXCLUDED.origin) END
       WHERE articles.origin IS NULL OR EXCLUDED.origin IS NULL OR EXCLUDED.origin < articles.origin
       RETURNING id`,
      [article.id, col.title, col.outlet, col.published, col.language, col.path, text, json, tsv, origin],
    );
    if (written.rowCount) {
      await c.query('DELETE FROM layers WHERE article = $1', [article.id]);
      await this.insertLayers(c, article.id, layers, data);
    }
    await this.putSource(source, c);
  }

  private async insertLayers(c: pg.PoolClient, article: string, layers: Layer[], data: string[]): Promise<void> {
    if (!layers.length) return;
    await c.query(
      `INSERT INTO layers (article, stage, version, data) SELECT $1, s, v, d FROM unnest($2::text[], $3::int[], $4::text[]) AS t (s, v, d)
       ON CONFLICT (article, stage) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data`,
      [article, layers.map((l) => l.stage), layers.map((l) => l.version), data],
    );
  }

  async putLayers(article: string, layers: Layer[]): Promise<void> {
    const data = layers.map((l) => JSON.stringify(l.data));
    await this.transaction(async (c) => {
      if (!(await c.query('SELECT 1 FROM articles WHERE id = $1 FOR UPDATE', [article])).rowCount) throw new Error(`no article ${article} in the store`);
      await this.insertLayers(c, article, layers, data);
    });
  }

  private async load(rows: (ArticleRow & { text: string; json: string })[]): Promise<StoredArticle[]> {
    if (!rows.length) return [];
    const byId = new Map(rows.map((r) => [r.id, { summary: toSummary(r), article: { ...JSON.parse(r.json), text: r.text } as Article, layers: {} as Record<string, Layer> }]));
    const layers = await this.pool.query<{ article: string; stage: string; version: number; data: string }>(
      'SELECT article, stage, version, data FROM layers WHERE article = ANY($1::text[])',
      [rows.map((r) => r.id)],
    );
    for (const l of layers.rows) (byId.get(l.article) as StoredArticle).layers[l.stage] = { stage: l.stage, version: l.version, data: JSON.parse(l.data) };
    return [...byId.values()];
  }

  async article(id: string): Promise<StoredArticle | null> {
    const r = (await this.pool.query(`SELECT ${SUMMARY_COLUMNS}, a.text, a.json FROM articles a WHERE a.id = $1`, [id])).rows[0];
    return r ? (await this.load([r]))[0] : null;
  }

  async articlesById(ids: readonly string[]): Promise<StoredArticle[]> {
    const found = new Map<string, StoredArticle>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = (await this.pool.query(`SELECT ${SUMMARY_COLUMNS}, a.text, a.json FROM articles a WHERE a.id = ANY($1::text[])`, [ids.slice(i, i + 500)])).rows;
      for (const s of await this.load(rows)) found.set(s.summary.id, s);
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id) as StoredArticle] : []));
  }

  /** WHERE clauses over articles `a` for a filter. */
  private where(f: CorpusFilter & { story?: string }, p: Params): string {
    const parts: string[] = [];
    if (f.outlet !== undefined) parts.push(`a.outlet = ${p.add(f.outlet)}`);
    if (f.from !== undefined || f.to !== undefined) parts.push('a.published IS NOT NULL');
    if (f.from !== undefined) parts.push(`substr(a.published, 1, 10) >= ${p.add(f.from)}`);
    if (f.to !== undefined) parts.push(`substr(a.published, 1, 10) <= ${p.add(f.to)}`);
    if (f.actor !== undefined) parts.push(`EXISTS (SELECT 1 FROM actor_articles x WHERE x.actor = ${p.add(f.actor)} AND x.article = a.id)`);
    if (f.story !== undefined) parts.push(`EXISTS (SELECT 1 FROM story_articles x WHERE x.story = ${p.add(f.story)} AND x.article = a.id)`);
    return parts.length ? parts.join(' AND ') : 'true';
  }

  async articles(query: ArticleQuery = {}): Promise<Page<ArticleSummary>> {
    const p = new Params();
    const w = this.where(query, p);
    const total = (await this.pool.query(`SELECT count(*)::int AS n FROM articles a WHERE ${w}`, p.values)).rows[0].n as number;
    const rows = (await this.pool.query(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE ${w} ORDER BY a.seq LIMIT ${p.add(query.limit ?? DEFAULT_LIMIT)} OFFSET ${p.add(query.offset ?? 0)}`, p.values)).rows;
    return { items: rows.map(toSummary), total };
  }

  async articleIds(): Promise<string[]> {
    return (await this.pool.query<{ id: string }>('SELECT id FROM articles ORDER BY seq')).rows.map((r) => r.id);
  }

  async layerVersions(): Promise<{ stage: string; version: number; articles: number }[]> {
    return (await this.pool.query('SELECT stage, version, count(*)::int AS articles FROM layers GROUP BY stage, version ORDER BY stage, version')).rows;
  }

  async commitCorpus(commit: CorpusCommit): Promise<void> {
    const ids = new Set(commit.stories.map((s) => s.id));
    const actorRows = commit.actors.map((a, i) => ({ a, i, counts: mentionCounts(a) }));
    await this.transaction(async (c) => {
      await c.query('DELETE FROM actors; DELETE FROM actor_articles; DELETE FROM stories; DELETE FROM story_articles');
      await c.query(
        'INSERT INTO actors (rank, id, name, type, mentions, articles, json) SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[])',
        [actorRows.map((r) => r.i), actorRows.map((r) => r.a.id), actorRows.map((r) => r.a.name), actorRows.map((r) => r.a.type), actorRows.map((r) => r.a.aliases.length), actorRows.map((r) => r.counts.size), actorRows.map((r) => JSON.stringify(r.a))],
      );
      const mentions = actorRows.flatMap((r) => [...r.counts].map(([article, n]) => [r.a.id, article, n] as const));
      await c.query('INSERT INTO actor_articles (actor, article, mentions) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])', [mentions.map((m) => m[0]), mentions.map((m) => m[1]), mentions.map((m) => m[2])]);
      const s = commit.stories;
      await c.query('INSERT INTO stories (rank, id, title, size, date_from, date_to, json) SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[])', [
        s.map((_, i) => i), s.map((x) => x.id), s.map((x) => x.title.value), s.map((x) => x.articles.length), s.map((x) => x.dateRange?.from ?? null), s.map((x) => x.dateRange?.to ?? null), s.map((x) => JSON.stringify(x)),
      ]);
      const members = s.flatMap((x) => x.articles.map((a, p) => [x.id, a, p] as const));
      await c.query('INSERT INTO story_articles (story, article, position) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])', [members.map((m) => m[0]), members.map((m) => m[1]), members.map((m) => m[2])]);
      await c.query('DELETE FROM sections WHERE NOT (story = ANY($1::text[]))', [[...ids]]);
      for (const [id, sec] of commit.sections) {
        if (ids.has(id)) await c.query('INSERT INTO sections (story, json) VALUES ($1, $2) ON CONFLICT (story) DO UPDATE SET json = EXCLUDED.json, key = NULL', [id, JSON.stringify(sec)]);
      }
      for (const [k, v] of Object.entries(commit.meta ?? {})) {
        await c.query('INSERT INTO meta (key, json) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET json = EXCLUDED.json', [k, JSON.stringify(v)]);
      }
    });
  }

  async putSections(sections: Map<string, Record<string, unknown>>, meta: Record<string, unknown> = {}): Promise<void> {
    await this.transaction(async (c) => {
      for (const [id, sec] of sections) {
        await c.query(
          'INSERT INTO sections (story, json) SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM stories WHERE id = $1) ON CONFLICT (story) DO UPDATE SET json = EXCLUDED.json, key = NULL',
          [id, JSON.stringify(sec)],
        );
      }
      for (const [k, v] of Object.entries(meta)) {
        await c.query('INSERT INTO meta (key, json) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET json = EXCLUDED.json', [k, JSON.stringify(v)]);
      }
    });
  }

  async meta(key: string): Promise<unknown> {
    const r = (await this.pool.query('SELECT json FROM meta WHERE key = $1', [key])).rows[0];
    return r ? JSON.parse(r.json) : null;
  }

  private async storyRows(rows: { json: string }[]): Promise<StorySummary[]> {
    const stories = rows.map((r) => JSON.parse(r.json) as Story);
    const outlets = await this.pool.query<{ story: string; outlet: string | null }>(
      'SELECT sa.story, a.outlet FROM story_articles sa JOIN articles a ON a.id = sa.article WHERE sa.story = ANY($1::text[]) ORDER BY sa.story, sa.position',
      [stories.map((s) => s.id)],
    );
    const byStory = new Map<string, (string | null)[]>();
    for (const r of outlets.rows) byStory.set(r.story, [...(byStory.get(r.story) ?? []), r.outlet]);
    return stories.map((s) => storySummary(s, byStory.get(s.id) ?? []));
  }

  async stories(query: StoryQuery = {}): Promise<Page<StorySummary>> {
    const p = new Params();
    const parts: string[] = [];
    if (query.from !== undefined || query.to !== undefined) parts.push('(s.date_from IS NOT NULL OR s.date_to IS NOT NULL)');
    if (query.from !== undefined) parts.push(`substr(coalesce(s.date_to, s.date_from), 1, 10) >= ${p.add(query.from)}`);
    if (query.to !== undefined) parts.push(`substr(coalesce(s.date_from, s.date_to), 1, 10) <= ${p.add(query.to)}`);
    if (query.outlet !== undefined) parts.push(`EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article WHERE sa.story = s.id AND a.outlet = ${p.add(query.outlet)})`);
    if (query.actor !== undefined) parts.push(`EXISTS (SELECT 1 FROM story_articles sa JOIN actor_articles x ON x.article = sa.article WHERE sa.story = s.id AND x.actor = ${p.add(query.actor)})`);
    const where = parts.length ? parts.join(' AND ') : 'true';
    const order = query.sort === 'recent' ? 's.date_to IS NULL, s.date_to DESC, s.rank' : 's.size DESC, s.rank';
    const total = (await this.pool.query(`SELECT count(*)::int AS n FROM stories s WHERE ${where}`, p.values)).rows[0].n as number;
    const ids = (await this.pool.query(`SELECT s.id FROM stories s WHERE ${where} ORDER BY ${order} LIMIT ${p.add(query.limit ?? DEFAULT_LIMIT)} OFFSET ${p.add(query.offset ?? 0)}`, p.values)).rows.map((r) => r.id as string);
    const json = new Map((await this.pool.query('SELECT id, json FROM stories WHERE id = ANY($1::text[])', [ids])).rows.map((r) => [r.id as string, r.json as string]));
    return { items: await this.storyRows(ids.map((id) => ({ json: json.get(id) as string }))), total };
  }

  async story(id: string): Promise<StorySummary | null> {
    const r = (await this.pool.query('SELECT json FROM stories WHERE id = $1', [id])).rows[0];
    return r ? (await this.storyRows([r]))[0] : null;
  }

  async sections(story: string): Promise<Record<string, unknown> | null> {
    const r = (await this.pool.query('SELECT json FROM sections WHERE story = $1', [story])).rows[0];
    return r ? JSON.parse(r.json) : null;
  }

  private async actorSummary(r: { id: string; name: string; type: Actor['type']; mentions: number; articles: number }): Promise<ActorSummary> {
    const perOutlet = (
      await this.pool.query(
        'SELECT a.outlet AS outlet, sum(x.mentions)::int AS mentions, count(*)::int AS articles FROM actor_articles x JOIN articles a ON a.id = x.article WHERE x.actor = $1 GROUP BY a.outlet',
        [r.id],
      )
    ).rows as { outlet: string | null; mentions: number; articles: number }[];
    return { id: r.id, name: r.name, type: r.type, mentions: r.mentions, articles: r.articles, perOutlet: perOutlet.sort(comparePerOutlet) };
  }

  async actors(query: ActorQuery = {}): Promise<Page<ActorSummary>> {
    const p = new Params();
    const parts: string[] = [];
    if (query.type !== undefined) parts.push(`t.type = ${p.add(query.type)}`);
    if (query.article !== undefined) parts.push(`EXISTS (SELECT 1 FROM actor_articles x WHERE x.actor = t.id AND x.article = ${p.add(query.article)})`);
    if (query.story !== undefined) parts.push(`EXISTS (SELECT 1 FROM actor_articles x JOIN story_articles sa ON sa.article = x.article WHERE x.actor = t.id AND sa.story = ${p.add(query.story)})`);
    const where = parts.length ? parts.join(' AND ') : 'true';
    const total = (await this.pool.query(`SELECT count(*)::int AS n FROM actors t WHERE ${where}`, p.values)).rows[0].n as number;
    const rows = (
      await this.pool.query(
        `SELECT t.id, t.name, t.type, t.mentions, t.articles FROM actors t WHERE ${where} ORDER BY t.mentions DESC, t.name, t.id LIMIT ${p.add(query.limit ?? DEFAULT_LIMIT)} OFFSET ${p.add(query.offset ?? 0)}`,
        p.values,
      )
    ).rows;
    return { items: await Promise.all(rows.map((r) => this.actorSummary(r))), total };
  }

  async actor(id: string): Promise<{ actor: Actor; summary: ActorSummary } | null> {
    const r = (await this.pool.query('SELECT id, name, type, mentions, articles, json FROM actors WHERE id = $1', [id])).rows[0];
    return r ? { actor: JSON.parse(r.json), summary: await this.actorSummary(r) } : null;
  }

  async outlets(): Promise<OutletSummary[]> {
    const rows = (
      await this.pool.query(
        'SELECT a.outlet AS outlet, count(DISTINCT a.id)::int AS articles, count(DISTINCT sa.story)::int AS stories FROM articles a LEFT JOIN story_articles sa ON sa.article = a.id GROUP BY a.outlet',
      )
    ).rows as OutletSummary[];
    return rows.sort(compareOutletRows);
  }

  private searchFrom(query: SearchQuery, p: Params): { from: string; node: SearchNode } {
    const node = parseSearch(query.query);
    const q = p.add(toTsquery(node));
    return { from: `articles a WHERE a.tsv @@ ${q}::tsquery AND ${this.where(query, p)}`, node };
  }

  async search(query: SearchQuery): Promise<Page<SearchHit>> {
    const p = new Params();
    const { from, node } = this.searchFrom(query, p);
    const total = (await this.pool.query(`SELECT count(*)::int AS n FROM ${from}`, p.values)).rows[0].n as number;
    const rows = (
      await this.pool.query(
        `SELECT ${SUMMARY_COLUMNS}, a.text FROM ${from} ORDER BY ts_rank(a.tsv, $1::tsquery) DESC, a.seq LIMIT ${p.add(query.limit ?? DEFAULT_LIMIT)} OFFSET ${p.add(query.offset ?? 0)}`,
        p.values,
      )
    ).rows as (ArticleRow & { text: string })[];
    // the excerpt around the first match, found as the memory store finds it (the index keeps no offsets)
    const items = rows.map((r) => {
      const title = searchWords(r.title ?? '');
      const text = searchWords(r.text);
      const { first } = matchDocument(node, [title.map((t) => t.w), text.map((t) => t.w)]);
      const at = first[1] !== null ? text[first[1]] : null;
      const t = first[0] !== null ? title[first[0]] : null;
      const snippet = at ? excerpt(r.text, at.start, at.end) : t ? excerpt(r.title ?? '', t.start, t.end) : '';
      return { ...toSummary(r), snippet };
    });
    return { items, total };
  }

  async searchFacets(query: SearchQuery): Promise<SearchFacets> {
    const p = new Params();
    const { from } = this.searchFrom(query, p);
    const rows = (await this.pool.query(`SELECT a.outlet, a.published, (SELECT sa.story FROM story_articles sa WHERE sa.article = a.id LIMIT 1) AS story FROM ${from}`, p.values)).rows;
    return facetCounts(rows);
  }

  async putJob(job: JobRecord): Promise<void> {
    await this.pool.query('INSERT INTO jobs (id, started, json) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET started = EXCLUDED.started, json = EXCLUDED.json', [job.id, job.started, JSON.stringify(job)]);
  }

  async jobs(query: PageQuery = {}): Promise<Page<JobRecord>> {
    const total = (await this.pool.query('SELECT count(*)::int AS n FROM jobs')).rows[0].n as number;
    const rows = (await this.pool.query('SELECT json FROM jobs ORDER BY started DESC, id DESC LIMIT $1 OFFSET $2', [query.limit ?? DEFAULT_LIMIT, query.offset ?? 0])).rows;
    return { items: rows.map((r) => JSON.parse(r.json) as JobRecord), total };
  }

  async job(id: string): Promise<JobRecord | null> {
    const r = (await this.pool.query('SELECT json FROM jobs WHERE id = $1', [id])).rows[0];
    return r ? (JSON.parse(r.json) as JobRecord) : null;
  }

  private closed = false;
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
