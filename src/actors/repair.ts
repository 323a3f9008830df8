/**
 * Candidate refiners over the tagger's mentions, before linking (chrono's "parsers then refiners" shape).
 * The tagger was trained on CoNLL-2003 tokens, which keep hyphenated names whole and know no titles; news
 * text tokenised here splits "al-Assad" and runs a title or an organisation into the name after it
 * ("UN envoy for Syria Staffan"). Each refiner is a pure function over candidates and can be tested alone.
 */
import type { Doc, EntityType, Mention } from '../model.js';
import { countryOf, demonymToCountry, lookupActor } from '../kb/index.js';
import { isAbbreviation } from '../text/index.js';
import { countryTable, nameFilters, nameKey, partyTable, rolesLexicon, stateTable } from './lexicon.js';

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
  const { roleNouns, roleModifiers, orgHeads } = rolesLexicon();
  const { titles, calendar } = nameFilters();
  const bareOf = (w: string): string => w.toLowerCase().replace(/[^\p{L}-]/gu, '');
  const isRoleNoun = (bare: string): boolean => roleNouns.has(bare) || roleNouns.has(bare.split('-')[0]);
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
    words.forEach(({ w, start, end }, wi) => {
      const bare = bareOf(w);
      // a title ("Sen.", "Justice") splits only before a name: "Justice Department" stays whole
      const next = words[wi + 1]?.w;
      const title = titles.has(bare) && next !== undefined && capitalised(next) && !orgHeads.has(next.toLowerCase());
      // the modifiers of a role noun belong to the title, not to the name before it: "Senate Minority Leader",
      // "Manhattan District Attorney" leave "Senate" and "Manhattan", not "Senate Minority"
      let mi = wi;
      while (mi < words.length - 1 && roleModifiers.has(bareOf(words[mi].w)) && !/['’]s?$/.test(words[mi].w)) mi++;
      const modifiesRole = mi > wi && isRoleNoun(bareOf(words[mi].w));
      // a role noun in the possessive names an office, not a title before a name ("the Attorney's Office")
      const isRole = ((isRoleNoun(bare) && !/['’]s?$/.test(w)) || title || modifiesRole);
      if (isRole || !capitalised(w)) {
        if (cur) runs.push(cur);
        cur = null;
        if (isRole) sawRole = true;
        return;
      }
      if (!cur) cur = { start, end, afterRole: sawRole };
      else cur.end = end;
    });
    if (cur) runs.push(cur);
    // no role inside: the lower-case words that join an organisation's name ("of" in "Department of Homeland
    // Security") split nothing
    const joinersOnly = !sawRole && words.every(({ w }) => capitalised(w) || /^(?:of|for|on|and|the|&)$/.test(w));
    if (joinersOnly || (runs.length === 1 && runs[0].start === c.start && runs[0].end === c.end)) {
      out.push(c);
      continue;
    }
    // the tagger sometimes ends a title's name at the given name ("Leader Mitch" before "McConnell"): a single
    // word after a role, then one name-shaped word the tagger left out, is one name
    const tail = runs[runs.length - 1];
    if (tail && tail.afterRole && tail.end === c.end && wordsOf(text.slice(tail.start, tail.end)).length === 1) {
      const m = /^[ \u00a0]+(\p{Lu}(?:\p{Ll}|['’]\p{Lu})\p{L}*(?:-\p{Lu}\p{L}+)?)(?=[\s,;:()]|['’]s?[\s,;:]|$)/u.exec(text.slice(c.end, c.end + 40));
      const w = m?.[1].toLowerCase();
      const taken = !!m && cands.some((o) => o !== c && o.start < c.end + m[0].length && o.end > c.end);
      if (m && w && !taken && !calendar.has(w) && !isRoleNoun(w) && !roleModifiers.has(w) && !orgHeads.has(w) && !titles.has(w)) tail.end = c.end + m[0].length;
    }
    // "Representative Jane Roe of Ohio": the person is the name before "of" and a state or country after it
    const lastRun = runs[runs.length - 1];
    const placeAfterOf = runs.length > 1 && /^[ \u00a0]+of[ \u00a0]+$/u.test(text.slice(runs[runs.length - 2].end, lastRun.start)) && (stateTable().names.has(nameKey(text.slice(lastRun.start, lastRun.end))) || countryTable().byName.has(nameKey(text.slice(lastRun.start, lastRun.end))));
    const personAt = placeAfterOf && runs[runs.length - 2].afterRole ? runs.length - 2 : runs.length - 1;
    runs.forEach((r, i) => {
      const name = text.slice(r.start, r.end);
      const last = i === personAt;
      if (placeAfterOf && i === runs.length - 1) {
        out.push(piece(c, text, r.start, r.end, { type: 'GPE', country: countryTable().byName.get(nameKey(name)), method: `${c.method}+rule:split-title` }));
        return;
      }
      const typed = typeOfPiece(name, last && r.afterRole ? 'PERSON' : c.type);
      out.push(piece(c, text, r.start, r.end, { ...typed, afterRole: r.afterRole && last, method: `${c.method}+rule:split-title` }));
    });
  }
  return out;
}

/** Whether the text before an offset ends in "<role noun> of (the) " ("Speaker of the ", "Secretary of "). */
function afterRoleOf(text: string, offset: number): boolean {
  const role = /(?:^|[^\p{L}])(\p{L}+)[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?$/u.exec(text.slice(Math.max(0, offset - 40), offset));
  return !!role && rolesLexicon().roleNouns.has(role[1].toLowerCase());
}

/**
 * Cuts the body of an office off a name the tagger ran it into: after "<role noun> of (the)", as in
 * "Speaker of the House Jane Doe" or "Minister of Foreign Affairs Jan Kowal", the first word of the
 * candidate (and the role modifiers and organisation words after it) name the office, which is part of the
 * title, not of the person; what is left, two to four capitalised words, is the person's name. The office
 * is read as the person's role by the linker (`readRoles`), so the body piece is no candidate of its own.
 *
 * @example
 * splitOfficeOf(text, [candidate]) // "House Jane Doe" after "Speaker of the " → ["Jane Doe"]
 */
export function splitOfficeOf(text: string, cands: Candidate[]): Candidate[] {
  const { roleModifiers, orgHeads, officeBodies, placeHeads, landmarkHeads, eventHeads, lawHeads } = rolesLexicon();
  const bare = (w: string): string => w.toLowerCase().replace(/[^\p{L}-]/gu, '');
  // a word no person's name holds: the rest is then an organisation or a place ("Mayor of New York City")
  const notName = (w: string): boolean => [orgHeads, roleModifiers, placeHeads, landmarkHeads, eventHeads, lawHeads, officeBodies].some((s) => s.has(bare(w))) || !/^(?:\p{Lu}\p{Ll}[\p{L}'’-]*\.?|\p{Lu}\.)$/u.test(w);
  return cands.map((c) => {
    if (c.demonym) return c;
    if (!afterRoleOf(text, c.start)) return c;
    const words = wordsOf(c.text, c.start);
    if (words.length < 3 || !officeBodies.has(bare(words[0].w))) return c;
    const office = (w: string): boolean => roleModifiers.has(bare(w)) || orgHeads.has(bare(w)) || officeBodies.has(bare(w));
    let k = 1;
    while (words.length - k > 2 && office(words[k].w)) k++;
    if (words.length - k > 4 || words.slice(k).some((w) => notName(w.w.replace(/['’]s$/, '')))) return c;
    return piece(c, text, words[k].start, c.end, { type: 'PERSON', afterRole: true, method: `${c.method}+rule:split-office` });
  });
}

/**
 * Splits "<Country or state>'s <Name>" run together by the tagger ("Ruritania’s Northport Institute of
 * Marine Studies") into the place, which owns the body and so acts through it, and the body's own name.
 *
 * @example
 * splitPossessivePlace(text, [candidate]) // "Ruritania’s Northport Institute" → ["Ruritania" GPE, "Northport Institute"]
 */
export function splitPossessivePlace(text: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const m = /^(\p{Lu}[\p{L}.]*(?:[ \u00a0]\p{Lu}[\p{L}.]*)?)['’]s[ \u00a0]+(?=\p{Lu})/u.exec(c.text);
    const place = m ? nameKey(m[1]) : '';
    const code = m ? countryTable().byName.get(place) : undefined;
    if (!m || (!code && !stateTable().names.has(place)) || wordsOf(c.text.slice(m[0].length)).length < 1 || knownName(c.text)) {
      out.push(c);
      continue;
    }
    out.push(piece(c, text, c.start, c.start + m[1].length, { type: 'GPE', country: code, method: `${c.method}+rule:split-possessive` }));
    out.push(piece(c, text, c.start + m[0].length, c.end, { type: c.type === 'GPE' ? 'ORG' : c.type, method: `${c.method}+rule:split-possessive` }));
  }
  return out;
}

/**
 * A name the tagger typed a place, an event or a body that an apposition calls a person ("Lee Varga, talk
 * radio host and candidate for mayor, ...", "Lee Varga, a former director of ...") is a person.
 *
 * @example
 * appositionPersons(text, cands) // "Lee Varga" (LOC) before ", a radio host" → PERSON
 */
export function appositionPersons(text: string, cands: Candidate[]): Candidate[] {
  const { roleNouns, roleModifiers } = rolesLexicon();
  return cands.map((c) => {
    if (c.type === 'PERSON' || c.type === 'ORG' || c.demonym || knownName(c.text) || stateTable().names.has(nameKey(c.text))) return c;
    // two or three capitalised words, as a person's name is
    if (!/^\p{Lu}[\p{Ll}.'’-]+(?:[ \u00a0]\p{Lu}[\p{Ll}.'’-]+){1,2}$/u.test(c.text)) return c;
    const m = /^,[ \u00a0]+(?:(?:a|an|the|former)[ \u00a0]+)?((?:[\p{L}-]+[ \u00a0]+){0,3}?)([\p{L}-]+)(?=[ \u00a0]+(?:and|of|for|at|who|with)\b|[,;.)])/u.exec(text.slice(c.end, c.end + 60));
    if (!m) return c;
    const noun = m[2].toLowerCase();
    // "member" is said of bodies and countries too ("a member of the alliance")
    if (noun === 'member' || !roleNouns.has(noun)) return c;
    const mods = m[1].trim() ? m[1].trim().split(/[ \u00a0]+/) : [];
    if (mods.some((w) => /^\p{Lu}/u.test(w) && !roleModifiers.has(w.toLowerCase()))) return c;
    return { ...c, type: 'PERSON', method: `${c.method}+rule:apposition-person` };
  });
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
      // A rest ending in an organisation's head word ("Senate Rules Committee") is the body's own name, not a person.
      const orgRest = rolesLexicon().orgHeads.has(rest[rest.length - 1].w.toLowerCase().replace(/[^\p{L}]/gu, ''));
      if (knownName(head) && (rest.length >= 2 || c.afterRole) && !orgRest && rest.every((x) => capitalised(x.w)) && !knownName(text.slice(rest[0].start, c.end))) {
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
/** Name particles that are also English words, glued into a name only by a hyphen. */
const ENGLISH_WORDS = new Set(['as', 'an', 'at', 'ad']);

export function joinParticles(text: string, cands: Candidate[]): Candidate[] {
  const { nameParticles } = rolesLexicon();
  const particle = [...nameParticles].join('|');
  // between two names with spaces round it, a particle that is also an English word ("as", "at", "an") is
  // that word ("ousted Jane Roe as Harbour Board chair"): only hyphenated ("as-Sadr") does it glue
  const spacedParticle = [...nameParticles].filter((w) => !ENGLISH_WORDS.has(w)).join('|');
  const glue = new RegExp(`^(?:-|\\s*-\\s*|\\s+(?:${particle})-|\\s+(?:${spacedParticle})(?:-|\\s+)|\\s+\\p{Lu}\\p{Ll}+-)$`, 'iu');
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
    // "Roger" + " B. " + "Taney": a middle initial between a given name and a surname
    const initial = prev?.type === 'PERSON' && !prev.text.includes(' ') && /^[ \u00a0]\p{Lu}\.[ \u00a0]$/u.test(gap) && /^\p{Lu}\p{Ll}+$/u.test(c.text);
    const glued = initial || glue.test(gap) || (gap === ' ' && (lead.test(c.text.slice(0, 6)) || /^(?:\p{Ll}{1,4})-/u.test(c.text) || (prev.type === 'PERSON' && c.type === 'PERSON')));
    if (prev && !prev.demonym && !c.demonym && c.start > prev.end && glued) {
      const type: EntityType = prev.type === 'PERSON' || c.type === 'PERSON' ? 'PERSON' : prev.type;
      out[out.length - 1] = piece(prev, text, prev.start, c.end, { type, method: `${prev.method}+rule:join`, confidence: Math.min(prev.confidence, c.confidence) });
    } else out.push(c);
  }
  return out;
}

/**
 * Extends a person's name that ends on a middle initial over the surname the tagger left out ("Gov. Andrew M."
 * + "Cuomo"): a name does not end on an initial.
 *
 * @example
 * extendOverInitial(text, cands) // "Andrew M." → "Andrew M. Cuomo"
 */
export function extendOverInitial(text: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const sorted = [...cands].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i];
    const surname = c.type === 'PERSON' && /\s\p{Lu}\.$/u.test(c.text) ? /^[ \u00a0](\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*)(?![\p{L}\p{N}])/u.exec(text.slice(c.end, c.end + 40)) : null;
    if (!surname) {
      out.push(c);
      continue;
    }
    const end = c.end + surname[0].length;
    out.push(piece(c, text, c.start, end, { type: 'PERSON', method: `${c.method}+rule:initial-surname` }));
    // the surname as a candidate of its own is now part of the name
    while (sorted[i + 1] && sorted[i + 1].start < end) i++;
  }
  return out;
}

/**
 * A quoted title after the kind of work it names ("his new book, “Forward: Notes on a Future”", "the film
 * called “Harbour Lights”") is one MISC name: the names inside a title are not actors.
 *
 * @example
 * quotedWorkTitles(text, cands) // "Future" inside the title → the whole title
 */
export function quotedWorkTitles(text: string, cands: Candidate[]): Candidate[] {
  const works = [...rolesLexicon().workNouns].join('|');
  const re = new RegExp(`(?<![\\p{L}])(?:${works})s?,?[ \u00a0]+(?:(?:titled|entitled|called|named)[ \u00a0]+)?["“]((?:\\p{Lu}|\\d)[^"”\n]{1,120}?)[.,]?["”]`, 'giu');
  const titles: Candidate[] = [];
  for (const m of text.matchAll(re)) {
    const start = (m.index ?? 0) + m[0].indexOf(m[1]);
    const end = start + m[1].replace(/[.,;:]+$/u, '').length;
    titles.push({ start, end, text: text.slice(start, end), type: 'MISC', method: 'rule:quoted-work-title', confidence: 0.8 });
  }
  if (!titles.length) return cands;
  const kept = cands.filter((c) => !titles.some((t) => c.start < t.end && t.start < c.end));
  return [...kept, ...titles].sort((a, b) => a.start - b.start);
}

/**
 * Joins the parties of a court case into the case's name ("Roe" + " v. " + "Wade" → "Roe v. Wade", MISC): a
 * case name names a case, not its parties as actors.
 *
 * @example
 * joinCaseNames(text, cands) // "Planned Parenthood", "Casey" → "Planned Parenthood v. Casey"
 */
export function joinCaseNames(text: string, cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start);
  const out: Candidate[] = [];
  const rightSide = /^[ \u00a0]+v(?:s)?\.[ \u00a0]+(\p{Lu}[\p{L}.'’&-]*(?:[ \u00a0](?:of[ \u00a0]|the[ \u00a0])?\p{Lu}[\p{L}'’&-]*)*)/u;
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i];
    const m = rightSide.exec(text.slice(c.end, c.end + 120));
    if (!m) {
      out.push(c);
      continue;
    }
    // a right side cut off by the lead or by a full stop keeps what is there ("Planned Parenthood v." ends a lead)
    // a full stop after the last word ends the sentence, unless the word is an initial
    const end = c.end + m[0].length - (/[^\p{Lu}]\.$/u.test(m[0]) ? 1 : 0);
    // the tagger may have left out a first word of the first party ("Planned" of "Planned Parenthood"),
    // though not the word that opens the sentence ("Calling Roe v. Wade ...")
    let start = c.start;
    for (let k = 0; k < 3; k++) {
      const w = /(?:^|[^\p{L}.])(\p{Lu}[\p{L}'’-]*)[ \u00a0]$/u.exec(text.slice(Math.max(0, start - 30), start));
      if (!w) break;
      const at = start - w[1].length - 1;
      if (at === 0 || /[.!?:\n]["”’]?[ \u00a0]*$/u.test(text.slice(Math.max(0, at - 3), at))) break;
      if (out.length && out[out.length - 1].end > at) break;
      start = at;
    }
    out.push(piece(c, text, start, end, { type: 'MISC', method: `${c.method}+rule:case-name` }));
    while (sorted[i + 1] && sorted[i + 1].start < end) i++;
  }
  return out;
}

/**
 * Retypes names by their head word: a name ending in an organisation word ("... Front", "... Committee") is
 * an organisation, one ending in an event word ("... Summit", "... Games") an event (MISC), whatever the
 * tagger said; a known organisation of the knowledge base is an organisation likewise.
 *
 * @example
 * retypeByHead([{ text: 'Example Front', type: 'PERSON', ... }])[0].type // → 'ORG'
 */
export function retypeByHead(cands: Candidate[]): Candidate[] {
  const { orgHeads, internationalCodePrefixes, placeHeads, eventHeads, eventOpeners } = rolesLexicon();
  const states = stateTable();
  return cands.map((c) => {
    // a case is named after its parties, whatever its last word ("... v. Jackson Women’s Health Organization")
    if (c.demonym || c.method.endsWith('rule:case-name')) return c;
    const words = c.text.split(/\s+/);
    const head = words[words.length - 1].toLowerCase();
    // a state, a county, a province is a political place whatever the tagger said; a body the knowledge base
    // files under a government sector ("White House": USAGOV) is an organisation, not a place
    if (c.type !== 'GPE' && c.type !== 'PERSON' && (states.names.has(nameKey(c.text)) || (words.length > 1 && placeHeads.has(head)))) return { ...c, type: 'GPE', method: `${c.method}+rule:place-head` };
    if (c.type === 'GPE' || c.type === 'LOC') {
      const table = countryTable();
      const key = nameKey(c.text);
      const kb = lookupActor(c.text).length ? lookupActor(c.text) : lookupActor(`the ${c.text}`);
      const place = table.byName.has(key) || table.byCapital.has(key) || kb.some((a) => a.type === 'GPE');
      if (!place && kb.some((a) => a.type !== 'GPE' && a.codes.some(([code]) => code.length > 3))) return { ...c, type: 'ORG', method: `${c.method}+rule:kb-org` };
      if (c.type === 'GPE') return c;
    }
    // "Operation Northern Shield": a named operation is an event, whatever its last word
    if (words.length > 1 && eventOpeners.has(words[0].toLowerCase()) && c.type !== 'MISC') return { ...c, type: 'MISC', method: `${c.method}+rule:event-opener` };
    if (words.length > 1 && orgHeads.has(head) && c.type !== 'ORG') return { ...c, type: 'ORG', method: `${c.method}+rule:org-head` };
    // "the NATO Summit", "the Winter Games": a named event, not the body that holds it
    if (words.length > 1 && eventHeads.has(head) && c.type !== 'MISC' && !knownName(c.text)) return { ...c, type: 'MISC', method: `${c.method}+rule:event-head` };
    if (c.type !== 'ORG' && c.type !== 'PERSON') {
      const kb = lookupActor(c.text).length ? lookupActor(c.text) : lookupActor(`the ${c.text}`);
      const org = kb.some((a) => a.codes.some(([code]) => internationalCodePrefixes.some((p) => code.startsWith(p))));
      if (org) return { ...c, type: 'ORG', method: `${c.method}+rule:kb-org` };
    }
    return c;
  });
}

/**
 * Places by their words and their context, whatever the tagger said: a name ending in a landmark word ("...
 * International Bridge", "... Mountains") is a location (LOC); a name before a lower-case political-place noun
 * ("Xville county", "Xville district") or after "town of", "city of" ... is a political place (GPE). Names the
 * knowledge base knows as an organisation or a country keep their type.
 *
 * @example
 * retypePlaces(text, cands) // "the border town of Xville" (ORG) → GPE
 */
export function retypePlaces(text: string, cands: Candidate[]): Candidate[] {
  const { landmarkHeads, placeNouns } = rolesLexicon();
  return cands.map((c) => {
    if (c.demonym || c.type === 'GPE' || knownName(c.text)) return c;
    const words = c.text.split(/\s+/);
    if (words.length > 1 && c.type !== 'LOC' && landmarkHeads.has(words[words.length - 1].toLowerCase())) return { ...c, type: 'LOC', method: `${c.method}+rule:landmark-head` };
    if (c.type === 'LOC') return c;
    const after = /^[ \u00a0]+(\p{Ll}+)\b/u.exec(text.slice(c.end, c.end + 20))?.[1];
    const before = /\b(\p{Ll}+)[ \u00a0]+of[ \u00a0]+$/u.exec(text.slice(Math.max(0, c.start - 24), c.start))?.[1];
    if ((after && placeNouns.has(after)) || (before && placeNouns.has(before))) return { ...c, type: 'GPE', method: `${c.method}+rule:place-context` };
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
    // a one-word MISC is a nationality or the like; a longer one is a name that may have lost its first word
    // ("The Consumer Price Index" tagged "Price Index")
    // a name cut from an office's body starts where the title ends ("Speaker of the House | Jane Doe")
    if (c.demonym || c.method.includes('rule:split-office') || c.type === 'GPE' || (c.type === 'MISC' && !/\s/.test(c.text))) return c;
    const t = doc.tokens.findIndex((x) => x.start === c.start);
    if (t <= 0) return c;
    const prevTok = doc.tokens[t - 1];
    const word = text.slice(prevTok.start, prevTok.end);
    const taken = i > 0 && cands[i - 1].end > prevTok.start;
    if (taken || prevTok.end !== c.start - 1 || !/^\p{Lu}\p{Ll}+$/u.test(word)) return c;
    if (roleNouns.has(word.toLowerCase()) || nameFilters().titles.has(word.toLowerCase()) || (c.type === 'PERSON' && roleModifiers.has(word.toLowerCase())) || knownName(word) || countryTable().byDemonym.has(nameKey(word))) return c;
    // a party word ("Democrat Jane Doe") or a describing adjective ("Outspoken Jane Doe") says what the person is
    if (partyTable().byAdjective.has(nameKey(word)) || rolesLexicon().epithets.has(word.toLowerCase())) return c;
    // the body of an office is part of the title before the name ("Speaker of the House Jane Doe")
    if (c.type === 'PERSON' && rolesLexicon().officeBodies.has(word.toLowerCase()) && afterRoleOf(text, prevTok.start)) return c;
    const okPos = c.type === 'PERSON' ? prevTok.pos === 'PROPN' : prevTok.pos === 'PROPN' || prevTok.pos === 'ADJ';
    if (!okPos || (starts.has(t - 1) && c.type === 'PERSON')) return c;
    return { ...c, start: prevTok.start, text: text.slice(prevTok.start, c.end), method: `${c.method}+rule:extend-left` };
  });
}

/** The lower-case words of a name, periods dropped ("Sen." → "sen"). */
const bareWords = (text: string): string[] => text.split(/\s+/).map((w) => w.toLowerCase().replace(/[.\u2019']+$/g, '').replace(/\./g, ''));

/**
 * Organisation names that hold "of", "for", "on" or "and", which the tagger (trained on short CoNLL names)
 * cuts in pieces: "Department of Health and Human Services", "Centers for Disease Control and Prevention",
 * "Food and Drug Administration", "Joint Committee on Taxation", "4th U.S. Circuit Court of Appeals",
 * "Group of 7". A run of capitalised words (ordinals, numbers and "U.S." included) joins the next run over
 * one of these words when the first run ends in an organisation word (`orgHeads`), or, over "and", when the
 * last run does ("Ways and Means Committee"); "the Senate and House" stays two. A run after "and" that is a
 * title, an acronym or a person is not taken in ("the Committee on Finance and Sen. ..."), and no name is
 * made over a person the tagger is sure of. The joined name replaces the pieces it covers;
 * nothing is joined where the tagger found no name.
 *
 * @example
 * joinOrganisationNames(text, cands) // "Department", "Health", "Human Services" → "Department of Health and Human Services" ORG
 */
export function joinOrganisationNames(text: string, cands: Candidate[]): Candidate[] {
  const { orgHeads, roleNouns } = rolesLexicon();
  const { titles } = nameFilters();
  const word = "(?:\\p{Lu}[\\p{L}\\p{N}'’&-]*\\.?|(?:\\p{Lu}\\.){2,}|\\d+(?:st|nd|rd|th)?)";
  const run = `${word}(?:[ \\u00a0]+${word})*`;
  const re = new RegExp(`${run}(?:[ \\u00a0]+(?:of|for|on|and|&)[ \\u00a0]+(?:the[ \\u00a0]+)?${run})+`, 'gu');
  const isHead = (w: string): boolean => {
    const b = w.toLowerCase().replace(/[^\p{L}]/gu, '');
    return orgHeads.has(b) || (b.endsWith('s') && orgHeads.has(b.slice(0, -1)));
  };
  const { calendar } = nameFilters();
  const made: Candidate[] = [];
  // "X and the Y" are two bodies: each side is read on its own ("the Food and Drug Administration and the
  // Centers for Disease Control and Prevention")
  const segments = function* (): Generator<{ 0: string; index: number }> {
    for (const whole of text.matchAll(re)) {
      let at = 0;
      for (const sep of whole[0].matchAll(/[ \u00a0]+and[ \u00a0]+the[ \u00a0]+/gu)) {
        yield { 0: whole[0].slice(at, sep.index), index: whole.index + at };
        at = sep.index + sep[0].length;
      }
      yield { 0: whole[0].slice(at), index: whole.index + at };
    }
  };
  for (const m of segments()) {
    if (!/[ \u00a0](?:of|for|on|and|&)[ \u00a0]/u.test(m[0])) continue;
    // the runs and the words between them ("the" after "and" starts another body: "X and the Y")
    const parts = m[0].split(/[ \u00a0]+(of|for|on|and the|and|&)[ \u00a0]+(?:the[ \u00a0]+)?/u);
    const runs = parts.filter((_, i) => i % 2 === 0);
    const links = parts.filter((_, i) => i % 2 === 1);
    // a run ends before a title ("... of Health Director Jane Doe"): the title and the name after it are not the body's
    for (let k = 1; k < runs.length; k++) {
      const ws = runs[k].split(/[ \u00a0]+/);
      const at = ws.findIndex((w, wi) => {
        const b = w.toLowerCase().replace(/[^\p{L}-]/gu, '');
        return roleNouns.has(b) || (titles.has(b) && wi < ws.length - 1);
      });
      if (at >= 0) {
        runs[k] = ws.slice(0, at).join(' ');
        runs.length = k + 1;
        links.length = k;
        if (!runs[k]) {
          runs.length = k;
          links.length = k - 1;
        }
        break;
      }
    }
    let start = m.index;
    // a leading determiner or sentence word is not part of the name ("The Food and Drug Administration")
    const lead = /^(?:The|A|An|This|That|Its|Their|His|Her|Our)[ \u00a0]+/u.exec(runs[0]);
    if (lead) {
      runs[0] = runs[0].slice(lead[0].length);
      start += lead[0].length;
    }
    if (!runs[0]) continue;
    // keep the longest prefix of runs that forms an organisation name
    let keep = 0;
    const firstHead = isHead(runs[0].split(/[ \u00a0]+/).pop() ?? '');
    for (let k = 1; k < runs.length; k++) {
      const words = runs[k].split(/[ \u00a0]+/);
      const first = words[0].toLowerCase().replace(/\./g, '');
      // "the Supreme Court on Monday": a date is no part of a name
      if (calendar.has(first) || links[k - 1] === 'and the') break;
      if (links[k - 1] === 'and' || links[k - 1] === '&') {
        // "the Senate and House": two bodies, not one name; nor a title, an acronym or a person after "and"
        if (k === 1 && firstHead) break;
        if (roleNouns.has(first) || titles.has(first) || /^\p{Lu}{2,}$/u.test(runs[k])) break;
        const runStart = start + text.slice(start).indexOf(runs[k]);
        if (cands.some((c) => c.type === 'PERSON' && c.start < runStart + runs[k].length && runStart < c.end)) break;
        // "Food and Drug Administration": a name of two runs when the last ends in an organisation word
        // (a country before the name, "U.S. Food and Drug Administration", is not the first run's name)
        const countryPrefix = (c: Candidate): boolean => c.type === 'GPE' && c.start === start && c.end < start + runs[0].length && !!countryTable().byName.get(nameKey(c.text));
        const firstIsName = cands.some((c) => ((c.type === 'PERSON' && c.confidence > 0.8) || (c.type === 'GPE' && !countryPrefix(c))) && c.start < start + runs[0].length && start < c.end);
        // "House and Senate" are two: the run after "and" is a one-word body of its own
        if (k === 1 && !(words.length >= 2 && isHead(words[words.length - 1]) && !knownName(runs[0]) && !firstIsName)) break;
        keep = k;
      } else {
        // "Department of ...", "Centers for ...": only after an organisation word ("Secretary of State" is a title)
        if (k === 1 && !firstHead) break;
        if (keep < k - 1) break;
        keep = k;
      }
    }
    if (keep === 0) continue;
    let end = start;
    for (let k = 0; k <= keep; k++) {
      const at = text.indexOf(runs[k], end);
      end = at + runs[k].length;
    }
    const name = text.slice(start, end).replace(/\.$/, (dot) => (/(?:\p{Lu}\.){2,}$/u.test(text.slice(start, end)) ? dot : ''));
    end = start + name.length;
    const covered = cands.filter((c) => c.start < end && start < c.end);
    // only where the tagger saw a name, and never across a person it found whole
    if (!covered.length || covered.some((c) => c.type === 'PERSON' && c.confidence > 0.8)) continue;
    const words = name.split(/[ \u00a0]+/).length;
    if (words > 10) continue;
    made.push({ start, end, text: name, type: 'ORG', method: 'rule:join-organisation-name', confidence: Math.min(...covered.map((c) => c.confidence)) });
  }
  if (!made.length) return cands;
  const kept = cands.filter((c) => !made.some((x) => c.start < x.end && x.start < c.end));
  return [...kept, ...made].sort((a, b) => a.start - b.start);
}

/** Parts of speech a word of a name can carry (Universal tags): not a conjunction, adverb, pronoun or verb. */
const NAME_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'X']);

/**
 * A named law, bill, plan or accord is one name, however the tagger cut it: "the American Jobs Plan" (tagged
 * "American" and a person "Jobs Plan"), "the Infrastructure Investment and Jobs Act", "the John R. Lewis Voting
 * Rights Advancement Act" (a person and the rest). The capitalised words before a law head (`lawHeads` of
 * data/roles.json), with "and", "of", "for", "to" and "the" between them and initials, become one MISC name that
 * replaces the pieces inside it. A possessive, a comma, a determiner or the start of a sentence ends the name
 * ("Biden's American Jobs Plan"); a headline-case sentence, whose every word is capitalised, is left alone.
 * A bill's number ("H.R. 4", "H. Res. 601", "S. Con. 14") is no actor: an abbreviation before a number is dropped.
 *
 * @example
 * joinLawNames(doc, cands) // "the American Jobs Plan" → ["American Jobs Plan" MISC]
 */
export function joinLawNames(doc: Doc, cands: Candidate[]): Candidate[] {
  const text = doc.article.text;
  const { lawHeads, roleNouns, nameParticles } = rolesLexicon();
  const { titles } = nameFilters();
  const posAt = new Map(doc.tokens.map((t) => [t.start, t.pos]));
  const connectors = new Set(['and', 'of', 'for', 'to', 'the', 'on']);
  const determiners = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her', 'our', 'new', 'proposed']);
  const made: Candidate[] = [];
  for (const sent of doc.sentences) {
    const words = wordsOf(text.slice(sent.start, sent.end), sent.start);
    const caps = words.filter((x) => capitalised(x.w)).length;
    if (words.length >= 5 && caps / words.length > 0.7) continue;
    words.forEach((h, hi) => {
      const head = h.w.replace(/[.,;:!?)\]”"’']+$/u, '');
      if (!/^\p{Lu}\p{Ll}+$/u.test(head) || !lawHeads.has(head.toLowerCase())) return;
      // a capitalised word after the head continues another name: "the National Immigration Law Center"; a name
      // particle after it, or a title before it, makes it a given name ("Mayor Bill de Blasio")
      const next = words[hi + 1]?.w;
      if (head === h.w && next && (capitalised(next) || nameParticles.has(next.toLowerCase()))) return;
      let first = hi;
      for (let i = hi - 1; i >= 0; i--) {
        const w = words[i].w;
        if (/[,;:'’]$|['’]s$/u.test(w)) break;
        const lower = w.toLowerCase();
        if (connectors.has(lower)) {
          if (i > 0 && capitalised(words[i - 1].w) && !/[,;:'’]$|['’]s$/u.test(words[i - 1].w)) continue;
          break;
        }
        if (!/^(?:\p{Lu}[\p{L}-]*\.?|\p{Lu}\.)$/u.test(w) || determiners.has(lower)) break;
        const bare = lower.replace(/[^\p{L}-]/gu, '');
        if (roleNouns.has(bare) || titles.has(bare)) {
          first = hi;
          break;
        }
        // a function word capitalised only because it opens the sentence ("When Bill ...") is no word of the name
        const pos = posAt.get(words[i].start);
        if (words[i].start === sent.start && pos !== undefined && !NAME_POS.has(pos)) break;
        first = i;
      }
      while (first < hi && connectors.has(words[first].w.toLowerCase())) first++;
      if (first === hi) return;
      const start = words[first].start;
      const end = h.start + head.length;
      made.push({ start, end, text: text.slice(start, end), type: 'MISC', method: 'rule:law-name', confidence: 0.8 });
    });
  }
  const kept = cands.filter((c) => !made.some((x) => c.start < x.end && x.start < c.end));
  // "H.R. 4", "H. Res. 601": an abbreviation (with a period or in mixed case) before a number numbers a bill
  const numbered = kept.filter((c) => {
    const abbrev = c.text.split(/[ \u00a0]+/).every((w) => /^\p{Lu}(?:\p{L}{0,2}\.?|\.(?:\p{Lu}\.)*)$/u.test(w)) && (/\./.test(c.text) || /\p{Ll}/u.test(c.text));
    return !(abbrev && /^\.?(?:[ \u00a0]+\p{Lu}\p{Ll}{0,2}\.)*[ \u00a0]+\d/u.test(text.slice(c.end, c.end + 16)) && knownName(c.text) !== 'country');
  });
  return [...numbered, ...made].sort((a, b) => a.start - b.start);
}

/**
 * Drops what is not a name however it was tagged, and trims what is not part of one: a possessive ("Biden's"),
 * trailing weekdays and months ("Washington Sunday"); month and weekday names ("Jan.", "Thursday"), state
 * abbreviations and party-state notes ("Md.", "R-MO", "D-N.Y."), contractions ("Don't"), titles alone ("Dr.",
 * "Former", "Justices"), party adjectives ("Democratic", "Republican"), diseases ("COVID-19"), a lone
 * sentence-initial word that is not a proper noun, and an adjective of origin or allegiance before a noun
 * ("Asian American community", "Confederate statues").
 *
 * @example
 * dropNonNames(doc, cands) // "Jan.", "Md", "Don't", "Democratic" → []
 */
export function dropNonNames(doc: Doc, cands: Candidate[]): Candidate[] {
  const text = doc.article.text;
  const { calendar, diseases, titles, ethnicGroups } = nameFilters();
  const { roleNouns, roleModifiers, orgHeads, holidayHeads } = rolesLexicon();
  const states = stateTable();
  const partyWords = partyTable();
  const sentenceStarts = new Set(doc.sentences.map((s) => s.start));
  const tokenAt = new Map(doc.tokens.map((t, i) => [t.start, i]));
  const out: Candidate[] = [];
  // the end of a run of adjectives joined by "and" before their noun, whose later members are no names either
  let modifierUntil = -1;
  for (const c0 of cands) {
    let c = c0;
    if (c.start < modifierUntil && c.end <= modifierUntil + 1) continue;
    // a name holds a capital or a digit ("de Blasio", "iPhone", "G7"); the tagger's lone "of" or "the" holds
    // neither, and a string pass would then link every such word of the corpus to it
    if (!/[\p{Lu}\p{N}]/u.test(c.text)) continue;
    // a name cut off where the lead ends ("Miguel...") names no one we can tell; "!" or "?" ends a sentence, not a name
    if (/^(?:\.{3}|…)[\s"”’]*$/u.test(text.slice(c.end)) || /(?:\.{3}|…)$/u.test(c.text)) continue;
    if (/[!?]+$/.test(c.text)) {
      const bare = c.text.replace(/[!?]+$/, '');
      if (!bare) continue;
      c = { ...c, end: c.start + bare.length, text: bare };
    }
    // a sentence's full stop is not part of a name the tokeniser ran it into ("... under former President
    // Trump." before a paragraph break); an abbreviation of data/abbreviations.json keeps it ("Inc.", "Corp.")
    const stop = /(?:^|[ \u00a0])(\p{Lu}\p{Ll}{2,}\.)$/u.exec(c.text);
    if (stop && !isAbbreviation(stop[1]) && !titles.has(stop[1].slice(0, -1).toLowerCase()) && /^(?:\s|$)/u.test(text.slice(c.end, c.end + 1))) {
      c = { ...c, end: c.end - 1, text: c.text.slice(0, -1) };
    }
    // a possessive ending is not part of the name
    const poss = /['’]s?$/.exec(c.text);
    if (poss && c.text.length > poss[0].length + 1 && !/\p{Lu}\.['’]s?$/u.test(c.text)) c = { ...c, end: c.end - poss[0].length, text: c.text.slice(0, -poss[0].length) };
    // trailing (or leading) calendar words: "Washington Sunday", "Thursday Senate"
    let words = c.text.split(/[ \u00a0]+/);
    while (words.length > 1 && calendar.has(bareWords(words[words.length - 1])[0])) {
      const last = words.pop() as string;
      const cut = c.text.lastIndexOf(last);
      c = { ...c, end: c.start + c.text.slice(0, cut).trimEnd().length, text: c.text.slice(0, cut).trimEnd() };
    }
    while (words.length > 1 && calendar.has(bareWords(words[0])[0])) {
      const first = words.shift() as string;
      const skip = c.text.indexOf(words[0], first.length);
      c = { ...c, start: c.start + skip, text: c.text.slice(skip) };
    }
    words = c.text.split(/[ \u00a0]+/);
    const bare = bareWords(c.text);
    const key = nameKey(c.text).replace(/\.$/, '');
    const single = words.length === 1;
    const after = text.slice(c.end, c.end + 40);
    const nextWord = /^[ \u00a0]+([\p{L}][\p{L}'’-]*)/u.exec(after)?.[1];
    // month names that are also given names and surnames ("May", "June", "August") only before a number or after a date word
    const ambiguousMonth = single && /^(?:may|june|august)$/.test(key) && !/^[ \u00a0]+\d/.test(after) && !/(?:in|since|until|by|early|late|mid|last|next|of)[ \u00a0]+$/i.test(text.slice(Math.max(0, c.start - 8), c.start));
    if (single && calendar.has(bare[0]) && !ambiguousMonth) continue;
    if (bare.every((w) => calendar.has(w))) continue;
    if (states.forms.has(c.text) || states.forms.has(c.text.replace(/\.$/, ''))) continue;
    const note = /^([A-Z])-(.+?)\.?$/.exec(c.text);
    if (note && partyWords.byLetter.has(note[1].toLowerCase()) && (states.forms.has(note[2]) || states.forms.has(`${note[2]}.`) || states.names.has(nameKey(note[2])))) continue;
    if (/(?:n['’]t|['’](?:ll|re|ve|d|m))$/i.test(c.text)) continue;
    // a case named after a person ("the Dred Scott decision", "the Jane Roe case") names the case, not an actor
    const personShaped = c.type === 'PERSON' || (words.length === 2 && words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w)) && !orgHeads.has(words[1].toLowerCase()) && knownName(c.text) === null);
    if (personShaped && /(?:^|[^\p{L}])the[ \u00a0]+$/iu.test(text.slice(Math.max(0, c.start - 5), c.start)) && /^[ \u00a0]+(?:case|decision|ruling|verdict)(?![\p{L}])/u.test(after)) continue;
    const titleOnly = (w: string): boolean => !orgHeads.has(w) && (titles.has(w) || roleNouns.has(w) || roleModifiers.has(w) || (w.endsWith('s') && (roleNouns.has(w.slice(0, -1)) || titles.has(w.slice(0, -1)))));
    if (bare.every(titleOnly)) continue;
    if (single && (partyWords.byAdjective.has(key) || partyWords.independent.has(key))) continue;
    // ("Alzheimer's": a disease named in the possessive, whose "'s" the tagger left out)
    if (diseases.has(key) || (/^['’]s(?![\p{L}])/u.test(text.slice(c.end, c.end + 3)) && diseases.has(`${key}'s`)) || diseases.has(nameKey(`${c.text} ${nextWord ?? ''}`).trim())) continue;
    // a lone word opening a sentence (or a quotation at its start) that the tagger does not take for a proper noun
    const ti = tokenAt.get(c.start);
    const opensSentence = sentenceStarts.has(c.start) || (/^[“"‘]$/u.test(text[c.start - 1] ?? '') && sentenceStarts.has(c.start - 1));
    if (single && opensSentence && ti !== undefined && doc.tokens[ti].pos !== 'PROPN' && !/^\p{Lu}{2,}$/u.test(c.text)) continue;
    // nationality and origin adjectives before a noun: "American people", "Asian American community"
    // (a demonym of a country stays: it is linked to the country where the country is named, see link.ts);
    // "Asian American and Pacific Islander community": adjectives joined by "and" before their noun
    // a named day after "the" or a preposition of time ("on Founders Day", "the Harvest Remembrance Day")
    // dates something; it is a time expression, not an actor
    if (!single && holidayHeads.has(bare[bare.length - 1]) && c.type !== 'ORG' && /(?:^|[^\p{L}])(?:the|on|since|before|after|until|through)[ \u00a0]+(?:\p{Lu}[\p{L}'’-]*[ \u00a0]+)*$/iu.test(text.slice(Math.max(0, c.start - 60), c.start))) continue;
    const ethnic = single && ethnicGroups.has(key);
    const adjective = ethnic || (c.type === 'MISC' && /(?:an|ian|ese|ish|ic|i|ch|ate|er|ist)$/u.test(c.text)) || (c.type === 'PERSON' && /(?:an|ian|ese|ish|ander)$/u.test(c.text) && !single);
    // an adjective fused into a compound modifier ("Northlandian-era", "Northlandian-backed") names no one
    if (adjective && !c.demonym && /^-\p{Ll}/u.test(after)) continue;
    if (ethnic && !/^[ \u00a0]+\p{Ll}/u.test(after)) c = { ...c, type: 'MISC' };
    if (adjective && !c.demonym) {
      // ... also before a name that modifies the noun with it ("the first African American Supreme Court justice")
      const rest = /^(?:[ \u00a0]+and[ \u00a0]+(?:\p{Lu}[\p{L}-]*[\])]?[ \u00a0]+)+|[ \u00a0]+(?:\p{Lu}[\p{L}-]*[ \u00a0]+){0,3})/u.exec(after)?.[0] ?? '';
      const nextTok = doc.tokens.find((t) => t.start >= c.end + rest.length);
      if (rest && nextTok && nextTok.start === c.end + rest.length && nextTok.pos === 'NOUN' && /^\p{Ll}/u.test(text.slice(nextTok.start, nextTok.end))) {
        // a nationality the knowledge base knows ("Ecuadorian police") is its country's, as a demonym is
        // (an organisation the knowledge base places in a country, "Taliban rulers", is no nationality)
        const country = single && c.type === 'MISC' && (demonymToCountry(c.text) || lookupActor(c.text).some((a) => a.type === 'GPE')) ? countryOf(c.text) : null;
        if (country) out.push({ ...c, demonym: true, country: country.code });
        // the other adjectives joined to it by "and" modify the same noun ("... and Pacific Islander community")
        if (/^[ \u00a0]+and[ \u00a0]/u.test(rest)) modifierUntil = c.end + rest.length;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/**
 * Acronyms a story spells out in lower-case words ("special harbour permits, or SHPs", "a joint action plan
 * (JAP)") abbreviate common nouns, not names: across all the articles given, every candidate that is such an
 * acronym (or its plural or singular) is dropped.
 *
 * @example
 * dropCommonNounAcronyms(docs, candsByDoc) // "special harbour permits, or SHPs" → "SHP", "SHPs" dropped
 */
export function dropCommonNounAcronyms<C extends Candidate>(docs: Doc[], candsByDoc: C[][]): C[][] {
  const { acronymStopwords } = rolesLexicon();
  const common = new Set<string>();
  for (const doc of docs) {
    for (const m of doc.article.text.matchAll(/(?<![\p{L}])(\p{Ll}[\p{Ll}-]*(?:[ \u00a0]+\p{Ll}[\p{Ll}-]*){0,7})(?:[ \u00a0]*\(|,?[ \u00a0]+or[ \u00a0]+)(\p{Lu}{2,6})s?(?![\p{L}])/gu)) {
      const words = m[1].trim().split(/[ \u00a0]+/).filter((w) => !acronymStopwords.has(w) && w !== 'or');
      const letters = m[2];
      const initials = words.slice(-letters.length).map((w) => w[0].toUpperCase()).join('');
      if (words.length >= letters.length && initials === letters) common.add(letters);
    }
  }
  if (!common.size) return candsByDoc;
  return candsByDoc.map((cands) => cands.filter((c) => !common.has(c.text) && !common.has(c.text.replace(/s$/, ''))));
}

/**
 * A capitalised word only ever seen opening a sentence, whose lower-case form the story's texts use too
 * ("Individuals 18 and up ..." beside "individuals 65 and older"), is a common word, not a name: across all
 * the articles given, each such lone candidate is dropped. A word seen capitalised inside a sentence, alone or
 * in a longer name ("Young" after "Todd Young"), stays a name; so do all-capital words, countries, demonyms and
 * names the knowledge base knows.
 *
 * @example
 * dropSentenceCaseWords(docs, candsByDoc) // "Hackers" opening a sentence, "hackers" elsewhere → dropped
 */
export function dropSentenceCaseWords<C extends Candidate>(docs: Doc[], candsByDoc: C[][]): C[][] {
  const lower = new Set<string>();
  const midCap = new Set<string>();
  docs.forEach((doc) => {
    const text = doc.article.text;
    for (const sent of doc.sentences) {
      for (let ti = sent.tokenStart; ti < sent.tokenEnd; ti++) {
        const t = doc.tokens[ti];
        const w = text.slice(t.start, t.end);
        if (/^\p{Ll}/u.test(w)) lower.add(w);
        else if (/^\p{Lu}/u.test(w)) {
          const prev = ti > sent.tokenStart ? text.slice(doc.tokens[ti - 1].start, doc.tokens[ti - 1].end) : '';
          // the first word of a sentence, or of a quotation or bracket opening it, is capitalised by position
          const opening = ti === sent.tokenStart || (ti === sent.tokenStart + 1 && /^[“"‘'([]$/u.test(prev));
          if (!opening) midCap.add(w.toLowerCase());
        }
      }
    }
  });
  return candsByDoc.map((cands, di) => {
    const doc = docs[di];
    const starts = new Set(doc?.sentences.map((s) => s.start) ?? []);
    const text = doc?.article.text ?? '';
    return cands.filter((c) => {
      if (!/^\p{Lu}\p{Ll}+$/u.test(c.text) || c.demonym || c.country) return true;
      const opens = starts.has(c.start) || (/^[“"‘'([]$/u.test(text[c.start - 1] ?? '') && starts.has(c.start - 1));
      if (!opens) return true;
      const low = c.text.toLowerCase();
      return !(lower.has(low) && !midCap.has(low) && knownName(c.text) === null && !lookupActor(c.text).length);
    });
  });
}

/**
 * Splits a party adjective out of a name the tagger ran together with it ("Hawaii Democratic", "West
 * Virginia Republican"): the adjective is a person's party, not a name; what is left is a name of its own.
 *
 * @example
 * splitPartyWords(text, cands) // "West Virginia Republican" → "West Virginia"
 */
export function splitPartyWords(text: string, cands: Candidate[]): Candidate[] {
  const { byAdjective } = partyTable();
  const out: Candidate[] = [];
  for (const c of cands) {
    const words = wordsOf(c.text, c.start);
    if (words.length < 2 || knownName(c.text) || /\bPart(?:y|ies)\b/.test(c.text)) {
      out.push(c);
      continue;
    }
    const at = words.findIndex((w) => byAdjective.has(nameKey(w.w)));
    if (at < 0) {
      out.push(c);
      continue;
    }
    if (at > 0) {
      const s = words[0].start;
      const e = words[at - 1].end;
      out.push(piece(c, text, s, e, { ...typeOfPiece(text.slice(s, e), c.type), method: `${c.method}+rule:split-party` }));
    }
    if (at < words.length - 1) {
      const s = words[at + 1].start;
      out.push(piece(c, text, s, c.end, { type: c.type, method: `${c.method}+rule:split-party` }));
    }
  }
  return out;
}

/**
 * Drops a describing adjective the tagger ran into a name ("Embattled Jane Doe", "Populist Jan Roe" at the start
 * of a sentence, typed an organisation for its capital): the name is the two or more capitalised words after it,
 * a person. A name the knowledge base knows whole, or one ending in an organisation word ("Progressive Labor
 * Party"), is left alone.
 *
 * @example
 * dropLeadingEpithets(text, cands) // "Embattled Jane Doe" → "Jane Doe" PERSON
 */
export function dropLeadingEpithets(text: string, cands: Candidate[]): Candidate[] {
  const { epithets, orgHeads } = rolesLexicon();
  return cands.map((c) => {
    if (c.type !== 'PERSON' && c.type !== 'ORG') return c;
    const words = wordsOf(c.text, c.start);
    if (words.length < 3 || !epithets.has(words[0].w.toLowerCase()) || knownName(c.text)) return c;
    const rest = words.slice(1);
    if (!rest.every((x) => capitalised(x.w)) || rest.some((x) => orgHeads.has(x.w.toLowerCase().replace(/[^\p{L}]/gu, '')))) return c;
    return piece(c, text, rest[0].start, c.end, { type: 'PERSON', method: `${c.method}+rule:drop-epithet` });
  });
}

/**
 * "The Biden administration", "the Merkel government": a person's name before a government word is the
 * government they lead, an organisation of its own, not a mention of the person.
 *
 * @example
 * governmentOf(text, cands) // "Doe" + " administration" → "Doe administration" ORG
 */
export function governmentOf(text: string, cands: Candidate[]): Candidate[] {
  const { governmentHeads } = rolesLexicon();
  return cands.map((c) => {
    if ((c.type !== 'PERSON' && c.type !== 'MISC') || c.demonym) return c;
    const m = /^[ \u00a0]+(\p{Ll}+)(?![\p{L}-])/u.exec(text.slice(c.end, c.end + 20));
    if (!m || !governmentHeads.has(m[1])) return c;
    const end = c.end + m[0].length;
    return { ...c, end, text: text.slice(c.start, end), type: 'ORG', method: `${c.method}+rule:government-of` };
  });
}

/**
 * A chamber or country before a party's members ("Senate" + "Republicans", "U.S. Senate" + "Democrats") is
 * one name, the party's members there: the pieces the tagger cut join.
 *
 * @example
 * joinPartyMembers(text, cands) // "Senate", "Republicans" → "Senate Republicans"
 */
export function joinPartyMembers(text: string, cands: Candidate[]): Candidate[] {
  const { byName } = partyTable();
  const isMembers = (w: string): boolean => byName.get(nameKey(w))?.members.some((m) => nameKey(m) === nameKey(w)) ?? false;
  // the members' word the tagger left out after a chamber it found ("Senate" + " Republicans")
  const grown = cands.map((c) => {
    if (!/^(?:(?:U\.S\.|US)[ \u00a0]+)?(?:Senate|House)$/u.test(c.text)) return c;
    const next = /^[ \u00a0]+(\p{Lu}\p{L}+)(?![\p{L}-])/u.exec(text.slice(c.end, c.end + 30));
    if (!next || !isMembers(next[1]) || cands.some((d) => d !== c && d.start >= c.end && d.start < c.end + next[0].length)) return c;
    const end = c.end + next[0].length;
    return { ...c, end, text: text.slice(c.start, end), type: 'ORG' as EntityType, method: `${c.method}+rule:party-members` };
  });
  const sorted = [...grown].sort((a, b) => a.start - b.start);
  const out: Candidate[] = [];
  for (const c of sorted) {
    const prev = out[out.length - 1];
    const members = byName.get(nameKey(c.text));
    const chamber = prev && /^(?:(?:U\.S\.|US)[ \u00a0]+)?(?:Senate|House|Congressional|State)$/u.test(prev.text);
    if (prev && members && chamber && /^[ \u00a0]+$/.test(text.slice(prev.end, c.start)) && members.members.some((m) => nameKey(m) === nameKey(c.text))) {
      out[out.length - 1] = { ...prev, end: c.end, text: text.slice(prev.start, c.end), type: 'ORG', method: `${prev.method}+rule:party-members` };
      continue;
    }
    // "U.S." + "Senate Republicans"
    if (prev && /^(?:U\.S\.|US)$/.test(prev.text) && /^[ \u00a0]+$/.test(text.slice(prev.end, c.start)) && /^(?:Senate|House)[ \u00a0]/u.test(c.text) && byName.has(nameKey(c.text.replace(/^\S+[ \u00a0]+/u, '')))) {
      out[out.length - 1] = { ...c, start: prev.start, text: text.slice(prev.start, c.end), type: 'ORG', method: `${c.method}+rule:party-members` };
      continue;
    }
    out.push(c);
  }
  return out;
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
  cands = splitOfficeOf(text, cands);
  cands = splitPartyWords(text, cands);
  cands = dropLeadingEpithets(text, cands);
  cands = splitPossessivePlace(text, cands);
  cands = splitKnownPrefix(text, cands);
  cands = joinParticles(text, cands);
  cands = extendOverInitial(text, cands);
  cands = joinCaseNames(text, cands);
  cands = quotedWorkTitles(text, cands);
  cands = demonymOrganisations(text, cands);
  cands = extendLeft(doc, cands);
  cands = retypeByHead(cands);
  cands = retypePlaces(text, cands);
  cands = appositionPersons(text, cands);
  cands = joinOrganisationNames(text, cands);
  // the join may run a possessive place into the body's name again ("Ruritania’s" + "Marine Institute")
  cands = splitPossessivePlace(text, cands);
  cands = governmentOf(text, cands);
  cands = joinPartyMembers(text, cands);
  cands = joinLawNames(doc, cands);
  cands = dropNonNames(doc, cands);
  return cands.sort((a, b) => a.start - b.start);
}
