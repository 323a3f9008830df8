import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mentionsOf, actorsOf } from './testing.js';

test('alias introducers: "X, formerly the Y" makes X and Y one actor', async () => {
  const actors = await actorsOf('The Orlen Fisheries Board, formerly the Coastal Fish Authority, met on Monday.');
  const both = actors.filter((a) => a.aliases.some((x) => x.text === 'Orlen Fisheries Board') && a.aliases.some((x) => x.text === 'Coastal Fish Authority'));
  assert.equal(both.length, 1);
  assert.ok(mentionsOf(actors, both[0].name)?.length === 2);
});
