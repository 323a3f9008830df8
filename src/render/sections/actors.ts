/** The actors section of the HTML report: who is involved, with role, country and every mention by outlet. */
import type { Actor, Briefing, BriefingArticle } from '../../model.js';
import { scaledChip } from './large.js';
import { escapeAttr, escapeHtml } from '../escape.js';

const KIND_NOTE: Record<string, string> = {
  name: 'name',
  surname: 'surname',
  acronym: 'acronym',
  demonym: 'demonym',
  nominal: 'description',
  pronoun: 'pronoun',
  metonymy: 'capital for government',
};

/**
 * Mention chips shown per outlet in an actor's row; the rest are counted ("and 12 more in this outlet"). Each
 * chip carries its sentence as a tooltip, so an actor named 300 times would otherwise weigh 200 kB of page.
 */
export const CHIPS_PER_OUTLET = 5;

/** Chips per outlet in a large report's rows (more than {@link ALL_ROWS_FULL_UP_TO} actors). */
export const CHIPS_PER_OUTLET_LARGE = 3;

/**
 * Outlets listed per row in a large report, those with the most mentions first; the others are counted. Articles
 * of unknown outlet each count as their own, so an actor of a thousand articles could list hundreds.
 */
export const OUTLETS_PER_ROW_LARGE = 8;

/**
 * Up to this many actors, every actor gets a full row. Past it, full rows go to the actors mentioned in two or
 * more articles (at most {@link FULL_ROWS_MAX}, most mentioned first in the briefing's order), and the others
 * are listed compactly (name, type, mentions) in a collapsed list: on a thousand articles there are ten
 * thousand actors, most of them named once.
 */
export const ALL_ROWS_FULL_UP_TO = 300;

/** The most full rows a large report shows; the JSON briefing keeps every actor. */
export const FULL_ROWS_MAX = 250;

function countryName(briefing: Briefing, code: string | null): string {
  if (code === null) return '<span class="unknown">unknown</span>';
  return escapeHtml(briefing.view?.countries[code] ?? code);
}

function mentionsByOutlet(briefing: Briefing, articles: Map<string, BriefingArticle>, actor: Actor, large: boolean): string {
  const chipsPerOutlet = large ? CHIPS_PER_OUTLET_LARGE : CHIPS_PER_OUTLET;
  const groups = new Map<string, { chips: string[]; hidden: number }>();
  for (const alias of actor.aliases) {
    const article = articles.get(alias.span.article);
    if (!article) continue;
    const outlet = article.meta.outlet.value ?? article.meta.title.value ?? 'unknown outlet';
    let group = groups.get(outlet);
    if (!group) {
      group = { chips: [], hidden: 0 };
      groups.set(outlet, group);
    }
    // build only the chips that are shown: a chip's tooltip is the costliest part of the page
    if (group.chips.length < chipsPerOutlet) {
      group.chips.push(scaledChip(briefing, alias.span, alias.text, { note: `${KIND_NOTE[alias.kind] ?? alias.kind} · ${alias.method}` }));
    } else group.hidden++;
  }
  if (!groups.size) return '<span class="unknown">no mention in the text</span>';
  let shown = [...groups];
  let rest = '';
  if (large && shown.length > OUTLETS_PER_ROW_LARGE) {
    // sort is stable: outlets with as many mentions keep the order of first mention
    shown.sort(([, a], [, b]) => b.chips.length + b.hidden - (a.chips.length + a.hidden));
    const dropped = shown.slice(OUTLETS_PER_ROW_LARGE);
    shown = shown.slice(0, OUTLETS_PER_ROW_LARGE);
    const mentions = dropped.reduce((n, [, g]) => n + g.chips.length + g.hidden, 0);
    rest = `<li class="more">and ${mentions} more mention${mentions === 1 ? '' : 's'} in ${dropped.length} other outlet${dropped.length === 1 ? '' : 's'}</li>`;
  }
  const items = shown.map(([outlet, { chips, hidden }]) => {
    const more = hidden > 0 ? ` <span class="more">and ${hidden} more in this outlet</span>` : '';
    return `<li><span class="outlet">${escapeHtml(outlet)}</span>: ${chips.join(', ')}${more}</li>`;
  });
  return `<ul class="mentions">${items.join('')}${rest}</ul>`;
}

function articleCount(actor: Actor): number {
  return new Set(actor.aliases.map((a) => a.span.article)).size;
}

/** Which actors get a full row: all of a small report's; on a large one, those in ≥ 2 articles, most mentioned first. */
function fullRowIds(actors: readonly Actor[]): Set<string> {
  if (actors.length <= ALL_ROWS_FULL_UP_TO) return new Set(actors.map((a) => a.id));
  const inSeveral = actors.filter((a) => articleCount(a) >= 2);
  inSeveral.sort((a, b) => b.aliases.length - a.aliases.length);
  return new Set(inSeveral.slice(0, FULL_ROWS_MAX).map((a) => a.id));
}

/**
 * The actors as a table: name, type, role, country, and mentions per outlet (at most {@link CHIPS_PER_OUTLET}
 * chips per outlet, the rest counted), each linking to its sentence. A large briefing's actors named in a
 * single article follow as a compact collapsed list (name, type, mentions); every actor keeps its
 * `actor-<id>` element id, so links from other sections land. Null when no actor was found.
 *
 * @example
 * ```ts
 * renderActorsSection(briefing); // '<table class="actors">…' or null
 * ```
 */
export function renderActorsSection(briefing: Briefing): string | null {
  const actors = briefing.actors ?? [];
  if (!actors.length) return null;
  const articles = new Map(briefing.articles.map((a) => [a.id, a]));
  const full = fullRowIds(actors);
  const large = actors.length > ALL_ROWS_FULL_UP_TO;
  const rows: string[] = [];
  const compact: string[] = [];
  for (const a of actors) {
    if (!full.has(a.id)) {
      compact.push(
        // plain text, no spans: ten thousand of these must stay light
        `<li id="actor-${escapeAttr(a.id)}">${escapeHtml(a.name)} (${escapeHtml(a.type)}, ${a.aliases.length})</li>`,
      );
      continue;
    }
    const role = [a.role.value, a.organisation.value].filter((x): x is string => x !== null).map(escapeHtml).join(', ');
    rows.push(
      `<tr id="actor-${escapeAttr(a.id)}"><th scope="row">${escapeHtml(a.name)}</th><td>${escapeHtml(a.type)}</td>` +
        `<td>${role || '<span class="unknown">unknown</span>'}</td><td>${countryName(briefing, a.country.value)}</td>` +
        `<td>${a.aliases.length}</td><td>${mentionsByOutlet(briefing, articles, a, large)}</td></tr>`,
    );
  }
  const table =
    `<table class="actors"><thead><tr><th scope="col">Actor</th><th scope="col">Type</th><th scope="col">Role</th>` +
    `<th scope="col">Country</th><th scope="col">Mentions</th><th scope="col">Where</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const rest = compact.length
    ? `<details class="more-actors"><summary>${compact.length} more actor${compact.length === 1 ? '' : 's'}, named in one article each or less often (name, type, mentions)</summary>` +
      `<ul class="actors-compact">${compact.join('')}</ul></details>`
    : '';
  return `${table}${rest}`;
}
