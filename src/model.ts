/**
 * The one data model of parallax. Every stage reads and writes these types; nothing else is shared between
 * stages. Offsets are UTF-16 code-unit offsets into `Article.text` (what `String.prototype.slice` uses), so any
 * span can be cut back out with `text.slice(start, end)`.
 */

// The JSON Schema of the briefing (schema/briefing.schema.json) is generated from these types by
// `scripts/build-schema.ts`; the JSDoc tags below (@asType, @minimum, @pattern ...) are its constraints.

/**
 * A UTF-16 code-unit offset into an article's text.
 * @asType integer
 * @minimum 0
 */
export type Offset = number;

/**
 * A number of things.
 * @asType integer
 * @minimum 0
 */
export type Count = number;

/**
 * How sure a stage is of a value, 0..1.
 * @minimum 0
 * @maximum 1
 */
export type Confidence = number;

/**
 * An ISO 8601 date as precise as what is known: 2017, 2017-01, 2017-01-18.
 * @pattern ^\d{4}(-\d{2}(-\d{2})?)?$
 */
export type IsoDate = string;

/**
 * ISO 8601 as precise as what is known: 2017, 2017-01, 2017-01-18, 2017-01-18T10:00:00Z.
 * @pattern ^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$
 */
export type IsoDateTime = string;

/** A character span of one article's clean text. */
export interface Span {
  /**
   * `Article.id`
   * @minLength 1
   */
  article: string;
  start: Offset;
  end: Offset;
}

/**
 * Everything extracted is a field. `value: null` means unknown and stays unknown: never a default.
 * `method` says how it was found (`meta:og:site_name`, `text:dateline`, `model:ner`, `rule:apposition`, ...).
 */
export interface Field<T> {
  value: T | null;
  method: string;
  /** 0..1; 0 for unknown values */
  confidence: Confidence;
  /** where in the clean text the value was read, when it was read from the text */
  span?: Span;
}

/** An unknown field, with the reason it is unknown as its method (`none`, `not-found:byline` ...). */
export function unknown<T>(method = 'none'): Field<T> {
  return { value: null, method, confidence: 0 };
}

/** A known field. */
export function known<T>(value: T, method: string, confidence: number, span?: Span): Field<T> {
  return span ? { value, method, confidence, span } : { value, method, confidence };
}

/**
 * A bare article around a plain text, for evaluation sets, benchmarks and tests that have no source file: the
 * text is taken as clean as it is, and every metadata field is unknown unless given.
 *
 * @example
 * ```ts
 * plainArticle('He said so.', 'doc-1').text; // 'He said so.'
 * plainArticle('Er sagte es.', 'doc-2', { language: known('de', 'test', 1) }).meta.language.value; // 'de'
 * ```
 */
export function plainArticle(text: string, id = 'text', meta: Partial<ArticleMeta> = {}): Article {
  return {
    id,
    source: { path: id, format: 'text' },
    text,
    raw: text,
    segments: [{ start: 0, end: text.length, rawStart: 0 }],
    removed: [],
    meta: {
      title: unknown(),
      outlet: unknown(),
      url: unknown(),
      published: unknown(),
      modified: unknown(),
      byline: unknown(),
      dateline: unknown(),
      language: unknown(),
      ...meta,
    },
    notes: [],
  };
}

/**
 * A calendar date or date-time with its known and implied parts kept apart (chrono's `isCertain` model).
 * `value` is ISO 8601 (`2017-01-18`, `2017-01`, `2017-01-18T10:00:00Z`); for an inferred range, `from`/`to`.
 */
export interface DateValue {
  /** ISO 8601 as precise as what is known, or the earliest day of a range */
  value: IsoDateTime;
  /** inclusive range when the date is only known to lie in it */
  from?: IsoDateTime;
  to?: IsoDateTime;
  /** which parts were stated (e.g. ['day', 'weekday']) and which were implied from context (['month', 'year']) */
  known?: DatePart[];
  implied?: DatePart[];
}
export type DatePart = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute' | 'second' | 'timezone';

export type SourceFormat = 'text' | 'markdown' | 'html' | 'json' | 'jsonl' | 'rss' | 'atom' | 'stdin';

/** Where an article came from. */
export interface Source {
  /** file path, or `-` for standard input */
  path: string;
  /** record number inside a JSONL file or feed (0-based), when the file holds several articles */
  record?: number;
  format: SourceFormat;
  /** charset the bytes were decoded with, and how it was chosen (`bom`, `meta`, `http-equiv`, `utf-8`, `detected`) */
  encoding?: string;
  encodingMethod?: string;
}

/** A piece of the source that is not article body, with the reason it was removed. */
export interface Removed {
  text: string;
  /** `navigation`, `comment-form`, `captcha`, `newsletter`, `share`, `related`, `caption`, `about-box`, `promo`, `title`, `byline`, `page-chrome` ... */
  reason: string;
  /** offsets into `Article.raw` */
  rawStart: Offset;
  rawEnd: Offset;
}

/** Maps a run of the clean text back to `Article.raw`: text.slice(start, end) === raw.slice(rawStart, rawStart + end - start). */
export interface Segment {
  start: number;
  end: number;
  rawStart: number;
}

export interface ArticleMeta {
  title: Field<string>;
  outlet: Field<string>;
  url: Field<string>;
  published: Field<DateValue>;
  modified: Field<DateValue>;
  byline: Field<string>;
  /** place name of a dateline ("Beirut –"); its span covers the place name */
  dateline: Field<string>;
  /** ISO 639-1 code (`en`), or ISO 639-3 where no 639-1 code exists */
  language: Field<string>;
}

/** One news article after ingest: clean body text plus honest metadata. */
export interface Article {
  /** hash of the normalised source text; stable across runs */
  id: string;
  source: Source;
  /** the clean body: every span points into this */
  text: string;
  /**
   * The decoded source text the clean text was cut from: the file's text for plain text and Markdown, the
   * main-text extraction (paragraphs joined by blank lines) for HTML and feeds.
   */
  raw: string;
  segments: Segment[];
  removed: Removed[];
  meta: ArticleMeta;
  /** visible notes for the reader, e.g. "not English (de): English-only stages skipped" */
  notes: string[];
}

export interface Token {
  start: number;
  end: number;
  /** Universal POS tag from wink-nlp */
  pos: string;
}

export interface Sentence {
  start: number;
  end: number;
  /** index into `Doc.paragraphs` */
  paragraph: number;
  /** token index range [tokenStart, tokenEnd) */
  tokenStart: number;
  tokenEnd: number;
}

export interface Paragraph {
  start: Offset;
  end: Offset;
}

/** The text layer of one article: paragraphs, sentences and tokens, all offsets into `article.text`. */
export interface Doc {
  article: Article;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
}

/** A file or record that could not be analysed, and why. */
export interface InputError {
  path: string;
  record?: number;
  reason: string;
}

/** Options shared by `analyze` and the CLI. */
export interface AnalyzeOptions {
  /** report progress here (the CLI passes stderr when it is a terminal) */
  onProgress?: (done: number, total: number, path: string) => void;
  /** a publication date to assume for articles that have none in their metadata (ISO date) */
  assumePublished?: string;
  /** length of the cited summary in sentences (`--summary-sentences`); when `summaryWords` is also set, both bound it */
  summarySentences?: number;
  /** length of the cited summary in words (`--summary-words`) */
  summaryWords?: number;
  /**
   * an outlet registry file (`--outlets FILE`, JSON `{"outlets": [...]}` as `data/outlets.json`) whose entries add to or
   * replace the built-in ones by name; when absent, the `PARALLAX_OUTLETS` environment variable names one
   */
  outlets?: string;
  /**
   * drop the actors the trained filter (models/actor-filter.json, src/actors/filter.ts) rejects; default true.
   * false keeps every actor the linker made (scripts/train-actor-filter.ts trains on those)
   */
  actorFilter?: boolean;
}

export const BRIEFING_SCHEMA_VERSION = '0.1.0';

/** An article as it appears in a briefing: the article plus its text layer, without the raw source. */
export interface BriefingArticle {
  id: string;
  source: Source;
  meta: ArticleMeta;
  text: string;
  removed: Removed[];
  paragraphs: Paragraph[];
  sentences: { start: Offset; end: Offset; paragraph: Count }[];
  notes: string[];
  /** who said what in this article (src/quotes), speakers linked to `Briefing.actors`; absent for non-English articles */
  quotes?: Quote[];
  /** time expressions, anchored on the publication day (src/time); absent for non-English articles */
  times?: TimeRef[];
}

/** The output of `analyze`: what the reports render. Later stages add sections beside `articles`. */
export interface Briefing {
  schema: 'parallax/briefing';
  /** `BRIEFING_SCHEMA_VERSION` */
  version: typeof BRIEFING_SCHEMA_VERSION;
  story: {
    /** `Story.id` of the story the briefing is about (the largest when the input holds several) */
    id?: string;
    title: Field<string>;
    outlets: string[];
    /** earliest and latest known publication dates */
    dateRange: { from: IsoDate; to: IsoDate } | null;
  };
  articles: BriefingArticle[];
  /** the people, organisations and places of the story, each mention linked to one actor (src/actors) */
  actors: Actor[];
  /** dated statements and events of all articles, sorted by date (src/saidwhen) */
  timeline?: TimelineEntry[];
  /** the cited summary (src/summary): every sentence cites the articles that support it */
  summary?: Summary;
  /** the outlets of the story, labelled from the outlet registry (src/outlets) */
  outletProfiles?: OutletProfile[];
  /** the same facts across outlets: agree, conflict, unique (src/compare) */
  claims?: Claim[];
  /** how each outlet labels contested actors and events, in its own voice and inside quotes (src/compare) */
  framing?: FramingTable;
  /** who is quoted in each outlet (src/compare) */
  voices?: Voice[];
  /** the articles grouped into stories, with background links between stories (src/stories) */
  stories?: Story[];
  /** exact and near-duplicates, wire copies and reposts, so that one text counts once (src/stories) */
  duplicates?: DuplicateGroup[];
  /** positions taken on the story's questions: one per holder, proposition and statement (src/stances) */
  stances?: Stance[];
  /** holders (by country or organisation) × propositions (src/stances) */
  matrix?: StanceMatrix;
  /** who did what to whom: PLOVER events of English articles, dated and placed from their sentence (src/events) */
  events?: Event[];
  /** per story, outlets and articles by lean, country and ownership, blindspot, headlines side by side (src/coverage) */
  coverage?: StoryCoverage[];
  /** with several stories: the large stories each outlet did not cover, the stories only one side covered (src/coverage) */
  acrossStories?: AcrossStories;
  /**
   * in a store only (src/store/update.ts): for each of the story's actors (linked over the story's own
   * articles), the id of the corpus actor it is (the one holding most of its mentions), null when the corpus
   * linker kept none of its mentions
   */
  actorLinks?: Record<string, string | null>;
  /** what the report sections show that is derived from the sections above, computed once (src/view) */
  view?: BriefingView;
  errors: InputError[];
  stats: { inputs: Count; articles: Count; failed: Count };
}

/** What a caller hands to `analyze`: a path (file, folder, or `-` for stdin), or bytes with a name. */
export type SourceInput = string | { path: string; data: Uint8Array | string };

/**
 * One article as ingest reads it, before page chrome is removed: the decoded plain text (paragraphs separated
 * by blank lines) and the metadata the container format carried (HTML meta tags, front matter, JSON fields).
 */
export interface RawArticle {
  source: Source;
  raw: string;
  meta: Partial<ArticleMeta>;
  /** pieces the HTML extractor already dropped are not kept; pieces removed from `raw` are recorded by clean */
  notes?: string[];
}

// ---------------------------------------------------------------------------------------------------------
// Extraction results. Each stage owns one of these; fields may be added (never renamed) as the stages grow.

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'MISC';

/** A name (or demonym) found in the text by the tagger or a gazetteer. */
export interface Mention {
  span: Span;
  text: string;
  type: EntityType;
  /** for demonyms ("Iranian") and capitals, the country they stand for (ISO 3166-1 alpha-3), when known */
  country?: string;
  /** true for a demonym ("Kazakh") rather than a name */
  demonym?: boolean;
  method: string;
  confidence: number;
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A time expression normalised to a TIMEX3-style value relative to the article's date. */
export interface TimeRef {
  span: Span;
  text: string;
  type: TimeType;
  /** TIMEX3 value: `2017-01-23`, `2016-12`, `2011`, `P1W`, `PAST_REF`, `XXXX-WXX-1` ...; null when unresolvable */
  value: string | null;
  /** parts stated in the expression and parts implied from the anchor/context */
  known: DatePart[];
  implied: DatePart[];
  /** the date the value was anchored on (ISO), or null when none */
  anchor: string | null;
  method: string;
  confidence: number;
  /** TimeML `mod` when the expression narrows or hedges its value: START ("early January"), MID, END, APPROX, MORE_THAN ... */
  mod?: string;
}

/**
 * One dated sentence on the briefing's timeline: a statement when a quote lies in the sentence, an event
 * otherwise. The date's stated and implied parts are kept apart ("on Monday": weekday stated, week implied).
 */
export interface TimelineEntry {
  /** TIMEX3 calendar value: `2017`, `2017-01`, `2017-01-23`, `2017-01-23T10:00` */
  value: string;
  kind: 'statement' | 'event';
  /** the time expression, and its words */
  time: Span;
  timeText: string;
  known: DatePart[];
  implied: DatePart[];
  /** TimeML `mod` of the expression (START, MID, END, APPROX ...) */
  mod?: string;
  /** the sentence the entry stands for */
  evidence: Span;
  /** index into the article's `quotes` for a statement, else null */
  quote: number | null;
  /** actor id of the statement's speaker, when linked */
  speaker: string | null;
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed';

/** Who said what: cue, content and source spans, and the speaker they resolve to. */
export interface Quote {
  kind: QuoteKind;
  /** the reporting verb or phrase ("said", "according to", "was quoted as saying") */
  cue: Span | null;
  /** the words said; several spans when the attribution interrupts the quotation */
  content: Span[];
  /** the mention that names the speaker in this attribution ("he", "the official", "Smith") */
  source: Span | null;
  /** for pronoun and nominal sources, the name mention they resolve to */
  antecedent: Span | null;
  /** the actor id of the speaker, once actors are linked; null when unknown */
  speaker: string | null;
  /** the news agency or broadcaster that carried the words ("told Reuters"), kept apart from the speaker */
  channel: Span | null;
  method: string;
  confidence: number;
}

/** PLOVER event types (current names; PLOVER 0.5 DEMAND, DISAPPROVE, INVESTIGATE, FIGHT map to REQUEST, ACCUSE, ACCUSE, ASSAULT). */
export type PloverType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST' | 'ACCUSE' | 'REJECT'
  | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

/** One side of an event: the words that name the actor and its CAMEO-style code, when known. */
export interface EventActor {
  span: Span;
  text: string;
  /** full CAMEO-style code (`IRNGOV`, `RUS`, `IGOUNO`), null when the actor is not in the knowledge base */
  code: string | null;
  /** country (ISO alpha-3) or international sector (`IGO`, `NGO`, `IMG` ...) the code starts with */
  country: string | null;
  /** sector such as GOV, MIL, REB, COP, when known */
  sector: string | null;
  /** `Actor.id` in `Briefing.actors` when the words are one of that actor's mentions (set by src/events/wire.ts) */
  actor?: string | null;
}

/** Who did what to whom: one PLOVER event read from one sentence (one event per source and target actor). */
export interface Event {
  type: PloverType;
  /** CAMEO event code (`0874`, `190`) when a CAMEO pattern coded it */
  cameo: string | null;
  /** PLOVER mode (`visit`, `arrest`, `demo` ...), null when unknown */
  mode: string | null;
  source: EventActor | null;
  target: EventActor | null;
  negated: boolean;
  hypothetical: boolean;
  future: boolean;
  historical: boolean;
  /** the reporting clause's speaker ("an official said"), when the event is reported by someone */
  reportedBy: Span | null;
  /** null until the time stage is wired to events */
  date: Field<DateValue>;
  location: Field<string>;
  /** `Actor.id` of the place actor the location names, when linked (src/events/wire.ts) */
  locationActor?: string | null;
  /** the verb or phrase that names the event */
  trigger: Span;
  /** the sentence the event was read from */
  evidence: Span;
  method: string;
  confidence: number;
}

/** How a mention names its actor. */
export type AliasKind = 'name' | 'surname' | 'acronym' | 'demonym' | 'nominal' | 'pronoun' | 'metonymy';

/** One mention of an actor in an article's text. */
export interface ActorAlias {
  span: Span;
  text: string;
  kind: AliasKind;
  /** how the mention was linked (`model:ner`, `rule:surname`, `rule:acronym-initials`, `rule:pronoun` ...) */
  method: string;
  confidence: number;
}

/**
 * One actor of the story: all its mentions, in every article, under one canonical name. `country` is an
 * ISO 3166-1 alpha-3 code (the country a person or organisation acts for; for a country, its own code).
 */
export interface Actor {
  /** stable within one briefing: a slug of the canonical name */
  id: string;
  name: string;
  type: EntityType;
  aliases: ActorAlias[];
  role: Field<string>;
  country: Field<string>;
  organisation: Field<string>;
  /** a person's political party where the text says it ("Sen. Jane Doe (D-Md.)", "Republican Gov. ..."); a party's own actor has none */
  party?: Field<string>;
  /** CAMEO-style codes from the knowledge base (`RUSGOV`, `IGOUNO`), empty when it does not know the actor */
  codes: string[];
  method: string;
  confidence: number;
}

/** How a summary sentence relates to a span: its words were taken from it, shortened from it, or it says the same. */
export type SummaryHow = 'extract' | 'compress' | 'supported-by:similarity';

/** One line of a summary sentence's audit: a span and how the sentence relates to it. */
export interface SummaryAuditEntry {
  span: Span;
  how: SummaryHow;
  /** content-word and name/number similarity to the summary sentence, 0..1 (1 for the span it was taken from) */
  similarity: number;
}

/** A citation: an article that supports a summary sentence, and the span in it that does. */
export interface SummaryCitation {
  article: string;
  span: Span;
}

/** A dated fact a summary sentence states: a time expression in it with its resolved value. */
export interface SummaryDate {
  text: string;
  /** TIMEX3 value (`2017-01-23`, `XXXX-01-23` when the year is unknown) */
  value: string;
  span: Span;
}

/** One sentence of the cited summary. Its words come from the article text (extracted or shortened), never invented. */
export interface SummarySentence {
  text: string;
  /** every article that supports the sentence, the one it was taken from first */
  citations: SummaryCitation[];
  /** which spans it was taken from or is supported by, and how */
  audit: SummaryAuditEntry[];
  /** true when the sentence reports what someone said (the attribution stays in the sentence) */
  attributed: boolean;
  /** why it was chosen: `central`, `side:oppose`, `side:support`, `dated-fact` */
  reason: string;
  dates: SummaryDate[];
}

/** The cited summary of a story. */
export interface Summary {
  sentences: SummarySentence[];
  /** `mmr-tfidf` */
  method: string;
  /** the length asked for */
  limit: { sentences: number | null; words: number | null };
}

// ---------------------------------------------------------------------------------------------------------
// Across outlets (src/outlets, src/compare).

/** How an outlet is owned or funded, as the outlet registry records it. */
export type OwnershipType = 'wire' | 'state-funded' | 'public' | 'private' | 'nonprofit';

/** An outlet of the story, labelled from the registry when it is known there. */
export interface OutletProfile {
  /** the key tables use: the registry name, else the article's own outlet field, else `unknown:<articleId>` */
  key: string;
  /** display name; null when the outlet of the article is unknown */
  name: string | null;
  /** ISO 3166-1 alpha-3, null when unknown */
  country: string | null;
  ownership: OwnershipType | null;
  /** how the article was matched (`registry:name`, `registry:alias`, `registry:domain`, `meta:outlet`, `none`) */
  method: string;
  articles: string[];
  /** the lean shown: the registry's latest rating (or the user's), null when no rating is known; never inferred from text */
  lean?: LeanRating | null;
  /** every rating the registry knows for the outlet, oldest first (a later one may differ from the first) */
  ratings?: LeanRating[];
  /** news, or an opinion section (told by the outlet's label or the URL's path) */
  section?: OutletSection;
  /** for an opinion section, the name of the outlet it belongs to */
  parent?: string | null;
}

/** A political lean on AllSides' five-point US scale, or `mixed` (AllSides' rating of sources mixing sides). */
export type Lean = 'left' | 'lean left' | 'center' | 'lean right' | 'right' | 'mixed';

/** One published rating of an outlet's lean, with who rated it and when. */
export interface LeanRating {
  value: Lean;
  /** who published the rating (`AllSides Media Bias Ratings`, or `user registry <file>`) */
  source: string;
  /** ISO date the rating was published or seen, null when not given */
  date: string | null;
  /** the name the rater gives the outlet, when it differs from the registry's */
  ratedAs?: string;
  url?: string;
}

export type OutletSection = 'news' | 'opinion';

// ---------------------------------------------------------------------------------------------------------
// Coverage (src/coverage): who covers each story, from which side, and what each side leaves out.

/** Left (left, lean left), center, right (lean right, right). */
export type Side = 'left' | 'center' | 'right';

/** Outlets and articles with one lean, side, country or ownership (`key`; `unknown` when not known). */
export interface CoverageCount {
  key: string;
  outlets: number;
  articles: number;
}

/** One story's articles counted by what the registry says of their outlets. */
export interface CoverageBars {
  articles: number;
  outlets: number;
  /** left to right on the five-point scale, then `mixed`, then `unknown`; only keys with articles */
  byLean: CoverageCount[];
  /** `left`, `center`, `right`, then `mixed`, `unknown` */
  bySide: CoverageCount[];
  /** ISO 3166-1 alpha-3, most articles first, then `unknown` */
  byCountry: CoverageCount[];
  /** wire, state-funded, public, private, nonprofit, then `unknown` */
  byOwnership: CoverageCount[];
}

/** A story covered almost only from one side: a blindspot for readers of the other. */
export interface Blindspot {
  /** the side that covers it */
  side: 'left' | 'right';
  /** the side that (nearly) does not */
  missing: 'left' | 'right';
  /** share of the rated news articles from `side` */
  share: number;
  /** rated news articles counted */
  articles: number;
  /** the rule applied, e.g. "over 80% of ≥ 5 rated news articles from one side" */
  rule: string;
}

/** A word of a headline or lead marked as differing between sides. */
export interface CoverageMark {
  /** `headline`: offsets into the article's title; `lead`: offsets into its text */
  in: 'headline' | 'lead';
  start: number;
  end: number;
  /** `side-only`: no other side's headlines and leads use the word; `framing`: a term the framing stage found */
  why: 'side-only' | 'framing';
}

/** One article's headline and lead, as its outlet wrote them. */
export interface CoverageCell {
  article: string;
  /** `OutletProfile.key` */
  outlet: string;
  section: OutletSection;
  headline: string | null;
  /** the first sentence of the article's text */
  lead: Span | null;
  marks: CoverageMark[];
}

/** The articles of one lean, side by side. */
export interface CoverageColumn {
  lean: Lean | 'unknown';
  cells: CoverageCell[];
}

/** Coverage of one story (src/coverage). */
export interface StoryCoverage {
  /** `Story.id` */
  story: string;
  /** news articles; opinion pieces are counted apart */
  news: CoverageBars;
  opinion: CoverageBars;
  blindspot: Blindspot | null;
  /** a neutral title chosen from the news headlines (most shared content, least loaded wording); never an opinion headline */
  title: Field<string>;
  /** headlines and leads grouped by lean, left to right, then mixed and unknown */
  columns: CoverageColumn[];
}

/** Across stories: what each outlet and each side did not cover. */
export interface AcrossStories {
  /** a story is large when at least this many outlets covered it */
  largeMinOutlets: number;
  /** `Story.id`s of the large stories, most outlets first */
  large: string[];
  /** per outlet, the large stories it did not cover */
  outlets: { outlet: string; lean: Lean | null; covered: number; missed: string[] }[];
  /** per side, the stories only outlets of that side covered (all rated outlets on it) */
  sideOnly: { side: Side; stories: string[] }[];
}

export type ClaimKind = 'agree' | 'conflict' | 'unique';

/** One outlet's telling of a claim: the sentence it is read from and the value it gives. */
export interface ClaimEvidence {
  article: string;
  /** `OutletProfile.key` */
  outlet: string;
  span: Span;
  /** true when the words are inside a quotation (someone else's words, not the outlet's own) */
  quoted: boolean;
  /** the value this telling gives (a date, a count), when the claim is about one */
  value: string | null;
  polarity: 'affirmed' | 'denied' | null;
}

/** The same fact told by several outlets (agree), told incompatibly (conflict), or told by one only (unique). */
export interface Claim {
  id: string;
  kind: ClaimKind;
  /** a normalised statement: the key words, entities and values the tellings share */
  statement: string;
  /** what aligned the tellings: `date`, `number`, `polarity`, `similarity`, `single` */
  basis: string;
  entities: string[];
  /** for conflicts, the incompatible values and which articles give each */
  conflicting: { value: string; articles: string[] }[];
  /** outlet keys, once each (wire copies and duplicates count once) */
  outlets: string[];
  articles: string[];
  evidence: ClaimEvidence[];
  /** teaser or truncated articles of the story: their silence is not counted as disagreement */
  silent: string[];
  confidence: number;
}

/** A framing term one outlet uses, with every place it uses it. */
export interface FramingTerm {
  /** what the term labels (`armed-groups`, `governments`, `contested-control` ...) or `distinctive` */
  group: string;
  /** the phrase as written, lower-cased (with its modifiers: "foreign-sponsored opposition groups") */
  label: string;
  /** the lexicon head it was found by, or the contrasted word for distinctive terms */
  head: string;
  voice: 'own' | 'quoted';
  /** `lexicon`, or `log-odds` for terms the distributional contrast found */
  method: string;
  /** for distinctive terms, the z-score of the log-odds contrast against the other outlets */
  score?: number;
  spans: Span[];
}

/** One outlet's row of the framing table. */
export interface FramingRow {
  outlet: string;
  articles: string[];
  own: FramingTerm[];
  quoted: FramingTerm[];
  distinctive: FramingTerm[];
}

/** Two or more outlets naming the same referent differently, each in its own voice. */
export interface FramingContrast {
  /** what is named: the shared words around it (`aligned`) or the lexicon group's description (`lexicon`) */
  referent: string;
  /**
   * `aligned`: the words outlets put in the same place of sentences telling one fact; `phrase`: own-voice noun
   * phrases around a shared noun; `figure`: one sum given with different precision or hedges; `lexicon`: a
   * framing-lexicon group
   */
  method: 'aligned' | 'phrase' | 'figure' | 'lexicon';
  /** how distinctive the wordings are of their outlets (summed log-odds z against a general-news prior) */
  score: number;
  /** each outlet's words, cited; at least two outlets */
  terms: { outlet: string; article: string; label: string; span: Span }[];
}

/** The framing lens: per outlet, the words for contested actors and events, in its own voice and in quotes. */
export interface FramingTable {
  groups: string[];
  rows: FramingRow[];
  /** referents two or more outlets name differently, most distinctive first */
  contrasts?: FramingContrast[];
}

/** One speaker quoted by one outlet. */
export interface Voice {
  outlet: string;
  article: string;
  /** the speaker as named (the antecedent of a pronoun), null when the attribution has no source */
  speaker: string | null;
  /** actor id, when actors are linked */
  actor: string | null;
  /** ISO 3166-1 alpha-3 of the side the speaker speaks for, when known */
  country: string | null;
  quotes: number;
  words: number;
  /** share of the article's quoted words */
  share: number;
  /** true for the speaker of the article's last quote */
  lastWord: boolean;
  spans: Span[];
}

/** A link from a story to another one it gives background to (the same actors, another time), with why. */
export interface StoryLink {
  /** `Story.id` of the other story */
  story: string;
  /** e.g. "shares actors Iran, Russia; 3 years apart" */
  reason: string;
  /** highest similarity between an article of each story (0..1) */
  similarity: number;
}

/** Articles on one story, grouped by text, actors and time (src/stories). */
export interface Story {
  id: string;
  /** `Article.id`s, in input order */
  articles: string[];
  /** the title of its most central article */
  title: Field<string>;
  /** earliest and latest known dates (publication, else dates stated in the text); null when none is known */
  dateRange: { from: string; to: string } | null;
  /** actor names most of its articles mention, as most often written */
  keyActors: string[];
  /** terms that weigh most in its articles */
  keyTerms: string[];
  background: StoryLink[];
}

export type DuplicateKind = 'exact' | 'near' | 'wire' | 'repost';

/** Articles that carry one text (copies, wire stories, reposts): what they say is counted once. */
export interface DuplicateGroup {
  articles: string[];
  kind: DuplicateKind;
  /** e.g. "3 outlets, 1 wire story" */
  reason: string;
  /** lowest shingle Jaccard similarity among the pairs that joined the group (0..1) */
  similarity: number;
  /** the outlets carrying it, where known */
  outlets: string[];
}

export type StancePolarity = 'support' | 'oppose' | 'unclear';

/** A country, organisation or person a proposition is about, keyed so the same party merges across articles. */
export interface StanceParty {
  /** ISO alpha-3 country, CAMEO IGO/NGO code (`IGOUNO`), or an actor id when neither is known */
  key: string;
  /** display name ("United States") */
  name: string;
}

/** A proposition of the story: a target phrase ("the zoning bill"); targets that refer to the same thing in any article merge. */
export interface Proposition {
  /** `target|<head class>|<n>` */
  id: string;
  /** `target` for an open-domain target phrase (src/stances) */
  predicate: string;
  /** kept for the schema; null for target phrases */
  agent: StanceParty | null;
  partner: StanceParty | null;
  /** the target as a short readable phrase */
  text: string;
}

/** Who holds a stance: the speaker, and the country or organisation they speak for. */
export interface StanceHolder {
  /** the speaker as named ("Foreign Minister Jane Doe", "Ruritania"), null for a pronoun with no antecedent */
  speaker: string | null;
  /** `Actor.id` of the speaker, when linked */
  actor: string | null;
  /** ISO alpha-3, when known */
  country: string | null;
  organisation: string | null;
  /** the matrix row: the actor id, or `described:<words>` for a described holder ("67 Republicans") */
  group: string;
  groupName: string;
}

/** One position one holder takes on one proposition in one statement. */
export interface Stance {
  holder: StanceHolder;
  /** `Proposition.id` in `StanceMatrix.propositions` */
  proposition: string;
  polarity: StancePolarity;
  /** the words that carry the polarity ("against", "should"), when any */
  cue: Span | null;
  /** the predicate word ("presence", "invited") */
  trigger: Span;
  /** the sentence */
  evidence: Span;
  /** index into the article's `quotes`, null for a statement in the outlet's voice */
  quote: number | null;
  method: string;
  confidence: number;
}

/** One cell of the stance matrix: what one holder group says about one proposition, across outlets. */
export interface StanceCell {
  holder: string;
  proposition: string;
  /** `mixed` when the holder's statements disagree */
  polarity: StancePolarity | 'mixed';
  speakers: string[];
  /** indices into `Briefing.stances` */
  stances: number[];
}

/** Holders grouped by country or organisation × propositions. */
export interface StanceMatrix {
  holders: { group: string; name: string }[];
  /** the story's questions first: propositions ordered by how many statements speak to them */
  propositions: Proposition[];
  cells: StanceCell[];
}

// ---------------------------------------------------------------------------------------------------------
// The view: what the report sections show, computed once by the `view` stage (src/view) so that the HTML and
// Markdown reports, the JSON and the web app show the same rows and the renderers only render.

/**
 * The report's view of a briefing's sections: speaker groups, event rows, names of codes, the coverage rows.
 * Everything in it is derived from the sections beside it; it is rebuilt whenever they are.
 */
export interface BriefingView {
  /** who said what: the quotes grouped by speaker, most rows first, quotes with no speaker last (src/saidwhen) */
  speakers: SpeakerQuotes[];
  /** who did what: the events merged into rows (src/events), split at `confidence` */
  events: {
    /** the confidence from which a row is shown in the table; the rest are less certain */
    confidence: number;
    shown: EventRow[];
    lessCertain: EventRow[];
  };
  /** CAMEO code → its codebook name, for the codes of the event rows (data/events/cameo-labels.json) */
  cameo: Record<string, string>;
  /** ISO 3166-1 alpha-3 code → country name, for the countries of the actors (data/kb/countries.json) */
  countries: Record<string, string>;
  /** the coverage rows both reports show, or null when the briefing has no coverage */
  coverage: CoverageView | null;
}

/** The coverage rows of the reports, as `Briefing.coverage` story ids and outlet keys. */
export interface CoverageView {
  /** the briefing's story's coverage (else the first story's): its `StoryCoverage.story` */
  story: string;
  /** the outlets of its side-by-side columns (`OutletProfile.key`), in profile order: listed with lean and source */
  outlets: string[];
  /** across stories: the stories of two or more news outlets, most news articles first */
  multiOutlet: string[];
}

/** One quote as carried by one article. */
export interface QuoteCitation {
  article: string;
  /** index into that article's `quotes` */
  quote: number;
  outlet: string | null;
  kind: Quote['kind'];
  /** the channel's words ("Reuters"), when the quote names one */
  channel: string | null;
  /** the cue's words ("said", "told reporters", "according to"), so that what was said reads as said */
  cue: string | null;
  /** the whole content span run (first start to last end), for the sentence link */
  content: Span;
}

/** Near-identical words said by one speaker, with every article that carried them. */
export interface QuoteRow {
  /** the words as the first article carrying them has them */
  text: string;
  citations: QuoteCitation[];
}

/** All the quotes of one speaker across outlets. */
export interface SpeakerQuotes {
  /** actor id when linked, else `mention:<normalised name>`, or `unknown` */
  key: string;
  /** the actor's name, the mention's words, or null when no speaker was found */
  name: string | null;
  actor: string | null;
  rows: QuoteRow[];
}

/** One side of a merged event row: how it is named, the actor it links to, its code. */
export interface EventRowSide {
  /** `Actor.id` when linked */
  actor: string | null;
  /** the actor's canonical name when linked, else the words of the first report */
  name: string;
  code: string | null;
}

/** One event as the report shows it: the same act by the same actors, however many outlets told it. */
export interface EventRow {
  type: PloverType;
  cameo: string | null;
  mode: string | null;
  source: EventRowSide | null;
  target: EventRowSide | null;
  /** the most precise date the reports give; null when none dates it */
  date: DateValue | null;
  /** when no report dates it: the words of a time the article's date could not place ("January 23"), else null */
  dateWords: string | null;
  location: string | null;
  negated: boolean;
  hypothetical: boolean;
  future: boolean;
  /** the people or bodies that reported the event ("an official said"), as written */
  reportedBy: string[];
  /** indices into `Briefing.events`, in briefing order */
  events: number[];
  /** ids of the articles that report it, in briefing order */
  articles: string[];
  /** how sure the row is, 0..1: its surest event's confidence, raised for each further article that tells it */
  confidence: number;
}
