/** The pages, in-process: every page answers, carries the CSP, and shows the hostile article's markup only escaped. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteStore } from '../store/sqlite.js';
import { createApp, CSP } from './app.js';
import { fillFixture, HOSTILE_RECORD } from './fixture.js';
import { STATIC_FILES } from './static.js';
import { addAsJob } from '../store/jobs.js';
import { escapeHtml } from '../render/escape.js';

describe('web pages', () => {
  let store: SqliteStore;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    store = new SqliteStore(':memory:');
    await fillFixture(store);
    app = createApp(store);
  });
  after(() => store.close());

  async function pages(): Promise<string[]> {
    const stories = (await store.stories()).items;
    const actors = (await store.actors({ limit: 5 })).items;
    const articles = (await store.articles({ limit: 100 })).items;
    return [
      '/', '/?sort=recent&from=2024-05-01', `/?outlet=${encodeURIComponent(HOSTILE_RECORD.outlet)}`, '/search', '/search?q=bridge', '/search?q=bridge&type=stories',
      '/actors', '/actors?type=PERSON', '/outlets', '/jobs',
      ...stories.map((s) => `/stories/${s.id}`), ...actors.map((a) => `/actors/${a.id}`), ...articles.map((a) => `/articles/${a.id}`),
      ...(await store.outlets()).flatMap((o) => (o.outlet ? [`/outlets/${encodeURIComponent(o.outlet)}`] : [])),
    ];
  }

  it('answers every page with the CSP and no unescaped article markup', async () => {
    for (const path of await pages()) {
      const r = await app.request(path);
      assert.equal(r.status, 200, path);
      assert.equal(r.headers.get('content-security-policy'), CSP, path);
      const html = await r.text();
      for (const bad of ['<script>window', 'onerror="', 'onmouseover="', '<iframe', '<svg onload', 'href="javascript:', '</style><script']) assert.ok(!html.includes(bad), `${path}: ${bad}`);
      // the only scripts are files of this origin
      for (const m of html.matchAll(/<script\b([^>]*)>/g)) assert.match(m[1], /^ src="\/static\/[^"]+" defer$/, `${path}: ${m[0]}`);
      // style attributes only size bars (the CSP allows attributes, never a <style> element)
      for (const m of html.matchAll(/\sstyle="([^"]*)"/g)) assert.match(m[1], /^width:\d+(?:\.\d+)?%$/, `${path}: inline style ${m[0]}`);
      assert.ok(!/<style/i.test(html), `${path}: <style>`);
    }
  });

  it('lists add jobs with their counts and each failed input with its reason', async () => {
    await addAsJob(store, [{ path: 'broken <b>feed</b>.jsonl', data: '{"text": "ok"\n' }], {}, 'api');
    const html = await (await app.request('/jobs')).text();
    assert.match(html, /broken &lt;b&gt;feed&lt;\/b&gt;\.jsonl/);
    const job = (await store.jobs({ limit: 1 })).items[0];
    assert.ok(job.failures.length >= 1);
    assert.ok(html.includes(escapeHtml(job.failures[0].reason)), 'the reason is shown');
    assert.match(html, /<td>api<\/td>/);
  });

  it('answers a bad filter, an unknown page and a missing story with an error page', async () => {
    assert.equal((await app.request('/?from=someday')).status, 400);
    assert.equal((await app.request('/stories/nope')).status, 404);
    assert.equal((await app.request('/nowhere')).status, 404);
    const bad = await app.request('/search?q=%22open');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /bad search query/);
  });

  it('serves its static files, the vendored libraries among them, and nothing else', async () => {
    for (const f of STATIC_FILES) {
      const r = await app.request(`/static/${f}`);
      assert.equal(r.status, 200, f);
      assert.ok((await r.arrayBuffer()).byteLength > 50, f);
    }
    assert.equal((await app.request('/static/../package.json')).status, 404);
    assert.equal((await app.request('/static/vendor/..%2f..%2fpackage.json')).status, 404);
  });
});
