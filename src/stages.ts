/**
 * The stages of parallax, declared and listed in order: the one configuration `src/pipeline.ts` and the store
 * run from. Each stage says what it needs and provides and carries a version; bump the version when a change
 * to the stage changes what it writes, and `parallax reanalyse` rebuilds only what that stage wrote.
 *
 * Article-level stages run on one article at a time (streamed, independent of the others). Each writes one
 * serialisable layer (`Layer`: the stage name, its version and its JSON data) and `apply` puts a layer back
 * into the working document, so a document read from a store is the one the stages built.
 *
 * Corpus-level stages read the layers of many articles. `per: 'corpus'` stages (actors, stories) see the
 * whole corpus; `per: 'story'` stages see a scope: the whole input for `analyze`, one story for the store
 * (its briefing sections). The stage functions live in their folders; this file only wires them.
 */
import type { Actor, AnalyzeOptions, Article, Doc, DuplicateGroup, Mention, RawArticle, Story } from './model.js';
import { findMentions } from './ner/index.js';
import type { BriefingParts } from './briefing.js';
import { briefingArticle } from './briefing.js';
import { cleanArticle } from './clean/index.js';
import { detectLanguage, isEnglish } from './language/index.js';
import { buildDoc } from './text/index.js';
import { buildTimeline, saidWhen, withPublishedDate, type SaidWhen } from './saidwhen/index.js';
import { datedByEvents } from './time/index.js';
import { linkActors } from './actors/index.js';
import { actorScores, dropActors, loadActorFilter } from './actors/filter.js';
import { groupStories } from './stories/index.js';
import { analyseStances } from './stances/index.js';
import { briefingEvents } from './events/wire.js';
import { compareOutlets } from './compare/index.js';
import { summarize } from './summary/index.js';
import { buildCoverage } from './coverage/index.js';
import { buildView } from './view/index.js';
import type { OutletRegistry } from './outlets/index.js';

/** One article while its stages run: what each stage has given so far. */
export interface ArticleWork {
  raw: RawArticle;
  /** the article after clean, language and publication date */
  article?: Article;
  /** the text layer: paragraphs, sentences, tokens */
  doc?: Doc;
  /** quotes and time expressions; null for a language attribution does not run on */
  said?: SaidWhen | null;
  /** the tagger's name mentions; null for a language the tagger does not run on */
  mentions?: Mention[] | null;
}

export interface ArticleStage<D = unknown> {
  name: string;
  level: 'article';
  /** layers (by `provides` name) this stage reads */
  needs: string[];
  provides: string[];
  version: number;
  /** compute the stage's layer for one article */
  run(work: ArticleWork, options: AnalyzeOptions): D;
  /** put the layer into the working document (after `run`, or when read back from a store) */
  apply(work: ArticleWork, data: D): void;
}

/** What the corpus-level stages read and write. */
export interface CorpusWork {
  options: AnalyzeOptions;
  registry?: OutletRegistry;
  docs: Doc[];
  said: Map<string, SaidWhen>;
  /** the tagger's mentions of each of `docs` (same order), when the mentions layer is there */
  mentions?: (Mention[] | null)[];
  actors?: Actor[];
  stories?: Story[];
  duplicates?: DuplicateGroup[];
  /** the story a scope's summary is about: the largest story for `analyze`, the story itself for the store */
  focus?: Story | null;
  /** the briefing sections made so far */
  parts: Partial<BriefingParts>;
}

export interface CorpusStage {
  name: string;
  level: 'corpus';
  /** `corpus`: over every article; `story`: over a scope (the input, or one story of the store) */
  per: 'corpus' | 'story';
  needs: string[];
  provides: string[];
  version: number;
  run(work: CorpusWork): void;
}

export type Stage = ArticleStage<any> | CorpusStage;

const need = <T>(value: T | undefined | null, what: string, stage: string): T => {
  if (value === undefined || value === null) throw new Error(`stage ${stage} runs before ${what} is there: check the order in src/stages.ts`);
  return value;
};

/** The English-only stages attributed at least one article: quotes, times and what is read from them exist. */
const attributed = (w: CorpusWork) => w.said.size > 0;

export const STAGES: Stage[] = [
  {
    name: 'clean',
    level: 'article',
    needs: ['raw'],
    provides: ['article'],
    version: 1,
    // the raw text is kept once, in the raw layer
    run: (w, options) => {
      const { raw: _raw, ...rest } = cleanArticle(w.raw, options);
      return rest;
    },
    apply: (w, data: Omit<Article, 'raw'>) => {
      w.article = { ...data, raw: w.raw.raw };
    },
  } satisfies ArticleStage<Omit<Article, 'raw'>>,
  {
    name: 'language',
    level: 'article',
    needs: ['article'],
    provides: ['language'],
    version: 1,
    run: (w) => {
      const a = detectLanguage(need(w.article, 'the article', 'language'));
      return { language: a.meta.language, notes: a.notes };
    },
    apply: (w, data: { language: Article['meta']['language']; notes: string[] }) => {
      const a = need(w.article, 'the article', 'language');
      w.article = { ...a, meta: { ...a.meta, language: data.language }, notes: data.notes };
    },
  },
  {
    name: 'published',
    level: 'article',
    needs: ['article', 'language'],
    provides: ['published'],
    version: 1,
    run: (w) => ({ published: withPublishedDate(need(w.article, 'the article', 'published')).meta.published }),
    apply: (w, data: { published: Article['meta']['published'] }) => {
      const a = need(w.article, 'the article', 'published');
      w.article = { ...a, meta: { ...a.meta, published: data.published } };
    },
  },
  {
    name: 'text',
    level: 'article',
    needs: ['article', 'language', 'published'],
    provides: ['paragraphs', 'sentences', 'tokens'],
    version: 1,
    run: (w) => {
      const { paragraphs, sentences, tokens } = buildDoc(need(w.article, 'the article', 'text'));
      return { paragraphs, sentences, tokens };
    },
    apply: (w, data: Omit<Doc, 'article'>) => {
      w.doc = { article: need(w.article, 'the article', 'text'), ...data };
    },
  },
  {
    name: 'saidwhen',
    level: 'article',
    needs: ['tokens', 'published'],
    provides: ['quotes', 'times'],
    // 2: time rules of branch time16 ("soon", "the near term", the last half of a year, months without a tense)
    // 3: a person noun after a possessive ("his spokesman") takes no antecedent (branch s23-actors11)
    // 4: quote extents of branch s23-summary16 ('' marks paired, interposed attributions, whole quotations,
    //    content runs past another cue)
    // 5: a description that brings in a new speaker ("a senior official", "officials") takes no antecedent, and
    // "the sources" / "the official" point back to it (branch s23-speakers)
    // 6: subject before a cue with no tagged source, "they"/"the lawmakers" to a plural subject, a resumed
    //    quotation as its own quote, fronted-phrase sources, participle subjects past a modifier, relative
    //    "who" sources, "told X" + clause, party members to the party, "CLAUSE, the agency said", a quotation
    //    whose attribution the lead cuts off, joint statements (s24-quotes)
    version: 6,
    run: (w) => saidWhen(need(w.doc, 'the text layer', 'saidwhen')),
    apply: (w, data: SaidWhen | null) => {
      w.said = data;
    },
  },
  {
    name: 'mentions',
    level: 'article',
    needs: ['tokens', 'language'],
    provides: ['mentions'],
    version: 1,
    // the tagger reads one article; linking the names into actors is corpus-level
    run: (w) => {
      const doc = need(w.doc, 'the text layer', 'mentions');
      return isEnglish(doc.article) ? findMentions(doc) : null;
    },
    apply: (w, data: Mention[] | null) => {
      w.mentions = data;
    },
  },
  {
    name: 'actors',
    level: 'corpus',
    per: 'corpus',
    needs: ['tokens', 'mentions'],
    provides: ['actors'],
    // 3: named laws and plans one name, role modifiers part of the title, surnames typed as bodies and
    // initials of known people joined to their person (branch s23-actors11)
    // 4: the string pass offers a person's last word as a surname only when it is capitalised and no
    // pronoun; a pronoun is never a name (branch s23-fix)
    // 5: "she" and "he" skip a person the story gives the other gender (branch s23-speakers)
    // 6: a lone surname of namesakes goes to the one the article's evidence picks, or stays unlinked; the
    // body of "<role> of the <Body>" is the title, not the name; no name without a capital or digit; a
    // country's knowledge-base record no longer gathers the places listed under it (branch s23-merge)
    // 7: organisation names with "of" kept whole, possessive countries split off, apposition persons,
    // common-noun acronyms, named days and fused adjectives dropped, regional units, compounds, capitals
    // paired with a government and acronyms after a country joined (branch s24-actors)
    version: 7,
    run: (w) => {
      w.actors = linkActors(w.docs, w.mentions);
    },
  },
  {
    name: 'stories',
    level: 'corpus',
    per: 'corpus',
    needs: ['tokens', 'actors'],
    provides: ['stories', 'duplicates'],
    // 3: at most 128 stored pairs per article; a duplicate group's similarity is its weakest joining pair
    version: 3,
    run: (w) => {
      const { stories, duplicates } = groupStories(w.docs, need(w.actors, 'actors', 'stories'));
      w.stories = stories;
      w.duplicates = duplicates;
    },
  },
  {
    name: 'articles',
    level: 'corpus',
    per: 'story',
    needs: ['tokens', 'quotes', 'times', 'actors'],
    provides: ['articles', 'actors'],
    // 2: a possessive pronoun inside a source ("his aide Jo Roe") is not the speaker (branch s23-actors11)
    // 3: speakers: a pronoun's antecedent of the other gender is ruled out; "the company"/"the court" take the
    // body of that head or the organisation that spoke last; a description takes no antecedent of the wrong
    // kind; a person named but not made an actor is not replaced by the pronoun's link (branch s23-speakers)
    // 4: in a store, a story's actors are those its own articles link (src/store/update.ts storyActors), not
    // the corpus linker's
    version: 4,
    run: (w) => {
      const actors = need(w.actors, 'actors', 'articles');
      // A day counted from an event ("the eve of the summit") is dated by another article of the story.
      const dated = datedByEvents(w.docs.map((d) => w.said.get(d.article.id)?.times ?? []));
      w.docs.forEach((d, i) => {
        const said = w.said.get(d.article.id);
        if (said) w.said.set(d.article.id, { ...said, times: dated[i] });
      });
      w.parts.articles = w.docs.map((d) => briefingArticle(d, w.said.get(d.article.id), actors));
      w.parts.actors = actors;
    },
  },
  {
    name: 'timeline',
    level: 'corpus',
    per: 'story',
    needs: ['articles'],
    provides: ['timeline'],
    version: 1,
    run: (w) => {
      if (attributed(w)) w.parts.timeline = buildTimeline(need(w.parts.articles, 'articles', 'timeline'));
    },
  },
  // events before stances: stances read positions from the events' supporting and opposing classes too
  {
    name: 'events',
    level: 'corpus',
    per: 'story',
    needs: ['tokens', 'articles', 'actors'],
    provides: ['events'],
    version: 1,
    run: (w) => {
      if (attributed(w)) w.parts.events = briefingEvents(w.docs, need(w.parts.articles, 'articles', 'events'), need(w.actors, 'actors', 'events'));
    },
  },
  {
    name: 'stances',
    level: 'corpus',
    per: 'story',
    needs: ['tokens', 'articles', 'actors', 'events'],
    provides: ['stances', 'matrix'],
    version: 5,
    run: (w) => {
      if (attributed(w)) Object.assign(w.parts, analyseStances(w.docs, need(w.parts.articles, 'articles', 'stances'), need(w.actors, 'actors', 'stances'), w.parts.events ?? []));
    },
  },
  // after stances: the filter reads who speaks and holds stances; compare, summary and view see only the kept actors
  {
    name: 'actor-filter',
    level: 'corpus',
    per: 'story',
    needs: ['articles', 'actors', 'events', 'stances', 'matrix', 'timeline'],
    provides: ['actors', 'articles', 'events', 'stances', 'matrix', 'timeline'],
    // 1: actors the trained filter rejects leave the briefing; links to them become null (branch s24-actorml)
    version: 1,
    run: (w) => {
      const model = w.options.actorFilter === false ? null : loadActorFilter();
      const articles = need(w.parts.articles, 'articles', 'actor-filter');
      const actors = need(w.parts.actors, 'actors', 'actor-filter');
      if (!model || !actors.length) return;
      const scores = actorScores(model, { actors, articles, stances: w.parts.stances, events: w.parts.events });
      const drop = new Set(actors.filter((_, i) => scores[i] < model.threshold).map((a) => a.id));
      if (!drop.size) return;
      const { timeline, matrix, stances, events } = w.parts;
      const kept = dropActors({ actors, articles, timeline, matrix, stances, events }, drop);
      Object.assign(w.parts, kept);
      for (const k of ['timeline', 'matrix', 'stances', 'events'] as const) if (w.parts[k] === undefined) delete w.parts[k];
      w.actors = kept.actors;
    },
  },
  {
    name: 'stories-section',
    level: 'corpus',
    per: 'story',
    needs: ['stories', 'duplicates'],
    provides: ['stories', 'duplicates'],
    version: 1,
    run: (w) => {
      w.parts.stories = need(w.stories, 'stories', 'stories-section');
      w.parts.duplicates = need(w.duplicates, 'duplicates', 'stories-section');
    },
  },
  {
    name: 'compare',
    level: 'corpus',
    per: 'story',
    needs: ['tokens', 'quotes', 'times', 'actors', 'articles', 'stories', 'duplicates'],
    // 4: a story of hundreds of articles aligns within a budget (src/compare/claims.ts); smaller ones unchanged
    provides: ['outletProfiles', 'claims', 'framing', 'voices'],
    version: 4,
    run: (w) => {
      const storyOf = new Map((w.stories ?? []).flatMap((s) => s.articles.map((id) => [id, s.id] as [string, string])));
      // The quotes as linked for the briefing: one speaker linker for who said what and for voices.
      const linkedOf = new Map((w.parts.articles ?? []).map((a) => [a.id, a.quotes]));
      const said = new Map([...w.said].map(([id, s]) => [id, { ...s, quotes: linkedOf.get(id) ?? s.quotes }]));
      Object.assign(w.parts, compareOutlets(w.docs, { actors: w.actors, registry: w.registry, said, duplicates: w.duplicates, storyOf }));
    },
  },
  {
    name: 'coverage',
    level: 'corpus',
    per: 'story',
    needs: ['articles', 'stories', 'outletProfiles', 'framing'],
    provides: ['coverage', 'acrossStories'],
    version: 1,
    run: (w) => {
      Object.assign(w.parts, buildCoverage({
        articles: need(w.parts.articles, 'articles', 'coverage'),
        stories: need(w.stories, 'stories', 'coverage'),
        outletProfiles: need(w.parts.outletProfiles, 'outletProfiles', 'coverage'),
        framing: need(w.parts.framing, 'framing', 'coverage'),
      }));
    },
  },
  {
    name: 'summary',
    level: 'corpus',
    per: 'story',
    needs: ['tokens', 'times', 'stories'],
    provides: ['summary'],
    // 4: the writer's reading of what the facts mean left out (evaluative noun frames, set-off reading frames,
    // imputed aims, framing labels); one cue of the writer's view yields to a plain sentence; a reporting word
    // read as a noun or inside a name ("the United States") is not reported speech; a sentence split inside a
    // parenthesis is a fragment (branch s24-opinion)
    version: 4,
    run: (w) => {
      const focus = w.focus;
      const docs = focus ? w.docs.filter((d) => focus.articles.includes(d.article.id)) : w.docs;
      w.parts.summary = summarize(docs, {
        sentences: w.options.summarySentences,
        words: w.options.summaryWords,
        times: docs.map((d) => w.said.get(d.article.id)?.times ?? null),
      });
    },
  },
  // last: the report's view of the sections above (speaker groups, event rows, code names, coverage rows)
  {
    name: 'view',
    level: 'corpus',
    per: 'story',
    needs: ['articles', 'actors', 'events', 'outletProfiles', 'coverage'],
    provides: ['view'],
    version: 1,
    run: (w) => {
      w.parts.view = buildView({ ...w.parts, articles: need(w.parts.articles, 'articles', 'view'), actors: need(w.parts.actors, 'actors', 'view') }, w.focus ?? null);
    },
  },
];

export const ARTICLE_STAGES = STAGES.filter((s): s is ArticleStage<any> => s.level === 'article');
export const CORPUS_STAGES = STAGES.filter((s): s is CorpusStage => s.level === 'corpus' && s.per === 'corpus');
export const STORY_STAGES = STAGES.filter((s): s is CorpusStage => s.level === 'corpus' && s.per === 'story');

/** The version of every stage by name, as layers and sections record them. */
export function stageVersions(stages: readonly Stage[] = STAGES): Record<string, number> {
  return Object.fromEntries(stages.map((s) => [s.name, s.version]));
}

/**
 * Check a stage list: names are unique, and every need is provided by an earlier stage (or is the raw input).
 * Returns the problems found, none for a sound list.
 */
export function checkStages(stages: readonly Stage[] = STAGES): string[] {
  const problems: string[] = [];
  const provided = new Set(['raw']);
  const names = new Set<string>();
  let corpusSeen = false;
  for (const s of stages) {
    if (names.has(s.name)) problems.push(`stage ${s.name} is listed twice`);
    names.add(s.name);
    if (s.level === 'corpus') corpusSeen = true;
    else if (corpusSeen) problems.push(`article stage ${s.name} comes after a corpus stage`);
    for (const n of s.needs) if (!provided.has(n)) problems.push(`stage ${s.name} needs ${n}, which no earlier stage provides`);
    for (const p of s.provides) provided.add(p);
    if (!Number.isInteger(s.version) || s.version < 1) problems.push(`stage ${s.name} has version ${s.version}, not a whole number from 1`);
  }
  return problems;
}

/** The order of a briefing's sections (the order the JSON report lists them in). */
export const SECTION_ORDER = [
  'summary', 'articles', 'actors', 'timeline', 'stances', 'matrix', 'events', 'stories', 'duplicates',
  'outletProfiles', 'claims', 'framing', 'voices', 'coverage', 'acrossStories', 'view',
] as const;
