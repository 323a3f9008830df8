/**
 * The web app in Debian's Chromium, served on a loopback port from a store of made-up articles: the reader's
 * path (story list, phrase search, outlet facet, story page, citation chip to its sentence, actor page, CSV
 * download) with no console error and no request leaving the origin; and hostile article content (script tags,
 * event handlers, `javascript:` links, `</style>`) shown as text on every page, never run.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../render/chromium.js';
import { SqliteStore } from '../store/sqlite.js';
import { createApp } from './app.js';
import { fillFixture, HOSTILE_RECORD } from './fixture.js';

const skip = browserSkipReason();

describe('the web app in a browser', { skip }, () => {
  let store: SqliteStore;
  let server: ServerType;
  let browser: Browser;
  let origin: string;
  const problems: string[] = [];

  before(async () => {
    store = new SqliteStore(':memory:');
    await fillFixture(store);
    const app = createApp(store);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await store?.close();
  });

  /** A page that records console errors, page errors, dialogs and any request to another origin (refused). */
  async function open(path: string, viewport = { width: 1200, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin !== origin) {
        problems.push(`left the origin: ${url}`);
        return route.abort();
      }
      return route.continue();
    });
    await page.goto(origin + path);
    return page;
  }

  it('follows a reader from the story list to a search, a facet, a story, a cited sentence, an actor and a CSV', async () => {
    const page = await open('/');
    assert.equal(await page.locator('ol.stories > li').count(), 2);
    assert.match((await page.locator('ol.stories > li').first().textContent()) ?? '', /Harbour Gazette/);

    // search a phrase from the header box, by keyboard
    await page.keyboard.press('/');
    await page.keyboard.type('"port authority"');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    assert.equal(await page.locator('ol.hits > li').count(), 4);

    // filter by outlet with the facet: a permalink of the filter state
    await page.locator('.facets a', { hasText: 'Harbour Gazette' }).click();
    await page.waitForURL(/outlet=Harbour\+Gazette|outlet=Harbour%20Gazette/);
    assert.equal(await page.locator('ol.hits > li').count(), 2);
    const permalink = page.url();
    const again = await open(new URL(permalink).pathname + new URL(permalink).search);
    assert.equal(await again.locator('ol.hits > li').count(), 2);
    await again.context().close();

    // open the story from the story list
    await page.goto(`${origin}/`);
    await page.locator('ol.stories > li').first().locator('a').first().click();
    await page.waitForURL(/\/stories\//);
    await page.locator('#outlets .col').first().waitFor();
    assert.ok((await page.locator('#outlets .col').count()) >= 3, 'outlets side by side');
    await page.locator('.chart canvas').first().waitFor({ timeout: 10_000 });
    await page.locator('.graph canvas').first().waitFor({ timeout: 10_000 });

    // a citation chip leads to its source sentence
    const chip = page.locator('main a.cite[href^="#a-"]').first();
    const target = ((await chip.getAttribute('href')) ?? '').slice(1);
    await chip.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#${target}$`));
    const sentence = page.locator(`[id="${target}"]`);
    assert.ok(await sentence.isVisible());
    assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), target);
    assert.ok(((await sentence.textContent()) ?? '').length > 10);

    // an actor page from the story's actor pairs
    await page.goto(`${origin}/actors`);
    await page.locator('table.list a', { hasText: 'Mara Voss' }).first().click();
    await page.waitForURL(/\/actors\//);
    assert.match((await page.locator('h1').textContent()) ?? '', /Voss/);
    await page.locator('.chart canvas').first().waitFor({ timeout: 10_000 });
    assert.ok((await page.locator('ol.quotes li').count()) >= 1, 'who quotes them');

    // download a CSV from the story page
    await page.goto(`${origin}/`);
    await page.locator('ol.stories > li').first().locator('a').first().click();
    await page.locator('details.exports summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('details.exports a', { hasText: 'CSV' }).first().click()]);
    assert.match(download.suggestedFilename(), /^story-.+-events\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    assert.match(csv.split('\r\n')[0], /^article,outlet,type,/);
    await page.context().close();
    assert.deepEqual(problems, []);
  });

  it('shows hostile article content as text on every page and never runs it', async () => {
    const bridge = (await store.stories()).items.find((s) => s.outlets.includes(HOSTILE_RECORD.outlet));
    assert.ok(bridge);
    const actor = (await store.actors({ story: bridge.id, limit: 50 })).items.find((a) => /Marken/.test(a.name));
    assert.ok(actor);
    const hostileId = (await store.search({ query: 'inspectors' })).items[0].id;
    const paths = [
      '/',
      `/stories/${bridge.id}`,
      '/search?q=inspectors',
      `/search?q=inspectors&type=stories`,
      `/outlets/${encodeURIComponent(HOSTILE_RECORD.outlet)}`,
      '/outlets',
      `/actors/${actor.id}`,
      `/articles/${hostileId}`,
      '/jobs',
    ];
    for (const path of paths) {
      const page = await open(path, { width: 390, height: 844 });
      await page.waitForLoadState('load');
      await page.waitForTimeout(200);
      // hover and focus everything an event handler could hang on
      for (const el of await page.locator('main a, main b, main img, main svg').all()) await el.hover({ timeout: 500 }).catch(() => {});
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, path);
      assert.equal(await page.locator('main script, main img[src="x"], main iframe, main svg[onload], main [onerror], main [onmouseover]').count(), 0, path);
      assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, path);
      const text = (await page.locator('main').textContent()) ?? '';
      if (path.startsWith('/stories/') || path.startsWith('/articles/')) assert.ok(text.includes('<script>window.__pwned'), `${path} shows the markup as text`);
      // the page fits a 390 px phone: nothing wider than the viewport
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${path} fits 390 px`);
      await page.context().close();
    }
    assert.deepEqual(problems, []);
  });
});
