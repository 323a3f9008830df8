/**
 * The store: analysed articles, their layers and the corpus results, kept between runs (see types.ts for
 * the interface every implementation honours, and conformance.ts for the suite they all pass).
 */
import { MemoryStore } from './memory.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export * from './types.js';
export { MemoryStore } from './memory.js';
export { SqliteStore, migrate } from './sqlite.js';
export { parseSearch, toFts5, searchTokens, type SearchNode } from './search.js';

/** The default store file of the CLI, in the working directory. */
export const DEFAULT_DB = 'parallax.db';

/**
 * Open the store a `--db` value names: `:memory:` (or `memory:`) for an in-memory store, else a SQLite file
 * (created when absent). A `postgres://` URL is refused here until the PostgreSQL store exists.
 */
export async function openStore(spec: string = DEFAULT_DB): Promise<Store> {
  if (spec === 'memory:' || spec === ':memory:') return new MemoryStore();
  if (/^postgres(?:ql)?:\/\//.test(spec)) throw new Error(`${spec.replace(/\/\/[^@/]*@/, '//…@')}: the PostgreSQL store is not available in this build`);
  return new SqliteStore(spec);
}
