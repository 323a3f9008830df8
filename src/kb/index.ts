/**
 * The actor knowledge base: countries (names, capitals, demonyms) and the Phoenix actors (organisations,
 * armed and political groups, leaders with CAMEO codes and dates). Data lives in `data/kb/*.json`, built by
 * `scripts/build-kb.ts`; it is read once, on first use.
 */
import { readDataJson } from '../paths.js';
import type { ActorRecord, CountryRecord, KbActorType } from './types.js';

export type { ActorRecord, CountryRecord, KbActorType, CodeRange } from './types.js';

/** Lower case, curly quotes straightened, dots of acronyms kept ("U.S." and "US" stay distinct keys). */
export function normaliseName(name: string): string {
  // Printable ASCII words with single spaces between them are what NFKC, the quote and space rules and trim
  // all leave as they are: only the case changes. Most names are such, and the knowledge base's 100,000-odd
  // names at start-up then cost neither the regular expressions nor places in the memo.
  if (PLAIN_ASCII.test(name)) return name.toLowerCase();
  // Names recur across a corpus and are normalised again at every lookup: memoised (bounded).
  let key = normalised.get(name);
  if (key === undefined) {
    key = name
      .normalize('NFKC')
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
    if (normalised.size >= 100_000) normalised.clear();
    normalised.set(name, key);
  }
  return key;
}
const normalised = new Map<string, string>();
const PLAIN_ASCII = /^[!-~]+(?: [!-~]+)*$/;

interface Kb {
  countries: CountryRecord[];
  byCode: Map<string, CountryRecord>;
  byCountryName: Map<string, CountryRecord>;
  byDemonym: Map<string, CountryRecord>;
  byCapital: Map<string, CountryRecord>;
  actors: ActorRecord[];
  byActorName: Map<string, ActorRecord[]>;
}

let kb: Kb | null = null;

function readJson<T>(file: string): T {
  return readDataJson<T>(['kb', file], 'the knowledge base (rebuilt by scripts/build-kb.ts)');
}

function load(): Kb {
  if (kb) return kb;
  const countries = readJson<CountryRecord[]>('countries.json');
  const actors = readJson<ActorRecord[]>('actors.json');
  const byCode = new Map<string, CountryRecord>();
  const byCountryName = new Map<string, CountryRecord>();
  const byDemonym = new Map<string, CountryRecord>();
  const byCapital = new Map<string, CountryRecord>();
  // First writer wins: the alias file and common names come before rarer spellings of other countries.
  const put = (m: Map<string, CountryRecord>, k: string, c: CountryRecord): void => {
    const key = normaliseName(k);
    if (key && !m.has(key)) m.set(key, c);
  };
  for (const c of countries) {
    byCode.set(c.code, c);
    put(byCountryName, c.name, c);
  }
  for (const c of countries) {
    for (const n of c.names) put(byCountryName, n, c);
    for (const d of c.demonyms) put(byDemonym, d, c);
    for (const cap of c.capitals) put(byCapital, cap, c);
  }
  const byActorName = new Map<string, ActorRecord[]>();
  for (const a of actors) {
    for (const n of [a.name, ...a.aliases]) {
      const key = normaliseName(n);
      const list = byActorName.get(key);
      if (!list) byActorName.set(key, [a]);
      else if (!list.includes(a)) list.push(a);
    }
  }
  kb = { countries, byCode, byCountryName, byDemonym, byCapital, actors, byActorName };
  return kb;
}

/**
 * The knowledge-base actors a name (or alias) stands for, case-insensitively; several when it is ambiguous,
 * none when unknown. Countries are actors too (type GPE).
 *
 * @example
 * lookupActor('Hamas')[0]?.codes // → [['PSEREBHMS', null, null]]
 */
export function lookupActor(name: string): ActorRecord[] {
  return load().byActorName.get(normaliseName(name)) ?? [];
}

/**
 * The country a name stands for: a country name or alias ("Turkey", "U.S."), an ISO alpha-3 code, a demonym
 * ("Iranian"), a capital ("Ankara"), or a known actor whose CAMEO code starts with a country code. Null when
 * none is known.
 *
 * @example
 * countryOf('Britain')?.code // → 'GBR'
 */
export function countryOf(name: string): CountryRecord | null {
  const k = load();
  const key = normaliseName(name);
  const direct =
    k.byCountryName.get(key) ?? (/^[A-Z]{3}$/.test(name) ? k.byCode.get(name) : undefined) ?? k.byDemonym.get(key) ?? k.byCapital.get(key);
  if (direct) return direct;
  for (const actor of k.byActorName.get(key) ?? []) {
    for (const [code] of actor.codes) {
      const c = k.byCode.get(code.slice(0, 3));
      if (c) return c;
    }
  }
  return null;
}

/**
 * The country a demonym or nationality adjective stands for ("Kazakh" → KAZ), or null.
 *
 * @example
 * demonymToCountry('Iranian')?.code // → 'IRN'
 */
export function demonymToCountry(word: string): CountryRecord | null {
  return load().byDemonym.get(normaliseName(word)) ?? null;
}

/**
 * The capital of a country (by name, alias or alpha-3 code), or null when unknown.
 *
 * @example
 * capitalOf('Turkey') // → 'Ankara'
 */
export function capitalOf(country: string): string | null {
  const k = load();
  const c = (/^[A-Z]{3}$/.test(country) ? k.byCode.get(country) : undefined) ?? k.byCountryName.get(normaliseName(country));
  return c?.capitals[0] ?? null;
}

/** Gazetteer classes the tagger reads as features. */
export type GazetteerClass = 'country' | 'capital' | 'demonym' | 'person' | 'org' | 'place';

/**
 * Every knowledge-base phrase by class, lower-cased, for gazetteer features and matching. Phrases of one
 * character, and phrases that are only a title ("President"), are left out.
 *
 * @example
 * gazetteerPhrases().get('country')?.has('turkey') // → true
 */
export function gazetteerPhrases(): Map<GazetteerClass, Set<string>> {
  const out = new Map<GazetteerClass, Set<string>>([
    ['country', new Set()],
    ['capital', new Set()],
    ['demonym', new Set()],
    ['person', new Set()],
    ['org', new Set()],
    ['place', new Set()],
  ]);
  forEachGazetteerPhrase((cls, p) => out.get(cls)!.add(p));
  return out;
}

/**
 * The phrases of `gazetteerPhrases`, each with its class, in the same order, repeats included: for a reader
 * that merges them itself (the NER gazetteer ORs classes into bits) and need not pay for six sets first.
 */
export function forEachGazetteerPhrase(visit: (cls: GazetteerClass, phrase: string) => void): void {
  const k = load();
  const add = (cls: GazetteerClass, phrase: string): void => {
    const p = normaliseName(phrase);
    if (p.length > 1) visit(cls, p);
  };
  for (const c of k.countries) {
    for (const n of c.names) add('country', n);
    for (const n of c.capitals) add('capital', n);
    for (const n of c.demonyms) add('demonym', n);
  }
  const cls: Record<KbActorType, GazetteerClass> = { PERSON: 'person', ORG: 'org', GPE: 'place' };
  for (const a of k.actors) {
    add(cls[a.type], a.name);
    for (const n of a.aliases) add(cls[a.type], n);
  }
}
