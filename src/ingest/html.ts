/**
 * HTML → main text (paragraphs) and the metadata the page states. Main text comes from @mozilla/readability
 * run over linkedom's DOM (readability only needs the standard DOM tree API, which linkedom implements); the
 * content node it returns is walked here so that block structure survives as paragraphs, which readability's
 * own `textContent` flattens away.
 */
import type { DOMParser } from 'linkedom';
import { newDomParser, readabilityClass } from './dom.js';
import type { ArticleMeta, DateValue, Field } from '../model.js';
import { known } from '../model.js';
import { parseStatedDate } from './dates.js';
import { flattenDeepNesting } from './nesting.js';

/** Elements whose content is never article text. */
const SKIPPED = new Set(['title', 'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'head', 'select', 'option', 'button', 'input', 'textarea']);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'div', 'section', 'article', 'main',
  'header', 'footer', 'aside', 'nav', 'figure', 'figcaption', 'table', 'tr', 'thead', 'tbody', 'tfoot', 'caption',
  'ul', 'ol', 'dl', 'dt', 'dd', 'address', 'hr', 'form', 'fieldset', 'details', 'summary', 'center', 'body', 'html',
]);

/** Cells are separated by a space, not made paragraphs: a table row reads as one line. */
const CELLS = new Set(['td', 'th']);

/** Page chrome dropped when readability finds no article and the whole body is used. */
const CHROME = new Set(['header', 'footer', 'nav', 'aside', 'form']);

/** The minimal DOM surface walked here; linkedom's and the browser's nodes both satisfy it. */
interface DomNode {
  nodeType: number;
  childNodes: ArrayLike<DomNode>;
  localName?: string;
  data?: string;
}

function collapseParagraph(text: string, pre: boolean): string[] {
  // Two line breaks in a row (<br><br>) separate paragraphs on pages that use no <p>.
  return text
    .split(/\n[ \t\u00a0]*\n/)
    .map((chunk) =>
      chunk
        .split('\n')
        .map((line) => (pre ? line.replace(/\s+$/, '') : line.replace(/\s+/g, ' ').trim()))
        .filter((line) => line.length > 0)
        .join('\n'),
    )
    .filter((p) => p.length > 0);
}

/**
 * The paragraphs of a DOM subtree: each block element its own paragraph, `<br>` a newline, whitespace collapsed
 * outside `<pre>`.
 *
 * @example
 * ```ts
 * const doc = new DOMParser().parseFromString('<p>One<br>two</p><ul><li>three</li></ul>', 'text/html');
 * paragraphsOf(doc.body); // → ['One\ntwo', 'three']
 * ```
 */
export function paragraphsOf(root: DomNode, dropChrome = false): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  let bufferIsPre = false;
  const flush = (): void => {
    for (const p of collapseParagraph(buffer, bufferIsPre)) paragraphs.push(p); // not push(...): a huge block has more paragraphs than a call takes arguments
    buffer = '';
  };
  // An explicit stack, not recursion: the walk's depth is the page's nesting, which the page chooses. Each
  // entry is a child list being read, or a step to take once an element's children are done.
  type Step = { node: DomNode; next: number; pre: boolean } | { after: 'flush' | 'space' };
  const stack: Step[] = [{ node: root, next: 0, pre: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if ('after' in top) {
      stack.pop();
      if (top.after === 'flush') flush();
      else buffer += ' ';
      continue;
    }
    const children = top.node.childNodes;
    if (top.next >= children.length) {
      stack.pop();
      continue;
    }
    const child = children[top.next++];
    const pre = top.pre;
    if (child.nodeType === 3) {
      const data = child.data ?? '';
      buffer += pre ? data : data.replace(/[\r\n\t ]+/g, ' ');
      bufferIsPre = pre;
    } else if (child.nodeType === 1) {
      const tag = child.localName ?? '';
      if (SKIPPED.has(tag) || (dropChrome && CHROME.has(tag))) continue;
      if (tag === 'br') buffer += '\n';
      else if (CELLS.has(tag)) {
        buffer += ' ';
        stack.push({ after: 'space' }, { node: child, next: 0, pre });
      } else if (BLOCKS.has(tag)) {
        flush();
        stack.push({ after: 'flush' }, { node: child, next: 0, pre: pre || tag === 'pre' });
      } else stack.push({ node: child, next: 0, pre });
    }
  }
  flush();
  return paragraphs;
}

type LinkedomDocument = ReturnType<DOMParser['parseFromString']> & { body: DomNode | null };

/**
 * linkedom does not infer the `<html>`/`<body>` elements HTML lets a page omit (a page of bare `<p>`s gets an
 * empty body; a page starting with `<style>` before its doctype gets that `<style>` as its root), so such pages
 * are rebuilt around one `<html>` element, keeping its attributes (`lang`).
 */
export function withBody(html: string): string {
  const hasHtml = /<html[\s>]/i.test(html);
  const hasBody = /<body[\s>]/i.test(html);
  if (hasHtml && hasBody && /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<html[\s>]/i.test(html)) return html;
  const htmlAttributes = html.match(/<html(\s[^>]*)?>/i)?.[1] ?? '';
  const rest = html.replace(/<!doctype[^>]*>|<\/?html(?:\s[^>]*)?>|<\/?head(?:\s[^>]*)?>/gi, '');
  if (hasBody) {
    const at = rest.search(/<body[\s>]/i);
    return `<!doctype html><html${htmlAttributes}><head>${rest.slice(0, at)}</head>${rest.slice(at)}</html>`;
  }
  return `<!doctype html><html${htmlAttributes}><head></head><body>${rest}</body></html>`;
}

function parse(html: string): LinkedomDocument {
  return newDomParser().parseFromString(withBody(flattenDeepNesting(html)), 'text/html') as LinkedomDocument;
}

/**
 * Paragraphs of an HTML fragment that is all article (feed `content:encoded`, a JSON `html` field).
 *
 * @example
 * ```ts
 * fragmentParagraphs('<p>Hello <b>world</b></p><p>Bye</p>'); // → ['Hello world', 'Bye']
 * ```
 */
export function fragmentParagraphs(html: string): string[] {
  const doc = parse(`<!doctype html><html><body>${html}</body></html>`);
  return (doc.body ? paragraphsOf(doc.body) : []);
}

/** True when an HTML string is a whole page rather than a fragment. */
export function isWholePage(html: string): boolean {
  return /<(?:!doctype\s+html|html|head|body)\b/i.test(html.slice(0, 4096));
}

// ---------------------------------------------------------------------------------------------------------
// Metadata

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clean(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 0 ? t : null;
}

/** JSON-LD nodes of a page, flattened out of arrays and `@graph`, with an `@id` index for references. */
function jsonLdNodes(doc: LinkedomDocument): { nodes: JsonObject[]; byId: Map<string, JsonObject> } {
  const nodes: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      nodes.push(v);
      if (typeof v['@id'] === 'string') byId.set(v['@id'], v);
      if (v['@graph'] !== undefined) visit(v['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block states nothing we can trust; the page's other metadata still counts.
    }
  }
  return { nodes, byId };
}

function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function resolve(v: unknown, byId: Map<string, JsonObject>): unknown {
  if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return byId.get(v['@id']) ?? v;
  return v;
}

function namesOf(v: unknown, byId: Map<string, JsonObject>): string[] {
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const item of list) {
    const r = resolve(item, byId);
    const name = typeof r === 'string' ? clean(r) : isObject(r) ? clean(typeof r.name === 'string' ? r.name : null) : null;
    if (name && !looksLikeUrl(name)) out.push(name);
  }
  return out;
}

function looksLikeUrl(s: string): boolean {
  return /^(?:https?:\/\/|www\.)/i.test(s) || /^[\w.-]+\.(?:com|org|net)\//i.test(s);
}

const ARTICLE_TYPE = /Article$|^BlogPosting$|^Report$|^LiveBlogPosting$|^NewsArticle$/;

function metaTags(doc: LinkedomDocument): Map<string, string> {
  const tags = new Map<string, string>();
  for (const m of doc.querySelectorAll('meta')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase().trim();
    const content = clean(m.getAttribute('content'));
    if (key && content && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}

const SEPARATORS = /\s+(?:[|\-–—:·•»]|::)\s+/;

/**
 * A `<title>` without the site name the page appended ("Story headline | The Outlet"). Only a part that
 * matches the site's name or host is removed, so a headline with a colon in it is kept whole.
 */
export function stripSiteSuffix(title: string, siteName: string | null, url: string | null): string {
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const names = new Set<string>();
  if (siteName) names.add(squash(siteName));
  if (url) {
    const host = url.match(/^https?:\/\/(?:www\.)?([^/:]+)/i)?.[1];
    if (host) {
      names.add(squash(host));
      names.add(squash(host.split('.').slice(0, -1).join('.')));
    }
  }
  const isSite = (part: string): boolean => {
    const s = squash(part);
    return s.length > 0 && [...names].some((n) => n.length > 0 && (s === n || s.startsWith(n) || n.startsWith(s)));
  };
  const last = parts[parts.length - 1];
  if (isSite(last)) return title.slice(0, title.lastIndexOf(last)).replace(/\s*(?:[|\-–—:·•»]|::)\s*$/, '').trim();
  if (isSite(parts[0])) return title.slice(parts[0].length).replace(/^\s*(?:[|\-–—:·•»]|::)\s*/, '').trim();
  return title;
}

function dateField(s: string | null, method: string, confidence: number): Field<DateValue> | null {
  if (!s) return null;
  const d = parseStatedDate(s);
  return d ? known(d, method, confidence) : null;
}

function first<T>(...candidates: (Field<T> | null)[]): Field<T> | null {
  return candidates.find((c) => c !== null) ?? null;
}

function textField(value: string | null, method: string, confidence: number): Field<string> | null {
  const v = clean(value);
  return v ? known(v, method, confidence) : null;
}

function absoluteUrl(s: string | null): string | null {
  const v = clean(s);
  return v && /^https?:\/\/\S+$/i.test(v) ? v : null;
}

/** Metadata a page states about itself. Absent fields stay absent. */
function pageMeta(doc: LinkedomDocument): Partial<ArticleMeta> {
  const tags = metaTags(doc);
  const { nodes, byId } = jsonLdNodes(doc);
  const ld = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t))) ?? nodes.find((n) => typeof n.headline === 'string') ?? null;
  const ldString = (key: string): string | null => (ld && typeof ld[key] === 'string' ? (ld[key] as string) : null);
  const meta: Partial<ArticleMeta> = {};

  const url = first(
    textField(absoluteUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null), 'html:link:canonical', 0.9),
    textField(absoluteUrl(tags.get('og:url') ?? null), 'meta:og:url', 0.85),
    textField(absoluteUrl(ldString('url')), 'jsonld:url', 0.8),
  );
  if (url) meta.url = url;

  const ldPublisher = ld ? namesOf(ld.publisher, byId)[0] ?? null : null;
  const outlet = first(textField(tags.get('og:site_name') ?? null, 'meta:og:site_name', 0.9), textField(ldPublisher, 'jsonld:publisher', 0.85));
  if (outlet) meta.outlet = outlet;

  const titleTag = clean(doc.querySelector('title')?.textContent ?? null);
  const title = first(
    textField(tags.get('og:title') ?? null, 'meta:og:title', 0.9),
    textField(ldString('headline'), 'jsonld:headline', 0.9),
    textField(tags.get('twitter:title') ?? null, 'meta:twitter:title', 0.85),
    textField(titleTag ? stripSiteSuffix(titleTag, outlet?.value ?? null, url?.value ?? null) : null, 'html:title', 0.7),
  );
  if (title) meta.title = title;

  const timeEl = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[itemprop="datePublished"][datetime]');
  const published = first(
    dateField(tags.get('article:published_time') ?? null, 'meta:article:published_time', 0.9),
    dateField(ldString('datePublished'), 'jsonld:datePublished', 0.9),
    ...['datepublished', 'og:published_time', 'pubdate', 'publishdate', 'dc.date.issued', 'dc.date', 'date', 'parsely-pub-date', 'sailthru.date'].map((k) =>
      dateField(tags.get(k) ?? null, `meta:${k}`, 0.8),
    ),
    dateField(timeEl?.getAttribute('datetime') ?? null, 'html:time', 0.7),
  );
  if (published) meta.published = published;

  const modified = first(
    dateField(tags.get('article:modified_time') ?? null, 'meta:article:modified_time', 0.9),
    dateField(ldString('dateModified'), 'jsonld:dateModified', 0.9),
    dateField(tags.get('og:updated_time') ?? null, 'meta:og:updated_time', 0.8),
  );
  if (modified) meta.modified = modified;

  const ldAuthors = ld ? namesOf(ld.author, byId) : [];
  const metaAuthor = clean(tags.get('author') ?? null);
  const byline = first(
    textField(metaAuthor && !looksLikeUrl(metaAuthor) ? metaAuthor : null, 'meta:author', 0.85),
    textField(ldAuthors.length > 0 ? ldAuthors.join(', ') : null, 'jsonld:author', 0.85),
  );
  if (byline) meta.byline = byline;

  const lang = clean(doc.documentElement?.getAttribute('lang') ?? null)?.match(/^([a-z]{2,3})(?:[-_]|$)/i)?.[1];
  if (lang) meta.language = known(lang.toLowerCase(), 'html:lang', 0.6);
  return meta;
}

/** Below this share of the page's prose, readability's choice is taken to have missed the article. */
const PROSE_SHARE_FLOOR = 0.3;

/** Characters in paragraphs that read like running text: long enough, and ending like a sentence. */
function proseLength(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) if (p.length >= 80 && /[.!?…"”'’)]$/.test(p)) n += p.length;
  return n;
}

/** Main text and metadata of one HTML page. */
export interface HtmlExtraction {
  paragraphs: string[];
  meta: Partial<ArticleMeta>;
  /** how the main text was found: `readability`, or `body` when readability found no article */
  method: 'readability' | 'body';
}

/**
 * Main text and metadata of a whole HTML page.
 *
 * @example
 * ```ts
 * const page = extractHtml('<html><head><meta property="og:site_name" content="Daily"></head><body><article><p>…</p></article></body></html>');
 * page.meta.outlet; // → { value: 'Daily', method: 'meta:og:site_name', confidence: 0.9 }
 * page.paragraphs;  // the article's paragraphs
 * ```
 */
export function extractHtml(html: string): HtmlExtraction {
  const doc = parse(html);
  const meta = pageMeta(doc);
  // Readability changes the tree it reads, so it gets its own parse; the body fallback needs an untouched one.
  const fallbackDoc = parse(html);
  let paragraphs: string[] = [];
  let method: HtmlExtraction['method'] = 'readability';
  let readabilityByline: string | null = null;
  try {
    const Readability = readabilityClass();
    const reader = new Readability<DomNode>(doc as unknown as Document, { serializer: (node) => node as unknown as DomNode });
    const result = reader.parse();
    if (result?.content) paragraphs = paragraphsOf(result.content);
    readabilityByline = clean(result?.byline ?? null);
  } catch {
    paragraphs = [];
  }
  const bodyParagraphs = fallbackDoc.body ? paragraphsOf(fallbackDoc.body, true) : [];
  // Readability sometimes settles on a sidebar, a list of names or a disclosure box and leaves the story out.
  // When the body holds far more prose than what it chose, the whole body (minus page chrome) is the better
  // text: the clean stage removes the chrome lines it brings along.
  if (paragraphs.length === 0 || proseLength(paragraphs) < PROSE_SHARE_FLOOR * proseLength(bodyParagraphs)) {
    method = 'body';
    paragraphs = bodyParagraphs;
  }
  if (!meta.byline && readabilityByline && !looksLikeUrl(readabilityByline)) {
    meta.byline = known(readabilityByline, 'html:readability:byline', 0.6);
  }
  return { paragraphs, meta, method };
}
