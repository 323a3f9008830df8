/**
 * Container formats → articles: plain text, Markdown with front matter, JSON / JSONL records, RSS 2.0 and Atom
 * feeds. Each parser returns one outcome per article (or per record that failed), never throws for one bad
 * record, and states only the metadata the container carries.
 */
import { newDomParser } from './dom.js';
import type { ArticleMeta, DateValue, Field } from '../model.js';
import { known, unknown } from '../model.js';
import { parseStatedDate } from './dates.js';
import { extractHtml, fragmentParagraphs, isWholePage } from './html.js';
import { IngestError } from './decode.js';
import { flattenDeepNesting } from './nesting.js';

/** One article read from a container, or the reason one record of it could not be read. */
export type Outcome =
  | { ok: true; record?: number; raw: string; meta: Partial<ArticleMeta>; notes: string[]; format?: 'rss' | 'atom' }
  | { ok: false; record?: number; reason: string };

/** Line endings to `\n`, and paragraphs joined by blank lines. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function joinParagraphs(paragraphs: string[]): string {
  return paragraphs.join('\n\n');
}

function metaText(value: string | null | undefined, method: string, confidence: number): Field<string> | null {
  const v = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  return v ? known(v, method, confidence) : null;
}

/**
 * A stated date, or — when the container states one we cannot read — an unknown field whose method says so,
 * plus a note: the reader learns that a date was there, and nothing is guessed.
 */
function metaDate(value: string | null | undefined, method: string, confidence: number, notes: string[]): Field<DateValue> | null {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!v) return null;
  const d = parseStatedDate(v);
  if (d) return known(d, method, confidence);
  notes.push(`unreadable date in ${method}: "${v.slice(0, 60)}"`);
  return unknown<DateValue>(`${method}:unreadable`);
}

function put<K extends keyof ArticleMeta>(meta: Partial<ArticleMeta>, key: K, field: ArticleMeta[K] | null): void {
  if (field) meta[key] = field;
}

// ---------------------------------------------------------------------------------------------------------
// Plain text and Markdown

/**
 * A plain-text file: the file's text, line endings normalised. Title, dateline and byline lines are the clean
 * stage's to find.
 */
export function parseText(text: string): Outcome[] {
  const raw = normaliseNewlines(text);
  if (raw.trim().length === 0) return [{ ok: false, reason: 'empty file (only whitespace)' }];
  return [{ ok: true, raw, meta: {}, notes: [] }];
}

const FRONT_MATTER_KEYS = ['title', 'outlet', 'url', 'published', 'byline'] as const;

/**
 * The small YAML subset news front matter uses: `key: value` lines, values optionally quoted, `#` comments.
 * Anything else (nesting, lists, multi-line values) is an error naming the line, rather than a guess.
 *
 * @example
 * ```ts
 * parseFrontMatter('title: "A: B"\noutlet: Daily'); // → { title: 'A: B', outlet: 'Daily' }
 * ```
 */
export function parseFrontMatter(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  block.split('\n').forEach((line, i) => {
    if (/^\s*(?:#.*)?$/.test(line)) return;
    const m = line.match(/^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/);
    if (!m) throw new IngestError(`front matter line ${i + 2}: expected "key: value"`);
    let value = m[2];
    const quoted = value.match(/^"((?:[^"\\]|\\.)*)"$/) ?? value.match(/^'((?:[^']|'')*)'$/);
    if (quoted) value = value.startsWith('"') ? quoted[1].replace(/\\(.)/g, '$1') : quoted[1].replace(/''/g, "'");
    else if (/^["']/.test(value)) throw new IngestError(`front matter line ${i + 2}: unclosed quote`);
    else if (/^[[{|>]/.test(value)) throw new IngestError(`front matter line ${i + 2}: only plain "key: value" is supported`);
    else value = value.replace(/\s+#.*$/, '');
    out[m[1].toLowerCase()] = value;
  });
  return out;
}

/** Markdown inline syntax → plain text, line by line; block structure (blank lines) is kept. */
export function markdownToText(body: string): string {
  let inFence = false;
  return body
    .split('\n')
    .map((line) => {
      if (/^\s*(?:```|~~~)/.test(line)) {
        inFence = !inFence;
        return '';
      }
      if (inFence) return line;
      return line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/\s+#+\s*$/, '')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/^\s{0,3}(?:[-*_]\s*){3,}$/, '')
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
        .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)/g, '$1$2')
        .replace(/(^|\W)_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2')
        .replace(/`([^`]+)`/g, '$1');
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** A Markdown file with optional front matter (`---` … `---`). */
export function parseMarkdown(text: string): Outcome[] {
  const src = normaliseNewlines(text);
  const meta: Partial<ArticleMeta> = {};
  const notes: string[] = [];
  let body = src;
  if (/^---[ \t]*\n/.test(src)) {
    const end = src.slice(4).search(/^(?:---|\.\.\.)[ \t]*$/m);
    if (end < 0) return [{ ok: false, reason: 'front matter opened with "---" is never closed' }];
    const block = src.slice(src.indexOf('\n') + 1, 4 + end).replace(/\n$/, '');
    let fields: Record<string, string>;
    try {
      fields = parseFrontMatter(block);
    } catch (err) {
      return [{ ok: false, reason: (err as Error).message }];
    }
    put(meta, 'title', metaText(fields.title, 'frontmatter:title', 0.95));
    put(meta, 'outlet', metaText(fields.outlet, 'frontmatter:outlet', 0.95));
    put(meta, 'url', metaText(fields.url, 'frontmatter:url', 0.95));
    put(meta, 'byline', metaText(fields.byline, 'frontmatter:byline', 0.95));
    put(meta, 'published', metaDate(fields.published, 'frontmatter:published', 0.95, notes));
    const ignored = Object.keys(fields).filter((k) => !(FRONT_MATTER_KEYS as readonly string[]).includes(k));
    if (ignored.length > 0) notes.push(`front matter keys not used: ${ignored.join(', ')}`);
    body = src.slice(4 + end).replace(/^[^\n]*\n?/, '');
  }
  const raw = markdownToText(body).replace(/^\n+/, '');
  if (raw.trim().length === 0) return [{ ok: false, reason: 'no article text after the front matter' }];
  return [{ ok: true, raw, meta, notes }];
}

// ---------------------------------------------------------------------------------------------------------
// HTML pages

/** A whole HTML page: readability's main text as paragraphs, and the page's metadata. */
export function parseHtmlPage(html: string): Outcome[] {
  const page = extractHtml(html);
  const raw = joinParagraphs(page.paragraphs);
  if (raw.trim().length === 0) return [{ ok: false, reason: 'HTML page has no text' }];
  const notes = page.method === 'body' ? ['no article found by readability: the whole page body was used'] : [];
  return [{ ok: true, raw, meta: page.meta, notes }];
}

// ---------------------------------------------------------------------------------------------------------
// JSON and JSONL

const JSON_STRING_FIELDS = ['text', 'html', 'title', 'outlet', 'url', 'published', 'byline'] as const;

/** One JSON record `{text | html, title?, outlet?, url?, published?, byline?}` → an article. */
export function parseRecord(value: unknown, record: number | undefined): Outcome {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, record, reason: 'record is not a JSON object' };
  }
  const rec = value as Record<string, unknown>;
  for (const key of JSON_STRING_FIELDS) {
    if (rec[key] !== undefined && rec[key] !== null && typeof rec[key] !== 'string') {
      return { ok: false, record, reason: `field "${key}" must be a string` };
    }
  }
  const str = (key: (typeof JSON_STRING_FIELDS)[number]): string | null => (typeof rec[key] === 'string' ? (rec[key] as string) : null);
  const text = str('text');
  const html = str('html');
  if ((text === null || text.trim() === '') && (html === null || html.trim() === '')) {
    return { ok: false, record, reason: 'record has no "text" or "html"' };
  }
  let meta: Partial<ArticleMeta> = {};
  const notes: string[] = [];
  let raw: string;
  if (text !== null && text.trim() !== '') raw = normaliseNewlines(text);
  else if (isWholePage(html!)) {
    const page = extractHtml(html!);
    raw = joinParagraphs(page.paragraphs);
    meta = page.meta;
  } else raw = joinParagraphs(fragmentParagraphs(html!));
  if (raw.trim() === '') return { ok: false, record, reason: 'record\'s "html" has no text' };
  // What the record states outranks what its embedded page states.
  put(meta, 'title', metaText(str('title'), 'json:title', 0.95));
  put(meta, 'outlet', metaText(str('outlet'), 'json:outlet', 0.95));
  put(meta, 'url', metaText(str('url'), 'json:url', 0.95));
  put(meta, 'byline', metaText(str('byline'), 'json:byline', 0.95));
  put(meta, 'published', metaDate(str('published'), 'json:published', 0.95, notes));
  return { ok: true, record, raw, meta, notes };
}

/** A `.json` file: one record, or an array of records. */
export function parseJson(text: string): Outcome[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return [{ ok: false, reason: `malformed JSON: ${(err as Error).message}` }];
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ ok: false, reason: 'JSON array holds no records' }];
    return value.map((v, i) => parseRecord(v, i));
  }
  return [parseRecord(value, undefined)];
}

/** A JSONL line longer than this is rejected without parsing it. */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;

/** A `.jsonl` file: one record per line; a malformed line is an error for that line only. `record` = line index. */
export function parseJsonl(text: string): Outcome[] {
  const out: Outcome[] = [];
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const length = end - start;
    if (length > MAX_LINE_CHARS) {
      out.push({ ok: false, record: line, reason: `line too long (${(length / 1048576).toFixed(1)} M characters; limit ${MAX_LINE_CHARS / 1048576} M)` });
    } else {
      const content = text.slice(start, end).trim();
      if (content) {
        try {
          out.push(parseRecord(JSON.parse(content), line));
        } catch (err) {
          out.push({ ok: false, record: line, reason: `malformed JSON line: ${(err as Error).message}` });
        }
      }
    }
    start = end + 1;
    line++;
  }
  if (out.length === 0) return [{ ok: false, reason: 'JSONL file holds no records' }];
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// RSS 2.0 and Atom

interface XmlElement {
  localName: string;
  tagName: string;
  textContent: string | null;
  children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
}

function childrenNamed(el: XmlElement, ...names: string[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (let i = 0; i < el.children.length; i++) {
    const c = el.children[i];
    if (names.includes(c.tagName.toLowerCase())) out.push(c);
  }
  return out;
}

function childText(el: XmlElement, ...names: string[]): string | null {
  for (const name of names) {
    const c = childrenNamed(el, name)[0];
    const t = c?.textContent?.trim();
    if (t) return t;
  }
  return null;
}

/** True when the text is an RSS or Atom document. */
export function feedKind(text: string): 'rss' | 'atom' | null {
  const head = text.slice(0, 4096).replace(/<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\?xml-stylesheet[^>]*\?>/gi, '').trimStart();
  if (/^<(?:rss|rdf:RDF)\b/i.test(head)) return 'rss';
  if (/^<feed\b/i.test(head)) return 'atom';
  return null;
}

/** Text of an item's body, which feeds carry as escaped HTML, CDATA HTML, XHTML, or plain text. */
function bodyParagraphs(el: XmlElement | undefined, atomType: string | null): string[] {
  if (!el) return [];
  if (atomType === 'text') return (el.textContent ?? '').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const content = el.textContent ?? '';
  // Atom xhtml content is inline markup, whose text is already the article; escaped HTML needs parsing.
  return fragmentParagraphs(atomType === 'xhtml' ? (el as unknown as { innerHTML: string }).innerHTML : content);
}

/** An RSS 2.0 (or RSS 1.0/RDF) or Atom feed: one article per item/entry; the channel title is the outlet. */
export function parseFeed(text: string, kind: 'rss' | 'atom'): Outcome[] {
  const doc = newDomParser().parseFromString(flattenDeepNesting(text), 'text/xml');
  const root = doc.documentElement as unknown as XmlElement | null;
  if (!root || !/^(rss|rdf:rdf|feed)$/i.test(root.tagName)) return [{ ok: false, reason: `not a well-formed ${kind === 'rss' ? 'RSS' : 'Atom'} feed` }];
  const channel = kind === 'rss' ? (childrenNamed(root, 'channel')[0] ?? root) : root;
  const outletName = childText(channel, 'title');
  const items =
    kind === 'rss'
      ? [...childrenNamed(channel, 'item'), ...(channel === root ? [] : childrenNamed(root, 'item'))]
      : childrenNamed(root, 'entry');
  if (items.length === 0) return [{ ok: false, reason: `${kind === 'rss' ? 'RSS' : 'Atom'} feed has no items` }];
  const method = 'feed';
  return items.map((item, record): Outcome => {
    const notes: string[] = [];
    const meta: Partial<ArticleMeta> = {};
    let paragraphs: string[];
    if (kind === 'rss') {
      paragraphs = bodyParagraphs(childrenNamed(item, 'content:encoded')[0], null);
      if (paragraphs.length === 0) paragraphs = bodyParagraphs(childrenNamed(item, 'description')[0], null);
      put(meta, 'url', metaText(childText(item, 'link', 'guid'), `${method}:link`, 0.9));
      put(meta, 'published', metaDate(childText(item, 'pubdate', 'dc:date'), `${method}:pubDate`, 0.9, notes));
      put(meta, 'byline', metaText(childText(item, 'dc:creator', 'author'), `${method}:author`, 0.85));
    } else {
      const content = childrenNamed(item, 'content')[0] ?? childrenNamed(item, 'summary')[0];
      paragraphs = bodyParagraphs(content, content?.getAttribute('type')?.toLowerCase() ?? 'text');
      const links = childrenNamed(item, 'link');
      const link = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
      put(meta, 'url', metaText(link?.getAttribute('href'), `${method}:link`, 0.9));
      put(meta, 'published', metaDate(childText(item, 'published', 'updated'), `${method}:${childText(item, 'published') ? 'published' : 'updated'}`, 0.9, notes));
      put(meta, 'modified', metaDate(childText(item, 'updated'), `${method}:updated`, 0.85, notes));
      const author = childrenNamed(item, 'author')[0] ?? childrenNamed(root, 'author')[0];
      put(meta, 'byline', metaText(author ? childText(author, 'name') : null, `${method}:author`, 0.85));
    }
    put(meta, 'title', metaText(childText(item, 'title'), `${method}:title`, 0.9));
    put(meta, 'outlet', metaText(outletName, `${method}:channel:title`, 0.8));
    const raw = joinParagraphs(paragraphs);
    if (raw.trim() === '') return { ok: false, record, reason: 'feed item has no content or description text' };
    return { ok: true, record, raw, meta, notes, format: kind };
  });
}
