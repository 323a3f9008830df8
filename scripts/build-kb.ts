/**
 * Builds the actor knowledge base in `data/kb/` from reference data:
 * - `countries.json`: world-countries (names, capitals, demonyms) + NGEC PLOVER nationality adjectives +
 *   `data/kb/country-aliases.json` (the aliases world-countries lacks);
 * - `actors.json`: international organisations, armed and political groups and political leaders, with
 *   CAMEO-style codes and date ranges, parsed from the Phoenix PETRARCH dictionaries in
 *   ../shared/eval/events/codebooks.
 *
 * Run: `node --import tsx scripts/build-kb.ts`. Deterministic: the same inputs give the same files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dataPath, sharedPath } from '../src/paths.js';
import { parseActorDictionary, type DictionaryEntry } from '../src/kb/petrarch.js';
import type { CountryRecord, ActorRecord, KbActorType } from '../src/kb/types.js';

const require = createRequire(import.meta.url);

interface WorldCountry {
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

function need(...parts: string[]): string {
  const p = sharedPath(...parts);
  if (!p) throw new Error(`build-kb: ../shared/${parts.join('/')} is missing`);
  return p;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs.map((x) => x.trim()).filter((x) => x !== ''))];
}

function buildCountries(): CountryRecord[] {
  const world = require('world-countries') as WorldCountry[];
  const extra = JSON.parse(readFileSync(dataPath('kb', 'country-aliases.json'), 'utf8')) as {
    names: Record<string, string[]>;
    demonyms: Record<string, string[]>;
  };
  const nationality = new Map<string, string[]>();
  const csv = readFileSync(need('eval', 'events', 'codebooks', 'ngec_plover', 'countries.csv'), 'utf8');
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const m = line.match(/^([^,]*),("[^"]*"|[^,]*),([A-Z]{3}),("[^"]*"|[^,]*)$/);
    if (!m) continue;
    const words = m[4].replace(/"/g, '').split(',').map((w) => w.trim());
    // The NGEC column mixes adjectives with long-form names; keep the one-or-two-word adjectives.
    nationality.set(m[3], words.filter((w) => w.split(' ').length <= 2 && !/republic|kingdom|state/i.test(w)));
  }
  return world
    .map((c): CountryRecord => {
      const names = uniq([
        c.name.common,
        c.name.official,
        // two-letter codes ("TR") are too ambiguous as names; the alias file adds the ones in real use
        ...c.altSpellings.filter((a) => a.length > 3),
        ...(extra.names[c.cca3] ?? []),
      ]);
      const demonyms = uniq([
        c.demonyms?.eng?.m ?? '',
        c.demonyms?.eng?.f ?? '',
        ...(nationality.get(c.cca3) ?? []),
        ...(extra.demonyms[c.cca3] ?? []),
      ]);
      return { code: c.cca3, name: names[0], names, capitals: c.capital ?? [], demonyms };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

const SMALL_WORDS = new Set(['OF', 'THE', 'AND', 'FOR', 'IN', 'ON', 'DE', 'AL', 'EL', 'LA', 'LE', 'DU', 'DA', 'VAN', 'VON', 'BIN', 'BEN']);
const KEEP_CASE = new Set(['MR', 'MRS', 'MS', 'DR', 'ST', 'JR', 'SR']);

/** `BARACK_OBAMA` → `Barack Obama`; short all-letter words stay acronyms (UN, US), dotted ones too (U.N.). */
function titleCase(upper: string): string {
  return upper
    .split(' ')
    .map((w, i) => {
      if (/^([A-Z]\.)+$/.test(w)) return w;
      if (/^[A-Z]{2,3}$/.test(w) && !SMALL_WORDS.has(w) && !KEEP_CASE.has(w) && !/[AEIOU]{2}|[AEIOU][^AEIOU]{2}/.test(w) && !(w.length === 3 && /[AEIOU]/.test(w[1]))) return w;
      const lower = w.toLowerCase().replace(/(^|[-'(./])([a-z])/g, (_, pre: string, ch: string) => pre + ch.toUpperCase());
      return i > 0 && SMALL_WORDS.has(w) ? lower.toLowerCase() : lower;
    })
    .join(' ')
    .replace(/'S\b/g, "'s");
}

const ORG_WORDS =
  /\b(FORCES?|ARMY|PARTY|FRONT|MOVEMENT|COUNCIL|MINISTRY|COMMITTEE|ORGANI[SZ]ATION|BRIGADES?|UNION|ASSOCIATION|LEAGUE|ALLIANCE|GROUP|BANK|FUND|AGENCY|COMMISSION|INSTITUTE|CORPS|GUARDS?|POLICE|COURT|ASSEMBLY|PARLIAMENT|CONGRESS|SENATE|GOVERNMENT|COMPANY|CORPORATION|INC|LTD|NATIONS|CROSS|FEDERATION|SOCIETY|BOARD|OFFICE|SERVICE|AUTHORITY|OPPOSITION|REBELS?|MILITIA|JIHAD|TALIBAN)\b/;

/** Decides an entry's type from the file it came from, its codes and its name. */
function typeOf(e: DictionaryEntry, file: 'countries' | 'international' | 'nonstate'): KbActorType {
  if (file === 'nonstate') return 'ORG';
  if (ORG_WORDS.test(e.name)) return 'ORG';
  const dated = e.codes.some((c) => c.from || c.to);
  if (file === 'countries') {
    // A place entry carries only a country (or country+region) code and no dates.
    const placeLike = e.codes.every((c) => /^[A-Z]{3}([A-Z]{3})?$/.test(c.code) && !/(GOV|MIL|ELI|OPP|REB|LEG|JUD|BUS|COP|PTY|MED|EDU|SPY|CVL|HLH|LAB|REL|HRI|DEV|AGR|ENV|REF|CRM|INS|SEP|UAF|IGO|NGO)/.test(c.code.slice(3)));
    if (placeLike && !dated) return 'GPE';
    return 'PERSON';
  }
  // international: organisations unless the entry is a dated office holder
  return dated ? 'PERSON' : 'ORG';
}

function buildActors(): ActorRecord[] {
  const dir = ['eval', 'events', 'codebooks', 'phoenix_petrarch2_dictionaries'];
  const files: [string, 'countries' | 'international' | 'nonstate'][] = [
    ['Phoenix.Countries.actors.txt', 'countries'],
    ['Phoenix.International.actors.txt', 'international'],
    ['Phoenix.MilNonState.actors.txt', 'nonstate'],
  ];
  const out: ActorRecord[] = [];
  for (const [name, kind] of files) {
    const path = need(...dir, name);
    for (const e of parseActorDictionary(readFileSync(path, 'utf8'), name)) {
      const type = typeOf(e, kind);
      const rec: ActorRecord = {
        name: titleCase(e.name),
        type,
        aliases: uniq(e.aliases.filter((a) => a !== e.name).map(titleCase)),
        codes: e.codes.map((c) => [c.code, c.from ?? null, c.to ?? null]),
      };
      out.push(rec);
    }
  }
  return out;
}

const countries = buildCountries();
const actors = buildActors();
writeFileSync(dataPath('kb', 'countries.json'), JSON.stringify(countries) + '\n');
// one actor a line: readable diffs, still compact
writeFileSync(dataPath('kb', 'actors.json'), '[\n' + actors.map((a) => JSON.stringify(a)).join(',\n') + '\n]\n');
const byType: Record<string, number> = {};
for (const a of actors) byType[a.type] = (byType[a.type] ?? 0) + 1;
console.log(`build-kb: ${countries.length} countries, ${actors.length} actors ${JSON.stringify(byType)}`);
