/**
 * The view stage: what the report sections show that is derived from the other sections (speaker groups, event
 * rows, the names of CAMEO and country codes, the coverage rows), computed once per briefing. The HTML and
 * Markdown renderers and the web app read it and compute nothing, so all of them show the same rows.
 */
import type { BriefingParts } from '../briefing.js';
import type { BriefingView, CoverageView, Story, StoryCoverage } from '../model.js';
import { quotesBySpeaker } from '../saidwhen/index.js';
import { cameoLabel, eventRows, SHOWN_EVENT_CONFIDENCE, splitEventRows } from '../events/index.js';
import { countryTable } from '../actors/index.js';

/**
 * The view of a briefing's sections, for the story `focus` (the coverage shown first is the focus story's).
 *
 * @example
 * ```ts
 * const view = buildView(parts, story);
 * view.speakers[0].rows.length; // the quotes of the most quoted speaker
 * ```
 */
export function buildView(parts: Pick<BriefingParts, 'articles' | 'actors' | 'events' | 'coverage' | 'outletProfiles'>, focus: Pick<Story, 'id'> | null): BriefingView {
  const rows = eventRows({ events: parts.events, actors: parts.actors, articles: parts.articles });
  const { shown, lessCertain } = splitEventRows(rows);
  const cameo: Record<string, string> = {};
  for (const r of rows) {
    const label = r.cameo ? cameoLabel(r.cameo) : null;
    if (r.cameo && label !== null) cameo[r.cameo] = label;
  }
  const names = countryTable().names;
  const countries: Record<string, string> = {};
  for (const a of parts.actors) {
    const code = a.country.value;
    const name = code ? names.get(code)?.name : undefined;
    if (code && name !== undefined) countries[code] = name;
  }
  return {
    speakers: quotesBySpeaker(parts),
    events: { confidence: SHOWN_EVENT_CONFIDENCE, shown, lessCertain },
    cameo: sorted(cameo),
    countries: sorted(countries),
    coverage: coverageView(parts, focus),
  };
}

/** Keys in order, so that the view's JSON does not depend on the order rows were met in. */
function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function coverageView(parts: Pick<BriefingParts, 'coverage' | 'outletProfiles'>, focus: Pick<Story, 'id'> | null): CoverageView | null {
  const coverage = parts.coverage ?? [];
  if (coverage.length === 0) return null;
  const cov: StoryCoverage = coverage.find((c) => c.story === focus?.id) ?? coverage[0];
  const keys = new Set(cov.columns.flatMap((c) => c.cells.map((cell) => cell.outlet)));
  return {
    story: cov.story,
    outlets: (parts.outletProfiles ?? []).filter((p) => keys.has(p.key)).map((p) => p.key),
    multiOutlet: coverage
      .filter((c) => c.news.outlets >= 2)
      .sort((a, b) => b.news.articles - a.news.articles)
      .map((c) => c.story),
  };
}
