/**
 * The cited summary: extractive, redundancy-aware (MMR over the story's own TF-IDF vectors), covering both
 * sides of a contested statement and the story's key date when the inputs show them, at the length the user
 * sets. Every sentence cites all the articles that say the same thing, with spans, and carries its audit.
 *
 *   candidates   every article sentence, lightly compressed (a leading "Meanwhile," dropped)       candidates()
 *   filters      questions, headlines, fragments, sentences opening on a pronoun or connective,    eligibility()
 *                opinion in the outlet's own voice, page furniture (labels dropped)                src/summary/neutrality
 *   scores       centrality to the story, lead position, support from other outlets, neutral voice  scoreCandidates()
 *   coverage     both sides of a contested, attributed statement; the most-reported date            coveragePicks()
 *   selection    MMR until the length is reached                                                    select()
 *   citations    the best-supporting sentence of every other article, by similarity                 citationsFor()
 */
import type { Doc, Span, Summary, Token, SummaryAuditEntry, SummaryCitation, SummaryDate, SummarySentence, TimeRef } from '../model.js';
import { findTimes } from '../time/index.js';
import { RangeIndex } from '../spans.js';
import { summaryLexicon, type SummaryLexicon } from './lexicon.js';
import { attributedOpinion, furnitureLabel, hasSpeechVerb, isFurniture, isOpinion, opensInQuote, opinionCues, reportsSpeech, type OpinionCue } from './neutrality.js';
import { backgroundFrequencies, storyTerms } from '../stories/index.js';
import { anchorsOf, contentTerms, cosine, inverseFrequencies, norm, tfidf, type TermVector } from './terms.js';

/** Weights of the sentence score; the defaults were tuned on the NeuS train split (`node --import tsx scripts/tune-summary.ts`). */
export interface SummaryWeights {
  centrality: number;
  position: number;
  support: number;
  /** subtracted from sentences that open on a quotation or speak in the first person: not the outlet's voice */
  notNeutral: number;
  /** MMR trade-off: 1 = score only, 0 = novelty only */
  lambda: number;
}

export const DEFAULT_WEIGHTS: SummaryWeights = { centrality: 0.5, position: 0.6, support: 0.2, notNeutral: 0.15, lambda: 0.7 };

/** Options of `summarize`. */
export interface SummarizeOptions {
  /** at most this many sentences (default 6 when no word limit is given) */
  sentences?: number;
  /** at most this many words (the first sentence is kept even when it alone is longer) */
  words?: number;
  /** time expressions per document (same order as `docs`); found with src/time where not given or null */
  times?: (TimeRef[] | null)[];
  /** pick both sides of a contested statement and the key date first (default true) */
  cover?: boolean;
  weights?: Partial<SummaryWeights>;
}

/** Prepositions that open a sentence on a phrase ("Of that figure", "Under this plan"). */
const ADPOSITION_START = /^(?:of|in|for|from|with|among|under|by|on|at|to|beyond|despite|after|before|besides|unlike|like|given|during|through|without)$/;

/** The fewest and most words a summary sentence may have: shorter ones are fragments, longer ones run-ons. */
const MIN_WORDS = 6;
const MAX_WORDS = 60;
/** A sentence of another article supports a summary sentence from this similarity up. */
const SUPPORT_THRESHOLD = 0.4;
/** Only this many best candidates get the (quadratic) cross-article support computed. */
const SUPPORT_POOL = 150;

interface Candidate {
  doc: number;
  sentence: number;
  /** the span the summary text is taken from (after a dropped lead connective) */
  span: Span;
  /** whole sentence span */
  sentenceSpan: Span;
  text: string;
  how: 'extract' | 'compress';
  vector: TermVector;
  norm: number;
  termSet: Set<string>;
  anchors: Set<string>;
  wordCount: number;
  attributed: boolean;
  stance: 'oppose' | 'support' | null;
  /** how many more cues of its side than of the other it has */
  stanceMargin: number;
  eligible: boolean;
  notNeutral: boolean;
  position: number;
  centrality: number;
  support: number;
  score: number;
  dates: (SummaryDate & { statesMonth: boolean })[];
  /** its content terms for the same-fact test, computed when first needed */
  rare?: Set<string>;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a phrase occurs in lower-cased text on word boundaries. */
const phrasePatterns = new Map<string, RegExp>();
function hasPhrase(lower: string, phrase: string): boolean {
  let re = phrasePatterns.get(phrase);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(phrase)}(?![\\p{L}\\p{N}])`, 'u');
    phrasePatterns.set(phrase, re);
  }
  return lower.includes(phrase) && re.test(lower);
}

function countPhrases(lower: string, phrases: string[]): number {
  let n = 0;
  for (const p of phrases) if (hasPhrase(lower, p)) n++;
  return n;
}

/** Text outside quotation marks, so first-person words inside a quote do not count against neutrality. */
function outsideQuotes(text: string): string {
  return text.replace(/[“"][^”"]*[”"]/gu, ' ');
}

/**
 * Whether a sentence reports what someone said: a reporting verb ("said", "told") or phrase ("according to").
 *
 * @example
 * ```ts
 * isAttributed('The minister said the talks would go ahead.'); // true
 * isAttributed('The talks went ahead.'); // false
 * ```
 */
export function isAttributed(text: string, lex: SummaryLexicon = summaryLexicon()): boolean {
  return reportsSpeech(text, lex.reportingVerbs) || hasAttributionPhrase(text, lex);
}

/** Whether a sentence has an attribution phrase ("according to", "in a statement"). */
function hasAttributionPhrase(text: string, lex: SummaryLexicon): boolean {
  const lower = text.toLowerCase();
  return lex.attributionPhrases.some((p) => hasPhrase(lower, p));
}

/**
 * The side a sentence takes on what it reports, from opposition and support cue words; null when neither or both
 * weigh equally.
 *
 * @example
 * ```ts
 * stanceOf('The minister said they reject any role for the agency.'); // 'oppose'
 * ```
 */
export function stanceOf(text: string, lex: SummaryLexicon = summaryLexicon()): 'oppose' | 'support' | null {
  return stanceCues(text, lex).stance;
}

/** The side a sentence takes and by how many cue phrases the winning side leads. */
function stanceCues(text: string, lex: SummaryLexicon): { stance: 'oppose' | 'support' | null; margin: number } {
  const lower = text.toLowerCase();
  const o = countPhrases(lower, lex.opposeCues);
  const s = countPhrases(lower, lex.supportCues);
  return { stance: o > s ? 'oppose' : s > o ? 'support' : null, margin: Math.abs(o - s) };
}

/** The leading connective of a sentence (lower case) and the offset after it and its comma, or null. */
function leadConnective(text: string, lex: SummaryLexicon): { phrase: string; after: number; comma: boolean } | null {
  const lower = text.toLowerCase();
  for (const c of lex.connectiveStarts) {
    if (!lower.startsWith(c)) continue;
    const rest = text.slice(c.length);
    const m = /^(\s*,\s*|\s+)/u.exec(rest);
    if (!m || /^\p{L}/u.test(rest)) continue;
    return { phrase: c, after: c.length + m[0].length, comma: m[0].includes(',') };
  }
  return null;
}

/** A lead connective that can be dropped without changing what the sentence states: a set-off "Meanwhile,". */
function droppableLead(text: string, lex: SummaryLexicon): { phrase: string; after: number } | null {
  const lead = leadConnective(text, lex);
  return lead && lead.comma && lex.droppableLeadConnectives.has(lead.phrase) ? lead : null;
}

/**
 * Why a sentence cannot stand alone in a summary, or null when it can: a question, a headline-like line, a
 * fragment, a sentence opening on a pronoun or a connective whose antecedent would be missing.
 *
 * @example
 * ```ts
 * whyNotEligible('But he refused to go.', true); // 'opens on a connective'
 * whyNotEligible('Talks open in the capital on Monday.', true); // null
 * ```
 */
export function whyNotEligible(text: string, hasVerb: boolean, lex: SummaryLexicon = summaryLexicon()): string | null {
  const t = text.trim();
  const words = t.match(WORD_RE) ?? [];
  if (words.length < MIN_WORDS) return 'too short';
  if (words.length > MAX_WORDS) return 'too long';
  if (/\?["”’')\]]*$/u.test(t)) return 'a question';
  // a lead cut off by the page ("... a concession to...") does not state its whole fact
  if (/(?:\.\.\.|…)["”’')\]]*$/u.test(t)) return 'cut off (ends in an ellipsis)';
  if (!/[.!]["”’')\]]*$/u.test(t)) return 'headline-like (no closing full stop)';
  if (!hasVerb) return 'headline-like (no verb)';
  if (/^\p{Ll}/u.test(t)) return 'a fragment (opens in lower case)';
  // a sentence split inside a parenthesis ("... Johnson & Johnson's (JNJ." + "N) vaccine ...", a ticker's full stop)
  if (!parenthesesBalanced(t)) return 'a fragment (split inside a parenthesis)';
  if (/https?:\/\/|www\.|@\w/u.test(t)) return 'a link or handle';
  const first = (words[0] ?? '').toLowerCase();
  if (lex.pronounStarts.has(first)) return 'opens on a pronoun';
  // "Of that figure, ...", "In these cases, ...": the phrase points back to a sentence the summary lacks
  if (/^\p{L}+\s+(?:this|that|these|those)\s(?!(?:week|month|year|day|morning|afternoon|evening|night|weekend|time|season|spring|summer|fall|autumn|winter)\b)/iu.test(t) && ADPOSITION_START.test(first)) return 'opens on a reference to an earlier sentence';
  if (leadConnective(t, lex) && !droppableLead(t, lex)) return 'opens on a connective';
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length > 0 && letters === letters.toUpperCase()) return 'all capitals';
  return null;
}

/**
 * Whether a cue below the opinion threshold still shows the writer's view, so that a plain sentence goes first: not
 * an evaluative word that is not predicated, nor a participle read as one ("commanders ignored warnings"), nor a
 * degree adverb of a verb ("overwhelmingly approved", "sharply cut"), which describe what happened.
 */
function viewCue(c: OpinionCue, text: string, tokens: readonly Token[]): boolean {
  const k = tokens.findIndex((t) => text.slice(t.start, t.end) === c.text);
  // An evaluative word alone is the writer's verdict when predicated ("The situation is grim") or when it labels a
  // noun ("the controversial ban"); elsewhere one such word often describes ("left the law intact", "people who
  // remain hesitant").
  if (c.kind === 'evaluative') return !/ed$/iu.test(c.text) && (tokens[k - 1]?.pos === 'AUX' || tokens[k + 1]?.pos === 'NOUN' || /^[“"]$/u.test(text.slice(tokens[k + 1]?.start ?? 0, tokens[k + 1]?.end ?? 0)));
  if (c.kind === 'intensifier') return tokens[k + 1]?.pos !== 'VERB';
  return true;
}

/** Whether every parenthesis of a sentence closes after it opens. */
function parenthesesBalanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function hasVerbIn(doc: Doc, sentence: number): boolean {
  const s = doc.sentences[sentence];
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const pos = doc.tokens[k]?.pos;
    if (pos === 'VERB' || pos === 'AUX') return true;
  }
  return false;
}

function timesOf(docs: Doc[], given: (TimeRef[] | null)[] | undefined): TimeRef[][] {
  return docs.map((doc, d) => {
    const known = given?.[d];
    if (known) return known;
    try {
      return findTimes(doc, doc.article.meta.published.value?.value ?? null);
    } catch {
      // The summary degrades to no dated facts rather than failing the briefing.
      return [];
    }
  });
}

/** A day-precision TIMEX3 value, with or without a known year. */
const DAY_VALUE = /^(\d{4}|XXXX)-\d{2}-\d{2}$/;

function candidates(docs: Doc[], times: TimeRef[][], lex: SummaryLexicon): Candidate[] {
  const out: Candidate[] = [];
  docs.forEach((doc, d) => {
    const text = doc.article.text;
    // each sentence looks only at the times near it, not at every time of the article
    const timeIndex = new RangeIndex(times[d].map((t) => t.span));
    doc.sentences.forEach((s, i) => {
      const raw = text.slice(s.start, s.end);
      const lead = raw.length - raw.trimStart().length;
      let start = s.start + lead;
      const end = s.start + raw.trimEnd().length;
      if (end <= start) return;
      let how: 'extract' | 'compress' = 'extract';
      // A dateline ("Beirut –") belongs to the article, not to the fact the sentence states.
      const dateline = doc.article.meta.dateline.span;
      if (dateline && dateline.start >= start && dateline.start < end) {
        const after = /^[\s,]*(?:\([^)]*\)\s*)?[–—-]+\s*/u.exec(text.slice(dateline.end, end));
        if (after && text.slice(start, dateline.start).trim() === '') {
          start = dateline.end + after[0].length;
          how = 'compress';
        }
      }
      // A section label ("Why it matters:") is page furniture, not part of the fact.
      const label = furnitureLabel(text.slice(start, end));
      if (label) {
        start += label;
        how = 'compress';
      }
      const conn = droppableLead(text.slice(start, end), lex);
      if (conn) {
        start += conn.after;
        how = 'compress';
      }
      const taken = text.slice(start, end);
      // A dropped connective leaves a lower-case first letter; capitalising it is the only change to the words.
      const shown = how === 'compress' ? taken.charAt(0).toUpperCase() + taken.slice(1) : taken;
      // Opinion in the outlet's own voice is left out: a neutral summary must not state it as fact. Reported
      // speech is the speaker's, and the sentence says who speaks. A reporting word the tagger reads as a noun
      // ("new calls for reform", "claims of abuse") reports no speech.
      const tokens = doc.tokens.slice(s.tokenStart, s.tokenEnd);
      const attributed = isAttributed(shown, lex) && (hasAttributionPhrase(shown, lex) || hasSpeechVerb(text, tokens, lex.reportingVerbs));
      const cues = attributed ? [] : opinionCues(text, start, end, tokens);
      const opinion = attributed ? attributedOpinion(text, start, end, tokens, lex.reportingVerbs) : isOpinion(cues);
      // Quoted words whose speaker the sentence does not name would read as the outlet's own statement.
      const speakerless = !attributed && opensInQuote(text, start);
      const eligible = whyNotEligible(shown, hasVerbIn(doc, i), lex) === null && !opinion && !speakerless && !isFurniture(shown);
      const outside = outsideQuotes(shown).toLowerCase();
      // One cue of the writer's view short of opinion ("a largely symbolic announcement"): kept, but a plain
      // sentence that tells as much goes first.
      const notNeutral = /^\s*[“"‘']/u.test(shown) || /(?<![\p{L}])(i|we|our|us|my|me)(?![\p{L}])/u.test(outside) || cues.some((c) => viewCue(c, text, tokens));
      const dates = timeIndex
        .overlapping(start - 1, end + 1)
        .map((k) => times[d][k])
        .filter((t) => t.span.start >= start && t.span.end <= end && t.value !== null && DAY_VALUE.test(t.value))
        .map((t) => ({ text: t.text, value: t.value as string, span: t.span, statesMonth: t.known.includes('month') && t.known.includes('day') }));
      out.push({
        doc: d,
        sentence: i,
        span: { article: doc.article.id, start, end },
        sentenceSpan: { article: doc.article.id, start: s.start, end: s.end },
        text: shown,
        how,
        vector: new Map(),
        norm: 0,
        termSet: new Set(),
        anchors: anchorsOf(shown),
        wordCount: (shown.match(WORD_RE) ?? []).length,
        attributed,
        stance: null,
        stanceMargin: 0,
        eligible,
        notNeutral,
        position: 1 / Math.sqrt(1 + i),
        centrality: 0,
        support: 0,
        score: 0,
        dates,
      });
    });
  });
  return out;
}

let background: { docs: number; df: Map<string, number> } | null = null;

/** How rare a term is in general news (Reuters-21578 + BBC document frequencies, models/story-df.json). */
function newsIdf(term: string): number {
  background ??= backgroundFrequencies();
  return Math.log((background.docs + 1) / ((background.df.get(term) ?? 0) + 1));
}

/**
 * The thresholds at which two sentences tell the same fact: weighted overlap, shared terms, shared rarity; a
 * shared figure (a number other than a year) is the fact's own anchor, so with one the overlap may be lower.
 */
const SAME_FACT = { score: 0.5, withFigure: 0.3, terms: 3, weight: 12 };

/**
 * Whether two sentences tell the same fact: they share enough content that is rare in general news (the same
 * rule src/compare aligns claims by), so "Republicans unveiled a $928 billion offer on Thursday" and "Senate
 * Republicans on Thursday unveiled a counteroffer of roughly $928 billion" are one fact, said once.
 */
function sameFact(a: Candidate, b: Candidate): boolean {
  a.rare ??= new Set(storyTerms(a.text));
  b.rare ??= new Set(storyTerms(b.text));
  let wa = 0;
  let wb = 0;
  let common = 0;
  let shared = 0;
  let figure = false;
  for (const t of a.rare) wa += newsIdf(t);
  for (const t of b.rare) {
    wb += newsIdf(t);
    if (a.rare.has(t)) {
      shared++;
      common += newsIdf(t);
      if (/^\d/.test(t) && !/^(19|20)\d\d$/.test(t)) figure = true;
    }
  }
  const score = wa > 0 && wb > 0 ? common / Math.sqrt(wa * wb) : 0;
  return shared >= SAME_FACT.terms && common >= SAME_FACT.weight && score >= (figure ? SAME_FACT.withFigure : SAME_FACT.score);
}

/** Similarity of two sentences for support: content-word cosine, raised by shared names and numbers. */
function supportSimilarity(a: Candidate, b: Candidate): number {
  let common = 0;
  for (const t of a.termSet) if (b.termSet.has(t)) common++;
  return similarityWith(common, a, b);
}

/** `supportSimilarity` of two sentences that share `common` content terms. */
function similarityWith(common: number, a: Candidate, b: Candidate): number {
  // Set overlap (Ochiai) rather than the story's TF-IDF: the words every article shares are the ones the
  // story's IDF weighs least, yet they are what makes two sentences report the same fact.
  const cos = a.termSet.size && b.termSet.size ? common / Math.sqrt(a.termSet.size * b.termSet.size) : 0;
  if (a.anchors.size === 0 || b.anchors.size === 0) return cos;
  let shared = 0;
  for (const x of a.anchors) if (b.anchors.has(x)) shared++;
  const jaccard = shared / (a.anchors.size + b.anchors.size - shared);
  return 0.75 * cos + 0.25 * jaccard;
}

/**
 * The sentences of other articles that support `c` (similarity at least SUPPORT_THRESHOLD), the best of each
 * article. Only sentences sharing a content term can reach the threshold (without one the similarity is at most
 * 0.25, the anchors' share), so they are found through the term index rather than by scoring every sentence.
 */
function supportersOf(c: Candidate, all: Candidate[], index: TermIndex): Map<number, { other: Candidate; sim: number }> {
  const { postings, common, touched } = index;
  touched.length = 0;
  for (const t of c.termSet) {
    for (const o of postings.get(t) ?? []) if (common[o]++ === 0) touched.push(o);
  }
  // in sentence order, as a scan of all sentences meets them, so ties keep the earlier sentence
  touched.sort((x, y) => x - y);
  const best = new Map<number, { other: Candidate; sim: number }>();
  for (const k of touched) {
    const o = all[k];
    const n = common[k];
    common[k] = 0;
    if (o.doc === c.doc) continue;
    const sim = similarityWith(n, c, o);
    if (sim >= SUPPORT_THRESHOLD && sim > (best.get(o.doc)?.sim ?? 0)) best.set(o.doc, { other: o, sim });
  }
  return best;
}

/** Sentences by content term (their positions in the candidate list, ascending), with scratch space for counting. */
interface TermIndex {
  postings: Map<string, number[]>;
  common: Int32Array;
  touched: number[];
}

function termIndex(all: Candidate[]): TermIndex {
  const postings = new Map<string, number[]>();
  all.forEach((c, k) => {
    for (const t of c.termSet) {
      const list = postings.get(t);
      if (list) list.push(k);
      else postings.set(t, [k]);
    }
  });
  return { postings, common: new Int32Array(all.length), touched: [] };
}

/** Scores every candidate; returns the index of their content terms, for finding supporting sentences. */
function scoreCandidates(all: Candidate[], docCount: number, weights: SummaryWeights, lex: SummaryLexicon): TermIndex {
  const termLists = all.map((c) => contentTerms(c.text, lex.stopwords));
  const idf = inverseFrequencies(termLists);
  all.forEach((c, k) => {
    c.vector = tfidf(termLists[k], idf);
    c.norm = norm(c.vector);
    c.termSet = new Set(termLists[k]);
    if (c.attributed) ({ stance: c.stance, margin: c.stanceMargin } = stanceCues(c.text, lex));
  });
  // Each article weighs the same in the story's centroid, however long it is.
  const centroid: TermVector = new Map();
  const perDoc = new Map<number, Candidate[]>();
  for (const c of all) {
    const list = perDoc.get(c.doc);
    if (list) list.push(c);
    else perDoc.set(c.doc, [c]);
  }
  for (const list of perDoc.values()) {
    const docVector: TermVector = new Map();
    for (const c of list) for (const [t, x] of c.vector) docVector.set(t, (docVector.get(t) ?? 0) + x);
    const n = norm(docVector) || 1;
    for (const [t, x] of docVector) centroid.set(t, (centroid.get(t) ?? 0) + x / n);
  }
  const centroidNorm = norm(centroid);
  for (const c of all) c.centrality = cosine(c.vector, centroid, c.norm, centroidNorm);
  const preliminary = (c: Candidate): number => weights.centrality * c.centrality + weights.position * c.position;
  const pool = all.filter((c) => c.eligible).sort((a, b) => preliminary(b) - preliminary(a)).slice(0, SUPPORT_POOL);
  const index = termIndex(all);
  if (docCount > 1) for (const c of pool) c.support = supportersOf(c, all, index).size / (docCount - 1);
  for (const c of all) {
    c.score = c.eligible ? preliminary(c) + weights.support * c.support - (c.notNeutral ? weights.notNeutral : 0) : -Infinity;
  }
  return index;
}

/** Both sides of the most central contested statement, then the sentence that best gives the most-reported date. */
function coveragePicks(all: Candidate[]): { pick: Candidate; reason: string }[] {
  const picks: { pick: Candidate; reason: string }[] = [];
  const eligible = all.filter((c) => c.eligible);
  if (eligible.length === 0) return picks;
  const centralities = eligible.map((c) => c.centrality).sort((a, b) => a - b);
  const median = centralities[Math.floor(centralities.length / 2)];
  const sided = eligible.filter((c) => c.stance !== null && c.centrality >= median);
  let bestPair: [Candidate, Candidate] | null = null;
  let bestValue = -Infinity;
  // The supporting sentences by term: a pair without a shared term has no topic in common (cosine 0), so each
  // opposing sentence meets only those sharing one, in the order of `sided` (ties keep the earlier pair).
  const supporting = sided.filter((c) => c.stance === 'support');
  const byTerm = new Map<string, number[]>();
  supporting.forEach((c, k) => {
    for (const t of c.vector.keys()) {
      const list = byTerm.get(t);
      if (list) list.push(k);
      else byTerm.set(t, [k]);
    }
  });
  const seen = new Uint8Array(supporting.length);
  const touched: number[] = [];
  for (const o of sided) {
    if (o.stance !== 'oppose') continue;
    touched.length = 0;
    for (const t of o.vector.keys()) {
      for (const k of byTerm.get(t) ?? []) {
        if (seen[k]) continue;
        seen[k] = 1;
        touched.push(k);
      }
    }
    touched.sort((x, y) => x - y);
    for (const k of touched) seen[k] = 0;
    for (const k of touched) {
      const s = supporting[k];
      const topical = cosine(o.vector, s.vector, o.norm, s.norm);
      // Two sides of one statement share its topic; unrelated praise and criticism do not make a contest.
      if (topical < 0.05) continue;
      // Clear statements of a side (several cues) make a better pair than a passing mention.
      const clarity = 0.1 * Math.min(2, o.stanceMargin) + 0.1 * Math.min(2, s.stanceMargin);
      // A side several outlets report is the story's contest, not one outlet's aside.
      const value = o.score + s.score + 4 * topical + clarity + o.support + s.support;
      if (value > bestValue) {
        bestValue = value;
        bestPair = [o, s];
      }
    }
  }
  if (bestPair) picks.push({ pick: bestPair[0], reason: 'side:oppose' }, { pick: bestPair[1], reason: 'side:support' });
  // The key date is a calendar day several articles name with its month ("January 23"), keyed on month and day
  // because articles without a known publication date leave the year unknown (XXXX-01-23).
  const docsByDate = new Map<string, Set<number>>();
  for (const c of all) {
    for (const d of c.dates) {
      if (!d.statesMonth) continue;
      const key = d.value.slice(5);
      docsByDate.set(key, (docsByDate.get(key) ?? new Set()).add(c.doc));
    }
  }
  const docCount = new Set(all.map((c) => c.doc)).size;
  let keyDate: string | null = null;
  let keyCount = 0;
  for (const [value, docs] of docsByDate) {
    if (docs.size > keyCount) {
      keyDate = value;
      keyCount = docs.size;
    }
  }
  // A date only one of several articles gives is not the story's key date.
  if (keyDate !== null && (keyCount >= 2 || docCount === 1)) {
    const dated = eligible.filter((c) => c.dates.some((d) => d.statesMonth && d.value.slice(5) === keyDate)).sort((a, b) => b.score - a.score);
    if (dated.length && !picks.some((p) => p.pick === dated[0])) picks.push({ pick: dated[0], reason: 'dated-fact' });
  }
  return picks;
}

function select(all: Candidate[], limit: { sentences: number | null; words: number | null }, weights: SummaryWeights, cover: boolean): { pick: Candidate; reason: string }[] {
  const chosen: { pick: Candidate; reason: string }[] = [];
  let wordsUsed = 0;
  const fits = (c: Candidate): boolean =>
    (limit.sentences === null || chosen.length < limit.sentences) &&
    (limit.words === null || chosen.length === 0 || wordsUsed + c.wordCount <= limit.words);
  const take = (c: Candidate, reason: string): void => {
    chosen.push({ pick: c, reason });
    wordsUsed += c.wordCount;
  };
  const eligible = all.filter((c) => c.eligible);
  if (eligible.length === 0) return chosen;
  // a loop, not Math.max(...): a spread of one argument per sentence overflows the stack on a huge article
  const maxScore = eligible.reduce((m, c) => Math.max(m, c.score), -Infinity) || 1;
  // A sentence that says what a chosen one says is already in the summary, as one of its citations.
  const redundancy = (c: Candidate): number =>
    chosen.reduce((m, x) => Math.max(m, supportSimilarity(c, x.pick) >= SUPPORT_THRESHOLD || sameFact(c, x.pick) ? 1 : cosine(c.vector, x.pick.vector, c.norm, x.pick.norm)), 0);
  const nextByMmr = (): Candidate | null => {
    let best: Candidate | null = null;
    let bestValue = -Infinity;
    for (const c of eligible) {
      if (chosen.some((x) => x.pick === c) || !fits(c)) continue;
      const redundant = redundancy(c);
      if (redundant >= 1) continue;
      const value = weights.lambda * (c.score / maxScore) - (1 - weights.lambda) * redundant;
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    return best;
  };
  const first = nextByMmr();
  if (first) take(first, 'central');
  if (cover) {
    for (const { pick, reason } of coveragePicks(all)) {
      if (chosen.some((x) => x.pick === pick)) continue;
      // Never repeat what the summary already says, even to cover a side.
      if (redundancy(pick) > 0.6 || !fits(pick)) continue;
      take(pick, reason);
    }
  }
  for (let next = nextByMmr(); next; next = nextByMmr()) take(next, 'central');
  return chosen;
}

function citationsFor(c: Candidate, all: Candidate[], index: TermIndex): { citations: SummaryCitation[]; audit: SummaryAuditEntry[] } {
  const citations: SummaryCitation[] = [{ article: c.span.article, span: c.span }];
  const audit: SummaryAuditEntry[] = [{ span: c.span, how: c.how, similarity: 1 }];
  const best = supportersOf(c, all, index);
  const supporters = [...best.values()].sort((a, b) => b.sim - a.sim);
  for (const { other, sim } of supporters) {
    citations.push({ article: other.sentenceSpan.article, span: other.sentenceSpan });
    audit.push({ span: other.sentenceSpan, how: 'supported-by:similarity', similarity: Math.round(sim * 1000) / 1000 });
  }
  return { citations, audit };
}

/**
 * Summarise a story's articles into cited sentences.
 *
 * @example
 * ```ts
 * const summary = summarize(docs, { sentences: 5 });
 * for (const s of summary.sentences) console.log(s.text, s.citations.map((c) => c.article));
 * ```
 */
export function summarize(docs: Doc[], options: SummarizeOptions = {}): Summary {
  for (const [name, v] of [['sentences', options.sentences], ['words', options.words]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) throw new Error(`summary ${name}: ${v} is not a whole number of at least 1`);
  }
  const limit = {
    sentences: options.sentences ?? (options.words === undefined ? 6 : null),
    words: options.words ?? null,
  };
  const weights: SummaryWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const lex = summaryLexicon();
  const all = candidates(docs, timesOf(docs, options.times), lex);
  const index = scoreCandidates(all, docs.length, weights, lex);
  const chosen = select(all, limit, weights, options.cover ?? true);
  // Read in the order the articles tell it: earlier in an article first, the article order breaking ties.
  chosen.sort((a, b) => a.pick.sentence / docs[a.pick.doc].sentences.length - b.pick.sentence / docs[b.pick.doc].sentences.length || a.pick.doc - b.pick.doc);
  const sentences: SummarySentence[] = chosen.map(({ pick, reason }) => ({
    text: pick.text,
    ...citationsFor(pick, all, index),
    attributed: pick.attributed,
    reason,
    dates: pick.dates.map(({ text, value, span }) => ({ text, value, span })),
  }));
  return { sentences, method: 'mmr-tfidf', limit };
}
