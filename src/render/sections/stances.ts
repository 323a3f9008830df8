/**
 * The stance matrix of the HTML report: holders (grouped by country or organisation) down the side,
 * propositions across the top; each cell shows the polarity, who said it, and a citation chip for every citing
 * sentence. A cell whose statements disagree shows both sides.
 */
import type { Briefing, Stance, StanceCell } from '../../model.js';
import { citeChips } from '../cite.js';
import { escapeHtml } from '../escape.js';

const MARK: Record<StanceCell['polarity'], string> = { support: '✔ for', oppose: '✘ against', unclear: '? unclear', mixed: '± both' };

/**
 * The citing sentences of one cell as citation chips, one line per polarity when the holder's statements
 * disagree, so both sides stay visible.
 */
function cellEvidence(briefing: Briefing, cell: StanceCell, stances: readonly Stance[]): string {
  const byPolarity = new Map<Stance['polarity'], Stance[]>();
  for (const s of stances) byPolarity.set(s.polarity, [...(byPolarity.get(s.polarity) ?? []), s]);
  return [...byPolarity]
    .map(([polarity, list]) => {
      const side = cell.polarity === 'mixed' ? `${escapeHtml(MARK[polarity])}: ` : '';
      return `<div class="stance-${polarity}">${side}${citeChips(briefing, list.map((s) => s.evidence))}</div>`;
    })
    .join('');
}

/**
 * Renders the stance matrix, or null when no stance was found.
 *
 * @example
 * ```ts
 * const html = renderStancesSection(briefing); // '<table class="stances">…' or null
 * ```
 */
export function renderStancesSection(briefing: Briefing): string | null {
  const matrix = briefing.matrix;
  const stances = briefing.stances ?? [];
  if (!matrix || matrix.cells.length === 0) return null;
  const propositions = matrix.propositions;
  const head = propositions.map((p) => `<th scope="col">${escapeHtml(p.text)}</th>`).join('');
  const rows = matrix.holders.map((h) => {
    const cells = propositions.map((p) => {
      const cell = matrix.cells.find((c) => c.holder === h.group && c.proposition === p.id);
      if (!cell) return '<td class="empty"></td>';
      const said = cell.stances.map((i) => stances[i]).filter((s): s is Stance => s !== undefined);
      return (
        `<td class="cell-${cell.polarity}"><strong>${escapeHtml(MARK[cell.polarity])}</strong>` +
        `<div class="speakers">${cell.speakers.map(escapeHtml).join('; ')}</div>${cellEvidence(briefing, cell, said)}</td>`
      );
    });
    return `<tr><th scope="row">${escapeHtml(h.name)}</th>${cells.join('')}</tr>`;
  });
  return (
    `<p>Who stands where: each cell is a holder's position on a proposition, who stated it, and the sentences that state it (each chip shows its sentence).</p>` +
    `<div class="table-wrap"><table class="stances"><thead><tr><th scope="col">Holder</th>${head}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}
