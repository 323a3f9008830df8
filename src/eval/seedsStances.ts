/**
 * Scores stances against the `stances` of a seeds gold file (`parallax eval seeds`).
 *
 * Matching rule. A gold stance is `{proposition, holder, polarity}` with the proposition in words and the holder
 * an actor id of the gold file. A found stance matches when its holder is the gold actor (the found holder's
 * speaker or actor name is one of the gold actor's names, or the found holder speaks for the gold actor's
 * country: a minister speaking for a country counts), its polarity is the gold polarity, and its proposition
 * shares a content word with the gold proposition (open-domain propositions are phrases, not classes). A gold
 * stance also misses when the same holder has a stance of the opposite polarity on a proposition it matches.
 */
import type { Actor, Proposition, Stance, StanceMatrix } from '../model.js';
import { countryOf } from '../kb/index.js';

export interface GoldStance {
  proposition: string;
  holder: string;
  polarity: string;
  articles?: string[];
}

export interface GoldStanceActor {
  id: string;
  name: string;
  type?: string;
  country?: string | null;
  org?: string | null;
  aliases?: string[];
}

/** Words too common to tie a proposition to another ("the", "should", "take"). */
const FUNCTION_WORDS = new Set(
  'the a an of in on at to for with by and or but is are was were be been being should would will can could may might must not no its their his her our this that these those from about into over between part take takes taking'.split(' '),
);

/** The content words of a phrase, lower-case, crude singular. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => w.length > 2 && !FUNCTION_WORDS.has(w)).map((w) => (w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w)));
}

function holderMatches(s: Stance, gold: GoldStanceActor | undefined, goldId: string, actors: ReadonlyMap<string, Actor>): boolean {
  if (!gold) return s.holder.group === goldId;
  const names = new Set([gold.name, ...(gold.aliases ?? [])].map((n) => n.toLowerCase()));
  const found = [s.holder.speaker, s.holder.groupName, s.holder.actor ? actors.get(s.holder.actor)?.name : null];
  if (found.some((n) => n && names.has(n.toLowerCase()))) return true;
  // A person or body speaking for a country holds the country's position.
  const country = countryOf(gold.type === 'GPE' ? gold.name : '')?.code;
  return !!country && s.holder.country === country;
}

/**
 * Score found stances against gold stances.
 *
 * @example
 * ```ts
 * const r = scoreStances(gold.stances, gold.actors, briefing.stances ?? [], briefing.matrix, briefing.actors);
 * r.found; // how many gold stances were found
 * ```
 */
export function scoreStances(
  gold: readonly GoldStance[],
  goldActors: readonly GoldStanceActor[],
  stances: readonly Stance[],
  matrix: StanceMatrix | undefined,
  actors: readonly Actor[] = [],
): { found: number; total: number; misses: string[] } {
  const propositions = new Map<string, Proposition>((matrix?.propositions ?? []).map((p) => [p.id, p]));
  const byId = new Map(goldActors.map((a) => [a.id, a]));
  const actorById = new Map(actors.map((a) => [a.id, a]));
  let found = 0;
  const misses: string[] = [];
  for (const g of gold) {
    const want = contentWords(g.proposition);
    const about = (s: Stance): boolean => [...contentWords(propositions.get(s.proposition)?.text ?? '')].some((w) => want.has(w));
    const relevant = stances.filter((s) => holderMatches(s, byId.get(g.holder), g.holder, actorById) && about(s));
    const right = relevant.filter((s) => s.polarity === g.polarity);
    const opposite = relevant.filter((s) => (s.polarity === 'support' && g.polarity === 'oppose') || (s.polarity === 'oppose' && g.polarity === 'support'));
    if (right.length && !opposite.length) found++;
    else misses.push(`${g.holder} ${g.polarity} "${g.proposition}": ${!right.length ? `no ${g.polarity} stance found (${relevant.length} on it)` : `${opposite.length} stance(s) of the opposite polarity`}`);
  }
  return { found, total: gold.length, misses };
}
