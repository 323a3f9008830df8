import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorNamed, actorsOf } from './testing.js';

// Made-up names: full names, organisations and countries make actors of their own.
test('anchors: a full name makes a person, an organisation name an organisation', async () => {
  const actors = await actorsOf('Mara Quell met the Northern Harbour Council on Monday in the port.');
  assert.equal(actorNamed(actors, 'Mara Quell')?.type, 'PERSON');
  assert.equal(actorNamed(actors, 'Northern Harbour Council')?.type, 'ORG');
});
