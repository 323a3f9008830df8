/**
 * The voices section of the HTML report: per outlet, who is quoted, for which side (country), how much of the
 * article's quoted words each speaker gets, and who has the last word. Each speaker cites their quotes.
 */
import type { Actor, Briefing, Voice } from '../../model.js';
import { scaledChip } from './large.js';
import { escapeHtml } from '../escape.js';
import { outletCell } from './comparison.js';

/** A speaker's quotes beyond this many are counted, not chipped. */
const MAX_CHIPS = 6;

/**
 * Past this many speaker rows a speaker cites only their first quote, the rest counted: each chip carries its
 * sentence as a tooltip, and 16,000 of them made 8 MB of page on a thousand articles.
 */
const LARGE_TABLE_ROWS = 200;
const MAX_CHIPS_LARGE = 1;

function speakerCell(actorsById: Map<string, Actor>, v: Voice): string {
  if (v.speaker === null) return '<span class="unknown">speaker not found</span>';
  const actor = v.actor ? actorsById.get(v.actor) : undefined;
  const linked = actor && actor.name !== v.speaker ? ` <span class="actor" title="linked actor">→ ${escapeHtml(actor.name)}</span>` : '';
  return `${escapeHtml(v.speaker)}${linked}`;
}

function voiceRow(briefing: Briefing, actorsById: Map<string, Actor>, v: Voice, first: boolean, count: number, maxChips: number): string {
  const chips = v.spans.slice(0, maxChips).map((s) => scaledChip(briefing, s)).join('');
  const more = v.spans.length > maxChips ? ` <span class="more">+${v.spans.length - maxChips}</span>` : '';
  const share = `${Math.round(v.share * 100)}%`;
  return (
    `<tr>${first ? `<th scope="rowgroup" rowspan="${count}">${outletCell(briefing, v.outlet)}</th>` : ''}` +
    `<td>${speakerCell(actorsById, v)}</td><td>${escapeHtml(v.country ?? '—')}</td><td>${v.quotes}</td>` +
    `<td><span class="share" title="${v.words} of the article's quoted words">${share}</span></td>` +
    `<td>${v.lastWord ? '<strong>last word</strong>' : ''}</td><td><span class="cites">${chips}</span>${more}</td></tr>`
  );
}

/**
 * Who is quoted in each outlet, or null when no article quotes anyone.
 *
 * @example
 * ```ts
 * renderVoicesSection(briefing); // '<table class="voices">…' or null
 * ```
 */
export function renderVoicesSection(briefing: Briefing): string | null {
  const voices = briefing.voices ?? [];
  if (voices.length === 0) return null;
  // One block of rows per article (an outlet with two articles gets two blocks: shares are per article).
  const byArticle = new Map<string, Voice[]>();
  for (const v of voices) {
    const list = byArticle.get(v.article);
    if (list) list.push(v);
    else byArticle.set(v.article, [v]);
  }
  const maxChips = voices.length > LARGE_TABLE_ROWS ? MAX_CHIPS_LARGE : MAX_CHIPS;
  const actorsById = new Map(briefing.actors.map((a) => [a.id, a]));
  const rows = [...byArticle.values()].flatMap((list) => list.map((v, i) => voiceRow(briefing, actorsById, v, i === 0, list.length, maxChips)));
  return (
    '<p>Share: the speaker\'s part of the article\'s quoted words. Last word: the speaker of the article\'s last quote. ' +
    'Side: the country the speaker speaks for, when known.</p>' +
    `<table class="voices"><thead><tr><th>Outlet</th><th>Speaker</th><th>Side</th><th>Quotes</th><th>Share</th><th>Last word</th><th>Quotes cited</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}
