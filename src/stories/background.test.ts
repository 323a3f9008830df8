import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Story } from '../model.js';
import { unknown } from '../model.js';
import { StoryIndex, linkBackground } from './index.js';

// Fictional articles on nine unrelated events of one province, a month apart: its governor and council are named in all of
// them (the corpus's topic), and two of them also name the same mayor and police chief.
const EVENTS: [string, string[]][] = [
  ['Heavy rain flooded the river villages, forcing hundreds of families from their homes.', ['Tomas Brenner', 'Ada Kroll']],
  ['A new primary school opened with room for four hundred pupils and a library.', ['Tomas Brenner', 'Ada Kroll']],
  ['The provincial orchestra played its first concert in the restored opera house.', []],
  ['Wildfire crews contained a blaze in the pine forests after three days of dry wind.', []],
  ['A strike by bus drivers stopped morning services as the union demanded higher wages.', []],
  ['Farmers reported the largest barley harvest in a decade after a mild spring.', []],
  ['The court jailed a former bank manager for stealing pension savings from retired miners.', []],
  ['Engineers finished the tunnel under the mountain pass, cutting the drive by an hour.', []],
  ['A museum of mining history opened in the old pit-head buildings, run by former miners.', []],
];

function linked(): Story[] {
  const index = new StoryIndex();
  index.add(EVENTS.map(([text, actors], i) => ({ id: `a${i}`, text, date: `2030-${String(i + 1).padStart(2, '0')}-10`, actors: ['Elena Marsh', 'Provincial Council', ...actors] })));
  // one story per article, whatever the clustering would make of such short texts: the links are under test
  const stories: Story[] = EVENTS.map((_, i) => ({
    id: `story-${i}`, articles: [`a${i}`], title: unknown<string>('test'), dateRange: null, keyActors: [], keyTerms: [], background: [],
  }));
  linkBackground(stories, index);
  return stories;
}

test('background links: shared actors link stories; the actors every story names link none', () => {
  const stories = linked();
  const storyOf = (i: number) => stories.find((s) => s.articles.includes(`a${i}`))!;
  const link = storyOf(0).background.find((l) => l.story === storyOf(1).id);
  assert.ok(link, `the stories sharing two actors are linked: ${JSON.stringify(storyOf(0).background)}`);
  assert.match(link.reason, /shares actors (Tomas Brenner, Ada Kroll|Ada Kroll, Tomas Brenner)/);
  for (let i = 2; i < EVENTS.length; i++) {
    assert.deepEqual(storyOf(i).background.filter((l) => l.reason.includes('shares actors')), [], `story ${i} shares no actor but the governor and council`);
  }
});
