import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline.js';
import type { Briefing, DateValue, Event, EventActor } from '../model.js';
import { known, unknown } from '../model.js';
import { eventRows, cameoLabel, eventDate, splitEventRows, SHOWN_EVENT_CONFIDENCE } from './wire.js';
import { renderEventsSection } from '../render/sections/events.js';
import { sentenceAnchor } from '../render/anchors.js';

// A made-up story told by two made-up outlets: no person, place or outlet of the sample articles.
const LEDGER = [
  '---',
  'title: Fishermen held in border row',
  'outlet: Northern Ledger',
  'published: 2021-03-11',
  '---',
  'Fishermen held in border row',
  '',
  'Ecuadorian police arrested twelve Peruvian fishermen in Quito on Tuesday.',
  '',
  'Peru condemned Ecuador over the arrests.',
  '',
  'Chile and Bolivia signed a fisheries accord in Santiago on March 2, 2021.',
].join('\n');
const HARBOUR = [
  '---',
  'title: Crew detained at sea',
  'outlet: Harbour Post <Daily>',
  'published: 2021-03-12',
  '---',
  'Crew detained at sea',
  '',
  'Ecuadorian police arrested twelve fishermen from Peru in Quito on Tuesday, officials said.',
].join('\n');

let story: Briefing | null = null;
async function twoOutlets(): Promise<Briefing> {
  story ??= await analyze([
    { path: 'ledger.md', data: LEDGER },
    { path: 'harbour.md', data: HARBOUR },
  ]);
  return story;
}

test('the same arrest told by two outlets is one row, dated from its own sentence and placed after "in"', async () => {
  const b = await twoOutlets();
  const rows = eventRows(b).filter((r) => r.type === 'COERCE');
  assert.equal(rows.length, 1, 'one row for the arrest');
  const [row] = rows;
  assert.deepEqual(row.articles, b.articles.map((a) => a.id), 'cited by both articles, in briefing order');
  assert.equal(row.cameo, '173');
  assert.equal(row.source?.code, 'ECUCOP');
  assert.equal(row.target?.code?.slice(0, 3), 'PER');
  // "Tuesday" in articles of Thursday 11 and Friday 12 March: the same day, its weekday stated, the rest implied
  assert.equal(row.date?.value, '2021-03-09');
  assert.deepEqual(row.date?.known, ['weekday']);
  assert.ok(row.date?.implied?.includes('day'));
  assert.equal(row.location, 'Quito');
});

test('dates: stated, implied, or unknown — never the publication date', async () => {
  const b = await twoOutlets();
  const events = b.events ?? [];
  const byTrigger = (word: string): Event[] => events.filter((e) => b.articles.find((a) => a.id === e.trigger.article)?.text.slice(e.trigger.start, e.trigger.end) === word);
  const table: [trigger: string, value: string | null, implied: string[] | null, method: RegExp][] = [
    ['arrested', '2021-03-09', ['year', 'month', 'day'], /^time:same-clause\+implied$/],
    ['condemned', null, null, /^not-found:/],
    ['signed', '2021-03-02', [], /^time:same-clause$/],
  ];
  for (const [trigger, value, implied, method] of table) {
    const found = byTrigger(trigger);
    assert.ok(found.length > 0, `an event for "${trigger}"`);
    for (const e of found) {
      assert.equal(e.date.value?.value ?? null, value, trigger);
      assert.deepEqual(e.date.value?.implied ?? null, implied, trigger);
      assert.match(e.date.method, method, trigger);
      if (value === null) assert.equal(e.date.confidence, 0);
    }
  }
});

test('places: a place after "in" is where the event happened, not its target; sides link to the actors', async () => {
  const b = await twoOutlets();
  const signed = (b.events ?? []).filter((e) => e.cameo === '057');
  assert.ok(signed.length >= 1, 'the accord is coded');
  for (const e of signed) {
    assert.equal(e.location.value, 'Santiago');
    assert.equal(e.target, null, 'Santiago is where the accord was signed, not a party to it');
    // the city only locates the signing: it is named as the place, and is no actor of the story
    assert.equal(e.locationActor ?? null, null, 'a place that only locates is no actor');
    assert.ok(e.source?.actor && b.actors.some((a) => a.id === e.source?.actor), 'the source links to its actor');
  }
  const condemned = (b.events ?? []).find((e) => e.type === 'ACCUSE');
  assert.ok(condemned, 'the condemnation is coded');
  assert.equal(condemned.location.value, null, 'no "in <place>" in the sentence: unknown');
  assert.ok(condemned.target?.actor && b.actors.find((a) => a.id === condemned.target?.actor)?.name === 'Ecuador');
});

test('the events section: one row per merged event, a citation per article to its sentence, all escaped', async () => {
  const b = await twoOutlets();
  const html = renderEventsSection(b);
  assert.ok(html, 'a section');
  const arrest = html.split('<tr>').find((row) => row.includes('COERCE'));
  assert.ok(arrest, 'the arrest row');
  for (const article of b.articles) assert.ok(arrest.includes(`href="#${sentenceAnchor(article.id, 0)}"`), `cites ${article.meta.outlet.value}`);
  assert.match(arrest, /Northern Ledger/);
  assert.match(arrest, /Harbour Post &lt;Daily&gt;/);
  assert.match(arrest, /2021-03-09/);
  assert.match(arrest, /Quito/);
  assert.match(arrest, /Arrest, detain/i, 'the CAMEO label');
  assert.doesNotMatch(html, /<Daily>/, 'what comes from an article is escaped');
});

// Rows built from hand-made events: the merge rule alone.
function side(text: string, actor: string | null, code: string | null): EventActor {
  return { span: { article: 'x', start: 0, end: text.length }, text, code, country: code?.slice(0, 3) ?? null, sector: null, actor };
}
function event(article: string, source: EventActor | null, target: EventActor | null, date: string | null, negated = false): Event {
  const value: DateValue | null = date ? { value: date, known: ['day'], implied: [] } : null;
  return {
    type: 'ASSAULT',
    cameo: '190',
    mode: null,
    source,
    target,
    negated,
    hypothetical: false,
    future: false,
    historical: false,
    reportedBy: null,
    date: value ? known(value, 'test', 1) : unknown('test'),
    location: unknown('test'),
    trigger: { article, start: 0, end: 1 },
    evidence: { article, start: 0, end: 1 },
    method: 'test',
    confidence: 1,
  };
}

test('eventRows: what merges and what does not', async (t) => {
  const a = side('Ruritania', 'ruritania', 'RUR');
  const bSide = side('Freedonia', 'freedonia', 'FRE');
  const unlinked = side('the militia', null, null);
  const cases: [name: string, events: Event[], rows: number][] = [
    ['same actors, same day, two articles', [event('1', a, bSide, '2020-05-04'), event('2', a, bSide, '2020-05-04')], 1],
    ['a month and a day in it are compatible', [event('1', a, bSide, '2020-05'), event('2', a, bSide, '2020-05-04')], 1],
    ['an unknown date is compatible', [event('1', a, bSide, null), event('2', a, bSide, '2020-05-04')], 1],
    ['different days are different events', [event('1', a, bSide, '2020-05-04'), event('2', a, bSide, '2020-05-05')], 2],
    ['the other direction is another event', [event('1', a, bSide, null), event('2', bSide, a, null)], 2],
    ['a denial is not the act', [event('1', a, bSide, null), event('2', a, bSide, null, true)], 2],
    ['unlinked actors merge on their words', [event('1', unlinked, a, null), event('2', side('The  Militia', null, null), a, null)], 1],
    ['neither source nor target: no row', [event('1', null, null, '2020-05-04')], 0],
  ];
  for (const [name, events, count] of cases) {
    await t.test(name, () => {
      const articles = ['1', '2'].map((id) => ({ id, text: 'x' })) as unknown as Briefing['articles'];
      const rows = eventRows({ events, actors: [], articles });
      assert.equal(rows.length, count);
      if (count === 1) assert.equal(rows[0].events.length, events.length);
    });
  }
  await t.test('the row keeps the most precise date', () => {
    const articles = ['1', '2'].map((id) => ({ id, text: 'x' })) as unknown as Briefing['articles'];
    const [row] = eventRows({ events: [event('1', a, bSide, '2020-05'), event('2', a, bSide, '2020-05-04')], actors: [], articles });
    assert.equal(row.date?.value, '2020-05-04');
  });
});

test('cameoLabel: codebook names, null for an unknown code', () => {
  assert.equal(cameoLabel('190'), 'Use conventional military force');
  assert.equal(cameoLabel('19'), 'Fight');
  assert.equal(cameoLabel('999'), null);
});

test('eventDate: the time of the event’s own clause, or nothing', async (t) => {
  // [sentence, trigger word, time words, TIMEX value, expected date value, expected method]
  const cases: [string, string, string, string, string | null, RegExp][] = [
    ['Ruritania shelled the port on 2020-05-04.', 'shelled', '2020-05-04', '2020-05-04', '2020-05-04', /^time:same-clause$/],
    ['On 2020-05-04, Ruritania shelled the port.', 'shelled', '2020-05-04', '2020-05-04', '2020-05-04', /^time:same-clause$/],
    ['The talks, which began in 2011, collapsed.', 'collapsed', '2011', '2011', null, /^not-found:/],
    ['Ruritania attacked the town that was founded in 1820.', 'attacked', '1820', '1820', null, /^not-found:/],
    ['Ruritania attacked the town on January 23.', 'attacked', 'January 23', 'XXXX-01-23', null, /^time:same-clause:unanchored$/],
    ['Ruritania attacked the town now.', 'attacked', 'now', 'PRESENT_REF', null, /^not-found:/],
  ];
  for (const [sentence, trigger, words, value, expected, method] of cases) {
    await t.test(sentence, () => {
      const span = (w: string) => ({ article: 'x', start: sentence.indexOf(w), end: sentence.indexOf(w) + w.length });
      const time = { span: span(words), text: words, type: 'DATE' as const, value, known: ['day' as const], implied: [], anchor: null, method: 'test', confidence: 1 };
      const date = eventDate({ trigger: span(trigger), evidence: { article: 'x', start: 0, end: sentence.length } }, sentence, [time]);
      assert.equal(date.value?.value ?? null, expected);
      assert.match(date.method, method);
      if (/unanchored/.test(date.method)) assert.deepEqual(date.span, span(words), 'the words are kept as the span');
    });
  }
});

// Made-up places and people: a city as the doer is dropped; an event inside a quote is reported by its speaker.
const CITY = [
  '---',
  'title: Port talks',
  'outlet: Coastal Courier',
  'published: 2021-05-04',
  '---',
  'Port talks',
  '',
  'Valparaiso sent soldiers to the border.',
  '',
  '"Chile will never cooperate with Bolivia," Maria Fuentes said.',
].join('\n');

test('kept events have an actor on a side, not a bare place; quoted events are reported by the speaker', async () => {
  const b = await analyze([{ path: 'city.md', data: CITY }]);
  const events = b.events ?? [];
  const typeOf = (id: string | null | undefined): string | undefined => b.actors.find((a) => a.id === id)?.type;
  for (const e of events) {
    for (const s of [e.source, e.target]) if (s) assert.ok(s.actor && typeOf(s.actor) !== 'LOC', `a linked actor: ${s.text}`);
    assert.ok(e.confidence > 0 && e.confidence <= 0.95, 'a confidence');
  }
  const text = b.articles[0].text;
  const quoted = events.filter((e) => e.trigger.start > text.indexOf('"Chile') && e.trigger.start < text.indexOf('," Maria'));
  assert.ok(quoted.length > 0, 'the quoted refusal is coded');
  for (const e of quoted) assert.match(text.slice(e.reportedBy?.start ?? 0, e.reportedBy?.end ?? 0), /Fuentes/, 'reported by the speaker');
  assert.ok(!events.some((e) => e.source && /Valparaiso/.test(e.source.text)), 'a city does not act');
});

test('splitEventRows: rows from the threshold are shown, the rest counted; a further outlet raises a row', () => {
  const a = side('Ruritania', 'ruritania', 'RUR');
  const z = side('Zembla', 'zembla', 'ZEM');
  const sure = { ...event('1', a, z, null), confidence: SHOWN_EVENT_CONFIDENCE };
  const unsure = { ...event('1', z, a, null), confidence: 0.5 };
  const twice = [{ ...event('1', a, null, null), confidence: 0.6 }, { ...event('2', a, null, null), confidence: 0.6 }];
  const articles = [{ id: '1', text: 'x' }, { id: '2', text: 'x' }] as unknown as Briefing['articles'];
  const { shown, lessCertain } = splitEventRows(eventRows({ events: [sure, unsure, ...twice], actors: [], articles }));
  assert.deepEqual(shown.map((r) => r.confidence).sort(), [0.7, 0.7]);
  assert.deepEqual(lessCertain.map((r) => r.confidence), [0.5]);
});
