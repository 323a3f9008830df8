/** Fragment ids the HTML report gives to articles and sentences, so any section can link to the source text. */
import type { Briefing, Span } from '../model.js';
import { sentenceIndexOf } from './describe.js';

/**
 * The element id of an article in the report. Article ids are content hashes; anything else a caller passes
 * is reduced to id-safe characters so the id never needs escaping inside a selector or fragment.
 *
 * @example
 * ```ts
 * articleAnchor('3f2a9c'); // 'a-3f2a9c'
 * ```
 */
export function articleAnchor(articleId: string): string {
  return `a-${articleId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * The element id of sentence `i` (0-based, as in `BriefingArticle.sentences`) of an article.
 *
 * @example
 * ```ts
 * sentenceAnchor('3f2a9c', 4); // 'a-3f2a9c-s4'
 * ```
 */
export function sentenceAnchor(articleId: string, i: number): string {
  return `${articleAnchor(articleId)}-s${i}`;
}

/**
 * The `href` that leads to the sentence holding a span, or to the article when the span lies between
 * sentences; null when the span's article is not in the briefing.
 *
 * @example
 * ```ts
 * sentenceHref(briefing, quote.content[0]); // '#a-3f2a9c-s4'
 * ```
 */
export function sentenceHref(briefing: Briefing, span: Span): string | null {
  const article = briefing.articles.find((a) => a.id === span.article);
  if (!article) return null;
  const i = sentenceIndexOf(article, span);
  return `#${i >= 0 ? sentenceAnchor(article.id, i) : articleAnchor(article.id)}`;
}
