/**
 * Who said what, and when: the glue between the quote and time stages and the briefing. Per article it settles
 * the publication date (metadata, else inferred from the text, else unknown — never today), the date the
 * article's time expressions are anchored on, and runs attribution and time extraction on English documents.
 * Across articles it links each quote's speaker mention to an actor, groups quotes by speaker with the same
 * words from different outlets on one row, and lays dated statements and events on a timeline.
 */
import type { Actor, Article, BriefingArticle, DateValue, Doc, Field, Quote, QuoteCitation, SpeakerQuotes, Span, TimelineEntry, TimeRef } from '../model.js';
import { isEnglish } from '../language/index.js';
import { findQuotes, quoteLexicon } from '../quotes/index.js';
import { findTimes, inferPublished } from '../time/index.js';
import { genderOf, mentionsByArticle, pronounGender, rolesLexicon, type ActorMention, type Gender } from '../actors/index.js';
import { readDataFile, readDataJson } from '../paths.js';
import { RangeIndex } from '../spans.js';

/**
 * The widest inferred publication range whose first day still anchors relative expressions. An inferred range
 * such as "not before 2011" says nothing about which Monday "on Monday" is; a range of a few weeks at least
 * puts relative dates in the right month, and the reader is told the anchor was inferred.
 */
const MAX_ANCHOR_RANGE_DAYS = 31;

/**
 * The article with its publication date settled: the metadata's (or the date the user assumed) when there is
 * one, else a range inferred from the dates in the text (method `inferred`), else unknown.
 *
 * @example
 * ```ts
 * const dated = withPublishedDate(article);
 * dated.meta.published.method; // 'meta:article:published_time', 'option:published', 'inferred' or 'not-found:…'
 * ```
 */
export function withPublishedDate(article: Article): Article {
  if (article.meta.published.value !== null || !isEnglish(article)) return article;
  const inferred = inferPublished(article.text, { article: article.id });
  if (inferred.value === null) return article;
  return { ...article, meta: { ...article.meta, published: inferred } };
}

function dayNumber(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
}

/**
 * The day an article's relative time expressions count from: the publication day, or the first day of a
 * publication range of at most a month; null when the date is unknown, not a full day, or an open or wide
 * inferred range (then only absolute dates resolve).
 *
 * @example
 * ```ts
 * anchorDay(known({ value: '2017-01-18' }, 'meta:date', 1)); // '2017-01-18'
 * anchorDay(known({ value: '2011-01-01', from: '2011-01-01' }, 'inferred', 0.2)); // null
 * ```
 */
export function anchorDay(published: Field<DateValue>): string | null {
  const date = published.value;
  if (date === null) return null;
  const first = (date.from ?? date.value).slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(first)) return null;
  const ranged = date.from !== undefined || date.to !== undefined;
  if (!ranged) return first;
  const last = (date.to ?? '').slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(last)) return null;
  return dayNumber(last) - dayNumber(first) <= MAX_ANCHOR_RANGE_DAYS ? first : null;
}

/** The quotes and time expressions of one article. */
export interface SaidWhen {
  quotes: Quote[];
  times: TimeRef[];
}

/**
 * Attribution and time for one document: both run on English articles only (their models and lexicons are
 * English); null for other languages.
 *
 * @example
 * ```ts
 * const found = saidWhen(buildDoc(withPublishedDate(article)));
 * found?.quotes.length;
 * ```
 */
export function saidWhen(doc: Doc): SaidWhen | null {
  if (!isEnglish(doc.article)) return null;
  const anchor = anchorDay(doc.article.meta.published);
  const quotes = describedAntecedents(
    shareAntecedents(
      splitResumedQuotations(doc, findQuotes(doc))
        .map((q) => relativeSource(doc, q))
        .filter((q) => isStatement(doc.article.text, q, doc))
        .map((q) => participleSubject(doc, frontedObject(doc.article.text, jointDocumentSource(doc, approximateCount(doc.article.text, q))))),
    ),
    doc.article.text,
  );
  return { quotes, times: anchorQuotedDays(doc, quotes, findTimes(doc, anchor), anchor) };
}

/**
 * "“A,” she said. “B.”": the quote stage reads a quotation that resumes after the attribution's sentence as
 * part of the same attribution (as PolNeAR marks it); in the briefing it is a quote of its own, the same
 * speaker's next statement, so that each statement is listed, and cited, on its own.
 *
 * @example
 * ```ts
 * splitResumedQuotations(doc, quotes).length; // one more quote per resumed quotation
 * ```
 */
export function splitResumedQuotations(doc: Doc, quotes: readonly Quote[]): Quote[] {
  const text = doc.article.text;
  const sentenceOf = (offset: number): number => doc.sentences.findIndex((s) => s.start <= offset && offset < s.end);
  return quotes.flatMap((q) => {
    if (!q.cue || q.content.length < 2) return [q];
    const attrEnd = Math.max(q.cue.end, q.source?.end ?? q.cue.end);
    const cueSentence = sentenceOf(q.cue.start);
    const resumed = q.content.filter((c) => c.start >= attrEnd && sentenceOf(c.start) !== cueSentence && /^[“"‘]/.test(text.slice(c.start, c.start + 1)));
    if (!resumed.length || resumed.length === q.content.length) return [q];
    const first: Quote = { ...q, content: q.content.filter((c) => !resumed.includes(c)) };
    return [first, ...resumed.map((c): Quote => ({ ...q, kind: 'direct', cue: null, content: [c], method: 'rule:continued-quotation', confidence: 0.6 }))];
  });
}

/** Day words that count from the day they were said. */
const SPEECH_RELATIVE = /^(?:today|tonight|tomorrow|yesterday)\b/i;

/**
 * "Tomorrow" inside a quote counts from the day the words were said, not from the day the article came out:
 * the day its attribution's sentence gives ("..., she said on Tuesday"), else the day the article's first
 * sentence gives to what was said there ("..., the White House said on Tuesday"). Without such a day, or
 * outside quotes, the expression keeps the article's anchor.
 *
 * @example
 * ```ts
 * // published Wednesday: 'Officials said on Tuesday ... "We will vote tomorrow," an aide said.' → tomorrow = Wednesday
 * anchorQuotedDays(doc, quotes, times, '2030-03-06');
 * ```
 */
export function anchorQuotedDays(doc: Doc, quotes: readonly Quote[], times: TimeRef[], anchor: string | null): TimeRef[] {
  if (!anchor || !quotes.length) return times;
  const day = (t: TimeRef): string | null => (t.type === 'DATE' && t.value && /^\d{4}-\d{2}-\d{2}$/.test(t.value) && t.value <= anchor ? t.value : null);
  // Indexed once, so that an article of many quotes and dates is not scanned once per date.
  const contents = quotes.flatMap((q, i) => q.content.map((c) => ({ start: c.start, end: c.end, quote: i })));
  const contentIndex = new RangeIndex(contents);
  const sentenceIndex = new RangeIndex(doc.sentences);
  /** the first quote whose words hold a time expression */
  const quotedBy = times.map((t) => {
    const at = contentIndex.containing(t.span.start, t.span.end);
    return at.length ? quotes[at.reduce((m, k) => Math.min(m, contents[k].quote), Infinity)] : undefined;
  });
  /** per sentence, the times in it (in their order) that give a day outside quotes */
  const daysIn = new Map<number, number[]>();
  times.forEach((t, i) => {
    if (quotedBy[i] || !day(t)) return;
    for (const s of sentenceIndex.containing(t.span.start, t.span.end)) {
      const list = daysIn.get(s);
      if (list) list.push(i);
      else daysIn.set(s, [i]);
    }
  });
  /** the day given in a sentence outside quotes, by a time expression other than the `not`-th */
  const dayIn = (sentence: number | undefined, not?: number): string | null => {
    const found = sentence === undefined ? undefined : daysIn.get(sentence)?.find((i) => i !== not);
    return found === undefined ? null : day(times[found]);
  };
  const first = doc.sentences[0];
  // the lead tells what was said when a quote's cue or a reporting verb ("said", "announced") stands in it
  const { verbForms } = quoteLexicon();
  const leadSaid =
    first !== undefined &&
    (quotes.some((q) => q.cue && q.cue.start >= first.start && q.cue.end <= first.end) ||
      (doc.article.text.slice(first.start, first.end).toLowerCase().match(/\p{L}+/gu) ?? []).some((w) => verbForms.has(w)));
  const leadDay = leadSaid ? dayIn(0) : null;
  return times.map((t, i) => {
    if (!t.value || !SPEECH_RELATIVE.test(t.text)) return t;
    const q = quotedBy[i];
    if (!q) return t;
    const cueSentence = q.cue ? sentenceIndex.containing(q.cue.start, q.cue.start + 1)[0] : undefined;
    const said = (q.cue ? dayIn(cueSentence, i) : null) ?? leadDay;
    const m = /^(\d{4}-\d{2}-\d{2})(.*)$/.exec(t.value);
    if (!said || said === anchor || !m) return t;
    const shifted = new Date((dayNumber(m[1]) + dayNumber(said) - dayNumber(anchor)) * 86_400_000).toISOString().slice(0, 10);
    return { ...t, value: shifted + m[2], anchor: said, method: `${t.method}+rule:quote-day` };
  });
}

interface AttributionCues {
  /** every form of a verb of communication or belief ("said", "told", "argued", "believes") */
  forms: Set<string>;
  /** multi-word speech cues without such a verb ("according to") */
  phrases: string[];
  /** forms of those verbs that also take a plain noun-phrase object ("announced the plan") */
  objectTaking: Set<string>;
}

let attributionCache: AttributionCues | null = null;

function attributionCues(): AttributionCues {
  if (attributionCache) return attributionCache;
  const file = readDataFile('attribution-cues.json', 'the speech cues');
  const verbs = file.object('verbs') as Record<string, { forms?: unknown }>;
  const forms = new Set<string>();
  for (const [lemma, v] of Object.entries(verbs)) {
    if (!Array.isArray(v.forms)) throw new Error(`${file.path}: verb "${lemma}" has no "forms" list`);
    for (const f of v.forms) forms.add(String(f));
  }
  const phrases = (file.raw.phrases as { phrase?: unknown }[] | undefined)?.map((p) => String(p.phrase)) ?? [];
  attributionCache = { forms, phrases, objectTaking: new Set(file.list('objectTaking', true)) };
  return attributionCache;
}

/**
 * Whether a lower-case word is a form of a verb of communication or belief ("said", "argued", "believes").
 *
 * @example
 * ```ts
 * isSpeechVerb('told'); // true
 * isSpeechVerb('passed'); // false
 * ```
 */
export function isSpeechVerb(word: string): boolean {
  return attributionCues().forms.has(word);
}

/** Lower-case words of a span of text (curly apostrophes straightened). */
function lowerWords(text: string): string[] {
  return text.toLowerCase().replace(/[’']/g, "'").match(/[\p{L}\p{N}'-]+/gu) ?? [];
}

/** Fewer words than this is a scare quote or a quote cut off by the end of a lead, not a statement. */
const MIN_CONTENT_WORDS = 4;

/**
 * Whether an attribution the tagger found reports what someone said, wrote or thinks: its cue is a verb of
 * communication or belief (or "according to", or the colon before a quotation), its content has at least four
 * words, and its source, when there is one, can be a human source. The tagger, trained on PolNeAR, also marks
 * attitudes ("endorsed the plan", "sought to pass"): those are stances, read by src/stances, not quotes; an
 * object of a non-speech verb ("passed the bill") is not something said.
 *
 * @example
 * ```ts
 * isStatement(text, quoteOf('Ada Lovelace said the engine would work')); // true
 * isStatement(text, quoteOf('The House passed the bill')); // false
 * ```
 */
export function isStatement(text: string, q: Quote, doc?: Doc): boolean {
  // A quotation standing as its own paragraph (src/quotes): its marks say it was said.
  if (!q.cue) return q.kind === 'direct' && q.content.reduce((n, c) => n + lowerWords(text.slice(c.start, c.end)).length, 0) >= MIN_CONTENT_WORDS;
  const cueText = text.slice(q.cue.start, q.cue.end);
  const cueWords = lowerWords(cueText);
  const cues = attributionCues();
  const speech = cueWords.some((w) => cues.forms.has(w)) || cues.phrases.some((p) => cueText.toLowerCase().includes(p)) || /^[:\s]+$/.test(cueText);
  if (!speech) return false;
  // "never said how", "will reveal if": a denied or a future report states nothing yet.
  if (cueWords.some((w) => w === 'not' || w === "n't" || w === 'never') || /^(?:will|would|shall|'ll|going)$/.test(cueWords[0] ?? '')) return false;
  const first = text.slice(q.content[0].start, q.content[0].end);
  const cueTokens = doc ? tokensIn(doc, q.cue.start, q.cue.end) : [];
  // "Continuing claims for benefits": a cue the tagger took from a noun is no verb of saying.
  // ("warning that ...": an "-ing" form before a clause is the verb, whatever its tag)
  const after = text.slice(q.cue.end, q.cue.end + 6).trim().toLowerCase();
  if (cueWords.length === 1 && !/ing$/.test(cueWords[0]) && !after.startsWith('that') && cueTokens.length > 0 && cueTokens.every((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return false;
  // "announced the winners of the prize", "declared a state of “emergency”", "announced $10 million in aid",
  // "blaming the mayor for the delay": a plain noun-phrase object, with no clause, is no statement.
  // (Without the token layer, a determiner opening the content and no auxiliary stand for the missing clause.)
  if (q.kind !== 'direct' && cueWords.some((w) => cues.objectTaking.has(w))) {
    const opening = first.trim();
    // the object's own words: up to a relative clause, whose verb is the noun's ("a budget that would ...")
    const head = first.trim().split(/\s+/).slice(0, 8);
    const relative = head.findIndex((w, i) => i > 0 && /^(?:that|which|who|whom|whose)$/i.test(w));
    const objectWords = (relative > 0 ? head.slice(0, relative) : head).join(' ');
    // ("told the paper the agency ignored the warnings": after the audience of "told", a clause with a verb of its own)
    const toldClause = doc !== undefined && cueWords.some((w) => /^(?:told|tells|tell|telling)$/.test(w)) && hasFiniteVerb(doc, q.content[0]);
    const noClause =
      (!toldClause && /^(?:(?:the|a|an|its|their|his|her|our|this|these|those)\s|\$)/i.test(opening) && !/\b(?:will|would|could|should|can|may|might|must|is|are|was|were|has|have|had|be|been|'s)\b/i.test(objectWords)) ||
      // "blaming Mayor Roe for the delay": a named object and no verb of its own
      (doc !== undefined && /^\p{Lu}/u.test(opening) && !hasFiniteVerb(doc, q.content[0]));
    if (noClause) return false;
  }
  // "X was told that ...": the one told is the source span the tagger marks, not the speaker.
  if (/\b(?:was|were|been|being|is|are|be)\s+(?:\w+\s+)?(?:told|asked|informed)\b/i.test(cueText)) return false;
  // "hoping to win the vote", "to call an election": an infinitive is an intention or an act, not a report.
  if (/^to\s/i.test(cueText.trim()) || /^to\s/i.test(text.slice(q.content[0].start, q.content[0].end).trim())) return false;
  const words = q.content.reduce((n, c) => n + lowerWords(text.slice(c.start, c.end)).length, 0);
  if (words < MIN_CONTENT_WORDS) return false;
  return q.source === null ? q.kind !== 'indirect' : sourceKind(q.source, text) !== null;
}

/** Words that, right before a source, make it the object of a preposition ("sent a message to the clerk"). */
const PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:to|in|at|on|from|with|for|of|by|into|via|through)\s+(?:(?:the|a|an|his|her|its|their|our)\s+)?$/iu;
/** The same with one lower-case modifier between ("dealt a setback to fellow Wardens, ..."). */
const PREPOSITION_MODIFIER_BEFORE = /(?:^|[^\p{L}])(?:to|in|at|on|from|with|for|of|by|into|via|through)\s+(?:(?:the|a|an|his|her|its|their|our)\s+)?\p{Ll}+\s+$/u;

/**
 * "The governor sent a message to the clerk, adding ...": a participle after a comma reports what the clause's
 * subject says, so a source the tagger took from an object of a preposition in that clause is replaced by
 * the sentence's subject (its words before the first verb, when
 * they hold a name or are a pronoun). Other quotes are returned as they are.
 *
 * @example
 * ```ts
 * participleSubject(doc, quote).source; // the span of "The governor"
 * ```
 */
export function participleSubject(doc: Doc, q: Quote): Quote {
  if (!q.cue || !q.source || q.source.start > q.cue.start) return q;
  const text = doc.article.text;
  // only after a comma: "voters saying ..." without one has the noun before it as its subject
  if (!/^\p{L}+ing\b/u.test(text.slice(q.cue.start, q.cue.end).trim()) || !/,\s*$/.test(text.slice(Math.max(0, q.cue.start - 3), q.cue.start))) return q;
  const sentence = doc.sentences.find((x) => x.start <= q.source!.start && q.source!.start < x.end);
  const before = sentence ? text.slice(sentence.start, q.source.start) : '';
  if (!sentence || !(PREPOSITION_BEFORE.test(before) || PREPOSITION_MODIFIER_BEFORE.test(before))) return q;
  const tokens = tokensIn(doc, sentence.start, q.source.start);
  const verb = tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (verb <= 0) return q;
  const subject = tokens.slice(0, verb);
  // a sentence that opens with a quotation has no subject of its own before the verb
  if (/^[“"‘']/.test(text.slice(subject[0].start, subject[0].end))) return q;
  const lone = subject.length === 1 && speakerLexicon().personPronouns.has(text.slice(subject[0].start, subject[0].end).toLowerCase());
  if (!lone && !subject.some((t) => t.pos === 'PROPN')) return q;
  const span: Span = { article: q.source.article, start: subject[0].start, end: subject[subject.length - 1].end };
  return { ...q, source: span, antecedent: null, method: `${q.method}+rule:participle-subject` };
}

/**
 * "In a letter to Director Jane Roe, Green senators accused ...": a source the tagger ran on from the object
 * of an opening prepositional phrase across its comma into the subject is the subject alone, the words after
 * the last comma (right before the cue).
 *
 * @example
 * ```ts
 * frontedObject(text, quote).source; // the span of "Green senators"
 * ```
 */
export function frontedObject(text: string, q: Quote): Quote {
  if (!q.source || !q.cue || q.source.end > q.cue.start) return q;
  const words = text.slice(q.source.start, q.source.end);
  const comma = words.lastIndexOf(',');
  if (comma < 0 || !/\p{L}/u.test(words.slice(comma + 1))) return q;
  // the opening phrase: a preposition at the sentence start before the source, no verb of its own
  const lineStart = Math.max(text.lastIndexOf('\n', q.source.start), text.lastIndexOf('. ', q.source.start) + 1, 0);
  const opening = text.slice(lineStart, q.source.start).trim();
  if (!/^(?:In|At|On|From|With|Through|Via|After|During)\s/.test(opening) || !PREPOSITION_BEFORE.test(text.slice(lineStart, q.source.start))) return q;
  if (/^\s*(?:and|or|who|which)\b/i.test(words.slice(comma + 1))) return q;
  const start = q.source.start + comma + 1 + (words.slice(comma + 1).length - words.slice(comma + 1).trimStart().length);
  return { ...q, source: { ...q.source, start }, antecedent: null, method: `${q.method}+rule:fronted-object` };
}

/** Words that make a count approximate ("around 20 migrants", "more than 30 lawmakers"): general English. */
const APPROXIMATOR_BEFORE = /(?:^|[^\p{L}])(around|about|some|nearly|roughly|almost|approximately|more than|fewer than|less than|at least|up to)\s+$/iu;

/**
 * "around 20 migrants told reporters": a counted source the tagger started at the number keeps the word that
 * makes the count approximate, which is part of the description.
 *
 * @example
 * ```ts
 * approximateCount(text, quote).source; // the span of "around 20 migrants"
 * ```
 */
export function approximateCount(text: string, q: Quote): Quote {
  if (!q.source || !/^\d/.test(text.slice(q.source.start, q.source.end))) return q;
  const from = Math.max(0, q.source.start - 20);
  const window = text.slice(from, q.source.start);
  const m = APPROXIMATOR_BEFORE.exec(window);
  if (!m) return q;
  return { ...q, source: { ...q.source, start: from + window.lastIndexOf(m[1]) } };
}

/**
 * "A joint statement from Dr. A, Dr. B and Dr. C said ...": a source the tagger cut to the last signer is the
 * whole document phrase from the sentence start; the document speaks for its first named author (speakerActor
 * links the phrase's head, before its first comma).
 *
 * @example
 * ```ts
 * jointDocumentSource(doc, quote).source; // the span of "A joint statement from Dr. A, Dr. B and Dr. C"
 * ```
 */
export function jointDocumentSource(doc: Doc, q: Quote): Quote {
  if (!q.source || !q.cue || q.source.end > q.cue.start) return q;
  const text = doc.article.text;
  const sentence = doc.sentences.find((x) => x.start <= q.source!.start && q.source!.start < x.end);
  if (!sentence || sentence.start === q.source.start) return q;
  const before = text.slice(sentence.start, q.source.start);
  const opening = /^\s*(?:A|An|The|In a|In an)\s+(?:[\p{Ll}-]+\s+){0,2}([\p{Ll}]+)\s+(?:from|by|signed by)\s/u.exec(before);
  if (!opening || !speakerLexicon().documentNouns.has(opening[1])) return q;
  // between the opening and the source only names, commas and "and" (the other signers)
  const list = before.slice(opening[0].length);
  if (list && !/^(?:[\p{Lu}][\p{L}.'’()-]*\s*|\([^)]*\)\s*|(?:of|and|for|acting|former|interim|deputy)\s+|,\s*)*$/u.test(list)) return q;
  const start = sentence.start + (before.length - before.trimStart().length);
  return { ...q, source: { ...q.source, start }, antecedent: null, method: `${q.method}+rule:joint-document` };
}

/**
 * "..., her engineers, who warned that ...": a relative "who" as the source stands for the noun phrase before
 * its comma; the source becomes that phrase (back to a preposition, verb or punctuation other than the comma).
 *
 * @example
 * ```ts
 * relativeSource(doc, quote).source; // the span of "her engineers"
 * ```
 */
export function relativeSource(doc: Doc, q: Quote): Quote {
  if (!q.source) return q;
  const text = doc.article.text;
  if (!/^who$/.test(text.slice(q.source.start, q.source.end))) return q;
  const before = tokensIn(doc, Math.max(0, q.source.start - 200), q.source.start);
  let k = before.length - 1;
  if (k < 0 || text.slice(before[k].start, before[k].end) !== ',') return q;
  let first = -1;
  for (let j = k - 1; j >= 0; j--) {
    const t = before[j];
    const w = text.slice(t.start, t.end);
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'DET' || (t.pos === 'PRON' && /^(?:his|her|its|their|our)$/i.test(w)) || (t.pos === 'CCONJ' && /^and$/i.test(w))) first = j;
    else break;
  }
  if (first < 0 || before[first].pos === 'CCONJ') return q;
  const head = before[k - 1];
  if (head.pos !== 'NOUN' && head.pos !== 'PROPN') return q;
  k = first;
  return { ...q, source: { ...q.source, start: before[k].start, end: head.end }, antecedent: null, method: `${q.method}+rule:relative-source` };
}

/**
 * "He wrote to the board on Monday, adding ...": a source moved to the clause's subject takes the antecedent
 * the quote stage found for another quote with that very source (the clause's own "he wrote").
 */
function shareAntecedents(quotes: Quote[]): Quote[] {
  return quotes.map((q) => {
    if (!q.method.endsWith('+rule:participle-subject') || !q.source) return q;
    const same = quotes.find((o) => o !== q && o.source && o.source.start === q.source!.start && o.source.end === q.source!.end && o.antecedent);
    return same ? { ...q, antecedent: same.antecedent } : q;
  });
}

/**
 * The antecedents of described sources, read in text order: a description that brings in a new speaker ("a
 * senior official", "officials") points back to nobody; a definite one that repeats its head ("the official"
 * after "a senior White House official") or, plural, has no antecedent ("the sources" after "two people
 * familiar with the situation") points back to the latest such description before it. Other quotes are kept
 * as they are (a new array; quotes not mutated).
 *
 * @example
 * ```ts
 * describedAntecedents(quotes, text)[1].antecedent; // the span of "two people familiar with the situation"
 * ```
 */
export function describedAntecedents(quotes: readonly Quote[], text: string): Quote[] {
  const at = (q: Quote): number => (q.source ?? q.cue ?? q.content[0]).start;
  const order = quotes.map((_, i) => i).sort((a, b) => at(quotes[a]) - at(quotes[b]) || a - b);
  const out = [...quotes];
  let introduced: { span: Span; head: string; plural: boolean } | null = null;
  for (const i of order) {
    const q = quotes[i];
    if (!q.source) continue;
    if (introducesSpeaker(q.source, text)) {
      if (q.antecedent) out[i] = { ...q, antecedent: null };
      const head = describedHead(q.source, text);
      const word = head ? text.slice(head.start, head.end).toLowerCase() : '';
      // "two people", "several aides", "officials": plural unless opened by a singular determiner
      const singular = /^(?:a|an|one|another)\s/i.test(text.slice(q.source.start, q.source.end).trim());
      introduced = { span: q.source, head: word.replace(/s$/, ''), plural: !singular };
      continue;
    }
    const words = text.slice(q.source.start, headEnd(q.source, text)).trim().toLowerCase().split(/\s+/);
    if (!introduced || words[0] !== 'the' || words.length < 2 || words.length > 3 || sourceKind(q.source, text) !== 'group') continue;
    const head = words[words.length - 1];
    const plural = /[^s]s$/.test(head);
    if (head.replace(/s$/, '') === introduced.head || (plural && introduced.plural && !q.antecedent)) out[i] = { ...q, antecedent: introduced.span };
  }
  return out;
}

/** Definite determiners and possessives: a description opening with one may point back to someone named before. */
const DEFINITE = /^(?:the|this|that|these|those|his|her|its|their|our|my|your)$/;

/**
 * Whether a source is a description that brings in a new speaker, and so points back to nobody named before
 * it: one opening with an indefinite determiner or a number ("a senior administration official", "two people
 * familiar with the matter"), or a bare plural ("officials", "U.S. officials", "senior Democrats"). A definite
 * description ("the official", "the company"), a name, a possessive ("Biden's spokesman") or a pronoun may
 * point back, and keeps its antecedent.
 *
 * @example
 * ```ts
 * introducesSpeaker(span('a senior administration official'), text); // true
 * introducesSpeaker(span('the official'), text); // false
 * ```
 */
export function introducesSpeaker(source: Span, text: string): boolean {
  if (sourceKind(source, text) !== 'group') return false;
  const words = text.slice(source.start, headEnd(source, text)).match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu) ?? [];
  const first = (words[0] ?? '').toLowerCase();
  if (DEFINITE.test(first) || /['’]s?$/.test(first)) return false;
  if (speakerLexicon().indefiniteDeterminers.has(first) || /^\d/.test(first)) return true;
  // a bare plural: the head (before a post-modifier) ends in -s and no word before it is a possessive
  const cut = words.findIndex((w, i) => i > 0 && /^(?:of|with|from|in|at|for|on|by|who|familiar|close|briefed)$/i.test(w));
  const head = (cut > 0 ? words.slice(0, cut) : words).map((w) => w.toLowerCase());
  return /[^s]s$/.test(head[head.length - 1] ?? '') && !head.some((w) => /['’]s?$/.test(w));
}

/** The tokens of a document that lie in [start, end). */
function tokensIn(doc: Doc, start: number, end: number): Doc['tokens'] {
  return doc.tokens.filter((t) => t.start >= start && t.end <= end);
}

/**
 * Whether a span holds a finite verb of its own: an auxiliary, or a verb that is neither an "-ing" form nor
 * after "to" ("the plan to build a dam" has none; "the dam would flood the valley" and "the court erred" do).
 */
function hasFiniteVerb(doc: Doc, span: Span): boolean {
  const tokens = tokensIn(doc, span.start, span.end);
  return tokens.some((t, i) => {
    if (t.pos === 'AUX') return true;
    if (t.pos !== 'VERB') return false;
    const word = doc.article.text.slice(t.start, t.end).toLowerCase();
    const before = i > 0 ? doc.article.text.slice(tokens[i - 1].start, tokens[i - 1].end).toLowerCase() : '';
    // a participle right after a noun modifies it ("a bill passed last year"); after a name or pronoun it is the
    // verb, as it is when an object follows it ("the agency ignored the warnings")
    const objectAfter = tokens[i + 1] !== undefined && (tokens[i + 1].pos === 'DET' || tokens[i + 1].pos === 'PRON');
    return !/ing$/.test(word) && before !== 'to' && !(tokens[i - 1]?.pos === 'NOUN' && /ed$/.test(word) && !objectAfter);
  });
}

/**
 * What a source mention is, by its words: a pronoun, a name (capitalised head: an actor, checked once actors are
 * linked), a described human source ("critics", "a White House official", "two people familiar with the
 * matter"), or null for anything else ("new data", "the storm", "Tuesday").
 */
export function sourceKind(source: Span, text: string): 'pronoun' | 'name' | 'group' | null {
  const head = text.slice(source.start, headEnd(source, text)).replace(/\s+/g, ' ').trim();
  const words = head.match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu) ?? [];
  if (words.length === 0) return null;
  const lex = speakerLexicon();
  const lower = words.map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  // ("WHO said": an all-capital acronym is a name, not the pronoun)
  if (words.length === 1 && !/^\p{Lu}{2,}$/u.test(words[0]) && (lex.personPronouns.has(lower[0]) || lex.groupPronouns.has(lower[0]))) return 'pronoun';
  // The head noun: the last word, or the noun before a post-modifier ("people familiar with the matter").
  let cut = lower.findIndex((w, i) => i > 0 && /^(?:of|with|from|in|at|for|on|by|during|after|before|since|over|who|familiar|close|briefed)$/.test(w));
  // "senators involved in the talks", "lawmakers leaving the meeting": a participle after a plural noun
  // modifies it, and the noun is the head
  const participle = lower.findIndex((w, i) => i > 0 && /(?:ed|ing)$/.test(w) && /[^s]s$/.test(lower[i - 1]));
  if (participle > 0 && (cut < 0 || participle < cut)) cut = participle;
  const headWords = cut > 0 ? words.slice(0, cut) : words;
  const headLower = cut > 0 ? lower.slice(0, cut) : lower;
  const last = headLower[headLower.length - 1];
  const two = headLower.slice(-2).join(' ');
  const one = last.replace(/s$/, '');
  if ([last, one, two].some((w) => lex.groupNouns.has(w)) || quoteLexicon().personNominals.has(last) || agentNouns().has(last)) return 'group';
  // A document says what its author says: "the group's statement", "according to an audit by the regulator".
  // ("the statement signed by Dr. Jane Roe": the document noun need not be the last word before the post-modifier)
  const doc = headLower.findIndex((w) => lex.documentNouns.has(w));
  if (doc >= 0) return words.some((w, i) => i !== doc && (/^\p{Lu}/u.test(w) || /['’]s$/.test(w))) ? 'name' : 'group';
  if (/^\p{Lu}/u.test(headWords[headWords.length - 1])) return 'name';
  return null;
}

/** The head noun of a described source (offsets), and whether capitalised words modify it ("a White House official"). */
function describedHead(source: Span, text: string): { start: number; end: number; modified: boolean } | null {
  const part = text.slice(source.start, headEnd(source, text));
  const words = [...part.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu)];
  const cut = words.findIndex((w, i) => i > 0 && /^(?:of|with|from|in|at|for|on|by|during|after|before|since|over|who|familiar|close|briefed)$/i.test(w[0]));
  const headWords = cut > 0 ? words.slice(0, cut) : words;
  const last = headWords[headWords.length - 1];
  if (!last || last.index === undefined) return null;
  const modified = headWords.slice(0, -1).some((w) => /^\p{Lu}/u.test(w[0]) && !/^(?:The|A|An)$/.test(w[0]));
  return { start: source.start + last.index, end: source.start + last.index + last[0].length, modified };
}

let agentCache: Set<string> | null = null;

/** Agent nouns of the event knowledge (Phoenix: "farmers", "police", "lawmakers"), all human sources. */
function agentNouns(): Set<string> {
  if (!agentCache) agentCache = new Set(Object.keys(readDataJson<{ agents: Record<string, string> }>(['events', 'agents.json'], 'the agent nouns').agents));
  return agentCache;
}

const overlaps = (a: Span, b: Span): boolean => a.article === b.article && a.start < b.end && b.start < a.end;

/**
 * Aliases that name a speaker: a demonym ("the Kazakh minister") names a country, not who spoke; a capital
 * used for its government ("Moscow said") is linked to the country as `metonymy` and speaks for it.
 */
const SPEAKER_KINDS = new Set(['name', 'surname', 'acronym', 'nominal', 'pronoun', 'metonymy']);
const TYPE_RANK: Record<string, number> = { PERSON: 0, ORG: 1, GPE: 2 };
/** Actor types that speak only as the whole mention ("Iran said"), not as a modifier ("rebels in Iran"). */
const HEAD_ONLY_TYPES = new Set(['GPE']);

interface SpeakerLexicon {
  /** pronouns that point back to a person only ("he") */
  personPronouns: Set<string>;
  /** pronouns that never point to a person ("it", "which") */
  neuterPronouns: Set<string>;
  /** pronouns of a group of people ("they", "we") */
  groupPronouns: Set<string>;
  /** heads of described human sources ("critics", "officials", "Senate Republicans") */
  groupNouns: Set<string>;
  /** documents, which speak only for a named author ("statement", "report") */
  documentNouns: Set<string>;
  /** plural member nouns and the head noun of the body they make up ("justices" → "court") */
  memberBodies: Map<string, string>;
  /** words opening a description of someone new ("a", "two", "several") */
  indefiniteDeterminers: Set<string>;
}

let speakerLexiconCache: SpeakerLexicon | null = null;

function speakerLexicon(): SpeakerLexicon {
  if (!speakerLexiconCache) {
    const file = readDataFile('speakers.json', 'the speaker lexicon');
    speakerLexiconCache = {
      personPronouns: new Set(file.list('personPronouns', true)),
      neuterPronouns: new Set(file.list('neuterPronouns', true)),
      groupPronouns: new Set(file.list('groupPronouns', true)),
      groupNouns: new Set(file.list('groupNouns', true)),
      documentNouns: new Set(file.list('documentNouns', true)),
      memberBodies: new Map(Object.entries(file.object('memberBodies')).map(([m, b]) => [m, String(b)])),
      indefiniteDeterminers: new Set(file.list('indefiniteDeterminers', true)),
    };
  }
  return speakerLexiconCache;
}

/**
 * Whether a word is a document noun ("plan", "statement", "report"): a document speaks or stands only for its
 * named author, so stances do not take one as a holder.
 */
export function isDocumentNoun(word: string): boolean {
  return speakerLexicon().documentNouns.has(word.toLowerCase());
}

/**
 * Whether an actor can say something: a person, an organisation, or a country (a capital standing for its
 * government is linked to the country). A city, a region, a sea or an event says nothing.
 *
 * @example
 * ```ts
 * canSpeak(personActor); // true
 * canSpeak(cityActor);   // false — "Tornby said" is the town's officials, left unnamed
 * ```
 */
export function canSpeak(actor: Actor): boolean {
  if (actor.type === 'PERSON' || actor.type === 'ORG') return true;
  // "Republicans said", "Democrats argued": a named group of people (a plural name) speaks through its members.
  if (actor.type === 'MISC') return /^\p{Lu}\p{L}+s$/u.test(actor.name);
  if (actor.type !== 'GPE') return false;
  // A country's own actor carries its code as both country and knowledge-base code; a city only its country.
  return actor.method === 'kb:country' || (actor.country.value !== null && actor.codes.includes(actor.country.value));
}

/** What kind of actor a one-word pronoun source may stand for; null when the source is no such pronoun. */
function pronounClass(quote: Quote, text: string | undefined): 'person' | 'neuter' | null {
  if (!quote.source || text === undefined) return null;
  const word = text.slice(quote.source.start, quote.source.end).trim().toLowerCase();
  const lex = speakerLexicon();
  if (lex.personPronouns.has(word)) return 'person';
  if (lex.neuterPronouns.has(word)) return 'neuter';
  return null;
}

/**
 * Where the head of a mention ends: at its first comma ("George Hale, a member of the council," is George
 * Hale) or a relative word ("the council which oversees ..."). Names further on describe the speaker, they are
 * not the speaker; only a name right after the comma renames the head.
 */
function headEnd(mention: Span, text: string | undefined): number {
  if (text === undefined) return mention.end;
  const words = text.slice(mention.start, mention.end);
  const cut = /,|\s(?:which|who|whose|that)\s/u.exec(words);
  let end = cut && cut.index > 0 ? mention.start + cut.index : mention.end;
  // "members of the panel", "residents in the valley": a group noun's post-modifier places it, it does not speak.
  const post = /([\p{L}]+)\s+(?:in|of|from|at|on)\s/u.exec(text.slice(mention.start, end));
  if (post && speakerLexicon().groupNouns.has(post[1].toLowerCase())) end = mention.start + post.index + post[1].length;
  // "the Ruritan League and 12 other groups", "Jane Roe and two aides": a joint attribution is given to its first member.
  // ("current and former officials": "and" after a lone lower-case modifier joins no members)
  const joint = /\s(?:and|&)\s+(?=[\p{Ll}\p{N}])/u.exec(text.slice(mention.start, end));
  if (joint && joint.index > 0 && !/^\s*\p{Ll}[\p{L}'’-]*$/u.test(text.slice(mention.start, mention.start + joint.index))) end = mention.start + joint.index;
  return end;
}

/**
 * The actor a quote's speaker mention stands for: the actor with an alias inside the antecedent (for pronouns
 * and nominals) or the source mention, people before organisations before countries; null when none. Only
 * actors that can speak count (see `canSpeak`). With the article text given, a pronoun must agree: "he" and
 * "she" stand for a person only, "it" and "which" never do, and names after the mention's head (an
 * apposition or a relative clause) are not the speaker.
 *
 * @example
 * ```ts
 * speakerActor(quote, briefing.actors, article.text)?.name; // 'Ada Lovelace'
 * ```
 */
export function speakerActor(quote: Quote, actors: readonly Actor[], text?: string, previous: Actor | null = null): Actor | null {
  const pronoun = pronounClass(quote, text);
  // "the company said", "the court ruled": a body named by its head noun, else the organisation that spoke last
  const nominal = quote.source && text !== undefined ? definiteNominal(quote.source, text) : null;
  if (nominal?.kind === 'org') {
    const body = clauseSubjectBody(quote, actors, nominal, text!) ?? namedBody(actors, quote.source!, nominal.head, text!) ?? (previous && fitsNominal(previous, nominal) ? previous : null);
    if (body) return body;
  }
  // "she said" after "Mr. Doe": a person the story gives the other gender is not who "she" is
  const said = pronoun === 'person' && quote.source && text !== undefined ? pronounGender(text.slice(quote.source.start, quote.source.end)) : null;
  let ruledOut = false;
  for (const mention of [quote.antecedent, quote.source]) {
    if (!mention) continue;
    const head = headEnd(mention, text);
    // A described source ("a White House official", "the Department of Health") is the actor whose name holds
    // its head noun; a body named only as a modifier ("White House") did not speak, its official did.
    const described = text !== undefined && sourceKind(mention, text) === 'group' ? describedHead(mention, text) : null;
    let best: Actor | null = null;
    let bestRank = Infinity;
    for (const { actor, alias } of mentionsOverlapping(actors, mention.article, mention.start, mention.end)) {
      if (!SPEAKER_KINDS.has(alias.kind) || !overlaps(alias.span, mention) || !canSpeak(actor)) continue;
      // "his senior aide Jason Miller", "her lawyer": a possessive pronoun before more words is whose, not who
      if (alias.kind === 'pronoun' && text !== undefined && alias.span.end < mention.end && /^(?:his|her|its|their)$/i.test(text.slice(alias.span.start, alias.span.end)) && /\S/.test(text.slice(alias.span.end, mention.end))) continue;
      // "the trade minister, Ada Lovelace," renames the head: a name right after the comma is the speaker too.
      if (alias.span.start >= head && !(text !== undefined && /^,\s*$/.test(text.slice(head, alias.span.start)))) continue;
      const renames = alias.span.start >= head;
      if (described && !renames && (alias.span.end < described.end || alias.span.start > described.start || (alias.kind === 'nominal' && described.modified))) continue;
      if (pronoun === 'person' && actor.type !== 'PERSON') continue;
      // "the president" is a person, "the agency" a body: an antecedent of another kind was misread
      if (nominal && mention === quote.antecedent && !fitsNominal(actor, nominal)) continue;
      if (said && text !== undefined && actorGender(actor, mention.article, text) === otherGender(said)) {
        ruledOut = true;
        continue;
      }
      if (pronoun === 'neuter' && actor.type === 'PERSON') continue;
      // "the Kremlin's" is the whole mention give or take an article or possessive; "rebels of Tornby" is not.
      if (HEAD_ONLY_TYPES.has(actor.type) && (alias.span.start > mention.start + 4 || alias.span.end < mention.end - 2)) continue;
      const rank = TYPE_RANK[actor.type] ?? 5;
      if (rank < bestRank) {
        best = actor;
        bestRank = rank;
      }
    }
    // The antecedent is the better witness: fall back to the source only when it named no actor, and not when
    // it is a description that names the speaker on its own ("a White House official" for "the official").
    if (best) return best;
    // "Democratic senators", "Republican lawmakers": a party's members speak for the party named in the story
    const party = described && text !== undefined ? partyOfMembers(mention, actors, text) : null;
    if (party) return party;
    const body = text !== undefined ? bodyOfMembers(mention, actors, text) : null;
    if (body) return body;
    if (mention === quote.antecedent && described) return null;
    // "while Republican Jo Roe criticised what he described as ...": a person's name the linker did not make an
    // actor is still who "he" is; the pronoun's own link (to the last actor named) would put another in.
    if (mention === quote.antecedent && pronoun === 'person' && !ruledOut && text !== undefined && namesPerson(mention, text) && !mentionsOverlapping(actors, mention.article, mention.start, head).length) return null;
  }
  if (ruledOut && said && quote.source && text !== undefined) return latestOfGender(actors, quote.source, said, text);
  return null;
}

/**
 * The party a described group of members belongs to ("Democratic senators" → the actor "Democrats",
 * "Republican lawmakers" → "Republicans"): an organisation actor whose name is a capitalised modifier of the
 * description in the plural (the adjective plus "s", or "-ic" as "-s"). GOLD.md gives a party's members to the
 * party when the text names it. Nationalities ("American officials") are no organisation, and stay descriptions.
 */
function partyOfMembers(mention: Span, actors: readonly Actor[], text: string): Actor | null {
  const end = headEnd(mention, text);
  // "many GP members": a modifier the linker made a mention of a party (an organisation with a plural name)
  for (const m of mentionsOverlapping(actors, mention.article, mention.start, end)) {
    if (m.actor.type === 'ORG' && /^\p{Lu}\p{Ll}+s$/u.test(m.actor.name) && m.alias.span.start >= mention.start && m.alias.span.end < end && canSpeak(m.actor)) return m.actor;
  }
  const words = text.slice(mention.start, end).match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  for (const w of words.slice(0, -1)) {
    if (!/^\p{Lu}\p{Ll}+$/u.test(w) || /^(?:The|A|An|Two|Three|Several|Some|Many|Most|Seven|Six|Five|Four)$/.test(w)) continue;
    const plural = new Set([`${w}s`, w.replace(/ic$/, 's')]);
    const party = actors.find((a) => a.type === 'ORG' && plural.has(a.name) && canSpeak(a));
    if (party) return party;
  }
  return null;
}

/** Whether a mention has the shape of a person's name: two capitalised words at its head's end. */
function namesPerson(mention: Span, text: string): boolean {
  if (sourceKind(mention, text) !== 'name') return false;
  const words = text.slice(mention.start, headEnd(mention, text)).trim().split(/\s+/);
  const tail = words.slice(-2);
  return tail.length === 2 && tail.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w));
}

const otherGender = (g: Gender): Gender => (g === 'female' ? 'male' : 'female');

/** A definite description as a source ("the company", "the court", "the president"): its head and what it names. */
interface DefiniteNominal {
  head: string;
  kind: 'org' | 'person';
}

/**
 * "the company", "the federal agency", "the president": "the", at most two lower-case words and a head noun
 * of an organisation (data/roles.json `orgHeads`) or of a person (data/quotes.json `personNominals`, bodies
 * aside); null for anything else (a name, a possessive, "the officials").
 */
export function definiteNominal(source: Span, text: string): DefiniteNominal | null {
  const words = text.slice(source.start, headEnd(source, text)).trim().split(/\s+/);
  if (words.length < 2 || words.length > 4 || words[0].toLowerCase() !== 'the') return null;
  if (words.slice(1).some((w) => !/^\p{Ll}[\p{Ll}-]*$/u.test(w))) return null;
  const head = words[words.length - 1];
  const { orgHeads } = rolesLexicon();
  if (orgHeads.has(head)) return { head, kind: 'org' };
  if (quoteLexicon().personNominals.has(head) && !/s$/.test(head)) return { head, kind: 'person' };
  return null;
}

/** Whether an actor can be what a definite description names: a person for "the president", a body for "the agency". */
function fitsNominal(actor: Actor, nominal: DefiniteNominal): boolean {
  if (nominal.kind === 'person') return actor.type === 'PERSON';
  if (actor.type === 'ORG') return true;
  // "the government", "the administration": a country acts through them
  return actor.type === 'GPE' && rolesLexicon().governmentHeads.has(nominal.head) && canSpeak(actor);
}

/**
 * "The Harbour Patrol will close two piers, the agency said": a body named as the subject that opens the
 * reported clause before a post-posed "the agency said" is the body the description stands for; null when the
 * content does not open with such a name (then the body named last, or the one that spoke last, is tried).
 */
function clauseSubjectBody(quote: Quote, actors: readonly Actor[], nominal: DefiniteNominal, text: string): Actor | null {
  const source = quote.source;
  const first = quote.content[0];
  if (!source || !first || first.end > source.start || /[“”"]/.test(text.slice(first.start, first.start + 1))) return null;
  // the clause and the attribution are one sentence: nothing but a comma (and space) between them
  if (!/^[\s,]*$/.test(text.slice(first.end, source.start))) return null;
  // the subject: the words before the clause's first verb, whose last words name the body (a name the
  // linker cut short, "Port Authority" of "Tornby and District Port Authority", still ends there)
  const verb = /\s(?:is|are|was|were|has|have|had|will|would|can|could|\p{Ll}+ed)\s/u.exec(text.slice(first.start, Math.min(first.end, first.start + 80)));
  if (!verb) return null;
  const subjectEnd = first.start + verb.index;
  for (const m of mentionsOverlapping(actors, source.article, first.start, subjectEnd)) {
    if (m.alias.span.end === subjectEnd && m.actor.type === 'ORG' && fitsNominal(m.actor, nominal)) return m.actor;
  }
  return null;
}

/**
 * The organisation named earlier in the article whose name ends in a description's head ("the court" after
 * "the Supreme Court", "the committee" after "the House Judiciary Committee"): the one mentioned last before
 * the source; null when none is.
 */
function namedBody(actors: readonly Actor[], source: Span, head: string, text: string): Actor | null {
  let best: ActorMention | null = null;
  for (const m of mentionsOverlapping(actors, source.article, 0, source.start)) {
    if (m.actor.type !== 'ORG' || m.alias.kind !== 'name' || m.alias.span.end > source.start) continue;
    const last = text.slice(m.alias.span.start, m.alias.span.end).toLowerCase().match(/\p{L}+/gu)?.pop();
    if (last !== head) continue;
    if (!best || m.alias.span.end > best.alias.span.end) best = m;
  }
  return best?.actor ?? null;
}

/** The gender the article's text (and every outlet's roles and pronouns for the actor) gives a person; null when unknown. */
function actorGender(actor: Actor, article: string, text: string): Gender | null {
  if (actor.type !== 'PERSON') return null;
  return genderOf(actor.aliases, actor.role.value ? [actor.role.value] : [], (id) => (id === article ? text : undefined));
}

/** How far back (characters) a pronoun's speaker is looked for once the first candidate is ruled out. */
const PRONOUN_REACH = 600;

/**
 * The person last named before a pronoun source (within `PRONOUN_REACH`) whom the story gives the pronoun's
 * gender: the speaker when the antecedent found first is of the other gender. Null when there is none (a
 * person of unknown gender is not guessed at).
 */
function latestOfGender(actors: readonly Actor[], source: Span, gender: Gender, text: string): Actor | null {
  let best: ActorMention | null = null;
  for (const m of mentionsOverlapping(actors, source.article, Math.max(0, source.start - PRONOUN_REACH), source.start)) {
    if (m.actor.type !== 'PERSON' || (m.alias.kind !== 'name' && m.alias.kind !== 'surname') || m.alias.span.end > source.start) continue;
    if (actorGender(m.actor, source.article, text) !== gender) continue;
    if (!best || m.alias.span.end > best.alias.span.end) best = m;
  }
  return best?.actor ?? null;
}

/**
 * "The justices ruled": the members of a body as a definite whole speak for it. The body is the actor of this
 * article whose name ends in the body's head noun ("Supreme Court" for "justices"), the most mentioned one when
 * there are several; null when the mention is no such description or the article names no such body.
 */
export function bodyOfMembers(mention: Span, actors: readonly Actor[], text: string): Actor | null {
  const words = text.slice(mention.start, headEnd(mention, text)).trim().toLowerCase().split(/\s+/);
  const head = speakerLexicon().memberBodies.get(words[1] ?? '');
  if (words.length !== 2 || words[0] !== 'the' || !head) return null;
  const counts = new Map<Actor, number>();
  for (const { actor } of mentionsByArticle(actors).get(mention.article) ?? []) {
    if (actor.type !== 'ORG' || actor.name.toLowerCase().split(/\s+/).pop() !== head) continue;
    counts.set(actor, (counts.get(actor) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * The quotes with `speaker` set to the linked actor's id where one is found (a new array; quotes not mutated).
 * Pass the article's text so pronouns and appositions are read (see `speakerActor`).
 *
 * @example
 * ```ts
 * const linked = linkSpeakers(quotes, actors, article.text);
 * linked[0].speaker; // 'ada-lovelace' or null
 * ```
 */
export function linkSpeakers(quotes: readonly Quote[], actors: readonly Actor[], text?: string): Quote[] {
  // read in text order, so that "the company said" can fall back on the organisation that spoke last
  const at = (q: Quote): number => (q.source ?? q.cue ?? q.content[0]).start;
  const order = quotes.map((_, i) => i).sort((a, b) => at(quotes[a]) - at(quotes[b]) || a - b);
  const linked: (Actor | null)[] = new Array(quotes.length).fill(null);
  let previous: Actor | null = null;
  for (const i of order) {
    linked[i] = speakerActor(quotes[i], actors, text, previous);
    if (quotes[i].source) previous = linked[i];
  }
  const out: Quote[] = [];
  quotes.forEach((q, i) => {
    const actor = linked[i];
    if (actor) out.push({ ...q, speaker: actor.id });
    // A name that is only a place, an event or a date ("Texas" as a venue, "Ida", "Jan.") says nothing.
    else if (!(text !== undefined && q.source && !q.antecedent && namesOnlyNonSpeakers(q.source, actors, text))) out.push(q);
  });
  return out;
}

const mentionIndexes = new WeakMap<readonly ActorMention[], RangeIndex>();

/**
 * The actor mentions of an article that overlap [start, end), in text order: found through an index of the
 * article's mentions, so that linking every quote of a long article does not scan all its mentions each time.
 */
function mentionsOverlapping(actors: readonly Actor[], article: string, start: number, end: number): ActorMention[] {
  const list = mentionsByArticle(actors).get(article);
  if (!list) return [];
  let index = mentionIndexes.get(list);
  if (!index) mentionIndexes.set(list, (index = new RangeIndex(list.map((m) => m.alias.span))));
  return index.overlapping(start, end).map((k) => list[k]);
}

/** Whether a name source's head is an actor mention and every actor it names there is one that cannot speak. */
function namesOnlyNonSpeakers(source: Span, actors: readonly Actor[], text: string): boolean {
  if (sourceKind(source, text) !== 'name') return false;
  const head = headEnd(source, text);
  const named = mentionsOverlapping(actors, source.article, source.start, head);
  return named.length > 0 && named.every(({ actor }) => !canSpeak(actor) && !(actor.type === 'MISC' && /s$/.test(actor.name)));
}

/**
 * How a quote's speaker is named in its article when no actor is linked: the antecedent's text for a pronoun
 * or nominal, else the source's, with a leading article dropped; null when the quote has no source.
 *
 * @example
 * ```ts
 * speakerMention(article, quote); // 'Kazakh foreign minister'
 * ```
 */
export function speakerMention(article: Pick<BriefingArticle, 'text'>, quote: Quote): string | null {
  // "the government said" whose antecedent named no actor ("Child Tax Credit"): the description says more
  const body = quote.source && quote.antecedent && !quote.speaker && definiteNominal(quote.source, article.text)?.kind === 'org';
  const who = body ? quote.source : quote.antecedent ?? quote.source;
  if (!who) return null;
  const text = article.text
    .slice(who.start, headEnd(who, article.text))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:which|whom|who|that|while|as|and|but|by)\s+/i, '')
    .replace(/^(?:the|an?)\s+/i, '');
  if (text === '') return null;
  // An unresolved pronoun or a lone common noun ("it", "which", "he") names nobody.
  const lex = quoteLexicon();
  const lower = text.toLowerCase();
  if (!text.includes(' ') && (/^\p{Ll}/u.test(text) || lex.speakerPronouns.has(lower) || lower === 'it')) return null;
  return text;
}

export type { QuoteCitation, QuoteRow, SpeakerQuotes } from '../model.js';

function contentText(text: string, quote: Quote): string {
  return quote.content.map((s) => text.slice(s.start, s.end)).join(' … ');
}

/** Lower-case words of a quote, quotation marks and punctuation aside. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/[’']/g, "'").match(/[\p{L}\p{N}']+/gu) ?? [];
}

/**
 * Whether two quotes carry the same words: one holds the other's words in order, or their word sets overlap
 * by at least 80% (outlets trim, translate a word differently, or cut a quote at another place).
 *
 * @example
 * ```ts
 * sameWords('“We will not go,” he said', 'we will not go'); // true
 * ```
 */
export function sameWords(a: string, b: string): boolean {
  return sameWordsOf(wordsKey(a), wordsKey(b));
}

/** A text's words, read once, for comparing it with many others. */
interface WordsKey {
  words: string[];
  /** the words joined and padded with spaces, for phrase containment */
  joined: string;
  set: Set<string>;
}

function wordsKey(text: string): WordsKey {
  const words = wordsOf(text);
  return { words, joined: ` ${words.join(' ')} `, set: new Set(words) };
}

function sameWordsOf(a: WordsKey, b: WordsKey): boolean {
  if (a.words.length === 0 || b.words.length === 0) return false;
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  // A containment counts only when the shorter one is a real phrase, not one shared word.
  if (short.words.length >= 4 && long.joined.includes(short.joined)) return true;
  const shared = short.words.filter((w) => long.set.has(w)).length;
  return shared / long.words.length >= 0.8;
}

/**
 * The "who said what" view of a briefing: quotes grouped by speaker (the linked actor, else the normalised
 * mention), the same words from several articles on one row. Groups with the most rows come first; quotes with
 * no speaker at all form the last group.
 *
 * @example
 * ```ts
 * for (const g of quotesBySpeaker(briefing)) console.log(g.name, g.rows.length);
 * ```
 */
export function quotesBySpeaker(briefing: { articles: BriefingArticle[]; actors?: Actor[] }): SpeakerQuotes[] {
  const actorById = new Map((briefing.actors ?? []).map((a) => [a.id, a]));
  const groups = new Map<string, SpeakerQuotes>();
  const found = briefing.articles.map((article) => (article.quotes ?? []).map((q) => wordsKey(contentText(article.text, q))));
  const rows = new Map<SpeakerQuotes, RowIndex>();
  const order = wordOrder(found.flat());
  briefing.articles.forEach((article, a) => {
    (article.quotes ?? []).forEach((q, i) => {
      const actor = q.speaker ? actorById.get(q.speaker) ?? null : null;
      const mention = actor ? null : speakerMention(article, q);
      const key = actor ? actor.id : mention ? `mention:${wordsOf(mention).join(' ')}` : 'unknown';
      let group = groups.get(key);
      if (!group) {
        group = { key, name: actor ? actor.name : mention, actor: actor ? actor.id : null, rows: [] };
        groups.set(key, group);
        rows.set(group, new RowIndex(order));
      }
      const first = q.content[0];
      const last = q.content[q.content.length - 1];
      const citation: QuoteCitation = {
        article: article.id,
        quote: i,
        outlet: article.meta.outlet.value,
        kind: q.kind,
        channel: q.channel ? article.text.slice(q.channel.start, q.channel.end) : null,
        cue: q.cue ? article.text.slice(q.cue.start, q.cue.end).replace(/\s+/g, ' ').trim() : null,
        content: { article: article.id, start: first.start, end: last.end },
      };
      const index = rows.get(group)!;
      const at = index.find(article.id, found[a][i]);
      if (at >= 0) group.rows[at].citations.push(citation);
      else group.rows.push({ text: contentText(article.text, q), citations: [citation] });
      index.add(at, article.id, found[a][i]);
    });
  });
  return [...groups.values()].sort((a, b) => {
    if ((a.key === 'unknown') !== (b.key === 'unknown')) return a.key === 'unknown' ? 1 : -1;
    const cited = (g: SpeakerQuotes): number => g.rows.reduce((n, r) => n + r.citations.length, 0);
    return b.rows.length - a.rows.length || cited(b) - cited(a) || (a.name ?? '').localeCompare(b.name ?? '');
  });
}

/** A rank for every word of the quotes, rarest first (ties by the word): the order of prefix filtering. */
function wordOrder(keys: readonly WordsKey[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const k of keys) for (const w of k.set) df.set(w, (df.get(w) ?? 0) + 1);
  const words = [...df.keys()].sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  return new Map(words.map((w, i) => [w, i]));
}

/**
 * One speaker's rows, indexed so that a new quote is compared only with the rows that could have the same
 * words (a speaker quoted thousands of times is not compared row by row). `sameWordsOf` needs the shorter
 * text's words (all but at most a fifth of them) in the longer one, so two matching texts share one of the
 * shorter's rarest quarter-plus-one words (prefix filtering): rows are found by any of their words from a
 * quote's rarest ones, and by their own rarest ones from any of the quote's words.
 */
class RowIndex {
  private readonly words: WordsKey[] = [];
  private readonly articles: Set<string>[] = [];
  /** word → rows holding it, and word → rows having it among their rarest; row numbers ascending */
  private readonly all = new Map<string, number[]>();
  private readonly rare = new Map<string, number[]>();
  /** the article being added and the number of rows before its first quote here: later rows are its own */
  private current: string | null = null;
  private before = 0;

  constructor(private readonly order: ReadonlyMap<string, number>) {}

  /** The first row that has no quote of this article yet and the same words, or -1. */
  find(article: string, key: WordsKey): number {
    if (article !== this.current) {
      this.current = article;
      this.before = this.words.length;
    }
    const candidates = new Set<number>();
    const collect = (list: number[] | undefined): void => {
      for (const r of list ?? []) {
        if (r >= this.before) break;
        candidates.add(r);
      }
    };
    for (const w of this.rarest(key)) collect(this.all.get(w));
    for (const w of key.set) collect(this.rare.get(w));
    return [...candidates].sort((a, b) => a - b).find((r) => !this.articles[r].has(article) && sameWordsOf(this.words[r], key)) ?? -1;
  }

  /** Record a quote: added to row `at`, or a new row when `at` is -1. */
  add(at: number, article: string, key: WordsKey): void {
    if (at >= 0) {
      this.articles[at].add(article);
      return;
    }
    const row = this.words.length;
    this.words.push(key);
    this.articles.push(new Set([article]));
    const post = (index: Map<string, number[]>, w: string): void => {
      const list = index.get(w);
      if (list) list.push(row);
      else index.set(w, [row]);
    };
    for (const w of key.set) post(this.all, w);
    for (const w of this.rarest(key)) post(this.rare, w);
  }

  /** The distinct words among a text's rarest quarter-plus-one word occurrences. */
  private rarest(key: WordsKey): Set<string> {
    const ranked = [...key.words].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
    return new Set(ranked.slice(0, Math.floor(key.words.length / 4) + 1));
  }
}

/** Values a timeline can place: a calendar year, month, day or time (`2017`, `2017-01`, `2017-01-23T10:00`). */
const CALENDAR_VALUE = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:]+)?)?)?$/;

/**
 * The timeline of a briefing: every sentence with a calendar-dated time expression, as a statement when a
 * quote's cue or content lies in it (with the quote's speaker) and as an event otherwise; sorted by date, the
 * less precise value first on a tie ("January 2017" before "January 23, 2017"), then by article order.
 *
 * @example
 * ```ts
 * buildTimeline(briefing.articles).map((e) => e.value); // ['2011', '2016-12', '2017-01-17', '2017-01-23']
 * ```
 */
export function buildTimeline(articles: readonly BriefingArticle[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const article of articles) {
    const quotes = article.quotes ?? [];
    // indexed once per article: a long article's dates are not each checked against every sentence and quote
    const sentences = new RangeIndex(article.sentences);
    const parts = quotes.flatMap((q, i) => [q.cue, ...q.content].filter((x): x is Span => x !== null && x.article === article.id).map((x) => ({ start: x.start, end: x.end, quote: i })));
    const partIndex = new RangeIndex(parts);
    const quoteIn = new Map<number, number>();
    for (const time of article.times ?? []) {
      if ((time.type !== 'DATE' && time.type !== 'TIME') || time.value === null || !CALENDAR_VALUE.test(time.value)) continue;
      const at = sentences.containing(time.span.start, time.span.start + 1)[0];
      if (at === undefined) continue;
      const sentence = article.sentences[at];
      const evidence: Span = { article: article.id, start: sentence.start, end: sentence.end };
      let quote = quoteIn.get(at);
      if (quote === undefined) {
        quote = partIndex.overlapping(sentence.start, sentence.end).reduce((m, k) => Math.min(m, parts[k].quote), Infinity);
        if (quote === Infinity) quote = -1;
        quoteIn.set(at, quote);
      }
      entries.push({
        value: time.value,
        kind: quote >= 0 ? 'statement' : 'event',
        time: time.span,
        timeText: time.text,
        known: time.known,
        implied: time.implied,
        ...(time.mod ? { mod: time.mod } : {}),
        evidence,
        quote: quote >= 0 ? quote : null,
        speaker: quote >= 0 ? quotes[quote].speaker : null,
      });
    }
  }
  const order = new Map(articles.map((a, i) => [a.id, i]));
  return entries.sort(
    (a, b) =>
      a.value.slice(0, Math.min(a.value.length, b.value.length)).localeCompare(b.value.slice(0, Math.min(a.value.length, b.value.length))) ||
      a.value.length - b.value.length ||
      (order.get(a.evidence.article) ?? 0) - (order.get(b.evidence.article) ?? 0) ||
      a.time.start - b.time.start,
  );
}
