/**
 * The outlet registry: who publishes what, from `data/outlets.json` plus an optional user file (`--outlets FILE`
 * or the `PARALLAX_OUTLETS` environment variable) whose entries add to the built-in ones or, by name, override the
 * fields they give. Articles are matched to entries by their outlet field (name or alias, with a section label
 * such as "(Opinion)" or "- News" read apart) and by their URL's domain. An opinion piece (told by its label or
 * its URL's path) belongs to the outlet's opinion section, which has its own entry and rating where one is known.
 * Lean is registry data with its source and date (built by `scripts/build-outlets.ts` from AllSides' published
 * ratings); it is never inferred from an article.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Lean, LeanRating, OutletProfile, OutletSection, OwnershipType } from '../model.js';
import { dataPath } from '../paths.js';

/** One registry entry. */
export interface OutletEntry {
  name: string;
  aliases: string[];
  domains: string[];
  /** ISO 3166-1 alpha-3, null when not recorded */
  country: string | null;
  ownership: OwnershipType | null;
  /** `news` unless the entry is an outlet's opinion section */
  section: OutletSection;
  /** for an opinion section, the name of its outlet's entry */
  parent: string | null;
  /** published ratings of its lean, oldest first */
  ratings: LeanRating[];
  /** a lean the user's registry sets (a rating, or null for "unknown"); it wins over `ratings` */
  lean?: LeanRating | null;
}

/** The loaded registry with its lookup indexes. */
export interface OutletRegistry {
  entries: OutletEntry[];
  byName: Map<string, OutletEntry>;
  byDomain: Map<string, OutletEntry>;
  /** name key of an outlet → its opinion section's entry */
  opinionOf: Map<string, OutletEntry>;
  sections: SectionRules;
}

/** How labels and URL paths tell an outlet's opinion section from its news (`sections` in data/outlets.json). */
export interface SectionRules {
  /** URL path segments that hold opinion pieces ("opinion", "commentisfree") */
  opinionPathSegments: string[];
  /** label suffixes that name an opinion section ("Opinion", "Editorial") */
  opinionLabels: string[];
  /** label suffixes that name the news section ("News", "Online News") */
  newsLabels: string[];
}

const OWNERSHIP: readonly OwnershipType[] = ['wire', 'state-funded', 'public', 'private', 'nonprofit'];

/** The five-point scale, left to right, then AllSides' `mixed`. */
export const LEANS: readonly Lean[] = ['left', 'lean left', 'center', 'lean right', 'right', 'mixed'];

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

/** An entry as a file gives it, with the fields it sets (a user entry overrides only those). */
interface ReadEntry {
  entry: OutletEntry;
  given: Set<keyof OutletEntry>;
}

function readDoc(path: string): unknown {
  if (!existsSync(path)) throw new Error(`${path}: outlet registry file not found`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: outlet registry is not JSON: ${(err as Error).message}`);
  }
}

function readRating(v: unknown, where: string, field: string, defaultSource: string): LeanRating {
  const bad = (why: string): never => {
    throw new Error(`${where}: "${field}" ${why}, got ${JSON.stringify(v)}`);
  };
  const scale = `one of ${LEANS.map((l) => `"${l}"`).join(', ')}`;
  if (typeof v === 'string') {
    if (!LEANS.includes(v as Lean)) bad(`must be ${scale} or null`);
    return { value: v as Lean, source: defaultSource, date: null };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad(`must be ${scale}, null, or {"value", "source", "date"}`);
  const r = v as Record<string, unknown>;
  if (!LEANS.includes(r.value as Lean)) bad(`value must be ${scale}`);
  if (r.source !== undefined && (typeof r.source !== 'string' || !r.source.trim())) bad('source must be a non-empty string');
  if (r.date !== undefined && r.date !== null && (typeof r.date !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.date))) bad('date must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or null');
  return {
    value: r.value as Lean,
    source: (r.source as string | undefined)?.trim() ?? defaultSource,
    date: (r.date as string | null | undefined) ?? null,
    ...(typeof r.ratedAs === 'string' ? { ratedAs: r.ratedAs } : {}),
    ...(typeof r.url === 'string' ? { url: r.url } : {}),
  };
}

function readEntries(path: string, doc: unknown = readDoc(path)): ReadEntry[] {
  const list = Array.isArray(doc) ? doc : (doc as { outlets?: unknown })?.outlets;
  if (!Array.isArray(list)) throw new Error(`${path}: outlet registry needs an "outlets" array (or a top-level array)`);
  return list.map((raw, i) => {
    const e = raw as Partial<Record<keyof OutletEntry, unknown>>;
    const where = `${path}: outlets[${i}]`;
    if (typeof e.name !== 'string' || !e.name.trim()) throw new Error(`${where}: "name" must be a non-empty string`);
    const at = `${where} (${e.name})`;
    const strings = (v: unknown, field: string): string[] => {
      if (v === undefined) return [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`${at}: "${field}" must be an array of strings`);
      return v as string[];
    };
    const country = e.country ?? null;
    if (country !== null && (typeof country !== 'string' || !/^[A-Z]{3}$/.test(country))) {
      throw new Error(`${at}: "country" must be an ISO 3166-1 alpha-3 code or null, got ${JSON.stringify(country)}`);
    }
    const ownership = e.ownership ?? null;
    if (ownership !== null && !OWNERSHIP.includes(ownership as OwnershipType)) {
      throw new Error(`${at}: "ownership" must be one of ${OWNERSHIP.join(', ')} or null, got ${JSON.stringify(ownership)}`);
    }
    const section = e.section ?? 'news';
    if (section !== 'news' && section !== 'opinion') throw new Error(`${at}: "section" must be "news" or "opinion", got ${JSON.stringify(section)}`);
    const parent = e.parent ?? null;
    if (parent !== null && (typeof parent !== 'string' || !parent.trim())) throw new Error(`${at}: "parent" must be an outlet name or null, got ${JSON.stringify(parent)}`);
    if (e.ratings !== undefined && !Array.isArray(e.ratings)) throw new Error(`${at}: "ratings" must be an array of {"value", "source", "date"}`);
    const source = `user registry ${path}`;
    const ratings = ((e.ratings as unknown[] | undefined) ?? []).map((r, k) => readRating(r, at, `ratings[${k}]`, source));
    const given = new Set(Object.keys(e) as (keyof OutletEntry)[]);
    const entry: OutletEntry = {
      name: e.name.trim(),
      aliases: strings(e.aliases, 'aliases'),
      domains: strings(e.domains, 'domains').map((d) => d.toLowerCase().replace(/^www\./, '')),
      country: country as string | null,
      ownership: ownership as OwnershipType | null,
      section,
      parent: parent as string | null,
      ratings,
      ...('lean' in e ? { lean: e.lean === null ? null : readRating(e.lean, at, 'lean', source) } : {}),
    };
    return { entry, given };
  });
}

function readSections(path: string, doc: unknown): SectionRules {
  const s = (doc as { sections?: Record<string, unknown> })?.sections ?? {};
  const list = (key: string): string[] => {
    const v = s[key];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`${path}: "sections.${key}" must be a list of strings`);
    return v as string[];
  };
  return { opinionPathSegments: list('opinionPathSegments').map((x) => x.toLowerCase()), opinionLabels: list('opinionLabels'), newsLabels: list('newsLabels') };
}

/**
 * Build a registry from the built-in list and, optionally, a user file whose entries override the fields they
 * give of the built-in entry with the same name (a `lean` there wins over the built-in ratings) and add the rest.
 *
 * @example
 * ```ts
 * const registry = loadOutletRegistry('my-outlets.json');
 * registry.byName.get(outletNameKey('Reuters'))?.ownership; // 'wire'
 * ```
 */
export function loadOutletRegistry(userFile?: string | null): OutletRegistry {
  const builtinPath = dataPath('outlets.json');
  const builtin = readDoc(builtinPath);
  const merged = new Map<string, OutletEntry>();
  for (const { entry } of readEntries(builtinPath, builtin)) merged.set(outletNameKey(entry.name), entry);
  if (userFile) {
    // A user entry with a built-in name overrides the fields it gives and keeps the others.
    for (const { entry, given } of readEntries(userFile)) {
      const key = outletNameKey(entry.name);
      const base = merged.get(key);
      if (!base) {
        merged.set(key, entry);
        continue;
      }
      const next: OutletEntry = { ...base };
      for (const field of given) if (field in entry) (next as unknown as Record<string, unknown>)[field] = entry[field];
      merged.set(key, next);
    }
  }
  const entries = [...merged.values()];
  const byName = new Map<string, OutletEntry>();
  const byDomain = new Map<string, OutletEntry>();
  const opinionOf = new Map<string, OutletEntry>();
  // Names first, then aliases, so an alias never shadows another outlet's own name.
  for (const e of entries) byName.set(outletNameKey(e.name), e);
  for (const e of entries) for (const a of e.aliases) if (!byName.has(outletNameKey(a))) byName.set(outletNameKey(a), e);
  for (const e of entries) for (const d of e.domains) byDomain.set(d, e);
  for (const e of entries) if (e.section === 'opinion' && e.parent) opinionOf.set(outletNameKey(e.parent), e);
  return { entries, byName, byDomain, opinionOf, sections: readSections(builtinPath, builtin) };
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

/** The host and path segments of a URL, or null when it is not one. */
function parseUrl(url: string): { host: string; segments: string[] } | null {
  try {
    const u = new URL(url);
    return { host: u.hostname.toLowerCase().replace(/^www\./, ''), segments: u.pathname.split('/').filter(Boolean).map((x) => x.toLowerCase()) };
  } catch {
    return null;
  }
}

/** The registry entry of a URL's host: the longest registered domain the host ends with (path domains too). */
function entryOfUrl(registry: OutletRegistry, url: string): OutletEntry | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  const { host, segments } = parsed;
  const path = segments[0] ?? '';
  if (path && registry.byDomain.has(`${host}/${path}`)) return registry.byDomain.get(`${host}/${path}`) ?? null;
  const parts = host.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const hit = registry.byDomain.get(parts.slice(i).join('.'));
    if (hit) return hit;
  }
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An outlet label read apart into the outlet and the section it names: "CNN (Opinion)", "Wall Street Journal -
 * Editorial", "Fox News Opinion" name an opinion section; "New York Times (News)", "NPR Online News" the news.
 *
 * @example
 * ```ts
 * splitSectionLabel('Wall Street Journal (Opinion)'); // { base: 'Wall Street Journal', section: 'opinion' }
 * ```
 */
export function splitSectionLabel(label: string, rules: SectionRules = outletRegistry().sections): { base: string; section: OutletSection | null } {
  const text = label.trim();
  for (const [section, labels] of [['opinion', rules.opinionLabels], ['news', rules.newsLabels]] as const) {
    // Longest first, so "Online News" is read before "News".
    for (const l of [...labels].sort((x, y) => y.length - x.length)) {
      // "(Opinion)", "- Opinion", ": Opinion", or a plain trailing "Opinion" after the outlet's name.
      const m = new RegExp(`^(.+?)\\s*(?:\\(\\s*${escapeRegExp(l)}\\s*\\)|[-\u2013\u2014:|]\\s*${escapeRegExp(l)}|\\s${escapeRegExp(l)})\\s*$`, 'i').exec(text);
      if (m && m[1].trim()) return { base: m[1].trim(), section };
    }
  }
  return { base: text, section: null };
}

/**
 * Whether a URL's path puts the page in an opinion section ("/opinion/", "/opinions/", "/commentisfree/").
 *
 * @example
 * ```ts
 * isOpinionUrl('https://example.com/opinion/2030/05/talks'); // true
 * ```
 */
export function isOpinionUrl(url: string | null, rules: SectionRules = outletRegistry().sections): boolean {
  if (!url) return false;
  const parsed = parseUrl(url);
  return !!parsed && parsed.segments.slice(0, -1).some((seg) => rules.opinionPathSegments.includes(seg));
}

/**
 * The lean an entry shows: the user's when their registry sets one (null there means unknown), else the latest
 * dated rating, else none.
 */
export function shownLean(e: Pick<OutletEntry, 'ratings' | 'lean'>): LeanRating | null {
  if (e.lean !== undefined) return e.lean;
  if (e.ratings.length === 0) return null;
  return [...e.ratings].sort((x, y) => (x.date ?? '').localeCompare(y.date ?? '')).at(-1) ?? null;
}

/** What an article says about its own outlet. */
export interface OutletEvidence {
  id: string;
  outlet: string | null;
  url: string | null;
}

function entryOfName(registry: OutletRegistry, name: string): { entry: OutletEntry; how: 'name' | 'alias' } | null {
  const key = outletNameKey(name);
  const e = registry.byName.get(key);
  return e ? { entry: e, how: outletNameKey(e.name) === key ? 'name' : 'alias' } : null;
}

/**
 * Match one article to the registry: its outlet field (name or alias, then the name without a section label,
 * then that name + "News"), then its URL's domain. An opinion piece (by label, entry or URL path) is given its
 * outlet's opinion section: that section's own entry when the registry has one, else a section of the outlet
 * whose lean is the outlet's latest rating of the whole outlet (a rating of its news section alone, "X (News)",
 * does not carry over: then the lean is unknown). An outlet field the registry does not know is kept as given; an
 * article with neither is `unknown:<id>`.
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
    lean: shownLean(e),
    ratings: e.ratings,
    section: e.section,
    parent: e.parent,
  });
  const label = article.outlet ? splitSectionLabel(article.outlet, registry.sections) : null;
  let found: { entry: OutletEntry; how: string } | null = null;
  if (article.outlet) {
    found = entryOfName(registry, article.outlet);
    if (!found && label && label.base !== article.outlet.trim()) {
      const base = entryOfName(registry, label.base) ?? entryOfName(registry, `${label.base} News`);
      if (base) found = { entry: base.entry, how: `${base.how}+section-label` };
    }
  }
  if (!found && article.url) {
    const e = entryOfUrl(registry, article.url);
    if (e) found = { entry: e, how: 'domain' };
  }
  const opinion = label?.section === 'opinion' || found?.entry.section === 'opinion' || (label?.section !== 'news' && isOpinionUrl(article.url, registry.sections));
  if (found) {
    const e = found.entry;
    if (!opinion || e.section === 'opinion') return profile(e, `registry:${found.how}`);
    const section = registry.opinionOf.get(outletNameKey(e.name));
    if (section) return profile(section, `registry:${found.how}+opinion`);
    const whole = e.ratings.filter((r) => splitSectionLabel(r.ratedAs ?? e.name, registry.sections).section !== 'news');
    const lean = e.lean !== undefined ? e.lean : shownLean({ ratings: whole });
    // `+opinion-unrated`: the section has no entry of its own; its lean, if any, is the whole outlet's.
    return { ...profile(e, `registry:${found.how}+opinion-unrated`), key: `${e.name} (Opinion)`, name: `${e.name} (Opinion)`, lean, ratings: whole, section: 'opinion', parent: e.name };
  }
  const section: OutletSection = opinion ? 'opinion' : 'news';
  if (article.outlet) {
    return { key: article.outlet, name: article.outlet, country: null, ownership: null, method: 'meta:outlet', articles: [article.id], lean: null, section, parent: null };
  }
  return { key: `unknown:${article.id}`, name: null, country: null, ownership: null, method: 'none', articles: [article.id], lean: null, section, parent: null };
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
