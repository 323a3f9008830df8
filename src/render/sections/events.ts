/**
 * The events table of the HTML report: who did what to whom, when and where, with the reading's flags, one row
 * per event however many outlets told it, and a citation to the sentence in each article that tells it.
 */
import type { Briefing, DateValue, Event, EventRow, EventRowSide } from '../../model.js';
import { citeChip } from '../cite.js';
import { escapeAttr, escapeHtml } from '../escape.js';

const UNKNOWN = '<span class="unknown">unknown</span>';

/** An actor, linked to its row in the actors table when it is one of the briefing's actors. */
function side(s: EventRowSide | null): string {
  if (!s) return UNKNOWN;
  const code = s.code ? ` <span class="method" title="CAMEO actor code">${escapeHtml(s.code)}</span>` : '';
  const name = s.actor ? `<a href="#actor-${escapeAttr(s.actor)}">${escapeHtml(s.name)}</a>` : escapeHtml(s.name);
  return name + code;
}

/** The date with what the words stated and what was implied from the article's date, as the timeline marks it. */
function when(date: DateValue | null, words: string | null): string {
  if (!date && words) {
    return `<q>${escapeHtml(words)}</q> <span class="badge badge-unknown" title="the article's date is unknown, so these words cannot be placed on the calendar">not anchored</span>`;
  }
  if (!date) return UNKNOWN;
  const implied = date.implied ?? [];
  const badge = implied.length
    ? `<span class="badge badge-inferred" title="${escapeAttr(`stated: ${(date.known ?? []).join(', ') || 'nothing'}; implied from the article's date: ${implied.join(', ')}`)}">implied ${escapeHtml(implied.join(', '))}</span>`
    : '<span class="badge badge-stated" title="every part of this date is in the text">stated</span>';
  return `<time datetime="${escapeAttr(date.value)}">${escapeHtml(date.value)}</time> ${badge}`;
}

function what(briefing: Briefing, row: EventRow): string {
  const label = row.cameo ? briefing.view?.cameo[row.cameo] ?? null : null;
  const cameo = row.cameo
    ? `<div class="method" title="CAMEO event code">${escapeHtml(row.cameo)}${label ? ` ${escapeHtml(label)}` : ''}</div>`
    : '';
  const mode = row.mode ? ` <span class="method" title="PLOVER mode">${escapeHtml(row.mode)}</span>` : '';
  return `<strong>${escapeHtml(row.type)}</strong>${mode}${cameo}`;
}

function flags(row: EventRow): string {
  const out: string[] = [];
  if (row.negated) out.push('negated');
  if (row.hypothetical) out.push('hypothetical');
  if (row.future) out.push('future');
  const shown = out.map((f) => `<span class="badge">${f}</span>`);
  if (row.reportedBy.length) shown.push(`reported by ${row.reportedBy.map((r) => `<q>${escapeHtml(r)}</q>`).join(', ')}`);
  return shown.join(' ');
}

/**
 * One chip per article that tells the event, leading to the sentence that tells it; the chip's tooltip names the
 * outlet and quotes the sentence.
 */
function sources(briefing: Briefing, row: EventRow, events: readonly Event[]): string {
  const chips = row.articles.map((id) => {
    const first = row.events.map((i) => events[i]).find((e) => e.evidence.article === id);
    return first ? citeChip(briefing, first.evidence) : '';
  });
  return `<span class="cites">${chips.join('')}</span>`;
}

const HEAD =
  `<thead><tr><th scope="col">Who</th><th scope="col">What</th><th scope="col">Whom</th><th scope="col">When</th>` +
  `<th scope="col">Where</th><th scope="col">Reading</th><th scope="col">Sources</th></tr></thead>`;

function table(briefing: Briefing, rows: readonly EventRow[], events: readonly Event[]): string {
  const body = rows.map(
    (r) =>
      `<tr><td>${side(r.source)}</td><td>${what(briefing, r)}</td><td>${side(r.target)}</td><td>${when(r.date, r.dateWords)}</td>` +
      `<td>${r.location ? escapeHtml(r.location) : UNKNOWN}</td><td>${flags(r)}</td><td>${sources(briefing, r, events)}</td></tr>`,
  );
  return `<div class="table-wrap"><table class="events">${HEAD}<tbody>${body.join('')}</tbody></table></div>`;
}

/**
 * The events table (the view's event rows), or null when no event has a source or a target. Rows at or above
 * the view's confidence are the table; the less certain ones are counted and listed in a collapsed block below it.
 *
 * @example
 * ```ts
 * renderEventsSection(briefing); // '<p>…</p><div class="table-wrap"><table class="events">…<details>…' or null
 * ```
 */
export function renderEventsSection(briefing: Briefing): string | null {
  const events = briefing.events ?? [];
  const view = briefing.view?.events;
  if (!view || view.shown.length + view.lessCertain.length === 0) return null;
  const { shown, lessCertain } = view;
  const intro =
    `<p>Who did what to whom, coded in PLOVER types with their CAMEO codes, between the story's people, organisations ` +
    `and countries. An event told by several outlets is one row, with a link to the sentence of each; a date comes only ` +
    `from the event's own sentence, never from the publication date. Shown: the events read with confidence ` +
    `${view.confidence} or more (a clear verb pattern with its actors linked, or told by several outlets).</p>`;
  const main = shown.length ? table(briefing, shown, events) : '<p>No event was read with that confidence.</p>';
  const rest = lessCertain.length
    ? `<details class="less-certain"><summary>and ${lessCertain.length} less certain ${lessCertain.length === 1 ? 'event' : 'events'}</summary>` +
      `${table(briefing, lessCertain, events)}</details>`
    : '';
  return intro + main + rest;
}
