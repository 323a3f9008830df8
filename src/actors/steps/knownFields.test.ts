import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorNamed, actorsOf } from './testing.js';

test('fields the text left open: an office holder without a country takes the last one told before', async () => {
  const actors = await actorsOf('Norwegian Foreign Minister Tavi Orlenko met Deputy Minister Aksel Brandt on Monday. Brandt said the talks went well.');
  const deputy = actorNamed(actors, 'Aksel Brandt');
  assert.equal(deputy?.country.value, 'NOR');
  assert.equal(deputy?.country.method, 'rule:discourse-country');
});
