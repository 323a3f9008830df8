import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holderOf, actorsOf } from './testing.js';

test('bracketed acronyms: "the Harbour Workers Union (HWU)" gives the union its acronym', async () => {
  const actors = await actorsOf('The Harbour Workers Union (HWU) said on Monday it would strike.');
  assert.equal(holderOf(actors, 'HWU', 'acronym'), 'Harbour Workers Union');
});
