/**
 * Plain-language descriptions of briefing values, shared by the Markdown and HTML reports so both say the
 * same thing the same way. Nothing here escapes: callers escape for their format.
 */
import type { BriefingArticle, DateValue, Field, InputError, Removed, Span } from '../model.js';

/** How a publication date is known, as a reader should be told. */
export type DateProvenance = 'stated' | 'inferred' | 'assumed' | 'unknown';

/**
 * Methods whose value the source's own metadata stated: HTML meta tags and JSON-LD, feed fields, front
 * matter and JSON/JSONL fields. Anything read from the body text or derived is "inferred"; a date the user
 * supplied with `--published` is "assumed".
 */
const STATED_PREFIXES = ['meta', 'jsonld', 'json-ld', 'ld', 'html', 'feed', 'rss', 'atom', 'front-matter', 'frontmatter', 'json', 'jsonl', 'record'];
const ASSUMED_PREFIXES = ['assume', 'assumed', 'option', 'cli', 'user'];

/**
 * Classify how a date field was found, from its `method`: `meta:article:published_time` → stated,
 * `text:dateline` → inferred, `assumed:--published` → assumed, a null value → unknown.
 *
 * @example
 * ```ts
 * dateProvenance({ value: { value: '2024-03-12' }, method: 'meta:og:published_time', confidence: 1 }); // 'stated'
 * dateProvenance({ value: null, method: 'none', confidence: 0 }); // 'unknown'
 * ```
 */
export function dateProvenance(field: Field<DateValue>): DateProvenance {
  if (field.value === null) return 'unknown';
  const head = field.method.toLowerCase().split(/[:/]/, 1)[0];
  if (ASSUMED_PREFIXES.includes(head)) return 'assumed';
  if (STATED_PREFIXES.includes(head)) return 'stated';
  return 'inferred';
}

/**
 * A date value as a reader should see it: the ISO value, or the range when the date is only known to lie in one.
 *
 * @example
 * ```ts
 * showDate({ value: '2024-03-01', from: '2024-03-01', to: '2024-03-07' }); // '2024-03-01 – 2024-03-07'
 * ```
 */
export function showDate(date: DateValue): string {
  if (date.from && date.to && date.from !== date.to) return `${date.from} – ${date.to}`;
  // A range open at one end ("not before 2011") must not read as a single day.
  if (date.from && !date.to) return `${date.from} or later`;
  if (date.to && !date.from) return `${date.to} or earlier`;
  return date.value;
}

/**
 * Where an article came from, for a reader: the path, plus the record number (1-based) inside a feed or JSONL.
 *
 * @example
 * ```ts
 * showSource({ path: 'feeds/port.xml', record: 1, format: 'rss' }); // 'feeds/port.xml #2 (rss)'
 * ```
 */
export function showSource(source: BriefingArticle['source']): string {
  return `${source.path}${source.record !== undefined ? ` #${source.record + 1}` : ''} (${source.format})`;
}

/**
 * A failed input as one line: `path #record: reason`.
 *
 * @example
 * ```ts
 * showInputError({ path: 'a.bin', reason: 'not text' }); // 'a.bin: not text'
 * ```
 */
export function showInputError(error: InputError): string {
  return `${error.path}${error.record !== undefined ? ` #${error.record + 1}` : ''}: ${error.reason}`;
}

/**
 * How much page chrome was removed from an article: piece count, characters, and counts per reason.
 *
 * @example
 * ```ts
 * removedSummary([{ text: 'Subscribe', reason: 'newsletter', rawStart: 0, rawEnd: 9 }]);
 * // { pieces: 1, characters: 9, byReason: [['newsletter', 1]] }
 * ```
 */
export function removedSummary(removed: Removed[]): { pieces: number; characters: number; byReason: [string, number][] } {
  const counts = new Map<string, number>();
  for (const r of removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return {
    pieces: removed.length,
    characters: removed.reduce((n, r) => n + r.text.length, 0),
    byReason: [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  };
}

/** Plural helper: `plural(1, 'article')` → `1 article`, `plural(2, 'article')` → `2 articles`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}

/**
 * The index of the article sentence that contains a span's start, or -1 when none does (e.g. the span lies
 * in the gap between sentences). Sections use it to link a finding to `#a-<article>-s<i>`.
 *
 * @example
 * ```ts
 * sentenceIndexOf(article, { article: article.id, start: 120, end: 140 }); // 3
 * ```
 */
export function sentenceIndexOf(article: BriefingArticle, span: Span): number {
  const { sentences } = article;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (span.start < s.start) hi = mid - 1;
    else if (span.start >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The paragraphs of an article with the sentences inside each, as offset runs. When the text layer has no
 * paragraphs (an empty text), the whole text is one paragraph. Gaps between sentences are kept as plain runs
 * so that the runs of a paragraph, joined, give back exactly `text.slice(paragraph.start, paragraph.end)`.
 */
export function paragraphRuns(
  article: BriefingArticle,
): { start: number; end: number; runs: { start: number; end: number; sentence: number | null }[] }[] {
  const paragraphs = article.paragraphs.length ? article.paragraphs : [{ start: 0, end: article.text.length }];
  let si = 0;
  return paragraphs.map((p) => {
    const runs: { start: number; end: number; sentence: number | null }[] = [];
    let at = p.start;
    // Skip sentences that end before this paragraph (they would be malformed, but must not stall the walk).
    while (si < article.sentences.length && article.sentences[si].end <= p.start) si++;
    while (si < article.sentences.length && article.sentences[si].start < p.end) {
      const s = article.sentences[si];
      const start = Math.max(s.start, at);
      const end = Math.min(s.end, p.end);
      if (start > at) runs.push({ start: at, end: start, sentence: null });
      if (end > start) runs.push({ start, end, sentence: si });
      at = Math.max(at, end);
      if (s.end > p.end) break; // a sentence running over the paragraph end continues in the next one
      si++;
    }
    if (at < p.end) runs.push({ start: at, end: p.end, sentence: null });
    return { start: p.start, end: p.end, runs };
  });
}
