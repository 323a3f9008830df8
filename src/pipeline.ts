/**
 * The pipeline: runs the stages of src/stages.ts, in their order.
 *
 *   ingest    sources → RawArticle[] (+ errors)                                    src/ingest
 *   article-level stages, per article, one bad article never sinking the others; each writes one layer:
 *     clean, language, published, text, saidwhen, mentions (the tagger)
 *   corpus-level stages over every article: actors, stories
 *   corpus-level stages over a scope (the whole input here; one story in the store, src/store/update.ts):
 *     articles, timeline, stances, events, stories-section, compare, summary
 *   briefing  assembled                                                            src/briefing.ts
 *
 * `analyze` is the one-shot path: the same stages, nothing kept. `parallax add` keeps the layers and the
 * corpus results in a store (src/store).
 */
import type { AnalyzeOptions, Briefing, Doc, InputError, Mention, RawArticle, SourceInput, Story } from './model.js';
import { ingest } from './ingest/index.js';
import { buildBriefing, type BriefingParts } from './briefing.js';
import { loadOutletRegistry, type OutletRegistry } from './outlets/index.js';
import type { SaidWhen } from './saidwhen/index.js';
import type { Layer } from './store/types.js';
import { releaseTagger } from './ner/index.js';
import { releaseQuoteModels } from './quotes/index.js';
import {
  ARTICLE_STAGES, CORPUS_STAGES, SECTION_ORDER, STORY_STAGES, type ArticleStage, type ArticleWork, type CorpusStage,
  type CorpusWork,
} from './stages.js';

/** The layer that keeps an article's input as ingest read it, so any stage can be run again from it. */
export const RAW_LAYER = 'raw';
export const RAW_VERSION = 1;

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
  const docs: Doc[] = [];
  const said = new Map<string, SaidWhen>();
  const mentions: (Mention[] | null)[] = [];
  const failed: InputError[] = [];
  raws.forEach((raw, i) => {
    const done = runArticle(raw, options);
    if ('error' in done) failed.push(done.error);
    else {
      docs.push(done.work.doc as Doc);
      mentions.push(done.work.mentions ?? null);
      if (done.work.said) said.set(done.work.doc!.article.id, done.work.said);
    }
    options.onProgress?.(i + 1, raws.length, raw.source.path);
  });
  const work = runCorpus({ options, registry, docs, said, mentions, parts: {} });
  const focus = largestStory(work.stories ?? []);
  runScope(work, focus);
  return buildBriefing(orderedParts(work.parts), [...errors, ...failed], inputs, focus ?? undefined);
}

/**
 * The article-level stages on one article: its layers (the raw input first) and the working document, or the
 * error that stopped it (with the path and record, so the other articles go on).
 */
export function runArticle(
  raw: RawArticle,
  options: AnalyzeOptions,
  stages: readonly ArticleStage[] = ARTICLE_STAGES,
): { work: ArticleWork; layers: Layer[] } | { error: InputError } {
  const work: ArticleWork = { raw };
  const layers: Layer[] = [{ stage: RAW_LAYER, version: RAW_VERSION, data: raw }];
  try {
    for (const stage of stages) {
      const data = stage.run(work, options);
      stage.apply(work, data);
      layers.push({ stage: stage.name, version: stage.version, data: data ?? null });
    }
    return { work, layers };
  } catch (err) {
    const error: InputError = { path: raw.source.path, reason: reasonWithoutPath((err as Error).message, raw.source) };
    if (raw.source.record !== undefined) error.record = raw.source.record;
    return { error };
  }
}

/**
 * Drops the models only the article-level stages read (the NER tagger, the quote taggers: about 60 MB), for a
 * process that has analysed its articles and goes on to the corpus stages and the sections, which read the
 * stored layers. A stage that needs one again (a layer rebuilt) loads it again: results never change.
 */
export function releaseArticleModels(): void {
  releaseTagger();
  releaseQuoteModels();
}

/**
 * A stage's error message without the input's name in front (stages name it for callers that run them
 * alone): the error line already starts with it, and `x.jsonl#1: x.jsonl#1: …` says it twice.
 */
export function reasonWithoutPath(message: string, source: { path: string; record?: number }): string {
  const name = `${source.path}${source.record !== undefined ? `#${source.record + 1}` : ''}: `;
  if (message.startsWith(name)) return message.slice(name.length);
  return message.startsWith(`${source.path}: `) ? message.slice(source.path.length + 2) : message;
}

/**
 * Rebuild an article's working document from stored layers. Stages whose layer is missing or was written by
 * another version of the stage are run again, and so are the stages that need what they provide (by the
 * declarations of src/stages.ts); their new layers are returned.
 */
export function workFromLayers(
  layers: Record<string, Layer>,
  options: AnalyzeOptions,
  stages: readonly ArticleStage[] = ARTICLE_STAGES,
): { work: ArticleWork; rebuilt: Layer[] } {
  const raw = layers[RAW_LAYER];
  if (!raw) throw new Error('the stored article has no raw layer to rebuild from');
  const work: ArticleWork = { raw: raw.data as RawArticle };
  const rebuilt: Layer[] = [];
  // what rebuilt stages provide: a stage that needs any of it is run again too, the others are read back
  const changed = new Set<string>();
  for (const stage of stages) {
    const l = layers[stage.name];
    if (l && l.version === stage.version && !stage.needs.some((n) => changed.has(n))) {
      stage.apply(work, l.data);
      continue;
    }
    for (const p of stage.provides) changed.add(p);
    const data = stage.run(work, options);
    stage.apply(work, data);
    rebuilt.push({ stage: stage.name, version: stage.version, data: data ?? null });
  }
  return { work, rebuilt };
}

/** The corpus-level stages over every article (actors, stories). */
export function runCorpus(work: CorpusWork, stages: readonly CorpusStage[] = CORPUS_STAGES): CorpusWork {
  for (const stage of stages) stage.run(work);
  return work;
}

/** The scope stages (the briefing sections) over `work.docs`, the summary about `focus`. */
export function runScope(work: CorpusWork, focus: Story | null, stages: readonly CorpusStage[] = STORY_STAGES): BriefingParts {
  work.focus = focus;
  for (const stage of stages) stage.run(work);
  return orderedParts(work.parts);
}

/** The sections in the briefing's order, whatever order the stages made them in. */
export function orderedParts(parts: Partial<BriefingParts>): BriefingParts {
  const out: Record<string, unknown> = {};
  for (const key of SECTION_ORDER) if (parts[key] !== undefined) out[key] = parts[key];
  for (const [k, v] of Object.entries(parts)) if (!(k in out) && v !== undefined) out[k] = v;
  return out as unknown as BriefingParts;
}

/** The story the briefing is about: the one with most articles (the first of equals), or null with none. */
export function largestStory(stories: Story[]): Story | null {
  return stories.reduce<Story | null>((best, s) => (!best || s.articles.length > best.articles.length ? s : best), null);
}

export type { OutletRegistry };
