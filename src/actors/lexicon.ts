/**
 * The linker's data: the titles-and-roles lexicon (`data/roles.json`) and a country table read from the
 * knowledge base's `data/kb/countries.json` (names, capitals, demonyms by ISO alpha-3 code). The kb module
 * answers "which country does this name suggest" for any name; the linker also needs to know *how* a word
 * names a country (its name, its capital or its demonym), so it reads the same file into its own maps.
 * Both are read once, on first use.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';

/** The shape of `data/roles.json`. */
export interface RolesLexicon {
  roleNouns: Set<string>;
  roleModifiers: Set<string>;
  nominalHeads: Set<string>;
  personPronouns: Set<string>;
  nameParticles: Set<string>;
  orgHeads: Set<string>;
  /** lower-case nouns that, after "the", can refer back to an organisation named earlier ("the union") */
  orgNominalHeads: Set<string>;
  /** modifiers that point away from the organisation named earlier ("the other union", "a new authority") */
  orgNominalNonReferringModifiers: Set<string>;
  /** heads that are also abstract nouns ("the authority to act", "the service of the court"): not before to/of/over */
  orgNominalAbstractHeads: Set<string>;
  demonymOrgHeads: string[];
  governmentHeads: Set<string>;
  locativePrepositions: Set<string>;
  acronymStopwords: Set<string>;
  aliasIntroducers: string[];
  internationalCodePrefixes: string[];
}

/** How words name countries, by ISO alpha-3 code. Keys are lower case. */
export interface CountryTable {
  byName: Map<string, string>;
  byCapital: Map<string, string>;
  byDemonym: Map<string, string>;
  /** code → display name and every name */
  names: Map<string, { name: string; names: string[]; demonyms: string[] }>;
}

let roles: RolesLexicon | null = null;
let countries: CountryTable | null = null;

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: cannot read (${(err as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
  }
}

function stringList(path: string, obj: Record<string, unknown>, key: string): string[] {
  const v = obj[key];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`${path}: "${key}" must be a list of strings`);
  return (v as string[]).map((x) => x.toLowerCase());
}

/**
 * The titles-and-roles lexicon, loaded once.
 *
 * @example
 * rolesLexicon().roleNouns.has('minister') // → true
 */
export function rolesLexicon(): RolesLexicon {
  if (roles) return roles;
  const path = dataPath('roles.json');
  const raw = readJson(path);
  if (typeof raw !== 'object' || raw === null) throw new Error(`${path}: expected an object`);
  const o = raw as Record<string, unknown>;
  const set = (k: string): Set<string> => new Set(stringList(path, o, k));
  roles = {
    roleNouns: set('roleNouns'),
    roleModifiers: set('roleModifiers'),
    nominalHeads: set('nominalHeads'),
    personPronouns: set('personPronouns'),
    nameParticles: set('nameParticles'),
    orgHeads: set('orgHeads'),
    orgNominalHeads: set('orgNominalHeads'),
    orgNominalNonReferringModifiers: set('orgNominalNonReferringModifiers'),
    orgNominalAbstractHeads: set('orgNominalAbstractHeads'),
    demonymOrgHeads: stringList(path, o, 'demonymOrgHeads').sort((a, b) => b.length - a.length),
    governmentHeads: set('governmentHeads'),
    locativePrepositions: set('locativePrepositions'),
    acronymStopwords: set('acronymStopwords'),
    aliasIntroducers: stringList(path, o, 'aliasIntroducers').sort((a, b) => b.length - a.length),
    internationalCodePrefixes: stringList(path, o, 'internationalCodePrefixes').map((x) => x.toUpperCase()),
  };
  return roles;
}

/** Straight apostrophes, single spaces, lower case: the key form of a name. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The country table, loaded once. A capital written with a trailing abbreviation ("Washington D.C.") is also
 * known by its bare name, as news text writes it.
 *
 * @example
 * countryTable().byCapital.get('moscow') // → 'RUS'
 */
export function countryTable(): CountryTable {
  if (countries) return countries;
  const path = dataPath('kb', 'countries.json');
  const raw = readJson(path);
  if (!Array.isArray(raw)) throw new Error(`${path}: expected a list of countries`);
  const t: CountryTable = { byName: new Map(), byCapital: new Map(), byDemonym: new Map(), names: new Map() };
  const put = (m: Map<string, string>, k: string, code: string): void => {
    const key = nameKey(k);
    if (key && !m.has(key)) m.set(key, code);
  };
  for (const c of raw as { code: string; name: string; names: string[]; capitals: string[]; demonyms: string[] }[]) {
    if (typeof c.code !== 'string' || !Array.isArray(c.names)) throw new Error(`${path}: a country without code or names`);
    t.names.set(c.code, { name: c.name, names: c.names, demonyms: c.demonyms ?? [] });
    put(t.byName, c.name, c.code);
  }
  for (const c of raw as { code: string; names: string[]; capitals: string[]; demonyms: string[] }[]) {
    for (const n of c.names) put(t.byName, n, c.code);
    for (const d of c.demonyms ?? []) {
      // world-countries lists dependent territories among the demonyms of their sovereign ("Guam" for USA):
      // only adjectives (ending like demonyms do) are read as demonyms here.
      if (/(an|ian|ese|ish|i|ic|ch|ot|er|ine|ean|ite|s|k)$/i.test(d) && !t.byName.has(nameKey(d))) put(t.byDemonym, d, c.code);
    }
    for (const cap of c.capitals ?? []) {
      put(t.byCapital, cap, c.code);
      const bare = cap.replace(/(\s+(?:[A-Z]\.){2,}|,.*)$/, '');
      if (bare !== cap) put(t.byCapital, bare, c.code);
    }
  }
  return (countries = t);
}
