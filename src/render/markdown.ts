/**
 * The Markdown report: the same content as the HTML report, for reading in a terminal, a wiki or a diff.
 * Article text is escaped so that a Markdown viewer shows it as text: raw HTML in a Markdown file would be
 * passed through by most renderers, so `<`, `>` and `&` and Markdown's own markers are neutralised.
 */
import type { Briefing, BriefingArticle } from '../model.js';
import {
  dateProvenance,
  paragraphRuns,
  plural,
  removedSummary,
  showDate,
  showInputError,
  showSource,
} from './describe.js';
import { safeHttpUrl } from './escape.js';

/**
 * Escape text for Markdown inline content: backslash before the punctuation that starts emphasis, links, code,
 * HTML, tables or headings, and entity-escape `&` and angle brackets, so no article text becomes markup.
 * Newlines become spaces: callers put one logical line in, block structure is theirs.
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
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([-+=#]|\d+[.)])/, (_, space: string, marker: string) => `${space}${marker.replace(/([-+=#.)])$/, '\\$1')}`);
}

/** A Markdown link for http(s) URLs; anything else shown as escaped text. */
function markdownUrl(url: string): string {
  const safe = safeHttpUrl(url);
  if (!safe) return escapeMarkdown(url);
  // Angle-bracket destinations allow any character but `<`, `>` and newlines, which URL parsing already encodes.
  return `[${escapeMarkdown(safe)}](<${safe}>)`;
}

function articleBlock(article: BriefingArticle, index: number): string {
  const { meta } = article;
  const title = meta.title.value === null ? `Article ${index + 1} (no title found)` : escapeMarkdown(meta.title.value);
  const published = meta.published.value === null ? 'unknown' : `${escapeMarkdown(showDate(meta.published.value))} (${dateProvenance(meta.published)}, \`${meta.published.method.replace(/`/g, "'")}\`)`;
  const lines = [
    `### ${title}`,
    '',
    `- Outlet: ${meta.outlet.value === null ? 'unknown' : escapeMarkdown(meta.outlet.value)}`,
    `- Published: ${published}`,
    `- Byline: ${meta.byline.value === null ? 'unknown' : escapeMarkdown(meta.byline.value)}`,
    `- Language: ${meta.language.value === null ? 'unknown' : escapeMarkdown(meta.language.value)}`,
  ];
  if (meta.dateline.value !== null) lines.push(`- Dateline: ${escapeMarkdown(meta.dateline.value)}`);
  if (meta.url.value !== null) lines.push(`- URL: ${markdownUrl(meta.url.value)}`);
  lines.push(`- Source: ${escapeMarkdown(showSource(article.source))}`);
  const removed = removedSummary(article.removed);
  lines.push(
    removed.pieces === 0
      ? '- Page chrome removed: none'
      : `- Page chrome removed: ${plural(removed.pieces, 'piece')}, ${plural(removed.characters, 'character')} (${removed.byReason.map(([r, n]) => `${escapeMarkdown(r)} ${n}`).join(', ')})`,
  );
  for (const r of article.removed) lines.push(`  - ${escapeMarkdown(r.reason)}: ${escapeMarkdown(r.text)}`);
  for (const note of article.notes) lines.push(`- Note: ${escapeMarkdown(note)}`);
  lines.push('');
  for (const p of paragraphRuns(article)) {
    const text = article.text.slice(p.start, p.end);
    if (text.trim()) lines.push(escapeMarkdown(text), '');
  }
  return lines.join('\n');
}

/**
 * Render a briefing as Markdown: story header, each article with its metadata, removed chrome and text,
 * then the inputs that failed.
 *
 * @example
 * ```ts
 * import { analyze, renderMarkdown } from 'parallax';
 * process.stdout.write(renderMarkdown(await analyze(['articles/'])));
 * ```
 */
export function renderMarkdown(briefing: Briefing): string {
  const { story, stats } = briefing;
  const out = [
    `# ${story.title.value === null ? 'Untitled story' : escapeMarkdown(story.title.value)}`,
    '',
    `- Outlets: ${story.outlets.length ? story.outlets.map(escapeMarkdown).join(', ') : 'unknown'}`,
    `- Published: ${story.dateRange ? (story.dateRange.from === story.dateRange.to ? story.dateRange.from : `${story.dateRange.from} – ${story.dateRange.to}`) : 'unknown'}`,
    `- Articles: ${plural(stats.articles, 'article')} from ${plural(stats.inputs, 'input')}, ${stats.failed} failed`,
    '',
  ];
  if (briefing.articles.length) {
    out.push('## Articles', '');
    briefing.articles.forEach((a, i) => out.push(articleBlock(a, i)));
  }
  if (briefing.errors.length) {
    out.push('## Inputs that failed', '');
    for (const e of briefing.errors) out.push(`- ${escapeMarkdown(showInputError(e))}`);
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
