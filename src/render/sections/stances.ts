/**
 * The stance matrix of the HTML report: holders (grouped by country or organisation) down the side,
 * propositions across the top; each cell shows the polarity, who said it, and links to every citing sentence,
 * outlet by outlet. A cell whose statements disagree shows both sides.
 */
import type { Briefing, Stance, StanceCell } from '../../model.js';
import { sentenceHref } from '../anchors.js';
import { escapeAttr, escapeHtml } from '../escape.js';

const MARK: Record<StanceCell['polarity'], string> = { support: '✔ for', oppose: '✘ against', unclear: '? unclear', mixed: '± both' };

/** One citing sentence: a link to it in the articles section, labelled with the outlet and the quoted words. */
function evidenceLink(briefing: Briefing, s: Stance): string {
  const article = briefing.articles.find((a) => a.id === s.evidence.article);
  const outlet = article?.meta.outlet.value ?? article?.meta.title.value ?? s.evidence.article;
  const href = sentenceHref(briefing, s.evidence);
  const words = article ? article.text.slice(s.evidence.start, s.evidence.end).replace(/\s+/g, ' ').trim() : '';
  const label = `${escapeHtml(outlet)}: ${escapeHtml(s.polarity)}, ${escapeHtml(s.holder.speaker ?? s.holder.groupName)}`;
  const link = href ? `<a href="${escapeAttr(href)}" title="${escapeAttr(words)}">${label}</a>` : label;
  return `<li class="stance-${s.polarity}">${link}</li>`;
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
      const items = cell.stances.map((i) => stances[i]).filter((s): s is Stance => s !== undefined).map((s) => evidenceLink(briefing, s));
      return (
        `<td class="cell-${cell.polarity}"><strong>${escapeHtml(MARK[cell.polarity])}</strong>` +
        `<div class="speakers">${cell.speakers.map(escapeHtml).join('; ')}</div><ul>${items.join('')}</ul></td>`
      );
    });
    return `<tr><th scope="row">${escapeHtml(h.name)}</th>${cells.join('')}</tr>`;
  });
  return (
    `<p>Who stands where: each cell is a holder's position on a proposition, with links to the sentences that state it.</p>` +
    `<div class="table-wrap"><table class="stances"><thead><tr><th scope="col">Holder</th>${head}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}
