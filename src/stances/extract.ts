/**
 * Stances read from one article: for each predicate of a known class ("presence", "cooperate", "serious
 * about") inside a quote or beside an attitude word in the outlet's voice, the holder (the quote's speaker and
 * the country or organisation it speaks for), the proposition's parties, and the polarity after negation and
 * modality. Candidates are found by the lexicon; the refiners below (clause scope, party choice, pronouns)
 * are general rules.
 */
import type { Actor, Doc, Quote, Span, Stance, StanceHolder, StanceParty, StancePolarity } from '../model.js';
import { countryOf, lookupActor } from '../kb/index.js';
import { findPatterns, stanceLexicon, type Pattern, type PredicateClass } from './lexicon.js';
import { mentionsByArticle } from '../actors/index.js';
import { objectAfter, objectBefore, type AttitudeObject } from './attitude.js';

/** A stance before propositions are merged across articles: the proposition still in parts. */
export interface FoundStance extends Omit<Stance, 'proposition'> {
  predicate: string;
  agent: StanceParty | null;
  partner: StanceParty | null;
  /** the event noun phrase near the predicate ("the talks"), for the proposition's text */
  event: string | null;
  /** the object of an open-class attitude (predicate `attitude`), null for the predicate classes */
  object: AttitudeObject | null;
}

/** The predicate name of open-class attitudes toward an object ("rejected the revised offer"). */
export const ATTITUDE = 'attitude';

/** An actor mention as token indices [start, end). */
interface MentionAt {
  start: number;
  end: number;
  actor: Actor;
}

interface Hit {
  cls: PredicateClass;
  start: number;
  end: number;
}

const IGO_PREFIXES = ['IGO', 'NGO', 'IMG'];

/**
 * The party an actor stands for in a proposition: countries and government people merge under the country,
 * international organisations under their code, anything else stays itself.
 *
 * @example
 * ```ts
 * partyOf(usActor); // { key: 'USA', name: 'United States' }
 * ```
 */
export function partyOf(actor: Actor): StanceParty {
  const igo = actor.codes.find((c) => IGO_PREFIXES.includes(c.slice(0, 3)));
  if (actor.type === 'ORG' && igo) return { key: igo.slice(0, 6), name: actor.name };
  const country = actor.country.value;
  if (country && (actor.type === 'GPE' || actor.type === 'PERSON' || actor.codes.some((c) => c === country || c.startsWith(`${country}GOV`)))) {
    return { key: country, name: countryName(country) };
  }
  return { key: actor.id, name: actor.name };
}

function countryName(code: string): string {
  return countryOf(code)?.name ?? code;
}

/**
 * The holder a speaker actor gives: the person, and the country or organisation they speak for. People and
 * countries group under the country; international organisations (and their staff with no country) under the
 * organisation's code.
 *
 * @example
 * ```ts
 * holderOf(ministerActor, null).group; // the minister's country, e.g. 'NOR'
 * ```
 */
export function holderOf(actor: Actor, speaker: string | null, countryHint: string | null = null): StanceHolder {
  const country = actor.country.value ?? countryHint;
  const organisation = actor.organisation.value ?? (actor.type === 'ORG' ? actor.name : null);
  const igoOf = (codes: readonly string[]): string | undefined => codes.find((c) => IGO_PREFIXES.includes(c.slice(0, 3)))?.slice(0, 6);
  const ownIgo = actor.type === 'ORG' ? igoOf(actor.codes) : undefined;
  const orgIgo = organisation ? igoOf(lookupActor(organisation).flatMap((a) => a.codes.map(([code]) => code))) : undefined;
  let group: string;
  let groupName: string;
  if (ownIgo) [group, groupName] = [ownIgo, actor.name];
  else if (country) [group, groupName] = [country, countryName(country)];
  else if (orgIgo && organisation) [group, groupName] = [orgIgo, organisation];
  else if (organisation) [group, groupName] = [organisation, organisation];
  else [group, groupName] = [actor.id, actor.name];
  return { speaker: speaker ?? actor.name, actor: actor.id, country, organisation, group, groupName };
}

function isMedia(actor: Actor): boolean {
  const lex = stanceLexicon();
  return actor.codes.some((c) => c.startsWith('MED')) || actor.name.toLowerCase().split(/\s+/).some((w) => lex.mediaWords.has(w));
}

function lowerTokens(doc: Doc): string[] {
  return doc.tokens.map((t) => doc.article.text.slice(t.start, t.end).toLowerCase().replace(/[\u2018\u2019]/g, "'"));
}

/** Actor mentions of this article, as token ranges: names, or (with `nominal`) the descriptions linked to an actor ("the union"). */
function mentionsOf(doc: Doc, actors: readonly Actor[], nominal = false): MentionAt[] {
  const out: MentionAt[] = [];
  const firstTokenAt = (offset: number): number => {
    let lo = 0;
    let hi = doc.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (doc.tokens[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const { actor, alias } of mentionsByArticle(actors).get(doc.article.id) ?? []) {
    if (alias.kind === 'pronoun' || (alias.kind === 'nominal') !== nominal) continue;
    const start = firstTokenAt(alias.span.start);
    let end = start;
    while (end < doc.tokens.length && doc.tokens[end].start < alias.span.end) end++;
    if (end > start) out.push({ start, end, actor });
  }
  return out.sort((a, b) => a.start - b.start);
}

function tokenSpan(doc: Doc, start: number, end: number): Span {
  return { article: doc.article.id, start: doc.tokens[start].start, end: doc.tokens[end - 1].end };
}

function inSpan(doc: Doc, tok: number, span: Span): boolean {
  return doc.tokens[tok].start >= span.start && doc.tokens[tok].end <= span.end;
}

/** The clause around a hit: tokens between clause breaks, within the sentence. */
function clauseOf(ctx: Context, from: number, to: number, hit: Hit): [number, number] {
  const lex = stanceLexicon();
  const { tokens, doc } = ctx;
  const isBreak = (k: number): boolean => {
    const t = tokens[k];
    // "and we have not ...": a conjunction before a new subject starts a clause of its own.
    if (lex.conjunctions.has(t)) return k + 1 < to && lex.subjectPronouns.has(tokens[k + 1]);
    if (!lex.clauseBreaks.has(t)) return false;
    // A hyphen breaks only with space around it ("Ruritania - which"), not inside "X-led".
    return t !== '-' || (k > 0 && doc.tokens[k - 1].end < doc.tokens[k].start);
  };
  let s = hit.start;
  while (s > from && !isBreak(s - 1)) s--;
  let e = hit.end;
  while (e < to && !isBreak(e)) e++;
  return [s, e];
}

interface Polarity {
  polarity: StancePolarity;
  cue: { start: number; end: number } | null;
  attitude: boolean;
}

/**
 * Polarity of a predicate from the cues in its clause: an oppose word wins over a support word, each negation
 * flips it; a negated bare predicate ("would never coordinate") opposes; a hedge alone ("may only be invited")
 * leaves it unclear; a bare predicate counts only as an evaluation ("is serious") or a future ("will attend").
 */
function polarityOf(tokens: readonly string[], clause: [number, number], hit: Hit): Polarity | null {
  const lex = stanceLexicon();
  const [s, e] = clause;
  const before = (p: Pattern[]): { start: number; end: number }[] => findPatterns(tokens, s, hit.start, p);
  const after = (p: Pattern[]): { start: number; end: number }[] => findPatterns(tokens, hit.end, e, p);
  const afterOppose = after(lex.afterOppose);
  const afterSupport = after(lex.afterSupport);
  const oppose = [...before(lex.oppose), ...afterOppose];
  const support = [...before(lex.support), ...afterSupport];
  const consumed = (i: number): boolean => [...oppose, ...support].some((m) => i >= m.start && i < m.end);
  // Negation scopes over what follows it: before the predicate, or between it and an evaluation after it.
  const lastAfterCue = Math.max(hit.end, ...[...afterOppose, ...afterSupport].map((m) => m.start));
  const negations = [...before(lex.negation), ...findPatterns(tokens, hit.end, lastAfterCue, lex.negation)].filter((m) => !consumed(m.start));
  const hedges = before(lex.hedge);
  const future = before(lex.future);
  const flip = (p: StancePolarity): StancePolarity => (negations.length % 2 === 1 ? (p === 'support' ? 'oppose' : 'support') : p);
  if (oppose.length) return { polarity: flip('oppose'), cue: oppose[0], attitude: true };
  if (support.length) return { polarity: flip('support'), cue: support[0], attitude: true };
  if (hit.cls.requiresAttitude) return null;
  if (negations.length) return { polarity: 'oppose', cue: negations[0], attitude: false };
  if (hedges.length) return { polarity: 'unclear', cue: hedges[0], attitude: false };
  if (hit.cls.name === 'serious') return { polarity: 'support', cue: null, attitude: false };
  if (future.length) return { polarity: 'support', cue: future[0], attitude: false };
  return null;
}

/** Everything the extractor needs about one article. */
interface Context {
  doc: Doc;
  tokens: string[];
  mentions: MentionAt[];
  quotes: readonly Quote[];
  actorsById: Map<string, Actor>;
  /** descriptions the actor links tied to an actor ("the union"): subjects of open attitudes only */
  nominals: MentionAt[];
  /** people the actor links left without a country, and the country their attribution names ("Ruritania's envoy, Jane Doe") */
  attributedCountry: Map<string, string>;
}

/** Countries named beside a speaker in the attributions of this article, for speakers whose actor has none. */
function attributedCountries(ctx: Omit<Context, 'attributedCountry'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const q of ctx.quotes) {
    const speaker = q.speaker ? ctx.actorsById.get(q.speaker) : undefined;
    if (!speaker || speaker.type !== 'PERSON' || speaker.country.value || out.has(speaker.id) || !q.source) continue;
    const src = q.source;
    const country = ctx.mentions.find(
      (m) => m.actor.type === 'GPE' && m.actor.country.value && ctx.doc.tokens[m.start].start >= src.start && ctx.doc.tokens[m.end - 1].end <= src.end,
    );
    if (country?.actor.country.value) out.set(speaker.id, country.actor.country.value);
  }
  return out;
}

/** The holders of a quote: the linked speaker, else the actors named in its source ("Russia and Turkey"). */
function quoteHolders(ctx: Context, q: Quote): StanceHolder[] {
  const who = q.antecedent ?? q.source;
  const speakerText = who ? ctx.doc.article.text.slice(who.start, who.end).replace(/\s+/g, ' ').trim() : null;
  const named = who
    ? ctx.mentions.filter((m) => ctx.doc.tokens[m.start].start >= who.start && ctx.doc.tokens[m.end - 1].end <= who.end && !isMedia(m.actor))
    : [];
  const countries = named.filter((m) => m.actor.type === 'GPE');
  const hasPerson = named.some((m) => m.actor.type === 'PERSON');
  // A compound source names several holders: one stance each.
  if (countries.length > 1 && !hasPerson) {
    const seen = new Set<string>();
    return countries.map((m) => holderOf(m.actor, null)).filter((h) => !seen.has(h.group) && seen.add(h.group) !== null);
  }
  const speaker = q.speaker ? ctx.actorsById.get(q.speaker) : undefined;
  if (speaker && !isMedia(speaker)) return [holderOf(speaker, null, ctx.attributedCountry.get(speaker.id) ?? null)];
  const person = named.find((m) => m.actor.type === 'PERSON') ?? named[0];
  return person ? [holderOf(person.actor, speakerText)] : [];
}

/** The quote whose words hold a token: the narrowest one whose speaker is not a news outlet. */
function quoteAt(ctx: Context, tok: number): { index: number; holders: StanceHolder[] } | null {
  let best: { index: number; holders: StanceHolder[]; size: number } | null = null;
  ctx.quotes.forEach((q, index) => {
    const inside = q.content.some((c) => inSpan(ctx.doc, tok, c)) || (q.cue !== null && inSpan(ctx.doc, tok, q.cue));
    if (!inside) return;
    const holders = quoteHolders(ctx, q);
    if (!holders.length) return;
    const size = q.content.reduce((n, c) => n + c.end - c.start, 0);
    if (!best || size < best.size) best = { index, holders, size };
  });
  return best;
}

/** A clause cut to the quote's words and cue: the attribution around it says nothing about the stance. */
function withinQuote(ctx: Context, q: Quote, clause: [number, number]): [number, number] {
  const spans = [...q.content, ...(q.cue ? [q.cue] : [])];
  const lo = Math.min(...spans.map((x) => x.start));
  const hi = Math.max(...spans.map((x) => x.end));
  let [s, e] = clause;
  while (s < e && ctx.doc.tokens[s].start < lo) s++;
  while (e > s && ctx.doc.tokens[e - 1].end > hi) e--;
  return [s, e];
}

/** Mentions that cannot be a party: places after "in", names of an event ("the X talks"), news outlets. */
function usableAsParty(ctx: Context, m: MentionAt): boolean {
  const lex = stanceLexicon();
  const before = ctx.tokens[m.start - 1] === 'the' ? ctx.tokens[m.start - 2] : ctx.tokens[m.start - 1];
  if (before !== undefined && lex.locativePrepositions.has(before)) return false;
  for (let k = m.end; k < Math.min(m.end + 2, ctx.tokens.length); k++) if (lex.eventNouns.has(ctx.tokens[k])) return false;
  return !isMedia(m.actor);
}

/** A group pronoun's party: "we" is the holder's; "they"/"them" the bracketed name after it, or the latest other party. */
function pronounParty(ctx: Context, tok: number, holder: StanceHolder, sentenceStart: number): StanceParty | null {
  const lex = stanceLexicon();
  const word = ctx.tokens[tok];
  if (lex.selfPronouns.has(word)) return { key: holder.group, name: holder.groupName };
  if (ctx.tokens[tok + 1] === '[') {
    const inside = ctx.mentions.find((m) => m.start === tok + 2);
    if (inside) return partyOf(inside.actor);
  }
  // The latest usable mention of another party within the last few sentences.
  const floor = Math.max(0, ctx.doc.sentences[Math.max(0, sentenceOfToken(ctx.doc, sentenceStart) - 3)].tokenStart);
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i];
    if (m.end > tok || m.start < floor) continue;
    if (!usableAsParty(ctx, m) || m.actor.type === 'PERSON') continue;
    const party = partyOf(m.actor);
    if (party.key !== holder.group) return party;
  }
  return null;
}

function sentenceOfToken(doc: Doc, tok: number): number {
  const i = doc.sentences.findIndex((s) => tok >= s.tokenStart && tok < s.tokenEnd);
  return i < 0 ? 0 : i;
}

interface PartyAt {
  start: number;
  end: number;
  party: StanceParty;
}

/** Candidate parties in [from, to): actor mentions (persons by their country) and group pronouns. */
function candidates(ctx: Context, from: number, to: number, holder: StanceHolder, exclude: Span[], sentenceStart: number): PartyAt[] {
  const lex = stanceLexicon();
  const out: PartyAt[] = [];
  for (const m of ctx.mentions) {
    if (m.start < from || m.end > to || !usableAsParty(ctx, m)) continue;
    if (exclude.some((x) => inSpan(ctx.doc, m.start, x))) continue;
    if (m.actor.type === 'PERSON' && !m.actor.country.value) continue;
    out.push({ start: m.start, end: m.end, party: partyOf(m.actor) });
  }
  for (let k = from; k < to; k++) {
    if (!isGroupPronoun(ctx.tokens[k]) || isAllCaps(ctx, k)) continue;
    if (exclude.some((x) => inSpan(ctx.doc, k, x))) continue;
    const party = pronounParty(ctx, k, holder, sentenceStart);
    if (party) out.push({ start: k, end: k + 1, party });
  }
  // One party per position: a token named by two actors (an alias and its metonymy) counts once.
  const byStart = new Map<number, PartyAt>();
  for (const p of out) if (!byStart.has(p.start)) byStart.set(p.start, p);
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/** Parties joined to `first` by "and"/"or"/commas with only a few modifiers between ("the UN and the new US"). */
function coordinated(ctx: Context, first: PartyAt, everything: PartyAt[]): PartyAt[] {
  const group = [first];
  // Pronouns stand alone: "their presence and we" joins two clauses, not two parties.
  if (first.end - first.start === 1 && isGroupPronoun(ctx.tokens[first.start])) return group;
  const all = everything.filter((p) => p === first || !(p.end - p.start === 1 && isGroupPronoun(ctx.tokens[p.start])));
  const joins = (a: PartyAt, b: PartyAt): boolean => {
    const gap = ctx.tokens.slice(a.end, b.start);
    if (gap.length === 0 || gap.length > 3) return false;
    if (!gap.some((t) => t === 'and' || t === 'or' || t === ',')) return false;
    return ctx.doc.tokens.slice(a.end, b.start).every((t) => t.pos !== 'VERB' && t.pos !== 'AUX');
  };
  const i = all.indexOf(first);
  for (let j = i + 1; j < all.length && joins(all[j - 1], all[j]); j++) group.push(all[j]);
  for (let j = i - 1; j >= 0 && joins(all[j], all[j + 1]); j--) group.unshift(all[j]);
  const seen = new Set<string>();
  return group.filter((p) => !seen.has(p.party.key) && seen.add(p.party.key) !== null);
}

/** "US" is a name, "us" a pronoun. */
function isAllCaps(ctx: Context, k: number): boolean {
  const word = ctx.doc.article.text.slice(ctx.doc.tokens[k].start, ctx.doc.tokens[k].end);
  return word.length > 1 && word === word.toUpperCase();
}

function isGroupPronoun(word: string): boolean {
  const lex = stanceLexicon();
  return lex.selfPronouns.has(word) || lex.otherPronouns.has(word);
}

/** The nearest candidate on the preferred side(s); left wins ties (the possessor or subject comes first). */
function nearest(cands: PartyAt[], hit: Hit, side: 'left' | 'right' | 'both'): PartyAt | null {
  let best: PartyAt | null = null;
  let bestDistance = Infinity;
  for (const c of cands) {
    const left = c.end <= hit.start;
    const right = c.start >= hit.end;
    if ((side === 'left' && !left) || (side === 'right' && !right) || (!left && !right)) continue;
    const d = left ? hit.start - c.end : c.start - hit.end + 0.5;
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** The event phrase nearest the predicate ("the Geneva talks" → "the talks" keeps only the noun's modifiers that are names). */
function eventPhrase(ctx: Context, from: number, to: number, hit: Hit): string | null {
  const lex = stanceLexicon();
  let best = -1;
  for (let k = from; k < to; k++) if (lex.eventNouns.has(ctx.tokens[k]) && (best < 0 || Math.abs(k - hit.start) < Math.abs(best - hit.start))) best = k;
  if (best < 0) return null;
  let s = best;
  while (s > from && s > best - 3 && (ctx.doc.tokens[s - 1].pos === 'PROPN' || ctx.doc.tokens[s - 1].pos === 'ADJ' || ctx.doc.tokens[s - 1].pos === 'NOUN')) s--;
  return `the ${ctx.doc.article.text.slice(ctx.doc.tokens[s].start, ctx.doc.tokens[best].end).replace(/\s+/g, ' ')}`;
}

/**
 * The stances of one article.
 *
 * @example
 * ```ts
 * const found = findStances(doc, briefingArticle.quotes ?? [], briefing.actors);
 * found[0].polarity; // 'oppose'
 * ```
 */
export function findStances(doc: Doc, quotes: readonly Quote[], actors: readonly Actor[]): FoundStance[] {
  const lex = stanceLexicon();
  const base = {
    doc,
    tokens: lowerTokens(doc),
    mentions: mentionsOf(doc, actors),
    nominals: mentionsOf(doc, actors, true),
    quotes,
    actorsById: new Map(actors.map((a) => [a.id, a])),
  };
  const ctx: Context = { ...base, attributedCountry: attributedCountries(base) };
  const out: FoundStance[] = [];
  const allPatterns = lex.predicates.flatMap((cls) => cls.patterns.map((p) => ({ cls, p })));
  for (const sentence of doc.sentences) {
    const from = sentence.tokenStart;
    const to = sentence.tokenEnd;
    const hits: Hit[] = [];
    for (let i = from; i < to; ) {
      let best: Hit | null = null;
      for (const { cls, p } of allPatterns) {
        if ((!best || p.length > best.end - best.start) && findPatterns(ctx.tokens, i, Math.min(to, i + p.length), [p]).some((m) => m.start === i)) {
          best = { cls, start: i, end: i + p.length };
        }
      }
      if (best) {
        hits.push(best);
        i = best.end;
      } else i++;
    }
    for (const hit of hits) {
      const inQuote = quoteAt(ctx, hit.start);
      let clause = clauseOf(ctx, from, to, hit);
      if (inQuote) clause = withinQuote(ctx, quotes[inQuote.index], clause);
      const pol = polarityOf(ctx.tokens, clause, hit);
      if (!pol) continue;
      let holders: StanceHolder[];
      let exclude: Span[] = [];
      if (inQuote) {
        holders = inQuote.holders;
        const q = quotes[inQuote.index];
        exclude = [q.source, q.antecedent, q.channel].filter((x): x is Span => x !== null);
      } else {
        // The outlet's voice counts only with an attitude word, whose holder is named before it.
        if (!pol.attitude || !pol.cue) continue;
        const named = ctx.mentions.filter((m) => m.end <= pol.cue!.start && m.start >= from && !isMedia(m.actor) && usableAsParty(ctx, m));
        if (!named.length) continue;
        const last = named[named.length - 1];
        const group: MentionAt[] = [last];
        for (let j = named.length - 2; j >= 0; j--) {
          const gap = ctx.tokens.slice(named[j].end, group[0].start);
          if (gap.length > 3 || !gap.some((t) => t === 'and' || t === ',')) break;
          group.unshift(named[j]);
        }
        const seen = new Set<string>();
        holders = group.map((m) => holderOf(m.actor, null)).filter((h) => !seen.has(h.group) && seen.add(h.group) !== null);
        exclude = group.map((m) => tokenSpan(doc, m.start, m.end));
      }
      for (const holder of holders) {
        const cands = candidates(ctx, clause[0], clause[1], holder, exclude, from);
        const side = hit.cls.name === 'participate' ? 'both' : 'left';
        let agentAt = nearest(cands, hit, side);
        let agents: StanceParty[] = agentAt ? coordinated(ctx, agentAt, cands).map((p) => p.party) : [];
        // "will never cooperate with them": the unsaid subject of a statement is its holder.
        if (!agents.length && hit.cls.name === 'cooperate' && inQuote) agents = [{ key: holder.group, name: holder.groupName }];
        if (!agents.length) continue;
        let partner: StanceParty | null = null;
        if (hit.cls.name === 'cooperate') {
          const right = nearest(cands.filter((c) => !agents.some((a) => a.key === c.party.key)), hit, 'right');
          partner = right ? right.party : null;
          agentAt = null;
        }
        const event = hit.cls.name === 'participate' ? eventPhrase(ctx, from, to, hit) : null;
        for (const agent of agents) {
          out.push({
            holder,
            predicate: hit.cls.name,
            agent,
            partner: partner && partner.key !== agent.key ? partner : null,
            event,
            object: null,
            polarity: pol.polarity,
            cue: pol.cue ? tokenSpan(doc, pol.cue.start, pol.cue.end) : null,
            trigger: tokenSpan(doc, hit.start, hit.end),
            evidence: { article: doc.article.id, start: sentence.start, end: sentence.end },
            quote: inQuote ? inQuote.index : null,
            method: inQuote ? `rule:quote+${hit.cls.name}` : `rule:outlet-voice+${hit.cls.name}`,
            confidence: inQuote ? 0.6 : 0.5,
          });
        }
      }
    }
    // The four classes keep precedence: an open attitude counts only in a clause none of them matched.
    const claimed = hits.map((hit) => clauseOf(ctx, from, to, hit));
    out.push(...objectAttitudes(ctx, from, to, claimed, { article: doc.article.id, start: sentence.start, end: sentence.end }));
  }
  return out;
}

/** Holder kinds that can hold an attitude: a place or a thing named in passing cannot. */
const HOLDER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);

/**
 * Open-class attitudes of one sentence: a named subject (or, for "we"/"I" inside a quote, its speaker)
 * right before a support/oppose word of `objectAttitude`, and the concrete noun phrase that word governs.
 * Negation between subject and word flips the polarity; a hedge with no negation leaves it unclear.
 */
function objectAttitudes(ctx: Context, from: number, to: number, claimed: [number, number][], evidence: Span): FoundStance[] {
  const lex = stanceLexicon();
  const open = lex.objectAttitude;
  const { doc, tokens } = ctx;
  const out: FoundStance[] = [];
  const cues = [
    ...findPatterns(tokens, from, to, open.support).map((m) => ({ ...m, base: 'support' as StancePolarity })),
    ...findPatterns(tokens, from, to, open.oppose).map((m) => ({ ...m, base: 'oppose' as StancePolarity })),
    ...findPatterns(tokens, from, to, open.describe).map((m) => ({ ...m, base: null })),
  ].sort((a, b) => a.start - b.start);
  const isClaimed = (at: number): boolean => claimed.some(([s, e]) => at >= s && at < e);
  const clauseAt = (start: number, end: number): [number, number] =>
    clauseOf(ctx, from, to, { cls: { name: ATTITUDE, template: open.template, requiresAttitude: true, patterns: [] }, start, end });
  for (const cue of cues) {
    if (isClaimed(cue.start)) continue;
    const inQuote = quoteAt(ctx, cue.start);
    // The whole clause, not cut to the quote: "The union rejected the offer" is also read as a quote whose
    // cue is the attitude word, and its subject stands before the quote's words.
    const clause = clauseAt(cue.start, cue.end);
    const object = objectAfter(doc, tokens, cue.end, cue.base === null ? to : clause[1]);
    if (!object) continue;
    let base = cue.base;
    if (base === null) {
      // "described the offer as unacceptable", "called the plan "reckless"": the evaluation decides.
      let e = object.end;
      if (tokens[e] === 'as') e++;
      while (e < to && /^["\u201c\u2018']$/.test(tokens[e])) e++;
      if (findPatterns(tokens, e, to, open.evaluationOppose).some((m) => m.start === e)) base = 'oppose';
      else if (findPatterns(tokens, e, to, open.evaluationSupport).some((m) => m.start === e)) base = 'support';
      else continue;
    }
    // The subject: walk back over auxiliaries, adverbs and negation to the word before them.
    let k = cue.start;
    while (k > clause[0] && open.between.has(tokens[k - 1])) k--;
    const gap = tokens.slice(k, cue.start);
    // "was criticised for": a passive names the target, not the holder.
    if (cue.end - cue.start === 1 && /ed$/.test(tokens[cue.start]) && gap.some((t) => ['is', 'are', 'was', 'were', 'be', 'been'].includes(t))) continue;
    // A description the actor links tied to one actor ("the union") names it as well as its name does.
    const subject = [...ctx.mentions, ...ctx.nominals].find((m) => m.end === k && m.start >= clause[0]);
    let holders: StanceHolder[];
    if (subject) {
      if (!HOLDER_TYPES.has(subject.actor.type) || isMedia(subject.actor)) continue;
      // "Ruritania and Freedonia have opposed ...": each name of a coordinated subject holds the attitude.
      const group = [subject];
      const named = ctx.mentions.filter((m) => m.end <= subject.start && m.start >= clause[0]);
      for (let j = named.length - 1; j >= 0; j--) {
        const gap = tokens.slice(named[j].end, group[0].start);
        if (gap.length === 0 || gap.length > 2 || !gap.every((t) => t === 'and' || t === ',')) break;
        if (!HOLDER_TYPES.has(named[j].actor.type) || isMedia(named[j].actor)) break;
        group.unshift(named[j]);
      }
      const seen = new Set<string>();
      holders = group
        .map((m) => holderOf(m.actor, null, ctx.attributedCountry.get(m.actor.id) ?? null))
        .filter((h) => !seen.has(h.group) && seen.add(h.group) !== null);
    } else if (inQuote && k > from && lex.selfPronouns.has(tokens[k - 1])) {
      holders = inQuote.holders.filter((h) => h.actor === null || HOLDER_TYPES.has(ctx.actorsById.get(h.actor)?.type ?? ''));
    } else continue;
    const negated = findPatterns(tokens, k, cue.start, lex.negation).length % 2 === 1;
    const hedged = findPatterns(tokens, k, cue.start, lex.hedge).length > 0;
    const polarity: StancePolarity = negated ? (base === 'support' ? 'oppose' : 'support') : hedged ? 'unclear' : base;
    // Lower than the predicate classes: an open word list and a shallow phrase reader.
    const found = { object, polarity, cue: tokenSpan(doc, cue.start, cue.end), evidence, quote: inQuote ? inQuote.index : null };
    const method = inQuote ? `rule:quote+${ATTITUDE}` : `rule:outlet-voice+${ATTITUDE}`;
    for (const holder of holders) out.push(attitudeStance(holder, found, method, inQuote ? 0.45 : 0.4));
  }
  // "the revised offer was fair", inside a quote: the speaker evaluates the subject of the evaluation.
  const evaluations = [
    ...findPatterns(tokens, from, to, open.evaluationSupport).map((m) => ({ ...m, base: 'support' as StancePolarity })),
    ...findPatterns(tokens, from, to, open.evaluationOppose).map((m) => ({ ...m, base: 'oppose' as StancePolarity })),
  ];
  for (const ev of evaluations) {
    if (isClaimed(ev.start)) continue;
    const inQuote = quoteAt(ctx, ev.start);
    if (!inQuote || !ctx.quotes[inQuote.index].content.some((c) => inSpan(doc, ev.start, c))) continue;
    const clause = withinQuote(ctx, ctx.quotes[inQuote.index], clauseAt(ev.start, ev.end));
    let k = ev.start;
    while (k > clause[0] && /^["\u201c\u201d\u2018\u2019']$/.test(tokens[k - 1])) k--;
    let copula = false;
    while (k > clause[0] && (open.between.has(tokens[k - 1]) || open.copulas.has(tokens[k - 1]))) {
      if (open.copulas.has(tokens[k - 1])) copula = true;
      k--;
    }
    if (!copula) continue;
    const object = objectBefore(doc, tokens, k, clause[0]);
    if (!object) continue;
    const negated = findPatterns(tokens, k, ev.start, lex.negation).length % 2 === 1;
    const polarity: StancePolarity = negated ? (ev.base === 'support' ? 'oppose' : 'support') : ev.base;
    const found = { object, polarity, cue: tokenSpan(doc, ev.start, ev.end), evidence, quote: inQuote.index };
    for (const holder of inQuote.holders) {
      if (holder.actor !== null && !HOLDER_TYPES.has(ctx.actorsById.get(holder.actor)?.type ?? '')) continue;
      out.push(attitudeStance(holder, found, `rule:quote+${ATTITUDE}-evaluation`, 0.4));
    }
  }
  return out;
}

/** An open-class attitude stance: the attitude word is both its cue and its trigger. */
function attitudeStance(
  holder: StanceHolder,
  found: { object: AttitudeObject; polarity: StancePolarity; cue: Span; evidence: Span; quote: number | null },
  method: string,
  confidence: number,
): FoundStance {
  const { object, polarity, cue, evidence, quote } = found;
  return { holder, predicate: ATTITUDE, agent: null, partner: null, event: null, object, polarity, cue, trigger: cue, evidence, quote, method, confidence };
}
