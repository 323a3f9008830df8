/**
 * The `stories` section of `parallax eval seeds`: every pair of sample articles that gold.json gives a story
 * (`articles.*.story`) is one decision, same story or not, and it is right when the briefing's stories agree.
 * Pairwise rather than B-cubed because a handful of articles gives a handful of pairs, each worth reading.
 */
import type { Story } from '../model.js';
import type { SectionResult, SeedCase } from './seedcases.js';

/**
 * Pairwise same/different-story agreement between the briefing's stories and gold.json's story labels.
 *
 * @example
 * ```ts
 * const r = scoreSeedsStories(cases, briefing.stories ?? []);
 * r.found / r.total; // 1 when every pair is grouped as in gold
 * ```
 */
export function scoreSeedsStories(cases: readonly SeedCase[], stories: readonly Story[]): SectionResult {
  const storyOf = new Map<string, string>();
  for (const s of stories) for (const id of s.articles) storyOf.set(id, s.id);
  const labelled = cases.filter((c) => typeof c.gold.story === 'string');
  const misses: string[] = [];
  let found = 0;
  let total = 0;
  for (let i = 0; i < labelled.length; i++) {
    for (let j = i + 1; j < labelled.length; j++) {
      const a = labelled[i];
      const b = labelled[j];
      total++;
      const sameGold = a.gold.story === b.gold.story;
      const storyA = a.article ? storyOf.get(a.article.id) : undefined;
      const storyB = b.article ? storyOf.get(b.article.id) : undefined;
      if (storyA === undefined || storyB === undefined) {
        misses.push(`${a.file} & ${b.file}: ${storyA === undefined ? a.file : b.file} is in no story`);
        continue;
      }
      if ((storyA === storyB) === sameGold) found++;
      else misses.push(`${a.file} & ${b.file}: gold ${sameGold ? 'one story' : 'two stories'}, found ${sameGold ? 'two' : 'one'}`);
    }
  }
  return { found, total, misses };
}
