/**
 * The Markdown report: the same briefing as the HTML report — the same sections in the same order — as
 * GitHub-flavoured Markdown, for reading in a terminal, a wiki or a diff. Citations are footnotes that quote the
 * source sentence and name its outlet (`./markdown/footnotes.ts`); the sections live in
 * `./markdown/sections.ts`. Article text is escaped so that a Markdown viewer shows it as text.
 */
import type { Briefing } from '../model.js';
import { plural } from './describe.js';
import { escapeMarkdown } from './markdown/escape.js';
import { Footnotes } from './markdown/footnotes.js';
import { MARKDOWN_SECTIONS, type MarkdownSection } from './markdown/sections.js';

export { escapeMarkdown } from './markdown/escape.js';
export { MARKDOWN_SECTIONS, type MarkdownSection } from './markdown/sections.js';

/** The heading's fragment as GitHub and most renderers derive it: lower case, spaces to hyphens. */
function headingSlug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

/**
 * Render a briefing as Markdown: the story header and contents, then each section the briefing has data for
 * (summary first, articles and failed inputs last), then the footnotes the sections cite.
 *
 * @example
 * ```ts
 * import { analyze, renderMarkdown } from 'parallax';
 * process.stdout.write(renderMarkdown(await analyze(['articles/'])));
 * ```
 */
export function renderMarkdown(briefing: Briefing, sections: readonly MarkdownSection[] = MARKDOWN_SECTIONS): string {
  const { story, stats } = briefing;
  const notes = new Footnotes(briefing);
  const bodies: { title: string; body: string }[] = [];
  for (const section of sections) {
    const body = section.render(briefing, notes);
    if (body !== null) bodies.push({ title: section.title, body });
  }
  const out = [
    `# ${story.title.value === null ? 'Untitled story' : escapeMarkdown(story.title.value)}`,
    '',
    `- Outlets: ${story.outlets.length ? story.outlets.map(escapeMarkdown).join(', ') : 'unknown'}`,
    `- Published: ${story.dateRange ? (story.dateRange.from === story.dateRange.to ? story.dateRange.from : `${story.dateRange.from} – ${story.dateRange.to}`) : 'unknown'}`,
    `- Articles: ${plural(stats.articles, 'article')} from ${plural(stats.inputs, 'input')}, ${stats.failed} failed`,
    '',
  ];
  if (bodies.length > 1) {
    out.push(`Contents: ${bodies.map((b) => `[${b.title}](#${headingSlug(b.title)})`).join(' · ')}`, '');
  }
  for (const { title, body } of bodies) out.push(`## ${title}`, '', body, '');
  // Footnote definitions go last, where GitHub shows them anyway; each one is used above.
  if (notes.size) out.push(notes.definitions(), '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
