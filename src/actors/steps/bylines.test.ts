import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorNamed, actorsOf } from './testing.js';

test('bylines: the author a byline names is a person, with the role of author', async () => {
  const actors = await actorsOf('Fishing quotas\nBy Mara Quell\n\nThe Northern Harbour Council met on Monday to discuss quotas for the coming season. Members said prices had fallen.');
  const author = actorNamed(actors, 'Mara Quell');
  assert.equal(author?.type, 'PERSON');
  assert.equal(author?.role.value, 'author');
});
