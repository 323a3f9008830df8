/**
 * Markup nested deeper than any real page is flattened before it is parsed. A news page's DOM is a few dozen
 * levels deep; hostile or broken markup can open 100,000 elements (closed or not), and tree walkers whose cost
 * grows with depth (readability scores each paragraph's ancestors) then take minutes. Past `MAX_NESTING`
 * levels the tags themselves are dropped and their text kept, so the article still reads in full.
 *
 * One linear scan over the tags, with a stack and a count of open elements per name (no recursion, and no
 * search down the stack).
 */

/** Deeper than this, start and end tags are dropped (their text is kept). */
export const MAX_NESTING = 128;

/** Elements that have no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements whose content is text, never tags (a `<div>` inside a script is not an element). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'plaintext']);

/** Elements a start tag of the same name closes (`<p>one<p>two` is two paragraphs side by side, not nested). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);

// Attributes are bounded in length, so that broken markup (an unclosed quote) never makes one tag's match scan
// the rest of the page; a `>` inside an attribute value at worst miscounts one level.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^<>]{0,4096}?(\/?)>|<!--[\s\S]*?(?:-->|$)/g;

/**
 * `html` with the tags nested deeper than `max` levels removed (each run of them replaced by a space, so words
 * on either side stay apart); the same string when nothing is that deep.
 *
 * @example
 * ```ts
 * flattenDeepNesting('<div>'.repeat(1000) + 'text', 128); // 128 <div>s, a space and 'text'
 * ```
 */
export function flattenDeepNesting(html: string, max = MAX_NESTING): string {
  const stack: { name: string; kept: boolean }[] = [];
  const open = new Map<string, number>();
  const pieces: string[] = [];
  let last = 0;
  let dropped = false;
  const pop = () => {
    const top = stack.pop();
    if (top) open.set(top.name, (open.get(top.name) ?? 1) - 1);
    return top;
  };
  // A run of dropped tags becomes one space: 100,000 spaces would be a text node that every ancestor's
  // text is read with.
  const drop = (start: number, end: number) => {
    if (!(dropped && start === last)) pieces.push(html.slice(last, start), ' ');
    last = end;
    dropped = true;
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[2] === undefined) continue; // a comment
    const name = m[2].toLowerCase();
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] === '/') {
      if (!open.get(name)) continue; // an end tag with nothing to close: the parser ignores it too
      let top = pop();
      while (top && top.name !== name) top = pop();
      if (top && !top.kept) drop(start, end);
      continue;
    }
    if (VOID.has(name) || m[3] === '/') continue;
    if (RAW_TEXT.has(name)) {
      // Skip to the end of the raw text: what it holds is not markup.
      const close = new RegExp(`</${name}[^>]*>`, 'gi');
      close.lastIndex = end;
      TAG.lastIndex = close.exec(html) ? close.lastIndex : html.length;
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(name) && stack.length > 0 && stack[stack.length - 1].name === name) pop();
    const kept = stack.length < max;
    stack.push({ name, kept });
    open.set(name, (open.get(name) ?? 0) + 1);
    if (!kept) drop(start, end);
  }
  if (!dropped) return html;
  pieces.push(html.slice(last));
  return pieces.join('');
}
