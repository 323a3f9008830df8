import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Story } from '../model.js';
import type { SeedCase } from './seeds.js';
import { scoreSeedsStories } from './seedsStories.js';

test('scoreSeedsStories: pairwise same/different-story agreement, a missing story is a miss', () => {
  const seedCase = (file: string, story: string, id: string | null): SeedCase =>
    ({ file, raw: '', gold: { story }, article: id ? ({ id } as SeedCase['article']) : null }) as SeedCase;
  const stories = [{ id: 's1', articles: ['a', 'b'] }, { id: 's2', articles: ['c'] }] as Story[];
  const cases: [string, SeedCase[], number, number][] = [
    ['all right', [seedCase('1', 'x', 'a'), seedCase('2', 'x', 'b'), seedCase('3', 'y', 'c')], 3, 3],
    ['one wrongly merged pair', [seedCase('1', 'x', 'a'), seedCase('2', 'y', 'b'), seedCase('3', 'y', 'c')], 1, 3],
    ['an article that failed', [seedCase('1', 'x', 'a'), seedCase('2', 'x', null)], 0, 1],
  ];
  for (const [name, input, found, total] of cases) {
    const r = scoreSeedsStories(input, stories);
    assert.deepEqual([r.found, r.total], [found, total], name);
    assert.equal(r.misses.length, total - found, name);
  }
});
