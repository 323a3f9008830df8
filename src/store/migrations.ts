/**
 * The SQLite schema, as numbered migrations applied in order and recorded in `schema_migrations`. A migration,
 * once released, is never edited: a change to the schema is a new entry at the end.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'articles, layers, sources, actors, stories, sections, full-text index',
    sql: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT,
        path TEXT NOT NULL,
        text TEXT NOT NULL,
        -- the Article without its text (kept once, in the column above)
        json TEXT NOT NULL
      );
      CREATE INDEX articles_outlet ON articles (outlet);
      CREATE INDEX articles_published ON articles (published);

      CREATE TABLE sources (
        hash TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        record INTEGER,
        article TEXT NOT NULL
      );

      CREATE TABLE layers (
        article TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article, stage)
      ) WITHOUT ROWID;
      CREATE INDEX layers_stage ON layers (stage, version);

      CREATE TABLE actors (
        rank INTEGER NOT NULL,
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        json TEXT NOT NULL
      );
      CREATE TABLE actor_articles (
        actor TEXT NOT NULL,
        article TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (actor, article)
      ) WITHOUT ROWID;
      CREATE INDEX actor_articles_article ON actor_articles (article);

      CREATE TABLE stories (
        rank INTEGER NOT NULL,
        id TEXT PRIMARY KEY,
        title TEXT,
        size INTEGER NOT NULL,
        date_from TEXT,
        date_to TEXT,
        json TEXT NOT NULL
      );
      CREATE TABLE story_articles (
        story TEXT NOT NULL,
        article TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (story, article)
      ) WITHOUT ROWID;
      CREATE INDEX story_articles_article ON story_articles (article);

      CREATE TABLE sections (
        story TEXT PRIMARY KEY,
        json TEXT NOT NULL
      );

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        json TEXT NOT NULL
      );

      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content = 'articles', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 2,
    name: 'jobs: progress, counts and failures of add jobs',
    sql: `
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        started TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX jobs_started ON jobs (started);
    `,
  },
];

/**
 * The migrations a database with `done` applied still needs, oldest first; an error when the database is newer
 * than this code (a newer parallax migrated it): both stores refuse to run on a schema they do not know.
 */
export function pendingMigrations(done: ReadonlySet<number>, migrations: readonly Migration[]): Migration[] {
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  const ahead = [...done].filter((v) => v > newest);
  if (ahead.length) throw new Error(`the database has schema version ${Math.max(...ahead)}, newer than this parallax knows (${newest})`);
  return [...migrations].sort((a, b) => a.version - b.version).filter((m) => !done.has(m.version));
}
