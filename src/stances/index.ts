/**
 * Stances and the stance matrix: who stands where on the questions a story turns on. `findStances` reads one
 * article; `analyseStances` merges the propositions of all articles (same predicate class, agent and partner
 * is one proposition however it was worded) and builds the holder × proposition matrix.
 */
import type { Actor, BriefingArticle, Doc, Proposition, Stance, StanceCell, StanceMatrix, StancePolarity } from '../model.js';
import { findStances, type FoundStance } from './extract.js';
import { stanceLexicon } from './lexicon.js';

import { sameObject } from './attitude.js';
import { ATTITUDE } from './extract.js';

export { findStances, holderOf, partyOf, ATTITUDE, type FoundStance } from './extract.js';
export { objectAfter, sameObject, type AttitudeObject } from './attitude.js';
export { stanceLexicon } from './lexicon.js';

/**
 * The proposition id of a found stance: predicate class, agent and partner keys.
 *
 * @example
 * ```ts
 * propositionId({ predicate: 'participate', agent: { key: 'USA', name: 'United States' }, partner: null }); // 'participate|USA|'
 * ```
 */
export function propositionId(s: Pick<FoundStance, 'predicate' | 'agent' | 'partner'>): string {
  return `${s.predicate}|${s.agent?.key ?? ''}|${s.partner?.key ?? ''}`;
}

/**
 * Proposition ids of open attitudes: objects with the same head noun and a content word in common are one
 * proposition, whichever article worded them; the id is `attitude|<head>|<n>` for the n-th such group.
 */
function attitudeIds(found: readonly FoundStance[]): Map<FoundStance, string> {
  const groups: { head: string; members: FoundStance[] }[] = [];
  const ids = new Map<FoundStance, string>();
  for (const s of found) {
    if (s.predicate !== ATTITUDE || !s.object) continue;
    const object = s.object;
    let group = groups.find((g) => g.head === object.head && g.members.some((m) => m.object && sameObject(m.object, object)));
    if (!group) {
      group = { head: object.head, members: [] };
      groups.push(group);
    }
    group.members.push(s);
  }
  const perHead = new Map<string, number>();
  for (const g of groups) {
    const n = perHead.get(g.head) ?? 0;
    perHead.set(g.head, n + 1);
    for (const m of g.members) ids.set(m, `${ATTITUDE}|${g.head}|${n}`);
  }
  return ids;
}

/** An open attitude's proposition words: the object phrase most of its stances used, in the lexicon's template. */
function attitudeText(list: readonly FoundStance[]): string {
  const counts = new Map<string, number>();
  for (const s of list) if (s.object) counts.set(s.object.text, (counts.get(s.object.text) ?? 0) + 1);
  // The most frequent wording; on a tie the fuller one, which says more.
  const object = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? '';
  return stanceLexicon().objectAttitude.template.replace('{object}', object);
}

/** The proposition's words, from its class template; the event phrase most stances used fills `{event}`. */
function propositionText(first: FoundStance, events: string[]): string {
  const cls = stanceLexicon().predicates.find((p) => p.name === first.predicate);
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e, (counts.get(e) ?? 0) + 1);
  const event = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'the talks';
  return (cls?.template ?? `{agent} ${first.predicate}`)
    .replace('{agent}', first.agent?.name ?? 'someone')
    .replace('{partner}', first.partner?.name ?? 'others')
    .replace('{event}', event)
    .replace('{object}', 'its stated aims');
}

/** One cell's polarity: unclear statements give way to clear ones; support and oppose together are mixed. */
function cellPolarity(polarities: StancePolarity[]): StanceCell['polarity'] {
  const clear = new Set(polarities.filter((p) => p !== 'unclear'));
  if (clear.size === 0) return 'unclear';
  return clear.size > 1 ? 'mixed' : [...clear][0];
}

/**
 * Stances of all articles, with merged propositions, and the matrix of holder groups × propositions.
 * `articles` carries each article's quotes (speakers linked to `actors`).
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
): { stances: Stance[]; matrix: StanceMatrix } {
  const quotesOf = new Map(articles.map((a) => [a.id, a.quotes ?? []]));
  const found: FoundStance[] = [];
  for (const doc of docs) {
    if (!quotesOf.has(doc.article.id)) continue; // attribution did not run (not English): no stances either
    for (const s of findStances(doc, quotesOf.get(doc.article.id) ?? [], actors)) found.push(s); // not push(...): per-article counts grow with its length
  }
  // One statement states a position once, however many of its words name the predicate.
  const seen = new Set<string>();
  const unique = found.filter((s) => {
    const key = `${s.holder.group}|${propositionId(s)}|${s.object?.text ?? ""}|${s.polarity}|${s.evidence.article}|${s.evidence.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const attitudeId = attitudeIds(unique);
  const idOf = (s: FoundStance): string => attitudeId.get(s) ?? propositionId(s);
  const byProposition = new Map<string, FoundStance[]>();
  for (const s of unique) {
    const id = idOf(s);
    byProposition.set(id, [...(byProposition.get(id) ?? []), s]);
  }
  const propositions: Proposition[] = [...byProposition].map(([id, list]) => ({
    id,
    predicate: list[0].predicate,
    agent: list[0].agent,
    partner: list[0].partner,
    text: list[0].predicate === ATTITUDE ? attitudeText(list) : propositionText(list[0], list.map((s) => s.event).filter((e): e is string => e !== null)),
  }));
  const stances: Stance[] = unique.map((s) => ({
    holder: s.holder,
    proposition: idOf(s),
    polarity: s.polarity,
    cue: s.cue,
    trigger: s.trigger,
    evidence: s.evidence,
    quote: s.quote,
    method: s.method,
    confidence: s.confidence,
  }));
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
  // Propositions most statements speak to come first: those are the story's questions.
  const weight = new Map<string, number>();
  for (const st of stances) weight.set(st.proposition, (weight.get(st.proposition) ?? 0) + 1);
  const matrix: StanceMatrix = {
    holders: [...holders].map(([group, name]) => ({ group, name })),
    propositions: propositions.sort((a, b) => (weight.get(b.id) ?? 0) - (weight.get(a.id) ?? 0)),
    cells: [...cells.values()].map(({ polarities, ...cell }) => ({ ...cell, polarity: cellPolarity(polarities) })),
  };
  return { stances, matrix };
}
