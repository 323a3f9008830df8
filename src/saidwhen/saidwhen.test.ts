import test from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, BriefingArticle, DateValue, Field, Quote, Span } from '../model.js';
import { known, unknown } from '../model.js';
import { analyze } from '../pipeline.js';
import { renderHtml } from '../render/html.js';
import { anchorDay, buildTimeline, linkSpeakers, quotesBySpeaker, sameWords, speakerMention } from './index.js';

test('anchorDay: the publication day, the start of a narrow range, else null', () => {
  const cases: [Field<DateValue>, string | null][] = [
    [known({ value: '2019-03-04' }, 'meta:date', 1), '2019-03-04'],
    [known({ value: '2019-03-04T08:00:00Z' }, 'meta:date', 1), '2019-03-04'],
    [known({ value: '2019-03-01', from: '2019-03-01', to: '2019-03-20' }, 'inferred', 0.6), '2019-03-01'],
    [known({ value: '2015-01-01', from: '2015-01-01', to: '2019-03-20' }, 'inferred', 0.4), null],
    [known({ value: '2011-01-01', from: '2011-01-01' }, 'inferred', 0.2), null],
    [known({ value: '2019-03' }, 'meta:date', 1), null],
    [unknown('not-found:published'), null],
  ];
  for (const [field, want] of cases) assert.equal(anchorDay(field), want, JSON.stringify(field.value));
});

test('sameWords: trimmed or lightly reworded quotes match, different ones do not', () => {
  const cases: [string, string, boolean][] = [
    ['“The harbour will reopen on Friday,” she said', 'the harbour will reopen on Friday', true],
    ['The harbour will reopen on Friday', 'The harbor will reopen on Friday', true],
    ['The harbour will reopen on Friday', 'The harbour will not reopen before Monday', false],
    ['We will not sign the treaty this year', 'we will not sign this treaty this year', true],
    ['We will not sign', 'The talks have failed', false],
    ['yes', 'yes, indeed', false],
  ];
  for (const [a, b, want] of cases) assert.equal(sameWords(a, b), want, `${a} / ${b}`);
});

const span = (article: string, start: number, end: number): Span => ({ article, start, end });

function quote(article: string, content: Span, source: Span | null, antecedent: Span | null = null): Quote {
  return { kind: 'direct', cue: null, content: [content], source, antecedent, speaker: null, channel: null, method: 'test', confidence: 0.7 };
}

function actor(id: string, name: string, type: Actor['type'], aliases: [Span, Actor['aliases'][number]['kind']][]): Actor {
  return {
    id,
    name,
    type,
    aliases: aliases.map(([s, kind]) => ({ span: s, text: name, kind, method: 'test', confidence: 1 })),
    role: unknown(),
    country: unknown(),
    organisation: unknown(),
    codes: [],
    method: 'test',
    confidence: 1,
  };
}

test('linkSpeakers: antecedent first, people before places, a demonym, a town or a place as modifier names nobody', () => {
  //            0         1         2         3         4         5
  //            0123456789012345678901234567890123456789012345678901234
  const text = 'Mayor Ilse Varga of Tornby said the port will close.';
  const a = 'art1';
  const varga = actor('ilse-varga', 'Ilse Varga', 'PERSON', [[span(a, 6, 16), 'name']]);
  const tornby = actor('tornby', 'Tornby', 'GPE', [[span(a, 20, 26), 'name']]);
  const q = quote(a, span(a, 32, 51), span(a, 0, 26));
  assert.equal(linkSpeakers([q], [tornby, varga])[0].speaker, 'ilse-varga');
  // The place alone in the mention, as its modifier: no speaker.
  assert.equal(linkSpeakers([q], [tornby])[0].speaker, null);
  // A town as the head of the mention ("Tornby said") is its unnamed officials: no speaker (see speakers.test.ts).
  const q2 = quote(a, span(a, 32, 51), span(a, 20, 26));
  assert.equal(linkSpeakers([q2], [tornby])[0].speaker, null);
  // A pronoun source with a name antecedent: the antecedent decides.
  const q3 = quote(a, span(a, 32, 51), span(a, 27, 31), span(a, 6, 16));
  assert.equal(linkSpeakers([q3], [varga])[0].speaker, 'ilse-varga');
  const demonym = actor('tornbian', 'Tornby', 'GPE', [[span(a, 20, 26), 'demonym']]);
  assert.equal(linkSpeakers([q2], [demonym])[0].speaker, null);
  assert.equal(text.slice(6, 16), 'Ilse Varga');
});

test('speakerMention: the mention without its article; unresolved pronouns name nobody', () => {
  const text = 'The harbour master said it would rain. It said so. He said no.';
  const cases: [Span, string | null][] = [
    [span('x', 0, 18), 'harbour master'],
    [span('x', 39, 41), null],
    [span('x', 51, 53), null],
  ];
  for (const [s, want] of cases) assert.equal(speakerMention({ text }, quote('x', span('x', 24, 37), s)), want, text.slice(s.start, s.end));
});

function article(id: string, outlet: string | null, text: string, extra: Partial<BriefingArticle> = {}): BriefingArticle {
  return {
    id,
    source: { path: `${id}.txt`, format: 'text' },
    meta: {
      title: unknown(),
      outlet: outlet ? known(outlet, 'test', 1) : unknown(),
      url: unknown(),
      published: unknown(),
      modified: unknown(),
      byline: unknown(),
      dateline: unknown(),
      language: known('en', 'test', 1),
    },
    text,
    removed: [],
    paragraphs: [{ start: 0, end: text.length }],
    sentences: [{ start: 0, end: text.length, paragraph: 0 }],
    notes: [],
    ...extra,
  };
}

test('quotesBySpeaker: one row for the same words from two outlets, grouped by actor, then by mention', () => {
  const t1 = '“The strike is over,” Ilse Varga said.';
  const t2 = 'Ilse Varga said: “The strike is over.” A dock worker said pay was low.';
  const linked = (q: Quote): Quote => ({ ...q, speaker: 'ilse-varga' });
  const a1 = article('a1', 'Harbour Times', t1, { quotes: [linked(quote('a1', span('a1', 0, 21), span('a1', 22, 32)))] });
  const a2 = article('a2', 'Coast Post', t2, {
    quotes: [
      linked(quote('a2', span('a2', 17, 38), span('a2', 0, 10))),
      quote('a2', span('a2', t2.indexOf('pay'), t2.length - 1), span('a2', t2.indexOf('A dock'), t2.indexOf(' said pay'))),
    ],
  });
  const varga = actor('ilse-varga', 'Ilse Varga', 'PERSON', [[span('a1', 22, 32), 'name']]);
  const groups = quotesBySpeaker({ articles: [a1, a2], actors: [varga] });
  assert.deepEqual(groups.map((g) => [g.key, g.name, g.rows.length]), [
    ['ilse-varga', 'Ilse Varga', 1],
    ['mention:dock worker', 'dock worker', 1],
  ]);
  assert.deepEqual(groups[0].rows[0].citations.map((c) => c.outlet), ['Harbour Times', 'Coast Post']);
});

test('buildTimeline: calendar-dated expressions only, statements by quote, sorted with the less precise first', () => {
  const text = 'The port opened in 2009. Officials said on Monday it would close. Talks lasted three weeks.';
  const s = [
    { start: 0, end: 24, paragraph: 0 },
    { start: 25, end: 65, paragraph: 0 },
    { start: 66, end: 91, paragraph: 0 },
  ];
  const times = [
    { span: span('a', 19, 23), text: '2009', type: 'DATE' as const, value: '2009', known: ['year' as const], implied: [], anchor: null, method: 't', confidence: 1 },
    { span: span('a', 40, 49), text: 'on Monday', type: 'DATE' as const, value: '2009-03-02', known: ['weekday' as const], implied: ['year' as const, 'month' as const, 'day' as const], anchor: '2009-03-04', method: 't', confidence: 1 },
    { span: span('a', 79, 90), text: 'three weeks', type: 'DURATION' as const, value: 'P3W', known: [], implied: [], anchor: null, method: 't', confidence: 1 },
  ];
  const q = { ...quote('a', span('a', 50, 64), span('a', 25, 34)), cue: span('a', 35, 39) };
  const entries = buildTimeline([article('a', 'Port News', text, { sentences: s, times: [times[1], times[0], times[2]], quotes: [q] })]);
  assert.deepEqual(entries.map((e) => [e.value, e.kind, e.quote]), [
    ['2009', 'event', null],
    ['2009-03-02', 'statement', 0],
  ]);
  assert.deepEqual(entries[1].implied, ['year', 'month', 'day']);
});

test('analyze: quotes, times and a timeline in the briefing; the HTML escapes quoted words', async () => {
  const text = [
    'Harbour Strike Ends',
    '',
    'Port director Ilse Varga said on Monday that the strike at the container terminal was over.',
    '',
    '“Ships will be unloaded again from Wednesday <b>at once</b>,” Varga told the Coast Post.',
  ].join('\n');
  const briefing = await analyze([{ path: 'strike.txt', data: text }], { assumePublished: '2019-03-06' });
  const [a] = briefing.articles;
  assert.ok(a.quotes && a.quotes.length >= 1, 'quotes found');
  assert.ok(a.times?.some((t) => t.text.includes('Monday') && t.value === '2019-03-04'), JSON.stringify(a.times?.map((t) => [t.text, t.value])));
  assert.ok((briefing.timeline ?? []).some((e) => e.value === '2019-03-04'));
  const html = renderHtml(briefing);
  assert.match(html, /id="quotes"/);
  assert.match(html, /id="timeline"/);
  assert.ok(!html.includes('<b>at once</b>'), 'article markup is escaped');
});

test('analyze: without metadata or option the publication date is inferred as a range or unknown, never today', async () => {
  const today = new Date().toISOString().slice(0, 10);
  const text = 'Talks\n\nThe dispute began in 2012. Ministers will meet on March 3, 2031, officials said.';
  const briefing = await analyze([{ path: 'talks.txt', data: text }], {});
  const published = briefing.articles[0].meta.published;
  assert.equal(published.method, 'inferred');
  assert.deepEqual({ from: published.value?.from, to: published.value?.to }, { from: '2012-01-01', to: '2031-03-03' });
  assert.notEqual(published.value?.value, today);
});

test('"tomorrow" in a quote counts from the day the words were said, outside quotes from the publication day', async () => {
  const text = [
    'Ferry Service Halted',
    '',
    'The harbour board halted the ferry service, its director said on Tuesday.',
    '',
    'Crews “will inspect the hulls tomorrow and report,” a board official said. The ferries will sail again tomorrow, the paper understands.',
  ].join('\n');
  // published on Wednesday 2019-03-06: the quote was given on Tuesday, so its "tomorrow" is Wednesday
  const briefing = await analyze([{ path: 'ferry.txt', data: text }], { assumePublished: '2019-03-06' });
  const times = briefing.articles[0].times ?? [];
  const tomorrows = times.filter((t) => t.text === 'tomorrow').map((t) => t.value);
  assert.deepEqual(tomorrows, ['2019-03-06', '2019-03-07'], JSON.stringify(times.map((t) => [t.text, t.value, t.method])));
});
