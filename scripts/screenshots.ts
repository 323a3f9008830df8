/**
 * Screenshots of the example story's report for the README, as PNGs in docs/: the first screens at desktop width
 * with a citation chip's tooltip open, an article with its marked spans, and the top of the page 390 px wide. Needs Debian's chromium at /usr/bin/chromium.
 *
 *   node --import tsx scripts/screenshots.ts [outDir]
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { analyze } from '../src/pipeline.js';
import { packageRoot } from '../src/paths.js';
import { renderHtml } from '../src/render/html.js';
import { showInChromium } from '../src/render/chromium.js';

const outDir = process.argv[2] ?? join(packageRoot, 'docs');
mkdirSync(outDir, { recursive: true });
const shown = await showInChromium(renderHtml(await analyze([join(packageRoot, 'examples', 'harbour-strike')])));
const { browser, url } = shown;
try {
  const save = async (page: Page, name: string): Promise<void> => {
    const path = join(outDir, name);
    await page.screenshot({ path });
    console.log(`${path}: ${Math.round(statSync(path).size / 1024)} KB`);
  };
  // desktop: the first screens, with the first summary chip hovered so its source sentence shows
  const desktop = await browser.newPage({ viewport: { width: 1200, height: 1500 }, colorScheme: 'light' });
  await desktop.goto(url);
  const chip = desktop.locator('#summary a.cite, main a.cite').first();
  if (await chip.count()) await chip.hover();
  await save(desktop, 'report-desktop.png');
  // desktop: the first article with marked quotes, after following a chip to one of its sentences
  await desktop.setViewportSize({ width: 1200, height: 1000 });
  await desktop.mouse.move(0, 0);
  const sentence = await desktop.evaluate(() => document.querySelector('#articles .text mark.hl-said')?.closest('.s')?.id ?? null);
  if (sentence) {
    await desktop.goto(`${url}#${sentence}`);
    await desktop.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: 'center' }), sentence);
  }
  await save(desktop, 'report-articles.png');
  await desktop.close();
  // phone: 390 px wide at 1.5x, the first two screens
  const phone = await browser.newPage({ viewport: { width: 390, height: 1100 }, deviceScaleFactor: 1.5, colorScheme: 'light' });
  await phone.goto(url);
  await save(phone, 'report-phone.png');
  await phone.close();
} finally {
  await shown.close();
}
