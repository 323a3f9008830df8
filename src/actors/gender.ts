/**
 * The gender a story itself gives a person, so that "she" and "he" point back to someone they can mean: an
 * honorific before one of the person's names ("Ms. Roe", "Mr. Doe"), a gendered role or kin noun the text says
 * of them ("spokeswoman", "congressman", "his wife"), and — less surely — the pronouns already linked to them.
 * Nothing is read from a given name: without such evidence a person's gender is unknown, and nothing is ruled
 * out. Lexicon: data/gender.json.
 */
import type { ActorAlias } from '../model.js';
import { readDataFile } from '../paths.js';

export type Gender = 'female' | 'male';

interface GenderLexicon {
  honorifics: Map<string, Gender>;
  roleNouns: Map<string, Gender>;
  pronouns: Map<string, Gender>;
}

let cache: GenderLexicon | null = null;

function lexicon(): GenderLexicon {
  if (cache) return cache;
  const file = readDataFile('gender.json', 'the gender cues');
  const out: GenderLexicon = { honorifics: new Map(), roleNouns: new Map(), pronouns: new Map() };
  for (const g of ['female', 'male'] as const) {
    const entry = file.object(g) as Record<string, unknown>;
    for (const key of ['honorifics', 'roleNouns', 'pronouns'] as const) {
      const list = entry[key];
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) throw new Error(`${file.path}: "${g}.${key}" must be a list of strings`);
      for (const w of list as string[]) out[key].set(w.toLowerCase(), g);
    }
  }
  cache = out;
  return cache;
}

/**
 * The gender a pronoun is of ("she", "his"); null for any other word ("they", "it").
 *
 * @example
 * ```ts
 * pronounGender('She'); // 'female'
 * pronounGender('they'); // null
 * ```
 */
export function pronounGender(word: string): Gender | null {
  return lexicon().pronouns.get(word.trim().toLowerCase()) ?? null;
}

/** The gender of the role words in a phrase ("Democratic congresswoman", "first lady"), or null (none, or both). */
export function roleGender(phrase: string): Gender | null {
  const words = phrase.toLowerCase().match(/\p{L}+/gu) ?? [];
  const found = new Set<Gender>();
  const { roleNouns } = lexicon();
  words.forEach((w, i) => {
    const g = roleNouns.get(w) ?? (i > 0 ? roleNouns.get(`${words[i - 1]} ${w}`) : undefined);
    if (g) found.add(g);
  });
  return found.size === 1 ? [...found][0] : null;
}

const SUBJECT_PRONOUN = /^(?:he|she)$/i;

/** Pronoun votes for one gender needed, and the share of all votes, before they count as evidence. */
const MIN_PRONOUN_VOTES = 2;
const MIN_PRONOUN_SHARE = 0.8;

/**
 * The gender a person is given by the text: an honorific before or inside one of their names, a gendered
 * role noun in one of their roles, else (at least two, and four in five) the subject pronouns ("he", "she")
 * linked to them. Conflicting honorifics or roles leave it unknown (null). `textOf` gives an article's text by id, for
 * the word before each name; aliases of articles it does not know are read by their own text only.
 *
 * @example
 * ```ts
 * genderOf(actor.aliases, [actor.role.value ?? ''], (id) => texts.get(id)); // 'female', 'male' or null
 * ```
 */
export function genderOf(aliases: readonly ActorAlias[], roles: readonly string[], textOf: (article: string) => string | undefined): Gender | null {
  return new GenderEvidence(aliases, roles, textOf).of(null);
}

/**
 * The evidence of `genderOf`, gathered once per alias and kept: an actor's aliases only grow while pronouns are
 * linked to it, and asking `genderOf` afresh at every "he" of every article reads all its aliases again (a
 * story's main actor gathers thousands across a large story: quadratic). `of(article)` gives what `genderOf`
 * gives when only that article's text is known (the honorific before a name is read in its own article only).
 *
 * @example
 * ```ts
 * const evidence = new GenderEvidence(draft.aliases, roles, (id) => texts.get(id));
 * evidence.of(doc.article.id); // re-reads only the aliases added since the last call
 * ```
 */
export class GenderEvidence {
  private seen = 0;
  private readonly sure = new Set<Gender>();
  /** by article: genders of an honorific just before one of the names there */
  private readonly before = new Map<string, Set<Gender>>();
  private readonly votes = { female: 0, male: 0 };

  /** `aliases` may grow (append only) between calls; `roles` are read once. */
  constructor(
    private readonly aliases: readonly ActorAlias[],
    roles: readonly string[],
    private readonly textOf: (article: string) => string | undefined,
  ) {
    for (const r of roles) {
      const g = roleGender(r);
      if (g) this.sure.add(g);
    }
  }

  /** The gender given by all aliases, with the honorifics before names read in `article` only (null: in every article `textOf` knows). */
  of(article: string | null): Gender | null {
    this.catchUp();
    const sure = new Set(this.sure);
    for (const [id, gs] of this.before) if (article === null || id === article) for (const g of gs) sure.add(g);
    if (sure.size) return sure.size === 1 ? [...sure][0] : null;
    const { votes } = this;
    const total = votes.female + votes.male;
    for (const g of ['female', 'male'] as const) if (votes[g] >= MIN_PRONOUN_VOTES && votes[g] >= MIN_PRONOUN_SHARE * total) return g;
    return null;
  }

  private catchUp(): void {
    const { honorifics } = lexicon();
    for (; this.seen < this.aliases.length; this.seen++) {
      const a = this.aliases[this.seen];
      if (a.kind === 'pronoun') {
        // only a subject pronoun: "him" and "his" are as often someone the person acts on ("ordered him", "his pardon")
        const g = SUBJECT_PRONOUN.test(a.text.trim()) ? pronounGender(a.text) : null;
        if (g) this.votes[g]++;
        continue;
      }
      if (a.kind !== 'name' && a.kind !== 'surname' && a.kind !== 'nominal') continue;
      const inside = /^(\p{L}+)\.?\s/u.exec(a.text)?.[1];
      const g = inside ? honorifics.get(inside.toLowerCase()) : undefined;
      if (g) this.sure.add(g);
      const text = this.textOf(a.span.article);
      const before = text ? /(\p{L}+)\.?[ \u00a0]+$/u.exec(text.slice(Math.max(0, a.span.start - 12), a.span.start))?.[1] : undefined;
      const gb = before ? honorifics.get(before.toLowerCase()) : undefined;
      if (gb) {
        const set = this.before.get(a.span.article);
        if (set) set.add(gb);
        else this.before.set(a.span.article, new Set([gb]));
      }
      if (a.kind === 'nominal') {
        const gn = roleGender(a.text);
        if (gn) this.sure.add(gn);
      }
    }
  }
}
