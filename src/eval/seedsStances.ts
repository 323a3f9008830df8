/**
 * Scores stances against the `stances` of a seeds gold file.
 *
 * Matching rule. A gold stance is `{proposition, holder, polarity}` with the proposition in words and the holder
 * an actor id of the gold file. The gold proposition is read with the same lexicon as the articles: its
 * predicate class is the first class whose phrase it contains (an event noun alone, "talks", gives `talks`),
 * and its named parties are the countries and international organisations it names. A found stance matches
 * when its proposition has that predicate class and its agent is one of the named parties, its holder is the
 * gold holder (the holder's group is the gold actor's country or organisation, or the speaker is the gold actor
 * itself: a person speaking for the country counts), and its polarity is the gold polarity. A gold stance also
 * misses when the same holder has a stance of the opposite polarity on the same proposition.
 */
import type { Proposition, Stance, StanceMatrix } from '../model.js';
import { countryOf, lookupActor } from '../kb/index.js';
import { findPatterns, phraseTokens, stanceLexicon } from '../stances/lexicon.js';

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

/** Predicate class and named parties of a proposition in words. */
export function readProposition(text: string): { predicate: string | null; parties: Set<string> } {
  const lex = stanceLexicon();
  const words = phraseTokens(text.replace(/[^\p{L}\p{N}'.\s-]/gu, ' ').replace(/-/g, ' '));
  let predicate: string | null = null;
  let at = Infinity;
  for (const cls of lex.predicates) {
    const m = findPatterns(words, 0, words.length, cls.patterns)[0];
    if (m && m.start < at) [predicate, at] = [cls.name, m.start];
  }
  if (!predicate && words.some((w) => lex.eventNouns.has(w))) predicate = 'talks';
  const parties = new Set<string>();
  const original = text.replace(/-/g, ' ').split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}.']/gu, '').replace(/'s$/, ''));
  for (let n = 3; n >= 1; n--) {
    for (let i = 0; i + n <= original.length; i++) {
      const gram = original.slice(i, i + n).join(' ');
      if (!/^\p{Lu}/u.test(gram)) continue;
      const country = countryOf(gram);
      if (country) parties.add(country.code);
      for (const a of lookupActor(gram)) for (const [code] of a.codes) if (/^(IGO|NGO|IMG)/.test(code)) parties.add(code.slice(0, 6));
    }
  }
  return { predicate, parties };
}

function holderMatches(s: Stance, gold: GoldStanceActor | undefined, goldId: string): boolean {
  if (!gold) return s.holder.group === goldId;
  const codes = new Set<string>();
  for (const name of [gold.name, gold.country ?? '', gold.org ?? '']) {
    if (!name) continue;
    const c = countryOf(name);
    if (c && (gold.type === 'GPE' || name !== gold.name)) codes.add(c.code);
    for (const a of lookupActor(name)) for (const [code] of a.codes) if (/^(IGO|NGO)/.test(code)) codes.add(code.slice(0, 6));
  }
  if (codes.has(s.holder.group)) return true;
  const names = [gold.name, ...(gold.aliases ?? [])].map((n) => n.toLowerCase());
  return s.holder.speaker !== null && names.includes(s.holder.speaker.toLowerCase());
}

function propositionMatches(p: Proposition | undefined, want: { predicate: string | null; parties: Set<string> }): boolean {
  return !!p && p.predicate === want.predicate && p.agent !== null && want.parties.has(p.agent.key);
}

/**
 * Score found stances against gold stances.
 *
 * @example
 * ```ts
 * const r = scoreStances(gold.stances, gold.actors, briefing.stances ?? [], briefing.matrix);
 * r.found; // 7
 * ```
 */
export function scoreStances(
  gold: readonly GoldStance[],
  actors: readonly GoldStanceActor[],
  stances: readonly Stance[],
  matrix: StanceMatrix | undefined,
): { found: number; total: number; misses: string[] } {
  const propositions = new Map((matrix?.propositions ?? []).map((p) => [p.id, p]));
  const byId = new Map(actors.map((a) => [a.id, a]));
  let found = 0;
  const misses: string[] = [];
  for (const g of gold) {
    const want = readProposition(g.proposition);
    const relevant = stances.filter((s) => holderMatches(s, byId.get(g.holder), g.holder) && propositionMatches(propositions.get(s.proposition), want));
    const right = relevant.filter((s) => s.polarity === g.polarity);
    const opposite = relevant.filter((s) => (s.polarity === 'support' && g.polarity === 'oppose') || (s.polarity === 'oppose' && g.polarity === 'support'));
    if (right.length && !opposite.length) found++;
    else {
      const why = !want.predicate ? 'gold proposition has no known predicate class' : !right.length ? `no ${g.polarity} stance found (${relevant.length} on it)` : `${opposite.length} stance(s) of the opposite polarity`;
      misses.push(`${g.holder} ${g.polarity} "${g.proposition}" [${want.predicate} ${[...want.parties].join(',')}]: ${why}`);
    }
  }
  return { found, total: gold.length, misses };
}
