/**
 * Escaping for everything that reaches HTML from an article. Article text, titles, metadata and URLs are
 * hostile input: a page on the web can hold `<script>`, event handlers or `javascript:` links, and the
 * report must show them as text, never run them.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape text for an HTML text node. Quotes are escaped too, so the same string is also safe inside a quoted
 * attribute (use {@link escapeAttr} there to say what is meant).
 *
 * @example
 * ```ts
 * escapeHtml('<b>"Tom" & Jerry</b>'); // '&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Escape text for a double- or single-quoted HTML attribute value. Control characters (which no attribute
 * needs and which some parsers treat oddly) become spaces.
 *
 * @example
 * ```ts
 * `<a title="${escapeAttr('say "hi"')}">`; // <a title="say &quot;hi&quot;">
 * ```
 */
export function escapeAttr(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what this replaces
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' '));
}

/**
 * The URL, normalised, when it is an absolute `http:` or `https:` URL; otherwise null. Only such URLs become
 * links in a report: `javascript:`, `data:`, `file:` and relative URLs are shown as text.
 *
 * @example
 * ```ts
 * safeHttpUrl('https://example.org/a?b=1'); // 'https://example.org/a?b=1'
 * safeHttpUrl('javascript:alert(1)');       // null
 * ```
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href;
}

/**
 * A link to an article's URL when it is http(s), else the URL as escaped text, so a reader still sees it.
 * Links open no referrer and no opener: the report is a local file and should not tell a site where it was read.
 *
 * @example
 * ```ts
 * linkOrText('https://example.org/x', 'source'); // '<a href="https://example.org/x" rel="noopener noreferrer">source</a>'
 * linkOrText('javascript:alert(1)');             // '<span class="url">javascript:alert(1)</span>'
 * ```
 */
export function linkOrText(url: string, label?: string): string {
  const safe = safeHttpUrl(url);
  const shown = escapeHtml(label ?? url);
  if (!safe) return `<span class="url">${escapeHtml(url)}</span>`;
  return `<a href="${escapeAttr(safe)}" rel="noopener noreferrer">${shown}</a>`;
}
