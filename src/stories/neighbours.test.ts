/**
 * The cap on stored pairs (`maxNeighbours`): a corpus of many near-identical articles stays one story without
 * storing every pair, and stories of ordinary size cluster exactly as with no cap.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryIndex, type StoryInput } from './storyIndex.js';
import { findDuplicates } from './duplicates.js';

// Fictional briefs: three events, each retold in many near-identical short items.
const EVENTS = [
  'Dockworkers at the Harbourtown container terminal walked out over night-shift pay, and the port authority said talks would resume.',
  'Floodwater covered the Greenmoor valley villages for a third day while rescue boats evacuated stranded families.',
  'The Riverton council approved a new budget that raises bus fares and cuts library opening hours from March.',
];

function briefs(perEvent: number): StoryInput[] {
  const out: StoryInput[] = [];
  for (let k = 0; k < perEvent; k++) {
    for (let e = 0; e < EVENTS.length; e++) out.push({ id: `e${e}-${k}`, text: `${EVENTS[e]} Reference ${1000 * e + k}.`, date: '2024-03-02' });
  }
  return out;
}

const storiesOf = (index: StoryIndex): string[][] => index.stories().map((s) => [...s.articles].sort());

test('many near-identical articles: each article stores at most the cap of pairs to earlier ones, and each event stays one story', () => {
  const inputs = briefs(40);
  const capped = new StoryIndex({ maxNeighbours: 5 });
  capped.add(inputs);
  const stories = storiesOf(capped);
  assert.equal(stories.length, 3, JSON.stringify(stories.map((s) => s.length)));
  for (const story of stories) assert.equal(new Set(story.map((id) => id.split('-')[0])).size, 1, 'one event per story');
  // pairs are stored both ways: an article's own (at most 5, to earlier articles) plus those later articles chose
  let stored = 0;
  for (const input of inputs) for (const _ of capped.similarTo(input.id)) stored++;
  assert.ok(stored <= 2 * 5 * inputs.length, `${stored} stored pair ends`);
  const uncapped = new StoryIndex({ maxNeighbours: 0 });
  uncapped.add(inputs);
  let all = 0;
  for (const input of inputs) for (const _ of uncapped.similarTo(input.id)) all++;
  assert.ok(all > 4 * stored, `uncapped ${all}, capped ${stored}`);
});

test('stories smaller than the cap cluster exactly as with no cap, added at once or in parts', () => {
  const inputs = briefs(6);
  // similarities depend on the document frequencies at each add(), so both are added in the same parts
  const reference = new StoryIndex({ maxNeighbours: 0 });
  reference.add(inputs.slice(0, 7));
  reference.add(inputs.slice(7));
  const capped = new StoryIndex({ maxNeighbours: 64 });
  capped.add(inputs.slice(0, 7));
  capped.add(inputs.slice(7));
  assert.deepEqual(storiesOf(capped), storiesOf(reference));
  for (const a of inputs) for (const b of inputs) assert.equal(capped.similarity(a.id, b.id), reference.similarity(a.id, b.id));
});

test('duplicates: a large group of copies is found without comparing every pair, with the weakest joining pair as its similarity', () => {
  const text = 'The port authority said on Monday that the night shifts at the container terminal would be reviewed by an outside panel before the summer.';
  const inputs = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, text: i % 2 ? text : `${text} Filed ${i}.`, outlet: `Outlet ${i % 3}` }));
  const groups = findDuplicates(inputs);
  assert.equal(groups.length, 1);
  assert.equal(groups[0].articles.length, 300);
  assert.equal(groups[0].kind, 'wire');
  assert.ok(groups[0].similarity > 0.7 && groups[0].similarity < 1, String(groups[0].similarity));
});
