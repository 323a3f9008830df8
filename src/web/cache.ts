/**
 * Values the app derives from the corpus results (a story's parsed briefing, its rendered page), kept while the
 * results are the same. A story's briefing is stored as one JSON document (1.6 MB for a 34-article story of
 * PolNeAR); parsing and rendering it again on every request is most of what a story page costs. The corpus
 * results change only through `commitCorpus`, and `add` and `reanalyse` then store a new corpus key
 * (src/store/update.ts), so the key read per request tells when every kept value is stale, also when another
 * process updated the store. A store with no corpus key (results committed without one) is never cached.
 */
import type { Store } from '../store/types.js';

/** The corpus key stored beside the corpus results, or null when there is none. */
export async function corpusKey(store: Store): Promise<string | null> {
  const meta = (await store.meta('corpus')) as { key?: unknown } | null;
  return typeof meta?.key === 'string' ? meta.key : null;
}

/**
 * A least-recently-used map of at most `max` values, emptied when the corpus key changes. It keeps promises,
 * so requests arriving together for the same story share one computation; a failed one is not kept.
 */
export class CorpusCache<T> {
  private key: string | null = null;
  private readonly entries = new Map<string, Promise<T>>();

  constructor(
    private readonly store: Store,
    private readonly max: number,
  ) {}

  async get(id: string, make: () => Promise<T>): Promise<T> {
    const key = await corpusKey(this.store);
    if (key === null) return make();
    if (key !== this.key) {
      this.entries.clear();
      this.key = key;
    }
    const kept = this.entries.get(id);
    if (kept) {
      // most recently used last
      this.entries.delete(id);
      this.entries.set(id, kept);
      return kept;
    }
    const made = make();
    this.entries.set(id, made);
    made.catch(() => {
      if (this.entries.get(id) === made) this.entries.delete(id);
    });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }

  /** How many values are kept (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
