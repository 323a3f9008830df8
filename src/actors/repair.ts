/**
 * Candidate refiners over the tagger's mentions, before linking (chrono's "parsers then refiners" shape).
 * The tagger was trained on CoNLL-2003 tokens, which keep hyphenated names whole and know no titles; news
 * text tokenised here splits "al-Assad" and runs a title or an organisation into the name after it
 * ("UN envoy for Syria Staffan"). Each refiner is a pure function over candidates and can be tested alone.
 */
import type { Doc, EntityType, Mention } from '../model.js';
import { lookupActor } from '../kb/index.js';
import { countryTable, nameKey, rolesLexicon } from './lexicon.js';

/** A name candidate of one article: a tagger mention, a piece of one, or a span found by a rule. */
export interface Candidate {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** ISO alpha-3 code for demonyms, countries, capitals and demonym-led organisations */
  country?: string;
  demonym?: boolean;
  /** the piece follows a title in the same tagger span: a person's name ("envoy ... Staffan") */
  afterRole?: boolean;
  method: string;
  confidence: number;
}

/** Words of a text with their offsets (white-space separated). */
export function wordsOf(text: string, base = 0): { w: string; start: number; end: number }[] {
  const out: { w: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/\S+/g)) out.push({ w: m[0], start: base + m.index, end: base + m.index + m[0].length });
  return out;
}

const capitalised = (w: string): boolean => /^[\p{Lu}\p{N}]/u.test(w);

/** Is this a name the knowledge base or the country table knows as an organisation or a country? */
export function knownName(name: string): 'country' | 'org' | null {
  const key = nameKey(name);
  if (countryTable().byName.has(key)) return 'country';
  const kb = lookupActor(name).length ? lookupActor(name) : lookupActor(`the ${name}`);
  return kb.some((a) => a.type === 'ORG') ? 'org' : null;
}

function piece(c: Candidate, text: string, start: number, end: number, extra: Partial<Candidate>): Candidate {
  return { ...c, start, end, text: text.slice(start, end), demonym: undefined, country: undefined, ...extra };
}

function typeOfPiece(name: string, fallback: EntityType): Partial<Candidate> {
  const kind = knownName(name);
  if (kind === 'country') return { type: 'GPE', country: countryTable().byName.get(nameKey(name)) };
  if (kind === 'org') return { type: 'ORG' };
  return { type: fallback };
}

/**
 * Splits a candidate at the titles and lower-case words inside it: "UN envoy for Syria Staffan" → "UN",
 * "Syria", "Staffan" (a person: it follows the title); "UN Secretary" → "UN". A name the knowledge base knows
 * whole is left alone.
 *
 * @example
 * splitAtRoles(text, [candidate]) // "UN Secretary" → ["UN"]
 */
export function splitAtRoles(text: string, cands: Candidate[]): Candidate[] {
  const { roleNouns } = rolesLexicon();
  const out: Candidate[] = [];
  for (const c of cands) {
    const words = wordsOf(c.text, c.start);
    if (words.length < 2 || c.demonym || knownName(c.text)) {
      out.push(c);
      continue;
    }
    const runs: { start: number; end: number; afterRole: boolean }[] = [];
    let cur: { start: number; end: number; afterRole: boolean } | null = null;
    let sawRole = false;
    for (const { w, start, end } of words) {
      const bare = w.toLowerCase().replace(/[^\p{L}-]/gu, '');
      const isRole = roleNouns.has(bare) || roleNouns.has(bare.split('-')[0]);
      if (isRole || !capitalised(w)) {
        if (cur) runs.push(cur);
        cur = null;
        if (isRole) sawRole = true;
        continue;
      }
      if (!cur) cur = { start, end, afterRole: sawRole };
      else cur.end = end;
    }
    if (cur) runs.push(cur);
    if (runs.length === 1 && runs[0].start === c.start && runs[0].end === c.end) {
      out.push(c);
      continue;
    }
    runs.forEach((r, i) => {
      const name = text.slice(r.start, r.end);
      const last = i === runs.length - 1;
      const typed = typeOfPiece(name, last && r.afterRole ? 'PERSON' : c.type);
      out.push(piece(c, text, r.start, r.end, { ...typed, afterRole: r.afterRole && last, method: `${c.method}+rule:split-title` }));
    });
  }
  return out;
}

/**
 * Splits "<known organisation or country> <Two Or More Capitalised Words>" run together by the tagger
 * ("United Nations Maria Olsen") into the organisation and a person.
 *
 * @example
 * splitKnownPrefix(text, [candidate]) // "United Nations Maria Olsen" → ["United Nations" ORG, "Maria Olsen" PERSON]
 */
export function splitKnownPrefix(text: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const words = wordsOf(c.text, c.start);
    if (words.length < (c.afterRole ? 2 : 3) || (c.type === 'PERSON' && !c.afterRole) || knownName(c.text)) {
      out.push(c);
      continue;
    }
    let split = -1;
    for (let k = words.length - 1; k >= 1; k--) {
      const head = text.slice(c.start, words[k - 1].end);
      const rest = words.slice(k);
      if (knownName(head) && (rest.length >= 2 || c.afterRole) && rest.every((x) => capitalised(x.w)) && !knownName(text.slice(rest[0].start, c.end))) {
        split = k;
        break;
      }
    }
    if (split < 0) {
      out.push(c);
      continue;
    }
    const head = text.slice(c.start, words[split - 1].end);
    out.push(piece(c, text, c.start, words[split - 1].end, { ...typeOfPiece(head, c.type), method: `${c.method}+rule:split-known` }));
    out.push(piece(c, text, words[split].start, c.end, { type: 'PERSON', method: `${c.method}+rule:split-known` }));
  }
  return out;
}

/**
 * Joins candidates the tokeniser cut at a hyphen or a name particle ("Bashar" + " al-" + "Assad",
 * "Ana" + " Ruiz-" + "Calderon"), and takes in a particle the tagger left before a name ("al-" + "Qaeda").
 *
 * @example
 * joinParticles(text, cands) // "Bashar", "Assad" → "Bashar al-Assad"
 */
export function joinParticles(text: string, cands: Candidate[]): Candidate[] {
  const { nameParticles } = rolesLexicon();
  const particle = [...nameParticles].join('|');
  const glue = new RegExp(`^(?:-|\\s*-\\s*|\\s+(?:${particle})(?:-|\\s+)|\\s+\\p{Lu}\\p{Ll}+-)$`, 'iu');
  const lead = new RegExp(`(?:^|[^\\p{L}])((?:${particle})-)$`, 'iu');
  const sorted = [...cands].sort((a, b) => a.start - b.start);
  const out: Candidate[] = [];
  for (const c0 of sorted) {
    let c = c0;
    const before = lead.exec(text.slice(Math.max(0, c.start - 6), c.start));
    if (before && !c.demonym) c = piece(c, text, c.start - before[1].length, c.end, { type: c.type, country: c.country });
    // a surname's own lower-case particle ("de Souza", "van Rompuy") belongs to it
    const spaced = /(?:^|[^\p{L}])((?:de|van|von|der|den|bin|ibn|abu|del|della|di|du|al|el) )$/u.exec(text.slice(Math.max(0, c.start - 7), c.start));
    if (spaced && !c.demonym && (c.type === 'PERSON' || c.type === 'MISC') && !c.text.includes(' ')) c = piece(c, text, c.start - spaced[1].length, c.end, { type: 'PERSON' });
    const prev = out[out.length - 1];
    const gap = prev ? text.slice(prev.end, c.start) : '';
    const glued = glue.test(gap) || (gap === ' ' && (lead.test(c.text.slice(0, 6)) || /^(?:\p{Ll}{1,4})-/u.test(c.text) || (prev.type === 'PERSON' && c.type === 'PERSON')));
    if (prev && !prev.demonym && !c.demonym && c.start > prev.end && glued) {
      const type: EntityType = prev.type === 'PERSON' || c.type === 'PERSON' ? 'PERSON' : prev.type;
      out[out.length - 1] = piece(prev, text, prev.start, c.end, { type, method: `${prev.method}+rule:join`, confidence: Math.min(prev.confidence, c.confidence) });
    } else out.push(c);
  }
  return out;
}

/**
 * Retypes names by their head word: a name ending in an organisation word ("... Front", "... Committee") is
 * an organisation, whatever the tagger said; a known organisation of the knowledge base likewise.
 *
 * @example
 * retypeByHead([{ text: 'Example Front', type: 'PERSON', ... }])[0].type // → 'ORG'
 */
export function retypeByHead(cands: Candidate[]): Candidate[] {
  const { orgHeads, internationalCodePrefixes } = rolesLexicon();
  return cands.map((c) => {
    if (c.demonym || c.type === 'GPE') return c;
    const words = c.text.split(/\s+/);
    const head = words[words.length - 1].toLowerCase();
    if (words.length > 1 && orgHeads.has(head) && c.type !== 'ORG') return { ...c, type: 'ORG', method: `${c.method}+rule:org-head` };
    if (c.type !== 'ORG' && c.type !== 'PERSON') {
      const kb = lookupActor(c.text).length ? lookupActor(c.text) : lookupActor(`the ${c.text}`);
      const org = kb.some((a) => a.codes.some(([code]) => internationalCodePrefixes.some((p) => code.startsWith(p))));
      if (org) return { ...c, type: 'ORG', method: `${c.method}+rule:kb-org` };
    }
    return c;
  });
}

/**
 * A demonym followed by an institution word ("Syrian army", "Russian Foreign Ministry") is one organisation
 * of that country; the pieces the tagger found inside it give way.
 *
 * @example
 * demonymOrganisations(text, cands) // "Syrian" + "army" → "Syrian army" ORG, country SYR
 */
export function demonymOrganisations(text: string, cands: Candidate[]): Candidate[] {
  const { demonymOrgHeads } = rolesLexicon();
  const made: Candidate[] = [];
  for (const c of cands) {
    if (!c.demonym || !c.country) continue;
    const after = text.slice(c.end, c.end + 40);
    for (const head of demonymOrgHeads) {
      const m = new RegExp(`^\\s(${head.replace(/\s+/g, '\\s+')})(?![\\p{L}])`, 'iu').exec(after);
      if (m) {
        made.push({ start: c.start, end: c.end + m[0].length, text: text.slice(c.start, c.end + m[0].length), type: 'ORG', country: c.country, method: 'rule:demonym-institution', confidence: c.confidence });
        break;
      }
    }
  }
  if (!made.length) return cands;
  const kept = cands.filter((c) => !made.some((m) => c.start < m.end && m.start < c.end));
  return [...kept, ...made].sort((a, b) => a.start - b.start);
}

/** Drops "anti-X"/"pro-X" adjectives: the name inside is found by the string pass, linked to X. */
export function dropAffixedAdjectives(cands: Candidate[]): Candidate[] {
  return cands.filter((c) => !/^(?:anti|pro|non|post|pre|inter)-/i.test(c.text));
}

/**
 * Takes in a capitalised word the tagger left before a name: a given name before a surname ("Donald" +
 * "Trump") or the first word of an organisation ("High" + "Negotiations Committee"). Titles, determiners and
 * other names are not taken in.
 *
 * @example
 * extendLeft(doc, cands) // "Trump" after "Donald" → "Donald Trump"
 */
export function extendLeft(doc: Doc, cands: Candidate[]): Candidate[] {
  const text = doc.article.text;
  const { roleNouns, roleModifiers } = rolesLexicon();
  const starts = new Set(doc.sentences.map((s) => s.tokenStart));
  return cands.map((c, i) => {
    if (c.demonym || c.type === 'GPE' || c.type === 'MISC') return c;
    const t = doc.tokens.findIndex((x) => x.start === c.start);
    if (t <= 0) return c;
    const prevTok = doc.tokens[t - 1];
    const word = text.slice(prevTok.start, prevTok.end);
    const taken = i > 0 && cands[i - 1].end > prevTok.start;
    if (taken || prevTok.end !== c.start - 1 || !/^\p{Lu}\p{Ll}+$/u.test(word)) return c;
    if (roleNouns.has(word.toLowerCase()) || (c.type === 'PERSON' && roleModifiers.has(word.toLowerCase())) || knownName(word) || countryTable().byDemonym.has(nameKey(word))) return c;
    const okPos = c.type === 'PERSON' ? prevTok.pos === 'PROPN' : prevTok.pos === 'PROPN' || prevTok.pos === 'ADJ';
    if (!okPos || (starts.has(t - 1) && c.type === 'PERSON')) return c;
    return { ...c, start: prevTok.start, text: text.slice(prevTok.start, c.end), method: `${c.method}+rule:extend-left` };
  });
}

/** Tagger mentions as candidates, with every refiner applied in order. */
export function refineMentions(doc: Doc, mentions: Mention[]): Candidate[] {
  const text = doc.article.text;
  let cands: Candidate[] = mentions.map((m) => ({
    start: m.span.start,
    end: m.span.end,
    text: m.text,
    type: m.type,
    country: m.country,
    demonym: m.demonym,
    method: m.method,
    confidence: m.confidence,
  }));
  cands = dropAffixedAdjectives(cands);
  cands = splitAtRoles(text, cands);
  cands = splitKnownPrefix(text, cands);
  cands = joinParticles(text, cands);
  cands = demonymOrganisations(text, cands);
  cands = extendLeft(doc, cands);
  cands = retypeByHead(cands);
  return cands.sort((a, b) => a.start - b.start);
}
