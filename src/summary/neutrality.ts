/**
 * Whether a sentence states opinion or evaluation in the outlet's own voice, which a neutral summary must not
 * state as fact; and page furniture ("Why it matters:", "ORIGINALLY PUBLISHED ...", photo credits, bylines),
 * which never enters a summary.
 *
 * Opinion cues, counted only outside quotation marks and only in sentences that do not report what someone
 * said (a reported evaluation is the speaker's, and the summary attributes it):
 *   evaluative   an AFINN-165 word (|valence| >= 2, data/subjectivity.json) the tagger reads as an adjective or
 *                adverb ("disastrous", "desperately"), less the event adjectives news states as fact ("dead")
 *   intensifier  a degree adverb of general English ("absolutely", "overwhelmingly", "increasingly")
 *   superlative  "most/least + adjective", an -est adjective (less ordinal-like ones); strong when it ranks
 *                against all so far ("the strongest message yet", "the worst ... ever")
 *   deontic      an adjective of necessity after a degree word, article or copula ("absolutely necessary", "a
 *                crucial step", "is essential"); not the modals: news states rules and forecasts with "must"
 *                and "should" (on NeuS they cost ROUGE)
 *   loaded       evaluative nouns and phrases of general English ("a rare moment", "a slap in the face"); the
 *                leaning ones, which plain reporting also uses (a pejorative label for a government, "regime",
 *                "totalitarian"; the writer's reading of events, "appears to be", "the latest example of"; a
 *                motive imputed, "trying to blame"), weigh half
 *   speech verb  a loaded verb of saying or reacting ("slammed", "trashed", "railed against"): the writer's
 *                choice of verb, so it counts also in a sentence that reports speech
 *   reading      the writer's reading of what the facts mean: an evaluative noun frame ("a setback for", "in a
 *                rebuke to", "a devastating blow to": a noun of judgement, up to two lower-case words before it), and
 *                a reading frame opening a clause set off by a comma or dash ("..., a sign that", "...,
 *                underscoring", "..., raising questions about"); strong. Set off from the clause, both count
 *                also in a sentence that reports speech: the reported words do not run on past the comma
 *   minimizer    "just", "only" before a figure ("added just 194,000 jobs"): the writer finds it small
 *   voice        first person or an exclamation in the outlet's own words
 * A sentence with two cues (or a voice cue) is opinion. A sentence that reports speech is the speaker's, but
 * the writer still speaks in the words around the attribution (see `attributedOpinion`), and a quotation
 * whose speaker the sentence does not name (`opensInQuote`) cannot be stated at all.
 */
import type { Token } from '../model.js';
import { readDataFile } from '../paths.js';

interface NeutralityLexicon {
  evaluative: Map<string, number>;
  intensifiers: Set<string>;
  necessity: Set<string>;
  factualAdjectives: Set<string>;
  notSuperlatives: Set<string>;
  loadedPhrases: string[];
  leaningPhrases: string[];
  speechVerbs: string[];
  /** "a/an/another [up to two lower-case words] NOUN to/for/at": the writer judging what an event means for someone */
  frameNoun: RegExp;
  /** a reading frame at the start of the range or after a comma, dash or semicolon */
  setOffReading: RegExp;
  minimizers: Set<string>;
  furnitureLabels: string[];
  furniturePatterns: RegExp[];
}

let cached: NeutralityLexicon | null = null;

/** A regular-expression alternation of lexicon phrases, longest first, spaces matching any run of spaces. */
function alternatives(phrases: string[]): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|');
}

function neutralityLexicon(): NeutralityLexicon {
  if (cached) return cached;
  const subjectivity = readDataFile('subjectivity.json', 'the evaluative word list');
  const words = subjectivity.raw.words as Record<string, number> | undefined;
  if (!words || typeof words !== 'object') throw new Error(`${subjectivity.path}: needs "words" (run scripts/build-subjectivity.ts)`);
  const lex = readDataFile('summary-lexicon.json', 'the summary lexicon');
  const list = (key: string): string[] => lex.list(key, true);
  cached = {
    evaluative: new Map(Object.entries(words)),
    intensifiers: new Set(list('intensifiers')),
    necessity: new Set(list('necessityAdjectives')),
    factualAdjectives: new Set(list('factualAdjectives')),
    notSuperlatives: new Set(list('notSuperlatives')),
    loadedPhrases: list('loadedPhrases'),
    leaningPhrases: list('leaningPhrases'),
    speechVerbs: list('loadedSpeechVerbs'),
    // case-sensitive: the words before the noun are lower case ("a devastating setback for"); a capitalised one
    // says whose or where ("a Senate setback for") and is description
    frameNoun: new RegExp(`(?<![\\p{L}])(?:[Aa]|[Aa]n|[Aa]nother)\\s+(?:\\p{Ll}[\\p{Ll}'’-]*\\s+){0,2}?(?:${alternatives(list('evaluativeFrameNouns'))})\\s+(?:to|for|at)(?![\\p{L}])`, 'u'),
    setOffReading: new RegExp(`(?:^|[,;:\u2013\u2014]|\\s-)\\s*(?:${alternatives(list('readingFrames'))})(?![\\p{L}])`, 'u'),
    minimizers: new Set(list('figureMinimizers')),
    furnitureLabels: list('furnitureLabels').sort((a, b) => b.length - a.length),
    furniturePatterns: lex.list('furniturePatterns').map((p) => {
      try {
        return new RegExp(p, 'iu');
      } catch (err) {
        throw new Error(`${lex.path}: furniturePatterns: ${JSON.stringify(p)} is not a regular expression: ${(err as Error).message}`);
      }
    }),
  };
  return cached;
}

/** One reason to read a sentence as the outlet's opinion, with its weight (strong cues weigh 2). */
export interface OpinionCue {
  kind: 'evaluative' | 'intensifier' | 'superlative' | 'deontic' | 'loaded' | 'speech-verb' | 'reading' | 'minimizer' | 'voice';
  text: string;
  weight: number;
}

/** AFINN valence from which an evaluative word alone is a strong cue ("disastrous", "racist", "desperately"). */
const STRONG_VALENCE = 3;

/**
 * Offsets of an article's text inside quotation marks, per paragraph: news style reopens a quote in the next
 * paragraph, and a quote that runs over several sentences leaves its later sentences without an opening mark.
 */
function quotedMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' && open >= 0) {
      for (let k = open; k < i; k++) mask[k] = true;
      open = -1;
    } else if (ch === '“' || (ch === '"' && open < 0)) open = open < 0 ? i : open;
    else if ((ch === '”' || ch === '"') && open >= 0) {
      for (let k = open; k <= i; k++) mask[k] = true;
      open = -1;
    }
  }
  if (open >= 0) for (let k = open; k < text.length; k++) mask[k] = true;
  return mask;
}

let lastMask: { text: string; mask: boolean[] } | null = null;

function maskOf(text: string): boolean[] {
  if (lastMask?.text !== text) lastMask = { text, mask: quotedMask(text) };
  return lastMask.mask;
}

/**
 * The opinion cues of the range [start, end) of an article's text, from its tagged tokens; words inside
 * quotation marks (also a quote opened in an earlier sentence of the paragraph) are someone else's and do not
 * count. One word gives one cue, its strongest reading.
 *
 * @example
 * ```ts
 * opinionCues(text, 0, text.length, doc.tokens).map((c) => c.kind); // ['intensifier', 'evaluative']
 * ```
 */
export function opinionCues(text: string, start: number, end: number, tokens: readonly Token[]): OpinionCue[] {
  const lex = neutralityLexicon();
  const mask = maskOf(text);
  const cues: OpinionCue[] = [];
  const own = tokens
    .filter((t) => t.start >= start && t.end <= end && !mask[t.start])
    .map((t) => ({ ...t, word: text.slice(t.start, t.end), lower: text.slice(t.start, t.end).toLowerCase().replace(/’/g, "'") }));
  own.forEach((t, i) => {
    const next = own[i + 1];
    const valence = lex.evaluative.get(t.lower);
    const adjOrAdv = t.pos === 'ADJ' || t.pos === 'ADV';
    if (lex.intensifiers.has(t.lower) && adjOrAdv) cues.push({ kind: 'intensifier', text: t.word, weight: 1 });
    else if (adjOrAdv && valence !== undefined && !lex.factualAdjectives.has(t.lower)) cues.push({ kind: 'evaluative', text: t.word, weight: Math.abs(valence) >= STRONG_VALENCE ? 2 : 1 });
    else if ((t.lower === 'most' || t.lower === 'least') && next?.pos === 'ADJ') cues.push({ kind: 'superlative', text: `${t.word} ${next.word}`, weight: superlativeWeight(own, i + 1) });
    else if (t.pos === 'ADJ' && /^\p{Ll}{2,}est$/u.test(t.word) && !lex.notSuperlatives.has(t.lower)) cues.push({ kind: 'superlative', text: t.word, weight: superlativeWeight(own, i) });
    else if (lex.necessity.has(t.lower) && (t.pos === 'ADJ' || t.pos === 'VERB') && /^(?:ADV|AUX|PUNCT|DET)$/.test(own[i - 1]?.pos ?? '')) cues.push({ kind: 'deontic', text: t.word, weight: 1 });
    if (t.pos === 'PRON' && /^(i|we|me|us|my|our|ours|myself|ourselves)$/.test(t.lower) && t.word !== 'US') cues.push({ kind: 'voice', text: t.word, weight: 2 });
    if (lex.minimizers.has(t.lower) && next && isFigure(next)) cues.push({ kind: 'minimizer', text: `${t.word} ${next.word}`, weight: 1 });
  });
  const outside = [...text.slice(start, end)].map((ch, i) => (mask[start + i] ? ' ' : ch)).join('').toLowerCase().replace(/’/g, "'");
  const wholeWord = (p: string): boolean => {
    for (let at = outside.indexOf(p); at >= 0; at = outside.indexOf(p, at + 1)) {
      if (!/[\p{L}]/u.test(outside[at - 1] ?? ' ') && !/[\p{L}]/u.test(outside[at + p.length] ?? ' ')) return true;
    }
    return false;
  };
  for (const p of lex.loadedPhrases) if (wholeWord(p)) cues.push({ kind: 'loaded', text: p, weight: 2 });
  for (const p of lex.leaningPhrases) if (wholeWord(p)) cues.push({ kind: 'loaded', text: p, weight: 1 });
  for (const p of speechVerbCues(text, start, end)) cues.push(p);
  const frame = lex.frameNoun.exec(outsideOf(text, start, end, false));
  if (frame) cues.push({ kind: 'reading', text: frame[0], weight: 2 });
  const reading = setOffReadingOf(outside);
  if (reading) cues.push({ kind: 'reading', text: reading, weight: 2 });
  if (/!\s*$/.test(outside.trim())) cues.push({ kind: 'voice', text: '!', weight: 2 });
  return cues;
}

/** Text of [start, end) with quoted words blanked (offsets kept), lower-cased unless `lower` is false. */
function outsideOf(text: string, start: number, end: number, lower = true): string {
  const mask = maskOf(text);
  const kept = [...text.slice(start, end)].map((ch, i) => (mask[start + i] ? ' ' : ch)).join('');
  return lower ? kept.toLowerCase().replace(/’/g, "'") : kept;
}

/** A reading frame that opens the text or a clause set off by a comma or dash ("..., a sign that"), or null. */
function setOffReadingOf(outside: string): string | null {
  const m = neutralityLexicon().setOffReading.exec(outside.trimStart());
  return m ? m[0].replace(/^[\s,;:\u2013\u2014-]+/u, '') : null;
}

/**
 * The writer's reading set off from a sentence that reports speech: a reading frame after a comma or dash, or an
 * evaluative noun frame opening the sentence or such a clause ("In a rebuke to the mayor, the council said ...",
 * "..., the agency said, a sign that ..."). Reported words do not run on past that comma; "She called it a
 * setback for the city" has no comma and is hers.
 */
function setOffReading(text: string, start: number, end: number): boolean {
  if (setOffReadingOf(outsideOf(text, start, end))) return true;
  const frame = neutralityLexicon().frameNoun;
  for (const clause of outsideOf(text, start, end, false).split(/[,;:\u2013\u2014]|\s-\s/u)) {
    const m = frame.exec(clause);
    if (m && /^\s*(?:(?:in|as|with)\s+)?$/iu.test(clause.slice(0, m.index))) return true;
  }
  return false;
}

/** A figure token: a number ("194,000", "4.8%") or an amount ("$28.6"). */
function isFigure(t: { pos: string; word: string }): boolean {
  return t.pos === 'NUM' || /^[$€£]?\d/u.test(t.word);
}

/** The loaded verbs of saying and reacting of [start, end), outside quotation marks. */
function speechVerbCues(text: string, start: number, end: number): OpinionCue[] {
  const mask = maskOf(text);
  const outside = [...text.slice(start, end)].map((ch, i) => (mask[start + i] ? ' ' : ch)).join('').toLowerCase().replace(/’/g, "'");
  const cues: OpinionCue[] = [];
  for (const p of neutralityLexicon().speechVerbs) {
    for (let at = outside.indexOf(p); at >= 0; at = outside.indexOf(p, at + 1)) {
      // "slammed into the coast" is a collision and "seized on Sunday" a capture, not ways of speaking
      const rest = outside.slice(at + p.length);
      const literal = /^\s+(?:into|shut|the door)\b/u.test(rest) || (p.endsWith(' on') && /^\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/u.test(rest));
      if (!/[\p{L}]/u.test(outside[at - 1] ?? ' ') && !/[\p{L}]/u.test(outside[at + p.length] ?? ' ') && !literal) {
        cues.push({ kind: 'speech-verb', text: p, weight: 2 });
        break;
      }
    }
  }
  return cues;
}

/**
 * Whether the sentence at [start, end) opens inside a quotation: on a quotation mark, or in a quote opened by
 * an earlier sentence of the paragraph. Unless the sentence itself says who speaks, these are someone's words
 * with no speaker, and a summary would state them in the outlet's voice.
 *
 * @example
 * ```ts
 * opensInQuote('“We will win.', 0); // true
 * ```
 */
export function opensInQuote(text: string, start: number): boolean {
  return /^[“"‘]/u.test(text.slice(start, start + 1)) || maskOf(text)[start] === true;
}

/**
 * Whether a sentence that reports speech still states opinion in the writer's own voice: in the scene before
 * the attribution (`opinionBeforeAttribution`), in a loaded verb of saying ("slammed", "took shots at": how
 * the writer describes the act of speaking), or in a clause the writer adds after the attribution that reports
 * no speech of its own (", while continuing to push baseless claims").
 *
 * @example
 * ```ts
 * attributedOpinion(text, 0, text.length, doc.tokens, new Set(['said'])); // true for "She slammed the plan, saying it fails."
 * ```
 */
export function attributedOpinion(text: string, start: number, end: number, tokens: readonly Token[], reportingVerbs: ReadonlySet<string>): boolean {
  if (speechVerbCues(text, start, end).length > 0) return true;
  if (setOffReading(text, start, end)) return true;
  if (opinionBeforeAttribution(text, start, end, tokens, reportingVerbs)) return true;
  const mask = maskOf(text);
  const inRange = tokens.filter((t) => t.start >= start && t.end <= end);
  const words = inRange.map((t) => text.slice(t.start, t.end).toLowerCase());
  const verb = firstReportingVerb(text, inRange, reportingVerbs);
  if (verb < 0) return false;
  // The writer's clause: after the reporting verb, a comma and "while" (or a dash or semicolon) opening a clause
  // that names no speech of its own; "..., while Democrats charge ..." is a second attribution, not the writer.
  for (let k = verb + 1; k < inRange.length - 1; k++) {
    if (mask[inRange[k].start]) continue;
    const w = words[k];
    const opens = (w === ',' && /^(?:while|whereas)$/.test(words[k + 1] ?? '')) || w === ';' || w === '—' || w === '–';
    if (!opens) continue;
    const clause = inRange.slice(k + 1);
    if (clause.some((t, j) => !mask[t.start] && (t.pos === 'VERB' || t.pos === 'NOUN') && reportingVerbs.has(words[k + 1 + j]))) return false;
    return isOpinion(opinionCues(text, clause[0].start, end, clause));
  }
  return false;
}

/** A reporting verb used for something other than speech: "added 194,000 jobs" (an object that is a figure). */
function notSpeech(word: string, next: { pos: string; word: string } | undefined, after: { pos: string; word: string } | undefined, minimizers: ReadonlySet<string>): boolean {
  if (!/^add(?:s|ed|ing)?$/.test(word) || !next) return false;
  return isFigure(next) || (minimizers.has(next.word.toLowerCase()) && after !== undefined && isFigure(after));
}

/**
 * Whether the tagged sentence has a verb of saying: a reporting word the tagger reads as a verb (anywhere, also
 * inside a quotation's frame), not a noun of the same spelling ("calls for reform", "claims of abuse", "the
 * states", "news reports"), which reports no speech.
 *
 * @example
 * ```ts
 * hasSpeechVerb(text, doc.tokens, new Set(['calls'])); // false for "The ruling drew new calls for reform."
 * ```
 */
export function hasSpeechVerb(text: string, tokens: readonly Token[], reportingVerbs: ReadonlySet<string>): boolean {
  const minimizers = neutralityLexicon().minimizers;
  const view = (t: Token | undefined) => (t ? { pos: t.pos, word: text.slice(t.start, t.end) } : undefined);
  return tokens.some((t, k) => {
    const w = text.slice(t.start, t.end).toLowerCase();
    if (!reportingVerbs.has(w) || notSpeech(w, view(tokens[k + 1]), view(tokens[k + 2]), minimizers)) return false;
    // a name then the word at the end of a clause is an attribution the tagger may misread ("..., the Daily Post reports.")
    const closesAfterName = tokens[k - 1]?.pos === 'PROPN' && (tokens[k + 1] === undefined || tokens[k + 1].pos === 'PUNCT');
    return t.pos === 'VERB' || t.pos === 'AUX' || closesAfterName;
  });
}

/** Index of the first verb of saying outside quotation marks in tokens, or -1. */
function firstReportingVerb(text: string, inRange: readonly Token[], reportingVerbs: ReadonlySet<string>): number {
  const mask = maskOf(text);
  const minimizers = neutralityLexicon().minimizers;
  const view = (t: Token | undefined) => (t ? { pos: t.pos, word: text.slice(t.start, t.end) } : undefined);
  return inRange.findIndex((t, k) => {
    const w = text.slice(t.start, t.end).toLowerCase();
    return !mask[t.start] && t.pos === 'VERB' && reportingVerbs.has(w) && !notSpeech(w, view(inRange[k + 1]), view(inRange[k + 2]), minimizers);
  });
}

/**
 * Whether a reporting verb of the sentence reports speech: not "added" with a figure for its object ("employers
 * added just 194,000 jobs"), which is an increase, not something said.
 *
 * @example
 * ```ts
 * reportsSpeech('Employers added 194,000 jobs.', new Set(['added'])); // false
 * ```
 */
export function reportsSpeech(sentence: string, reportingVerbs: ReadonlySet<string>): boolean {
  const cased = sentence.match(/[$€£]?\p{N}[\p{N}.,]*%?|[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu) ?? [];
  const words = cased.map((w) => w.toLowerCase());
  const minimizers = neutralityLexicon().minimizers;
  const view = (w: string | undefined) => (w === undefined ? undefined : { pos: /^[$€£]?\d/u.test(w) ? 'NUM' : 'X', word: w });
  // A capitalised word inside the sentence is part of a name ("the United States", "the Calls Act"), not a verb.
  return words.some((w, k) => reportingVerbs.has(w) && !(k > 0 && /^\p{Lu}/u.test(cased[k])) && !notSpeech(w, view(words[k + 1]), view(words[k + 2]), minimizers));
}

/**
 * A superlative that ranks against all so far ("the strongest message yet", "the worst ... ever") is the
 * writer's verdict: a strong cue; any other an ordinary one.
 */
function superlativeWeight(own: readonly { lower: string }[], at: number): number {
  for (let k = at + 1; k < Math.min(own.length, at + 5); k++) if (own[k].lower === 'yet' || own[k].lower === 'ever') return 2;
  return 1;
}

/** Cue weight from which a sentence is opinion: one strong cue, or two ordinary ones. */
const OPINION_WEIGHT = 2;

/**
 * Whether the cues make a sentence opinion in the outlet's voice: one strong cue (first person, an exclamation,
 * a loaded phrase, a strongly evaluative word) or two ordinary ones.
 *
 * @example
 * ```ts
 * isOpinion([{ kind: 'intensifier', text: 'truly', weight: 1 }, { kind: 'evaluative', text: 'shameful', weight: 2 }]); // true
 * ```
 */
export function isOpinion(cues: readonly OpinionCue[]): boolean {
  return cues.reduce((s, c) => s + c.weight, 0) >= OPINION_WEIGHT;
}

/**
 * Whether a sentence that reports speech still states opinion in the writer's own voice: the words before its
 * first verb of saying (tagged a verb, outside quotation marks) are how the writer describes the speaker and the scene ("The
 * island's brutal regime, trying to shift the blame, said ..."), and they are the outlet's, not the speaker's.
 * A verb of saying after a comma or a closing quotation mark ("..., the mayor said") closes reported words, so
 * nothing before it is the writer's; after a comma and a conjunction (", as it calls on ...") it does not.
 *
 * @example
 * ```ts
 * opinionBeforeAttribution(text, 0, text.length, doc.tokens, new Set(['said'])); // true for "The brutal, shameful regime said ..."
 * ```
 */
export function opinionBeforeAttribution(text: string, start: number, end: number, tokens: readonly Token[], reportingVerbs: ReadonlySet<string>): boolean {
  const inRange = tokens.filter((t) => t.start >= start && t.end <= end);
  const at = firstReportingVerb(text, inRange, reportingVerbs);
  if (at <= 0) return false;
  // "..., the mayor said" closes reported words; "..., as it calls on ..." opens a new clause of the writer's.
  for (let k = at - 1; k >= Math.max(0, at - 6); k--) {
    const w = text.slice(inRange[k].start, inRange[k].end).toLowerCase();
    if (inRange[k].pos === 'SCONJ' || inRange[k].pos === 'CCONJ' || /^(?:as|while|when|which|who)$/.test(w)) break;
    if (/^[,”"]$/u.test(w)) return false;
  }
  // The scene around a speaker often names what they spoke of ("damaging attacks"): one cue more than elsewhere.
  return opinionCues(text, start, inRange[at].start, inRange).reduce((sum, c) => sum + c.weight, 0) > OPINION_WEIGHT;
}

/**
 * A leading furniture label of a sentence ("Why it matters: ", "The big picture: "), as the length to drop, or 0.
 *
 * @example
 * ```ts
 * furnitureLabel('Why it matters: The vote sets up a fight.'); // 16
 * ```
 */
export function furnitureLabel(text: string): number {
  const lower = text.toLowerCase().replace(/’/g, "'");
  for (const l of neutralityLexicon().furnitureLabels) {
    if (!lower.startsWith(l)) continue;
    const m = /^\s*[:\u2013\u2014-]\s*/u.exec(text.slice(l.length));
    if (m?.[0].trim()) return l.length + m[0].length;
  }
  return 0;
}

/**
 * Whether a sentence is page furniture that must never enter a summary: a credit, byline, publication notice or
 * call to action.
 *
 * @example
 * ```ts
 * isFurniture('ORIGINALLY PUBLISHED ON MAY 3, 2021.'); // true
 * isFurniture('The Senate passed the bill on Tuesday.'); // false
 * ```
 */
export function isFurniture(text: string): boolean {
  return neutralityLexicon().furniturePatterns.some((re) => re.test(text));
}
