/**
 * The stages of parallax, in order. Each is a plain function over the model types and can be run alone.
 *
 *   ingest   sources → RawArticle[] (+ errors)         src/ingest
 *   clean    RawArticle → Article (chrome, title, dateline, byline)   src/clean
 *   language Article → Article (language field, notes)   src/language
 *   text     Article → Doc (paragraphs, sentences, tokens)   src/text
 *   saidwhen Doc → quotes + time expressions (publication date settled first; English only)   src/saidwhen
 *   actors   Doc[] → Actor[] (tagger mentions linked within and across articles; English only)   src/actors
 *   briefing Doc[] → Briefing                             src/briefing.ts
 */
import type { AnalyzeOptions, Briefing, Doc, InputError, SourceInput } from './model.js';
import { ingest } from './ingest/index.js';
import { cleanArticle } from './clean/index.js';
import { detectLanguage } from './language/index.js';
import { buildDoc } from './text/index.js';
import { buildBriefing } from './briefing.js';
import { summarize } from './summary/index.js';
import { linkActors } from './actors/index.js';
import { saidWhen, withPublishedDate, type SaidWhen } from './saidwhen/index.js';
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
  const outletRegistry = options.outlets ? loadOutletRegistry(options.outlets) : undefined;
  const { articles: raws, errors, inputs } = await ingest(sources, options);
  const docs: Doc[] = [];
  const failed: InputError[] = [...errors];
  const said = new Map<string, SaidWhen>();
  raws.forEach((raw, i) => {
    try {
      const article = withPublishedDate(detectLanguage(cleanArticle(raw, options)));
      const doc = buildDoc(article);
      const found = saidWhen(doc);
      if (found) said.set(article.id, found);
      docs.push(doc);
    } catch (err) {
      // One bad article must not sink the others: record it and go on.
      failed.push({ path: raw.source.path, record: raw.source.record, reason: (err as Error).message });
    }
    options.onProgress?.(i + 1, raws.length, raw.source.path);
  });
  const actors = linkActors(docs);
  const summary = summarize(docs, {
    sentences: options.summarySentences,
    words: options.summaryWords,
    times: docs.map((d) => said.get(d.article.id)?.times ?? null),
  });
  return buildBriefing(docs, failed, inputs, actors, said, summary, { outletRegistry });
}
