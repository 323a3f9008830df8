/**
 * The "across outlets" section of the HTML report: the outlets of the story as the registry labels them, then
 * the claims — agreements (which outlets), conflicts (each side with its citations), facts only one outlet
 * reports — and the teaser or truncated articles whose silence is not counted as disagreement. Every cell cites
 * the sentences it rests on with citation chips.
 */
import type { Briefing, Claim, ClaimEvidence, OutletProfile } from '../../model.js';
import { citeChip } from '../cite.js';
import { escapeHtml } from '../escape.js';

/** Outlet profiles of a briefing by key, built once per briefing: every table of the comparison labels outlets. */
const profileIndexes = new WeakMap<Briefing, Map<string, OutletProfile>>();

/**
 * How a table names an outlet: the registry label with country and ownership ("Reuters (GBR, wire)"), the
 * outlet as the article names it when the registry does not know it, or "unknown outlet" with the article's
 * number. Escaped HTML.
 *
 * @example
 * ```ts
 * outletCell(briefing, claim.outlets[0]); // 'Reuters <span class="outlet-tags">(GBR, wire)</span>'
 * ```
 */
export function outletCell(briefing: Briefing, key: string): string {
  let index = profileIndexes.get(briefing);
  if (!index) {
    index = new Map((briefing.outletProfiles ?? []).map((p) => [p.key, p]));
    profileIndexes.set(briefing, index);
  }
  const profile = index.get(key);
  if (!profile) return escapeHtml(key.startsWith('unknown:') ? 'unknown outlet' : key);
  if (profile.name === null) {
    const n = briefing.articles.findIndex((a) => a.id === profile.articles[0]);
    return `<span class="unknown">unknown outlet${n >= 0 ? ` [${n + 1}]` : ''}</span>`;
  }
  const tags = [profile.country, profile.ownership].filter((x): x is string => x !== null);
  const title = profile.method.startsWith('registry:') ? 'from the outlet registry' : 'as the article names it; not in the outlet registry';
  return `<span title="${title}">${escapeHtml(profile.name)}</span>${tags.length ? ` <span class="outlet-tags">(${escapeHtml(tags.join(', '))})</span>` : ''}`;
}

/** Chips for evidence, one per telling, each noting its outlet and whether the words are someone else's. */
function evidenceChips(briefing: Briefing, evidence: ClaimEvidence[]): string {
  const seen = new Set<string>();
  const chips: string[] = [];
  for (const e of evidence) {
    const key = `${e.article}:${e.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const notes = [e.quoted ? 'inside a quote' : 'own voice', e.value ? `value ${e.value}` : '', e.polarity ?? ''].filter(Boolean).join('; ');
    chips.push(citeChip(briefing, e.span, undefined, { note: notes }));
  }
  return chips.length ? `<span class="cites">${chips.join('')}</span>` : '';
}

function outletsList(briefing: Briefing, keys: string[]): string {
  return keys.map((k) => outletCell(briefing, k)).join('<br>');
}

function agreementRow(briefing: Briefing, c: Claim): string {
  const cells = c.outlets.map((o) => `${outletCell(briefing, o)} ${evidenceChips(briefing, c.evidence.filter((e) => e.outlet === o))}`);
  return `<tr id="claim-${escapeHtml(c.id)}"><td>${escapeHtml(c.statement)}</td><td>${c.outlets.length}</td><td>${cells.join('<br>')}</td></tr>`;
}

function conflictRow(briefing: Briefing, c: Claim): string {
  const sides = c.conflicting.map((side) => {
    const evidence = c.evidence.filter((e) => side.articles.includes(e.article) && (c.basis !== 'polarity' || e.polarity === side.value));
    const outlets = [...new Set(evidence.map((e) => e.outlet))];
    return `<li><strong>${escapeHtml(side.value)}</strong>: ${outlets.map((o) => `${outletCell(briefing, o)} ${evidenceChips(briefing, evidence.filter((e) => e.outlet === o))}`).join('; ')}</li>`;
  });
  return `<tr id="claim-${escapeHtml(c.id)}"><td>${escapeHtml(c.statement)}</td><td><ul class="sides">${sides.join('')}</ul></td></tr>`;
}

function uniqueRow(briefing: Briefing, c: Claim): string {
  return `<tr id="claim-${escapeHtml(c.id)}"><td>${escapeHtml(c.statement)}</td><td>${outletsList(briefing, c.outlets)} ${evidenceChips(briefing, c.evidence)}</td></tr>`;
}

function outletsTable(briefing: Briefing, profiles: OutletProfile[]): string {
  const rows = profiles.map((p) => {
    const chips = p.articles.map((id) => citeChip(briefing, { article: id, sentence: 0 })).join('');
    const how = p.method.startsWith('registry:') ? `registry (${p.method.slice('registry:'.length)})` : p.method === 'meta:outlet' ? 'article metadata, not in the registry' : 'unknown';
    return `<tr><td>${outletCell(briefing, p.key)}</td><td>${escapeHtml(p.country ?? '—')}</td><td>${escapeHtml(p.ownership ?? '—')}</td><td>${escapeHtml(how)}</td><td><span class="cites">${chips}</span></td></tr>`;
  });
  return `<table class="outlets"><thead><tr><th>Outlet</th><th>Country</th><th>Ownership</th><th>Labelled from</th><th>Articles</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * Outlets, agreements, conflicts, unique facts and silent (teaser) articles, or null when the briefing has no
 * comparison (one article, or the compare stage did not run).
 *
 * @example
 * ```ts
 * renderComparisonSection(briefing); // '<h3>Outlets</h3><table class="outlets">…' or null
 * ```
 */
export function renderComparisonSection(briefing: Briefing): string | null {
  const claims = briefing.claims ?? [];
  const profiles = briefing.outletProfiles ?? [];
  if (claims.length === 0 && profiles.length < 2) return null;
  const parts: string[] = [`<h3>Outlets</h3>${outletsTable(briefing, profiles)}`];
  const agree = claims.filter((c) => c.kind === 'agree');
  const conflict = claims.filter((c) => c.kind === 'conflict');
  const unique = claims.filter((c) => c.kind === 'unique');
  parts.push(
    `<h3>Conflicts</h3>` +
      (conflict.length
        ? `<table class="claims conflicts"><thead><tr><th>Claim</th><th>Sides, each cited</th></tr></thead><tbody>${conflict.map((c) => conflictRow(briefing, c)).join('')}</tbody></table>`
        : '<p>No outlet contradicts another on a date, a count or whether something happened.</p>'),
  );
  parts.push(
    `<h3>Agreements</h3>` +
      (agree.length
        ? `<table class="claims agreements"><thead><tr><th>Shared fact</th><th>Outlets</th><th>Who tells it</th></tr></thead><tbody>${agree.map((c) => agreementRow(briefing, c)).join('')}</tbody></table>`
        : '<p>No fact is told by more than one outlet.</p>'),
  );
  if (unique.length) {
    parts.push(
      `<h3>Reported by one outlet only</h3><table class="claims unique"><thead><tr><th>Fact</th><th>Outlet</th></tr></thead><tbody>${unique.map((c) => uniqueRow(briefing, c)).join('')}</tbody></table>`,
    );
  }
  const silent = [...new Set(claims.flatMap((c) => c.silent))];
  if (silent.length) {
    const items = silent.map((id) => {
      const outlet = profiles.find((p) => p.articles.includes(id));
      return `<li>${outlet ? outletCell(briefing, outlet.key) : 'unknown outlet'} ${citeChip(briefing, { article: id, sentence: 0 })}</li>`;
    });
    parts.push(`<h3>Silent articles</h3><p>These are teasers or cut off: what they leave out is not counted as disagreement.</p><ul class="silent">${items.join('')}</ul>`);
  }
  return parts.join('\n');
}
