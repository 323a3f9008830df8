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
  /** describing adjectives before a name ("embattled", "populist"): not part of it */
  epithets: Set<string>;
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
  /** last words of multi-word place names that are political units ("... County", "... Province") */
  placeHeads: Set<string>;
  locativePrepositions: Set<string>;
  acronymStopwords: Set<string>;
  aliasIntroducers: string[];
  internationalCodePrefixes: string[];
  /** kinds of named works ("book", "film"): a quoted title after one is one name */
  workNouns: Set<string>;
  /** last words of a named law, bill, plan or accord ("act", "plan", "agreement") */
  lawHeads: Set<string>;
  /** last words of a named event ("summit", "games", "cup") */
  eventHeads: Set<string>;
  eventOpeners: Set<string>;
  holidayHeads: Set<string>;
  /** last words of a named landmark or natural feature ("bridge", "mountains") */
  landmarkHeads: Set<string>;
  /** lower-case nouns of a political place around a name ("county" after it, "the town of" before it) */
  placeNouns: Set<string>;
  /** honorifics and person nouns of one sex before a lone surname ("Mr.", "first lady"): which namesake is meant */
  /** the first word of an office's body in "<role> of (the) <Body> <Name>" ("Speaker of the House") */
  officeBodies: Set<string>;
  maleTitles: Set<string>;
  femaleTitles: Set<string>;
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
    epithets: set('epithets'),
    nominalHeads: set('nominalHeads'),
    personPronouns: set('personPronouns'),
    nameParticles: set('nameParticles'),
    orgHeads: set('orgHeads'),
    orgNominalHeads: set('orgNominalHeads'),
    orgNominalNonReferringModifiers: set('orgNominalNonReferringModifiers'),
    orgNominalAbstractHeads: set('orgNominalAbstractHeads'),
    demonymOrgHeads: stringList(path, o, 'demonymOrgHeads').sort((a, b) => b.length - a.length),
    governmentHeads: set('governmentHeads'),
    placeHeads: set('placeHeads'),
    locativePrepositions: set('locativePrepositions'),
    acronymStopwords: set('acronymStopwords'),
    aliasIntroducers: stringList(path, o, 'aliasIntroducers').sort((a, b) => b.length - a.length),
    internationalCodePrefixes: stringList(path, o, 'internationalCodePrefixes').map((x) => x.toUpperCase()),
    workNouns: set('workNouns'),
    lawHeads: set('lawHeads'),
    eventHeads: set('eventHeads'),
    eventOpeners: set('eventOpeners'),
    holidayHeads: set('holidayHeads'),
    landmarkHeads: set('landmarkHeads'),
    placeNouns: set('placeNouns'),
    officeBodies: set('officeBodies'),
    maleTitles: set('maleTitles'),
    femaleTitles: set('femaleTitles'),
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

/** One political party as `data/parties.json` describes it. */
export interface PartyRecord {
  name: string;
  country: string | null;
  members: string[];
  adjectives: string[];
  letter: string | null;
  short: string[];
}

/** Parties by the words that name them, and the labels of party-state notes. Keys are lower case. */
export interface PartyTable {
  parties: PartyRecord[];
  /** party name, members' plural and short names ("democratic party", "democrats", "gop") → party */
  byName: Map<string, PartyRecord>;
  /** adjectives ("democratic", "republican") → party */
  byAdjective: Map<string, PartyRecord>;
  /** one-letter labels ("d", "r") → party; "i" → null (independent) */
  byLetter: Map<string, PartyRecord | null>;
  /** independents' adjective, lower case */
  independent: Set<string>;
}

let parties: PartyTable | null = null;

/**
 * The party labels (`data/parties.json`), loaded once.
 *
 * @example
 * partyTable().byName.get('gop')?.name // → 'Republican Party'
 */
export function partyTable(): PartyTable {
  if (parties) return parties;
  const path = dataPath('parties.json');
  const raw = readJson(path) as { parties?: PartyRecord[]; independent?: { letter: string; adjectives: string[] } };
  if (!Array.isArray(raw.parties)) throw new Error(`${path}: "parties" must be a list`);
  const t: PartyTable = { parties: raw.parties, byName: new Map(), byAdjective: new Map(), byLetter: new Map(), independent: new Set() };
  for (const p of raw.parties) {
    if (typeof p.name !== 'string' || !Array.isArray(p.members) || !Array.isArray(p.adjectives) || !Array.isArray(p.short)) {
      throw new Error(`${path}: a party needs name, members, adjectives and short`);
    }
    for (const n of [p.name, ...p.members, ...p.short]) t.byName.set(nameKey(n), p);
    for (const a of p.adjectives) t.byAdjective.set(nameKey(a), p);
    if (p.letter) t.byLetter.set(p.letter.toLowerCase(), p);
  }
  if (raw.independent) {
    t.byLetter.set(raw.independent.letter.toLowerCase(), null);
    for (const a of raw.independent.adjectives) t.independent.add(nameKey(a));
  }
  return (parties = t);
}

/** US states and territories by postal code and AP abbreviation (`data/us-states.json`). Keys are lower case, without periods or spaces. */
export interface StateTable {
  /** "md", "wva", "ny", "maryland" → state name */
  byAbbreviation: Map<string, string>;
  /** lower-case state names */
  names: Set<string>;
  /** the abbreviations as written: postal codes in capitals, AP forms with and without their periods ("Md.", "Md") */
  forms: Set<string>;
}

let states: StateTable | null = null;

/** The key of a state abbreviation: lower case, periods and spaces dropped ("W. Va." → "wva"). */
export const stateKey = (s: string): string => s.toLowerCase().replace(/[.\s\u00a0]/g, '');

/**
 * US state names and abbreviations, loaded once.
 *
 * @example
 * stateTable().byAbbreviation.get(stateKey('W.Va.')) // → 'West Virginia'
 */
export function stateTable(): StateTable {
  if (states) return states;
  const path = dataPath('us-states.json');
  const raw = readJson(path) as { states?: { name: string; postal: string; ap: string[] }[] };
  if (!Array.isArray(raw.states)) throw new Error(`${path}: "states" must be a list`);
  const t: StateTable = { byAbbreviation: new Map(), names: new Set(), forms: new Set() };
  for (const s of raw.states) {
    if (typeof s.name !== 'string' || typeof s.postal !== 'string' || !Array.isArray(s.ap)) throw new Error(`${path}: a state needs name, postal and ap`);
    t.names.add(nameKey(s.name));
    t.byAbbreviation.set(stateKey(s.postal), s.name);
    t.forms.add(s.postal);
    for (const a of s.ap) {
      t.byAbbreviation.set(stateKey(a), s.name);
      t.forms.add(a);
      t.forms.add(a.replace(/\.$/, ''));
      t.forms.add(a.replace(/[.\s]/g, ''));
    }
  }
  return (states = t);
}

/** Calendar and number words from the time lexicon, and the non-actor names: what is never an actor's name. */
export interface NameFilters {
  /** month and weekday names and abbreviations, lower case without periods ("jan", "sept", "monday") */
  calendar: Set<string>;
  /** ordinal words and forms → number ("fifth" → 5, "4th" → 4) */
  ordinals: Map<string, number>;
  /** diseases and variants (`data/non-actors.json`) */
  diseases: Set<string>;
  /** pan-ethnic group words ("latino", "hispanic"): an adjective before a noun, a group as a noun (`data/non-actors.json`) */
  ethnicGroups: Set<string>;
  /** titles written before a name ("sen", "dr", "justice"), lower case without periods (`data/roles.json` titleWords) */
  titles: Set<string>;
}

let filters: NameFilters | null = null;

/**
 * The word lists that keep non-names out of the actors, loaded once.
 *
 * @example
 * nameFilters().calendar.has('sept') // → true
 */
export function nameFilters(): NameFilters {
  if (filters) return filters;
  const timePath = dataPath('time-lexicon.json');
  const time = readJson(timePath) as { months?: Record<string, number>; weekdays?: Record<string, number>; ordinals?: Record<string, number> };
  if (!time.months || !time.weekdays || !time.ordinals) throw new Error(`${timePath}: needs "months", "weekdays" and "ordinals"`);
  const nonPath = dataPath('non-actors.json');
  const non = readJson(nonPath) as Record<string, unknown>;
  const rolesPath = dataPath('roles.json');
  const roles = readJson(rolesPath) as Record<string, unknown>;
  const ordinals = new Map(Object.entries(time.ordinals).filter(([, n]) => n > 0));
  filters = {
    calendar: new Set([...Object.keys(time.months), ...Object.keys(time.weekdays)]),
    ordinals,
    diseases: new Set(stringList(nonPath, non, 'diseases')),
    ethnicGroups: new Set(stringList(nonPath, non, 'ethnicGroups')),
    titles: new Set(stringList(rolesPath, roles, 'titleWords')),
  };
  return filters;
}
