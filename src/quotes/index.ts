/**
 * Who said what: finds quotations and reported speech in a document, with the cue ("said"), the content
 * (the words said) and the source (the speaker mention), plus the speaker's antecedent for pronouns and
 * nominals and the channel (news agency, broadcaster) that carried the words.
 *
 * Candidate generation is trained (a cue tagger and a cue-conditioned role tagger, `models/quote-taggers.json`);
 * refiners after it are general rules over `data/quotes.json`: kind from quotation marks, antecedents, channels.
 */
import type { Doc, Quote, QuoteKind, Span } from '../model.js';
import { analyse, type TokenFacts } from './analysis.js';
import { quoteLexicon } from './lexicon.js';
import { firstAtOrAfter } from '../spans.js';
import { quoteModel, releaseQuoteModel, tagCues, tagRoles, type QuoteModel, type TokenRange } from './taggers.js';
import { releaseWordClusters } from './clusters.js';

export { quoteLexicon } from './lexicon.js';

/**
 * Drops the quote taggers' model and word clusters (about 20 MB), for a process whose remaining work finds no
 * quotes; the next `findQuotes` reads them again.
 */
export function releaseQuoteModels(): void {
  releaseQuoteModel();
  releaseWordClusters();
}


function span(doc: Doc, r: TokenRange): Span {
  return { article: doc.article.id, start: doc.tokens[r.start].start, end: doc.tokens[r.end].end };
}

/** Direct when every content token lies inside quotation marks, mixed when some do, indirect otherwise. */
function kindOf(f: TokenFacts, content: TokenRange[]): QuoteKind {
  let quoted = 0;
  let total = 0;
  for (const r of content) {
    for (let k = r.start; k <= r.end; k++) {
      if (f.pos[k] === 'PUNCT' && !f.quoteMark[k]) continue;
      total++;
      if (f.quotation[k] >= 0) quoted++;
    }
  }
  if (total > 0 && quoted === total) return 'direct';
  return quoted > 0 ? 'mixed' : 'indirect';
}

/** The source run nearest the cue: the taggers may mark more than one. */
function nearest(runs: TokenRange[], cue: TokenRange): TokenRange | null {
  let best: TokenRange | null = null;
  let bestDist = Infinity;
  for (const r of runs) {
    const d = r.end < cue.start ? cue.start - r.end : r.start > cue.end ? r.start - cue.end : 0;
    if (d < bestDist) {
      best = r;
      bestDist = d;
    }
  }
  return best;
}

/** Time words that may stand between a subject and its verb of saying ("X on Thursday said"). */
const TIME_WORDS = /^(?:on|last|this|late|early|also|again|then|now|previously|earlier|later|today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|night|morning|afternoon|evening|week|has|had|have)$/;

/**
 * The subject before a cue the role tagger gave no source ("Sen. Jane Roe (D-Ore.) on Thursday said ..."):
 * from the sentence start, a noun phrase holding a name, past a parenthesis and time words; null when the
 * sentence does not open with such a phrase right before the cue.
 */
function subjectBeforeCue(f: TokenFacts, cue: TokenRange): TokenRange | null {
  const sentence = sentenceBounds(f, cue.start);
  let k = cue.start - 1;
  while (k >= sentence.start && (TIME_WORDS.test(f.lower[k]) || (f.pos[k] === 'PROPN' && TIME_WORDS.test(f.lower[k])))) k--;
  if (k >= sentence.start && f.lower[k] === ')') {
    let j = k;
    while (j > sentence.start && f.lower[j] !== '(' && k - j < 10) j--;
    if (f.lower[j] !== '(') return null;
    k = j - 1;
  }
  const end = k;
  if (end < sentence.start) return null;
  let hasName = false;
  for (let j = sentence.start; j <= end; j++) {
    const pos = f.pos[j];
    if (f.quoteMark[j] || f.quotation[j] >= 0) return null;
    if (pos === 'PROPN') hasName = true;
    else if (!(pos === 'DET' || pos === 'ADJ' || pos === 'NOUN' || pos === 'NUM' || (pos === 'PUNCT' && f.lower[j] === '.'))) return null;
  }
  return hasName && f.pos[end] === 'PROPN' ? { start: sentence.start, end } : null;
}

/** Whether a source run is a pronoun or a nominal ("the official") rather than a name. */
function needsAntecedent(f: TokenFacts, r: TokenRange): boolean {
  const lex = quoteLexicon();
  if (r.start === r.end && lex.speakerPronouns.has(f.lower[r.start])) return true;
  // "Iran's deputy foreign minister": a lower-case nominal head, whatever names modify it.
  if (lex.personNominals.has(f.lower[r.end]) && f.shape[r.end] === 'x') return true;
  for (let k = r.start; k <= r.end; k++) if (f.pos[k] === 'PROPN') return false;
  return f.lower[r.start] === 'the';
}

/** Name runs: consecutive PROPN tokens (joined by a hyphen or apostrophe-s is not a name). */
function nameRuns(f: TokenFacts, from: number, to: number): TokenRange[] {
  const out: TokenRange[] = [];
  for (let k = from; k < to; k++) {
    if (f.pos[k] !== 'PROPN' || f.shape[k] === 'p' || f.shape[k] === 'x') continue;
    const last = out[out.length - 1];
    if (last && last.end === k - 1) last.end = k;
    else out.push({ start: k, end: k });
  }
  return out;
}

/** Possessive determiners: before a person noun they name whose the person is, not who the person is. */
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/**
 * The antecedent of a pronoun or nominal source: the speaker of the latest earlier quote whose source is a
 * name, else the latest earlier multi-word name (one preceded by a title counts too).
 */
function resolveAntecedent(f: TokenFacts, source: TokenRange, earlierNamed: Sources, described: Sources = new Sources(f, 'last')): TokenRange | null {
  // "the deputy foreign minister" points back to the speaker whose own mention had "Minister" in it.
  const head = f.lower[source.end];
  if (f.shape[source.end] === 'x' && quoteLexicon().personNominals.has(head)) {
    // Capitalised modifiers ("Kazakh", "Iran's") must agree with the candidate ("Iranian" agrees with "Iran").
    const modifiers: string[] = [];
    for (let k = source.start; k < source.end; k++) if ((f.shape[k] === 'Xx' || f.shape[k] === 'XX') && !/^(?:the|a|an)$/.test(f.lower[k])) modifiers.push(f.lower[k].replace(/['’]s$/, ''));
    for (const r of earlierNamed.latestWith(head, source.start)) {
      const words = f.lower.slice(r.start, r.end + 1);
      if (modifiers.every((m) => words.some((w) => w.startsWith(m) || m.startsWith(w)))) return r;
    }
    // "the official said", after "a White House official told ...": the fuller description said it before.
    for (const d of described.latestWith(head, source.start)) {
      const words = f.lower.slice(d.start, d.end + 1);
      if (d.end > d.start && modifiers.every((m) => words.includes(m))) return d;
    }
    // A nominal that names its own country or body stands on its own rather than take a wrong antecedent;
    // so does one of someone ("his spokesman", "her lawyer"): the person named before is the possessor.
    if (modifiers.length > 0) return null;
    for (let k = source.start; k < source.end; k++) if (POSSESSIVE_DETERMINERS.has(f.lower[k])) return null;
  }
  // "the justices", "the sources": a plural description is a group, never one person named before it; it
  // points back to an earlier source with the same head, else to the group that is the subject just before
  // ("The Wardens, led by ..., wrote ... The members wrote ...").
  if (source.end > source.start && f.shape[source.end] === 'x' && f.pos[source.end] === 'NOUN' && /s$/.test(head)) {
    for (const r of earlierNamed.latestWith(head, source.start)) if (f.lower[r.end] === head) return r;
    if (/^(?:the|these|those)$/.test(f.lower[source.start])) {
      const group = pluralSubject(f, source.start);
      if (group && group.end < source.start) return group;
    }
    return null;
  }
  // "they", "we": a group, the plural subject just before, rather than a single name said since.
  if (source.start === source.end && /^(?:they|we)$/.test(f.lower[source.start])) {
    const group = pluralSubject(f, source.start);
    if (group && group.end < source.start) return group;
  }
  const window = Math.max(0, source.start - 400);
  let names = nameRuns(f, window, source.start).filter((r) => {
    const words = r.end - r.start + 1;
    const titled = r.start > 0 && quoteLexicon().titleWords.has(f.lower[r.start - 1].replace(/\.$/, ''));
    // A name inside a quotation is someone spoken about, not the speaker.
    return (words >= 2 || titled) && f.quotation[r.start] < 0;
  });
  // "he", "she": the person last named as a subject ("Gov. Jane Roe is sending troops ..., she said"), not a
  // name in object position ("sending National Guard troops"), when the text has one.
  if (source.start === source.end && quoteLexicon().speakerPronouns.has(f.lower[source.start])) {
    const subjects = names.filter((r) => inSubjectPosition(f, r));
    if (subjects.length) names = subjects;
  }
  const lastQuote = earlierNamed.latestBefore(source.start);
  const lastName = names[names.length - 1];
  // Prefer the last quoted speaker unless a newer full name has come up since.
  if (lastQuote && (!lastName || lastName.start <= lastQuote.end || isSameName(f, lastName, lastQuote))) return lastQuote;
  return lastName ?? lastQuote ?? null;
}

/**
 * The plural subject of the sentence holding token `at` (before it) or of the sentence before, nearest first:
 * the words from the sentence start to its first verb, when they are a coordination holding a name on each
 * side of "and" ("Sen. Jane Roe and Sen. John Doe wrote ...") or end in a plural noun ("The senators will
 * meet ..."). "They" and "the lawmakers" point back to such a group, not to one name said since.
 */
function pluralSubject(f: TokenFacts, at: number): TokenRange | null {
  const here = sentenceBounds(f, at);
  const starts = [here.start];
  if (here.start > 0) starts.push(sentenceBounds(f, here.start - 1).start);
  for (const start of starts) {
    if (f.quoteMark[start]) continue;
    let verb = -1;
    let depth = 0;
    for (let k = start; k < Math.min(at, start + 25); k++) {
      if (f.lower[k] === '(') depth++;
      else if (f.lower[k] === ')') depth = Math.max(0, depth - 1);
      else if (depth === 0 && (f.pos[k] === 'VERB' || f.pos[k] === 'AUX')) {
        verb = k;
        break;
      }
      if (f.quoteMark[k] || (f.sentence[k] !== f.sentence[start])) break;
    }
    if (verb <= start) continue;
    let end = verb - 1;
    while (end > start && f.pos[end] === 'PUNCT') end--;
    const words = f.lower.slice(start, end + 1);
    const and = words.indexOf('and');
    // a coordination of names has no lower-case word but "and" ("Former regional and national
    // champion Jane Roe" is one person)
    const namesOnly = f.shape.slice(start, end + 1).every((sh, i) => sh !== 'x' || words[i] === 'and');
    const nameBefore = and > 0 && namesOnly && f.pos.slice(start, start + and).includes('PROPN');
    const nameAfter = and > 0 && f.pos.slice(start + and + 1, end + 1).includes('PROPN');
    // the head: the last word before an apposition or a participle ("The Wardens, led by ...")
    let head = end;
    for (let k = start; k <= end; k++) if (f.lower[k] === ',') {
      head = k - 1;
      break;
    }
    const plural = (f.pos[head] === 'NOUN' || f.pos[head] === 'PROPN') && /[^s'’]s$/.test(f.lower[head]) && f.shape[head] !== 'XX';
    if ((nameBefore && nameAfter) || plural) return { start, end: nameBefore && nameAfter ? end : head };
  }
  return null;
}

/**
 * Whether a name run is a clause's subject: it opens its sentence, or a verb follows it (past a parenthesis
 * such as "(R-Texas)" or an apposition between commas).
 */
function inSubjectPosition(f: TokenFacts, r: TokenRange): boolean {
  if (r.start === 0 || f.sentence[r.start - 1] !== f.sentence[r.start]) return true;
  let k = r.end + 1;
  const n = f.lower.length;
  if (k < n && f.lower[k] === '(') {
    while (k < n && f.lower[k] !== ')' && k - r.end < 8) k++;
    k++;
  }
  if (k < n && f.lower[k] === ',') {
    let j = k + 1;
    while (j < n && f.lower[j] !== ',' && !/^[.!?]$/.test(f.lower[j]) && j - k < 15) j++;
    if (j < n && f.lower[j] === ',') k = j + 1;
  }
  return k < n && (f.pos[k] === 'VERB' || f.pos[k] === 'AUX');
}

/**
 * Sources of earlier quotes, in the order found, indexed by their words (`all`) or their last word (`last`):
 * a pronoun or nominal looks back only at the sources that hold its head noun, not at every earlier one.
 */
class Sources {
  private readonly list: TokenRange[] = [];
  private readonly byWord = new Map<string, number[]>();

  constructor(
    private readonly f: TokenFacts,
    private readonly by: 'all' | 'last',
  ) {}

  push(r: TokenRange): void {
    const i = this.list.length;
    this.list.push(r);
    const words = this.by === 'all' ? new Set(this.f.lower.slice(r.start, r.end + 1)) : [this.f.lower[r.end]];
    for (const w of words) {
      const at = this.byWord.get(w);
      if (at) at.push(i);
      else this.byWord.set(w, [i]);
    }
  }

  /** The sources holding `word` that end before `offset`, latest found first. */
  *latestWith(word: string, offset: number): Generator<TokenRange> {
    const at = this.byWord.get(word) ?? [];
    for (let k = at.length - 1; k >= 0; k--) if (this.list[at[k]].end < offset) yield this.list[at[k]];
  }

  /** The latest found source that ends before `offset`. */
  latestBefore(offset: number): TokenRange | undefined {
    for (let k = this.list.length - 1; k >= 0; k--) if (this.list[k].end < offset) return this.list[k];
    return undefined;
  }
}

function isSameName(f: TokenFacts, a: TokenRange, b: TokenRange): boolean {
  return f.lower[a.end] === f.lower[b.end];
}

/**
 * A news agency or broadcaster that carried the words: the object of "told", the agent of "quoted by", the
 * partner of "an interview with", or a source that is itself a medium ("the X news agency").
 */
function findChannel(f: TokenFacts, cue: TokenRange, source: TokenRange | null): TokenRange | null {
  const lex = quoteLexicon();
  const n = f.lower.length;
  const mediaRun = (start: number): TokenRange | null => {
    let k = start;
    if (f.lower[k] === 'the') k++;
    let end = k - 1;
    while (end + 1 < n && (f.pos[end + 1] === 'PROPN' || (end + 1 > k && lex.channelWords.has(f.lower[end + 1])) || (f.shape[end + 1] === 'XX' && f.pos[end + 1] !== 'PUNCT'))) end++;
    if (end < k) return null;
    const words = end - k + 1;
    const hasChannelWord = f.lower.slice(k, end + 1).some((w) => lex.channelWords.has(w));
    // "told Reuters": a lone capitalised name after "told" is an organisation far more often than a person.
    if (hasChannelWord || words === 1) return { start: k, end };
    return null;
  };
  for (let k = cue.start; k <= Math.min(n - 1, cue.end + 1); k++) {
    const w = f.lower[k];
    if ((w === 'told' || w === 'tells' || w === 'telling') && k + 1 < n) {
      const r = mediaRun(k + 1);
      if (r && !lex.audienceWords.has(f.lower[r.start])) return r;
    }
  }
  // "in an interview with X", "quoted ... by X": look a few tokens past the cue.
  for (let k = cue.start; k < Math.min(n - 1, cue.end + 8); k++) {
    const w = f.lower[k];
    if ((w === 'with' && f.lower[k - 1] === 'interview') || (w === 'by' && f.lower.slice(Math.max(0, k - 4), k).some((x) => x === 'quoted' || x === 'cited'))) {
      const r = mediaRun(k + 1);
      if (r) return r;
    }
  }
  if (source && f.lower.slice(source.start, source.end + 1).some((w) => lex.channelWords.has(w) && w !== 'news')) return source;
  return null;
}

/** Whether every token in [from, to] is punctuation other than a quotation mark (or the range is empty). */
function onlyPunctuation(f: TokenFacts, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (f.pos[k] !== 'PUNCT' || f.quoteMark[k]) return false;
  return true;
}

const extents = new WeakMap<TokenFacts, { first: Map<number, number>; last: Map<number, number> }>();

/** The first and last token of each paragraph (paragraph numbers never go down along the tokens). */
function paragraphExtents(f: TokenFacts): { first: Map<number, number>; last: Map<number, number> } {
  let e = extents.get(f);
  if (!e) {
    e = { first: new Map(), last: new Map() };
    f.paragraph.forEach((p, k) => {
      if (!e!.first.has(p)) e!.first.set(p, k);
      e!.last.set(p, k);
    });
    extents.set(f, e);
  }
  return e;
}

/**
 * A quotation right beside the attribution ("“…,” SOURCE CUE" or "SOURCE CUE: “…”") is what was said, even
 * when the tagger marked something else; a quotation that resumes after the attribution's sentence ("“…,” he
 * said. “…”") continues it.
 */
function adjacentQuotation(f: TokenFacts, cue: TokenRange, source: TokenRange | null): TokenRange[] | null {
  const left = Math.min(cue.start, source?.start ?? cue.start);
  const right = Math.max(cue.end, source?.end ?? cue.end);
  // Only quotations in the attribution's paragraphs can be beside it: the quotations (in text order, never
  // overlapping) from the first ending in the left one to the last starting in the right one.
  const { first, last } = paragraphExtents(f);
  const from = firstAtOrAfter(f.quotations, (q) => q.end, first.get(f.paragraph[left]) ?? 0);
  const to = firstAtOrAfter(f.quotations, (q) => q.start, (last.get(f.paragraph[right]) ?? f.lower.length) + 1);
  for (const q of f.quotations.slice(from, to)) {
    if (q.end < left && f.paragraph[q.end] === f.paragraph[left] && onlyPunctuation(f, q.end + 1, left - 1)) {
      const parts = [{ start: q.start, end: q.end }];
      // After the attribution's sentence ends, a new quotation in the same paragraph carries on.
      let k = right + 1;
      while (k < f.lower.length && f.pos[k] === 'PUNCT' && !f.quoteMark[k]) k++;
      const at = firstAtOrAfter(f.quotations, (x) => x.start, k);
      const next = f.quotations[at]?.start === k && f.paragraph[k] === f.paragraph[right] ? f.quotations[at] : undefined;
      if (next && k > right + 1) parts.push({ start: next.start, end: next.end });
      return parts;
    }
    if (q.start > right && f.paragraph[q.start] === f.paragraph[right] && onlyPunctuation(f, right + 1, q.start - 1)) {
      return [{ start: q.start, end: q.end }];
    }
  }
  return null;
}

/**
 * Content runs split only by a comma, dash or quotation mark ("that, “…”") are one span: a content continues
 * across such a gap, whereas what the writer puts between two parts of one content is the attribution itself
 * or a sentence end, never bare mid-sentence punctuation.
 */
function joinAcrossPunctuation(f: TokenFacts, content: TokenRange[]): TokenRange[] {
  const out: TokenRange[] = [];
  for (const r of content) {
    const last = out[out.length - 1];
    if (last && last.end < r.start && f.paragraph[last.end] === f.paragraph[r.start] && midSentenceGap(f, last.end + 1, r.start - 1)) {
      last.end = r.end;
    } else out.push({ ...r });
  }
  return out;
}

/** Whether tokens [from, to] are all punctuation, none of it ending a sentence. */
function midSentenceGap(f: TokenFacts, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    if (f.pos[k] !== 'PUNCT' || /^[.!?…]+$/.test(f.lower[k]) || f.sentence[k] !== f.sentence[from]) return false;
  }
  return true;
}

const overlapsRange = (a: TokenRange, b: TokenRange): boolean => a.start <= b.end && b.start <= a.end;

/** The first and last token of the sentence token `k` lies in. */
function sentenceBounds(f: TokenFacts, k: number): TokenRange {
  let start = k;
  let end = k;
  while (start > 0 && f.sentence[start - 1] === f.sentence[k]) start--;
  while (end + 1 < f.lower.length && f.sentence[end + 1] === f.sentence[k]) end++;
  return { start, end };
}

/** Content words of a token range list, punctuation aside. */
function wordCount(f: TokenFacts, runs: TokenRange[]): number {
  let n = 0;
  for (const r of runs) for (let k = r.start; k <= r.end; k++) if (f.pos[k] !== 'PUNCT') n++;
  return n;
}

/**
 * Whether what follows an attribution up to the sentence end or the next comma leaves the attribution's verb
 * without an object of its own: nothing, a time or a prepositional phrase ("on Thursday", "in a statement"), or
 * the audience after "told". A determiner or noun right after the verb ("unveiled a plan") is its object; a
 * verb or "that" ("said that ...", "said it would ...") opens a clause of its own.
 */
function attributionTailIsLight(f: TokenFacts, cue: TokenRange, right: number, end: number): boolean {
  const told = f.verb[cue.end] === 'tell';
  for (let k = right + 1; k <= end; k++) {
    if (f.lower[k] === ',' || /^[.!?…]+$/.test(f.lower[k])) return true;
    if (f.pos[k] === 'VERB' || f.pos[k] === 'AUX' || f.lower[k] === 'that') return false;
    if (k === right + 1 && !told && (f.pos[k] === 'DET' || f.pos[k] === 'NOUN' || f.pos[k] === 'ADJ' || f.pos[k] === 'PRON')) return false;
  }
  return true;
}

/**
 * The reported clause of an attribution the role tagger gave no content (or only a stray word after the
 * cue): the clause before a post-posed attribution ("CLAUSE, the agency said Thursday."), from the sentence
 * start to the comma before the source and cue; null when the sentence has no such shape.
 */
function reportedClause(f: TokenFacts, cue: TokenRange, source: TokenRange | null): TokenRange | null {
  const left = Math.min(cue.start, source?.start ?? cue.start);
  const right = Math.max(cue.end, source?.end ?? cue.end);
  // only a verb of saying reports a clause this way ("CLAUSE, X criticized" is no report)
  const cueWords = f.lower.slice(cue.start, cue.end + 1);
  if (!cueWords.some((_, i) => f.verb[cue.start + i] !== '') && cueWords.join(' ') !== 'according to') return null;
  const sentence = sentenceBounds(f, cue.start);
  if (left - 1 <= sentence.start || f.lower[left - 1] !== ',') return null;
  // a quotation before the attribution is read by adjacentQuotation, not here
  if (f.quotation[left - 2] >= 0 && f.quoteMark[left - 2]) return null;
  if (!attributionTailIsLight(f, cue, right, sentence.end)) return null;
  const clause = { start: sentence.start, end: left - 2 };
  // "In addition, ...", "For instance, ...": a short opening adverbial is the writer's, not the speaker's.
  for (let k = clause.start; k < Math.min(clause.end, clause.start + 4); k++) {
    if (f.lower[k] === ',') {
      if (f.pos[clause.start] === 'ADP' || f.pos[clause.start] === 'ADV') clause.start = k + 1;
      break;
    }
  }
  // "When Congress cut funding, X said ...", "On Tuesday, X said ...": a subordinate or prepositional opening
  // is a frame for the main clause that follows, not what was said; so is a clause without a verb.
  let first = clause.start;
  if (first < clause.end && /^(?:but|and|yet|so)$/.test(f.lower[first])) first++;
  if (f.pos[first] === 'ADP' || f.pos[first] === 'SCONJ' || /ing$/.test(f.lower[first]) || quoteLexicon().clauseOpeners.has(f.lower[first])) return null;
  // "..., who said": a relative pronoun's clause is about its antecedent, it reports nothing before it
  // ("WHO said": an all-capital acronym is a name, not the relative pronoun)
  if (source && source.start === source.end && f.shape[source.start] !== 'XX' && quoteLexicon().clauseOpeners.has(f.lower[source.start])) return null;
  let finite = false;
  for (let k = clause.start; k <= clause.end; k++) if (f.pos[k] === 'VERB' || f.pos[k] === 'AUX') finite = true;
  if (!finite) return null;
  // an unclosed quotation mark opening the sentence belongs to another attribution
  if (f.quoteMark[clause.start] && f.quotation[clause.start] !== f.quotation[clause.end]) return null;
  return wordCount(f, [clause]) >= 4 ? clause : null;
}

/**
 * The statement after an attribution that ends its paragraph with a colon ("X said in a statement Wednesday:"):
 * the next paragraph (a block quotation), when it opens with no quotation mark (a quotation there is read by
 * adjacentQuotation) and only a time or a prepositional phrase stands between the cue and the colon.
 */
function colonStatement(f: TokenFacts, cue: TokenRange, source: TokenRange | null): TokenRange | null {
  const right = Math.max(cue.end, source?.end ?? cue.end);
  const sentence = sentenceBounds(f, cue.start);
  let colon = sentence.end;
  if (f.lower[colon] !== ':' && colon + 1 < f.lower.length && f.lower[colon + 1] === ':') colon++;
  if (f.lower[colon] !== ':' || colon <= right) return null;
  // the attribution is a paragraph of its own, as a statement set off below it is
  if (sentence.start > 0 && f.paragraph[sentence.start - 1] === f.paragraph[sentence.start]) return null;
  const next = colon + 1;
  if (next >= f.lower.length || f.paragraph[next] === f.paragraph[colon] || f.quoteMark[next]) return null;
  for (let k = right + 1; k < colon; k++) if (f.pos[k] === 'VERB' || f.pos[k] === 'AUX' || f.lower[k] === 'that' || f.quoteMark[k]) return null;
  // the whole paragraph, as a block quotation is
  const r = { start: next, end: paragraphExtents(f).last.get(f.paragraph[next]) ?? next };
  return wordCount(f, [r]) >= 4 ? r : null;
}

/**
 * A content that opens with a quotation mark runs to the quotation's close: the words inside the marks are
 * what was said, neither cut at a sentence end inside it nor run on into the narration after it.
 */
function wholeQuotation(f: TokenFacts, r: TokenRange, cue: TokenRange, source: TokenRange | null): TokenRange {
  if (!f.quoteMark[r.start] || f.quotation[r.start] < 0) return r;
  const q = f.quotations[f.quotation[r.start]];
  if (q.start !== r.start) return r;
  // the attribution inside the quotation's marks would be swallowed: leave it to the tagger
  const left = Math.min(cue.start, source?.start ?? cue.start);
  const right = Math.max(cue.end, source?.end ?? cue.end);
  if (q.start <= right && left <= q.end) return r;
  return { start: q.start, end: q.end };
}

/**
 * A content run that lies past another cue, with nothing of this content between ("X urged women to vote,
 * saying, “…”"), is that cue's content; a run that holds another cue inside it is a nested report and stays.
 */
function withoutRunsPastOtherCues(content: TokenRange[], cue: TokenRange, source: TokenRange | null, cues: TokenRange[]): TokenRange[] {
  if (content.length < 2) return content;
  const left = Math.min(cue.start, source?.start ?? cue.start);
  const right = Math.max(cue.end, source?.end ?? cue.end);
  const inGap = (from: number, to: number): boolean =>
    cues.some((c) => c !== cue && c.start >= from && c.end <= to && !content.some((r) => overlapsRange(r, c)));
  const after = content.filter((r) => r.start > right);
  const before = content.filter((r) => r.end < left);
  const rest = content.filter((r) => r.start <= right && r.end >= left);
  let keptAfter = after;
  for (let i = 0; i < after.length; i++) {
    if (inGap(i === 0 ? right + 1 : after[i - 1].end + 1, after[i].start - 1)) {
      keptAfter = after.slice(0, i);
      break;
    }
  }
  let keptBefore = before;
  for (let i = before.length - 1; i >= 0; i--) {
    if (inGap(before[i].end + 1, i === before.length - 1 ? left - 1 : before[i + 1].start - 1)) {
      keptBefore = before.slice(i + 1);
      break;
    }
  }
  const kept = [...keptBefore, ...rest, ...keptAfter];
  return kept.length ? kept : content;
}

/**
 * "Survival, Mr. VandeHei says, depends on ...": an attribution set between commas inside the sentence splits
 * one content in two; the words before it are the content's first fragment.
 */
function withInterposedOpening(f: TokenFacts, content: TokenRange[], cue: TokenRange, source: TokenRange | null): TokenRange[] {
  const left = Math.min(cue.start, source?.start ?? cue.start);
  const right = Math.max(cue.end, source?.end ?? cue.end);
  if (content.length === 0 || content.some((r) => r.end < left)) return content;
  const first = content[0];
  if (first.start <= right || f.lower[first.start - 1] !== ',' || f.lower[left - 1] !== ',') return content;
  // "In the excerpt, the author wrote, “…”": before a quotation, the opening is the writer's frame
  if (content.some((r) => f.quotation[r.start] >= 0)) return content;
  // only a time may sit between the cue and the comma ("said Tuesday,")
  if (first.start - 1 - right > 2) return content;
  const sentence = sentenceBounds(f, left);
  if (left - 2 < sentence.start || f.sentence[first.start] !== f.sentence[left]) return content;
  for (let k = sentence.start; k <= left - 2; k++) if (f.quoteMark[k]) return content;
  return [{ start: sentence.start, end: left - 2 }, ...content];
}

/**
 * Finds the quotes of a document.
 *
 * @example
 * ```ts
 * const doc = buildDoc(plainArticle('“We will not go,” the minister told Reuters on Monday.'));
 * const [q] = findQuotes(doc);
 * doc.article.text.slice(q.content[0].start, q.content[0].end); // '“We will not go,”'
 * q.kind; // 'direct'
 * ```
 *
 * `model` defaults to the committed one; training passes its own to score a model held out from some data.
 */
export function findQuotes(doc: Doc, model: QuoteModel = quoteModel()): Quote[] {
  if (doc.tokens.length === 0) return [];
  const f = analyse(doc);
  const cues = tagCues(model, f, doc.sentences);
  const quotes: Quote[] = [];
  const named = new Sources(f, 'all');
  // nominal sources that stood on their own ("a White House official"): antecedents of a later "the official"
  const described = new Sources(f, 'last');
  // token ranges of each quote's content and cue, for the quotations read after the cues
  const found: { content: TokenRange[]; cue: TokenRange | null }[] = [];
  for (const cue of cues) {
    const roles = tagRoles(model, f, cue);
    let source = nearest(roles.source, cue);
    let method = 'model:perceptron';
    // (only before an active verb: "X is expected to ..." is what others expect of X, not what X said)
    if (!source && !f.pos.slice(cue.start, cue.end + 1).includes('AUX') && roles.content.every((c) => c.start > cue.end)) {
      source = subjectBeforeCue(f, cue);
      if (source) method += '+rule:subject-before-cue';
    }
    const quoted = adjacentQuotation(f, cue, source);
    // The tagger's content stands when it covers the quotation from its opening mark; otherwise (nothing, or
    // a piece of it) the quotation is the content.
    if (quoted && !roles.content.some((c) => c.start === quoted[0].start || (c.start < quoted[0].start && overlapsRange(c, quoted[0])))) {
      roles.content = quoted;
      method = 'model:perceptron+rule:adjacent-quotation';
    }
    // Nothing, or a stray word after the cue ("she announced Tuesday"): a post-posed attribution reports the
    // clause before it.
    if (!quoted && (roles.content.length === 0 || (wordCount(f, roles.content) < 4 && roles.content.every((c) => c.start > cue.end)))) {
      const clause = reportedClause(f, cue, source);
      if (clause) {
        roles.content = [clause];
        method = 'model:perceptron+rule:reported-clause';
      }
    }
    // "X said in a statement Wednesday:" closing its paragraph: the statement is the next paragraph, set off by
    // the colon and the paragraph break instead of quotation marks.
    if (roles.content.length === 0 && !quoted) {
      const statement = colonStatement(f, cue, source);
      if (statement) {
        roles.content = [statement];
        // "added:": the colon right after the verb is part of the cue (as PolNeAR marks it)
        if (f.lower[cue.end + 1] === ':' && statement.start === cue.end + 2) cue.end++;
        method = 'model:perceptron+rule:colon-statement';
      }
    }
    if (roles.content.length === 0) continue;
    roles.content = joinAcrossPunctuation(f, roles.content);
    roles.content = withoutRunsPastOtherCues(roles.content, cue, source, cues);
    const opened = withInterposedOpening(f, roles.content, cue, source);
    if (opened !== roles.content) method += '+rule:interposed-attribution';
    roles.content = opened;
    roles.content = roles.content.map((r) => wholeQuotation(f, r, cue, source));
    let antecedent: TokenRange | null = null;
    if (source) {
      if (needsAntecedent(f, source)) {
        antecedent = resolveAntecedent(f, source, named, described);
        if (!antecedent) described.push(source);
      } else named.push(source);
    }
    const channel = findChannel(f, cue, source);
    found.push({ content: roles.content, cue });
    quotes.push({
      kind: kindOf(f, roles.content),
      cue: span(doc, cue),
      content: roles.content.map((r) => span(doc, r)),
      source: source ? span(doc, source) : null,
      antecedent: antecedent ? span(doc, antecedent) : null,
      speaker: null,
      channel: channel ? span(doc, channel) : null,
      method,
      confidence: source ? 0.7 : 0.5,
    });
  }
  standaloneQuotations(doc, f, quotes, found);
  return quotes.sort((a, b) => a.content[0].start - b.content[0].start);
}

/**
 * Quotations that make up a paragraph of their own with no cue in it. Right after a paragraph whose quotation
 * has its speaker ("“…,” he said." then "“…”"), news goes on quoting the same speaker: the quotation continues
 * that attribution (same source, no cue of its own). A quotation that opens the last paragraph and is cut off
 * with the text ("“The plan would…") was said by someone the text never reaches: a quote with no source.
 * Other lone quotations (a title, a slogan, a quote whose speaker comes later) are left alone.
 */
function standaloneQuotations(doc: Doc, f: TokenFacts, quotes: Quote[], found: { content: TokenRange[]; cue: TokenRange | null }[]): void {
  const n = f.lower.length;
  for (const q of f.quotations) {
    const inner = { start: q.start + 1, end: f.quoteMark[q.end] ? q.end - 1 : q.end };
    if (inner.end < inner.start || wordCount(f, [inner]) < 4) continue;
    // 'Coal Is Not the Villain': a title or a heading, not speech
    let long = 0;
    let capitalised = 0;
    for (let k = inner.start; k <= inner.end; k++) {
      if (f.pos[k] === 'PUNCT' || f.lower[k].length < 4) continue;
      long++;
      if (f.shape[k] === 'Xx' || f.shape[k] === 'XX') capitalised++;
    }
    if (long > 0 && capitalised === long) continue;
    const p = f.paragraph[q.start];
    // the quotation opens its paragraph, or a sentence right after an attribution's sentence ("“…,” she said
    // on Monday. “…”"); only punctuation follows it
    const opensParagraph = q.start === 0 || f.paragraph[q.start - 1] !== p;
    if (!opensParagraph && f.sentence[q.start - 1] === f.sentence[q.start]) continue;
    let end = q.end;
    while (end + 1 < n && f.paragraph[end + 1] === p) end++;
    // '“…,” Tornby...': the text (a lead) ends inside the attribution, one or two words then an ellipsis
    const cutAttribution = end === n - 1 && end - q.end <= 4 && end > q.end && /^(?:\.\.\.|…)$/.test(f.lower[end]) && !f.pos.slice(q.end + 1, end).some((x) => x === 'VERB' || x === 'AUX');
    if (!onlyPunctuation(f, q.end + 1, end) && !cutAttribution) continue;
    if (found.some((x) => x.content.some((c) => overlapsRange(c, q)) || (x.cue && overlapsRange(x.cue, q)))) continue;
    // the attribution whose quotation ends the previous paragraph
    let prev = -1;
    for (let k = 0; k < found.length; k++) {
      const last = found[k].content[found[k].content.length - 1];
      const cue = found[k].cue;
      const before = opensParagraph
        ? f.paragraph[last.end] === p - 1
        : last.end < q.start && f.paragraph[last.end] === p && cue !== null && f.sentence[cue.end] === f.sentence[q.start - 1];
      if (before && f.quotation[last.end] >= 0 && quotes[k].kind !== 'indirect' && (prev < 0 || last.end >= found[prev].content[found[prev].content.length - 1].end)) prev = k;
    }
    if (!opensParagraph && prev < 0) continue;
    const content = [span(doc, q)];
    if (prev >= 0 && quotes[prev].source) {
      const from = quotes[prev];
      found.push({ content: [q], cue: null });
      quotes.push({ kind: 'direct', cue: null, content, source: from.source, antecedent: from.antecedent, speaker: null, channel: from.channel, method: 'rule:continued-quotation', confidence: 0.6 });
    } else if (end === n - 1 && (!f.quoteMark[q.end] || cutAttribution)) {
      found.push({ content: [q], cue: null });
      quotes.push({ kind: 'direct', cue: null, content, source: null, antecedent: null, speaker: null, channel: null, method: 'rule:unattributed-quotation', confidence: 0.4 });
    }
  }
}
