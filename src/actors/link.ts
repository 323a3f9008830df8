/**
 * Actor linking: every name, acronym, demonym, capital, title and pronoun of every article becomes a mention
 * of one `Actor`, within and across articles. Candidates come from the tagger (refined in repair.ts); anchors
 * (full names, organisations, countries) make actors first; short forms (surnames, acronyms, capitals,
 * nominals, pronouns) then join the one actor they can only mean. A short form that could mean two actors
 * stays unlinked rather than wrong.
 */
import type { Actor, ActorAlias, AliasKind, Doc, Mention } from '../model.js';
import { findMentions } from '../ner/index.js';
import { isEnglish } from '../language/index.js';
import { countryTable, nameFilters, nameKey, partyTable, rolesLexicon, stateTable, type PartyRecord } from './lexicon.js';
import { dropCommonNounAcronyms, dropSentenceCaseWords, refineMentions, wordsOf } from './repair.js';
import { firstAtOrAfter, RangeIndex } from '../spans.js';
import { type Draft, type Placed, isAcronym, pick, Linker, sentenceOf, merge, type LinkContext, type LinkStep } from './linker.js';
import { aliasIntroducersStep } from './steps/aliasIntroducers.js';
import { anchorsStep } from './steps/anchors.js';
import { bracketAcronymsStep } from './steps/bracketAcronyms.js';
import { bylinesStep } from './steps/bylines.js';
import { knownFieldsStep } from './steps/knownFields.js';
import { namesakesStep } from './steps/namesakes.js';
import { shortFormsStep } from './steps/shortForms.js';
import { GenderEvidence, genderOf, pronounGender, type Gender } from './gender.js';
import { stringMatchStep } from './steps/stringMatch.js';

export { initialsOf, partyOfName, sameGivenName } from './linker.js';

/**
 * The linking, step by step (one step per file in src/actors/steps/, in the order of `LINK_STEPS`, as chrono lists
 * its parsers): anchors make actors first, short forms join them, then the string pass, roles, nominals and
 * pronouns, fields the text left open, one actor per entity, and places that only locate are dropped.
 *
 * Links the names of English articles into actors. Articles known not to be English are skipped (the tagger
 * and the lexicons are English). Bylines become PERSON actors too (method `meta:byline`, no text span when
 * the byline is not in the clean text). `mentions[i]`, when given, are the tagger's mentions of `docs[i]`
 * (the article-level mentions layer), so the tagger does not run again here.
 *
 * @example
 * const actors = linkActors(docs);
 * actors.find((a) => a.type === 'PERSON')?.aliases.map((x) => x.kind) // → ['name', 'surname', 'pronoun', ...]
 */
export function linkActors(docs: Doc[], mentions?: readonly (Mention[] | null | undefined)[]): Actor[] {
  const L = new Linker();
  const placedByDoc: Placed[][] = dropCommonNounAcronyms(docs, dropSentenceCaseWords(docs, docs.map((doc, di) => {
    if (!isEnglish(doc.article)) return [];
    // a pronoun is never a name, even where the tagger took a sentence's opening "He" for one
    const { personPronouns } = rolesLexicon();
    return refineMentions(doc, mentions?.[di] ?? findMentions(doc)).filter((c) => !personPronouns.has(c.text.toLowerCase())).map((c) => ({ ...c, doc: di, article: doc.article.id, sentence: sentenceOf(doc, c.start), actor: null, kind: 'name' as AliasKind }));
  })));
  const ctx: LinkContext = { L, docs, placedByDoc, table: countryTable(), bylines: [] };
  for (const step of LINK_STEPS) step(ctx);
  return finish(L, new Set(ctx.bylines));
}

/** Titles and appositions: role, country and organisation of people. */
const rolesStep: LinkStep = ({ docs, placedByDoc }) => docs.forEach((doc, di) => readRoles(doc, placedByDoc[di]));
/** Nominals and pronouns: people, then organisations. */
const nominalsStep: LinkStep = ({ docs, placedByDoc }) => {
  const evidence = new GenderCache(docs);
  docs.forEach((doc, di) => linkNominals(doc, placedByDoc[di], evidence));
  docs.forEach((doc, di) => linkOrgNominals(doc, placedByDoc[di]));
};
/**
 * One actor per entity: names that are the same up to case, "the", a country before them and the way a court
 * is numbered are one actor whatever type the tagger gave each mention.
 */
const sameNamesStep: LinkStep = ({ L, placedByDoc }) => {
  mergeSameNames(L, placedByDoc);
  mergeRegionalUnits(L, placedByDoc);
  foldCompoundNames(L, placedByDoc);
};
/**
 * Places that only locate or describe (datelines, "in Chicago", "a Virginia school board", "Sen. X of
 * Missouri") take no part in the story.
 */
const locatingPlacesStep: LinkStep = ({ L, docs }) => dropLocatingPlaces(L, docs);

/** The steps, in the order they run: each reads what the ones before it linked. */
export const LINK_STEPS: LinkStep[] = [
  anchorsStep,
  shortFormsStep,
  namesakesStep,
  aliasIntroducersStep,
  bracketAcronymsStep,
  bylinesStep,
  stringMatchStep,
  rolesStep,
  nominalsStep,
  knownFieldsStep,
  sameNamesStep,
  locatingPlacesStep,
];

/**
 * The key under which names of one organisation, place or court are one: lower case, without "the" and a
 * country before the name ("U.S. Food and Drug Administration" = "Food and Drug Administration", "US
 * Capitol" = "Capitol"); a federal appeals court by its circuit ("the Fifth Circuit" = "5th U.S. Circuit
 * Court of Appeals" = "U.S. Court of Appeals for the 5th Circuit"); a department or ministry of X is the X department.
 *
 * @example
 * sameEntityKey('the Fifth Circuit') === sameEntityKey('5th U.S. Circuit Court of Appeals') // → true
 */
export function sameEntityKey(name: string): string {
  let k = nameKey(name).replace(/\u00a0/g, ' ').replace(/^the /, '');
  const { ordinals } = nameFilters();
  const number = (w: string): string | null => {
    const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
    if (digits) return digits[1];
    if (w === 'd.c.' || w === 'dc') return 'dc';
    if (w === 'federal') return 'federal';
    const n = ordinals.get(w);
    return n ? String(n) : null;
  };
  const circuit = /^(?:u\.s\. |us |united states )?(\S+) (?:u\.s\. |us )?circuit(?: court(?: of appeals)?)?$/.exec(k) ?? /^(?:u\.s\. |us |united states )?court of appeals for the (\S+) circuit$/.exec(k);
  const n = circuit ? number(circuit[1]) : null;
  if (n) return `circuit:${n}`;
  k = k.replace(/^(?:u\.s\.|us|u\.s|united states|american)\s+(?=\S)/, '');
  // "Department of Labor" = "Labor Department", "Ministry of Defence" = "Defence Ministry"
  const ofForm = /^(department|ministry|bureau) of (?:the )?(.+)$/.exec(k);
  if (ofForm) k = `${ofForm[2]} ${ofForm[1]}`;
  // the lower chamber by its full name is "the House" news calls it after
  if (k === 'house of representatives') k = 'house';
  return k;
}

/** Merges organisations, places and groups whose names have the same `sameEntityKey` (people keep their own rules). */
function mergeSameNames(L: Linker, placedByDoc: Placed[][]): void {
  const byKey = new Map<string, Draft>();
  // a lone capitalised word tagged a person, with no given name and no title, that is also the name of a
  // body or place of the story ("Treasury would be left with ..." beside "the Treasury") is that body
  const bodies = new Map<string, Draft>();
  for (const d of L.drafts) if (d.type !== 'PERSON') for (const n of d.names.keys()) bodies.set(sameEntityKey(n), d);
  for (const d of [...L.drafts]) {
    if (d.type !== 'PERSON' || d.given.length || d.role.length || d.names.size !== 1) continue;
    const name = [...d.names.keys()][0];
    const body = /\s/.test(name) ? undefined : bodies.get(sameEntityKey(name));
    if (body && L.drafts.includes(body)) {
      merge(L, body, d, placedByDoc);
      // the tagger's person votes were for a misread body
      body.typeVotes.delete('PERSON');
    }
  }
  // a chamber's members of one party by its members' plural or its short name ("House Republicans" and
  // "House GOP") are one group
  const chamberParty = (k: string): string | null => {
    const m = /^(senate|house) (.+)$/.exec(k);
    const p = m ? partyTable().byName.get(m[2]) : undefined;
    return m && p && [...p.members, ...p.short].some((w) => nameKey(w) === m[2]) ? `party:${m[1]}:${p.name}` : null;
  };
  for (const d of [...L.drafts]) {
    if (d.type === 'PERSON' || !L.drafts.includes(d)) continue;
    const keys = new Set([...d.names.keys()].map(sameEntityKey).flatMap((k) => [k, chamberParty(k) ?? '']).filter((k) => k.length > 1));
    let into: Draft | undefined;
    for (const k of keys) {
      const other = byKey.get(k);
      if (other && other !== d && L.drafts.includes(other) && other.type !== 'PERSON') into = into ?? other;
    }
    if (into) {
      merge(L, into, d, placedByDoc);
      for (const k of keys) byKey.set(k, into);
    } else for (const k of keys) if (!byKey.has(k)) byKey.set(k, d);
  }
}

/** Direction words before a region's name ("Southern" in "Southern Ruritania"). */
const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast', 'northwest', 'southeast', 'southwest']);

/**
 * A body named once with a state or country after it ("Harbourline Health Northern Ruritania", a regional
 * unit) and once without ("Harbourline Health") is one actor for a reader: the shorter name, whatever type
 * the tagger gave it, joins the longer body's actor. A person's name with a title or a role is not taken.
 */
function mergeRegionalUnits(L: Linker, placedByDoc: Placed[][]): void {
  const byName = new Map<string, Draft>();
  for (const d of L.drafts) for (const n of d.names.keys()) if (!byName.has(nameKey(n))) byName.set(nameKey(n), d);
  for (const d of [...L.drafts]) {
    if (d.type !== 'ORG' || !L.drafts.includes(d)) continue;
    for (const n of [...d.names.keys()]) {
      const words = n.split(/[ \u00a0]+/);
      for (let k = words.length - 1; k >= 2; k--) {
        const rest = words.slice(k).join(' ');
        const place = nameKey(rest);
        const region = DIRECTIONS.has(words[k].toLowerCase()) ? nameKey(words.slice(k + 1).join(' ')) : '';
        const isPlace = (x: string): boolean => !!x && (countryTable().byName.has(x) || stateTable().names.has(x));
        if (!isPlace(place) && !isPlace(region)) continue;
        const short = byName.get(nameKey(words.slice(0, k).join(' ')));
        if (!short || short === d || !L.drafts.includes(short) || short.role.length || short.type === 'GPE' || short.type === 'LOC') continue;
        merge(L, d, short, placedByDoc);
        d.typeVotes.set('ORG', (d.typeVotes.get('ORG') ?? 0) + 1);
        break;
      }
    }
  }
}

/**
 * A hyphenated compound of two names ("Northwind-Larsen" for a product two companies make together) whose
 * first part is an organisation of the story is a mention of that organisation, not a third actor.
 */
function foldCompoundNames(L: Linker, placedByDoc: Placed[][]): void {
  const orgs = new Map<string, Draft>();
  for (const d of L.drafts) if (d.type === 'ORG') for (const n of d.names.keys()) if (!/-/.test(n)) orgs.set(nameKey(n), d);
  for (const d of [...L.drafts]) {
    if (d.type === 'PERSON' || !L.drafts.includes(d) || d.names.size !== 1) continue;
    const name = [...d.names.keys()][0];
    const m = /^(\p{Lu}[\p{L}\p{N}]+)-(\p{Lu}[\p{L}\p{N}]+)$/u.exec(name);
    const first = m ? orgs.get(nameKey(m[1])) : undefined;
    if (!first || first === d) continue;
    merge(L, first, d, placedByDoc);
    // the compound is a mention of the body, not a name it is listed under
    first.names.delete(name);
  }
}

/**
 * Whether a mention of a place only locates or describes something: a dateline, after a preposition of
 * place or "of" ("in Chicago", "Sen. X of Missouri"), before a possessive, a title, a party word or a noun
 * it modifies ("New York Gov.", "Hawaii Democratic Sen.", "a Virginia school board"), after an adjective
 * ("corporate America"), fused by a hyphen into a compound modifier ("Russia-linked") or in "City, State".
 */
function locates(doc: Doc, alias: ActorAlias): boolean {
  if (alias.kind === 'demonym') return true;
  const text = doc.article.text;
  const { start, end } = alias.span;
  const dl = doc.article.meta.dateline.span;
  if (dl && dl.start < end && start < dl.end) return true;
  if (start === 0 && /^[ \u00a0]*(?:\(|—|–|-{1,2}\s)/u.test(text.slice(end, end + 4))) return true;
  const { locativePrepositions, roleNouns } = rolesLexicon();
  const { titles } = nameFilters();
  const parties = partyTable();
  const before = text.slice(Math.max(0, start - 40), start);
  const prev = /(\S+)[ \u00a0]+$/u.exec(before)?.[1]?.toLowerCase();
  if (prev && locativePrepositions.has(prev)) return true;
  // "of" describes after a name or a title ("Sen. Jane Doe of Ohio", "mayor of Springfield"), not after
  // other nouns ("the policy of Ruritania")
  const ofAfter = /(\S+)[ \u00a0]+of[ \u00a0]+$/u.exec(before)?.[1]?.replace(/[^\p{L}.'’-]/gu, '');
  if (ofAfter && (/^\p{Lu}/u.test(ofAfter) || roleNouns.has(ofAfter.toLowerCase()) || titles.has(ofAfter.toLowerCase()))) return true;
  // "Springfield, Ohio": a state or country after a place that is not one itself ("Turkey, Qatar" is a list)
  const cityBefore = /(\p{Lu}[\p{L}.]*(?:[ \u00a0]\p{Lu}[\p{L}.]*)*),[ \u00a0]*$/u.exec(before)?.[1];
  const self = nameKey(text.slice(start, end));
  if (cityBefore && !nameFilters().calendar.has(nameKey(cityBefore.split(/[ \u00a0]/).pop() ?? '').replace(/\./g, '')) && !countryTable().byName.has(nameKey(cityBefore)) && !stateTable().names.has(nameKey(cityBefore)) && (countryTable().byName.has(self) || stateTable().names.has(self))) return true;
  const after = text.slice(end, end + 40);
  // a possessive describes ("America's roads") unless the country's own body or office follows ("Norway's
  // foreign ministry", "Britain's Prime Minister"): then the country acts through it
  const poss = /^['’]s?[ \u00a0]+((?:\S+[ \u00a0]+){0,2}\S+)/u.exec(after);
  if (poss) {
    const { orgHeads, governmentHeads } = rolesLexicon();
    const organ = poss[1].split(/[ \u00a0]+/).some((w) => {
      const b = w.toLowerCase().replace(/[^\p{L}-]/gu, '');
      return orgHeads.has(b) || governmentHeads.has(b) || rolesLexicon().roleNouns.has(b) || nameFilters().titles.has(b);
    });
    if (!organ) return true;
  }
  if (/^-based\b/.test(after)) return true;
  // a name fused into a compound modifier describes: "Russia-linked group", "the U.S.-Mexico border"
  if (/^-\p{L}/u.test(after) || /[\p{L}.]-$/u.test(before)) return true;
  if (/^,[ \u00a0]*\p{Lu}[\p{L}.]*(?:[ \u00a0]\p{Lu}[\p{L}.]*)?,/u.test(after) && stateTable().names.has(nameKey(/^,[ \u00a0]*([^,]+),/u.exec(after)?.[1] ?? ''))) return true;
  const next = /^[ \u00a0]+([\p{L}][\p{L}.'’-]*)/u.exec(after)?.[1];
  if (next) {
    const bare = next.toLowerCase().replace(/\./g, '');
    if (titles.has(bare) || roleNouns.has(bare) || parties.byAdjective.has(nameKey(next)) || parties.byName.has(nameKey(next))) return true;
    const tok = doc.tokens.find((t) => t.start >= end);
    if (tok && (tok.pos === 'NOUN' || tok.pos === 'ADJ') && /^\p{Ll}/u.test(next) && /^[ \u00a0]+$/.test(text.slice(end, tok.start))) return true;
  }
  const prevTok = [...doc.tokens].reverse().find((t) => t.end <= start);
  if (prevTok && prevTok.pos === 'ADJ' && /^\p{Ll}/u.test(text.slice(prevTok.start, prevTok.end)) && /^[ \u00a0]+$/.test(text.slice(prevTok.end, start))) return true;
  return false;
}

/** Whether a mention of an organisation names a venue: "speaking at the Harbour Institute". */
function venue(doc: Doc, alias: ActorAlias): boolean {
  return /(?:^|[^\p{L}])at[ \u00a0]+(?:the[ \u00a0]+)?$/iu.test(doc.article.text.slice(Math.max(0, alias.span.start - 8), alias.span.start));
}

/**
 * Marks the places none of whose mentions does more than locate or describe (see `locates`), and the
 * organisations named only as a venue (see `venue`).
 */
function dropLocatingPlaces(L: Linker, docs: Doc[]): void {
  const docOf = new Map(docs.map((d) => [d.article.id, d]));
  for (const d of L.drafts) {
    const place = d.type === 'GPE' || d.type === 'LOC';
    if (!place && d.type !== 'ORG') continue;
    const mentions = d.aliases.filter((a) => a.kind !== 'pronoun' && a.kind !== 'nominal');
    if (!mentions.length) continue;
    if (mentions.every((a) => {
      const doc = docOf.get(a.span.article);
      return doc ? (place ? locates(doc, a) : venue(doc, a)) : false;
    })) d.dropped = true;
  }
}

/** The role words directly before a name ("Iranian Deputy Foreign Minister"), read right to left. */
function readRoles(doc: Doc, placed: Placed[]): void {
  const text = doc.article.text;
  const table = countryTable();
  const { roleNouns, roleModifiers, governmentHeads } = rolesLexicon();
  const { titles } = nameFilters();
  const parties = partyTable();
  // a title before a name ("Sen.", "Justice") is a role noun there
  const isNoun = (w: string): boolean => roleNouns.has(w) || titles.has(w);
  const isRoleWord = (w: string): boolean => isNoun(w) || roleModifiers.has(w);
  /** the party a word names ("Democratic", "GOP", "Republicans"), or null */
  const partyWord = (w: string): PartyRecord | null => {
    const k = nameKey(w.replace(/[^\p{L}'’-]/gu, ''));
    return parties.byAdjective.get(k) ?? parties.byName.get(k) ?? null;
  };
  const countryOfWord = (w: string): string | null => {
    const bare = w.replace(/['’]s$/, '');
    return table.byDemonym.get(nameKey(bare)) ?? (/['’]s$/.test(w) ? (table.byName.get(nameKey(bare)) ?? null) : null);
  };
  const orgName = (p: Placed | undefined): string | null => {
    if (!p?.actor || (p.actor.type !== 'ORG' && p.actor.type !== 'MISC')) return null;
    return bestName(p.actor);
  };
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i];
    const d = p.actor;
    if (!d || d.type !== 'PERSON' || p.kind !== 'name') continue;
    const sentStart = doc.sentences[p.sentence]?.start ?? 0;
    // before the name
    const before = wordsOf(text.slice(sentStart, p.start), sentStart);
    const roleWords: { w: string; start: number; end: number }[] = [];
    let k = before.length - 1;
    let org: string | null = null;
    // "<role> to the <Org> <Name>": the organisation mention sits right before the name
    const prev = placed[i - 1];
    if (prev && prev.end <= p.start && text.slice(prev.end, p.start).trim() === '' && orgName(prev)) {
      const m = /(\S+)\s+(?:to|for|at|of)\s+(?:the\s+)?$/i.exec(text.slice(sentStart, prev.start));
      if (m && roleNouns.has(m[1].toLowerCase())) {
        org = orgName(prev);
        k = before.findIndex((b) => b.start >= sentStart + m.index) ;
        k = k < 0 ? -1 : k;
      }
    }
    while (k >= 0) {
      const w = before[k].w.toLowerCase().replace(/[^\p{L}'’-]/gu, '');
      if (before[k].w.match(/[,;:"“”(]$/)) break;
      if (partyWord(before[k].w)) break;
      // a title-case word inside a title ("Fisheries" in "Deputy Fisheries Minister"), but not a demonym or a name
      const inside = placed.find((q) => q.start <= before[k].start && before[k].end <= q.end);
      const titleWord = roleWords.length > 0 && /^\p{Lu}\p{Ll}+$/u.test(before[k].w) && !countryOfWord(before[k].w) && !inside;
      // an organisation named inside the title ("Senate Majority Leader", "White House press secretary") is the person's
      const orgWord = roleWords.length > 0 && inside?.actor && (inside.actor.type === 'ORG' || inside.actor.type === 'MISC') && !inside.demonym;
      if (isRoleWord(w) || titleWord || orgWord) {
        if (orgWord && !org) org = orgName(inside);
        roleWords.unshift(before[k]);
        k--;
      } else break;
    }
    while (roleWords.length && !isNoun(roleWords[roleWords.length - 1].w.toLowerCase().replace(/[^\p{L}'’-]/gu, ''))) roleWords.pop();
    // the party said before the title or the name: "Republican Sen.", "Hawaii Democratic Sen.", "GOP Sen.", "Democrat Jane Doe"
    const partyBefore = k >= 0 ? partyWord(before[k].w) : null;
    if (partyBefore && !/[,;:"“”(]$/.test(before[k].w)) d.party.push({ value: partyBefore.name, method: 'rule:party-before', confidence: 0.85, span: { article: p.article, start: before[k].start, end: before[k].end } });
    // "Speaker of the House Jane Doe", "Secretary of State Jan Kowal": a role noun, "of" and the office's
    // body right before the name (the body was cut off the name by `splitOfficeOf`)
    const officeOf = roleWords.length ? null : /(?:^|[^\p{L}])(\p{L}+)[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu}[\p{L}-]*(?:[ \u00a0]+\p{Lu}[\p{L}-]*){0,2}[ \u00a0]$/u.exec(text.slice(Math.max(sentStart, p.start - 60), p.start));
    if (officeOf && roleNouns.has(officeOf[1].toLowerCase())) {
      const start = Math.max(sentStart, p.start - 60) + officeOf.index + officeOf[0].length - officeOf[0].replace(/^[^\p{L}]/u, '').length;
      const span = { article: p.article, start, end: p.start - 1 };
      d.role.push({ value: text.slice(span.start, span.end), method: 'rule:title-of-office', confidence: 0.85, span });
    }
    if (roleWords.length) {
      const role = text.slice(roleWords[0].start, roleWords[roleWords.length - 1].end);
      const span = { article: p.article, start: roleWords[0].start, end: roleWords[roleWords.length - 1].end };
      // the name as the text gives it with its title ("President Jane Doe"), one more way readers meet the person
      const lastTitle = roleWords[roleWords.length - 1];
      if (/^[ \u00a0]$/.test(text.slice(lastTitle.end, p.start))) {
        const first = roleWords.findIndex((r) => isNoun(r.w.toLowerCase().replace(/[^\p{L}'’-]/gu, '')) || roleModifiers.has(r.w.toLowerCase().replace(/[^\p{L}'’-]/gu, '')));
        const from = roleWords[Math.max(0, first)].start;
        d.aliases.push({ span: { article: p.article, start: from, end: p.end }, text: text.slice(from, p.end), kind: 'name', method: 'rule:title+name', confidence: Math.min(0.85, p.confidence) });
      }
      d.role.push({ value: role, method: 'rule:title', confidence: 0.85, span });
      if (org) d.organisation.push({ value: org, method: 'rule:title-of', confidence: 0.8 });
      const lead = k >= 0 ? before[k] : undefined;
      const cc = lead ? countryOfWord(lead.w) : null;
      if (cc) d.country.push({ value: cc, method: 'rule:title-country', confidence: 0.9, span: { article: p.article, start: lead!.start, end: lead!.end } });
      else if (lead) {
        const orgBefore = placed.find((q) => q.start === lead.start || (q.start <= lead.start && lead.end <= q.end));
        const on = orgName(orgBefore);
        if (on) d.organisation.push({ value: on, method: 'rule:title-org', confidence: 0.8 });
        const cb = orgBefore?.actor?.type === 'GPE' ? orgBefore.actor.country[0]?.value : undefined;
        if (cb && /['’]s$/.test(text.slice(orgBefore!.start, orgBefore!.end + 2))) d.country.push({ value: cb, method: 'rule:title-country', confidence: 0.9 });
      }
    }
    // "<Country> administration of <Name>"
    const gov = /(\S+)\s+(\p{L}+)\s+of\s+$/u.exec(text.slice(Math.max(sentStart, p.start - 60), p.start));
    if (gov && governmentHeads.has(gov[2].toLowerCase())) {
      const cc = table.byName.get(nameKey(gov[1])) ?? table.byDemonym.get(nameKey(gov[1]));
      if (cc) d.country.push({ value: cc, method: 'rule:government-of', confidence: 0.8 });
    }
    // after the name: a party-state note "(D-Md.)", ", R-Texas,", or ", a Democrat,"
    const after = text.slice(p.end, Math.min(doc.sentences[p.sentence]?.end ?? text.length, p.end + 120));
    const note = /^[ \u00a0]*(?:\(|,[ \u00a0]*)([A-Z])-[ \u00a0]?(\p{Lu}[\p{L}. ]{0,15}?)\.?(?:\)|,)/u.exec(after);
    const noteParty = note ? parties.byLetter.get(note[1].toLowerCase()) : undefined;
    if (note && noteParty !== undefined) {
      d.party.push({ value: noteParty ? noteParty.name : 'independent', method: 'rule:party-state-note', confidence: 0.95, span: { article: p.article, start: p.end + note.index, end: p.end + note[0].length } });
    }
    const member = /^,[ \u00a0]+(?:a|an)[ \u00a0]+(\p{Lu}\p{L}+)/u.exec(after);
    const memberParty = member ? partyWord(member[1]) : null;
    if (memberParty) d.party.push({ value: memberParty.name, method: 'rule:party-apposition', confidence: 0.85 });
    // after the name: ", <a|the> <role> <of|for|to> <the> <Org>,"
    const m = /^,\s+(?:(?:a|an|the)\s+)?([^,.;:"“”()]+)/u.exec(after);
    if (m) {
      const phraseStart = p.end + m.index + m[0].length - m[1].length;
      const words = wordsOf(m[1], phraseStart);
      let j = 0;
      let country: string | null = null;
      const cw = words[0] ? countryOfWord(words[0].w) : null;
      if (cw) {
        country = cw;
        j = 1;
      }
      const rw: typeof words = [];
      while (j < words.length && isRoleWord(words[j].w.toLowerCase())) rw.push(words[j++]);
      while (rw.length && !roleNouns.has(rw[rw.length - 1].w.toLowerCase())) rw.pop();
      if (rw.length) {
        const span = { article: p.article, start: rw[0].start, end: rw[rw.length - 1].end };
        d.role.push({ value: text.slice(span.start, span.end), method: 'rule:apposition', confidence: 0.85, span });
        const phraseEnd = words[words.length - 1]?.end ?? phraseStart;
        if (words[j] && /^(?:of|for|to|at|with)$/i.test(words[j].w)) {
          const inside = placed.filter((q) => q.start >= words[j].end && q.end <= phraseEnd && q.actor);
          const orgQ = inside.find((q) => orgName(q));
          if (orgQ) {
            d.organisation.push({ value: orgName(orgQ)!, method: 'rule:apposition', confidence: 0.85, span: { article: p.article, start: orgQ.start, end: orgQ.end } });
            if (orgQ.actor!.country.length && !country) orgQ.actor!.country.forEach((e) => e.method !== 'kb:country' && d.country.push({ ...e, method: 'rule:organisation-country', confidence: 0.6 }));
          }
          const poss = inside.find((q) => q.actor?.type === 'GPE' && /^['’]s/.test(text.slice(q.end, q.end + 2)));
          if (poss && !country) country = poss.actor!.country[0]?.value ?? null;
          if (poss && orgQ && poss.actor!.country[0]) orgQ.actor!.country.push({ value: poss.actor!.country[0].value, method: 'rule:possessive', confidence: 0.8 });
        }
        if (country) d.country.push({ value: country, method: 'rule:apposition-country', confidence: 0.9 });
      }
    }
  }
}

/**
 * Each person's gender evidence, kept while pronouns are linked (they only add aliases; roles are read before),
 * so that every "he" does not re-read all the aliases its candidates have gathered across the corpus.
 */
class GenderCache {
  private readonly byDraft = new Map<Draft, { evidence: GenderEvidence; aliases: readonly unknown[]; roles: number }>();
  private readonly texts = new Map<string, string>();
  /** ids two articles share: which text an alias of theirs is read in depends on the article asked about */
  private readonly shared = new Set<string>();

  constructor(docs: readonly Doc[]) {
    for (const d of docs) {
      if (this.texts.has(d.article.id)) this.shared.add(d.article.id);
      else this.texts.set(d.article.id, d.article.text);
    }
  }

  /** What `genderOf(d.aliases, roles, (id) => (id === doc's id ? doc's text : undefined))` gives. */
  of(d: Draft, doc: Doc): Gender | null {
    const article = doc.article.id;
    if (this.shared.has(article)) return genderOf(d.aliases, d.role.map((r) => r.value), (id) => (id === article ? doc.article.text : undefined));
    let e = this.byDraft.get(d);
    // a draft whose aliases were replaced or roles changed starts again
    if (!e || e.aliases !== d.aliases || e.roles !== d.role.length) {
      e = { evidence: new GenderEvidence(d.aliases, d.role.map((r) => r.value), (id) => this.texts.get(id)), aliases: d.aliases, roles: d.role.length };
      this.byDraft.set(d, e);
    }
    return e.evidence.of(article);
  }
}

/**
 * "the minister" → the last person whose role has that word; "he" → the last person in this or the last sentence
 * whom the story does not give the other gender (see gender.ts).
 */
function linkNominals(doc: Doc, placed: Placed[], evidence: GenderCache): void {
  const text = doc.article.text;
  const { nominalHeads, personPronouns } = rolesLexicon();
  const persons = placed.filter((p) => p.actor?.type === 'PERSON');
  const heads = [...nominalHeads].join('|');
  const re = new RegExp(`(?<![\\p{L}])(?:(?:[Tt]he\\s+(?:${heads}))|(?:${[...personPronouns].join('|')}|He|She|His|Her))(?![\\p{L}])`, 'gu');
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    if (placed.some((p) => p.start < end && start < p.end)) continue;
    // a title before a name ("the minister Ali X") is not a reference back
    if (/^\s+\p{Lu}/u.test(text.slice(end, end + 3)) && m[0].includes(' ')) continue;
    const sentence = sentenceOf(doc, start);
    const before = persons.filter((p) => p.end <= start && p.sentence >= sentence - (m[0].includes(' ') ? 3 : 1));
    if (!before.length) continue;
    const nominal = m[0].includes(' ');
    let target: Draft | null = null;
    if (nominal) {
      const head = m[0].split(/\s+/)[1].toLowerCase();
      const fits = before.filter((p) => head === 'official' ? p.actor!.role.length > 0 : p.actor!.role.some((r) => r.value.toLowerCase().includes(head)));
      target = fits.length ? fits[fits.length - 1].actor : null;
    } else {
      // "she" is not a person the story gives the other gender ("Mr. Doe", "the spokesman"): among the others,
      // the last named, unless someone else of a gender it can mean was named in the same sentence
      const said = pronounGender(m[0]);
      const fits = said ? before.filter((p) => {
        const g = evidence.of(p.actor!, doc);
        return g === null || g === said;
      }) : before;
      if (!fits.length) continue;
      const last = fits[fits.length - 1].actor;
      const others = fits.filter((p) => p.sentence === fits[fits.length - 1].sentence && p.actor !== last);
      target = others.length ? null : last;
    }
    if (!target) continue;
    const kind: AliasKind = nominal ? 'nominal' : 'pronoun';
    target.aliases.push({ span: { article: doc.article.id, start, end }, text: m[0], kind, method: `rule:${kind}`, confidence: nominal ? 0.7 : 0.5 });
  }
}

/**
 * "the union", "the port authority" → the one organisation named earlier in the article whose name ends in
 * that head noun ("... Workers' Union") or holds every word of the description ("... Port Authority"). Two
 * such organisations leave the description unlinked; a name that is only the head word ("Union" from "Union
 * members") tells nothing apart and is no candidate. Heads are data (`orgNominalHeads`), so "the talks" or
 * "the city" never link, and "the government" links only when a "<X> Government" was named.
 */
function linkOrgNominals(doc: Doc, placed: Placed[]): void {
  const text = doc.article.text;
  const { orgNominalHeads, orgNominalNonReferringModifiers, orgNominalAbstractHeads } = rolesLexicon();
  const heads = [...orgNominalHeads].join('|');
  // lower-case words only after "the": a capitalised word is part of a name the tagger reads
  const re = new RegExp(`(?<![\\p{L}])[Tt]he\\s+(?:([a-z][a-z'’-]*)\\s+)?(${heads})(?![\\p{L}-])`, 'gu');
  // The names ending in each head word, and those also holding each other word, each with the one actor they
  // name so far (looked up per description, so a long article is not rescanned for every "the union")
  const byHead = new Map<string, EarlierNames>();
  const names = (key: string): EarlierNames => {
    let list = byHead.get(key);
    if (!list) byHead.set(key, (list = new EarlierNames()));
    return list;
  };
  for (const p of placed) {
    if (p.actor?.type !== 'ORG' || p.kind !== 'name') continue;
    const words = nameKey(p.text).replace(/^the\s+/, '').split(/[\s-]+/).map((w) => w.replace(/['’]s?$/, ''));
    if (words.length < 2) continue;
    const head = words[words.length - 1];
    names(head).add(p.end, p.actor);
    for (const w of new Set(words)) names(`${head} ${w}`).add(p.end, p.actor);
  }
  const placedIndex = new RangeIndex(placed);
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    const modifier = m[1];
    const head = m[2];
    if (placedIndex.overlapping(start, end).length) continue;
    if (modifier && orgNominalNonReferringModifiers.has(modifier)) continue;
    // "the authority to act", "the authority of the court": the abstract noun, not the body
    if (orgNominalAbstractHeads.has(head) && /^\s+(?:to|of|over)\b/.test(text.slice(end, end + 6))) continue;
    // "the union leaders", "the authority chief": the head modifies another noun, which is who is meant
    if (nextTokenIsNoun(doc, end)) continue;
    const candidates = byHead.get(head)?.before(start) ?? NO_NAMES;
    const named = modifier ? byHead.get(`${head} ${modifier}`)?.before(start) ?? NO_NAMES : candidates;
    // "the striking union": a modifier not in the name describes; the head still refers back, less surely
    const pool = named.count ? named : candidates;
    if (!pool.actor) continue;
    const target = pool.actor;
    const confidence = modifier && !named.count ? 0.6 : 0.7;
    target.aliases.push({ span: { article: doc.article.id, start, end }, text: m[0], kind: 'nominal', method: 'rule:org-nominal', confidence });
  }
}

const NO_NAMES = { count: 0, actor: null };

/** Names by where they end: how many end before an offset, and the one actor they all name, if one. */
class EarlierNames {
  private readonly names: { end: number; actor: Draft }[] = [];
  private ends: number[] = [];
  /** for the first k+1 names by end, the actor when they all name the same one, else null */
  private sole: (Draft | null)[] = [];

  add(end: number, actor: Draft): void {
    this.names.push({ end, actor });
    this.ends = [];
  }

  before(offset: number): { count: number; actor: Draft | null } {
    if (this.ends.length !== this.names.length) {
      const sorted = [...this.names].sort((a, b) => a.end - b.end);
      this.ends = sorted.map((n) => n.end);
      this.sole = [];
      for (const n of sorted) this.sole.push(!this.sole.length || this.sole[this.sole.length - 1] === n.actor ? n.actor : null);
    }
    const count = firstAtOrAfter(this.ends, (e) => e, offset + 1);
    return { count, actor: count ? this.sole[count - 1] : null };
  }
}

/** Whether the first token at or after `offset` is a noun (a compound: "the union leaders"). */
function nextTokenIsNoun(doc: Doc, offset: number): boolean {
  const tok = doc.tokens[firstAtOrAfter(doc.tokens, (t) => t.start, offset)];
  return tok !== undefined && (tok.pos === 'NOUN' || tok.pos === 'PROPN') && doc.article.text.slice(offset, tok.start).trim() === '';
}

function bestName(d: Draft): string {
  const names = [...d.names.entries()];
  if (d.key.startsWith('country:') && !names.length) return countryTable().names.get(d.key.slice(8))?.name ?? d.key.slice(8);
  if (!names.length) return d.aliases[0]?.text ?? d.key;
  const words = (s: string): number => s.split(/\s+/).length;
  // people by their fullest name; organisations by a spelled-out name before an acronym
  const acr = (s: string): number => (isAcronym(s) ? 1 : 0);
  names.sort((a, b) => (d.type === 'PERSON' ? words(b[0]) - words(a[0]) : 0) || (d.type === 'GPE' ? 0 : acr(a[0]) - acr(b[0])) || b[1] - a[1] || b[0].length - a[0].length);
  return names[0][0];
}

function slug(s: string): string {
  return s.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'actor';
}

function finish(L: Linker, bylines: Set<Draft>): Actor[] {
  const ids = new Set<string>();
  const actors: Actor[] = [];
  for (const d of L.drafts) {
    if ((!d.aliases.length && !bylines.has(d)) || d.dropped) continue;
    const name = bestName(d);
    let type = d.type;
    const votes = [...d.typeVotes.entries()].sort((a, b) => b[1] - a[1]);
    if (d.type !== 'GPE' && votes.length && votes[0][0] !== d.type) type = votes[0][0];
    let id = slug(name);
    for (let n = 2; ids.has(id); n++) id = `${slug(name)}-${n}`;
    ids.add(id);
    const aliases = [...d.aliases].sort((a, b) => (a.span.article < b.span.article ? -1 : a.span.article > b.span.article ? 1 : a.span.start - b.span.start));
    const conf = aliases.length ? meanConfidence(aliases) : 0.9;
    const method = !d.aliases.length ? 'meta:byline' : d.key.startsWith('country:') ? 'kb:country' : d.key.startsWith('kb:') ? 'kb:actor' : 'model:ner+rules';
    actors.push({
      id,
      name,
      type,
      aliases,
      role: pick(d.role),
      country: pick(d.country),
      organisation: pick(d.organisation),
      ...(type === 'PERSON' ? { party: pick(d.party) } : {}),
      codes: [...d.codes],
      method,
      confidence: Number(conf.toFixed(3)),
    });
  }
  return actors.sort(byMentions);
}

/** The mean confidence of some mentions, rounded as an actor's confidence is (at least one mention). */
export function meanConfidence(aliases: readonly ActorAlias[]): number {
  return Number((aliases.reduce((s, a) => s + a.confidence, 0) / aliases.length).toFixed(3));
}

/** The order actors are listed in: most mentions first, then by name. */
export function byMentions(a: Actor, b: Actor): number {
  return b.aliases.length - a.aliases.length || a.name.localeCompare(b.name);
}
