/**
 * The full report of the example story (examples/harbour-strike through `analyze()`) in headless Chromium:
 * every section renders and is in the contents, citation chips show their source sentence on hover and on
 * keyboard focus, following a chip lands on exactly that sentence, the marks in the articles keep every
 * sentence anchor whole, the page fits a phone and prints chips as references, with no console error and no
 * request. Skips with a reason when Chromium is missing, unless PARALLAX_REQUIRE_BROWSER=1.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BROWSER_REQUIRED, CHROMIUM_PATH, browserSkipReason, showInChromium, type ShownReport } from './chromium.js';
import type { Briefing } from '../model.js';
import { analyze } from '../pipeline.js';
import { packageRoot } from '../paths.js';
import { renderHtml } from './html.js';
import { HTML_SECTIONS } from './sections.js';

const CHROMIUM = CHROMIUM_PATH;
const required = BROWSER_REQUIRED;
const skip = browserSkipReason();

let opened: ShownReport | undefined;
let browser: Browser | undefined;
let reportUrl = '';
let briefing: Briefing;
/** `a-<article>-s<i>` → the sentence's text, as the briefing has it */
const sentenceText = new Map<string, string>();

before(async () => {
  if (skip) return;
  briefing = await analyze([join(packageRoot, 'examples', 'harbour-strike')]);
  for (const a of briefing.articles) a.sentences.forEach((s, i) => sentenceText.set(`a-${a.id}-s${i}`, a.text.slice(s.start, s.end)));
  opened = await showInChromium(renderHtml(briefing));
  browser = opened.browser;
  reportUrl = opened.url;
});

after(async () => {
  await opened?.close();
});

interface Watched {
  page: Page;
  requests: string[];
  consoleErrors: string[];
}

/** Open the report, recording every request other than the report itself and every console error. */
async function openReport(viewport = { width: 1200, height: 900 }): Promise<Watched> {
  assert.ok(browser, 'browser launched');
  const page = await browser.newPage({ viewport });
  const watched: Watched = { page, requests: [], consoleErrors: [] };
  page.on('request', (r) => {
    if (r.url().split('#')[0] !== reportUrl) watched.requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watched.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watched.consoleErrors.push(String(e)));
  await page.goto(reportUrl, { waitUntil: 'load' });
  return watched;
}

/** Whitespace-insensitive form: the tooltip shows a sentence on one line. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What a visible tooltip shows, or null when it is hidden (clipped to a pixel, as for screen readers only). */
async function shownTip(_page: Page, chip: ReturnType<Page['locator']>): Promise<{ text: string; left: number; right: number } | null> {
  return chip.evaluate((el) => {
    const tip = el.querySelector('.cite-tip');
    if (!tip) return null;
    const box = tip.getBoundingClientRect();
    if (box.width < 40 || box.height < 10 || getComputedStyle(tip).clipPath !== 'none') return null;
    return { text: (tip as HTMLElement).innerText, left: box.left, right: box.right };
  });
}

test('every section with something to show renders, with an entry in the contents', { skip }, async () => {
  const { page, requests, consoleErrors } = await openReport();
  const expected = HTML_SECTIONS.filter((s) => s.render(briefing) !== null).map((s) => s.id);
  // the example story has actors, quotes and times, so these sections at least must be there
  for (const id of ['actors', 'articles']) assert.ok(expected.includes(id), `${id} has content for the example`);
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll('main > section')].map((s) => ({
      id: s.id,
      heading: s.querySelector('h2')?.textContent ?? '',
      height: s.getBoundingClientRect().height,
      text: (s as HTMLElement).innerText.length,
    })),
  );
  assert.deepEqual(shown.map((s) => s.id), expected);
  for (const s of shown) {
    assert.ok(s.heading.length > 0 && s.height > 40 && s.text > s.heading.length + 10, `section ${s.id} renders content`);
  }
  const toc = await page.locator('nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(toc, expected.map((id) => `#${id}`));
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('every citation chip points at an existing sentence and its tip quotes that sentence', { skip }, async () => {
  const { page } = await openReport();
  const chips = await page.locator('a.cite').evaluateAll((els) =>
    els.map((a) => ({ href: a.getAttribute('href') ?? '', tip: (a.querySelector('.cite-tip q')?.textContent ?? '') })),
  );
  assert.ok(chips.length >= 10, `chips on the page: ${chips.length}`);
  for (const { href, tip } of chips) {
    const id = href.slice(1);
    const sentence = sentenceText.get(id);
    assert.ok(sentence !== undefined, `chip ${href} points at a sentence`);
    assert.equal(flat(tip).replace(/…$/, ''), flat(sentence).slice(0, flat(tip).replace(/…$/, '').length), `tip of ${href}`);
    const target = await page.evaluate((i) => document.getElementById(i)?.textContent ?? null, id);
    assert.equal(target, sentence, `element #${id} holds exactly its sentence`);
  }
  await page.close();
});

test('chips show their source sentence on hover and on keyboard focus, and lead to it', { skip }, async () => {
  const { page, requests, consoleErrors } = await openReport();
  // the first chip of each section that has chips, so each author's use is exercised
  const sectionsWithChips = await page.locator('main > section').evaluateAll((ss) => ss.filter((s) => s.querySelector('a.cite')).map((s) => s.id));
  assert.ok(sectionsWithChips.length >= 1);
  for (const id of sectionsWithChips) {
    const chip = page.locator(`#${id} a.cite`).first();
    const href = (await chip.getAttribute('href')) ?? '';
    const sentence = flat(sentenceText.get(href.slice(1)) ?? '');
    assert.equal(await shownTip(page, chip), null, `${id}: tip hidden until asked for`);
    await chip.hover();
    const hovered = await shownTip(page, chip);
    assert.ok(hovered && flat(hovered.text).includes(sentence.slice(0, 60)), `${id}: tip on hover shows "${sentence.slice(0, 60)}"`);
    await page.mouse.move(0, 0);
    await chip.focus();
    const focused = await shownTip(page, chip);
    assert.ok(focused && flat(focused.text).includes(sentence.slice(0, 60)), `${id}: tip on focus shows the sentence`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((h) => location.hash === h, href);
    const target = await page.evaluate(() => {
      const el = document.querySelector(':target');
      const box = el?.getBoundingClientRect();
      return el ? { id: el.id, text: el.textContent, inView: !!box && box.top >= 0 && box.top < innerHeight, background: getComputedStyle(el).backgroundColor } : null;
    });
    assert.ok(target, `${id}: a :target after following ${href}`);
    assert.equal(`#${target.id}`, href);
    assert.equal(target.text, sentenceText.get(href.slice(1)));
    assert.ok(target.inView, `${id}: the sentence is scrolled into view`);
    assert.notEqual(target.background, 'rgba(0, 0, 0, 0)', `${id}: the sentence is highlighted`);
  }
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('chips are reached with Tab after the skip link, and show their tip when reached', { skip }, async () => {
  const { page } = await openReport();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  let onChip = false;
  for (let i = 0; i < 300 && !onChip; i++) {
    await page.keyboard.press('Tab');
    onChip = await page.evaluate(() => document.activeElement?.classList.contains('cite') ?? false);
  }
  assert.ok(onChip, 'a chip is in the tab order');
  const tip = await shownTip(page, page.locator(':focus'));
  assert.ok(tip && tip.text.length > 20, 'tip shown on keyboard focus');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  assert.notEqual(outline, 'none', 'focused chip has a visible focus ring');
  await page.close();
});

test('the articles mark the spans the briefing points at, one class per kind, with a legend', { skip }, async () => {
  const { page } = await openReport();
  const counts = await page.evaluate(() =>
    Object.fromEntries(['said', 'cue', 'source', 'actor', 'time'].map((k) => [k, document.querySelectorAll(`#articles .text mark.hl-${k}`).length])),
  );
  const quotes = briefing.articles.reduce((n, a) => n + (a.quotes?.length ?? 0), 0);
  const times = briefing.articles.reduce((n, a) => n + (a.times?.length ?? 0), 0);
  assert.ok(quotes > 0 && times > 0 && briefing.actors.length > 0, 'the example has quotes, times and actors');
  for (const [kind, n] of Object.entries(counts)) assert.ok(n > 0, `${kind} marks: ${n}`);
  // every article's text, read back from the page, is its clean text: marks add no character and lose none
  for (const a of briefing.articles) {
    const shown = await page.evaluate((id) => [...document.querySelectorAll(`#${id} .text p`)].map((p) => p.textContent).join(''), `a-${a.id}`);
    assert.equal(shown, a.paragraphs.map((p) => a.text.slice(p.start, p.end)).join(''), a.source.path);
  }
  const legend = await page.locator('#articles .legend').innerText();
  for (const word of ['quoted', 'actor', 'time']) assert.ok(legend.includes(word), `legend names ${word}`);
  // the legend's switches hide a kind's marking without a script
  const before = await page.locator('#articles .text mark.hl-said').first().evaluate((m) => getComputedStyle(m).backgroundColor);
  await page.locator('#hl-show-said').uncheck();
  const afterUncheck = await page.locator('#articles .text mark.hl-said').first().evaluate((m) => getComputedStyle(m).backgroundColor);
  assert.notEqual(before, afterUncheck);
  assert.equal(afterUncheck, 'rgba(0, 0, 0, 0)');
  await page.close();
});

test('on a 390 px phone the page does not scroll sideways and a tip stays on screen', { skip }, async () => {
  const { page, consoleErrors } = await openReport({ width: 390, height: 844 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `page width ${width}`);
  const chip = page.locator('a.cite').first();
  await chip.hover();
  const tip = await shownTip(page, chip);
  assert.ok(tip && tip.left >= 0 && tip.right <= 390, `tip on screen: ${JSON.stringify(tip)}`);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('printed, chips are reference numbers without tooltips, and the articles carry those numbers', { skip }, async () => {
  const { page } = await openReport();
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => ({
    tipsShown: [...document.querySelectorAll('.cite-tip')].filter((t) => getComputedStyle(t).display !== 'none').length,
    chip: (document.querySelector('a.cite-n') as HTMLElement | null)?.innerText ?? null,
    // a chip labelled with words (an outlet, a name) prints its reference number after them
    labelled: [...document.querySelectorAll('a.cite:not(.cite-n)')].map((a) => getComputedStyle(a, '::after').content).slice(0, 1),
    refs: [...document.querySelectorAll('#articles article .ref-no')].map((r) => r.textContent),
    nav: getComputedStyle(document.querySelector('nav') as Element).display,
  }));
  assert.equal(printed.tipsShown, 0);
  if (printed.chip !== null) assert.match(printed.chip, /^\[\d+\]$/);
  assert.equal(printed.labelled.length, 1, "the example has chips labelled with words");
  for (const content of printed.labelled) assert.match(content, /^"\[" attr\(data-ref\) "\]"$|^"\[\d+\]"$/);
  assert.deepEqual(printed.refs, briefing.articles.map((_, i) => `[${i + 1}]`));
  assert.equal(printed.nav, 'none');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, 'prints to PDF');
  await page.close();
});

if (!existsSync(CHROMIUM) && required) {
  test('Chromium is required (PARALLAX_REQUIRE_BROWSER=1)', () => {
    assert.fail(`${CHROMIUM} not found but PARALLAX_REQUIRE_BROWSER=1`);
  });
}
