/** The view stage on made-up articles: it holds what the sections beside it give, computed the one way. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline.js';
import { quotesBySpeaker } from '../saidwhen/index.js';
import { eventRows } from '../events/index.js';
import type { Briefing } from '../model.js';
import { buildView } from './index.js';

const article = (title: string, outlet: string, day: string, text: string) => ({
  path: `${outlet.replace(/\W+/g, '-')}.json`,
  data: JSON.stringify({ title, outlet, published: day, text }),
});

describe('view stage', () => {
  let briefing: Briefing;
  it('is in every briefing analyze builds, and equals the view of its own sections', async () => {
    briefing = await analyze([
      article('France and Germany sign a river treaty', 'Valley Post', '2024-02-01',
        'France signed a treaty with Germany on Thursday to share the waters of the Rhine. ' +
        '"This treaty ends ten years of quarrels," said Anna Kovar, the foreign minister of France. ' +
        'The government of Germany accused France of delaying the talks for years.'),
      article('River treaty signed by France and Germany', 'Hill Times', '2024-02-02',
        'France and Germany signed a treaty on Thursday over the Rhine. ' +
        '"This treaty ends ten years of quarrels," Anna Kovar, France\'s foreign minister, told reporters. ' +
        'Critics in Germany said the treaty gives away too much water.'),
    ]);
    const view = briefing.view;
    assert.ok(view, 'the briefing has a view');
    const rebuilt = buildView(briefing, briefing.story.id ? { id: briefing.story.id } : null);
    assert.deepEqual(JSON.parse(JSON.stringify(view)), JSON.parse(JSON.stringify(rebuilt)));
    assert.deepEqual(view.speakers, quotesBySpeaker(briefing));
  });

  it('splits the event rows at its confidence, keeping their order, and names only codes it uses', () => {
    const view = briefing.view!;
    const rows = eventRows(briefing);
    assert.deepEqual([...view.events.shown, ...view.events.lessCertain].length, rows.length);
    assert.deepEqual(view.events.shown, rows.filter((r) => r.confidence >= view.events.confidence));
    assert.deepEqual(view.events.lessCertain, rows.filter((r) => r.confidence < view.events.confidence));
    const codes = new Set(rows.flatMap((r) => (r.cameo ? [r.cameo] : [])));
    for (const c of Object.keys(view.cameo)) assert.ok(codes.has(c), `cameo ${c} is a code of a row`);
    const countries = new Set(briefing.actors.flatMap((a) => (a.country.value ? [a.country.value] : [])));
    for (const c of Object.keys(view.countries)) assert.ok(countries.has(c), `country ${c} is an actor's`);
  });

  it("names the coverage of the briefing's story and the outlets of its columns", () => {
    const view = briefing.view!;
    if (!briefing.coverage?.length) {
      assert.equal(view.coverage, null);
      return;
    }
    assert.ok(view.coverage);
    const cov = briefing.coverage.find((c) => c.story === view.coverage!.story)!;
    assert.ok(cov);
    if (briefing.story.id) assert.equal(view.coverage.story, briefing.story.id);
    const inColumns = new Set(cov.columns.flatMap((c) => c.cells.map((x) => x.outlet)));
    assert.deepEqual(new Set(view.coverage.outlets), new Set([...inColumns].filter((k) => briefing.outletProfiles?.some((p) => p.key === k))));
  });

  it('is empty for a briefing with no articles', () => {
    const view = buildView({ articles: [], actors: [] }, null);
    assert.deepEqual(view, { speakers: [], events: { confidence: view.events.confidence, shown: [], lessCertain: [] }, cameo: {}, countries: {}, coverage: null });
  });
});
