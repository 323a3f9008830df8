import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarValue, extractTimes } from './extract.js';
import { datedByEvents, eventDays } from './eventdays.js';
import { addDays, easter, isoWeek, parseDay, thanksgiving, weekday } from './calendar.js';
import { directionAround } from './tense.js';
import { durationValue } from './rules/index.js';

// Anchor: Wednesday 18 January 2017.
const ANCHOR = '2017-01-18';

/** [sentence, expression as found, type, value] */
const CASES: [string, string, string, string | null][] = [
  ['Officials said on Wednesday they were opposed.', 'Wednesday', 'DATE', '2017-01-18'],
  // the copula's tense governs an infinitive after "unable": the failure is past
  ['The council was unable to pass the budget on Monday.', 'Monday', 'DATE', '2017-01-16'],
  // a date naming an event names one that happened, whatever the sentence plans
  ['The panel will investigate the Aug. 4 blast at the harbour.', 'Aug. 4', 'DATE', '2016-08-04'],
  ['The panel will meet on Aug. 4 in the capital.', 'Aug. 4', 'DATE', '2017-08-04'],
  // "by" a month is a deadline unless the tense says it is past
  ['By July, the reservoir had dried up.', 'July', 'DATE', '2016-07'],
  ['The dam must be finished by July.', 'July', 'DATE', '2017-07'],
  // "this <weekday>" follows the tense, else the week (anchor: Wednesday)
  ['Crowds gathered this Monday in the square.', 'this Monday', 'DATE', '2017-01-16'],
  ['The council will vote this Friday.', 'this Friday', 'DATE', '2017-01-20'],
  ['The ministers will meet on Monday in Valmora.', 'Monday', 'DATE', '2017-01-23'],
  ['The talks should be represented in Valmora on Monday.', 'Monday', 'DATE', '2017-01-23'],
  ['The attack took place on Thursday in the capital.', 'Thursday', 'DATE', '2017-01-12'],
  ['He said it late on Tuesday.', 'late on Tuesday', 'DATE', '2017-01-17'],
  ['On Monday, the talks will begin.', 'Monday', 'DATE', '2017-01-23'],
  ["Tuesday's press conference was long.", 'Tuesday', 'DATE', '2017-01-17'],
  ['The rebels retook the city last month.', 'last month', 'DATE', '2016-12'],
  ['They will meet next week.', 'next week', 'DATE', '2017-W04'],
  ["Next week's talks mark a first.", 'Next week', 'DATE', '2017-W04'],
  ['The meeting is scheduled for mid-January.', 'mid-January', 'DATE', '2017-01'],
  ['The war has gone on since 2011.', '2011', 'DATE', '2011'],
  ['Earlier in the week, the minister said so.', 'Earlier in the week', 'DATE', '2017-W03'],
  ['He gave an interview on December 16.', 'December 16', 'DATE', '2016-12-16'],
  ['The meeting will take place on January 23, as planned.', 'January 23', 'DATE', '2017-01-23'],
  ['It was signed on Dec. 16, 2014.', 'Dec. 16, 2014', 'DATE', '2014-12-16'],
  ['It was signed on 16 December 2014.', '16 December 2014', 'DATE', '2014-12-16'],
  ['Filed on 2014-12-16 by the clerk.', '2014-12-16', 'DATE', '2014-12-16'],
  ['It happened in March 2015.', 'March 2015', 'DATE', '2015-03'],
  ['The town was two to three weeks from falling.', 'two to three weeks', 'DURATION', 'P2W'],
  ['The siege lasted a year and a half.', 'a year and a half', 'DURATION', 'P1Y6M'],
  ['They met for the past two months.', 'the past two months', 'DURATION', 'P2M'],
  ['The inspectors come every week.', 'every week', 'SET', 'P1W'],
  ['Prices are published daily.', 'daily', 'SET', 'P1D'],
  ['It ended two years ago.', 'two years ago', 'DATE', '2015'],
  ['Stocks rose yesterday.', 'yesterday', 'DATE', '2017-01-17'],
  ['The vote is due tomorrow.', 'tomorrow', 'DATE', '2017-01-19'],
  ['The country is now at peace.', 'now', 'DATE', 'PRESENT_REF'],
  ['Profit fell in the third quarter.', 'the third quarter', 'DATE', '2016-Q3'],
  ['Sales rose this year.', 'this year', 'DATE', '2017'],
  ['The bomb went off at 10:30 p.m. Tuesday.', '10:30 p.m. Tuesday', 'TIME', '2017-01-17T22:30'],
  ['He was there in the 1990s.', 'the 1990s', 'DATE', '199'],
  ["Sales slumped in the late '80s.", "the late '80s", 'DATE', '198'],
  ['Numbers fell through the nineties.', 'the nineties', 'DATE', '199'],
  ['It will be ready by next spring.', 'next spring', 'DATE', '2017-SP'],
  ['A four-year term.', 'four-year', 'DURATION', 'P4Y'],
  ['He was kidnapped with the boy to make the Tuesday trip.', 'Tuesday', 'DATE', '2017-01-17'],
  ['Officials hope to meet on Tuesday.', 'Tuesday', 'DATE', '2017-01-24'],
  ['Prices fell in January nineteen ninety-seven.', 'January nineteen ninety-seven', 'DATE', '1997-01'],
  ['We saw it in the winter of nineteen ninety-four.', 'the winter of nineteen ninety-four', 'DATE', '1994-WI'],
  ['He was shot last Oct. 23 at his home.', 'Oct. 23', 'DATE', '2016-10-23'],
  ['The offer had been scheduled to expire on Friday.', 'Friday', 'DATE', '2017-01-13'],
  ['The offer had been due to expire on Friday.', 'Friday', 'DATE', '2017-01-13'],
  ['The vote is scheduled to take place on Friday.', 'Friday', 'DATE', '2017-01-20'],
  ['Net rose 5% for the year ended Sept. 30.', 'the year', 'DURATION', 'P1Y'],
];

test('extractTimes: expressions and values anchored on Wednesday 2017-01-18', () => {
  for (const [sentence, expression, type, value] of CASES) {
    const refs = extractTimes(sentence, ANCHOR);
    const hit = refs.find((r) => r.text === expression);
    assert.ok(hit, `${sentence}: no expression "${expression}" (found ${refs.map((r) => `"${r.text}"`).join(', ') || 'none'})`);
    assert.equal(hit.type, type, `${sentence}: type`);
    assert.equal(hit.value, value, `${sentence}: value`);
  }
});

/** Words that look like times and are not, in these sentences. */
const NOT_TIMES: string[] = [
  'She may decide later.',
  'Thousands march in the capital.',
  'A 44-year-old man was arrested.',
  'Both were in their 80s.',
  'He flew four flights a week.',
  'The company cut its quarterly dividend.',
  'He was 52 years old.',
  'A second group joined the bid.',
  'Sales of $1.35 a share were reported.',
  'They watched "This Week" on ABC.',
  'The story ran in the Harbour Daily and the Valley Weekly.',
];

test('extractTimes: verbs, ages, rates and titles are not times', () => {
  for (const sentence of NOT_TIMES) {
    assert.deepEqual(
      extractTimes(sentence, ANCHOR).map((r) => r.text),
      [],
      sentence,
    );
  }
});

test('extractTimes: known and implied parts are kept apart', () => {
  const [monday] = extractTimes('They will meet on Monday.', ANCHOR);
  assert.deepEqual(monday.known, ['weekday']);
  assert.deepEqual(monday.implied, ['year', 'month', 'day']);
  assert.equal(monday.anchor, ANCHOR);
  const [full] = extractTimes('Signed on Dec. 16, 2014.', ANCHOR);
  assert.deepEqual(full.known.sort(), ['day', 'month', 'year']);
  assert.deepEqual(full.implied, []);
  assert.equal(full.anchor, null);
  const [mid] = extractTimes('Due in mid-January.', ANCHOR);
  assert.equal(mid.mod, 'MID');
});

test('extractTimes: spans cut the expression back out of the text, with the article id', () => {
  const text = 'On Monday, officials said the talks of January 23 would go ahead.';
  for (const r of extractTimes(text, ANCHOR, { article: 'a1' })) {
    assert.equal(text.slice(r.span.start, r.span.end), r.text);
    assert.equal(r.span.article, 'a1');
    assert.match(r.method, /^rule:/);
  }
});

test('extractTimes: without an anchor, relative values stay unknown and absolute ones are kept', () => {
  const refs = extractTimes('They met last week and will meet again on Dec. 16, 2014.', null);
  assert.equal(refs.find((r) => r.text === 'last week')?.value, null);
  assert.equal(refs.find((r) => r.text === 'last week')?.confidence, 0);
  assert.equal(refs.find((r) => r.text === 'Dec. 16, 2014')?.value, '2014-12-16');
});

test('extractTimes: a bad anchor is an error that says what is wrong', () => {
  assert.throws(() => extractTimes('Monday', 'yesterday'), /anchor "yesterday" is not an ISO date/);
});

test('extractTimes: "a year earlier" counts from the quarter told before', () => {
  const refs = extractTimes('Profit rose in the third quarter from $5 million a year earlier.', '1989-11-02');
  assert.equal(refs.find((r) => r.text === 'a year earlier')?.value, '1988-Q3');
});

test('directionAround: tense cues around a weekday', () => {
  const cases: [string, string, 'past' | 'future' | null][] = [
    ['He said Friday that he would go.', 'Friday', 'past'],
    ['He will go Friday.', 'Friday', 'future'],
    ['The father would be traveling to the United States Thursday.', 'Thursday', 'future'],
    ['The index rose to 452 on Friday.', 'Friday', 'past'],
    ['The company agreed to acquire the maker Friday.', 'Friday', 'past'],
    ['The court has scheduled a hearing Thursday.', 'Thursday', 'future'],
    ['He could come as early as Tuesday.', 'Tuesday', 'future'],
    ['Friday.', 'Friday', null],
  ];
  for (const [text, word, expected] of cases) {
    const i = text.indexOf(word);
    assert.equal(directionAround(text, i, i + word.length), expected, text);
  }
});

test('calendar: weeks, weekdays and movable feasts', () => {
  const d = parseDay('2017-01-18')!;
  assert.equal(weekday(d), 3);
  assert.deepEqual(isoWeek(d), { year: 2017, week: 3 });
  assert.deepEqual(isoWeek(parseDay('2021-01-01')!), { year: 2020, week: 53 });
  assert.deepEqual(addDays(d, 14), { year: 2017, month: 2, day: 1 });
  assert.deepEqual(easter(2017), { year: 2017, month: 4, day: 16 });
  assert.deepEqual(thanksgiving(1999), { year: 1999, month: 11, day: 25 });
  assert.equal(parseDay('2017-02-30'), null);
});

test('durationValue: units, halves and unknown counts', () => {
  const cases: [number | null, string, string | null][] = [
    [3, 'years', 'P3Y'],
    [1.5, 'year', 'P1Y6M'],
    [0.5, 'year', 'P6M'],
    [null, 'weeks', 'PXW'],
    [24, 'hours', 'PT24H'],
    [1.5, 'minute', 'PT1M30S'],
    [4, 'decades', 'P40Y'],
    [null, 'decades', 'PXY'],
    [2, 'quarters', 'P2Q'],
    [2, 'fortnights', 'P4W'],
  ];
  for (const [count, unit, expected] of cases) assert.equal(durationValue(count, unit), expected, `${count} ${unit}`);
});

test('extractTimes: "the following year/month" count from the time the narrative has reached', () => {
  const text = 'On May 22, 1995, he was made a general, and the following year he became attache. In March 1989 it hired advisers. The following month, it put itself up for sale.';
  const values = extractTimes(text, '1998-04-18').map((r) => [r.text, r.value]);
  assert.deepEqual(values, [
    ['May 22, 1995', '1995-05-22'],
    ['the following year', '1996'],
    ['March 1989', '1989-03'],
    ['The following month', '1989-04'],
  ]);
});

test('extractTimes: a bare clock time falls on the day the narrative has reached, else on the anchor', () => {
  const told = extractTimes('The blast came on Friday, Jan. 13. It happened at 10:35 a.m.', ANCHOR).map((r) => r.value);
  assert.deepEqual(told, ['2017-01-13', '2017-01-13T10:35']);
  const bare = extractTimes('Trading closed at 4 p.m.', ANCHOR).map((r) => r.value);
  assert.deepEqual(bare, ['2017-01-18T16:00']);
});

test('calendar values: a season is its year and a part of a day its day; TimeML values keep both', () => {
  const text = 'The board will meet this summer, and the vote comes tomorrow morning.';
  const timex = extractTimes(text, ANCHOR).map((r) => r.value);
  const calendar = extractTimes(text, ANCHOR, { values: 'calendar' }).map((r) => r.value);
  assert.deepEqual(timex, ['2017-SU', '2017-01-19TMO']);
  assert.deepEqual(calendar, ['2017', '2017-01-19']);
  assert.equal(calendarValue('2017-01-19T10:30'), '2017-01-19T10:30');
  assert.equal(calendarValue('XXXX-SU'), 'XXXX-SU');
});

test('the previous week counts back from the last week told, else from the article date', () => {
  const values = (text: string) => extractTimes(text, ANCHOR).map((r) => [r.text, r.value]);
  // anchor 2017-01-18 is in 2017-W03
  assert.deepEqual(values('Claims fell last week from the prior week.'), [['last week', '2017-W02'], ['the prior week', '2017-W01']]);
  assert.deepEqual(values('Sales rose in the week ended Jan. 7, up from the previous week.')[1], ['the previous week', '2016-W52']);
  assert.deepEqual(values('Prices rose from the previous week.'), [['the previous week', '2017-W02']]);
  // a day that is not a week's end tells no week: the previous week still counts from the last week told
  assert.deepEqual(values('Claims fell last week, the ministry said on Monday. The prior week was revised.')[2], ['The prior week', '2017-W01']);
});

test('days counted from an event: the present tense dates them, another article of the story too, else unknown', () => {
  assert.deepEqual(eventDays('On the eve of the Harbour Forum summit, the leaders met.').map((e) => [e.event, e.offset]), [['summit', -1]]);
  assert.deepEqual(eventDays('It happened on the second day of the trial and the day before the vote.').map((e) => [e.event, e.offset]), [['trial', 1], ['vote', -1]]);
  assert.deepEqual(eventDays('He left on the last day of the conference.').map((e) => e.offset), [null]);
  assert.deepEqual(eventDays('The first day of school was calm.'), []);
  const present = extractTimes('Ministers are gathering on the first day of the summit in Valmora.', ANCHOR, { values: 'calendar' });
  assert.deepEqual(present.map((r) => [r.text, r.value]), [['the first day of the summit', '2017-01-18']]);
  const past = extractTimes('On the eve of the summit, the minister announced a fund.', ANCHOR, { values: 'calendar' });
  assert.deepEqual(past.map((r) => [r.text, r.value]), [['the eve of the summit', null]]);
  // TimeML does not tag them
  assert.deepEqual(extractTimes('On the eve of the summit, the minister announced a fund.', ANCHOR), []);
  const [a, b] = datedByEvents([present, past]);
  assert.equal(a[0].value, '2017-01-18');
  assert.equal(b[0].value, '2017-01-17');
  // two articles that date the event differently date nothing
  const other = extractTimes('Ministers are gathering on the second day of the summit.', ANCHOR, { values: 'calendar' });
  assert.equal(datedByEvents([present, other, past])[2][0].value, null);
});

test('a bare season before a plural noun it modifies is this year’s; a bare season verb or noun is no time', () => {
  const values = (text: string) => extractTimes(text, ANCHOR, { values: 'calendar' }).map((r) => [r.text, r.value]);
  assert.deepEqual(values('The plan sets up long fall fights in the council.'), [['fall', '2017']]);
  assert.deepEqual(values('Prices fall sharply.'), []);
  assert.deepEqual(values('Stocks fall as rates rise.'), []);
  assert.deepEqual(values('The fall of the old bridge was filmed.'), []);
});
