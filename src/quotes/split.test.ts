import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHeldOut } from './split.js';
import { wordClusters } from './clusters.js';

test('the held-out part of train is fixed by the name and about a tenth of it', () => {
  const names = Array.from({ length: 2000 }, (_, k) => `article-${k}`);
  const held = names.filter(isHeldOut);
  assert.ok(held.length > 150 && held.length < 250, `${held.length} of 2000 held out`);
  assert.deepEqual(names.filter(isHeldOut), held);
});

test('word clusters load as bit paths, and reporting verbs used alike share a prefix', () => {
  const clusters = wordClusters();
  assert.ok(clusters.size > 10_000, `${clusters.size} words`);
  for (const path of clusters.values()) assert.match(path, /^[01]+$/);
  const said = clusters.get('said');
  const added = clusters.get('added');
  assert.ok(said && added, 'common reporting verbs have clusters');
  assert.equal(said.slice(0, 6), added.slice(0, 6));
});
