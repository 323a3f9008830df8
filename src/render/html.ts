/**
 * The HTML report: one self-contained file (no network: styles and the one script are inline, guarded by a
 * Content-Security-Policy), readable on a phone, printable, keyboard accessible. The body is the ordered list
 * of sections in `./sections.ts`; this module is only the document around them.
 */
import { createHash } from 'node:crypto';
import type { Briefing } from '../model.js';
import { plural } from './describe.js';
import { escapeAttr, escapeHtml } from './escape.js';
import { HTML_SECTIONS, type HtmlSection } from './sections.js';

export { escapeAttr, escapeHtml } from './escape.js';

/**
 * Closed `<details>` do not print their content; open them all for printing and restore them after, so the
 * paper copy shows the removed page chrome the screen keeps folded.
 */
const PRINT_SCRIPT = `(() => {
  let opened = [];
  addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll('details:not([open])')];
    for (const d of opened) d.open = true;
  });
  addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
})();`;

/** The report's styles; the web app serves them as its base stylesheet (src/web/static.ts). */
export const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fff; --muted: #5c5c5c; --line: #d6d6d6; --accent: #0b57a4;
  --chip: #eef2f7; --stated: #1d6b36; --inferred: #8a5a00; --assumed: #7a3ea1; --unknown: #8b1e1e;
  --said: #e3f0ff; --time: #ffe2a8; --cue: #0b57a4; --actor: #1d6b36; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8e8; --bg: #141414; --muted: #a8a8a8; --line: #3a3a3a; --accent: #7db7ff; --chip: #242a33;
    --stated: #6fd08c; --inferred: #f0bf5a; --assumed: #d3a1f0; --unknown: #ff8f8f;
    --said: #1c2f45; --time: #5a4210; --cue: #7db7ff; --actor: #6fd08c; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: var(--bg); font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
.wrap { max-width: 46rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; top: .5rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: .5rem 0; overflow-wrap: anywhere; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.15rem; line-height: 1.3; margin: 0 0 .5rem; overflow-wrap: anywhere; }
.facts { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin: 0; padding: 0; list-style: none; color: var(--muted); }
.facts strong { color: var(--fg); }
nav ol { margin: .25rem 0; padding-left: 1.25rem; }
nav h2 { margin-top: 1.5rem; }
article { margin: 1.5rem 0 2.5rem; padding-top: 1rem; border-top: 1px solid var(--line); }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .25rem 0 .75rem; font-size: .95rem; }
.meta div { display: contents; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.method { font-size: .8rem; color: var(--muted); font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.badge { display: inline-block; font-size: .8rem; padding: 0 .45rem; border-radius: .6rem; border: 1px solid currentColor; }
.badge-stated { color: var(--stated); } .badge-inferred { color: var(--inferred); }
.badge-assumed { color: var(--assumed); } .badge-unknown { color: var(--unknown); }
.unknown { color: var(--unknown); font-style: italic; }
.notes { color: var(--muted); font-size: .95rem; }
code, .url { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; overflow-wrap: anywhere; }
details.removed { background: var(--chip); border-radius: .4rem; padding: .4rem .75rem; margin: .5rem 0 1rem; font-size: .95rem; }
details.removed summary { cursor: pointer; }
details.removed ol { margin: .5rem 0; padding-left: 1.5rem; }
details.removed li { margin: .2rem 0; overflow-wrap: anywhere; }
.reason { font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
.removed-none { color: var(--muted); font-size: .95rem; }
.text p { margin: 0 0 .9rem; white-space: pre-line; overflow-wrap: anywhere; }
.s { scroll-margin-top: 25vh; }
.s:target { background: #fff3a8; color: #1b1b1b; outline: 2px solid #e0c200; }
.ref-no { color: var(--muted); font-weight: 400; font-variant-numeric: tabular-nums; }
/* citation chips (src/render/cite.ts): the clipped tip stays inside its chip (relative), so it never widens a page
   or a scrolling table; on hover or focus it becomes a panel fixed to the bottom of the viewport, so it is never
   cut off at a screen edge, on a phone or beside a table; it is clipped, not hidden, so screen readers read it */
.cite { position: relative; text-decoration: none; }
.cite-n { white-space: nowrap; display: inline-block; font-size: .78em; line-height: 1.2; vertical-align: .35em; padding: 0 .2em; margin: 0 .05em;
  border-radius: .3em; background: var(--chip); }
.cite:hover .cite-label, .cite:focus-visible .cite-label { text-decoration: underline; }
.cite-tip { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.cite:hover .cite-tip, .cite:focus .cite-tip { position: fixed; z-index: 20; left: max(.5rem, calc(50vw - 23rem)); right: max(.5rem, calc(50vw - 23rem));
  bottom: .75rem; width: auto; height: auto; max-height: 40vh; overflow: auto; clip-path: none; white-space: normal;
  padding: .6rem .8rem; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: .4rem;
  background: var(--bg); color: var(--fg); font-size: .95rem; line-height: 1.45; box-shadow: 0 .3rem 1.2rem rgb(0 0 0 / .25); }
.cite-src { display: block; font-weight: 600; color: var(--muted); font-size: .85rem; }
.cite-note { font-size: .8rem; color: var(--muted); font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.cite-missing { color: var(--unknown); font-size: .8em; }
/* spans the briefing points at, marked in the article text; each kind styles one property, so kinds combine */
mark.hl { background: none; color: inherit; padding: 0; }
mark.hl-said { background-color: var(--said); }
.s:target mark.hl { background-color: transparent; box-shadow: none; }
.hl-time { box-shadow: inset 0 -.45em 0 var(--time); }
.hl-cue { font-style: italic; text-decoration: underline 2px var(--cue); text-underline-offset: .2em; }
.hl-source { font-weight: 650; }
.hl-actor { border-bottom: 2px dotted var(--actor); }
body:has(#hl-show-said:not(:checked)) .text mark.hl-said { background-color: transparent; }
body:has(#hl-show-time:not(:checked)) .text .hl-time { box-shadow: none; }
body:has(#hl-show-cue:not(:checked)) .text .hl-cue { font-style: inherit; text-decoration: none; }
body:has(#hl-show-source:not(:checked)) .text .hl-source { font-weight: inherit; }
body:has(#hl-show-actor:not(:checked)) .text .hl-actor { border-bottom: 0; }
.legend { font-size: .95rem; margin: 1rem 0; padding: .5rem .75rem; background: var(--chip); border-radius: .4rem; }
.legend p { margin: 0 0 .25rem; color: var(--muted); }
.legend ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
.legend .count { color: var(--muted); font-size: .85em; }
.legend input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
/* wide tables scroll sideways on a phone instead of widening the page */
section table { border-collapse: collapse; }
section th, section td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
.article-list .outlet, .errors { color: var(--muted); }
/* coverage (src/render/sections/coverage.ts): lean bars and headlines side by side; colours name no party */
.cov-bar { display: flex; height: 1.6rem; margin: .4rem 0; border: 1px solid var(--line); border-radius: .3rem; overflow: hidden; font-size: .8rem; line-height: 1.6rem; }
.cov-bar span { display: block; overflow: hidden; white-space: nowrap; text-align: center; color: #fff; }
.lean-left { background: #1f4e9c; } .lean-lean-left { background: #5b8fd9; } .lean-center { background: #6b6b6b; }
.lean-lean-right { background: #d9795b; } .lean-right { background: #a8321f; } .lean-mixed { background: #7a3ea1; }
.cov-bar .lean-unknown { background: repeating-linear-gradient(45deg, var(--chip), var(--chip) 4px, var(--line) 4px, var(--line) 8px); color: var(--fg); }
.cov-bar-cell { min-width: 10rem; } .cov-bar-cell .cov-bar { height: 1rem; line-height: 1rem; margin: .2rem 0; }
.cov-blindspot { border-left: 4px solid var(--unknown); padding-left: .6rem; }
.cov-cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: .75rem; }
.cov-col h4 { margin: 0 0 .3rem; font-size: 1rem; text-transform: capitalize; }
.cov-cell { border-top: 1px solid var(--line); padding: .3rem 0; font-size: .95rem; }
.cov-cell p { margin: .15rem 0; overflow-wrap: anywhere; } .cov-headline { font-weight: 650; } .cov-outlet { color: var(--muted); font-size: .9rem; }
mark.cov-side-only { background: var(--time); color: inherit; } mark.cov-framing { background: none; color: inherit; text-decoration: underline 2px var(--cue); }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
@media (max-width: 46rem) {
  section table { display: block; max-width: 100%; overflow-x: auto; }
}
@media (max-width: 30rem) {
  body { font-size: 1rem; }
  .meta { grid-template-columns: 1fr; }
  .meta dt { margin-top: .35rem; font-weight: 600; }
}
@page { margin: 18mm 16mm; }
@media print {
  .s:target { background: none; outline: none; }
  /* chips print as footnote-like reference numbers; the numbers head the articles at the end */
  .cite-tip, .legend { display: none !important; }
  .cite-n { background: none; padding: 0; font-size: .75em; color: #000; }
  .cite:not(.cite-n)::after { content: "[" attr(data-ref) "]"; font-size: .75em; vertical-align: .35em; }
  mark.hl { background: none !important; box-shadow: none !important; }
  section table { display: table; }
  :root { --fg: #000; --bg: #fff; --muted: #333; --line: #999; --accent: #000; --chip: #fff; }
  body { font: 10.5pt/1.45 Georgia, "Times New Roman", serif; }
  .wrap { max-width: none; padding: 0; }
  .skip, nav { display: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  article { break-before: page; border-top: 0; }
  article header, details.removed li, .meta { break-inside: avoid; }
  details.removed { border: 1px solid var(--line); }
  .text p { orphans: 3; widows: 3; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
}
`;

function sha256Base64(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** The policy: nothing may load or run except the inline style and the scripts named by hash. */
function contentSecurityPolicy(scripts: string[]): string {
  const scriptSrc = scripts.length ? scripts.map((s) => `'sha256-${sha256Base64(s)}'`).join(' ') : "'none'";
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${scriptSrc}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function storyHeader(briefing: Briefing): string {
  const { story, stats } = briefing;
  const title = story.title.value === null ? 'Untitled story' : escapeHtml(story.title.value);
  const untitledNote = story.title.value === null ? '<p class="unknown">No article had a title.</p>' : '';
  const outlets = story.outlets.length
    ? story.outlets.map(escapeHtml).join(', ')
    : '<span class="unknown">no outlet known</span>';
  const range = story.dateRange
    ? story.dateRange.from === story.dateRange.to
      ? `<time datetime="${escapeAttr(story.dateRange.from)}">${escapeHtml(story.dateRange.from)}</time>`
      : `<time datetime="${escapeAttr(story.dateRange.from)}">${escapeHtml(story.dateRange.from)}</time> – <time datetime="${escapeAttr(story.dateRange.to)}">${escapeHtml(story.dateRange.to)}</time>`
    : '<span class="unknown">no publication date known</span>';
  const counts = `${plural(stats.articles, 'article')} from ${plural(stats.inputs, 'input')}` +
    (stats.failed ? `, <a href="#errors">${stats.failed} failed</a>` : ', none failed');
  return (
    `<header class="story"><p class="method">parallax briefing</p><h1 id="story-title">${title}</h1>${untitledNote}` +
    `<ul class="facts"><li><strong>Outlets:</strong> ${outlets}</li><li><strong>Published:</strong> ${range}</li>` +
    `<li><strong>Articles:</strong> ${counts}</li></ul></header>`
  );
}

/**
 * Render a briefing as one self-contained HTML page. Every value taken from an article is escaped; only
 * http(s) URLs become links; the page loads nothing and runs only its own hashed print script.
 *
 * @example
 * ```ts
 * import { analyze, renderHtml } from 'parallax';
 * import { writeFileSync } from 'node:fs';
 * writeFileSync('briefing.html', renderHtml(await analyze(['articles/'])));
 * ```
 */
export function renderHtml(briefing: Briefing, sections: readonly HtmlSection[] = HTML_SECTIONS): string {
  const rendered = sections.flatMap((section) => {
    const body = section.render(briefing);
    return body === null ? [] : [{ section, body }];
  });
  const scripts = [PRINT_SCRIPT, ...new Set(rendered.flatMap(({ section }) => (section.script ? [section.script] : [])))];
  const toc = rendered.length
    ? `<nav aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2><ol>${rendered
        .map(({ section }) => `<li><a href="#${section.id}">${escapeHtml(section.title)}</a></li>`)
        .join('')}</ol></nav>`
    : '';
  const body = rendered
    .map(
      ({ section, body }) =>
        `<section id="${section.id}" aria-labelledby="${section.id}-title"><h2 id="${section.id}-title">${escapeHtml(section.title)}</h2>\n${body}\n</section>`,
    )
    .join('\n');
  const pageTitle = briefing.story.title.value === null ? 'parallax briefing' : `${briefing.story.title.value} — parallax briefing`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(scripts))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="parallax (briefing schema ${escapeAttr(briefing.version)})">
<title>${escapeHtml(pageTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<div class="wrap">
${storyHeader(briefing)}
${toc}
<main id="main" tabindex="-1">
${body || '<p class="unknown">Nothing could be analysed.</p>'}
</main>
<footer><p>Made by parallax from ${plural(briefing.stats.inputs, 'input')}. Article text is shown as the sources gave it, less the page chrome listed with each article. Nothing in this file loads from the network.</p></footer>
</div>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}
