/**
 * Screenshots of the example story's report for the README: the first screens at desktop width and the top of
 * the page at phone width (390 px), as PNGs in docs/. Needs Debian's chromium at /usr/bin/chromium.
 *
 *   node --import tsx scripts/screenshots.ts [outDir]
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { analyze } from '../src/pipeline.js';
import { packageRoot } from '../src/paths.js';
import { renderHtml } from '../src/render/html.js';

const outDir = process.argv[2] ?? join(packageRoot, 'docs');
const work = mkdtempSync(join(tmpdir(), 'parallax-shots-'));
const reportPath = join(work, 'report.html');
writeFileSync(reportPath, renderHtml(await analyze([join(packageRoot, 'examples', 'harbour-strike')])));
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const shots = [
    // desktop: the first few screens (the whole page would be far over the README's size budget)
    { name: 'report-desktop.png', viewport: { width: 1200, height: 900 }, scale: 1, clipHeight: 2600 },
    // phone: an iPhone-sized viewport at 2x, the first two screens
    { name: 'report-phone.png', viewport: { width: 390, height: 844 }, scale: 1.5, clipHeight: 1700 },
  ];
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: shot.viewport, deviceScaleFactor: shot.scale, colorScheme: 'light' });
    await page.goto(pathToFileURL(reportPath).href);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const path = join(outDir, shot.name);
    await page.screenshot({ path, clip: { x: 0, y: 0, width: shot.viewport.width, height: Math.min(height, shot.clipHeight) } });
    console.log(`${path}: ${Math.round(statSync(path).size / 1024)} KB`);
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
