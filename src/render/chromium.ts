/**
 * Debian's Chromium for the browser tests and the README screenshots. Never a browser download: parallax uses
 * the system's `/usr/bin/chromium` (or `$PARALLAX_CHROMIUM`), started with no network side channels.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium';

/** Whether a missing Chromium must fail the browser tests (as in CI) rather than skip them. */
export const BROWSER_REQUIRED = process.env.PARALLAX_REQUIRE_BROWSER === '1';

/**
 * The reason to skip browser tests, or false when they must run. With `PARALLAX_REQUIRE_BROWSER=1` this is
 * false even without Chromium, so the launch fails loudly.
 *
 * @example
 * ```ts
 * test('the report renders', { skip: browserSkipReason() }, async () => { ... });
 * ```
 */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM_PATH) || BROWSER_REQUIRED) return false;
  return `${CHROMIUM_PATH} not found (install Debian's chromium; set PARALLAX_REQUIRE_BROWSER=1 to make this a failure)`;
}

/**
 * Launch headless Chromium with the flags this machine needs: no sandbox (root), no GPU, and none of the
 * background connections (updates, sync, QUIC) that a closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A report opened in headless Chromium from a file:// URL; `close` ends the browser and removes the file. */
export interface ShownReport {
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

/**
 * Write an HTML report to a temporary file and launch Chromium to look at it, as a reader opening the file
 * would (file://, no server).
 *
 * @example
 * ```ts
 * const shown = await showInChromium(renderHtml(briefing));
 * const page = await shown.browser.newPage();
 * await page.goto(shown.url);
 * await shown.close();
 * ```
 */
export async function showInChromium(html: string): Promise<ShownReport> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-report-'));
  const path = join(dir, 'report.html');
  writeFileSync(path, html);
  const browser = await launchChromium();
  return {
    browser,
    url: pathToFileURL(path).href,
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
