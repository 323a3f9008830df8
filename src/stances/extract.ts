/**
 * Stances read from one article, open-domain: a holder (a named actor, a group, or a described source), a cue of
 * support or opposition (a verb, a verb phrase or an attitude noun of data/stance-cues.json: "voted against",
 * "praised", "sued to block", "in support of", "called ... a mistake"), its polarity after negation, and the
 * target phrase the cue governs ("the bill", "the school board's appeal"). The holder is the subject before the
 * cue (read through catenatives, "is trying to block"; relative pronouns, "Texas, which sued"; appositions; the
 * members a body or a relative clause names), the quote's speaker when the cue is the quote's own cue or a
 * "we"/"I" inside its words, the noun phrase before an attitude noun ("members in opposition") or after one
 * ("criticism from the governor"), or the one who directs others ("urged the justices to block": the position is
 * the urger's, turned by what the others are to do). A speaker's quoted evaluation of a target ("the ordinance
 * is a mistake") is a stance of the speaker. Targets are merged across articles by src/stances/index.ts.
 */
import type { Actor, Doc, Event, Quote, Span, StanceHolder, StancePolarity } from '../model.js';
import { findPatterns, matchLength, patternsStartingWith, stanceLexicon, type Cue } from './lexicon.js';
import { mentionsByArticle } from '../actors/index.js';
import { RangeIndex } from '../spans.js';
import { objectAfter, objectBefore, type AttitudeObject } from './attitude.js';
import { bodyOfMembers, canSpeak, isDocumentNoun, isSpeechVerb, sourceKind, speakerMention } from '../saidwhen/index.js';

/** A stance before targets are merged across articles. */
export interface FoundStance {
  holder: StanceHolder;
  polarity: StancePolarity;
  /** the cue's words ("voted against") */
  cue: Span;
  trigger: Span;
  evidence: Span;
  quote: number | null;
  /** what the cue governs, null when the text leaves it implicit ("voted no", "against it") */
  object: AttitudeObject | null;
  /** with no object: the words that point back to it ("the move"), when the cue is followed by such words */
  refersTo?: string;
  method: string;
  confidence: number;
}

/** An actor mention as token indices [start, end). */
interface MentionAt {
  start: number;
  end: number;
  actor: Actor;
}

interface Context {
  doc: Doc;
  tokens: string[];
  /** the mentions near the sentence being read (every rule looks back at most 80 tokens before it) */
  mentions: MentionAt[];
  /** every mention of the article, and an index of them by token range */
  allMentions: MentionAt[];
  mentionIndex: RangeIndex;
  quotes: readonly Quote[];
  /** the quotes' cue and content spans, with the quote each is from, indexed for `quoteAt` */
  quoteParts: Record<'cue' | 'content', { spans: { start: number; end: number; quote: number }[]; index: RangeIndex }>;
  actorsById: Map<string, Actor>;
  actors: readonly Actor[];
  /** the holders the cues read so far in the sentence found, by the cue's token */
  sentenceHoldings: { at: number; holders: StanceHolder[] }[];
}

/** How far before its sentence a rule may look for a mention ("it" and "they" take the last organisation or group). */
const LOOK_BACK_TOKENS = 80;

function quoteParts(quotes: readonly Quote[], part: 'cue' | 'content'): { spans: { start: number; end: number; quote: number }[]; index: RangeIndex } {
  const spans = quotes.flatMap((q, i) => (part === 'cue' ? (q.cue ? [q.cue] : []) : q.content).map((s) => ({ start: s.start, end: s.end, quote: i })));
  return { spans, index: new RangeIndex(spans) };
}

function lowerTokens(doc: Doc): string[] {
  // "no." at a sentence end is tokenised with its period (as "No." the numero sign): the word is "no".
  return doc.tokens.map((t) => doc.article.text.slice(t.start, t.end).toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/^(\p{L}+)\.$/u, '$1'));
}

function firstTokenAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Actor mentions of this article as token ranges (pronouns the actor linker resolved included). */
const byIdCache = new WeakMap<readonly Actor[], Map<string, Actor>>();

/** The actors by id, built once per actor list (stances read every article of a story against one list). */
function actorsById(actors: readonly Actor[]): Map<string, Actor> {
  let map = byIdCache.get(actors);
  if (!map) {
    map = new Map(actors.map((a) => [a.id, a]));
    byIdCache.set(actors, map);
  }
  return map;
}

function mentionsOf(doc: Doc, actors: readonly Actor[]): MentionAt[] {
  const out: MentionAt[] = [];
  for (const { actor, alias } of mentionsByArticle(actors).get(doc.article.id) ?? []) {
    const start = firstTokenAt(doc, alias.span.start);
    let end = start;
    while (end < doc.tokens.length && doc.tokens[end].start < alias.span.end) end++;
    if (end > start) out.push({ start, end, actor });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

function tokenSpan(doc: Doc, start: number, end: number): Span {
  return { article: doc.article.id, start: doc.tokens[start].start, end: doc.tokens[end - 1].end };
}

function isMedia(actor: Actor): boolean {
  const lex = stanceLexicon();
  return actor.codes.some((c) => c.startsWith('MED')) || actor.name.toLowerCase().split(/\s+/).some((w) => lex.mediaWords.has(w));
}

/** Whether an actor can hold a position: one that can speak, or a named group of people ("Republicans"). */
function canHold(actor: Actor): boolean {
  return !isMedia(actor) && (canSpeak(actor) || (actor.type === 'MISC' && /s$/.test(actor.name)));
}

/**
 * The holder an actor gives: the actor itself is the matrix row (a senator and their party are different
 * holders); its country and organisation are kept for the reader.
 *
 * @example
 * ```ts
 * holderOf(senatorActor).group; // the senator's actor id
 * ```
 */
export function holderOf(actor: Actor, speaker: string | null = null): StanceHolder {
  const organisation = actor.organisation.value ?? (actor.type === 'ORG' ? actor.name : null);
  return { speaker: speaker ?? actor.name, actor: actor.id, country: actor.country.value, organisation, group: actor.id, groupName: actor.name };
}

/** A described holder ("forty members", "progressives"): its words are its row. */
function describedHolder(words: string): StanceHolder {
  const name = words.replace(/\s+/g, ' ').trim().replace(/^(?:the|a|an)\s+/i, '');
  return { speaker: name, actor: null, country: null, organisation: null, group: `described:${name.toLowerCase()}`, groupName: name };
}

/** The quote whose cue or words hold a token. */
function quoteAt(ctx: Context, tok: number, part: 'cue' | 'content'): number | null {
  const at = ctx.doc.tokens[tok];
  const { spans, index } = ctx.quoteParts[part];
  let best: number | null = null;
  let size = Infinity;
  for (const k of index.containing(at.start, at.end)) {
    const s = spans[k];
    if (s.end - s.start < size) {
      best = s.quote;
      size = s.end - s.start;
    }
  }
  return best;
}

/** The holder of a quote: its linked speaker, else its source's words when they describe a human source. */
function quoteHolder(ctx: Context, index: number): StanceHolder | null {
  return quoteHolders(ctx, index)[0] ?? null;
}

/** Every holder of a quote: the linked speaker and the people coordinated with it in the source ("A and B said"). */
function quoteHolders(ctx: Context, index: number): StanceHolder[] {
  const q = ctx.quotes[index];
  const first = quoteSpeaker(ctx, index);
  if (!first || !q.source || q.antecedent) return first ? [first] : [];
  const src = q.source;
  const inSource = ctx.allMentions.filter((m) => ctx.doc.tokens[m.start].start >= src.start && ctx.doc.tokens[m.end - 1].end <= src.end && m.actor.type === 'PERSON');
  const out = [first];
  for (const m of inSource) if (!out.some((h) => h.actor === m.actor.id)) out.push(holderOf(m.actor));
  return out;
}

function quoteSpeaker(ctx: Context, index: number): StanceHolder | null {
  const q = ctx.quotes[index];
  const actor = q.speaker ? ctx.actorsById.get(q.speaker) : undefined;
  if (actor) return canHold(actor) ? holderOf(actor) : null;
  const who = q.antecedent ?? q.source;
  if (!who || sourceKind(who, ctx.doc.article.text) === null) return null;
  const named = speakerMention(ctx.doc.article, q);
  return named ? describedHolder(named) : null;
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);

/**
 * The subject before a cue: walk back over auxiliaries, adverbs, a parenthesis ("(R-Mo.)") and a time phrase
 * ("on Tuesday"), then take the actor mention that ends there, or a noun phrase headed by a human noun.
 */
function subjectBefore(ctx: Context, at: number, from: number): { holders: StanceHolder[]; start: number } | null {
  const lex = stanceLexicon();
  const open = lex.objectAttitude;
  const { doc, tokens } = ctx;
  let k = at;
  for (;;) {
    // "is trying to block", "threatened not to sign": a catenative verb and "to" stand between the subject and the cue.
    if (k > from + 1 && lex.catenatives.has(tokens[k - 2]) && (tokens[k - 1] === 'to' || (tokens[k - 1] === 'not' && tokens[k] === 'to'))) k -= 2;
    else if (k > from + 2 && tokens[k - 1] === 'to' && tokens[k - 2] === 'not' && lex.catenatives.has(tokens[k - 3])) k -= 3;
    // "the only member to vote against it": an infinitive's subject is the noun before "to".
    else if (k > from && (open.between.has(tokens[k - 1]) || doc.tokens[k - 1].pos === 'ADV' || doc.tokens[k - 1].pos === 'AUX' || (tokens[k - 1] === 'to' && k === at))) k--;
    else if (k > from && tokens[k - 1] === ')') {
      let j = k - 1;
      while (j > from && tokens[j] !== '(') j--;
      if (tokens[j] !== '(' || k - j > 8) break;
      k = j;
    } else if (k > from + 1 && (tokens[k - 2] === 'on' || tokens[k - 2] === 'last' || tokens[k - 2] === 'this') && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|year|month)$/.test(tokens[k - 1])) k -= 2;
    // "Jane Roe Tuesday warned": a bare weekday before the verb
    else if (k > from + 1 && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(tokens[k - 1])) k--;
    else break;
  }
  if (k <= from) return null;
  // "Texas, which filed the suit", "the senator who voted no": a relative pronoun's antecedent is the subject.
  if (k - 1 > from && (tokens[k - 1] === 'who' || tokens[k - 1] === 'which')) {
    let e = k - 1;
    if (e > from && tokens[e - 1] === ',') e--;
    return subjectBefore(ctx, e, from);
  }
  // "Jane Roe Jr. said": a generational suffix the name mention stops before ("Jane Roe, Jr.")
  if (k - 1 > from && stanceLexicon().nameSuffixes.has(tokens[k - 1]) && !ctx.mentions.some((m) => m.end === k)) {
    k--;
    if (k - 1 > from && tokens[k - 1] === ',') k--;
  }
  // "The groups, which included A and B, made their case": a relative clause between commas is skipped; when it
  // says whom the subject includes, those named are the holders.
  if (tokens[k - 1] === ',') {
    let c = k - 2;
    while (c > from && tokens[c] !== ',' && k - c < 22) c--;
    if (tokens[c] === ',' && (tokens[c + 1] === 'which' || tokens[c + 1] === 'who')) {
      if (/^includ/.test(tokens[c + 2] ?? '')) {
        const members = ctx.mentions.filter((m) => m.start > c + 2 && m.end < k && canHold(m.actor));
        if (members.length) return { holders: members.map((m) => holderOf(m.actor)), start: members[0].start };
      }
      return subjectBefore(ctx, c, from);
    }
  }
  // "Jane Roe, the lone holdout, voted no": an apposition between commas renames the name before it.
  if (tokens[k - 1] === ',') {
    let c = k - 2;
    // (up to a relative clause inside it: "DeSantis, a Republican who is positioning himself for reelection,")
    while (c > from && tokens[c] !== ',' && k - c < 20) c--;
    if (tokens[c] === ',' && open.determiners.has(tokens[c + 1]) && (k - c < 10 || tokens.slice(c, k).some((t) => t === 'who' || t === 'which'))) {
      const named = ctx.mentions.find((m) => m.end === c && m.start >= from && canHold(m.actor));
      if (named) return { holders: [holderOf(named.actor)], start: named.start };
    }
  }
  // Actor mentions ending at k, with a coordinated one before ("Justices A and B").
  let ending = ctx.mentions.filter((m) => m.end === k && m.start >= from);
  // "Governor Ron DeSantis signed", where the name tagger took only "Governor Ron": a mention inside the run of
  // proper nouns that ends at k
  if (!ending.length && doc.tokens[k - 1].pos === 'PROPN') {
    let r = k - 1;
    while (r > from && doc.tokens[r - 1].pos === 'PROPN') r--;
    const inside = ctx.mentions.filter((m) => m.start >= r && m.end < k && m.end > r && canHold(m.actor) && m.actor.type === 'PERSON');
    if (inside.length === 1) ending = inside;
  }
  // "Sen. Jane Roe of Ohio voted no", where the place is no actor of its own: the person before "of" holds it.
  if (!ending.length && k > from + 2 && (tokens[k - 2] === 'of' || tokens[k - 2] === 'from') && doc.tokens[k - 1].pos === 'PROPN') {
    const person = ctx.mentions.filter((x) => x.end === k - 2 && x.start >= from && x.actor.type === 'PERSON');
    if (person.length) ending = person;
  }
  // "Sen. Jane Roe of Ohio", "Jane Roe (D-Ohio)": a place after a person locates the person, who holds the stance.
  if (ending.length && ending.every((m) => !canHold(m.actor))) {
    const m = ending[0];
    if (m.start > from + 1 && (tokens[m.start - 1] === 'of' || tokens[m.start - 1] === 'from')) {
      const person = ctx.mentions.filter((x) => x.end === m.start - 1 && canHold(x.actor));
      if (person.length) ending = person;
    }
  }
  // "school boards in Ohio's Lake and Erie counties voted": names after "in" locate the described group before them
  if (ending.length) {
    let g = ending.sort((a, b) => a.start - b.start)[0].start;
    for (let n = 0; g > from && n < 8 && (doc.tokens[g - 1].pos === 'PROPN' || tokens[g - 1] === 'and' || tokens[g - 1] === ','); n++) g--;
    if (g > from + 1 && tokens[g - 1] === "'s") {
      const owner = ctx.mentions.find((x) => x.end === g - 1 && x.start >= from);
      if (owner) g = owner.start;
      else for (g--; g > from && doc.tokens[g - 1].pos === 'PROPN'; ) g--;
    }
    if (g > from + 1 && tokens[g - 1] === 'in') {
      const before = subjectBefore(ctx, g - 1, from);
      if (before && before.holders.every((h) => h.actor === null)) return before;
    }
  }
  if (ending.length) {
    const m = ending.sort((a, b) => a.start - b.start)[0];
    if (!canHold(m.actor)) return describedBeforePreposition(ctx, k, from);
    // "67 Republicans", "Sixty-seven Democrats": a counted part of a group is a holder of its own, not the group.
    // (The partner of "voted with 218 Democrats" is the group as a whole.)
    let c = m.start - 1;
    if (c - 2 >= from && tokens[c - 1] === '-') c -= 2; // "Sixty-seven" may be three tokens
    const count = c >= from && m.actor.type !== 'PERSON' && tokens[c - 1] !== 'with' ? countValue(tokens.slice(c, m.start).join('')) : null;
    if (count !== null) return { holders: [describedHolder(`${count} ${doc.article.text.slice(doc.tokens[m.start].start, doc.tokens[m.end - 1].end)}`)], start: c };
    const group = [m];
    for (const other of ctx.mentions) {
      if (other.end > group[0].start || other.start < from) continue;
      const gap = tokens.slice(other.end, group[0].start);
      if (gap.length >= 1 && gap.length <= 2 && gap.every((t) => t === 'and' || t === ',') && canHold(other.actor)) group.unshift(other);
    }
    const seen = new Set<string>();
    const holders = group.map((g) => holderOf(g.actor)).filter((h) => !seen.has(h.group) && seen.add(h.group) !== null);
    return { holders, start: group[0].start };
  }
  // "it" and "they" as the subject: the latest organisation ("it") or named group ("they") of the last sentences,
  // when the actor linker left the pronoun unresolved.
  if ((tokens[k - 1] === 'it' || tokens[k - 1] === 'they') && !ctx.mentions.some((m) => m.end === k)) {
    const floor = Math.max(0, from - LOOK_BACK_TOKENS);
    const wantOrg = tokens[k - 1] === 'it';
    const prior = ctx.mentions.filter((m) => m.end < k - 1 && m.start >= floor && canHold(m.actor) && (wantOrg ? m.actor.type === 'ORG' : m.actor.type === 'MISC'));
    const last = prior[prior.length - 1];
    if (last) return { holders: [holderOf(last.actor)], start: k - 1 };
  }
  // "67 Republicans joined ..., while 120 voted against it": a bare count names a part of the group counted
  // before it in the sentence.
  if (doc.tokens[k - 1].pos === 'NUM' && (k - 1 === from || !NP_POS.has(doc.tokens[k - 2].pos))) {
    const value = countValue(tokens[k - 1]);
    const counted = ctx.mentions.filter((m) => m.start > from && m.end < k - 1 && m.actor.type !== 'PERSON' && canHold(m.actor) && countValue(tokens[m.start - 1]) !== null);
    const last = counted[counted.length - 1];
    if (value !== null && last) return { holders: [describedHolder(`${value} ${doc.article.text.slice(doc.tokens[last.start].start, doc.tokens[last.end - 1].end)}`)], start: k - 1 };
  }
  const described = describedBeforePreposition(ctx, k, from);
  if (described) return described;
  // A described group: "forty members", "Forty Senators", "the justices", "party leaders".
  let s = k;
  while (s > from && (NP_POS.has(doc.tokens[s - 1].pos) || tokens[s - 1] === '-') && k - s < 5) s--;
  if (s === k) return null;
  const head = { article: doc.article.id, start: doc.tokens[s].start, end: doc.tokens[k - 1].end };
  // "his administration's plan to urge": a document is no holder (its author, when named, is).
  if (sourceKind(head, doc.article.text) !== 'group' || isDocumentNoun(tokens[k - 1])) return null;
  // "Jane Roe, the only member to ...", "Jane Roe the sole dissenter": a description right after a name renames it.
  let a = s;
  while (a > from && (open.determiners.has(tokens[a - 1]) || doc.tokens[a - 1].pos === 'ADV')) a--;
  const determined = a < s;
  if (a > from && tokens[a - 1] === ',') a--;
  const renamed = ctx.mentions.find((m) => m.end === a && m.start >= from && canHold(m.actor) && m.actor.type === 'PERSON');
  if (renamed && determined) return { holders: [holderOf(renamed.actor)], start: renamed.start };
  // "The justices chose not to hear": the members of a body as a definite whole stand for it (the Supreme Court).
  if (s > from && tokens[s - 1] === 'the' && k - s === 1) {
    const body = bodyOfMembers({ article: doc.article.id, start: doc.tokens[s - 1].start, end: head.end }, ctx.actors, doc.article.text);
    if (body && canHold(body)) return { holders: [holderOf(body)], start: s - 1 };
  }
  // "A federal judge granted the motion ... Judge Jane Roe wrote": a singular role noun with an article is the one
  // person of the article who carries that title
  const titled = determined && k - s <= 3 ? titledPerson(ctx, tokens[k - 1]) : null;
  if (titled) return { holders: [holderOf(titled)], start: s };
  const holders = [describedHolder(doc.article.text.slice(head.start, head.end))];
  // "President Jane Roe and party leaders", "Jane Roe and her campaign": a name coordinated before the
  // description holds it too.
  let and = s - 1;
  if (and > from && open.determiners.has(tokens[and])) and--;
  if (and > from && tokens[and] === 'and') {
    const before = ctx.mentions.find((m) => m.end === and && m.start >= from && canHold(m.actor));
    if (before) return { holders: [holderOf(before.actor), ...holders], start: before.start };
    // "Republican lawmakers and conservative activists pledged": two described groups, both holders
    let b = and;
    while (b > from && NP_POS.has(doc.tokens[b - 1].pos) && and - b < 4) b--;
    if (b < and && !ctx.mentions.some((m) => m.start < and && m.end > b)) {
      const other = { article: doc.article.id, start: doc.tokens[b].start, end: doc.tokens[and - 1].end };
      if (sourceKind(other, doc.article.text) === 'group' && !isDocumentNoun(tokens[and - 1])) return { holders: [describedHolder(doc.article.text.slice(other.start, other.end)), ...holders], start: b };
    }
  }
  return { holders, start: s };
}

/**
 * The one person of the article whose title ends in `noun` ("judge": "U.S. District Judge Jane Roe"; "senator":
 * "Sen. Tom Roe"), or null when none or several do. Abbreviated titles are read by data/stance-lexicon.json.
 */
function titledPerson(ctx: Context, noun: string): Actor | null {
  const lex = stanceLexicon();
  if (/s$/.test(noun) && !lex.titleAbbreviations.has(noun)) return null;
  const found = new Map<string, Actor>();
  for (const m of ctx.allMentions) {
    const role = m.actor.type === 'PERSON' ? m.actor.role.value : null;
    if (!role || !canHold(m.actor)) continue;
    const last = role.toLowerCase().replace(/\.$/, '').split(/\s+/).pop() ?? '';
    if (last === noun || lex.titleAbbreviations.get(last) === noun) found.set(m.actor.id, m.actor);
  }
  return found.size === 1 ? [...found.values()][0] : null;
}

/**
 * The holder a possessive pronoun before an attitude noun stands for ("its fight against", "their support for",
 * "his opposition to"): the actor the linker resolved it to, else for "its" the last organisation and for "their"
 * the last organisation or named group before it in the sentence. Null when there is none.
 */
function possessiveHolder(ctx: Context, at: number, from: number): { holders: StanceHolder[]; start: number } | null {
  const { tokens } = ctx;
  const p = at - 1;
  if (p < from || !/^(?:its|their|his|her)$/.test(tokens[p])) return null;
  const linked = ctx.mentions.find((x) => x.start === p && canHold(x.actor));
  if (linked) return { holders: [holderOf(linked.actor)], start: p };
  if (tokens[p] === 'his' || tokens[p] === 'her') return null;
  const wanted = (a: Actor): boolean => a.type === 'ORG' || (tokens[p] === 'their' && a.type === 'MISC');
  const last = ctx.mentions.filter((x) => x.end <= p && x.start >= from && canHold(x.actor) && wanted(x.actor)).pop();
  return last ? { holders: [holderOf(last.actor)], start: p } : null;
}

/**
 * The holder a role noun names ("opponent of", "critics of" at `at`): the one it renames, through an apposition
 * ("Tom Roe, a longtime opponent of the toll") or a copula ("who is a vocal critic of", "Roe is a supporter of"),
 * else the noun phrase it heads, for a plural ("conservative critics of the plan"). Null when neither is there
 * ("the plan's opponents" is read by the possessive elsewhere; "an opponent of" with nothing renamed is no one).
 */
function roleHolder(ctx: Context, at: number, from: number): { holders: StanceHolder[]; start: number } | null {
  const { doc, tokens } = ctx;
  const open = stanceLexicon().objectAttitude;
  let a = at;
  while (a > from && (doc.tokens[a - 1].pos === 'ADJ' || doc.tokens[a - 1].pos === 'ADV')) a--;
  const modifiersStart = a;
  const determined = a > from && open.determiners.has(tokens[a - 1]);
  if (determined) a--;
  if (a > from && (open.copulas.has(tokens[a - 1]) || BE.has(tokens[a - 1]) || /^(?:became|become|becomes|remain)$/.test(tokens[a - 1]))) {
    const subject = subjectBefore(ctx, a - 1, from);
    // "Roe is a former lawyer who is a staunch opponent of ...": a described subject that renames a name before a
    // copula is that name
    if (subject && subject.holders.every((h) => h.actor === null)) {
      let c = subject.start;
      while (c > from && open.determiners.has(tokens[c - 1])) c--;
      if (c > from && (open.copulas.has(tokens[c - 1]) || BE.has(tokens[c - 1]))) {
        const named = ctx.mentions.find((x) => x.end === c - 1 && x.start >= from && canHold(x.actor));
        if (named) return { holders: [holderOf(named.actor)], start: named.start };
      }
    }
    if (subject) return subject;
  }
  if (determined && a > from && tokens[a - 1] === ',') {
    const named = ctx.mentions.find((x) => x.end === a - 1 && x.start >= from && canHold(x.actor));
    if (named) return { holders: [holderOf(named.actor)], start: named.start };
  }
  // "Tom Roe, a senator for Ohio and longtime opponent of the tax": the second of two coordinated appositions
  if (!determined && a > from && tokens[a - 1] === 'and') {
    for (let c = a - 2; c > from && a - c <= 10; c--) {
      if (doc.tokens[c].pos === 'VERB' || doc.tokens[c].pos === 'AUX' || tokens[c] === ';') break;
      if (tokens[c] === ',' && open.determiners.has(tokens[c + 1])) {
        const named = ctx.mentions.find((x) => x.end === c && x.start >= from && canHold(x.actor));
        if (named) return { holders: [holderOf(named.actor)], start: named.start };
        break;
      }
    }
  }
  // a plural role noun heading its own noun phrase describes the group that holds the position
  if (!/s$/.test(tokens[at]) || (determined && !/^(?:the|these|those|many|some|most|other)$/.test(tokens[a]))) return null;
  const span = { start: doc.tokens[modifiersStart].start, end: doc.tokens[at].end };
  return { holders: [describedHolder(doc.article.text.slice(span.start, span.end))], start: modifiersStart };
}

/**
 * "the White House officials in the meeting", "lawyers in Arkansas and Illinois": a described group before a
 * prepositional phrase of up to five words (places or anything else) is the subject.
 */
function describedBeforePreposition(ctx: Context, k: number, from: number): { holders: StanceHolder[]; start: number } | null {
  const { doc, tokens } = ctx;
  const open = stanceLexicon().objectAttitude;
  for (let q = k - 1; q > from + 1 && k - q <= 6; q--) {
    if (!/^(?:in|at|from|on|with)$/.test(tokens[q])) continue;
    if (!tokens.slice(q + 1, k).every((t, j) => NP_POS.has(doc.tokens[q + 1 + j].pos) || open.determiners.has(t) || t === 'and' || t === ',' || t === "'s")) return null;
    const before = subjectBefore(ctx, q, from);
    return before && before.holders.every((h) => h.actor === null) ? before : null;
  }
  return null;
}

/** The value of a count token: digits ("67", "1,200") or cardinal words ("sixty-seven"); null for anything else. */
function countValue(word: string): number | null {
  if (/^\d{1,3}(?:,\d{3})*$/.test(word)) return Number(word.replace(/,/g, ''));
  const words = stanceLexicon().numberWords;
  const parts = word.toLowerCase().split('-');
  if (parts.length > 2 || !parts.every((p) => words.has(p))) return null;
  const [a, b] = parts.map((p) => words.get(p) ?? 0);
  // "sixty-seven": tens then a unit
  if (parts.length === 2 && !(a >= 20 && a % 10 === 0 && b < 10)) return null;
  return a + (b ?? 0);
}

/** The sentence's subject: its first actor mention that can hold a position, before `at` ("The Senate, by passing ..."). */
function sentenceSubject(ctx: Context, from: number, at: number): StanceHolder | null {
  // (not a name inside parentheses: "MARROWICK, Oct 18 (Wire Service) - Dockworkers ...")
  let m = ctx.mentions.find((x) => x.start >= from && x.end <= at && canHold(x.actor) && !(x.start > from && (ctx.tokens[x.start - 1] === 'of' || ctx.tokens[x.start - 1] === '(')));
  // "Council Greens": of two names side by side the last is the head.
  for (let next = m; next; ) {
    next = ctx.mentions.find((x) => m && x.start === m.end && x.end <= at && canHold(x.actor));
    if (next) m = next;
  }
  return m ? holderOf(m.actor) : null;
}

const patternOfCue = (c: Cue): string[] => c.pattern;

/** Time words a phrase cue may be split by ("called on Tuesday for", "voted last week against"). */
const SPLIT_TIME = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|morning)$/;

/** A cue found in a sentence: tokens [start, end). */
interface CueAt {
  cue: Cue;
  start: number;
  end: number;
}

/**
 * Cue matches of one sentence, longest first at each position; a verb form must be tagged as a verb. A phrase
 * may be split after its first word by a time phrase ("called on Tuesday for"). A verb that announces a plan
 * ("announced new efforts to ...") is a cue of support when what it announces is headed by a plan noun.
 */
function cuesIn(ctx: Context, from: number, to: number): CueAt[] {
  const out: CueAt[] = [];
  const lex = stanceLexicon();
  const { tokens } = ctx;
  for (let i = from; i < to; ) {
    let best: Cue | null = null;
    let bestLen = 0;
    // "called on Tuesday for", "voted unanimously to", "voted 54-35 to": the phrase read with the time phrase,
    // the adverb or the tally after its first word taken out
    let skip = 0;
    if (i + 3 < to && /^(?:on|last|this)$/.test(tokens[i + 1]) && SPLIT_TIME.test(tokens[i + 2])) skip = 2;
    else if (i + 2 < to && (ctx.doc.tokens[i + 1].pos === 'ADV' || /^\d+-\d+$/.test(tokens[i + 1])) && !/^(?:not|n't|never)$/.test(tokens[i + 1])) skip = 1;
    const skipped = skip ? [tokens[i], ...tokens.slice(i + 1 + skip, to)] : null;
    // "came out strongly against", "hit back harder at": an adverb after the phrase's second word
    const adverb2 = i + 3 < to && ctx.doc.tokens[i + 2].pos === 'ADV' && !/^(?:not|n't|never)$/.test(tokens[i + 2]);
    const skipped2 = adverb2 ? [tokens[i], tokens[i + 1], ...tokens.slice(i + 3, to)] : null;
    for (const k of patternsStartingWith(lex.cues, tokens[i] ?? '', patternOfCue)) {
      const c = lex.cues[k];
      let len = matchLength(tokens, i, c.pattern, to);
      if (len < 0 && skipped && c.pattern.length > 1 && c.kind === 'phrase') {
        const l = matchLength(skipped, 0, c.pattern, skipped.length);
        if (l > 1) len = l + skip;
      }
      if (skipped2 && c.pattern.length > 2 && c.kind === 'phrase') {
        const l = matchLength(skipped2, 0, c.pattern, skipped2.length);
        if (l > 2 && l + 1 > len) len = l + 1;
      }
      if (len <= bestLen) continue;
      // "support" the noun, "block" the noun: a one-word verb cue counts only as a verb.
      // ("Justices A and B dissenting": an "-ing" form right after a name is its verb, whatever its tag.)
      const participle = /ing$/.test(tokens[i]) && i > from && ctx.doc.tokens[i - 1].pos === 'PROPN';
      // ("he favors", "they back": a form right after a subject pronoun is its verb, whatever its tag)
      const afterPronoun = i > from && /^(?:he|she|they|we|i|it)$/.test(tokens[i - 1]);
      if (c.kind === 'verb' && c.pattern.length === 1 && ctx.doc.tokens[i].pos !== 'VERB' && !participle && !afterPronoun) continue;
      // "its fight against", "the lone vote against it": after an article or a possessive the words are a noun
      // phrase, read by the attitude noun of the same words, not by the verb phrase
      let d = i;
      while (d > from && ctx.doc.tokens[d - 1].pos === 'ADJ') d--;
      if (c.kind === 'phrase' && d > from && (lex.objectAttitude.determiners.has(tokens[d - 1]) || /^(?:its|their|his|her|our|my|your)$/.test(tokens[d - 1]))) continue;
      best = c;
      bestLen = len;
    }
    if (!best && lex.proposeVerbs.has(tokens[i]) && ctx.doc.tokens[i].pos === 'VERB') {
      const object = objectAfter(ctx.doc, tokens, i + 1, clauseEnd(ctx, i + 1, to));
      if (object && lex.planNouns.has(object.head)) {
        best = { pattern: [tokens[i]], polarity: 'support', kind: 'verb', base: 'propose' };
        bestLen = 1;
      }
    }
    // "asked the judge to dismiss the case", "implored voters to turn out": a directive with its addressee and
    // "to" and a verb is an appeal for that act, a position of support (commands are acts: "told", "ordered")
    if (!best && lex.directives.has(tokens[i]) && !lex.commandVerbs.has(tokens[i]) && ctx.doc.tokens[i].pos === 'VERB') {
      for (let k = i + 2; k < Math.min(to, i + 8); k++) {
        const w = tokens[k];
        if (lex.clauseBreaks.has(w) || ctx.doc.tokens[k].pos === 'VERB' || ctx.doc.tokens[k].pos === 'AUX') break;
        if (w === 'to' && ctx.doc.tokens[k + 1]?.pos === 'VERB') {
          best = { pattern: [tokens[i]], polarity: 'support', kind: 'verb', base: 'directive' };
          bestLen = 1;
          break;
        }
      }
    }
    if (best) {
      out.push({ cue: best, start: i, end: i + bestLen });
      i += bestLen;
    } else i++;
  }
  return out;
}

/** The end of the clause a cue's object lies in. */
function clauseEnd(ctx: Context, from: number, to: number): number {
  const lex = stanceLexicon();
  let e = from;
  while (e < to && !(lex.clauseBreaks.has(ctx.tokens[e]) && ctx.tokens[e] !== '-')) e++;
  return e;
}

/** Who holds the position a verb cue at `at` states, by the sentence's structure. */
interface Holding {
  holders: StanceHolder[];
  method: string;
  /** the first token of the holder's words (where negation is looked for) */
  subjectStart: number;
}

/**
 * The holder of a verb or phrase cue at `at`: the subject before it, a pronoun subject reported by a speech
 * verb, the subject of the sentence for a participle or a coordinated verb, or the quote's speaker.
 */
function predicateHolders(ctx: Context, at: number, from: number, inQuoteWords: number | null, ownCue: number | null): Holding {
  const lex = stanceLexicon();
  const open = lex.objectAttitude;
  const { doc, tokens } = ctx;
  let subject = subjectBefore(ctx, at, from);
  let method = 'rule:subject';
  // "the union has said it opposes", "two members said they would back": a pronoun subject
  // right after a speech verb is the speaker of that verb.
  let p = at;
  for (;;) {
    if (p > from && open.between.has(tokens[p - 1])) p--;
    else if (p > from + 1 && tokens[p - 1] === 'to' && lex.catenatives.has(tokens[p - 2])) p -= 2;
    else break;
  }
  if (!subject && p > from + 1 && /^(?:they|he|she|we|i|it)$/.test(tokens[p - 1])) {
    let v = p - 1;
    if (v > from && tokens[v - 1] === 'that') v--;
    if (v > from && isSpeechVerb(tokens[v - 1])) {
      const speaker = subjectBefore(ctx, v - 1, from);
      if (speaker) {
        subject = speaker;
        method = 'rule:reported-subject';
      }
    }
  }
  // "The council ..., approving the measure", "by approving the plan": a participle's holder is the sentence's subject.
  // ("sent its strongest message yet condemning ...": so is the holder of a participle after a noun or an adverb)
  // (after any other noun the participle is that noun's: "Afghans seeking to escape")
  let n = at - 1;
  while (n > from && doc.tokens[n].pos === 'ADV') n--;
  const modifying = n > from && doc.tokens[n].pos === 'NOUN' && lex.messageNouns.has(tokens[n]);
  if (!subject && /ing$/.test(tokens[at]) && at > from && modifying) {
    // The message is its sender's: "since Jane Roe issued an order calling for ..." (the subject of a verb of
    // issuing that governs the noun), "an appeal of a judge's order blocking the law" (a possessive before the
    // noun), not the sentence's first name. A possessive that names no actor who can hold a position gives no
    // stance. ("sent Congress's strongest message yet": after a verb of issuing the possessive describes it.)
    let np = n;
    while (np > from && (NP_POS.has(doc.tokens[np - 1].pos) || open.determiners.has(tokens[np - 1]) || tokens[np - 1] === "'s" || tokens[np - 1] === "'")) np--;
    const owner = tokens.slice(np, n).lastIndexOf("'s");
    const sent = np > from && lex.sendVerbs.has(tokens[np - 1]);
    const governing = sent ? subjectBefore(ctx, np - 1, from) : null;
    if (governing) {
      subject = { holders: governing.holders, start: at };
      method = 'rule:participle';
    } else if (!sent && owner >= 0) {
      const m = ctx.mentions.find((x) => x.end === np + owner && x.start >= np && canHold(x.actor));
      if (!m) return { holders: [], method: 'rule:participle', subjectStart: at };
      subject = { holders: [holderOf(m.actor)], start: at };
      method = 'rule:participle';
    }
  }
  if (!subject && /ing$/.test(tokens[at]) && at > from && (tokens[at - 1] === 'by' || tokens[at - 1] === ',' || tokens[at - 1] === 'after' || modifying)) {
    const h = sentenceSubject(ctx, from, at);
    if (h) {
      subject = { holders: [h], start: at };
      method = 'rule:participle';
    }
  }
  // "Jane Roe toured the depot and called for ...", "... and urging them to unite": a verb coordinated
  // with the sentence's main verb shares its subject.
  // ("but Republicans filibustered and killed it": the subject of the verb before "and" first; "X blasted the
  // commission and threatened to ...": the holder an earlier cue of the sentence found)
  const earlier = ctx.sentenceHoldings.filter((h) => h.at < p - 1 && h.holders.length).pop();
  if (!subject && p > from + 1 && tokens[p - 1] === 'and' && inQuoteWords === null && earlier && !tokens.slice(earlier.at, p - 1).some((t) => t === ',' || t === ';')) {
    subject = { holders: earlier.holders, start: at };
    method = 'rule:coordinated';
  }
  if (!subject && p > from + 1 && tokens[p - 1] === 'and' && inQuoteWords === null) {
    let v = p - 2;
    while (v > from && doc.tokens[v].pos !== 'VERB' && !lex.clauseBreaks.has(tokens[v])) v--;
    const first = v >= from && doc.tokens[v].pos === 'VERB' ? subjectBefore(ctx, v, from) : null;
    const h = first ? null : sentenceSubject(ctx, from, p - 1);
    if (first || h) {
      subject = { holders: first ? first.holders : [h!], start: at };
      method = 'rule:coordinated';
    }
  }
  if (subject) {
    // A subject pronoun inside a quote's words ("we oppose") is the quote's speaker when it is "we"/"I".
    if (inQuoteWords !== null && subject.start === at - 1 && lex.selfPronouns.has(tokens[at - 1])) {
      const h = quoteHolder(ctx, inQuoteWords);
      return { holders: h ? [h] : [], method: 'rule:quote', subjectStart: subject.start };
    }
    return { holders: subject.holders, method, subjectStart: subject.start };
  }
  // "The council offered new terms in a bid to reach a deal": a purpose adjunct is the sentence subject's aim
  // (the aim of the nearest verb before it: "a proposal that slashed $500 billion in a bid to ...": the proposal's
  // owner, named in its noun phrase before the relative pronoun)
  if (tokens[at] === 'in' && /^(?:a|an)$/.test(tokens[at + 1] ?? '') && inQuoteWords === null) {
    let v = at - 1;
    while (v > from && doc.tokens[v].pos !== 'VERB') v--;
    if (v > from && doc.tokens[v].pos === 'VERB') {
      const s = subjectBefore(ctx, v, from);
      if (s) return { holders: s.holders, method: 'rule:purpose', subjectStart: at };
      let rel = v - 1;
      while (rel > from && doc.tokens[rel].pos === 'ADV') rel--;
      if (tokens[rel] === 'that' || tokens[rel] === 'which') {
        const owner = ctx.mentions.filter((x) => x.end <= rel && x.end >= rel - 3 && x.start >= from && canHold(x.actor)).pop();
        if (owner) return { holders: [holderOf(owner.actor)], method: 'rule:purpose', subjectStart: at };
      }
    }
  }
  if (ownCue !== null) return { holders: quoteHolders(ctx, ownCue), method: 'rule:quote-cue', subjectStart: at };
  if (inQuoteWords !== null && p > from && lex.selfPronouns.has(tokens[p - 1])) {
    const h = quoteHolder(ctx, inQuoteWords);
    return { holders: h ? [h] : [], method: 'rule:quote', subjectStart: p - 1 };
  }
  return { holders: [], method, subjectStart: at };
}

/**
 * A cue whose position is stated through another verb before it: "is trying to block" (a catenative, handled
 * by the subject reading), "refused to sign", "wants to repeal", "voted to block" (a stance verb and "to"), or
 * "urged the justices to block", "warned leaders not to back off" (a directive, its addressee and "to"). The
 * position is the first verb's subject's; a first verb of opposition turns it round. Returns the token the
 * holder is read before, and whether the polarity turns.
 */
function chainedFrom(ctx: Context, inner: CueAt, cues: readonly CueAt[], from: number): { at: number; flip: boolean; outer: number | null } | null {
  const lex = stanceLexicon();
  const { tokens } = ctx;
  let t = inner.start;
  if (t - 1 <= from) return null;
  // a stance phrase ending in "to" right before ("voted to", "agreed to")
  const before = cues.findIndex((c) => c.end === t && c.cue.pattern[c.cue.pattern.length - 1] === 'to');
  if (before >= 0 && cues[before].cue.kind !== 'nominal' && cues[before].cue.kind !== 'agent') {
    return { at: cues[before].start, flip: cues[before].cue.polarity === 'oppose', outer: before };
  }
  if (tokens[t - 1] !== 'to') return null;
  t--;
  if (t - 1 > from && tokens[t - 1] === 'not') t--;
  // a stance verb and "to": "refused to sign", "wants to repeal"
  const verb = cues.findIndex((c) => c.end === t && (c.cue.kind === 'verb' || c.cue.kind === 'phrase'));
  if (verb >= 0) return { at: cues[verb].start, flip: cues[verb].cue.polarity === 'oppose', outer: verb };
  // a directive, its addressee (a noun phrase of up to six words, no verb, no clause break) and "to"
  for (let d = t - 1; d > from && t - d <= 7; d--) {
    const w = tokens[d];
    if (lex.clauseBreaks.has(w) || w === 'and' || w === 'who' || w === 'which' || w === 'that') return null;
    if (lex.directives.has(w) && ctx.doc.tokens[d].pos === 'VERB' && d + 1 < t) {
      // "called on employers to": the directive's preposition
      const outer = cues.findIndex((c) => c.start === d);
      const flip = outer >= 0 && cues[outer].cue.polarity === 'oppose';
      return { at: d, flip, outer: outer >= 0 ? outer : null };
    }
    if (ctx.doc.tokens[d].pos === 'VERB' || ctx.doc.tokens[d].pos === 'AUX') return null;
  }
  return null;
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
  const open = lex.objectAttitude;
  const mentions = mentionsOf(doc, actors);
  const ctx: Context = {
    doc, tokens: lowerTokens(doc), mentions, allMentions: mentions, mentionIndex: new RangeIndex(mentions), quotes,
    quoteParts: { cue: quoteParts(quotes, 'cue'), content: quoteParts(quotes, 'content') }, actorsById: actorsById(actors), actors, sentenceHoldings: [],
  };
  const out: FoundStance[] = [];
  for (const sentence of doc.sentences) {
    const from = sentence.tokenStart;
    const to = sentence.tokenEnd;
    // the rules of one sentence look at its mentions and those just before it, not at the whole article's
    ctx.mentions = ctx.mentionIndex.overlapping(Math.max(0, from - LOOK_BACK_TOKENS), to).map((k) => mentions[k]);
    const evidence: Span = { article: doc.article.id, start: sentence.start, end: sentence.end };
    for (const f of quotedEvaluations(ctx, from, to, evidence)) out.push(f);
    for (const f of sponsorships(ctx, from, to, evidence)) out.push(f);
    ctx.sentenceHoldings = [];
    const cues = cuesIn(ctx, from, to);
    // A verb that states its position through a later cue ("refused to sign", "urged them to block") gives that
    // cue its holder and is not read on its own.
    const chains = cues.map((m) => (m.cue.kind === 'verb' || m.cue.kind === 'phrase' ? chainedFrom(ctx, m, cues, from) : null));
    const absorbed = new Set(chains.flatMap((c) => (c && c.outer !== null ? [c.outer] : [])));
    // the prohibiting cues a measure's signer took over ("signed an order that bans ...")
    const prohibited = new Set<number>();
    cues.forEach((m, index) => {
      if (absorbed.has(index) || prohibited.has(index)) return;
      const { tokens } = ctx;
      let base: StancePolarity = m.cue.polarity;
      // ("hit back harder on ...": an adverb after the cue is not its object)
      let objectFrom = m.end;
      // (not a particle of a phrasal verb: "passed away", "backed down" are other verbs)
      while (objectFrom < to - 1 && doc.tokens[objectFrom].pos === 'ADV' && !/^(?:not|n't|never)$/.test(tokens[objectFrom]) && !lex.particles.has(tokens[objectFrom])) objectFrom++;
      // "economists called for 387,000 applications": "call for" and a figure is a forecast, not a position.
      if (m.cue.base === 'call for' && doc.tokens[objectFrom]?.pos === 'NUM') return;
      const inQuoteWords = quoteAt(ctx, m.start, 'content');
      const ownCue = quoteAt(ctx, m.start, 'cue');
      // Passive ("was criticised by X", "was not passed", "the plan put forward by X"): the subject is the
      // target; the holder follows "by". (also a reduced relative: "legislation proposed by the council")
      let be = m.start - 1;
      while (be > from && (tokens[be] === 'not' || tokens[be] === "n't" || doc.tokens[be].pos === 'ADV')) be--;
      // ("have been determined to": a phrase is passive only with its agent)
      const participleForm = (m.cue.kind === 'verb' && /ed$/.test(tokens[m.start])) || tokens[m.end] === 'by';
      const beforeNoun = doc.tokens[m.start - 1]?.pos === 'NOUN' || /^["\u201d']$/.test(tokens[m.start - 1] ?? '');
      const passive = (m.cue.kind === 'verb' || m.cue.kind === 'phrase') && m.start > from && participleForm && (BE.has(tokens[be]) || (beforeNoun && tokens[m.end] === 'by'));
      let holding: Holding = { holders: [], method: 'rule:subject', subjectStart: m.start };
      const chain = chains[index];
      // "dismissed a challenge to the law": an attitude noun that is the object of a stance verb is that verb's
      // target, not its holder's own position
      if ((m.cue.kind === 'nominal' || m.cue.kind === 'agent') && cues.some((c) => c !== m && (c.end === m.start || (c.end === m.start - 1 && open.determiners.has(tokens[m.start - 1]))))) return;
      if (m.cue.kind === 'nominal') {
        // "members in opposition", "ninety members in support of the bill", "the union's opposition to".
        let k = m.start;
        // ("with X as the lone vote against it": the article and adjectives of the role before "as")
        let r = k;
        while (r > from && (doc.tokens[r - 1].pos === 'ADJ' || open.determiners.has(tokens[r - 1]))) r--;
        if (r < k && r > from && tokens[r - 1] === 'as') k = r;
        if (k > from && (tokens[k - 1] === "'s" || tokens[k - 1] === "'" || tokens[k - 1] === 'as')) k--;
        // "members voted in support of", "the union voiced opposition to": the verb before an attitude phrase has
        // the holder as its subject (not one that receives it: "the bill faces opposition")
        if (k > from + 1 && doc.tokens[k - 1].pos === 'VERB' && !lex.receiveVerbs.has(tokens[k - 1])) k--;
        else if (k > from + 2 && open.determiners.has(tokens[k - 1]) && doc.tokens[k - 2].pos === 'VERB' && !lex.receiveVerbs.has(tokens[k - 2])) k -= 2;
        // "as they seek GOP support for the package", "the plan needs Democratic support": support that is sought
        // or lacking is nobody's position yet.
        for (let v = m.start - 1; v >= from && v >= m.start - 5; v--) {
          if (doc.tokens[v].pos === 'VERB' || doc.tokens[v].pos === 'AUX') {
            if (lex.wantVerbs.has(tokens[v])) return;
            break;
          }
        }
        const role = lex.roleNouns.has(tokens[m.start]) ? roleHolder(ctx, m.start, from) : (possessiveHolder(ctx, m.start, from) ?? null);
        const subject = role ?? subjectBefore(ctx, k, from);
        if (role) holding = { holders: role.holders, method: lex.roleNouns.has(tokens[m.start]) ? 'rule:role-noun' : 'rule:possessive', subjectStart: role.start };
        else if (subject) {
          let holders = subject.holders;
          let subjectStart = subject.start;
          // "forty members joined with the majority in support": the subject of "joined with" holds it too.
          let w = subject.start;
          // "joined with all Democrats", "voted with 218 Democrats"
          while (w > from + 1 && tokens[w - 1] !== 'with' && (open.determiners.has(tokens[w - 1]) || tokens[w - 1] === 'all' || doc.tokens[w - 1].pos === 'NUM')) w--;
          if (w > from && tokens[w - 1] === 'with' && w - 2 > from && doc.tokens[w - 2].pos === 'VERB') {
            const also = subjectBefore(ctx, w - 2, from);
            if (also) {
              holders = [...also.holders, ...holders];
              subjectStart = also.start;
            }
          }
          holding = { holders, method: 'rule:nominal', subjectStart };
        } else holding = { holders: [], method: 'rule:nominal', subjectStart: m.start };
      } else if (m.cue.kind === 'agent') {
        // "criticism from former President Jane Roe", "a challenge from Republican-led states and the party"
        holding = { holders: holdersAfter(ctx, m.end, to), method: 'rule:agent-nominal', subjectStart: m.start };
      } else if (passive) {
        // "by" within three tokens after the cue (a bounded look: an article without one is not read to its end)
        let by = m.end;
        while (by < Math.min(to, m.end + 4) && tokens[by] !== 'by') by++;
        let holders: StanceHolder[] = [];
        // "must still be approved by the members", "will be signed by the governor": a passive after a modal is a
        // step still to come, nobody's position yet
        let md = be - 1;
        while (md > from && doc.tokens[md].pos === 'ADV') md--;
        if (BE.has(tokens[be]) && tokens[be] === 'be' && md >= from && MODALS.has(tokens[md])) return;
        if (by < Math.min(to, m.end + 4)) {
          // "by Governor Jane Roe", "by the council": a title or an article may stand before the name.
          const agent = ctx.mentions.find((x) => x.start > by && x.start <= by + 3 && x.end <= to && canHold(x.actor));
          if (agent) holders = [holderOf(agent.actor)];
          // "was dismissed by a judge who ruled ...", "was criticised by lawmakers": a described agent, or the
          // article's one person with the title it names
          else {
            holders = holdersAfter(ctx, by + 1, to);
            const single = holders.length === 1 && holders[0].actor === null ? titledPerson(ctx, holders[0].groupName.toLowerCase().split(/\s+/).pop() ?? '') : null;
            if (single && /^(?:a|an|the)$/.test(tokens[by + 1])) holders = [holderOf(single)];
          }
        } else if (BE.has(tokens[be]) && m.cue.cameo && /^(?:111|051)/.test(m.cue.cameo)) {
          // "The plan has been criticised for ...": praise or criticism with no one named is the critics' (or the supporters').
          holders = [describedHolder(base === 'oppose' ? 'critics' : 'supporters')];
        }
        holding = { holders, method: holders.length && by >= Math.min(to, m.end + 4) ? 'rule:passive-agentless' : 'rule:passive', subjectStart: m.start };
      } else if (chain) {
        const h = predicateHolders(ctx, chain.at, from, inQuoteWords, ownCue);
        holding = { ...h, method: `${h.method}+chain` };
        if (chain.flip) base = base === 'support' ? 'oppose' : 'support';
      } else holding = predicateHolders(ctx, m.start, from, inQuoteWords, ownCue);
      const { holders, method, subjectStart } = holding;
      if (!holders.length) return;
      // "the money runs out unless lawmakers vote to raise the limit", "if the council approves it": a position in
      // a condition is supposed, not taken
      if (subjectStart > from && lex.conditionals.has(tokens[subjectStart - 1])) return;
      // "a bill that allows any person to sue", "lets states opt out": whom a measure permits to act takes no
      // position by it
      let permitted = subjectStart;
      while (permitted > from && open.determiners.has(tokens[permitted - 1])) permitted--;
      if (permitted > from && lex.permitVerbs.has(tokens[permitted - 1]) && tokens[m.start - 1] === 'to') return;
      // "Biden must sign the bill by midnight": what someone is obliged to do is not a position they take (in a
      // quote, "we must pass it" is the speaker's call, read as a quote's own words)
      if (!(inQuoteWords !== null && lex.selfPronouns.has(tokens[subjectStart] ?? '')) && tokens.slice(subjectStart, m.start).includes('must')) return;
      ctx.sentenceHoldings.push({ at: m.start, holders });
      const objectEnd = clauseEnd(ctx, objectFrom, to);
      let object = passive || m.cue.kind === 'agent' ? null : objectAfter(doc, tokens, objectFrom, objectEnd);
      // "urged Congress to spend more on aid": whom a directive addresses is not its target; what they are told
      // to do is (a later cue in that clause is read by the chain above: "urged the justices to block").
      if (object && (m.cue.kind === 'verb' || (m.cue.kind === 'phrase' && tokens[m.end - 1] !== 'for')) && lex.directives.has(tokens[m.start])) {
        // the addressee is a short noun phrase: "to" and a verb within a few words of the cue
        let k = objectFrom + 1;
        while (k < Math.min(objectEnd, objectFrom + 7) && !(tokens[k] === 'to' && doc.tokens[k + 1]?.pos === 'VERB') && !lex.clauseBreaks.has(tokens[k])) k++;
        if (tokens[k] === 'to' && doc.tokens[k + 1]?.pos === 'VERB') object = objectAfter(doc, tokens, k, clauseEnd(ctx, k + 1, to)) ?? object;
      }
      // "barred districts from requiring masks": what a prohibition keeps its object from doing is the target.
      if (object && lex.prohibitVerbs.has(tokens[m.start]) && tokens[object.end] === 'from' && /ing$/.test(tokens[object.end + 1] ?? '')) {
        object = objectAfter(doc, tokens, object.end + 1, objectEnd) ?? object;
      }
      // "signed an executive order that prohibits schools from requiring masks", "issued an order banning ...": a
      // measure that prohibits states its signer's opposition to what it prohibits (the prohibiting verb, whose
      // subject is the measure, holds no position of its own).
      let measure = objectFrom;
      while (measure < Math.min(objectEnd, objectFrom + 5) && !(lex.planNouns.has(tokens[measure]) || lex.measureNouns.has(tokens[measure]))) measure++;
      if (object && base === 'support' && m.cue.kind === 'verb' && measure < Math.min(objectEnd, objectFrom + 5)) {
        const inner = prohibitionAfter(ctx, measure + 1, objectEnd, cues);
        if (inner) {
          base = 'oppose';
          if (inner.cue >= 0) prohibited.add(inner.cue);
          object = inner.object ?? object;
        }
      }
      // "a new fee, which the union opposes": the relative pronoun's antecedent is the target.
      if (!passive && !object && subjectStart > from + 1 && (tokens[subjectStart - 1] === 'which' || tokens[subjectStart - 1] === 'that')) {
        let e = subjectStart - 1;
        if (e > from && tokens[e - 1] === ',') e--;
        object = objectBefore(doc, tokens, e, from);
      }
      // "The ordinance drew criticism from X", "the plan faced a challenge from Y": the subject of the verb
      // before an attitude noun whose holder follows is its target.
      if (m.cue.kind === 'agent') {
        let v = m.start - 1;
        while (v > from && doc.tokens[v].pos !== 'VERB') v--;
        if (v > from && doc.tokens[v].pos === 'VERB') object = objectBefore(doc, tokens, v, from);
      }
      if (m.cue.kind === 'describe') {
        if (!object) return;
        // the evaluation right after the object, or after a short post-modifier of it ("declared all
        // transactions involving cryptocurrencies illegal")
        let evaluation: StancePolarity | null = null;
        for (let start = object.end; !evaluation && start < to && start - object.end <= 3 && !lex.clauseBreaks.has(tokens[start]); start++) {
          let e = start;
          if (tokens[e] === 'as') e++;
          while (e < to && /^["\u201c\u2018']$/.test(tokens[e])) e++;
          evaluation = evaluationAt(ctx, e, to);
        }
        if (!evaluation) return;
        base = evaluation;
      }
      if (passive) {
        // "the bill was blocked by X": the subject before the cue is the target.
        // ("legislation proposed by X": in a reduced relative the noun right before the cue is the target)
        let end = BE.has(tokens[be]) ? be : m.start;
        // "has been criticized", "will be blocked": the auxiliaries before "be" are not the target's
        while (end > from && BE.has(tokens[end]) && doc.tokens[end - 1].pos === 'AUX') end--;
        if (/^["\u201d']$/.test(tokens[end - 1] ?? '')) end--;
        let s = end;
        while (s > from && NP_POS.has(doc.tokens[s - 1].pos)) s--;
        if (s > from && open.determiners.has(tokens[s - 1])) s--;
        object = objectAfter(doc, tokens, s, end);
      }
      // With no target read, the stance speaks to the story's key proposition only when the text leaves its
      // target implicit ("voted no.", "voted against it"); an object this reader cannot parse drops the stance.
      // ("Texas, which filed the suit, had ...": a phrase that ends in its own noun, then the clause's verb)
      const implicit = m.cue.kind === 'agent' || objectFrom >= objectEnd || (doc.tokens[objectFrom].pos === 'AUX' && doc.tokens[objectFrom - 1].pos === 'NOUN') || doc.tokens[objectFrom].pos === 'PUNCT' || lex.implicitObjects.has(tokens[objectFrom]) || /^(?:on|in|at|by|with|after|before|last|this|during)$/.test(tokens[objectFrom]);
      // "accused him of lying": a personal pronoun the actor linker resolved is its actor
      if (!object && !passive && /^(?:him|her)$/.test(tokens[objectFrom] ?? '')) {
        const ref = ctx.mentions.find((x) => x.start === objectFrom);
        // (not the holder itself: a pronoun the linker tied to the subject is someone else)
        if (ref && !holders.some((h) => h.actor === ref.actor.id)) object = { text: ref.actor.name, head: ref.actor.name.toLowerCase().split(/\s+/).pop() ?? '', modifiers: [], end: objectFrom + 1 };
      }
      const pointsBack = !object && !implicit && !passive && refersBack(ctx, objectFrom, objectEnd);
      if (!object && !implicit && !passive && !pointsBack) return;
      // "he was applauded as ...": with no one named the holder is already a guess ("supporters"); a target this
      // reader cannot read (a pronoun, a person) is not the story's key proposition on top of it.
      if (!object && method === 'rule:passive-agentless') return;
      // negation between the holder and the cue; in a passive, between "be" and the participle ("was not passed")
      const negFrom = passive ? be : Math.max(from, subjectStart);
      const negated = findPatterns(tokens, negFrom, m.start, lex.negation).length % 2 === 1;
      const polarity: StancePolarity = negated ? (base === 'support' ? 'oppose' : 'support') : base;
      const quote = ownCue ?? inQuoteWords;
      for (const holder of holders) {
        out.push({
          holder,
          polarity,
          cue: tokenSpan(doc, m.start, m.end),
          trigger: tokenSpan(doc, m.start, m.end),
          evidence,
          quote,
          object,
          ...(!object && (pointsBack || implicit) && pointedWords(ctx, objectFrom, objectEnd) ? { refersTo: pointedWords(ctx, objectFrom, objectEnd) } : {}),
          method: `${method}+${m.cue.kind}`,
          confidence: m.cue.kind === 'nominal' || m.cue.kind === 'agent' ? 0.4 : 0.5,
        });
      }
    });
  }
  return out;
}

/**
 * A prohibiting cue right after a measure noun ending at `at`: "that prohibits", "which would ban", "prohibiting"
 * (a time word such as "Friday" may stand between), with what it prohibits. Null when none follows.
 */
function prohibitionAfter(ctx: Context, at: number, end: number, cues: readonly CueAt[]): { cue: number; object: AttitudeObject | null } | null {
  const { doc, tokens } = ctx;
  const lex = stanceLexicon();
  let k = at;
  // ("a bill on Wednesday barring ...", "an order Friday that ...")
  if (k + 1 < end && /^(?:on|last|this)$/.test(tokens[k]) && SPLIT_TIME.test(tokens[k + 1])) k += 2;
  else if (k < end && SPLIT_TIME.test(tokens[k])) k++;
  if (k < end && (tokens[k] === 'that' || tokens[k] === 'which')) {
    k++;
    while (k < end && (MODALS.has(tokens[k]) || doc.tokens[k].pos === 'ADV')) k++;
  } else if (!/ing$/.test(tokens[k] ?? '')) return null;
  if (!lex.prohibitVerbs.has(tokens[k] ?? '')) return null;
  // (the prohibiting verb may be a stance cue of its own, "bans", or not, "prevents")
  const cue = cues.findIndex((c) => c.start === k);
  const inner = objectAfter(doc, tokens, k + 1, end);
  // "prohibits schools from requiring students to wear masks": the act kept from is the target
  if (inner && tokens[inner.end] === 'from' && /ing$/.test(tokens[inner.end + 1] ?? '')) return { cue, object: objectAfter(doc, tokens, inner.end + 1, end) ?? inner };
  return { cue, object: inner };
}

/** Where a noun phrase that `objectBefore` read (ending at `end`) starts: the first token of its words. */
function subjectStartOf(tokens: readonly string[], object: AttitudeObject, end: number, from: number): number {
  let start = end;
  const first = object.text.split(/\s+/)[0]?.toLowerCase();
  while (start > from && tokens[start - 1] !== first) start--;
  start = Math.max(from, start - 1);
  if (start > from && stanceLexicon().objectAttitude.determiners.has(tokens[start - 1])) start--;
  return start;
}

/**
 * A named person or body given as the sponsor, author or architect of a measure ("Tom Roe, the bill's primary
 * author,", "Roe, a sponsor of the legislation,", "Roe is the architect of the plan") supports it: the nouns are
 * data/stance-lexicon.json's sponsorNouns, the measure one of its measure or plan nouns.
 */
function sponsorships(ctx: Context, from: number, to: number, evidence: Span): FoundStance[] {
  const lex = stanceLexicon();
  const open = lex.objectAttitude;
  const { doc, tokens } = ctx;
  const out: FoundStance[] = [];
  const isMeasure = (w: string): boolean => lex.measureNouns.has(w) || lex.planNouns.has(w);
  for (let t = from + 1; t < to; t++) {
    if (!lex.sponsorNouns.has(tokens[t]) || doc.tokens[t].pos !== 'NOUN') continue;
    let object: AttitudeObject | null = null;
    let a = t;
    if (tokens[t + 1] === 'of') {
      object = objectAfter(doc, tokens, t + 2, clauseEnd(ctx, t + 2, to));
      if (!object || !isMeasure(object.head)) continue;
      while (a > from && (doc.tokens[a - 1].pos === 'ADJ' || doc.tokens[a - 1].pos === 'ADV')) a--;
      if (!(a > from && open.determiners.has(tokens[a - 1]))) continue;
      a--;
    } else {
      // "the bill's primary author"
      while (a > from && (doc.tokens[a - 1].pos === 'ADJ' || doc.tokens[a - 1].pos === 'ADV')) a--;
      if (!(a > from + 1 && (tokens[a - 1] === "'s" || tokens[a - 1] === "'") && isMeasure(tokens[a - 2]))) continue;
      object = objectBefore(doc, tokens, a - 1, from);
      if (!object) continue;
      a = subjectStartOf(tokens, object, a - 1, from) + 1;
      while (a > from && (open.determiners.has(tokens[a - 1]) || doc.tokens[a - 1].pos === 'ADJ')) a--;
      if (a > from && !(tokens[a - 1] === ',' || open.copulas.has(tokens[a - 1]) || BE.has(tokens[a - 1]))) {
        if (open.determiners.has(tokens[a])) a++;
      }
    }
    let holder: StanceHolder | null = null;
    if (a > from && tokens[a - 1] === ',') {
      // ("Tom Roe (D-Ohio), the bill's author": a parenthesis after the name)
      let e = a - 1;
      if (tokens[e - 1] === ')') {
        let j = e - 1;
        while (j > from && tokens[j] !== '(' && e - j < 8) j--;
        if (tokens[j] === '(') e = j;
      }
      const named = ctx.mentions.find((x) => x.end === e && x.start >= from && canHold(x.actor));
      if (named) holder = holderOf(named.actor);
    } else if (a > from && (open.copulas.has(tokens[a - 1]) || BE.has(tokens[a - 1]))) {
      const s = subjectBefore(ctx, a - 1, from);
      if (s && s.holders.length === 1 && s.holders[0].actor) holder = s.holders[0];
    }
    if (!holder) continue;
    out.push({ holder, polarity: 'support', cue: tokenSpan(doc, t, t + 1), trigger: tokenSpan(doc, t, t + 1), evidence, quote: null, object, method: 'rule:sponsor', confidence: 0.4 });
  }
  return out;
}

/**
 * The polarity of an evaluation of data/stance-lexicon.json that starts at `at` ("a mistake", "unacceptable"),
 * also with adjectives or adverbs after its article ("a tragic mistake", "a very big step forward"); null when
 * none starts there.
 */
function evaluationAt(ctx: Context, at: number, to: number): StancePolarity | null {
  const open = stanceLexicon().objectAttitude;
  const { doc, tokens } = ctx;
  const starts = (list: readonly string[][], from: number, words: readonly string[]): boolean => findPatterns(words, from, words.length, list).some((x) => x.start === from);
  const view = tokens.slice(0, to);
  if (starts(open.evaluationOppose, at, view)) return 'oppose';
  if (starts(open.evaluationSupport, at, view)) return 'support';
  // "a tragic mistake": the article, then the evaluation with the modifiers left out
  // ("a very good idea": as few modifiers as leave an evaluation)
  if (!/^(?:a|an|the)$/.test(tokens[at])) return null;
  for (let j = at + 2; j < to && j - at <= 4 && (doc.tokens[j - 1].pos === 'ADJ' || doc.tokens[j - 1].pos === 'ADV'); j++) {
    const bare = [tokens[at], ...tokens.slice(j, to)];
    if (starts(open.evaluationOppose, 0, bare)) return 'oppose';
    if (starts(open.evaluationSupport, 0, bare)) return 'support';
  }
  return null;
}

const MODALS = new Set(['should', 'would', 'will', 'must', 'could', 'might', 'may', 'can']);

/**
 * A speaker's quoted evaluation of a target: inside a quote's words, a noun phrase (or an actor's name), a copula
 * ("is", "was", "should be", "has been") and an evaluation of data/stance-lexicon.json ("a mistake", "the top
 * priority", "unconstitutional"), or the target "has failed to" act; the quote's speaker holds the position.
 * ("The ordinance is a mistake," the governor said. → the governor opposes the ordinance)
 */
function quotedEvaluations(ctx: Context, from: number, to: number, evidence: Span): FoundStance[] {
  const lex = stanceLexicon();
  const open = lex.objectAttitude;
  const { doc, tokens } = ctx;
  const out: FoundStance[] = [];
  for (let c = from + 1; c < to; c++) {
    const w = tokens[c];
    // the copula, with the modal or perfect before it ("should be", "has been", "would be")
    let e = c + 1;
    let subjectEnd = c;
    let failed = false;
    if (w === 'be' || w === 'been') {
      if (!(MODALS.has(tokens[c - 1]) || tokens[c - 1] === 'has' || tokens[c - 1] === 'have' || tokens[c - 1] === 'not')) continue;
      subjectEnd = c - 1;
      while (subjectEnd > from && (MODALS.has(tokens[subjectEnd - 1]) || tokens[subjectEnd - 1] === 'not' || tokens[subjectEnd - 1] === "n't")) subjectEnd--;
    } else if ((w === 'failed' || w === 'fails') && tokens[c + 1] === 'to') {
      failed = true;
      if (tokens[c - 1] === 'has' || tokens[c - 1] === 'have') subjectEnd = c - 1;
    } else if (!open.copulas.has(w)) continue;
    const q = quoteAt(ctx, c, 'content');
    if (q === null) continue;
    let polarity: StancePolarity | null = null;
    if (failed) polarity = 'oppose';
    else {
      while (e < to && (tokens[e] === 'not' || tokens[e] === "n't" || tokens[e] === 'simply' || tokens[e] === 'just' || tokens[e] === 'clearly' || tokens[e] === 'really')) e++;
      polarity = evaluationAt(ctx, e, to);
    }
    if (!polarity) continue;
    // the target: an actor named right before, else a noun phrase
    const named = ctx.mentions.find((m) => m.end === subjectEnd && m.start >= from);
    let object: AttitudeObject | null = null;
    if (named) {
      const words = doc.article.text.slice(doc.tokens[named.start].start, doc.tokens[named.end - 1].end).toLowerCase().split(/\s+/);
      object = { text: named.actor.name, head: words[words.length - 1], modifiers: words.slice(0, -1), end: named.end };
    } else {
      object = objectBefore(doc, tokens, subjectEnd, from);
      // "format adjustments to health guidance during the pandemic were unfair": the first noun phrase of the
      // subject is its head, the prepositional phrases after it modify it
      for (let start = object ? subjectStartOf(tokens, object, subjectEnd, from) : -1; object && start > from + 1 && doc.tokens[start - 1].pos === 'ADP'; ) {
        const earlier = objectBefore(doc, tokens, start - 1, from);
        if (!earlier) break;
        object = { ...earlier, end: subjectEnd };
        start = subjectStartOf(tokens, earlier, start - 1, from);
      }
    }
    if (!object) continue;
    const holder = quoteHolder(ctx, q);
    if (!holder) continue;
    const negated = findPatterns(tokens, subjectEnd, e, lex.negation).length % 2 === 1;
    out.push({
      holder,
      polarity: negated ? (polarity === 'support' ? 'oppose' : 'support') : polarity,
      cue: tokenSpan(doc, c, Math.min(to, e + 1)),
      trigger: tokenSpan(doc, c, c + 1),
      evidence,
      quote: q,
      object,
      method: failed ? 'rule:quoted-evaluation+failed' : 'rule:quoted-evaluation',
      confidence: 0.4,
    });
  }
  return out;
}

/**
 * Whether the words after a cue point back to what the story is about rather than name it: "opposed the move",
 * "welcomed the decision"'s vague "move", "backed that plan", a date ("approved Wednesday"). Such a stance speaks
 * to the story's key proposition.
 */
function refersBack(ctx: Context, at: number, end: number): boolean {
  const open = stanceLexicon().objectAttitude;
  const { doc, tokens } = ctx;
  let v = at;
  if (v < end && open.objectPrepositions.has(tokens[v])) v++;
  if (v + 1 < end && open.anaphoricDeterminers.has(tokens[v]) && doc.tokens[v].pos === 'DET' && doc.tokens[v + 1].pos === 'NOUN') return true;
  while (v < end && open.determiners.has(tokens[v])) v++;
  if (v < end && doc.tokens[v].pos === 'ADJ') v++;
  return v < end && open.vagueHeads.has(tokens[v]) && (v + 1 >= end || doc.tokens[v + 1].pos !== 'NOUN');
}

/** The words a cue points back with ("the move", "that plan"): up to its clause end, at most four words. */
function pointedWords(ctx: Context, at: number, end: number): string {
  const open = stanceLexicon().objectAttitude;
  let v = at;
  if (v < end && open.objectPrepositions.has(ctx.tokens[v])) v++;
  const e = Math.min(end, v + 4);
  let last = v;
  while (last < e && (ctx.doc.tokens[last].pos === 'NOUN' || ctx.doc.tokens[last].pos === 'ADJ' || ctx.doc.tokens[last].pos === 'DET' || open.determiners.has(ctx.tokens[last]))) last++;
  // (words that name something: "that plan", not a bare "it" or "this")
  if (last === v || ctx.doc.tokens[last - 1].pos !== 'NOUN') return '';
  return ctx.doc.article.text.slice(ctx.doc.tokens[v].start, ctx.doc.tokens[last - 1].end);
}

/**
 * The holders named right after an attitude noun ("criticism from former President Jane Roe", "a challenge from
 * Republican-led states and the party"): actor mentions within three words, or a described human group, with
 * those coordinated after them.
 */
function holdersAfter(ctx: Context, at: number, to: number): StanceHolder[] {
  const { doc, tokens } = ctx;
  const out: StanceHolder[] = [];
  let i = at;
  for (let round = 0; round < 3 && i < to; round++) {
    const m = ctx.mentions.find((x) => x.start >= i && x.start <= i + 3 && x.end <= to && canHold(x.actor));
    let end: number;
    if (m && tokens.slice(i, m.start).every((t) => stanceLexicon().objectAttitude.determiners.has(t) || doc.tokens[tokens.indexOf(t, i)]?.pos === 'ADJ' || /^(?:former|then|-)$/.test(t))) {
      out.push(holderOf(m.actor));
      end = m.end;
    } else {
      let e = i;
      while (e < to && stanceLexicon().objectAttitude.determiners.has(tokens[e])) e++;
      const s = e;
      while (e < to && (NP_POS.has(doc.tokens[e].pos) || tokens[e] === '-') && e - s < 5) e++;
      if (e === s) break;
      const span = { article: doc.article.id, start: doc.tokens[s].start, end: doc.tokens[e - 1].end };
      if (sourceKind(span, doc.article.text) !== 'group') break;
      out.push(describedHolder(doc.article.text.slice(span.start, span.end)));
      end = e;
    }
    if (tokens[end] === 'and' || (tokens[end] === ',' && tokens[end + 1] === 'and')) i = tokens[end] === 'and' ? end + 1 : end + 2;
    else break;
  }
  return out;
}

/**
 * The polarity a CAMEO event code gives its source toward what the event is about, by the classes the stance
 * cues are built from (scripts/build-cues.ts): praise, defend, rally support (051-053) and sign (057) support;
 * criticise (111), rally opposition (113), complain (114), sue (115) and reject (12x) oppose. Other classes
 * (consult, investigate, aid, threaten, fight) are acts, not positions.
 */
export function eventPolarity(cameo: string | null): StancePolarity | null {
  if (!cameo) return null;
  if (/^05[1237]/.test(cameo)) return 'support';
  if (/^11[1345]/.test(cameo) || /^12/.test(cameo)) return 'oppose';
  return null;
}

/**
 * Stances from the article's coded events (src/events): an event of a supporting or opposing class whose source
 * is an actor that can hold a position, asserted (not negated or hypothetical). Its target is what the trigger
 * governs, else the event's target actor. Sentences where the predicate reading already found the holder's
 * stance are left to it.
 *
 * @example
 * ```ts
 * eventStances(doc, briefing.events ?? [], briefing.actors, found);
 * ```
 */
export function eventStances(doc: Doc, events: readonly Event[], actors: readonly Actor[], found: readonly FoundStance[]): FoundStance[] {
  const tokens = lowerTokens(doc);
  const byId = actorsById(actors);
  const out: FoundStance[] = [];
  const have = new Set(found.map((f) => `${f.holder.group}|${f.evidence.start}`));
  // a cue the predicate reading has read (with the holder it found) is not read again through its event
  const read = new Set(found.map((f) => `${f.cue.article}|${f.cue.start}`));
  for (const e of events) {
    if (e.evidence.article !== doc.article.id || e.negated || e.hypothetical) continue;
    const polarity = eventPolarity(e.cameo);
    const actor = e.source?.actor ? byId.get(e.source.actor) : undefined;
    if (!polarity || !actor || !canHold(actor)) continue;
    // The coder's verb classes are broad ("establish" as a rejection): the trigger must be a stance cue of the
    // same polarity too; the event adds the holder its source links, which the subject reading may miss.
    const word = doc.article.text.slice(e.trigger.start, e.trigger.end).toLowerCase();
    if (!cueForms().get(word)?.has(polarity) || read.has(`${e.trigger.article}|${e.trigger.start}`)) continue;
    // "must sign the bill by midnight": an obligation, not a position (as in the predicate reading)
    let before = firstTokenAt(doc, e.trigger.start) - 1;
    while (before > 0 && doc.tokens[before].pos === 'ADV') before--;
    if (tokens[before] === 'must') continue;
    const holder = holderOf(actor);
    const key = `${holder.group}|${e.evidence.start}`;
    if (have.has(key)) continue;
    have.add(key);
    const at = firstTokenAt(doc, e.trigger.end);
    const sentence = doc.sentences.find((x) => x.start <= e.trigger.start && e.trigger.start < x.end);
    const to = sentence ? sentence.tokenEnd : doc.tokens.length;
    let object = objectAfter(doc, tokens, at, to);
    if (!object && e.target) {
      const words = e.target.text.toLowerCase().split(/\s+/);
      object = { text: e.target.text, head: words[words.length - 1], modifiers: words.slice(0, -1), end: at };
    }
    if (!object) continue;
    out.push({ holder, polarity, cue: e.trigger, trigger: e.trigger, evidence: e.evidence, quote: null, object, method: `event:${e.type}:${e.cameo}`, confidence: 0.35 });
  }
  return out;
}

let formsCache: Map<string, Set<StancePolarity>> | null = null;

/** One-word verb cue forms and their polarities. */
function cueForms(): Map<string, Set<StancePolarity>> {
  if (formsCache) return formsCache;
  formsCache = new Map();
  for (const c of stanceLexicon().cues) {
    if (c.kind !== 'verb' || c.pattern.length !== 1) continue;
    const set = formsCache.get(c.pattern[0]) ?? new Set<StancePolarity>();
    set.add(c.polarity);
    formsCache.set(c.pattern[0], set);
  }
  return formsCache;
}
