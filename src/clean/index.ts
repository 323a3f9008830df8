/**
 * clean: RawArticle → Article. Removes page chrome (keeping every removed piece with its reason and raw
 * offsets), reads title, byline, dateline, date and site name from the text, and builds the clean text from
 * the kept lines, losslessly: every run of the clean text maps back to the raw text exactly.
 */
import { createHash } from 'node:crypto';
import type { AnalyzeOptions, Article, ArticleMeta, Field, RawArticle, Removed, Segment } from '../model.js';
import { known, unknown } from '../model.js';
import { splitBlocks } from './blocks.js';
import type { Decisions } from './chrome.js';
import { markChrome, markDuplicates, markPromos } from './chrome.js';
import { readDateline } from './dateline.js';
import { readHeader, readPublisherName } from './header.js';

export { readDateline } from './dateline.js';
export { chromeReason } from './lexicon.js';

/** Paragraph separator in `Article.text`. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/**
 * The article id: the first 16 hex digits of the SHA-256 of the raw text with white space collapsed and
 * Unicode normalised (NFC), so re-saving a file with other line ends keeps the id.
 *
 * @example
 * ```ts
 * articleId('A  text\r\n') === articleId('A text'); // true
 * ```
 */
export function articleId(raw: string): string {
  const normalised = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 16);
}

/**
 * Clean one raw article: strip page chrome, read header metadata, build lossless clean text.
 *
 * Metadata given by ingest (`raw.meta`) wins over values read from the text; `options.assumePublished` fills
 * the publication date only when nothing else gives it. Unknown stays null.
 *
 * @example
 * ```ts
 * const article = cleanArticle(
 *   { source: { path: 'a.txt', format: 'text' }, raw: 'Skip to main content\n\nTalks Resume\n\nBEIRUT – Talks resumed.', meta: {} },
 *   {},
 * );
 * article.text; // 'BEIRUT – Talks resumed.'
 * article.meta.title.value; // 'Talks Resume'
 * article.meta.dateline.value; // 'BEIRUT'
 * ```
 */
export function cleanArticle(raw: RawArticle, options: AnalyzeOptions): Article {
  if (typeof raw.raw !== 'string') throw new Error(`${raw.source.path}: no text to clean (raw text is missing)`);
  if (options.assumePublished !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(options.assumePublished)) {
    throw new Error(`assumePublished "${options.assumePublished}" is not an ISO date (YYYY-MM-DD)`);
  }
  const id = articleId(raw.raw);
  const blocks = splitBlocks(raw.raw);
  const decisions: Decisions = blocks.map(() => null);

  markChrome(blocks, decisions);
  const givenTitle = raw.meta.title?.value ?? null;
  const header = readHeader(blocks, decisions, (t) => readDateline(t) !== null, givenTitle);
  markPromos(blocks, decisions, header.bodyStart);
  markDuplicates(blocks, decisions);
  if (!header.outlet) {
    // Publisher boilerplate names the site when no header line did.
    for (let i = 0; i < blocks.length && !header.outlet; i++) {
      const name = decisions[i] === 'publisher' ? readPublisherName(blocks[i].text) : null;
      if (name) header.outlet = { value: name, method: 'text:publisher-boilerplate' };
    }
  }

  // Build the clean text from the kept blocks; record the rest.
  let text = '';
  const segments: Segment[] = [];
  const removed: Removed[] = [];
  const keptStarts = new Map<number, number>();
  blocks.forEach((block, i) => {
    const reason = decisions[i];
    if (reason) {
      removed.push({ text: block.text, reason, rawStart: block.rawStart, rawEnd: block.rawEnd });
      return;
    }
    if (text.length > 0) text += PARAGRAPH_SEPARATOR;
    keptStarts.set(i, text.length);
    segments.push({ start: text.length, end: text.length + block.text.length, rawStart: block.rawStart });
    text += block.text;
  });

  if (text === '') {
    // Nothing to analyse: say so rather than pass an empty article on (the pipeline records the error).
    const what = removed.length ? `all ${removed.length} lines look like page chrome or header (${[...new Set(removed.map((r) => r.reason))].join(', ')})` : 'the text is empty';
    throw new Error(`${raw.source.path}${raw.source.record !== undefined ? `#${raw.source.record + 1}` : ''}: no article body: ${what}`);
  }

  // The dateline opens the first kept paragraph.
  let dateline: Field<string> = unknown('not-found:dateline');
  const first = blocks.findIndex((_, i) => !decisions[i]);
  if (first >= 0) {
    const m = readDateline(blocks[first].text);
    const offset = keptStarts.get(first) ?? 0;
    if (m) dateline = known(m.place, 'text:dateline', 0.8, { article: id, start: offset + m.start, end: offset + m.end });
  }

  const given = raw.meta;
  const meta: ArticleMeta = {
    title: given.title?.value != null ? given.title : header.title !== null ? known(header.title, header.titleMethod, 0.8) : unknown(header.titleMethod),
    outlet: given.outlet?.value != null ? given.outlet : header.outlet ? known(header.outlet.value, header.outlet.method, 0.6) : unknown('not-found:outlet'),
    url: given.url ?? unknown('not-found:url'),
    published: given.published?.value != null
      ? given.published
      : header.published
        ? known(header.published.value, header.published.method, 0.7)
        : options.assumePublished
          ? known({ value: options.assumePublished.slice(0, 10), known: ['year', 'month', 'day'] }, 'option:published', 0.5)
          : unknown('not-found:published'),
    modified: given.modified?.value != null ? given.modified : header.modified ? known(header.modified.value, header.modified.method, 0.7) : unknown('not-found:modified'),
    byline: given.byline?.value != null ? given.byline : header.byline !== null ? known(header.byline, header.bylineMethod, 0.7) : unknown(header.bylineMethod),
    dateline: given.dateline?.value != null ? given.dateline : dateline,
    language: given.language ?? unknown('not-detected'),
  };

  return { id, source: raw.source, text, raw: raw.raw, segments, removed, meta, notes: [...(raw.notes ?? [])] };
}
