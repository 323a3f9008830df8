import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storyTerms, foldWord } from './terms.js';
import { StoryIndex, type StoryInput } from './storyIndex.js';
import { findDuplicates, shingles } from './duplicates.js';
import { pairSimilarity } from './pairs.js';
import { dayRangeOf, gapInDays } from './dates.js';
import { bcubed, pearson, } from '../eval/stories.js';

// Fictional articles: two stories about a port strike and one about a flood, plus a later strike at the same port.
const STRIKE_A = 'Dockworkers at Harbourtown port walked out on Monday over pay, halting container traffic. The union said the strike would last until the port authority raised wages. Shipping lines diverted vessels to other terminals.';
const STRIKE_B = 'The strike by Harbourtown dockworkers entered its second day as the union and the port authority failed to agree on wages. Container ships waited offshore and shipping lines warned of delays.';
const FLOOD = 'Heavy rain flooded the river valley villages of Greenmoor, forcing hundreds of families from their homes. Rescue teams used boats to reach stranded residents as the river kept rising.';
const FLOOD_B = 'Floodwater from the swollen river covered Greenmoor villages for a third day; rescue boats evacuated families and the river was still rising, officials said.';

test('storyTerms: words folded, function words dropped, numbers kept, Han text as bigrams and concepts', () => {
  const cases: [string, string[]][] = [
    ["The union's talks", ['union', 'talk']],
    ['1,300 arrests', ['1300', 'arrest']],
    ['Singapore and Singapura', ['@sgp', '@sgp']],
    ['新加坡', ['@sgp']],
    ['飓风来袭', ['hurricane', '来袭']],
    // a Latin name written straight against Han text is a word of its own
    ['Harbourtown港口罢工', ['harbourtown', '港口', '口罢', '罢工']],
    // a number word multiplies the number before it, in any of the languages
    ['1.2 million', ['1200000']],
    ['1.2 juta', ['1200000']],
    ['120万元', ['1200000', '元']],
    ['0.5 billion', ['500000000']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(storyTerms(text), expected, text);
  assert.equal(foldWord('parties'), 'party');
  assert.equal(foldWord('crisis'), 'crisis');
});

test('dates: ranges of any precision and the gap between them', () => {
  const jan = dayRangeOf('2017-01')!;
  assert.equal(jan.to - jan.from, 30);
  assert.equal(gapInDays(dayRangeOf('2014-12-16')!, dayRangeOf('2017-01-18')!), 764);
  assert.equal(gapInDays(dayRangeOf('2017')!, dayRangeOf('2017-05-02')!), 0);
  assert.equal(dayRangeOf('not a date'), null);
});

function clusterIds(index: StoryIndex): string[][] {
  return index.stories().map((s) => [...s.articles].sort());
}

test('StoryIndex groups articles on one story apart from another story', () => {
  const index = new StoryIndex({ background: true });
  index.add([
    { id: 's1', text: STRIKE_A },
    { id: 'f1', text: FLOOD },
    { id: 's2', text: STRIKE_B },
    { id: 'f2', text: FLOOD_B },
  ]);
  assert.deepEqual(clusterIds(index).sort(), [['f1', 'f2'], ['s1', 's2']]);
  assert.ok(index.similarity('s1', 's2') > index.similarity('s1', 'f1'));
});

test('StoryIndex is incremental and deterministic: adding in batches gives the batch result', () => {
  const inputs: StoryInput[] = [
    { id: 's1', text: STRIKE_A },
    { id: 'f1', text: FLOOD },
    { id: 's2', text: STRIKE_B },
    { id: 'f2', text: FLOOD_B },
  ];
  const once = new StoryIndex();
  once.add(inputs);
  const stepwise = new StoryIndex();
  stepwise.add(inputs.slice(0, 2));
  const before = clusterIds(stepwise);
  assert.deepEqual(before.sort(), [['f1'], ['s1']]);
  stepwise.add(inputs.slice(2));
  assert.deepEqual(clusterIds(stepwise).sort(), clusterIds(once).sort());
  assert.throws(() => stepwise.add([{ id: 's1', text: STRIKE_A }]), /already added/);
});

test('StoryIndex keeps an article years apart on the same subject out of the story', () => {
  const index = new StoryIndex();
  index.add([
    { id: 'now1', text: STRIKE_A, date: '2024-03-04' },
    { id: 'now2', text: STRIKE_B, date: '2024-03-05' },
    { id: 'old', text: STRIKE_A.replace('Monday', 'Tuesday'), date: '2019-06-11' },
  ]);
  assert.deepEqual(clusterIds(index).sort(), [['now1', 'now2'], ['old']]);
});

test('findDuplicates: exact copies, wire copies across outlets, reposts with a new headline', () => {
  const wire = `${STRIKE_A} ${STRIKE_B}`;
  const groups = findDuplicates([
    { id: 'a', text: wire, outlet: 'Daily One', title: 'Port strike' },
    { id: 'b', text: `${wire} Local traders said business had slowed.`, outlet: 'Evening Two', title: 'Port strike' },
    { id: 'c', text: FLOOD, outlet: 'Daily One', title: 'Floods' },
    { id: 'd', text: FLOOD, outlet: 'Daily One', title: 'Villages under water' },
    { id: 'e', text: FLOOD_B, outlet: 'Daily One' },
  ]);
  const byFirst = new Map(groups.map((g) => [g.articles[0], g]));
  assert.equal(groups.length, 2);
  assert.equal(byFirst.get('a')!.kind, 'wire');
  assert.match(byFirst.get('a')!.reason, /2 outlets, 1 wire story/);
  assert.deepEqual(byFirst.get('c')!.articles, ['c', 'd']);
  assert.equal(byFirst.get('c')!.kind, 'repost');
  assert.ok(shingles(STRIKE_A).size > 20);
});

test('pairSimilarity ranks a same-story pair above a different-story pair', () => {
  const [same, different] = pairSimilarity([
    [STRIKE_A, STRIKE_B],
    [STRIKE_A, FLOOD],
  ]);
  assert.ok(same > different, `${same} > ${different}`);
});

test('bcubed and pearson on hand-worked cases', () => {
  assert.deepEqual(bcubed([1, 1, 2], [1, 1, 2]), { p: 1, r: 1, f1: 1 });
  const split = bcubed([0, 1, 2], [5, 5, 5]);
  assert.equal(split.p, 1);
  assert.ok(Math.abs(split.r - 1 / 3) < 1e-9);
  assert.ok(Math.abs(pearson([1, 2, 3], [1, 2, 3]) - 1) < 1e-12);
  assert.ok(Math.abs(pearson([1, 2, 3], [3, 2, 1]) + 1) < 1e-12);
  assert.throws(() => bcubed([1], [1, 2]), /1 predictions for 2 items/);
});
