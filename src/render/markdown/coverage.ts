/**
 * The coverage sections of the Markdown report, as the HTML report's (`../sections/coverage.ts`): counts by lean,
 * country and ownership with a text bar, opinion apart, the blindspot, each outlet's lean and its source, the
 * headlines and leads by lean with the words that differ between sides in bold; then across stories. Sub-parts
 * are bold lines, not headings: `###` headings are the articles'.
 */
import type { Briefing, CoverageBars, CoverageMark, StoryCoverage } from '../../model.js';
import { barsSummary, blindspotSentence, CELLS_PER_COLUMN, countsLine, coverageRows, leanName, ratingText } from '../coverage-text.js';
import { escapeMarkdown, markdownTable } from './escape.js';
import type { Footnotes } from './footnotes.js';

const e = escapeMarkdown;

/** Cells of a text bar: 20 characters shared out by articles. */
const BAR_WIDTH = 20;

/**
 * A text bar: one letter per lean part (L left, l lean left, C center, r lean right, R right, M mixed, . unknown).
 *
 * @example
 * ```ts
 * textBar(bars.byLean); // '`LLLLLLLCCCCCCRRRRRRR`'
 * ```
 */
export function textBar(counts: CoverageBars['byLean']): string {
  const letter: Record<string, string> = { left: 'L', 'lean left': 'l', center: 'C', 'lean right': 'r', right: 'R', mixed: 'M', unknown: '.' };
  const total = counts.reduce((s, c) => s + c.articles, 0);
  if (total === 0) return '';
  let used = 0;
  const parts = counts.map((c, i) => {
    const n = i === counts.length - 1 ? BAR_WIDTH - used : Math.max(1, Math.round((BAR_WIDTH * c.articles) / total));
    used += n;
    return (letter[c.key] ?? '.').repeat(Math.max(0, n));
  });
  return `\`${parts.join('')}\``;
}

function boldMarks(text: string, marks: CoverageMark[], offset: number): string {
  let out = '';
  let at = 0;
  for (const m of marks) {
    const start = m.start - offset;
    const end = m.end - offset;
    if (start < at || end > text.length || start >= end) continue;
    out += e(text.slice(at, start)) + `**${e(text.slice(start, end))}**`;
    at = end;
  }
  return out + e(text.slice(at));
}

function outletName(briefing: Briefing, key: string): string {
  const p = briefing.outletProfiles?.find((x) => x.key === key);
  return e(p?.name ?? (key.startsWith('unknown:') ? 'unknown outlet' : key));
}

function sideBySide(briefing: Briefing, cov: StoryCoverage, notes: Footnotes): string {
  const lines: string[] = [];
  for (const col of cov.columns) {
    lines.push(`**${e(leanName(col.lean))}**`, '');
    // As many as the HTML report shows; the JSON briefing keeps them all.
    for (const cell of col.cells.slice(0, CELLS_PER_COLUMN)) {
      const article = briefing.articles.find((a) => a.id === cell.article);
      const headline = cell.headline ? boldMarks(cell.headline, cell.marks.filter((m) => m.in === 'headline'), 0) : '*no headline*';
      const lead =
        article && cell.lead
          ? ` — ${boldMarks(article.text.slice(cell.lead.start, cell.lead.end), cell.marks.filter((m) => m.in === 'lead'), cell.lead.start)}${notes.cite(cell.lead)}`
          : '';
      lines.push(`- ${outletName(briefing, cell.outlet)}${cell.section === 'opinion' ? ' (opinion)' : ''}: ${headline}${lead}`);
    }
    if (col.cells.length > CELLS_PER_COLUMN) lines.push(`- and ${col.cells.length - CELLS_PER_COLUMN} more`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * The coverage of the briefing's story, or null when there is none.
 *
 * @example
 * ```ts
 * renderCoverage(briefing, notes); // '**3 news articles from 3 outlets** …' or null
 * ```
 */
export function renderCoverage(briefing: Briefing, notes: Footnotes): string | null {
  const rows = coverageRows(briefing);
  if (!rows || rows.cov.news.articles + rows.cov.opinion.articles === 0) return null;
  const { cov, profiles } = rows;
  const title = cov.title.value === null ? `*no neutral title (${e(cov.title.method)})*` : `“${e(cov.title.value)}”`;
  return [
    `**${e(barsSummary(cov.news, 'news article'))}** by the lean of their outlet (outlet registry; a lean is the rater's, never read from the text): ${textBar(cov.news.byLean)}`,
    '',
    `- By lean: ${e(countsLine(cov.news.byLean, leanName))}`,
    `- By country: ${e(countsLine(cov.news.byCountry))}`,
    `- By ownership: ${e(countsLine(cov.news.byOwnership))}`,
    `- ${cov.blindspot ? `**${e(blindspotSentence(cov.blindspot))}**` : 'No blindspot: coverage is not one-sided (or too few rated news articles to tell).'}`,
    `- ${cov.opinion.articles ? `Opinion pieces, counted apart: ${e(barsSummary(cov.opinion, 'opinion piece'))}; by lean: ${e(countsLine(cov.opinion.byLean, leanName))}` : 'No opinion pieces.'}`,
    '',
    markdownTable(['Outlet', 'Lean and source'], profiles.map((p) => [outletName(briefing, p.key), e(ratingText(p))])),
    '',
    `**Side by side**`,
    '',
    `Title chosen from the news headlines (most shared content, least loaded wording): ${title}. In **bold**: words no other side uses in its headlines and leads, and framing terms.`,
    '',
    sideBySide(briefing, cov, notes),
  ].join('\n');
}

/**
 * Across stories, or null with fewer than two stories.
 *
 * @example
 * ```ts
 * renderAcrossStories(briefing); // '| Story | Outlets | News by lean | Blindspot |…' or null
 * ```
 */
export function renderAcrossStories(briefing: Briefing): string | null {
  const across = briefing.acrossStories;
  const coverage = briefing.coverage ?? [];
  if (!across || coverage.length < 2) return null;
  const titleOf = new Map((briefing.stories ?? []).map((s, i) => [s.id, s.title.value ?? `Story ${i + 1}`]));
  const covOf = new Map(coverage.map((c) => [c.story, c]));
  const name = (id: string): string => e(covOf.get(id)?.title.value ?? titleOf.get(id) ?? id);
  const multi = coverageRows(briefing)?.multiOutlet ?? [];
  const shown = multi.slice(0, 30);
  const out: string[] = [];
  if (shown.length) {
    out.push(
      markdownTable(
        ['Story', 'Outlets', 'News by lean', 'Blindspot'],
        shown.map((c) => [name(c.story), String(c.news.outlets), `${textBar(c.news.byLean)} ${e(countsLine(c.news.byLean, leanName))}`, c.blindspot ? `for the ${c.blindspot.missing}` : '']),
      ),
    );
    if (multi.length > shown.length) out.push('', `and ${multi.length - shown.length} more stories of two or more outlets`);
  }
  out.push('', `**What each outlet did not cover**`, '', `Large stories: covered by at least ${across.largeMinOutlets} outlets (${across.large.length}).`, '');
  const gaps = across.outlets.filter((o) => o.missed.length > 0).slice(0, 30);
  out.push(gaps.length ? gaps.map((o) => `- ${outletName(briefing, o.outlet)} (${e(leanName(o.lean ?? 'unknown'))}): ${o.missed.map(name).join('; ')}`).join('\n') : 'Every outlet covered every large story.');
  out.push('', '**Covered by one side only**', '');
  const sides = across.sideOnly.filter((s) => s.stories.length);
  out.push(sides.length ? sides.map((s) => `- Only the ${s.side}: ${s.stories.map(name).join('; ')}`).join('\n') : 'No story was covered by rated outlets of one side only.');
  return out.join('\n');
}
