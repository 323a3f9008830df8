/**
 * Hostile content in headless Chromium: payloads in every place article data reaches the report (text,
 * title, outlet, byline, URL, removed page chrome, file name), through the real pipeline, must show as text
 * and never run, load or alert. Skips with a reason when Chromium is missing, unless PARALLAX_REQUIRE_BROWSER=1.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BROWSER_REQUIRED, CHROMIUM_PATH, browserSkipReason, showInChromium, type ShownReport } from './chromium.js';
import { analyze } from '../pipeline.js';
import { renderHtml } from './html.js';

const CHROMIUM = CHROMIUM_PATH;
const required = BROWSER_REQUIRED;
const skip = browserSkipReason();

/** Every payload tries to set `window.__pwned`, open a dialog or make a request; none may succeed. */
const PAYLOADS = [
  `<script>window.__pwned='script';alert('script')</script>`,
  `<img src=x onerror="window.__pwned='img';alert('img')">`,
  `<a href="javascript:window.__pwned='link'">click me</a>`,
  `</script><script>window.__pwned='close-script'</script>`,
  `<svg onload="window.__pwned='svg'">`,
  `"><iframe src="javascript:alert('iframe')"></iframe>`,
  `'><img src="http://127.0.0.1:9/leak.png">`,
  `<style>@import url(http://127.0.0.1:9/leak.css)</style>`,
  `<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/refresh">`,
];
const ALL = PAYLOADS.join(' ');

/** HTML-escaped for placing payloads as visible text in an HTML source, so the text itself holds `<script>`. */
const asHtmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function writeHostileInputs(dir: string): string[] {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${asHtmlText(`Headline ${ALL}`)}</title>
<meta property="og:title" content="${asHtmlText(`Headline ${ALL}`)}">
<meta property="og:site_name" content="${asHtmlText(`Outlet ${PAYLOADS[1]}`)}">
<meta property="og:url" content="javascript:window.__pwned='og-url'">
<meta name="author" content="${asHtmlText(`Byline ${PAYLOADS[4]}`)}">
<meta property="article:published_time" content="2024-10-14T09:00:00Z">
<script>window.__pwned='page-script'</script>
</head><body>
<nav><a href="/">Home</a> <a href="javascript:window.__pwned='nav'">News</a></nav>
<article><h1>${asHtmlText(`Headline ${ALL}`)}</h1>
${PAYLOADS.map((p, i) => `<p>Paragraph ${i + 1} quotes a payload as text: ${asHtmlText(p)} and goes on after it with enough ordinary words to count as body text in any extractor.</p>`).join('\n')}
<p>Real markup inside the page must be dropped: <img src=x onerror="window.__pwned='real-img'"><script>window.__pwned='inline'</script> this sentence stays.</p>
</article>
<footer>Subscribe ${asHtmlText(PAYLOADS[0])}</footer>
</body></html>`;
  const jsonl =
    JSON.stringify({
      title: `Record ${ALL}`,
      outlet: `Wire ${PAYLOADS[5]}`,
      author: `Reporter ${PAYLOADS[2]}`,
      url: `javascript:window.__pwned='jsonl-url'`,
      published: '2024-10-15',
      text: `A record whose text holds ${PAYLOADS[0]} in its first paragraph.\n\nAnd ${PAYLOADS[3]} with ${PAYLOADS[6]} in its second paragraph, said a spokesperson on Tuesday.`,
    }) + '\n';
  const txt = `Evening Post ${PAYLOADS[4]}\nHome | News | Sport ${PAYLOADS[1]}\n\nPlain headline ${PAYLOADS[5]}\n\nHARBOURTOWN, Oct. 16 — The text file's body holds ${PAYLOADS[0]} and ${PAYLOADS[7]} as words.\n\nA second paragraph with ${PAYLOADS[8]} and ordinary words after it.\n\nSUBSCRIBE NOW ${PAYLOADS[2]}\nGet unlimited access for 1.99 a month.\n\nLeave a comment\nName:\nEmail:\nComment: ${PAYLOADS[6]}\n[Post comment]\n`;
  const files = {
    'hostile.html': html,
    'hostile.jsonl': jsonl,
    // the file name itself reaches the report as the source path
    'name"><svg onload=window.__pwned=1>.txt': txt,
  };
  return Object.entries(files).map(([name, body]) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return path;
  });
}

let dir = '';
let opened: ShownReport | undefined;
let browser: Browser | undefined;
let reportUrl = '';

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'parallax-hostile-'));
  const briefing = await analyze(writeHostileInputs(dir));
  assert.equal(briefing.errors.length, 0, JSON.stringify(briefing.errors));
  assert.equal(briefing.articles.length, 3);
  opened = await showInChromium(renderHtml(briefing));
  browser = opened.browser;
  reportUrl = opened.url;
});

after(async () => {
  await opened?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Watched {
  page: Page;
  requests: string[];
  dialogs: string[];
  consoleErrors: string[];
}

async function openReport(): Promise<Watched> {
  assert.ok(browser, 'browser launched');
  const page = await browser.newPage();
  const watched: Watched = { page, requests: [], dialogs: [], consoleErrors: [] };
  page.on('request', (r) => {
    if (r.url() !== reportUrl) watched.requests.push(r.url());
  });
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') watched.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watched.consoleErrors.push(String(e)));
  await page.goto(reportUrl, { waitUntil: 'load' });
  // Give any deferred payload (onerror, refresh, timers) time to fire.
  await page.waitForTimeout(300);
  return watched;
}

test('hostile article content runs nothing, loads nothing and alerts nothing', { skip }, async () => {
  const { page, requests, dialogs, consoleErrors } = await openReport();
  // Hover and click every link and summary too: a payload waiting for a user gesture must find none.
  for (const summary of await page.locator('summary').all()) await summary.click();
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(requests, []);
  assert.deepEqual(consoleErrors, []);
  const counts = await page.evaluate(() => ({
    scripts: document.scripts.length,
    dangerous: document.querySelectorAll('img, iframe, svg, object, embed, link, base, form, meta[http-equiv="refresh"]').length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    badLinks: [...document.querySelectorAll('a[href]')]
      .map((a) => a.getAttribute('href') ?? '')
      .filter((href) => !href.startsWith('#') && !/^https?:\/\//.test(href)),
  }));
  assert.deepEqual(counts, { scripts: 1, dangerous: 0, handlers: 0, badLinks: [] });
  assert.equal(page.url(), reportUrl, 'no redirect');
  await page.close();
});

test('hostile strings are visibly shown as text', { skip }, async () => {
  const { page } = await openReport();
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const shown = await page.locator('body').innerText();
  for (const p of [PAYLOADS[0], PAYLOADS[1], PAYLOADS[4], PAYLOADS[5]]) {
    assert.ok(shown.includes(p), `payload shown as text: ${p}`);
  }
  assert.ok(shown.includes(`javascript:window.__pwned='jsonl-url'`), 'a javascript: URL is shown as text, not linked');
  assert.ok(shown.includes(`name"><svg onload=window.__pwned=1>.txt`), 'file name shown as text');
  await page.close();
});

test('the page is keyboard usable and its own hashed print script runs under the CSP', { skip }, async () => {
  const { page, consoleErrors } = await openReport();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  const closedBefore = await page.evaluate(() => document.querySelectorAll('details:not([open])').length);
  assert.ok(closedBefore > 0, 'removed chrome is folded on screen');
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  assert.equal(await page.evaluate(() => document.querySelectorAll('details:not([open])').length), 0, 'opened for print');
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  assert.equal(await page.evaluate(() => document.querySelectorAll('details:not([open])').length), closedBefore);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

if (!existsSync(CHROMIUM) && required) {
  test('Chromium is required (PARALLAX_REQUIRE_BROWSER=1)', () => {
    assert.fail(`${CHROMIUM} not found but PARALLAX_REQUIRE_BROWSER=1`);
  });
}
