/**
 * Screenshots of the web app for the README, as PNGs in docs/: the story list, a story page, search with its
 * facets and an actor page at desktop width, the story list and story page 390 px wide, and a story page in
 * dark mode. The store holds the repository's example story (examples/harbour-strike) and the web tests'
 * made-up articles (src/web/fixture.ts), served on a loopback port. Needs Debian's chromium.
 *
 *   node --import tsx scripts/web-screenshots.ts [outDir]
 */
import { mkdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { packageRoot } from '../src/paths.js';
import { launchChromium } from '../src/render/chromium.js';
import { addAsJob } from '../src/store/jobs.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { createApp } from '../src/web/app.js';
import { fillFixture } from '../src/web/fixture.js';

const outDir = process.argv[2] ?? join(packageRoot, 'docs');
mkdirSync(outDir, { recursive: true });
const store = new SqliteStore(':memory:');
await addAsJob(store, [join(packageRoot, 'examples', 'harbour-strike')], {}, 'cli');
await fillFixture(store, false);
const app = createApp(store);
const server = await new Promise<ServerType>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchChromium();
try {
  const largest = (await store.stories({ sort: 'size', limit: 1 })).items[0];
  const actor = (await store.actors({ story: largest.id, type: 'PERSON', limit: 1 })).items[0];
  const shot = async (path: string, name: string, o: { width: number; height: number; dark?: boolean; scale?: number; before?: (p: Page) => Promise<void> }) => {
    const page = await browser.newPage({ viewport: { width: o.width, height: o.height }, deviceScaleFactor: o.scale ?? 1, colorScheme: o.dark ? 'dark' : 'light' });
    await page.goto(origin + path);
    await page.waitForLoadState('networkidle');
    await o.before?.(page);
    const file = join(outDir, name);
    await page.screenshot({ path: file });
    console.log(`${file}: ${Math.round(statSync(file).size / 1024)} KB`);
    await page.close();
  };
  const desktop = { width: 1200, height: 900 };
  const phone = { width: 390, height: 844, scale: 1.5 };
  const charts = async (p: Page) => {
    await p.locator('#charts').scrollIntoViewIfNeeded();
    await p.locator('.graph canvas').first().waitFor({ timeout: 10_000 });
    await p.waitForTimeout(300);
  };
  await shot('/', 'web-stories-desktop.png', desktop);
  await shot(`/stories/${largest.id}`, 'web-story-desktop.png', desktop);
  await shot(`/stories/${largest.id}#outlets`, 'web-story-outlets-desktop.png', { ...desktop, before: charts });
  await shot(`/search?q=${encodeURIComponent('strike OR strikers')}`, 'web-search-desktop.png', desktop);
  if (actor) await shot(`/actors/${actor.id}`, 'web-actor-desktop.png', { ...desktop, before: async (p) => void (await p.locator('.chart canvas').first().waitFor({ timeout: 10_000 })) });
  await shot('/', 'web-stories-phone.png', phone);
  await shot(`/stories/${largest.id}`, 'web-story-phone.png', phone);
  await shot(`/stories/${largest.id}`, 'web-story-dark.png', { ...desktop, dark: true });
} finally {
  await browser.close();
  server.close();
  await store.close();
}
