/** The actors section of the HTML report: who is involved, with role, country and every mention by outlet. */
import type { Actor, Briefing } from '../../model.js';
import { citeChip } from '../cite.js';
import { escapeAttr, escapeHtml } from '../escape.js';
import { countryTable } from '../../actors/lexicon.js';

const KIND_NOTE: Record<string, string> = {
  name: 'name',
  surname: 'surname',
  acronym: 'acronym',
  demonym: 'demonym',
  nominal: 'description',
  pronoun: 'pronoun',
  metonymy: 'capital for government',
};

function countryName(code: string | null): string {
  if (code === null) return '<span class="unknown">unknown</span>';
  return escapeHtml(countryTable().names.get(code)?.name ?? code);
}

function mentionsByOutlet(briefing: Briefing, actor: Actor): string {
  const groups = new Map<string, string[]>();
  for (const alias of actor.aliases) {
    const article = briefing.articles.find((a) => a.id === alias.span.article);
    if (!article) continue;
    const outlet = article.meta.outlet.value ?? article.meta.title.value ?? article.source.path;
    const link = citeChip(briefing, alias.span, alias.text, { note: `${KIND_NOTE[alias.kind] ?? alias.kind} · ${alias.method}` });
    const list = groups.get(outlet) ?? [];
    list.push(link);
    groups.set(outlet, list);
  }
  if (!groups.size) return '<span class="unknown">no mention in the text</span>';
  return `<ul class="mentions">${[...groups].map(([outlet, links]) => `<li><span class="outlet">${escapeHtml(outlet)}</span>: ${links.join(', ')}</li>`).join('')}</ul>`;
}

/**
 * The actors as a table: name, type, role, country, and mentions per outlet, each linking to its sentence.
 * Null when no actor was found.
 *
 * @example
 * ```ts
 * renderActorsSection(briefing); // '<table class="actors">…' or null
 * ```
 */
export function renderActorsSection(briefing: Briefing): string | null {
  const actors = briefing.actors ?? [];
  if (!actors.length) return null;
  const rows = actors.map((a) => {
    const role = [a.role.value, a.organisation.value].filter((x): x is string => x !== null).map(escapeHtml).join(', ');
    return (
      `<tr id="actor-${escapeAttr(a.id)}"><th scope="row">${escapeHtml(a.name)}</th><td>${escapeHtml(a.type)}</td>` +
      `<td>${role || '<span class="unknown">unknown</span>'}</td><td>${countryName(a.country.value)}</td>` +
      `<td>${a.aliases.length}</td><td>${mentionsByOutlet(briefing, a)}</td></tr>`
    );
  });
  return (
    `<table class="actors"><thead><tr><th scope="col">Actor</th><th scope="col">Type</th><th scope="col">Role</th>` +
    `<th scope="col">Country</th><th scope="col">Mentions</th><th scope="col">Where</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}
