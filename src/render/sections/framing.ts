/**
 * The framing section of the HTML report: per outlet, the words it uses for contested actors and events in its
 * own voice and, in a separate column, inside quotes (someone else's words), by lexicon group; then the words
 * the log-odds contrast finds distinctive of the outlet. Every term cites each place it is used.
 */
import type { Briefing, FramingRow, FramingTerm } from '../../model.js';
import { scaledChip } from './large.js';
import { escapeHtml } from '../escape.js';
import { outletCell } from './comparison.js';

/** More chips than this for one term tell a reader nothing more; the count says how many there are. */
const MAX_CHIPS_PER_TERM = 4;

/**
 * Past this many outlet rows (a thousand articles of unknown outlets give one row each) a term cites only its
 * first use: every chip carries its sentence as a tooltip, and 18,000 of them made 10 MB of page.
 */
const LARGE_TABLE_ROWS = 20;
const MAX_CHIPS_PER_TERM_LARGE = 1;

function termCell(briefing: Briefing, terms: FramingTerm[], maxChips: number): string {
  if (terms.length === 0) return '<span class="none">—</span>';
  return terms
    .map((t) => {
      const chips = t.spans.slice(0, maxChips).map((s) => scaledChip(briefing, s, undefined, { note: t.method === 'lexicon' ? `lexicon: ${t.head}` : t.method }));
      const more = t.spans.length > maxChips ? ` <span class="more">+${t.spans.length - maxChips}</span>` : '';
      const score = t.score !== undefined ? ` <span class="score" title="log-odds z-score against the other outlets">z ${t.score.toFixed(1)}</span>` : '';
      return `<span class="term">${escapeHtml(t.label)}${score}<span class="cites">${chips.join('')}</span>${more}</span>`;
    })
    .join('; ');
}

function outletRows(briefing: Briefing, row: FramingRow, groups: string[], maxChips: number): string[] {
  const used = groups.filter((g) => row.own.some((t) => t.group === g) || row.quoted.some((t) => t.group === g));
  const lines = used.map(
    (g) =>
      `<td>${escapeHtml(g)}</td><td>${termCell(briefing, row.own.filter((t) => t.group === g), maxChips)}</td><td>${termCell(briefing, row.quoted.filter((t) => t.group === g), maxChips)}</td>`,
  );
  if (row.distinctive.length) lines.push(`<td>distinctive words</td><td>${termCell(briefing, row.distinctive, maxChips)}</td><td><span class="none">—</span></td>`);
  if (lines.length === 0) lines.push('<td colspan="3"><span class="none">no framing terms found</span></td>');
  return lines.map((cells, i) => `<tr>${i === 0 ? `<th scope="rowgroup" rowspan="${lines.length}">${outletCell(briefing, row.outlet)}</th>` : ''}${cells}</tr>`);
}

/** Contrasts: one row per referent two or more outlets name differently, each outlet's words cited. */
function contrastTable(briefing: Briefing): string {
  const contrasts = briefing.framing?.contrasts ?? [];
  if (!contrasts.length) return '';
  const rows = contrasts.map((c) => {
    const terms = c.terms.map((t) => `<span class="term"><b>${outletCell(briefing, t.outlet)}</b>: ${escapeHtml(t.label)}<span class="cites">${scaledChip(briefing, t.span)}</span></span>`).join('<br>');
    return `<tr><td>${escapeHtml(c.referent)}</td><td>${escapeHtml(c.method === 'aligned' ? 'same fact, different words' : c.method === 'phrase' ? 'same noun, different words' : c.method === 'figure' ? 'one figure, different rounding' : 'lexicon group')}</td><td>${terms}</td></tr>`;
  });
  return (
    '<p>Where outlets name the same thing differently, each in its own voice: the words they put in the same place of sentences telling one fact, ' +
    'or different terms of one lexicon group.</p>' +
    `<table class="framing contrasts"><thead><tr><th>Referent</th><th>Found by</th><th>Each outlet's words</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/**
 * The framing table, or null when fewer than two outlets are compared or none uses a framing term.
 *
 * @example
 * ```ts
 * renderFramingSection(briefing); // '<p>Own voice …</p><table class="framing">…' or null
 * ```
 */
export function renderFramingSection(briefing: Briefing): string | null {
  const table = briefing.framing;
  if (!table || table.rows.length < 2) return null;
  if (!table.rows.some((r) => r.own.length || r.quoted.length || r.distinctive.length) && !table.contrasts?.length) return null;
  const maxChips = table.rows.length > LARGE_TABLE_ROWS ? MAX_CHIPS_PER_TERM_LARGE : MAX_CHIPS_PER_TERM;
  const rows = table.rows.flatMap((r) => outletRows(briefing, r, table.groups, maxChips));
  return (
    contrastTable(briefing) +
    '<p>The words each outlet uses for contested actors and events: in its own voice, and separately inside quotes ' +
    '(someone else\'s words it reports). Terms come from the framing lexicon (<code>data/framing.json</code>); ' +
    'distinctive words are those the outlet uses, in its own voice, markedly more than the other outlets (log-odds with a Dirichlet prior from general news).</p>' +
    `<table class="framing"><thead><tr><th>Outlet</th><th>Labels</th><th>Own voice</th><th>Inside quotes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}
