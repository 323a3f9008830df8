/**
 * Stances and the stance matrix: who stands where on the questions a story turns on. `findStances` reads one
 * article; `analyseStances` merges the targets of all articles into propositions (the same head noun, or two
 * measure nouns such as "the bill" and "legislation", with a content word in common; a stance with no target of
 * its own, "voted no", speaks to the story's key proposition) and builds the holder × proposition matrix.
 */
import type { Actor, BriefingArticle, Doc, Event, Proposition, Stance, StanceCell, StanceMatrix, StancePolarity } from '../model.js';
import { eventStances, findStances, type FoundStance } from './extract.js';
import { stanceLexicon } from './lexicon.js';
import type { AttitudeObject } from './attitude.js';

export { eventPolarity, eventStances, findStances, holderOf, type FoundStance } from './extract.js';
export { objectAfter, sameObject, type AttitudeObject } from './attitude.js';
export { stanceLexicon } from './lexicon.js';

/** A proposition's head class: measure nouns ("bill", "legislation", "resolution") are one kind of thing. */
function headClass(head: string): string {
  return stanceLexicon().measureNouns.has(head) ? 'measure' : head;
}

/**
 * Whether two targets are one proposition: the same head class, and a content word in common unless one of them
 * is its head alone ("the bill" is any bill of the story).
 *
 * @example
 * ```ts
 * sameTarget({ head: 'bill', modifiers: ['zoning'] }, { head: 'legislation', modifiers: [] }); // true
 * ```
 */
export function sameTarget(a: Pick<AttitudeObject, 'head' | 'modifiers'>, b: Pick<AttitudeObject, 'head' | 'modifiers'>): boolean {
  if (headClass(a.head) !== headClass(b.head)) return false;
  if (!a.modifiers.length || !b.modifiers.length) return true;
  return a.modifiers.some((w) => b.modifiers.includes(w));
}

/** At most this many words make a matrix column readable. */
const MAX_PROPOSITION_WORDS = 8;

/** The proposition's words: the most frequent target wording, the more specific on a tie, cut to a short phrase. */
function propositionText(objects: readonly AttitudeObject[]): string {
  const counts = new Map<string, number>();
  for (const o of objects) counts.set(o.text, (counts.get(o.text) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0].split(' ').length - a[0].split(' ').length)[0]?.[0] ?? '';
  const words = best.split(/\s+/);
  return words.length > MAX_PROPOSITION_WORDS ? `${words.slice(0, MAX_PROPOSITION_WORDS).join(' ')} …` : best;
}

/** One cell's polarity: unclear statements give way to clear ones; support and oppose together are mixed. */
function cellPolarity(polarities: StancePolarity[]): StanceCell['polarity'] {
  const clear = new Set(polarities.filter((p) => p !== 'unclear'));
  if (clear.size === 0) return 'unclear';
  return clear.size > 1 ? 'mixed' : [...clear][0];
}

/**
 * Stances of all articles, with merged propositions, and the matrix of holders × propositions.
 * `articles` carries each article's quotes (speakers linked to `actors`); `events` (src/events), when given, add
 * the positions their supporting and opposing classes state.
 *
 * @example
 * ```ts
 * const { stances, matrix } = analyseStances(docs, briefing.articles, briefing.actors);
 * matrix.cells.filter((c) => c.polarity === 'mixed');
 * ```
 */
export function analyseStances(
  docs: readonly Doc[],
  articles: readonly Pick<BriefingArticle, 'id' | 'quotes'>[],
  actors: readonly Actor[],
  events: readonly Event[] = [],
): { stances: Stance[]; matrix: StanceMatrix } {
  const quotesOf = new Map(articles.map((a) => [a.id, a.quotes ?? []]));
  const found: FoundStance[] = [];
  // each article's own events (in their order), not every event of the story for every article
  const eventsOf = new Map<string, Event[]>();
  for (const e of events) {
    const list = eventsOf.get(e.evidence.article);
    if (list) list.push(e);
    else eventsOf.set(e.evidence.article, [e]);
  }
  for (const doc of docs) {
    if (!quotesOf.has(doc.article.id)) continue; // attribution did not run (not English): no stances either
    const own = findStances(doc, quotesOf.get(doc.article.id) ?? [], actors);
    // loops, not push(...): one argument per stance overflows the stack on a huge article
    for (const s of own) found.push(s);
    for (const s of eventStances(doc, eventsOf.get(doc.article.id) ?? [], actors, own)) found.push(s);
  }
  // One statement states a position once: one holder, polarity and cue per sentence.
  // (a stance with no target of its own gives way to one of the same holder and polarity in that sentence that has one)
  const seen = new Set<string>();
  const withTarget = new Set(found.filter((s) => s.object).map((s) => `${s.holder.group}|${s.polarity}|${s.evidence.article}|${s.evidence.start}`));
  const unique = found.filter((s) => {
    const key = `${s.holder.group}|${s.polarity}|${s.object?.head ?? ''}|${s.evidence.article}|${s.evidence.start}`;
    if (seen.has(key) || (!s.object && withTarget.has(`${s.holder.group}|${s.polarity}|${s.evidence.article}|${s.evidence.start}`))) return false;
    seen.add(key);
    return true;
  });
  // Targets grouped across articles.
  const groups: { objects: AttitudeObject[]; members: FoundStance[] }[] = [];
  const implicit: FoundStance[] = [];
  for (const s of unique) {
    const object = s.object;
    if (!object) {
      implicit.push(s);
      continue;
    }
    let group = groups.find((g) => g.objects.some((o) => sameTarget(o, object)));
    if (!group) {
      group = { objects: [], members: [] };
      groups.push(group);
    }
    group.objects.push(object);
    group.members.push(s);
  }
  // "voted no", "against it": the story's key proposition, the target most stances speak to, most outlets first.
  const spread = (g: (typeof groups)[number]): number => new Set(g.members.map((m) => m.evidence.article)).size;
  groups.sort((a, b) => spread(b) - spread(a) || b.members.length - a.members.length);
  if (groups.length) groups[0].members.push(...implicit);
  // With no target named anywhere in the story ("Prosecutors opposed the move", "over the objection of
  // prosecutors"), the stances that leave it implicit still state positions: they speak to one proposition, the
  // matter the story turns on, named by the words they point back with ("the move") when they have them.
  else if (implicit.length) {
    const words = implicit.map((s) => s.refersTo).filter((t): t is string => !!t);
    const text = words[0] ?? 'the matter at issue';
    const w = text.toLowerCase().split(/\s+/);
    groups.push({ objects: [{ text, head: w[w.length - 1], modifiers: w.slice(0, -1), end: 0 }], members: implicit });
  }
  const stances: Stance[] = [];
  const propositions: Proposition[] = [];
  groups.forEach((g, n) => {
    const id = `target|${headClass(g.objects[0].head)}|${n}`;
    propositions.push({ id, predicate: 'target', agent: null, partner: null, text: propositionText(g.objects) });
    for (const s of g.members) {
      stances.push({
        holder: s.holder,
        proposition: id,
        polarity: s.polarity,
        cue: s.cue,
        trigger: s.trigger,
        evidence: s.evidence,
        quote: s.quote,
        method: s.object ? s.method : `${s.method}+key-proposition`,
        confidence: s.object ? s.confidence : s.confidence * 0.8,
      });
    }
  });
  const holders = new Map<string, string>();
  const cells = new Map<string, StanceCell & { polarities: StancePolarity[] }>();
  stances.forEach((s, i) => {
    if (!holders.has(s.holder.group)) holders.set(s.holder.group, s.holder.groupName);
    const key = `${s.holder.group}\u0000${s.proposition}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { holder: s.holder.group, proposition: s.proposition, polarity: 'unclear', speakers: [], stances: [], polarities: [] };
      cells.set(key, cell);
    }
    cell.stances.push(i);
    cell.polarities.push(s.polarity);
    const speaker = s.holder.speaker ?? s.holder.groupName;
    if (!cell.speakers.includes(speaker)) cell.speakers.push(speaker);
  });
  const matrix: StanceMatrix = {
    holders: [...holders].map(([group, name]) => ({ group, name })),
    propositions,
    cells: [...cells.values()].map(({ polarities, ...cell }) => ({ ...cell, polarity: cellPolarity(polarities) })),
  };
  return { stances, matrix };
}
