/**
 * The big sections stay readable on a large briefing: actor rows cap their mention chips per outlet and list
 * the rarely named actors compactly; stories show single-article stories as one line and only the strongest
 * background links. Briefings are real pipeline output on a made-up story, widened with more actors and stories
 * built from its own mentions, so every chip still cites a real sentence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Briefing, Story } from '../../model.js';
import { analyze } from '../../pipeline.js';
import { ALL_ROWS_FULL_UP_TO, CHIPS_PER_OUTLET, CHIPS_PER_OUTLET_LARGE, renderActorsSection } from './actors.js';
import { BACKGROUND_LINKS_SHOWN, STORIES_ALL_FULL_UP_TO, renderStoriesSection } from './stories.js';

const STORY = [
  'Ferry talks divide the islands',
  '',
  'Icelandic Transport Minister Sigrun Berg said on Monday that Denmark should be invited to the ferry talks.',
  '',
  'Berg later said there was no reason for Denmark to attend the talks.',
].join('\n');

const base = await analyze([{ path: 'ferry.txt', data: STORY }]);

/** The base briefing plus one actor named `mentions` times and `extra` actors named once, each `<b>`-marked. */
function widened(mentions: number, extra: number): Briefing {
  const seed = base.actors.find((a) => a.aliases.length > 0);
  assert.ok(seed, 'the made-up story has an actor with a mention');
  const alias = seed.aliases[0];
  const many: Actor = { ...seed, id: 'many', name: 'Often <b>Named</b>', aliases: Array.from({ length: mentions }, () => ({ ...alias })) };
  const once = Array.from({ length: extra }, (_, i): Actor => ({ ...seed, id: `once-${i}`, name: `Once <b>${i}</b>`, aliases: [{ ...alias }] }));
  return { ...base, actors: [many, ...once] };
}

const chipsIn = (html: string, id: string): number => {
  const row = html.match(new RegExp(`<tr id="actor-${id}">.*?</tr>`, 's'))?.[0] ?? '';
  return [...row.matchAll(/<a class="cite/g)].length;
};

test('actors: a small briefing caps chips per outlet, counts the rest, and has no collapsed list', () => {
  const html = renderActorsSection(widened(12, 3));
  assert.ok(html);
  assert.equal(chipsIn(html, 'many'), CHIPS_PER_OUTLET);
  assert.match(html, new RegExp(`and ${12 - CHIPS_PER_OUTLET} more in this outlet`));
  assert.doesNotMatch(html, /<details/);
  for (let i = 0; i < 3; i++) assert.match(html, new RegExp(`<tr id="actor-once-${i}">`), 'every actor has a full row');
});

test('actors: a many-actor briefing lists actors of one article compactly, escaped, each keeping its anchor', () => {
  const extra = ALL_ROWS_FULL_UP_TO + 20;
  const html = renderActorsSection(widened(12, extra));
  assert.ok(html);
  // the made-up story has one article, so no actor is in two: none earns a full row
  assert.doesNotMatch(html, /<tr id="actor-/);
  assert.match(html, new RegExp(`<details class="more-actors"><summary>${extra + 1} more actors`));
  for (let i = 0; i < extra; i++) assert.ok(html.includes(`<li id="actor-once-${i}">Once &lt;b&gt;${i}&lt;/b&gt; (`), `actor ${i} listed`);
  assert.doesNotMatch(html, /<b>/);
});

test('actors: a many-actor briefing gives actors in two articles full rows with fewer chips per outlet', async () => {
  const two = await analyze([
    { path: 'a.txt', data: STORY },
    { path: 'b.txt', data: STORY.replace('Monday', 'Tuesday') },
  ]);
  const seed = two.actors.find((a) => new Set(a.aliases.map((x) => x.span.article)).size === 2);
  assert.ok(seed, 'an actor is named in both articles');
  const many: Actor = { ...seed, id: 'many', aliases: Array.from({ length: 10 }, () => seed.aliases).flat() };
  const once = Array.from({ length: ALL_ROWS_FULL_UP_TO }, (_, i): Actor => ({ ...seed, id: `once-${i}`, aliases: [seed.aliases[0]] }));
  const html = renderActorsSection({ ...two, actors: [many, ...once] });
  assert.ok(html);
  const row = html.match(/<tr id="actor-many">.*?<\/tr>/s)?.[0] ?? '';
  const outlets = [...row.matchAll(/<span class="outlet">/g)].length;
  assert.ok(outlets >= 1);
  assert.equal(chipsIn(html, 'many'), CHIPS_PER_OUTLET_LARGE * outlets);
  assert.match(html, /more in this outlet/);
  assert.match(html, /<li id="actor-once-0">/);
});

test('stories: single-article stories become one line in a collapsed list; background links capped', () => {
  const focusArticle = base.articles[0].id;
  const stories: Story[] = Array.from({ length: STORIES_ALL_FULL_UP_TO + 5 }, (_, i) => ({
    id: `story-${i}`,
    articles: i === 0 ? [focusArticle, focusArticle] : [focusArticle],
    title: { value: `Story <i>${i}</i>`, method: 'test', confidence: 1 },
    dateRange: null,
    keyActors: [],
    keyTerms: [],
    background: [],
  }));
  stories[0].background = stories.slice(1).map((s, i) => ({ story: s.id, reason: `reason ${i}`, similarity: i / 100 }));
  const html = renderStoriesSection({ ...base, stories });
  assert.ok(html);
  assert.match(html, /<ol class="stories"><li id="story-0">/);
  assert.equal([...html.matchAll(/reason \d+/g)].length, BACKGROUND_LINKS_SHOWN, 'only the strongest links');
  assert.match(html, /reason 23/, 'the most similar link is kept');
  assert.match(html, new RegExp(`and ${stories.length - 1 - BACKGROUND_LINKS_SHOWN} more related stories`));
  assert.match(html, new RegExp(`<details class="more-stories"><summary>${stories.length - 1} more stories of one article each`));
  for (const s of stories) assert.ok(html.includes(`id="${s.id}"`), `${s.id} keeps its anchor`);
  assert.doesNotMatch(html, /<i>/);
});
