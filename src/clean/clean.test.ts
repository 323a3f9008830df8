import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, RawArticle } from '../model.js';
import { articleId, cleanArticle, readDateline, chromeReason } from './index.js';
import { isCreditedCaption, isPromoHeadline } from './chrome.js';
import { readByline, readClosingByline, readDateLine, readPublisherName, splitSiteSuffix } from './header.js';
import { endsLikeSentence, splitBlocks, titleCaseRatio } from './blocks.js';

// All texts here are made up: rules must hold on pages nobody tuned them on.
const raw = (text: string, meta: RawArticle['meta'] = {}): RawArticle => ({ source: { path: 'test.txt', format: 'text' }, raw: text, meta });

/** The lossless property: every segment of the clean text is the raw text at its offsets, and nothing else is in the text. */
function assertLossless(a: Article): void {
  let covered = 0;
  for (const s of a.segments) {
    assert.equal(a.text.slice(s.start, s.end), a.raw.slice(s.rawStart, s.rawStart + s.end - s.start));
    covered += s.end - s.start;
  }
  // the rest of the text is paragraph separators only
  assert.equal(covered + Math.max(0, a.segments.length - 1) * 2, a.text.length);
  for (const r of a.removed) assert.equal(a.raw.slice(r.rawStart, r.rawEnd), r.text);
}

const PAGE = [
  'Skip to main content',
  '',
  'World News Politics | The Harbour Gazette',
  '',
  'Port Workers Vote to End Strike - The Harbour Gazette Online',
  'Share on Facebook',
  '',
  'VALMORA, March 3 (Wirepress) – Dock workers in the port of Valmora voted on Tuesday to end a two-week strike.',
  '',
  '“We have what we came for,” union leader Ana Petrov told reporters after the vote.',
  'Cranes stand idle at the northern quay (AFP)',
  'The port authority said ships would be unloaded from Wednesday.',
  'Petrov: the port owes us more than wages',
  'Talks on pensions will resume next month, both sides said.',
  '',
  'Related articles',
  'Ferry Operators Warn of Delays',
  'Fishermen Join Protest Over Quotas',
  '',
  'Leave a Reply',
  'Please enter your comment!',
  'Please enter your name here',
  'This site uses reCAPTCHA. Please reload the page.',
  '',
  'Sign up for our daily newsletter',
  '© 2024 Harbour Gazette Media. All rights reserved.',
].join('\n');

test('cleanArticle: a made-up page loses its chrome and keeps every body sentence, losslessly', () => {
  const a = cleanArticle(raw(PAGE), {});
  assertLossless(a);
  const body = [
    'VALMORA, March 3 (Wirepress) – Dock workers in the port of Valmora voted on Tuesday to end a two-week strike.',
    '“We have what we came for,” union leader Ana Petrov told reporters after the vote.',
    'The port authority said ships would be unloaded from Wednesday.',
    'Talks on pensions will resume next month, both sides said.',
  ];
  assert.equal(a.text, body.join('\n\n'));
  const reasons = Object.fromEntries(a.removed.map((r) => [r.text, r.reason]));
  assert.deepEqual(reasons, {
    'Skip to main content': 'navigation',
    'World News Politics | The Harbour Gazette': 'site-name',
    'Port Workers Vote to End Strike - The Harbour Gazette Online': 'title',
    'Share on Facebook': 'share',
    'Cranes stand idle at the northern quay (AFP)': 'caption',
    'Petrov: the port owes us more than wages': 'promo',
    'Related articles': 'related',
    'Ferry Operators Warn of Delays': 'related',
    'Fishermen Join Protest Over Quotas': 'related',
    'Leave a Reply': 'comment-form',
    'Please enter your comment!': 'comment-form',
    'Please enter your name here': 'comment-form',
    'This site uses reCAPTCHA. Please reload the page.': 'captcha',
    'Sign up for our daily newsletter': 'newsletter',
    '© 2024 Harbour Gazette Media. All rights reserved.': 'publisher',
  });
  assert.equal(a.meta.title.value, 'Port Workers Vote to End Strike');
  assert.equal(a.meta.outlet.value, 'The Harbour Gazette');
  assert.equal(a.meta.outlet.method, 'text:site-name');
  assert.equal(a.meta.dateline.value, 'VALMORA');
  const span = a.meta.dateline.span;
  assert.ok(span);
  assert.equal(a.text.slice(span.start, span.end), 'VALMORA');
  assert.equal(a.meta.published.value, null, 'no date is invented');
});

test('cleanArticle: ingest metadata wins; assumePublished only fills a missing date', () => {
  const text = 'Bridge Reopens After Repairs\n\nThe old bridge over the river reopened to traffic on Friday morning.';
  const given = cleanArticle(
    raw(text, {
      title: { value: 'Bridge reopens', method: 'meta:og:title', confidence: 1 },
      published: { value: { value: '2020-05-01' }, method: 'meta:article:published_time', confidence: 1 },
    }),
    { assumePublished: '2021-01-01' },
  );
  assert.equal(given.meta.title.value, 'Bridge reopens');
  assert.equal(given.meta.published.value?.value, '2020-05-01');
  assert.equal(given.meta.published.method, 'meta:article:published_time');
  const assumed = cleanArticle(raw(text), { assumePublished: '2021-01-01' });
  assert.equal(assumed.meta.published.value?.value, '2021-01-01');
  assert.equal(assumed.meta.published.method, 'option:published');
  assert.equal(cleanArticle(raw(text), {}).meta.published.value, null);
  assert.throws(() => cleanArticle(raw(text), { assumePublished: 'yesterday' }), /not an ISO date/);
});

test('cleanArticle: a lede is not taken for a title; a repeated standfirst goes once', () => {
  const lede = cleanArticle(raw('The council approved the new budget on Monday after a long debate.\nIt takes effect in May.'), {});
  assert.equal(lede.meta.title.value, null);
  assert.equal(lede.removed.length, 0);
  const dup = 'Mayor Backs Tram Plan\n\nThe mayor says the tram will cut traffic by a third.\nThe mayor says the tram will cut traffic by a third.\n\nConstruction starts next year, officials said.';
  const a = cleanArticle(raw(dup), {});
  assertLossless(a);
  assert.equal(a.text, 'The mayor says the tram will cut traffic by a third.\n\nConstruction starts next year, officials said.');
  assert.deepEqual(a.removed.map((r) => r.reason), ['title', 'duplicate']);
});

test('cleanArticle: closing byline and an about box with what follows it', () => {
  const text = [
    'Rivers Rise Across the Valley',
    'Heavy rain raised river levels across the valley for a third day, forecasters said.',
    'Residents were told to stay away from the banks.',
    '-- Marta Lindqvist',
    'About This Blog',
    'A blog about weather, rivers and the people who live beside them.',
    'Latest Posts',
  ].join('\n');
  const a = cleanArticle(raw(text), {});
  assert.equal(a.meta.byline.value, 'Marta Lindqvist');
  assert.equal(a.meta.byline.method, 'text:closing-byline');
  assert.equal(a.text, 'Heavy rain raised river levels across the valley for a third day, forecasters said.\n\nResidents were told to stay away from the banks.');
  assert.deepEqual(a.removed.map((r) => r.reason), ['title', 'byline', 'about-box', 'about-box', 'about-box']);
});

test('cleanArticle: byline and date lines in the header', () => {
  const text = 'Tunnel Opens Two Years Late\nBy Jon Ekberg and Sara Holm\nPublished: June 4, 2019\n\nThe rail tunnel under the bay opened on Tuesday, two years behind schedule.';
  const a = cleanArticle(raw(text), {});
  assert.equal(a.meta.title.value, 'Tunnel Opens Two Years Late');
  assert.equal(a.meta.byline.value, 'Jon Ekberg and Sara Holm');
  assert.equal(a.meta.published.value?.value, '2019-06-04');
  assert.equal(a.meta.published.method, 'text:date-line');
  assert.equal(a.text, 'The rail tunnel under the bay opened on Tuesday, two years behind schedule.');
});

test('articleId: stable across line ends and spacing, different for other texts', () => {
  assert.equal(articleId('A  text\r\nhere'), articleId('A text\nhere'));
  assert.notEqual(articleId('A text'), articleId('Another text'));
  assert.match(articleId('x'), /^[0-9a-f]{16}$/);
});

test('splitBlocks keeps raw offsets of trimmed lines', () => {
  const text = '  Title \u00a0\r\n\r\nBody one.\nBody two.  ';
  for (const b of splitBlocks(text)) assert.equal(text.slice(b.rawStart, b.rawEnd), b.text);
  assert.deepEqual(splitBlocks(text).map((b) => b.text), ['Title', 'Body one.', 'Body two.']);
});

test('readDateline', () => {
  const cases: [string, string | null][] = [
    ['MOSCOW (Wirepress) - The ministry said on Monday ...', 'MOSCOW'],
    ['WASHINGTON, Jan. 5 — Lawmakers returned to work ...', 'WASHINGTON'],
    ['Beirut – Talks stalled again on Friday.', 'Beirut'],
    ['SAN MARCOS, Texas (Wirepress) — A storm hit the town.', 'SAN MARCOS'],
    ['NAIROBI: Prices rose sharply in March.', 'NAIROBI'],
    ['Iran, Russia and Turkey have agreed to meet.', null],
    ['Vera Lind - the film about a baker - won the prize.', null],
    ['The minister – a former judge – resigned.', null],
    ['Valmora: the port reopens', null],
  ];
  for (const [text, place] of cases) assert.equal(readDateline(text)?.place ?? null, place, text);
});

test('chromeReason and shape rules', () => {
  const lines: [string, string | null][] = [
    ['› Subscribe', 'newsletter'],
    ['Accessibility links', 'navigation'],
    ['BREAKING NEWS', 'banner'],
    ['Please enter your email address', 'comment-form'],
    ['The reCAPTCHA verification period has expired. Please reload the page.', 'captcha'],
    ['Get the latest headlines delivered to your inbox', 'newsletter'],
    ['Example Post delivers independent and in-depth coverage of the region.', 'publisher'],
    ['To learn more about republishing this content, please contact us.', 'publisher'],
    ['More from Business', 'related'],
    ['The minister said the newsletter of the party had been banned.', 'newsletter'],
    ['The union leader told members in a long letter that the newsletter, printed weekly since 1980, would continue to be sent to every member by post.', null],
    ['The talks resumed on Monday.', null],
  ];
  for (const [line, reason] of lines) assert.equal(chromeReason(line), reason, line);
  assert.equal(isCreditedCaption('Protesters gather in the square (AFP/Getty Images)'), true);
  assert.equal(isCreditedCaption('The agency said so (Wirepress).'), false);
  assert.equal(isCreditedCaption('He spoke to the BBC (in English)'), false);
  assert.equal(isPromoHeadline('Mayor: the tram will pay for itself'), true);
  assert.equal(isPromoHeadline('Ferry Operators Warn of Winter Delays'), true);
  assert.equal(isPromoHeadline('In the interview, the mayor referred to the "tram plan" and the budget'), false);
  assert.equal(endsLikeSentence('He called it “a crime.”'), true);
  assert.ok(titleCaseRatio('Port Workers Vote to End Strike') === 1);
});

test('header readers', () => {
  assert.equal(readByline('By Jane Smith, Wirepress'), 'Jane Smith');
  assert.equal(readByline('By the end of the week'), null);
  assert.equal(readClosingByline('— Jane Smith'), 'Jane Smith');
  assert.equal(readDateLine('Updated 2019-06-05 10:00')?.updated, true);
  assert.equal(readDateLine('Talks resume on June 4, 2019 in the capital'), null);
  assert.equal(readPublisherName('Example Eye delivers independent coverage of the region.'), 'Example Eye');
  assert.deepEqual(splitSiteSuffix('Bridge Reopens After Repairs | Example Times', []), { title: 'Bridge Reopens After Repairs', site: 'Example Times' });
  assert.deepEqual(splitSiteSuffix('Bridge reopens - but not for trucks', []), { title: 'Bridge reopens - but not for trucks', site: null });
});

// Clean corpora measure what the rules throw away by mistake: PolNeAR texts are a title line then the body,
// BBC texts are body only. Any removal other than the title is a body paragraph lost.

test('cleanArticle: a page with no body is an error naming the file and the reason', () => {
  assert.throws(() => cleanArticle(raw(''), {}), /test\.txt: no article body: the text is empty/);
  assert.throws(() => cleanArticle(raw('Subscribe\nMenu'), {}), /test\.txt: no article body: all 2 lines look like page chrome or header \(newsletter, navigation\)/);
});

test('cleanArticle: a "Site | tagline of sections" line is the site name, not the title', () => {
  const page = [
    'Riverside Morning Star | Local news, sport and weather for the Upper Valley',
    'Skip to main content',
    '',
    'Mill Closure Leaves Hundreds Without Work',
    '',
    'The last paper mill in the valley closed its gates on Friday after ninety years.',
  ].join('\n');
  const a = cleanArticle(raw(page), {});
  assert.equal(a.meta.title.value, 'Mill Closure Leaves Hundreds Without Work');
  assert.equal(a.meta.outlet.value, 'Riverside Morning Star');
  assert.equal(a.text, 'The last paper mill in the valley closed its gates on Friday after ninety years.');
});
