/** The kept briefings and pages: shared while the corpus results are the same, dropped when they change. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteStore } from '../store/sqlite.js';
import { addAsJob } from '../store/jobs.js';
import { createApp } from './app.js';
import { CorpusCache } from './cache.js';
import { fillFixture } from './fixture.js';

describe('corpus cache', () => {
  it('keeps at most max values, least recently used out first, and never caches without a corpus key', async () => {
    const store = new SqliteStore(':memory:');
    let made = 0;
    const cache = new CorpusCache<number>(store, 2);
    // no corpus results yet: nothing kept
    await cache.get('a', async () => ++made);
    await cache.get('a', async () => ++made);
    assert.equal(made, 2);
    assert.equal(cache.size, 0);
    await fillFixture(store, false);
    made = 0;
    assert.equal(await cache.get('a', async () => ++made), 1);
    assert.equal(await cache.get('b', async () => ++made), 2);
    assert.equal(await cache.get('a', async () => ++made), 1, 'a is kept');
    await cache.get('c', async () => ++made); // b, the least recently used, goes
    assert.equal(cache.size, 2);
    assert.equal(await cache.get('b', async () => ++made), 4, 'b was dropped');
    await assert.rejects(cache.get('d', async () => Promise.reject(new Error('no'))));
    assert.equal(await cache.get('d', async () => 5), 5, 'a failure is not kept');
    await store.close();
  });

  it('serves a story page again from what it kept, and a new one once an add changes the corpus', async () => {
    const store = new SqliteStore(':memory:');
    await fillFixture(store, false);
    const app = createApp(store);
    const largest = (await store.stories({ sort: 'size', limit: 1 })).items[0];
    const first = await (await app.request(`/stories/${largest.id}`)).text();
    assert.equal(await (await app.request(`/stories/${largest.id}`)).text(), first);
    const title = 'Quayside harbour strike ends as dockers accept wage offer';
    const text =
      'The dock workers strike at Quayside harbour ended on Friday when the Quayside Dockers Union accepted a wage offer from the Quayside Port Authority. ' +
      'Mara Voss said the dock workers would return on Monday. Tomas Brenner said the harbour would reopen to container ships.';
    const { report } = await addAsJob(store, [{ path: 'more.jsonl', data: `${JSON.stringify({ title, outlet: 'Coastal Courier', published: '2024-03-08', text })}\n` }], {}, 'cli');
    assert.equal(report.added, 1);
    const story = (await store.articles({ limit: 100 })).items.find((a) => a.title === title)?.story;
    assert.equal(story, largest.id, 'the new article joined the story whose page was kept');
    const again = await (await app.request(`/stories/${story}`)).text();
    assert.ok(again.includes('dockers accept wage offer'), 'the page shows the article added after it was first rendered');
    await store.close();
  });
});
