/**
 * The PostgreSQL schema, as numbered migrations (SQL) applied in order and recorded in `schema_migrations`,
 * all of them in one transaction under an advisory lock, so that workers starting together on many machines
 * migrate once. A migration, once released, is never edited: a change to the schema is a new entry at the end.
 *
 * Text columns that lists sort by are `COLLATE "C"` (byte order, as SQLite sorts), whatever the database's
 * locale. JSON is kept as text, byte for byte what the stages wrote (jsonb would reorder keys).
 */
import type { Migration } from './migrations.js';

export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'articles, layers, sources, actors, stories, sections, full-text index, jobs',
    sql: `
      CREATE TABLE articles (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT COLLATE "C" NOT NULL UNIQUE,
        title TEXT COLLATE "C",
        outlet TEXT COLLATE "C",
        published TEXT COLLATE "C",
        language TEXT,
        path TEXT NOT NULL,
        text TEXT NOT NULL,
        -- the Article without its text (kept once, in the column above)
        json TEXT NOT NULL,
        -- title and text as searchTokens (src/store/search.ts) makes them: the one tokenisation every store shares
        tsv TSVECTOR NOT NULL
      );
      CREATE INDEX articles_outlet ON articles (outlet);
      CREATE INDEX articles_published ON articles (published);
      CREATE INDEX articles_tsv ON articles USING GIN (tsv);

      CREATE TABLE sources (
        hash TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        record INTEGER,
        article TEXT COLLATE "C" NOT NULL
      );

      CREATE TABLE layers (
        article TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        stage TEXT COLLATE "C" NOT NULL,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article, stage)
      );
      CREATE INDEX layers_stage ON layers (stage, version);

      CREATE TABLE actors (
        rank INTEGER NOT NULL,
        id TEXT COLLATE "C" PRIMARY KEY,
        name TEXT COLLATE "C" NOT NULL,
        type TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        json TEXT NOT NULL
      );
      CREATE TABLE actor_articles (
        actor TEXT COLLATE "C" NOT NULL,
        article TEXT COLLATE "C" NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (actor, article)
      );
      CREATE INDEX actor_articles_article ON actor_articles (article);

      CREATE TABLE stories (
        rank INTEGER NOT NULL,
        id TEXT COLLATE "C" PRIMARY KEY,
        title TEXT,
        size INTEGER NOT NULL,
        date_from TEXT COLLATE "C",
        date_to TEXT COLLATE "C",
        json TEXT NOT NULL
      );
      CREATE TABLE story_articles (
        story TEXT COLLATE "C" NOT NULL,
        article TEXT COLLATE "C" NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (story, article)
      );
      CREATE INDEX story_articles_article ON story_articles (article);

      CREATE TABLE sections (
        story TEXT COLLATE "C" PRIMARY KEY,
        json TEXT NOT NULL,
        -- what the sections were built from (the story key of src/store/update.ts); null when not known
        key TEXT
      );

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        json TEXT NOT NULL
      );

      CREATE TABLE jobs (
        id TEXT COLLATE "C" PRIMARY KEY,
        started TEXT COLLATE "C" NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX jobs_started ON jobs (started);
    `,
  },
  {
    version: 2,
    name: 'queued inputs and the dead-letter list of the worker queue',
    sql: `
      -- an input 'parallax add' enqueued: its bytes, written in the transaction that sends its job
      CREATE TABLE inputs (
        -- the order inputs were enqueued in: the corpus stages read articles in this order, as 'add' read them
        seq BIGSERIAL UNIQUE,
        hash TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        bytes BYTEA NOT NULL,
        queued TIMESTAMPTZ NOT NULL DEFAULT now(),
        -- set when a worker has committed every article of the input (or recorded why it could not)
        done TIMESTAMPTZ
      );
      -- where an article first came in the queue's order (inputs.seq, then record); null outside the queue
      ALTER TABLE articles ADD COLUMN origin NUMERIC;
      -- inputs or records no worker could analyse, with why (the stage error, or the last error after retries)
      CREATE TABLE dead_letters (
        hash TEXT NOT NULL,
        record INTEGER NOT NULL DEFAULT -1,
        path TEXT NOT NULL,
        reason TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (hash, record)
      );
    `,
  },
];
