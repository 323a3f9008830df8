/**
 * The coverage sections of the HTML report. "Coverage": for the briefing's story, news articles and outlets by
 * lean as a bar (then by country and ownership), opinion pieces counted apart, the blindspot flag, each outlet's
 * lean with its source (unknown shown as unknown), and the headlines and leads side by side by lean with the
 * words that differ between sides marked. "Across stories": per story a bar and its blindspot, the large stories
 * each outlet did not cover, the stories only one side covered.
 */
import type { Briefing, CoverageBars, CoverageCell, CoverageMark, OutletProfile } from '../../model.js';
import { escapeAttr, escapeHtml } from '../escape.js';
import { sentenceHref } from '../anchors.js';
import { outletCell } from './comparison.js';
import { barsSummary, blindspotSentence, CELLS_PER_COLUMN, countsLine, coverageRows, leanName, ratingText } from '../coverage-text.js';

/** Stories listed with a bar in "Across stories"; the rest are counted. */
export const STORIES_WITH_BARS = 30;
/** Outlets listed with the large stories they missed. */
export const OUTLETS_LISTED = 30;

function leanClass(key: string): string {
  return `lean-${key.replace(/[^a-z]+/g, '-')}`;
}

/**
 * A stacked bar of counts (articles), each part titled with its counts (and labelled, when wide enough and
 * `labelled`); the whole has a text alternative.
 *
 * @example
 * ```ts
 * leanBar(bars.byLean, 'News articles by lean'); // '<div class="cov-bar" role="img" aria-label="…">…</div>'
 * ```
 */
export function leanBar(counts: CoverageBars['byLean'], label: string, labelled = true): string {
  const total = counts.reduce((s, c) => s + c.articles, 0);
  if (total === 0) return '';
  const parts = counts
    .map((c) => {
      const pct = (100 * c.articles) / total;
      const title = `${leanName(c.key)}: ${c.articles} article${c.articles === 1 ? '' : 's'}, ${c.outlets} outlet${c.outlets === 1 ? '' : 's'}`;
      return `<span class="${leanClass(c.key)}" style="width:${pct.toFixed(2)}%" title="${escapeAttr(title)}">${labelled && pct >= 12 ? escapeHtml(`${leanName(c.key)} ${c.articles}`) : ''}</span>`;
    })
    .join('');
  return `<div class="cov-bar" role="img" aria-label="${escapeAttr(`${label}: ${countsLine(counts, leanName)}`)}">${parts}</div>`;
}

/** Text with its marks, escaped; overlapping marks keep the first. */
function marked(text: string, marks: CoverageMark[], offset: number): string {
  let out = '';
  let at = 0;
  for (const m of marks) {
    const start = m.start - offset;
    const end = m.end - offset;
    if (start < at || end > text.length || start >= end) continue;
    out += escapeHtml(text.slice(at, start));
    const title = m.why === 'framing' ? 'a framing term' : 'no other side uses this word in its headlines and leads';
    out += `<mark class="cov-${m.why}" title="${title}">${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

function cellHtml(briefing: Briefing, cell: CoverageCell): string {
  const article = briefing.articles.find((a) => a.id === cell.article);
  const headline = cell.headline
    ? marked(cell.headline, cell.marks.filter((m) => m.in === 'headline'), 0)
    : '<span class="unknown">no headline</span>';
  let lead = '';
  if (article && cell.lead) {
    const href = sentenceHref(briefing, cell.lead);
    const text = marked(article.text.slice(cell.lead.start, cell.lead.end), cell.marks.filter((m) => m.in === 'lead'), cell.lead.start);
    lead = `<p class="cov-lead">${text}${href ? ` <a href="${escapeAttr(href)}" title="the lead in its article">↗</a>` : ''}</p>`;
  }
  const opinion = cell.section === 'opinion' ? ' <span class="badge">opinion</span>' : '';
  return `<div class="cov-cell"><p class="cov-outlet">${outletCell(briefing, cell.outlet)}${opinion}</p><p class="cov-headline">${headline}</p>${lead}</div>`;
}

function ratingsList(briefing: Briefing, profiles: readonly OutletProfile[]): string {
  if (profiles.length === 0) return '';
  const item = (p: OutletProfile): string => {
    const text = escapeHtml(ratingText(p));
    return `<li>${outletCell(briefing, p.key)}: ${p.lean ? text : `<span class="unknown">${text}</span>`}${p.lean?.url ? ` <a class="url" href="${escapeAttr(p.lean.url)}">rating</a>` : ''}</li>`;
  };
  return `<details class="removed"><summary>Each outlet's lean and its source</summary><ul>${profiles.map(item).join('')}</ul></details>`;
}

/**
 * The coverage of the briefing's story, or null when the briefing has no coverage.
 *
 * @example
 * ```ts
 * renderCoverageSection(briefing); // '<p>3 news articles from 3 outlets …' or null
 * ```
 */
export function renderCoverageSection(briefing: Briefing): string | null {
  const rows = coverageRows(briefing);
  if (!rows || rows.cov.news.articles + rows.cov.opinion.articles === 0) return null;
  const { cov, profiles } = rows;
  const out: string[] = [];
  out.push(`<p><strong>${escapeHtml(barsSummary(cov.news, 'news article'))}</strong> by the lean of their outlet (outlet registry; a lean is the rater's, never read from the text):</p>`);
  out.push(leanBar(cov.news.byLean, 'News articles by lean') || '<p class="unknown">no news articles</p>');
  out.push(`<ul class="facts"><li>By lean: ${escapeHtml(countsLine(cov.news.byLean, leanName))}</li><li>By country: ${escapeHtml(countsLine(cov.news.byCountry))}</li><li>By ownership: ${escapeHtml(countsLine(cov.news.byOwnership))}</li></ul>`);
  out.push(
    cov.blindspot
      ? `<p class="cov-blindspot"><strong>${escapeHtml(blindspotSentence(cov.blindspot))}</strong></p>`
      : '<p>No blindspot: coverage is not one-sided (or too few rated news articles to tell).</p>',
  );
  out.push(
    cov.opinion.articles
      ? `<p>Opinion pieces, counted apart: ${escapeHtml(barsSummary(cov.opinion, 'opinion piece'))}; by lean: ${escapeHtml(countsLine(cov.opinion.byLean, leanName))}.</p>`
      : '<p>No opinion pieces.</p>',
  );
  out.push(ratingsList(briefing, profiles));
  const title = cov.title.value === null ? `<span class="unknown">no neutral title (${escapeHtml(cov.title.method)})</span>` : `“${escapeHtml(cov.title.value)}”`;
  out.push(`<h3>Side by side</h3><p>Title chosen from the news headlines (most shared content, least loaded wording): ${title}. Marked: <mark class="cov-side-only">words no other side uses</mark> in its headlines and leads, and <mark class="cov-framing">framing terms</mark>.</p>`);
  const cols = cov.columns
    .map((col) => {
      const more = col.cells.length - CELLS_PER_COLUMN;
      const cells = col.cells.slice(0, CELLS_PER_COLUMN).map((c) => cellHtml(briefing, c)).join('');
      return `<div class="cov-col"><h4 class="${leanClass(col.lean)}-text">${escapeHtml(leanName(col.lean))}</h4>${cells}${more > 0 ? `<p class="notes">and ${more} more</p>` : ''}</div>`;
    })
    .join('');
  out.push(`<div class="cov-cols">${cols}</div>`);
  return out.join('');
}

/**
 * Across stories: each story's bar and blindspot, the large stories each outlet did not cover, the stories only
 * one side covered; null with fewer than two stories.
 *
 * @example
 * ```ts
 * renderAcrossStoriesSection(briefing); // '<table class="cov-stories">…' or null
 * ```
 */
export function renderAcrossStoriesSection(briefing: Briefing): string | null {
  const across = briefing.acrossStories;
  const coverage = briefing.coverage ?? [];
  if (!across || coverage.length < 2) return null;
  const titleOf = new Map((briefing.stories ?? []).map((s, i) => [s.id, s.title.value ?? `Story ${i + 1}`]));
  const covOf = new Map(coverage.map((c) => [c.story, c]));
  const name = (id: string): string => `<a href="#${escapeAttr(id)}">${escapeHtml(covOf.get(id)?.title.value ?? titleOf.get(id) ?? id)}</a>`;
  const multi = coverageRows(briefing)?.multiOutlet ?? [];
  const shown = multi.slice(0, STORIES_WITH_BARS);
  const rows = shown
    .map((c) => `<tr><td>${name(c.story)}</td><td>${c.news.outlets}</td><td class="cov-bar-cell">${leanBar(c.news.byLean, 'News articles by lean', false)}<span class="notes">${escapeHtml(countsLine(c.news.byLean, leanName))}</span></td><td>${c.blindspot ? escapeHtml(`blindspot for the ${c.blindspot.missing}`) : ''}</td></tr>`)
    .join('');
  const out: string[] = [];
  if (shown.length) {
    out.push(
      `<table class="cov-stories"><thead><tr><th>Story</th><th>Outlets</th><th>News by lean</th><th>Blindspot</th></tr></thead><tbody>${rows}</tbody></table>` +
        (multi.length > shown.length ? `<p class="notes">and ${multi.length - shown.length} more stories of two or more outlets</p>` : ''),
    );
  }
  out.push(`<h3>What each outlet did not cover</h3><p>Large stories: covered by at least ${across.largeMinOutlets} outlets (${across.large.length}).</p>`);
  const gaps = across.outlets.filter((o) => o.missed.length > 0).slice(0, OUTLETS_LISTED);
  out.push(
    gaps.length
      ? `<ul>${gaps.map((o) => `<li>${outletCell(briefing, o.outlet)} <span class="notes">(${escapeHtml(leanName(o.lean ?? 'unknown'))})</span>: ${o.missed.map(name).join('; ')}</li>`).join('')}</ul>`
      : '<p>Every outlet covered every large story.</p>',
  );
  out.push('<h3>Covered by one side only</h3>');
  const sides = across.sideOnly.filter((s) => s.stories.length);
  out.push(
    sides.length
      ? `<ul>${sides.map((s) => `<li>Only the ${escapeHtml(s.side)}: ${s.stories.map(name).join('; ')}</li>`).join('')}</ul>`
      : '<p>No story was covered by rated outlets of one side only.</p>',
  );
  return out.join('');
}
