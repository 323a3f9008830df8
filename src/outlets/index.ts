/**
 * The outlet registry: who publishes what, from `data/outlets.json` plus an optional user file (`--outlets FILE`
 * or the `PARALLAX_OUTLETS` environment variable) whose entries add to or replace the built-in ones by name.
 * Articles are matched to entries by their outlet field (name or alias) and by their URL's domain.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { OutletProfile, OwnershipType } from '../model.js';
import { dataPath } from '../paths.js';

/** One registry entry. */
export interface OutletEntry {
  name: string;
  aliases: string[];
  domains: string[];
  /** ISO 3166-1 alpha-3, null when not recorded */
  country: string | null;
  ownership: OwnershipType | null;
}

/** The loaded registry with its lookup indexes. */
export interface OutletRegistry {
  entries: OutletEntry[];
  byName: Map<string, OutletEntry>;
  byDomain: Map<string, OutletEntry>;
}

const OWNERSHIP: readonly OwnershipType[] = ['wire', 'state-funded', 'public', 'private', 'nonprofit'];

/** The form names are compared in: lower case, accents, a leading "the" and punctuation dropped. */
export function outletNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function readEntries(path: string): OutletEntry[] {
  if (!existsSync(path)) throw new Error(`${path}: outlet registry file not found`);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: outlet registry is not JSON: ${(err as Error).message}`);
  }
  const list = Array.isArray(doc) ? doc : (doc as { outlets?: unknown })?.outlets;
  if (!Array.isArray(list)) throw new Error(`${path}: outlet registry needs an "outlets" array (or a top-level array)`);
  return list.map((raw, i) => {
    const e = raw as Partial<Record<keyof OutletEntry, unknown>>;
    const where = `${path}: outlets[${i}]`;
    if (typeof e.name !== 'string' || !e.name.trim()) throw new Error(`${where}: "name" must be a non-empty string`);
    const strings = (v: unknown, field: string): string[] => {
      if (v === undefined) return [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`${where} (${e.name}): "${field}" must be an array of strings`);
      return v as string[];
    };
    const country = e.country ?? null;
    if (country !== null && (typeof country !== 'string' || !/^[A-Z]{3}$/.test(country))) {
      throw new Error(`${where} (${e.name}): "country" must be an ISO 3166-1 alpha-3 code or null, got ${JSON.stringify(country)}`);
    }
    const ownership = e.ownership ?? null;
    if (ownership !== null && !OWNERSHIP.includes(ownership as OwnershipType)) {
      throw new Error(`${where} (${e.name}): "ownership" must be one of ${OWNERSHIP.join(', ')} or null, got ${JSON.stringify(ownership)}`);
    }
    return {
      name: e.name.trim(),
      aliases: strings(e.aliases, 'aliases'),
      domains: strings(e.domains, 'domains').map((d) => d.toLowerCase().replace(/^www\./, '')),
      country: country as string | null,
      ownership: ownership as OwnershipType | null,
    };
  });
}

/**
 * Build a registry from the built-in list and, optionally, a user file whose entries replace built-in entries
 * with the same name and add the rest.
 *
 * @example
 * ```ts
 * const registry = loadOutletRegistry('my-outlets.json');
 * registry.byName.get(outletNameKey('Reuters'))?.ownership; // 'wire'
 * ```
 */
export function loadOutletRegistry(userFile?: string | null): OutletRegistry {
  const merged = new Map<string, OutletEntry>();
  for (const e of readEntries(dataPath('outlets.json'))) merged.set(outletNameKey(e.name), e);
  if (userFile) for (const e of readEntries(userFile)) merged.set(outletNameKey(e.name), e);
  const entries = [...merged.values()];
  const byName = new Map<string, OutletEntry>();
  const byDomain = new Map<string, OutletEntry>();
  // Names first, then aliases, so an alias never shadows another outlet's own name.
  for (const e of entries) byName.set(outletNameKey(e.name), e);
  for (const e of entries) for (const a of e.aliases) if (!byName.has(outletNameKey(a))) byName.set(outletNameKey(a), e);
  for (const e of entries) for (const d of e.domains) byDomain.set(d, e);
  return { entries, byName, byDomain };
}

let cached: { file: string | null; registry: OutletRegistry } | null = null;

/**
 * The registry in force: built-in plus the file named by `PARALLAX_OUTLETS` (set by `--outlets FILE`), loaded
 * once per file.
 *
 * @example
 * ```ts
 * outletRegistry().entries.length; // ≥ 100
 * ```
 */
export function outletRegistry(): OutletRegistry {
  const file = process.env.PARALLAX_OUTLETS?.trim() || null;
  if (!cached || cached.file !== file) cached = { file, registry: loadOutletRegistry(file) };
  return cached.registry;
}

/** The registry entry of a URL's host: the longest registered domain the host ends with (path domains too). */
function entryOfUrl(registry: OutletRegistry, url: string): OutletEntry | null {
  let host: string;
  let path = '';
  try {
    const u = new URL(url);
    host = u.hostname.toLowerCase().replace(/^www\./, '');
    path = u.pathname.split('/')[1] ?? '';
  } catch {
    return null;
  }
  if (path && registry.byDomain.has(`${host}/${path}`)) return registry.byDomain.get(`${host}/${path}`) ?? null;
  const parts = host.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const hit = registry.byDomain.get(parts.slice(i).join('.'));
    if (hit) return hit;
  }
  return null;
}

/** What an article says about its own outlet. */
export interface OutletEvidence {
  id: string;
  outlet: string | null;
  url: string | null;
}

/**
 * Match one article to the registry: its outlet field (name or alias), then its URL's domain. An outlet field
 * the registry does not know is kept as given; an article with neither is `unknown:<id>`.
 *
 * @example
 * ```ts
 * matchOutlet({ id: 'a1', outlet: null, url: 'https://www.reuters.com/world/x' }).key; // 'Reuters'
 * ```
 */
export function matchOutlet(article: OutletEvidence, registry: OutletRegistry = outletRegistry()): OutletProfile {
  const profile = (e: OutletEntry, method: string): OutletProfile => ({
    key: e.name,
    name: e.name,
    country: e.country,
    ownership: e.ownership,
    method,
    articles: [article.id],
  });
  if (article.outlet) {
    const key = outletNameKey(article.outlet);
    const e = registry.byName.get(key);
    if (e) return profile(e, outletNameKey(e.name) === key ? 'registry:name' : 'registry:alias');
  }
  if (article.url) {
    const e = entryOfUrl(registry, article.url);
    if (e) return profile(e, 'registry:domain');
  }
  if (article.outlet) {
    return { key: article.outlet, name: article.outlet, country: null, ownership: null, method: 'meta:outlet', articles: [article.id] };
  }
  return { key: `unknown:${article.id}`, name: null, country: null, ownership: null, method: 'none', articles: [article.id] };
}

/**
 * Profiles of all articles' outlets, one per outlet, with the articles each published.
 *
 * @example
 * ```ts
 * profileOutlets(briefing.articles.map((a) => ({ id: a.id, outlet: a.meta.outlet.value, url: a.meta.url.value })));
 * ```
 */
export function profileOutlets(articles: OutletEvidence[], registry: OutletRegistry = outletRegistry()): OutletProfile[] {
  const byKey = new Map<string, OutletProfile>();
  for (const a of articles) {
    const p = matchOutlet(a, registry);
    const seen = byKey.get(p.key);
    if (seen) seen.articles.push(a.id);
    else byKey.set(p.key, p);
  }
  return [...byKey.values()];
}

/**
 * A short label for tables: the name with country and ownership when the registry knows them.
 *
 * @example
 * ```ts
 * outletLabel(profile); // 'Reuters (GBR, wire)'
 * ```
 */
export function outletLabel(p: OutletProfile): string {
  const name = p.name ?? `unknown outlet (${p.articles[0]?.slice(0, 8) ?? '?'})`;
  const tags = [p.country, p.ownership].filter((x): x is string => x !== null);
  return tags.length ? `${name} (${tags.join(', ')})` : name;
}
