/**
 * Escaping for the Markdown report. Article text must reach a Markdown viewer as text: raw HTML in a Markdown
 * file is passed through by most renderers, and Markdown's own markers would turn words into links, emphasis,
 * headings or table cells. So `<`, `>` and `&` become entities and the markers get a backslash.
 */
import { safeHttpUrl } from '../escape.js';

/**
 * Escape text for Markdown inline content: backslash before the punctuation that starts emphasis, links, code,
 * HTML, tables, math or headings, and entity-escape `&` and angle brackets, so no article text becomes markup.
 * Newlines become spaces: callers put one logical line in, block structure is theirs. The result is safe inside
 * a table cell too, since `|` is escaped.
 *
 * @example
 * ```ts
 * escapeMarkdown('*not* <b>bold</b>'); // '\\*not\\* &lt;b&gt;bold&lt;/b&gt;'
 * ```
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    // `(` and `!` only matter after `]`, which is escaped; `#`, `+`, `-`, `=` and `1.` only at the line start.
    // `$` starts inline math on GitHub.
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([-+=#]|\d+[.)])/, (_, space: string, marker: string) => `${space}${marker.replace(/([-+=#.)])$/, '\\$1')}`);
}

/**
 * One table cell from already-built Markdown inline content: a cell cannot hold a line break (it would end the
 * row), and an empty cell reads as a rendering fault, so it shows a dash.
 *
 * @example
 * ```ts
 * tableCell(''); // '—'
 * tableCell(escapeMarkdown('a | b')); // 'a \\| b'
 * ```
 */
export function tableCell(markdown: string): string {
  const flat = markdown.replace(/\s*\n\s*/g, ' ').trim();
  return flat === '' ? '—' : flat;
}

/**
 * A GitHub-flavoured Markdown table: a header row, the delimiter row, one row per entry. Cells go through
 * {@link tableCell}; callers escape what comes from an article.
 *
 * @example
 * ```ts
 * markdownTable(['Outlet', 'Quotes'], [['Example Times', '3']]);
 * // '| Outlet | Quotes |\n| --- | --- |\n| Example Times | 3 |'
 * ```
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(tableCell).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/**
 * A Markdown link for an http(s) URL; anything else (a `javascript:` URL, a relative path) as escaped text.
 *
 * @example
 * ```ts
 * markdownUrl('https://news.example/a'); // '[https://news.example/a](<https://news.example/a>)'
 * markdownUrl('javascript:alert(1)');    // 'javascript:alert(1)'
 * ```
 */
export function markdownUrl(url: string): string {
  const safe = safeHttpUrl(url);
  if (!safe) return escapeMarkdown(url);
  // Angle-bracket destinations allow any character but `<`, `>` and newlines, which URL parsing already encodes.
  return `[${escapeMarkdown(safe)}](<${safe}>)`;
}
