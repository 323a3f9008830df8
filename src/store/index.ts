/**
 * The store: analysed articles, their layers and the corpus results, kept between runs (see types.ts for
 * the interface every implementation honours, and conformance.ts for the suite they all pass).
 */
import { MemoryStore } from './memory.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './types.js';

/** Is this `--db` value a PostgreSQL URL? */
export const isPostgresUrl = (spec: string): boolean => /^postgres(?:ql)?:\/\//.test(spec);

export * from './types.js';
export { MemoryStore } from './memory.js';
export { SqliteStore, migrate } from './sqlite.js';
export { parseSearch, toFts5, searchTokens, type SearchNode } from './search.js';

/** The default store of the CLI: `PARALLAX_DB` when set (a file or a `postgres://` URL), else a file in the working directory. */
export const DEFAULT_DB = process.env.PARALLAX_DB || 'parallax.db';

/**
 * Open the store a `--db` value names: `:memory:` (or `memory:`) for an in-memory store, else a SQLite file
 * (created when absent), or a `postgres://` URL for the PostgreSQL store (loaded only then, as is `pg`).
 */
export async function openStore(spec: string = DEFAULT_DB): Promise<Store> {
  if (spec === 'memory:' || spec === ':memory:') return new MemoryStore();
  if (isPostgresUrl(spec)) return (await import('./postgres.js')).PostgresStore.open(spec);
  return new SqliteStore(spec);
}
