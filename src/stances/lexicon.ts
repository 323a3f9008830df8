/**
 * The stance lexicon (`data/stance-lexicon.json`): predicate classes, polarity cues, negation, hedges and clause
 * breaks, compiled once into token patterns. General English only; nothing here names a story.
 */
import { readDataFile } from '../paths.js';

/** A phrase as lower-case tokens; a token ending in `*` matches any token starting with its stem. */
export type Pattern = string[];

export interface PredicateClass {
  name: string;
  template: string;
  /** a class whose words are also ordinary nouns ("talks") counts only beside a support/oppose cue */
  requiresAttitude: boolean;
  patterns: Pattern[];
}

export interface StanceLexicon {
  predicates: PredicateClass[];
  eventNouns: Set<string>;
  support: Pattern[];
  oppose: Pattern[];
  /** evaluations that follow the predicate ("... would be the right thing") */
  afterSupport: Pattern[];
  afterOppose: Pattern[];
  negation: Pattern[];
  hedge: Pattern[];
  future: Pattern[];
  clauseBreaks: Set<string>;
  /** "and", "but": a clause break when a subject pronoun follows */
  conjunctions: Set<string>;
  subjectPronouns: Set<string>;
  locativePrepositions: Set<string>;
  selfPronouns: Set<string>;
  otherPronouns: Set<string>;
  mediaWords: Set<string>;
  objectAttitude: ObjectAttitudeLexicon;
}

/** Open-class attitudes toward an object (the fallback when no predicate class matched a clause). */
export interface ObjectAttitudeLexicon {
  /** the proposition's words; `{object}` is the normalised object phrase */
  template: string;
  support: Pattern[];
  oppose: Pattern[];
  /** words that may stand between the holder and the attitude word ("has", "not", "flatly") */
  between: Set<string>;
  determiners: Set<string>;
  /** demonstratives: an object they introduce refers back ("that number") and is not concrete */
  anaphoricDeterminers: Set<string>;
  /** a preposition right after the attitude word that introduces its object ("in favour of", "calls for") */
  objectPrepositions: Set<string>;
  /** evaluations of an object: "the offer was fair", "described the plan as unacceptable" */
  evaluationSupport: Pattern[];
  evaluationOppose: Pattern[];
  /** verbs that name an object and then evaluate it ("described ... as", "called ...") */
  describe: Pattern[];
  /** copulas before an evaluation */
  copulas: Set<string>;
  /** heads too vague to be an object ("thing", "idea") */
  vagueHeads: Set<string>;
  /** words that do not make two objects the same ("new", "proposed") */
  contentStopwords: Set<string>;
}

interface RawPredicate {
  template?: unknown;
  requiresAttitude?: unknown;
  phrases?: unknown;
}

let cached: StanceLexicon | null = null;

function strings(path: string, key: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new Error(`${path}: "${key}" must be an array of strings`);
  }
  return value as string[];
}

/** Split a phrase into the tokens the text layer makes: "n't" and "'ll" stay apart from their word. */
export function phraseTokens(phrase: string): Pattern {
  return phrase
    .toLowerCase()
    .replace(/(\w)(n't|'ll|'re|'s)\b/g, '$1 $2')
    .split(/\s+/)
    .filter((t) => t !== '');
}

/**
 * The stance lexicon, read on first use.
 *
 * @example
 * ```ts
 * stanceLexicon().predicates.map((p) => p.name); // ['participate', 'cooperate', ...]
 * ```
 */
export function stanceLexicon(): StanceLexicon {
  if (cached) return cached;
  const { path, raw } = readDataFile('stance-lexicon.json', 'the stance lexicon');
  const preds = raw.predicates;
  if (typeof preds !== 'object' || preds === null) throw new Error(`${path}: "predicates" must be an object`);
  const predicates: PredicateClass[] = Object.entries(preds as Record<string, RawPredicate>).map(([name, p]) => {
    if (typeof p.template !== 'string') throw new Error(`${path}: predicate "${name}" has no "template" string`);
    return {
      name,
      template: p.template,
      requiresAttitude: p.requiresAttitude === true,
      patterns: strings(path, `predicates.${name}.phrases`, p.phrases).map(phraseTokens),
    };
  });
  const list = (key: string): string[] => strings(path, key, raw[key]);
  const pronouns = raw.groupPronouns as Record<string, unknown> | undefined;
  if (!pronouns) throw new Error(`${path}: "groupPronouns" must be an object with "self" and "other"`);
  const after = raw.after as Record<string, unknown> | undefined;
  const open = raw.objectAttitude as Record<string, unknown> | undefined;
  if (!open || typeof open.template !== 'string') throw new Error(`${path}: "objectAttitude" must be an object with a "template" string`);
  const openList = (key: string): string[] => strings(path, `objectAttitude.${key}`, open[key]);
  cached = {
    predicates,
    eventNouns: new Set(list('eventNouns')),
    support: list('support').map(phraseTokens),
    oppose: list('oppose').map(phraseTokens),
    afterSupport: strings(path, 'after.support', after?.support).map(phraseTokens),
    afterOppose: strings(path, 'after.oppose', after?.oppose).map(phraseTokens),
    negation: list('negation').map(phraseTokens),
    hedge: list('hedge').map(phraseTokens),
    future: list('future').map(phraseTokens),
    clauseBreaks: new Set(list('clauseBreaks')),
    conjunctions: new Set(list('conjunctions')),
    subjectPronouns: new Set(list('subjectPronouns')),
    locativePrepositions: new Set(list('locativePrepositions')),
    selfPronouns: new Set(strings(path, 'groupPronouns.self', pronouns.self)),
    otherPronouns: new Set(strings(path, 'groupPronouns.other', pronouns.other)),
    mediaWords: new Set(list('mediaWords')),
    objectAttitude: {
      template: open.template,
      support: openList('support').map(phraseTokens),
      oppose: openList('oppose').map(phraseTokens),
      between: new Set(openList('between').flatMap(phraseTokens)),
      determiners: new Set(openList('determiners')),
      anaphoricDeterminers: new Set(openList('anaphoricDeterminers')),
      objectPrepositions: new Set(openList('objectPrepositions')),
      vagueHeads: new Set(openList('vagueHeads')),
      evaluationSupport: openList('evaluationSupport').map(phraseTokens),
      evaluationOppose: openList('evaluationOppose').map(phraseTokens),
      describe: openList('describe').map(phraseTokens),
      copulas: new Set(openList('copulas')),
      contentStopwords: new Set(openList('contentStopwords')),
    },
  };
  return cached;
}

/** Whether `pattern` matches the tokens at `at`. */
export function matchesAt(tokens: readonly string[], at: number, pattern: Pattern): boolean {
  if (at + pattern.length > tokens.length) return false;
  for (let k = 0; k < pattern.length; k++) {
    const p = pattern[k];
    const t = tokens[at + k];
    if (p.endsWith('*') ? !t.startsWith(p.slice(0, -1)) : t !== p) return false;
  }
  return true;
}

/** Non-overlapping matches of any pattern in tokens [from, to), longest first at each position. */
export function findPatterns(tokens: readonly string[], from: number, to: number, patterns: readonly Pattern[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = from; i < to; ) {
    let best = 0;
    for (const p of patterns) if (p.length > best && i + p.length <= to && matchesAt(tokens, i, p)) best = p.length;
    if (best > 0) {
      out.push({ start: i, end: i + best });
      i += best;
    } else i++;
  }
  return out;
}
