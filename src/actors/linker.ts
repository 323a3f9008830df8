/**
 * The linking state every step of `linkActors` shares: actors while linking (`Draft`), the candidates placed
 * in their articles (`Placed`), the index of drafts by key and surname (`Linker`), and the helpers that add an
 * alias or merge two drafts. The steps (src/actors/steps/) and link.ts import it; it imports neither.
 */
import type { ActorAlias, AliasKind, Doc, EntityType, Field, Span } from '../model.js';
import { known, unknown } from '../model.js';
import { lookupActor, type ActorRecord } from '../kb/index.js';
import { countryTable, nameKey, partyTable, rolesLexicon, type PartyRecord } from './lexicon.js';
import type { Candidate } from './repair.js';

export interface Evidence<T> {
  value: T;
  method: string;
  confidence: number;
  span?: Span;
}

/** An actor while linking: its aliases and the evidence for its fields. */
export interface Draft {
  key: string;
  type: EntityType;
  names: Map<string, number>;
  aliases: ActorAlias[];
  country: Evidence<string>[];
  role: Evidence<string>[];
  organisation: Evidence<string>[];
  party: Evidence<string>[];
  codes: Set<string>;
  /** for people: surname key and given names of the fullest name */
  surnames: Set<string>;
  given: string[];
  typeVotes: Map<EntityType, number>;
  /** a place whose every mention only locates or describes something: not an actor of the story */
  dropped?: boolean;
}

/** A candidate placed in its article, with the actor it was linked to. */
export interface Placed extends Candidate {
  doc: number;
  article: string;
  sentence: number;
  actor: Draft | null;
  kind: AliasKind;
}

export const levenshtein = (a: string, b: string): number => {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
};

/**
 * Two spellings of one given name: equal, or a transliteration variant (same first letter, edit distance at
 * most 2 and under a third of the length: Sergei/Sergey, Mohammad/Mohammed).
 *
 * @example
 * sameGivenName('Sergei', 'Sergey') // → true
 */
export function sameGivenName(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  if (x[0] !== y[0]) return false;
  // a short form of the given name: "Cy" for "Cyrus", "Chris" for "Christopher"
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 2 && /^\p{L}+$/u.test(short) && long.startsWith(short)) return true;
  if (Math.min(x.length, y.length) < 4) return false;
  const d = levenshtein(x, y);
  return d <= 2 && d / Math.max(x.length, y.length) < 1 / 3;
}

/** Given names compatible: one list is contained (in order, by spelling variant) in the other. */
export function compatibleGiven(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let j = 0;
  for (const g of long) if (j < short.length && sameGivenName(g, short[j])) j++;
  return j === short.length;
}

/** Name tokens of a person name, particles and all; the surname keys: last token, and its last hyphen part. */
export function personParts(name: string): { given: string[]; surnames: string[] } {
  const { nameParticles } = rolesLexicon();
  const tokens = name.split(/\s+/);
  // a generational suffix is not the surname: "Samuel A. Alito Jr." is an Alito
  while (tokens.length >= 2 && /^(?:Jr|Sr|II|III|IV)\.?,?$/.test(tokens[tokens.length - 1])) tokens.pop();
  const last = tokens[tokens.length - 1];
  const bare = last.replace(/^(?:al|el|ad|as|ash)-/i, '');
  const surnames = new Set([nameKey(last), nameKey(bare)]);
  if (bare.includes('-')) surnames.add(nameKey(bare.slice(bare.lastIndexOf('-') + 1)));
  const given = tokens.slice(0, -1).filter((t) => !nameParticles.has(t.toLowerCase()));
  return { given, surnames: [...surnames] };
}

/** The initials of a multi-word name, skipping function words: "High Negotiations Committee" → "HNC". */
export function initialsOf(name: string): string {
  let initials = initialsCache.get(name);
  if (initials === undefined) {
    const { acronymStopwords } = rolesLexicon();
    const words = name.split(/[\s-]+/).filter((w) => w && !acronymStopwords.has(w.toLowerCase()));
    initials = words.length >= 2 ? words.map((w) => w[0]).join('').toUpperCase() : '';
    initialsCache.set(name, initials);
  }
  return initials;
}
/** Names recur across a corpus; their initials are asked for once per acronym and organisation. */
export const initialsCache = new Map<string, string>();

export const isAcronym = (s: string): boolean => /^(?:[A-Z]\.){2,}$|^[A-Z]{2,6}$|^[A-Z]-?\d{1,2}$/.test(s);

/**
 * The party a name stands for: its name, its members ("Democrats") or short name ("GOP"), also with a
 * chamber or country before the members ("Senate Republicans", "U.S. House Democrats").
 */
export function partyOfName(name: string): PartyRecord | null {
  const { byName } = partyTable();
  let key = nameKey(name).replace(/^the /, '');
  const direct = byName.get(key);
  if (direct) return direct;
  const before = key;
  key = key.replace(/^(?:(?:u\.s\.|us|senate|house|congressional|state|national)\s+)+/, '');
  if (key === before) return null;
  const p = byName.get(key);
  // only the members' plural takes a chamber before it ("Senate Republicans"), not the party's name
  return p && p.members.some((m) => nameKey(m) === key) ? p : null;
}

export function kbRecords(name: string): ActorRecord[] {
  const direct = lookupActor(name);
  return direct.length ? direct : lookupActor(`the ${name}`);
}

/**
 * A knowledge-base person the record's name shows to be one: two to four capitalised words or initials, none an
 * organisation word. The CAMEO agent dictionaries type some bodies as people ("Federal Bureau of
 * Investigation"), so the record's type alone is not enough to make a mention a person's.
 *
 * @example
 * personRecord({ name: 'Barack Obama', type: 'PERSON' }) // → true
 */
export function personRecord(rec: ActorRecord): boolean {
  if (rec.type !== 'PERSON') return false;
  const words = rec.name.split(/\s+/);
  const { orgHeads } = rolesLexicon();
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^(?:\p{Lu}\p{Ll}[\p{L}'’-]*|\p{Lu}\.)$/u.test(w) && !orgHeads.has(w.toLowerCase()));
}

/** The ISO alpha-3 country a knowledge-base code starts with, when it does. */
export function codeCountry(code: string): string | null {
  const c = code.slice(0, 3);
  return countryTable().names.has(c) ? c : null;
}

export function pick<T>(evidence: Evidence<T>[]): Field<T> {
  if (!evidence.length) return unknown('not-found');
  const votes = new Map<string, { e: Evidence<T>; score: number }>();
  for (const e of evidence) {
    const k = JSON.stringify(e.value).toLowerCase();
    const v = votes.get(k);
    if (v) v.score += e.confidence;
    else votes.set(k, { e, score: e.confidence });
  }
  const best = [...votes.values()].sort((a, b) => b.score - a.score || b.e.confidence - a.e.confidence)[0].e;
  return known(best.value, best.method, best.confidence, best.span);
}

/**
 * A country's official name cut short ("the Islamic Republic" for "Islamic Republic of Iran"): the one country
 * named in the same article whose official name starts with these words followed by "of".
 */
export function truncatedOfficialName(name: string, placed: Placed[]): string | null {
  const table = countryTable();
  const prefix = `${nameKey(name).replace(/^the /, '')} of `;
  const inArticle = new Set(placed.map((p) => (p.demonym ? p.country : table.byName.get(nameKey(p.text)))).filter((c): c is string => !!c));
  const fits = [...inArticle].filter((code) => table.names.get(code)?.names.some((n) => nameKey(n).startsWith(prefix)));
  return fits.length === 1 ? fits[0] : null;
}

/** Everything the linker keeps across articles. */
export class Linker {
  drafts: Draft[] = [];
  byKey = new Map<string, Draft>();
  persons: Draft[] = [];
  /** people by each of their surnames, so a name is matched against its namesakes, not every person */
  bySurname = new Map<string, Set<Draft>>();

  addSurname(d: Draft, surname: string): void {
    d.surnames.add(surname);
    let set = this.bySurname.get(surname);
    if (!set) this.bySurname.set(surname, (set = new Set()));
    set.add(d);
  }

  personsNamed(surname: string): Draft[] {
    return [...(this.bySurname.get(surname) ?? [])];
  }

  draft(key: string, type: EntityType): Draft {
    let d = this.byKey.get(key);
    if (!d) {
      d = { key, type, names: new Map(), aliases: [], country: [], role: [], organisation: [], party: [], codes: new Set(), surnames: new Set(), given: [], typeVotes: new Map() };
      this.byKey.set(key, d);
      this.drafts.push(d);
    }
    return d;
  }

  countryDraft(code: string): Draft {
    const d = this.draft(`country:${code}`, 'GPE');
    if (!d.country.length) d.country.push({ value: code, method: 'kb:country', confidence: 1 });
    if (!d.codes.size) d.codes.add(code);
    return d;
  }

  partyDraft(party: PartyRecord): Draft {
    const d = this.draft(`party:${party.name}`, 'ORG');
    if (party.country && !d.country.length) d.country.push({ value: party.country, method: 'data:party', confidence: 0.9 });
    return d;
  }

  /** The person a full name belongs to: one with the same surname and compatible given names; new if none. */
  personDraft(name: string): Draft | null {
    const { given, surnames } = personParts(name);
    const namesakes = new Set(surnames.flatMap((s) => this.personsNamed(s)));
    const matches = [...namesakes].filter((p) => compatibleGiven(p.given, given));
    if (matches.length > 1) return null;
    let d = matches[0];
    if (!d) {
      d = this.draft(`person:${nameKey(name)}#${this.persons.length}`, 'PERSON');
      this.persons.push(d);
    }
    for (const s of surnames) this.addSurname(d, s);
    if (given.length > d.given.length) d.given = given;
    return d;
  }

  /** The person a lone surname names, preferring people of the same article; null when none or several. */
  personBySurname(word: string, inDoc: Set<Draft>): Draft | null {
    const key = nameKey(word);
    const all = this.personsNamed(key);
    const local = all.filter((p) => inDoc.has(p));
    if (local.length === 1) return local[0];
    if (local.length > 1) return null;
    return all.length === 1 ? all[0] : null;
  }

  /** The organisation an acronym stands for, by its initials; null when none or several. */
  orgByInitials(acronym: string, inDoc: Set<Draft>): Draft | null {
    const letters = acronym.replace(/[.-]/g, '');
    // "Centers for Disease Control and Prevention" is "CDC": initials of the whole name or of it without its last "and ..."
    const whole = (n: string): boolean => initialsOf(n) === letters || (/\s+and\s+/.test(n) && initialsOf(n.replace(/\s+and\s+(?!.*\s+and\s+).*$/, '')) === letters);
    // a country before the name is not in its acronym: "US Food and Drug Administration" is "FDA"
    const fits = (n: string): boolean => whole(n) || whole(n.replace(/^(?:the\s+)?(?:U\.S\.|US|United\s+States|American)\s+(?=\S+\s+\S)/u, ''));
    const all = this.drafts.filter((d) => (d.type === 'ORG' || d.type === 'MISC') && [...d.names.keys()].some(fits));
    // one body named with and without its country ("U.S. Food and Drug Administration", "Food and Drug
    // Administration") is still one candidate: the two are merged later as the same name
    const bare = (d: Draft): string => [...d.names.keys()].filter(fits).map((n) => nameKey(n).replace(/^the\s+/, '').replace(/^(?:u\.s\.|us|united states|american)\s+/, '')).sort()[0] ?? '';
    const one = (ds: Draft[]): Draft | null => (ds.length && ds.every((d) => bare(d) === bare(ds[0])) ? ds[0] : null);
    const local = all.filter((d) => inDoc.has(d));
    if (local.length) return one(local);
    return one(all);
  }
}

export function addAlias(d: Draft, p: Placed, kind: AliasKind, method: string, confidence: number): void {
  p.actor = d;
  p.kind = kind;
  d.aliases.push({ span: { article: p.article, start: p.start, end: p.end }, text: p.text, kind, method, confidence });
  if (kind === 'name' || kind === 'acronym') d.names.set(p.text, (d.names.get(p.text) ?? 0) + 1);
  if (kind === 'name' || kind === 'surname' || kind === 'acronym') d.typeVotes.set(p.type, (d.typeVotes.get(p.type) ?? 0) + 1);
}

export function sentenceOf(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < doc.sentences[mid].start) hi = mid - 1;
    else if (offset >= doc.sentences[mid].end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, lo - 1);
}

/** Is a capital used for its government here? Followed by a verb, a possessive or a government word. */
export function governmentUse(doc: Doc, c: Candidate): boolean {
  const text = doc.article.text;
  const { locativePrepositions, governmentHeads } = rolesLexicon();
  const before = /(\S+)\s+$/.exec(text.slice(Math.max(0, c.start - 20), c.start))?.[1]?.toLowerCase();
  if (before && locativePrepositions.has(before) && before !== 'to') return false;
  const after = text.slice(c.end, c.end + 30);
  if (/^['’]s\s/.test(after)) return true;
  const next = /^\s+(\p{L}+)/u.exec(after)?.[1];
  if (next && governmentHeads.has(next.toLowerCase())) return true;
  // paired with a government or a country (two cities paired are places: "flights between X and Y"):
  // "a rift between the new administration and <Capital>", "<Capital> and <Country> agreed"
  const andBefore = /(\S+)\s+and\s+$/u.exec(text.slice(Math.max(0, c.start - 40), c.start))?.[1]?.replace(/[^\p{L}]/gu, '');
  if (andBefore && governmentHeads.has(andBefore.toLowerCase())) return true;
  const andAfter = /^\s+and\s+(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)/u.exec(after)?.[1];
  if (andAfter && countryTable().byName.has(nameKey(andAfter))) return true;
  const tok = doc.tokens.find((t) => t.start >= c.end);
  return tok !== undefined && (tok.pos === 'VERB' || tok.pos === 'AUX') && text.slice(c.end, tok.start).trim() === '';
}

/**
 * Links the names of English articles into actors. Articles known not to be English are skipped (the tagger
 * and the lexicons are English). Bylines become PERSON actors too (method `meta:byline`, no text span when
 * the byline is not in the clean text). `mentions[i]`, when given, are the tagger's mentions of `docs[i]`
 * (the article-level mentions layer), so the tagger does not run again here.
 *
 * @example
 * const actors = linkActors(docs);
 * actors.find((a) => a.type === 'PERSON')?.aliases.map((x) => x.kind) // → ['name', 'surname', 'pronoun', ...]

/** Merge `gone` into `keep`: aliases, names, fields and the placed candidates that pointed to it. */
export function merge(L: Linker, keep: Draft, gone: Draft, placedByDoc: Placed[][]): void {
  for (const a of gone.aliases) keep.aliases.push(a);
  for (const [n, c] of gone.names) keep.names.set(n, (keep.names.get(n) ?? 0) + c);
  for (const [t, c] of gone.typeVotes) keep.typeVotes.set(t, (keep.typeVotes.get(t) ?? 0) + c);
  for (const c of gone.codes) keep.codes.add(c);
  keep.country.push(...gone.country);
  keep.role.push(...gone.role);
  keep.organisation.push(...gone.organisation);
  keep.party.push(...gone.party);
  for (const s of gone.surnames) {
    L.bySurname.get(s)?.delete(gone);
    L.addSurname(keep, s);
  }
  for (const placed of placedByDoc) for (const p of placed) if (p.actor === gone) p.actor = keep;
  L.drafts = L.drafts.filter((d) => d !== gone);
  L.persons = L.persons.filter((d) => d !== gone);
  L.byKey.set(gone.key, keep);
}

/** What the steps of `linkActors` read and write: the linker, the articles and their placed candidates. */
export interface LinkContext {
  L: Linker;
  docs: Doc[];
  placedByDoc: Placed[][];
  table: ReturnType<typeof countryTable>;
  /** the people the bylines name, kept apart: a byline makes an actor even when the text never names it */
  bylines: Draft[];
}

/** One step of the linking, run in the order of `LINK_STEPS` (link.ts). */
export type LinkStep = (ctx: LinkContext) => void;
