import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryIndex, type StoryIndexOptions, type StoryInput } from './storyIndex.js';
import { referredDays } from './index.js';
import { storyLanguage } from './terms.js';

// Fictional texts: a port strike told twice, with the same background paragraph.
const BACKGROUND = 'The port handles most of the region’s container traffic. Dockworkers last struck over pensions, and the port authority has since automated two terminals, which the union opposes.';
const WALKOUT = `Dockworkers at Harbourtown walked out over pay, halting cranes at every terminal. ${BACKGROUND}`;
const WALKOUT_AGAIN = `The Harbourtown walkout over pay halted cranes at every terminal for a second day. ${BACKGROUND}`;
const ELECTION = `The Harbourtown union elected a new leader by a narrow vote after a bitter campaign. ${BACKGROUND}`;

function similarity(a: StoryInput, b: StoryInput, options: Partial<StoryIndexOptions>): number {
  const index = new StoryIndex({ edgeFloor: 0, ...options });
  index.add([a, b]);
  return index.similarity(a.id, b.id);
}

test('named days: a pair naming no day within the window is discounted by the mismatch factor', () => {
  const cases: [string, string[], string[], boolean][] = [
    ['year-less days 38 days apart', ['XXXX-12-16'], ['XXXX-01-23'], true],
    ['across the new year on the cycle', ['XXXX-12-30'], ['2017-01-02'], false],
    ['the same day in years 3 apart', ['2014-12-16'], ['2017-12-16'], true],
    ['one shared day among others', ['XXXX-03-01', 'XXXX-05-09'], ['XXXX-05-12'], false],
    ['one side names no day', [], ['XXXX-01-01'], false],
  ];
  for (const [name, daysA, daysB, apart] of cases) {
    const a: StoryInput = { id: 'a', text: WALKOUT, days: daysA };
    const b: StoryInput = { id: 'b', text: WALKOUT_AGAIN, days: daysB };
    const plain = similarity(a, b, { dayMismatchFactor: 1 });
    const dated = similarity(a, b, { dayMismatchFactor: 0.5, dayWindow: 14 });
    assert.ok(Math.abs(dated - (apart ? plain * 0.5 : plain)) < 1e-9, `${name}: ${dated} vs ${plain}`);
  }
});

test('referredDays: days stated with month and day, year-less without a day-precise anchor, weekdays left out', () => {
  const text = 'Talks held on December 16 failed; envoys meet again on Wednesday, and in February.';
  assert.deepEqual(referredDays(text, null), ['XXXX-12-16']);
  assert.deepEqual(referredDays(text, '2014-12-20'), ['2014-12-16']);
  assert.deepEqual(referredDays('No dates at all.', null), []);
});

test('the lead is the event signature: a shared background paragraph counts for less when leads differ', () => {
  const walkout: StoryInput = { id: 'w', text: WALKOUT };
  const again: StoryInput = { id: 'w2', text: WALKOUT_AGAIN };
  const election: StoryInput = { id: 'e', text: ELECTION };
  const bodyOnly = similarity(walkout, election, { leadShare: 0 });
  const withLead = similarity(walkout, election, { leadShare: 0.7 });
  assert.ok(withLead < bodyOnly, `${withLead} < ${bodyOnly}`);
  // same event in both leads: the lead keeps them together
  assert.ok(similarity(walkout, again, { leadShare: 0.7 }) > withLead);
});

test('within-collection damping: a word every article of a small collection has stops gluing them', () => {
  const inputs: StoryInput[] = [
    { id: 'a', text: 'Harbourtown dockworkers strike over pay.' },
    { id: 'b', text: 'Harbourtown council approves a new library.' },
    { id: 'c', text: 'Harbourtown marathon draws record crowds.' },
    { id: 'd', text: 'Harbourtown bakery wins a regional prize.' },
  ];
  const simOf = (options: Partial<StoryIndexOptions>): number => {
    const index = new StoryIndex({ edgeFloor: 0, leadShare: 0, ...options });
    index.add(inputs);
    return index.similarity('a', 'b');
  };
  const undamped = simOf({ collectionMinDocs: 0 });
  const damped = simOf({ collectionMinDocs: 4, collectionFloor: 0.5 });
  assert.ok(undamped > 0 && damped < undamped, `${damped} < ${undamped}`);
  // too few articles to tell what the collection is about: no damping
  assert.equal(simOf({ collectionMinDocs: 5, collectionFloor: 0.5 }), undamped);
});

test('storyLanguage: Chinese by script, English or Malay by stop words, null when neither', () => {
  const cases: [string, string | null][] = [
    ['The police said the man was arrested at his home on Tuesday.', 'en'],
    ['Polis berkata lelaki itu ditahan di rumahnya pada hari Selasa dan akan didakwa.', 'ms'],
    ['警方说，这名男子星期二在家中被捕。', 'zh'],
    ['12345 67890', null],
  ];
  for (const [text, expected] of cases) assert.equal(storyLanguage(text), expected, text);
});

test('cross-language pairs are compared on the terms written alike: a Chinese report of the same flood joins, another story does not', () => {
  // fictional: one flood told in English and in Chinese, and an unrelated Chinese court report
  const english: StoryInput = {
    id: 'en',
    title: 'Typhoon floods Harbourtown, 1,300 families evacuated',
    text: 'A typhoon brought floods to Harbourtown on Tuesday, forcing 1,300 families from their homes, police said. Rescue teams used boats to reach 45 villages.',
  };
  const chinese: StoryInput = {
    id: 'zh',
    title: '台风引发洪水 Harbourtown 1300户家庭撤离',
    text: '警方说，台风给Harbourtown带来洪水，1300户家庭被迫撤离家园。救援队乘船前往45个村庄。当地居民表示，这是他们几十年来见过最严重的灾情，许多商店和学校被迫关闭，市长呼吁民众保持冷静。',
  };
  const court: StoryInput = { id: 'court', text: '法庭判处一名男子坐牢2个月。法官说，刑罚必须起到阻遏作用，被告承认欺骗罪。' };
  const simOf = (factor: number, other: StoryInput): number => similarity(english, other, { crossLanguageFactor: factor });
  const plain = simOf(0, chinese);
  const bridged = simOf(0.5, chinese);
  assert.ok(bridged > plain && bridged >= 0.18, `same flood: ${bridged} across languages vs ${plain} as one language`);
  assert.ok(simOf(0.5, court) < 0.05, `another story: ${simOf(0.5, court)}`);
});
