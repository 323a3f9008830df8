/**
 * Claims across outlets. Each sentence is a telling with its entities (countries normalised: "Washington",
 * "U.S.", "American" → USA), content stems, normalised day dates (src/time) and numbers. Tellings of different
 * outlets are aligned by shared dates, shared entities and shared words; an aligned group is an agreement, or a
 * conflict when its dates or counts are incompatible. Separately, a predication affirmed as fact in one telling
 * and denied in another ("was invited" / "has not invited"), on the same argument, is a conflict with both sides
 * cited. A fact-bearing sentence no other outlet tells is unique. Teasers are listed as silent, never as
 * disagreeing; duplicates (wire copies) are left out so agreement is not counted twice.
 */
import type { Claim, ClaimEvidence, Span } from '../model.js';
import { claimsLexicon, entitiesOf, framingLexicon, inside, stem, wordsOf, type Word } from './text.js';
import type { CompareUnit } from './units.js';

/** One sentence of one article, with what aligning needs. */
interface Telling {
  unit: CompareUnit;
  span: Span;
  words: Word[];
  stems: Set<string>;
  entities: Set<string>;
  /** `MM-DD` or `YYYY-MM-DD` day values, not the report day */
  dates: string[];
  numbers: Set<string>;
  quoted: boolean;
}

const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

function tellingsOf(u: CompareUnit): Telling[] {
  const stop = new Set(framingLexicon().stopwords);
  const numberWords = claimsLexicon().numberWords;
  const text = u.doc.article.text;
  return u.doc.sentences.map((s) => {
    const words = wordsOf(text, s.start, s.end);
    const stems = new Set(words.filter((w) => /^\p{Ll}/u.test(w.text) && w.text.length > 2 && !stop.has(w.lower)).map((w) => stem(w.lower)));
    const entities = new Set(entitiesOf(words).map((e) => e.key).filter((k) => !TIME_WORDS.has(k)));
    const dates: string[] = [];
    for (const t of u.times) {
      if (t.span.start < s.start || t.span.end > s.end || t.type !== 'DATE' || !t.value) continue;
      const m = /^(\d{4}|XXXX)-(\d\d)-(\d\d)$/.exec(t.value);
      if (!m || (u.anchor && t.value === u.anchor.slice(0, 10))) continue;
      dates.push(m[1] === 'XXXX' ? `${m[2]}-${m[3]}` : t.value);
    }
    const numbers = new Set<string>();
    for (const w of words) {
      if (/^\d+(?:[.,]\d+)?$/.test(w.text) && !/^(19|20)\d\d$/.test(w.text)) numbers.add(w.text.replace(/,/g, ''));
      else if (numberWords[w.lower] !== undefined && w.lower !== 'one') numbers.add(String(numberWords[w.lower]));
    }
    const quotedChars = words.filter((w) => inside(u.quoted, w.start, w.end)).length;
    return { unit: u, span: { article: u.doc.article.id, start: s.start, end: s.end }, words, stems, entities, dates, numbers, quoted: quotedChars > words.length / 2 };
  });
}

const sameDay = (a: string, b: string): boolean => a === b || a.slice(-5) === b.slice(-5) && (a.length === 5 || b.length === 5);

function intersect<T>(a: Set<T>, b: Set<T>): T[] {
  return [...a].filter((x) => b.has(x));
}

/** How strongly two tellings tell the same fact, and on what basis (0 when they do not). */
function alignment(a: Telling, b: Telling): { score: number; basis: string } {
  const ents = intersect(a.entities, b.entities).length;
  const entityJ = ents / (a.entities.size + b.entities.size - ents || 1);
  const shared = intersect(a.stems, b.stems).length;
  const stemJ = shared / (a.stems.size + b.stems.size - shared || 1);
  const date = a.dates.some((x) => b.dates.some((y) => sameDay(x, y)));
  if (date && ents + shared >= 1) return { score: 1 + entityJ + stemJ, basis: 'date' };
  if (ents >= 3 && entityJ >= 0.65) return { score: entityJ + stemJ, basis: 'similarity' };
  if (ents >= 2 && shared >= 2 && entityJ + stemJ >= 0.45) return { score: entityJ + stemJ, basis: 'similarity' };
  if (shared >= 4 && stemJ >= 0.3) return { score: entityJ + stemJ, basis: 'similarity' };
  return { score: 0, basis: '' };
}

function evidence(t: Telling, value: string | null, polarity: ClaimEvidence['polarity']): ClaimEvidence {
  return { article: t.span.article, outlet: t.unit.outlet.key, span: t.span, quoted: t.quoted, value, polarity };
}

/** A readable normalised statement: shared entities, shared key words and values. */
function statementOf(ts: Telling[], extra: string[]): string {
  const entities = ts.map((t) => t.entities).reduce((acc, e) => new Set(intersect(acc, e)));
  const stems = ts.map((t) => t.stems).reduce((acc, s) => new Set(intersect(acc, s)));
  const words = ts[0].words.filter((w) => stems.has(stem(w.lower))).map((w) => w.lower);
  const parts = [...new Set([...entities, ...words, ...extra])];
  return parts.length ? parts.join(' · ') : ts[0].words.map((w) => w.text).join(' ').slice(0, 120);
}

interface Predication {
  telling: Telling;
  stem: string;
  arguments: Set<string>;
  polarity: 'affirmed' | 'denied';
}

/** Predications of a telling: each content word's stem, its polarity in its clause, and its arguments. */
function predicationsOf(t: Telling): Predication[] {
  const lex = claimsLexicon();
  const negation = new Set(lex.negation);
  const refusal = new Set(lex.refusal);
  const hedges = new Set(lex.hedges);
  const breaks = new Set(lex.clauseBreaks);
  const stop = new Set(framingLexicon().stopwords);
  const out: Predication[] = [];
  // Clauses: runs of words between clause breaks.
  const clauses: Word[][] = [[]];
  for (const w of t.words) {
    if (breaks.has(w.lower)) clauses.push([]);
    else clauses[clauses.length - 1].push(w);
  }
  const between = new Set(['the', 'a', 'an', 'to', 'them', 'it', 'him', 'her', 'any', 'its', 'their', 'of', 'for', 'by', 'joint', '[', ']']);
  for (const clause of clauses) {
    if (clause.some((w) => hedges.has(w.lower))) continue;
    const entities = entitiesOf(clause);
    let deniedAt = -Infinity;
    let passiveSeen = false;
    for (let i = 0; i < clause.length; i++) {
      const w = clause[i];
      if (negation.has(w.lower) || w.lower.endsWith("n't") || refusal.has(w.lower)) {
        deniedAt = i;
        continue;
      }
      if (/^(been|being|was|were)$/.test(w.lower)) passiveSeen = true;
      if (!/^\p{Ll}/u.test(w.text) || w.text.length < 5 || stop.has(w.lower)) continue;
      // A negation or refusal reaches the next few words only ("have not sent any joint invitation").
      const denied = i - deniedAt <= 5;
      // Arguments: an entity right after the word, past only articles, pronouns and prepositions ("invite the
      // US", "invited them [US]"); in a passive clause with no such object, the clause's subject.
      const args = new Set<string>();
      const next = entities.find((e) => e.start >= w.end);
      if (next) {
        const gap = clause.filter((x) => x.start >= w.end && x.end <= next.start);
        if (gap.length <= 3 && gap.every((x) => between.has(x.lower) || !/\p{L}/u.test(x.text))) args.add(next.key);
      }
      if (!args.size && passiveSeen) {
        const subject = entities.find((e) => e.end <= w.start);
        if (subject) args.add(subject.key);
      }
      if (args.size) out.push({ telling: t, stem: stem(w.lower), arguments: args, polarity: denied ? 'denied' : 'affirmed' });
    }
  }
  return out;
}

/**
 * Articles of different stories neither agree nor conflict. Without grouped stories, articles more than this many
 * days apart are taken for different stories.
 */
const STORY_GAP_DAYS = 60;

function sameStory(a: CompareUnit, b: CompareUnit): boolean {
  if (a.story !== null && b.story !== null) return a.story === b.story;
  if (!a.anchor || !b.anchor) return true;
  return Math.abs(Date.parse(a.anchor) - Date.parse(b.anchor)) / 86_400_000 <= STORY_GAP_DAYS;
}

/** What the story as a whole talks about: stems and entities most articles use, which anchor no particular fact. */
interface StoryVocabulary {
  /** stems used by at least this share of the articles (and by three or more) */
  commonStems: Set<string>;
  commonEntities: Set<string>;
  /** per outlet, the stems its articles use: a unique fact is on the story when other outlets use its words */
  stemsByOutlet: Map<string, Set<string>>;
}

const COMMON_SHARE = 0.8;

function storyVocabulary(tellings: Telling[][]): StoryVocabulary {
  const stemDf = new Map<string, number>();
  const entityDf = new Map<string, number>();
  const stemsByOutlet = new Map<string, Set<string>>();
  for (const own of tellings) {
    if (!own.length) continue;
    const stems = new Set(own.flatMap((t) => [...t.stems]));
    const entities = new Set(own.flatMap((t) => [...t.entities]));
    for (const x of stems) stemDf.set(x, (stemDf.get(x) ?? 0) + 1);
    for (const x of entities) entityDf.set(x, (entityDf.get(x) ?? 0) + 1);
    const key = own[0].unit.outlet.key;
    stemsByOutlet.set(key, new Set([...(stemsByOutlet.get(key) ?? []), ...stems]));
  }
  const min = Math.max(3, Math.ceil(tellings.length * COMMON_SHARE));
  const common = (df: Map<string, number>): Set<string> => new Set([...df].filter(([, n]) => n >= min).map(([x]) => x));
  return { commonStems: common(stemDf), commonEntities: common(entityDf), stemsByOutlet };
}

/**
 * Whether an aligned group tells a substantive fact a reader wants listed: a shared value (number), or shared
 * words beyond the story's own vocabulary with a named actor, or the same three or more named actors together.
 * Groups held together only by the story's setting ("Syria", "talks", "peace") are the same topic, not the
 * same fact.
 */
function substantiveAgreement(group: Telling[], vocab: StoryVocabulary): boolean {
  const entities = group.map((g) => g.entities).reduce((acc, e) => new Set(intersect(acc, e)));
  const stems = group.map((g) => g.stems).reduce((acc, x) => new Set(intersect(acc, x)));
  const numbers = group.map((g) => g.numbers).reduce((acc, x) => new Set(intersect(acc, x)));
  if (numbers.size > 0) return true;
  const specificStems = [...stems].filter((x) => !vocab.commonStems.has(x));
  const specificEntities = [...entities].filter((x) => !vocab.commonEntities.has(x));
  // A predicate: a shared word beyond the story's vocabulary that is a verb in one of the sentences
  // ("believes … should be invited"), with a specific actor or enough shared wording around it.
  const predicate = specificStems.some((x) => group.some((g) => verbStems(g).has(x)));
  if (entities.size >= 1 && predicate && (specificEntities.length >= 1 || stems.size >= 4)) return true;
  // The same three or more countries named together, and little else in either sentence: who does something
  // together ("mediated by A, B and C").
  const union = group.map((g) => g.entities).reduce((acc, e) => new Set([...acc, ...e]));
  const countries = [...entities].filter((e) => /^[A-Z]{3}$/.test(e)).length;
  return countries >= 3 && entities.size / union.size >= 0.6 && stems.size <= 1;
}

/** Stems of the words tagged as verbs in a telling's sentence. */
function verbStems(t: Telling): Set<string> {
  const text = t.unit.doc.article.text;
  return new Set(t.unit.doc.tokens.filter((k) => k.start >= t.span.start && k.end <= t.span.end && k.pos === 'VERB').map((k) => stem(text.slice(k.start, k.end).toLowerCase())));
}

/** Whether the sentence has a finite verb (a statement, not a caption, heading or list of names). */
function hasVerb(t: Telling): boolean {
  return t.unit.doc.tokens.some((k) => k.start >= t.span.start && k.end <= t.span.end && (k.pos === 'VERB' || k.pos === 'AUX'));
}

/**
 * How much a fact told by one outlet only is worth listing: its words are the story's (other outlets use them),
 * it names an actor, it gives a value; background (far from the story's words) and chrome score low.
 */
function uniqueWorth(t: Telling, vocab: StoryVocabulary): number {
  const others = [...vocab.stemsByOutlet].filter(([k]) => k !== t.unit.outlet.key).map(([, v]) => v);
  const onStory = t.stems.size ? [...t.stems].filter((x) => others.some((o) => o.has(x))).length / t.stems.size : 0;
  return onStory + (t.numbers.size || t.dates.length ? 0.25 : 0) + (t.entities.size ? 0.15 : 0) - (t.quoted ? 0.1 : 0);
}

/** Unique facts listed per article at most: the few a reader wants, not every sentence nobody else wrote. */
const UNIQUE_PER_ARTICLE = 4;

/**
 * Claims across the outlets of the units: agree, conflict (dates, counts, affirmed vs denied) and unique.
 *
 * @example
 * ```ts
 * const claims = buildClaims(buildUnits(docs));
 * claims.filter((c) => c.kind === 'conflict').map((c) => c.conflicting);
 * ```
 */
export function buildClaims(units: CompareUnit[]): Claim[] {
  const live = units.filter((u) => !u.duplicateOf);
  const tellings = live.map(tellingsOf);
  const silent = live.filter((u) => u.teaser).map((u) => u.doc.article.id);
  const vocab = storyVocabulary(tellings);
  const claims: Claim[] = [];
  const aligned = new Set<Telling>();
  const seenGroups = new Set<string>();

  // Aligned groups: each telling with its best match in every other outlet's article.
  tellings.forEach((own, i) => {
    for (const t of own) {
      const group: Telling[] = [t];
      let basis = 'similarity';
      const candidates: { t: Telling; score: number; basis: string }[] = [];
      tellings.forEach((other, j) => {
        if (j === i || live[j].outlet.key === live[i].outlet.key || !sameStory(live[i], live[j])) return;
        let best: { t: Telling; score: number; basis: string } | null = null;
        for (const o of other) {
          const a = alignment(t, o);
          if (a.score > 0 && (!best || a.score > best.score)) best = { t: o, ...a };
        }
        if (best) candidates.push(best);
      });
      // Greedy clique: a member must tell the same fact as every member already in, not only the seed.
      candidates.sort((a, b) => b.score - a.score);
      for (const c of candidates) {
        if (!group.every((g) => alignment(g, c.t).score > 0)) continue;
        group.push(c.t);
        if (c.basis === 'date') basis = 'date';
      }
      if (group.length < 2) continue;
      const key = group.map((g) => `${g.span.article}:${g.span.start}`).sort().join('|');
      if (seenGroups.has(key)) continue;
      seenGroups.add(key);
      for (const g of group) aligned.add(g);
      const dates = [...new Set(group.flatMap((g) => g.dates))];
      // Incompatible days for one aligned fact: a conflict, each side cited.
      const distinctDays = dates.filter((d, k) => !dates.slice(0, k).some((e) => sameDay(d, e)));
      const conflict = basis === 'similarity' && distinctDays.length > 1 && group.every((g) => g.dates.length === 1);
      // Told by others, so not unique; but listed as an agreement only when it is a substantive fact.
      if (!conflict && basis === 'similarity' && !substantiveAgreement(group, vocab)) continue;
      const sharedDate = basis === 'date' ? dates.find((d) => group.every((g) => g.dates.some((x) => sameDay(x, d)))) ?? dates[0] : null;
      const value = (g: Telling): string | null => (conflict || sharedDate ? g.dates.find((d) => !sharedDate || sameDay(d, sharedDate)) ?? null : null);
      claims.push({
        id: '',
        kind: conflict ? 'conflict' : 'agree',
        statement: statementOf(group, sharedDate ? [sharedDate.length === 5 ? `--${sharedDate}` : sharedDate] : []),
        basis,
        entities: [...new Set(group.flatMap((g) => [...g.entities]))],
        conflicting: conflict ? distinctDays.map((d) => ({ value: d, articles: group.filter((g) => g.dates.some((x) => sameDay(x, d))).map((g) => g.span.article) })) : [],
        outlets: [...new Set(group.map((g) => g.unit.outlet.key))],
        articles: [...new Set(group.map((g) => g.span.article))],
        evidence: group.map((g) => evidence(g, value(g), null)),
        silent: silent.filter((s) => !group.some((g) => g.span.article === s)),
        confidence: basis === 'date' ? 0.7 : 0.5,
      });
    }
  });

  // Affirmed vs denied predications on the same argument, across at least two outlets.
  const predications = tellings.flat().flatMap(predicationsOf);
  const byKey = new Map<string, Predication[]>();
  for (const p of predications) {
    for (const arg of p.arguments) {
      const key = `${p.stem}|${arg}`;
      const list = byKey.get(key) ?? [];
      list.push(p);
      byKey.set(key, list);
    }
  }
  for (const [key, list] of byKey) {
    const affirmed = list.filter((p) => p.polarity === 'affirmed');
    const denied = list.filter((p) => p.polarity === 'denied');
    const outlets = new Set(list.map((p) => p.telling.unit.outlet.key));
    if (!affirmed.length || !denied.length || outlets.size < 2) continue;
    const sides = [...affirmed, ...denied].filter((p, k, all) => all.findIndex((q) => q.telling === p.telling) === k);
    const [predicate, argument] = key.split('|');
    claims.push({
      id: '',
      kind: 'conflict',
      statement: `${predicate}* · ${argument}: affirmed by ${new Set(affirmed.map((p) => p.telling.unit.outlet.key)).size}, denied by ${new Set(denied.map((p) => p.telling.unit.outlet.key)).size} outlet(s)`,
      basis: 'polarity',
      entities: [argument],
      conflicting: [
        { value: 'affirmed', articles: [...new Set(affirmed.map((p) => p.telling.span.article))] },
        { value: 'denied', articles: [...new Set(denied.map((p) => p.telling.span.article))] },
      ],
      outlets: [...outlets],
      articles: [...new Set(list.map((p) => p.telling.span.article))],
      evidence: sides.map((p) => evidence(p.telling, null, p.polarity)),
      silent,
      confidence: 0.5,
    });
    for (const p of list) aligned.add(p.telling);
  }

  // Unique: a fact-bearing sentence (names or numbers, a verb-length) no other outlet tells.
  if (live.length > 1) {
    for (const own of tellings) {
      const candidates = own
        .filter((t) => !aligned.has(t) && t.words.length >= 6 && (t.entities.size > 0 || t.numbers.size > 0 || t.dates.length > 0) && hasVerb(t))
        .map((t) => ({ t, worth: uniqueWorth(t, vocab) }))
        .sort((a, b) => b.worth - a.worth)
        .slice(0, UNIQUE_PER_ARTICLE);
      for (const { t } of candidates.sort((a, b) => a.t.span.start - b.t.span.start)) {
        claims.push({
          id: '',
          kind: 'unique',
          statement: t.words.map((w) => w.text).join(' '),
          basis: 'single',
          entities: [...t.entities],
          conflicting: [],
          outlets: [t.unit.outlet.key],
          articles: [t.span.article],
          evidence: [evidence(t, null, null)],
          silent: silent.filter((s) => s !== t.span.article),
          confidence: 0.4,
        });
      }
    }
  }
  // A group inside a larger group tells nothing more.
  const keyOf = (c: Claim): Set<string> => new Set(c.evidence.map((e) => `${e.article}:${e.span.start}`));
  const keys = claims.map(keyOf);
  const kept = claims.filter((c, i) => c.basis === 'polarity' || c.kind === 'unique' || !claims.some((d, j) => j !== i && d.basis !== 'polarity' && d.kind !== 'unique' && keys[j].size > keys[i].size && [...keys[i]].every((k) => keys[j].has(k))));
  claims.length = 0;
  for (const c of kept) claims.push(c); // not push(...kept): one argument per claim can overflow the stack
  const order: Record<Claim['kind'], number> = { conflict: 0, agree: 1, unique: 2 };
  claims.sort((a, b) => order[a.kind] - order[b.kind] || b.outlets.length - a.outlets.length);
  claims.forEach((c, k) => (c.id = `c${k + 1}`));
  return claims;
}
