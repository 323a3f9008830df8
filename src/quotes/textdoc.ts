/** Plain texts as articles, for evaluation sets and tests that come without a source file. */
import type { Article } from '../model.js';

/**
 * A bare article around a plain text, for evaluation sets and tests that have no source file.
 *
 * @example
 * ```ts
 * plainArticle('He said so.', 'doc-1').text; // 'He said so.'
 * ```
 */
export function plainArticle(text: string, id = 'text'): Article {
  const none = { value: null, method: 'none', confidence: 0 };
  return {
    id,
    source: { path: id, format: 'text' },
    text,
    raw: text,
    segments: [{ start: 0, end: text.length, rawStart: 0 }],
    removed: [],
    meta: {
      title: none, outlet: none, url: none, published: none, modified: none, byline: none, dateline: none, language: none,
    },
    notes: [],
  };
}
