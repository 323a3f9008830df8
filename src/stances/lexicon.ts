/**
 * The stance lexicons: the support/oppose cues of `data/stance-cues.json` (built by scripts/build-cues.ts from the
 * CAMEO verb dictionary, the PolNeAR cue vocabulary and general English) and the structure words of
 * `data/stance-lexicon.json` (negation, hedges, clause breaks, determiners, evaluations), compiled once into token
 * patterns. General English only; nothing here names a story.
 */
import { readDataFile } from '../paths.js';

/**
 * A phrase as lower-case tokens; a token ending in `*` matches any token starting with its stem, and a `_` token
 * is a gap of up to `MAX_GAP` words inside a clause ("threw _ support behind": "threw his full support behind").
 */
export type Pattern = string[];

export type CuePolarity = 'support' | 'oppose';

/** One cue pattern: its tokens, its polarity, and whether it is a verb (a holder before it) or a noun. */
export interface Cue {
  pattern: Pattern;
  polarity: CuePolarity;
  /**
   * `describe`: a verb that names its object and then evaluates it ("called the plan a mistake"); the evaluation
   * gives the polarity. `agent`: an attitude noun whose holder follows it ("criticism from the governor").
   */
  kind: 'verb' | 'phrase' | 'nominal' | 'describe' | 'agent';
  /** the lemma or phrase it is a form of */
  base: string;
  /** the CAMEO code of a verb taken from the CAMEO dictionary (111 criticise, 051 praise, ...) */
  cameo?: string;
}

export interface StanceLexicon {
  cues: Cue[];
  negation: Pattern[];
  hedge: Pattern[];
  clauseBreaks: Set<string>;
  conjunctions: Set<string>;
  mediaWords: Set<string>;
  selfPronouns: Set<string>;
  measureNouns: Set<string>;
  /** pronouns after a cue that point to what the story is about ("voted against it") */
  implicitObjects: Set<string>;
  /**
   * verbs that go before "to" and another verb without taking a position of their own ("is trying to block",
   * "threatened to veto", "is expected to sign"): the holder of the second verb is their subject
   */
  catenatives: Set<string>;
  /**
   * verbs that direct someone else to act ("urged the justices to block", "is directing agencies to assess"): the
   * position is the directing subject's, toward what the others are to do; the addressed are no holders
   */
  directives: Set<string>;
  /** verbs that propose what they announce when it is a plan ("announced new efforts to ...", "outlined a proposal") */
  proposeVerbs: Set<string>;
  /** the heads that make such a verb a proposal */
  planNouns: Set<string>;
  /** what a holder sends or issues: a participle after one is the sender's ("a message condemning ...") */
  messageNouns: Set<string>;
  roleNouns: Set<string>;
  conditionals: Set<string>;
  sponsorNouns: Set<string>;
  permitVerbs: Set<string>;
  particles: Set<string>;
  commandVerbs: Set<string>;
  titleAbbreviations: Map<string, string>;
  prohibitVerbs: Set<string>;
  /** verbs whose subject receives or causes an attitude ("faces opposition", "drew support"): not its holder */
  receiveVerbs: Set<string>;
  wantVerbs: Set<string>;
  sendVerbs: Set<string>;
  /** cardinal words below a hundred ("sixty", "seven") and their values */
  numberWords: Map<string, number>;
  /** generational suffixes after a name ("jr.") */
  nameSuffixes: Set<string>;
  objectAttitude: ObjectAttitudeLexicon;
}

/** The noun-phrase and evaluation words the object reader uses (src/stances/attitude.ts). */
export interface ObjectAttitudeLexicon {
  /** words that may stand between the holder and the cue ("has", "not", "flatly") */
  between: Set<string>;
  determiners: Set<string>;
  /** demonstratives: an object they introduce refers back ("that number") and is not concrete */
  anaphoricDeterminers: Set<string>;
  /** a preposition right after the cue that introduces its object ("in favour of", "calls for") */
  objectPrepositions: Set<string>;
  /** evaluations of an object: "described the plan as unacceptable" */
  evaluationSupport: Pattern[];
  evaluationOppose: Pattern[];
  /** verbs that name an object and then evaluate it ("described ... as", "called ...") */
  describe: Pattern[];
  copulas: Set<string>;
  /** heads too vague to be an object ("thing", "idea") */
  vagueHeads: Set<string>;
  /** words that do not make two objects the same ("new", "proposed") */
  contentStopwords: Set<string>;
}

let cached: StanceLexicon | null = null;

/** Split a phrase into the tokens the text layer makes: "n't" and "'ll" stay apart from their word. */
export function phraseTokens(phrase: string): Pattern {
  return phrase
    .toLowerCase()
    .replace(/(\w)(n't|'ll|'re|'s)\b/g, '$1 $2')
    .split(/\s+/)
    .filter((t) => t !== '');
}

function polarityOf(path: string, where: string, value: unknown): CuePolarity {
  if (value !== 'support' && value !== 'oppose') throw new Error(`${path}: ${where} must have polarity "support" or "oppose"`);
  return value;
}

/** The cues of data/stance-cues.json: every form of every verb, and the phrase and nominal patterns. */
function readCues(): Cue[] {
  const { path, raw } = readDataFile('stance-cues.json', 'the stance cues');
  const verbs = raw.verbs as Record<string, { polarity?: unknown; forms?: unknown; cameo?: unknown }> | undefined;
  if (!verbs || typeof verbs !== 'object') throw new Error(`${path}: "verbs" must be an object`);
  const cues: Cue[] = [];
  for (const [lemma, v] of Object.entries(verbs)) {
    const polarity = polarityOf(path, `verb "${lemma}"`, v.polarity);
    if (!Array.isArray(v.forms)) throw new Error(`${path}: verb "${lemma}" has no "forms" list`);
    const cameo = typeof v.cameo === 'string' ? v.cameo : undefined;
    for (const f of v.forms) cues.push({ pattern: phraseTokens(String(f)), polarity, kind: 'verb', base: lemma, cameo });
  }
  const list = (key: string): { phrase?: unknown; polarity?: unknown; forms?: unknown }[] => {
    const v = raw[key];
    if (!Array.isArray(v)) throw new Error(`${path}: "${key}" must be a list`);
    return v;
  };
  for (const p of list('phrases')) {
    const polarity = polarityOf(path, `phrase "${String(p.phrase)}"`, p.polarity);
    const forms = Array.isArray(p.forms) ? p.forms.map(String) : [String(p.phrase)];
    for (const f of forms) cues.push({ pattern: phraseTokens(f), polarity, kind: 'phrase', base: String(p.phrase) });
  }
  for (const p of list('nominal')) {
    cues.push({ pattern: phraseTokens(String(p.phrase)), polarity: polarityOf(path, `nominal "${String(p.phrase)}"`, p.polarity), kind: 'nominal', base: String(p.phrase) });
  }
  for (const p of list('agentNominal')) {
    cues.push({ pattern: phraseTokens(String(p.phrase)), polarity: polarityOf(path, `agentNominal "${String(p.phrase)}"`, p.polarity), kind: 'agent', base: String(p.phrase) });
  }
  return cues;
}

/**
 * The stance lexicons, read on first use.
 *
 * @example
 * ```ts
 * stanceLexicon().cues.find((c) => c.pattern.join(' ') === 'voted against')?.polarity; // 'oppose'
 * ```
 */
export function stanceLexicon(): StanceLexicon {
  if (cached) return cached;
  const file = readDataFile('stance-lexicon.json', 'the stance lexicon');
  const list = (key: string): string[] => file.list(key, true);
  const describe = list('describe');
  cached = {
    cues: [...readCues(), ...describe.map((d): Cue => ({ pattern: phraseTokens(d), polarity: 'support', kind: 'describe', base: d }))],
    negation: list('negation').map(phraseTokens),
    hedge: list('hedge').map(phraseTokens),
    clauseBreaks: new Set(list('clauseBreaks')),
    conjunctions: new Set(list('conjunctions')),
    mediaWords: new Set(list('mediaWords')),
    selfPronouns: new Set(list('selfPronouns')),
    measureNouns: new Set(list('measureNouns')),
    implicitObjects: new Set(list('implicitObjects')),
    catenatives: new Set(list('catenatives')),
    directives: new Set(list('directives')),
    proposeVerbs: new Set(list('proposeVerbs')),
    planNouns: new Set(list('planNouns')),
    messageNouns: new Set(list('messageNouns')),
    roleNouns: new Set(list('roleNouns')),
    conditionals: new Set(list('conditionals')),
    sponsorNouns: new Set(list('sponsorNouns')),
    permitVerbs: new Set(list('permitVerbs')),
    particles: new Set(list('particles')),
    commandVerbs: new Set(list('commandVerbs')),
    titleAbbreviations: new Map(Object.entries(file.object('titleAbbreviations')).map(([w, v]) => [w, String(v)])),
    prohibitVerbs: new Set(list('prohibitVerbs')),
    receiveVerbs: new Set(list('receiveVerbs')),
    wantVerbs: new Set(list('wantVerbs')),
    sendVerbs: new Set(list('sendVerbs')),
    nameSuffixes: new Set(list('nameSuffixes')),
    numberWords: new Map(Object.entries(file.object('numberWords')).map(([w, v]) => [w, Number(v)])),
    objectAttitude: {
      between: new Set(list('between').flatMap(phraseTokens)),
      determiners: new Set(list('determiners')),
      anaphoricDeterminers: new Set(list('anaphoricDeterminers')),
      objectPrepositions: new Set(list('objectPrepositions')),
      vagueHeads: new Set(list('vagueHeads')),
      evaluationSupport: list('evaluationSupport').map(phraseTokens),
      evaluationOppose: list('evaluationOppose').map(phraseTokens),
      describe: list('describe').map(phraseTokens),
      copulas: new Set(list('copulas')),
      contentStopwords: new Set(list('contentStopwords')),
    },
  };
  return cached;
}

/** Whether `pattern` matches the tokens at `at`. */
export function matchesAt(tokens: readonly string[], at: number, pattern: Pattern): boolean {
  return matchLength(tokens, at, pattern, tokens.length) === pattern.length && !pattern.includes(GAP);
}

/** The gap token of a pattern, and the most words it stands for. */
export const GAP = '_';
export const MAX_GAP = 4;
/** Tokens a gap does not cross: the clause ends there. */
const GAP_STOPS = new Set([',', ';', ':', '.', '?', '!', '(', ')', '"', '\u201c', '\u201d', '\u2014', '\u2013', 'and', 'but', 'or', 'that', 'which', 'who']);

const tokenMatches = (p: string, t: string): boolean => (p.endsWith('*') ? t.startsWith(p.slice(0, -1)) : t === p);

/**
 * How many tokens `pattern` covers at `at` (before `to`), or -1 when it does not match. A gap takes the fewest
 * words (0 to `MAX_GAP`) that let the rest match, never a clause break.
 *
 * @example
 * ```ts
 * matchLength(['threw', 'his', 'support', 'behind', 'it'], 0, ['threw', '_', 'support', 'behind'], 5); // 4
 * ```
 */
export function matchLength(tokens: readonly string[], at: number, pattern: Pattern, to: number): number {
  const go = (k: number, i: number): number => {
    if (k === pattern.length) return i;
    const p = pattern[k];
    if (p === GAP) {
      for (let g = 0; g <= MAX_GAP && i + g <= to; g++) {
        if (g > 0 && GAP_STOPS.has(tokens[i + g - 1])) break;
        const end = go(k + 1, i + g);
        if (end >= 0) return end;
      }
      return -1;
    }
    if (i >= to || !tokenMatches(p, tokens[i])) return -1;
    return go(k + 1, i + 1);
  };
  const end = go(0, at);
  return end < 0 ? -1 : end - at;
}

const byFirstToken = new WeakMap<readonly Pattern[], Map<string, number[]>>();

/**
 * The indices (in list order) of the patterns of `patterns` whose first element can match `token`: a lookup
 * per token instead of trying every pattern of a lexicon of thousands at every position. Memoised per list
 * and token; the lists are the lexicon's, built once.
 */
export function patternsStartingWith<T>(patterns: readonly T[], token: string, patternOf: (x: T) => Pattern): number[] {
  let memo = byFirstToken.get(patterns as readonly unknown[] as readonly Pattern[]);
  if (!memo) {
    memo = new Map();
    byFirstToken.set(patterns as readonly unknown[] as readonly Pattern[], memo);
  }
  let found = memo.get(token);
  if (!found) {
    found = [];
    for (let k = 0; k < patterns.length; k++) {
      const p = patternOf(patterns[k])[0];
      if (p === undefined || (p.endsWith('*') ? token.startsWith(p.slice(0, -1)) : token === p)) found.push(k);
    }
    memo.set(token, found);
  }
  return found;
}

const itself = (p: Pattern): Pattern => p;

/** Non-overlapping matches of any pattern in tokens [from, to), longest first at each position. */
export function findPatterns(tokens: readonly string[], from: number, to: number, patterns: readonly Pattern[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = from; i < to; ) {
    let best = 0;
    for (const k of patternsStartingWith(patterns, tokens[i] ?? '', itself)) {
      const p = patterns[k];
      if (p.length > best && i + p.length <= to && matchesAt(tokens, i, p)) best = p.length;
    }
    if (best > 0) {
      out.push({ start: i, end: i + best });
      i += best;
    } else i++;
  }
  return out;
}
