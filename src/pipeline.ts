/**
 * The stages of parallax, in order. Each is a plain function over the model types and can be run alone.
 *
 *   ingest    sources → RawArticle[] (+ errors)                                    src/ingest
 *   per article, one bad article never sinking the others:
 *     clean     RawArticle → Article (chrome, title, dateline, byline)             src/clean
 *     language  Article → Article (language field, notes)                          src/language
 *     text      Article → Doc (paragraphs, sentences, tokens)                      src/text
 *     saidwhen  Doc → quotes + time expressions (publication date settled first; English only)   src/saidwhen
 *   actors    Doc[] → Actor[] (tagger mentions linked within and across articles)  src/actors
 *   stories   Doc[] → stories and duplicate groups; the largest story is the focus   src/stories
 *   timeline, stances, events   over all articles                                 src/saidwhen, src/stances, src/events
 *   compare   outlets side by side: claims (within each story), framing, voices     src/compare
 *   summary   the focus story, cited                                               src/summary
 *   briefing  assembled                                                            src/briefing.ts
 */
import type { AnalyzeOptions, Briefing, Doc, InputError, RawArticle, SourceInput, Story } from './model.js';
import { ingest } from './ingest/index.js';
import { cleanArticle } from './clean/index.js';
import { detectLanguage } from './language/index.js';
import { buildDoc } from './text/index.js';
import { briefingArticle, buildBriefing } from './briefing.js';
import { summarize } from './summary/index.js';
import { linkActors } from './actors/index.js';
import { buildTimeline, saidWhen, withPublishedDate, type SaidWhen } from './saidwhen/index.js';
import { analyseStances } from './stances/index.js';
import { briefingEvents } from './events/wire.js';
import { groupStories } from './stories/index.js';
import { compareOutlets } from './compare/index.js';
import { loadOutletRegistry } from './outlets/index.js';

/**
 * Analyse news articles into a briefing.
 *
 * @example
 * ```ts
 * import { analyze } from 'parallax';
 * const briefing = await analyze(['articles/']);
 * console.log(briefing.articles.map((a) => a.meta.title.value));
 * ```
 */
export async function analyze(sources: SourceInput[], options: AnalyzeOptions = {}): Promise<Briefing> {
  // A bad registry file fails before any work, with its path and the reason.
  const registry = options.outlets ? loadOutletRegistry(options.outlets) : undefined;
  const { articles: raws, errors, inputs } = await ingest(sources, options);
  const { docs, said, failed } = readArticles(raws, options);
  const actors = linkActors(docs);
  const articles = docs.map((d) => briefingArticle(d, said.get(d.article.id), actors));
  // The comparison reads the quotes as linked for the briefing: one speaker linker for who said what and voices.
  const linked = new Map([...said].map(([id, s]) => [id, { ...s, quotes: articles.find((a) => a.id === id)?.quotes ?? s.quotes }]));
  const { stories, duplicates } = groupStories(docs, actors);
  const focus = largestStory(stories);
  const focusDocs = focus ? docs.filter((d) => focus.articles.includes(d.article.id)) : docs;
  const attributed = said.size > 0;
  // Events first: stances read positions from their supporting and opposing classes too.
  const events = attributed ? briefingEvents(docs, articles, actors) : [];
  const summary = summarize(focusDocs, {
    sentences: options.summarySentences,
    words: options.summaryWords,
    times: focusDocs.map((d) => said.get(d.article.id)?.times ?? null),
  });
  return buildBriefing(
    {
      summary,
      articles,
      actors,
      ...(attributed ? { timeline: buildTimeline(articles) } : {}),
      ...(attributed ? analyseStances(docs, articles, actors, events) : {}),
      ...(attributed ? { events } : {}),
      stories,
      duplicates,
      ...compareOutlets(docs, { actors, registry, said: linked, duplicates, storyOf: storyOf(stories) }),
    },
    [...errors, ...failed],
    inputs,
    focus ?? undefined,
  );
}

/** The per-article stages. An article that fails is recorded with its reason, and the others go on. */
function readArticles(raws: RawArticle[], options: AnalyzeOptions): { docs: Doc[]; said: Map<string, SaidWhen>; failed: InputError[] } {
  const docs: Doc[] = [];
  const said = new Map<string, SaidWhen>();
  const failed: InputError[] = [];
  raws.forEach((raw, i) => {
    try {
      const doc = buildDoc(withPublishedDate(detectLanguage(cleanArticle(raw, options))));
      const found = saidWhen(doc);
      if (found) said.set(doc.article.id, found);
      docs.push(doc);
    } catch (err) {
      failed.push({ path: raw.source.path, record: raw.source.record, reason: (err as Error).message });
    }
    options.onProgress?.(i + 1, raws.length, raw.source.path);
  });
  return { docs, said, failed };
}

function storyOf(stories: Story[]): Map<string, string> {
  return new Map(stories.flatMap((s) => s.articles.map((id) => [id, s.id] as [string, string])));
}

/** The story the briefing is about: the one with most articles (the first of equals), or null with none. */
function largestStory(stories: Story[]): Story | null {
  return stories.reduce<Story | null>((best, s) => (!best || s.articles.length > best.articles.length ? s : best), null);
}
