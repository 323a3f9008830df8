/**
 * Linking step: lone surnames of namesakes. A surname that two people of the corpus share in full ("Doe" of
 * "Jane Doe" and "John Doe") is left by the short forms to an actor of its own, which then duplicates one of
 * them. Here each article's lone mentions of that surname go to one namesake when the evidence decides: the
 * honorific or gendered noun before them ("Mr.", "Mrs.", "first lady") rules out a namesake of the other
 * sex; among the namesakes named in full in the same article, the one whose title fits ("President Doe"
 * where one of them was "President John Doe") or who is named clearly most there; with none named in the
 * article, the one the title fits or the clearly most mentioned of the corpus, among those whose given names
 * are names and not common words. A lone surname the evidence
 * does not decide between namesakes is left unlinked rather than kept as a surname-only actor beside them.
 */
import { nameFilters, rolesLexicon } from '../lexicon.js';
import { type Draft, type Placed, addAlias, type LinkContext } from '../linker.js';

/** The most-mentioned of some namesakes when it has at least twice the mentions of the next, else null. */
function clearlyMost(pool: Draft[], count: (d: Draft) => number): Draft | null {
  const sorted = [...pool].sort((a, b) => count(b) - count(a));
  if (!sorted.length || count(sorted[0]) === 0) return null;
  return sorted.length === 1 || count(sorted[0]) >= 2 * count(sorted[1]) ? sorted[0] : null;
}

/** A title and its abbreviation are one ("Sen." and "Senator", "Gov." and "Governor"). */
const sameTitle = (a: string, b: string): boolean => {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short === long || (short.length >= 3 && long.startsWith(short));
};

export function namesakesStep({ L, docs, placedByDoc }: LinkContext): void {
  const { maleTitles, femaleTitles, roleNouns } = rolesLexicon();
  const { titles } = nameFilters();
  /** the bare lower-case word right before a mention ("Mr." → "mr", "first lady" → "lady") */
  const wordBefore = (p: Placed): string => {
    const text = docs[p.doc].article.text;
    return /(\S+)[ \u00a0]+$/u.exec(text.slice(Math.max(0, p.start - 30), p.start))?.[1].toLowerCase().replace(/[^\p{L}-]/gu, '') ?? '';
  };
  const sexOfWord = (w: string): 'm' | 'f' | null => (maleTitles.has(w) ? 'm' : femaleTitles.has(w) ? 'f' : null);
  const roleOfWord = (w: string): string | null => (!sexOfWord(w) && (roleNouns.has(w) || titles.has(w)) ? w : null);
  const fullPerson = (d: Draft): boolean => d.type === 'PERSON' && d.given.length > 0 && L.drafts.includes(d);
  const loneSurname = (d: Draft): boolean => d.type === 'PERSON' && d.key.startsWith('person:') && d.given.length === 0 && [...d.names.keys()].every((n) => !/\s/.test(n.trim()));

  // a word the corpus writes in lower case more often than capitalised inside a sentence ("defeat",
  // "century") is a common word, not a given name; counted once, when first asked
  let lowerCounts: Map<string, [number, number]> | null = null;
  const commonWord = (w: string): boolean => {
    if (!lowerCounts) {
      lowerCounts = new Map();
      for (const doc of docs) {
        const starts = new Set(doc.sentences.map((x) => x.tokenStart));
        doc.tokens.forEach((t, i) => {
          const form = doc.article.text.slice(t.start, t.end);
          if (!/^\p{L}+$/u.test(form) || starts.has(i)) return;
          const key = form.toLowerCase();
          const c = lowerCounts!.get(key) ?? [0, 0];
          if (form === key) c[0]++;
          else c[1]++;
          lowerCounts!.set(key, c);
        });
      }
    }
    const [lower, upper] = lowerCounts.get(w.toLowerCase()) ?? [0, 0];
    return lower > upper;
  };
  // what the mentions linked so far say of each person: the sex and the titles of the words before them
  const placedOf = new Map<Draft, Placed[]>();
  for (const placed of placedByDoc) for (const p of placed) if (p.actor) placedOf.set(p.actor, [...(placedOf.get(p.actor) ?? []), p]);
  const sexCache = new Map<Draft, 'm' | 'f' | null>();
  const sexOf = (d: Draft): 'm' | 'f' | null => {
    if (!sexCache.has(d)) {
      const sexes = new Set((placedOf.get(d) ?? []).map((p) => sexOfWord(wordBefore(p))).filter((s) => s !== null));
      sexCache.set(d, sexes.size === 1 ? [...sexes][0] : null);
    }
    return sexCache.get(d) ?? null;
  };
  const rolesOf = (d: Draft): string[] => (placedOf.get(d) ?? []).map((p) => roleOfWord(wordBefore(p))).filter((r): r is string => r !== null);

  for (const lone of L.drafts.filter(loneSurname)) {
    const namesakes = [...new Set([...lone.surnames].flatMap((s) => L.personsNamed(s)))].filter((n) => n !== lone && fullPerson(n));
    if (!namesakes.length) continue;
    for (const placed of placedByDoc) {
      const all = placed.filter((p) => p.actor === lone);
      if (!all.length) continue;
      const sexes = new Set(all.map((p) => sexOfWord(wordBefore(p))).filter((s) => s !== null));
      // an article that says both "Mr. Doe" and "Mrs. Doe" means two people: each honorific picks its own
      // namesake, and a bare "Doe" there could be either, so it is left unlinked
      if (sexes.size > 1) for (const p of all) if (!sexOfWord(wordBefore(p))) unlinkFrom(lone, p);
      const groups = sexes.size > 1 ? [...sexes].map((x) => all.filter((p) => sexOfWord(wordBefore(p)) === x)) : [all];
      for (const mine of groups) {
        const sex = sexes.size > 1 ? sexOfWord(wordBefore(mine[0])) : [...sexes][0];
        const roles = mine.map((p) => roleOfWord(wordBefore(p))).filter((r): r is string => r !== null);
        const fits = namesakes.filter((n) => !sex || !sexOf(n) || sexOf(n) === sex);
        const byRole = (pool: Draft[]): Draft | null => {
          if (pool.length === 1) return pool[0];
          const titled = pool.filter((n) => roles.some((r) => rolesOf(n).some((t) => sameTitle(r, t))));
          return roles.length && titled.length === 1 ? titled[0] : null;
        };
        const inArticle = fits.filter((n) => placed.some((q) => q.actor === n && q.kind === 'name' && /\s/.test(q.text.trim())));
        const countIn = (n: Draft): number => placed.filter((q) => q.actor === n).length;
        // with none named in the article, only a namesake whose given names are names decides (name-shaped
        // words, no punctuation, no common words): the tagger's "Defeat Crooked Doe" of a slogan, "Century
        // Doe" of a company or "Jack, Doe" of a list are no one a lone "Doe" could mean
        const named = (): Draft[] => fits.filter((n) => n.given.every((g) => /^(?:\p{Lu}[\p{Ll}'’-]+|(?:\p{Lu}\.)+)$/u.test(g) && !commonWord(g)));
        const target = inArticle.length ? (byRole(inArticle) ?? clearlyMost(inArticle, countIn)) : (byRole(named()) ?? clearlyMost(named(), (n) => n.aliases.length));
        for (const p of mine) {
          unlinkFrom(lone, p);
          if (target) addAlias(target, p, 'surname', 'rule:surname-namesake', Math.min(p.confidence, 0.85));
        }
      }
    }
    if (!lone.aliases.length) {
      L.drafts = L.drafts.filter((d) => d !== lone);
      L.persons = L.persons.filter((d) => d !== lone);
      for (const s of lone.surnames) L.bySurname.get(s)?.delete(lone);
      L.byKey.delete(lone.key);
    }
  }
}

/** Takes a placed mention back from the actor it was linked to: its alias, name count and type vote. */
function unlinkFrom(d: Draft, p: Placed): void {
  const i = d.aliases.findIndex((a) => a.span.article === p.article && a.span.start === p.start && a.span.end === p.end);
  if (i >= 0) d.aliases.splice(i, 1);
  const n = d.names.get(p.text);
  if (n !== undefined) {
    if (n <= 1) d.names.delete(p.text);
    else d.names.set(p.text, n - 1);
  }
  const v = d.typeVotes.get(p.type);
  if (v !== undefined) d.typeVotes.set(p.type, Math.max(0, v - 1));
  p.actor = null;
}
