/**
 * The stories stage: duplicates and syndication, then articles grouped into stories by text, actors and time,
 * with background links between stories that share actors at another time.
 */
import type { Actor, Doc, DuplicateGroup, Story, StoryLink } from '../model.js';
import { known, unknown } from '../model.js';
import { StoryIndex, type StoryIndexOptions, type StoryInput, actorKey } from './storyIndex.js';
import { findDuplicates } from './duplicates.js';
import { describeGap, gapInDays, isoDay } from './dates.js';
import { extractTimes } from '../time/index.js';

export { StoryIndex, DEFAULT_STORY_OPTIONS, backgroundFrequencies, type StoryInput, type StoryCluster, type StoryIndexOptions } from './storyIndex.js';
export { findDuplicates, shingles, type DuplicateInput } from './duplicates.js';
export { storyTerms } from './terms.js';
export { pairSimilarity } from './pairs.js';

/** Stories whose articles are at least this similar, but were kept apart, are linked as background. */
const BACKGROUND_SIMILARITY = 0.08;
/** ... or that share at least this many actors. */
const BACKGROUND_SHARED_ACTORS = 2;

/**
 * The index inputs for analysed articles: title, clean text, the publication date (or the range it was
 * inferred to lie in), and the names of the linked actors each article mentions.
 *
 * @example
 * ```ts
 * const index = new StoryIndex();
 * index.add(storyInputs(docs, briefing.actors));
 * ```
 */
export function storyInputs(docs: readonly Doc[], actors: readonly Actor[] = []): StoryInput[] {
  const actorsByArticle = new Map<string, string[]>();
  for (const actor of actors) {
    // a place or demonym alone is weak evidence of one story, but people and organisations are kept with places:
    // the index weighs actors lightly and only against other actors
    for (const article of new Set(actor.aliases.map((a) => a.span.article))) {
      let list = actorsByArticle.get(article);
      if (!list) actorsByArticle.set(article, (list = []));
      list.push(actor.name);
    }
  }
  // the same text read twice has the same id: it is one article here (and an exact duplicate there)
  const seen = new Set<string>();
  const unique = docs.filter(({ article }) => !seen.has(article.id) && seen.add(article.id));
  return unique.map(({ article }) => {
    const published = article.meta.published.value;
    const input: StoryInput = {
      id: article.id,
      title: article.meta.title.value,
      text: article.text,
      date: published ? (published.from ?? published.value) : null,
      actors: actorsByArticle.get(article.id) ?? [],
      // a range ("not before 2011") is no anchor: only a publication date known to the day is
      days: referredDays(article.text, published && !published.from ? published.value : null),
    };
    if (published?.from) input.dateUntil = published.to ?? null;
    return input;
  });
}

/**
 * The days an article's dated expressions name ("December 16", "on 23 January 2017"): anchored on its
 * publication day when that is known to the day, else year-less (`XXXX-12-16`). Relative expressions ("on
 * Wednesday") are left out: without an anchor they name no day, and with one they only restate it.
 */
export function referredDays(text: string, published: string | null): string[] {
  const anchor = published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null;
  const days = new Set<string>();
  for (const ref of extractTimes(text, anchor, { chrono: false })) {
    if (ref.type !== 'DATE' || !ref.value || !ref.known.includes('day') || !ref.known.includes('month')) continue;
    if (/^(?:\d{4}|XXXX)-\d{2}-\d{2}$/.test(ref.value)) days.add(ref.value);
  }
  return [...days];
}

/**
 * Groups analysed articles into stories and finds their duplicates.
 *
 * @example
 * ```ts
 * const { stories, duplicates } = groupStories(docs, actors);
 * stories[0].articles; // ids of the articles of the largest story
 * ```
 */
export function groupStories(
  docs: readonly Doc[],
  actors: readonly Actor[] = [],
  options: Partial<StoryIndexOptions> = {},
): { stories: Story[]; duplicates: DuplicateGroup[] } {
  const inputs = storyInputs(docs, actors);
  const index = new StoryIndex(options);
  index.add(inputs);
  const titles = new Map(docs.map(({ article }) => [article.id, article.meta.title.value]));
  const clusters = index.stories();
  const stories: Story[] = clusters.map((c) => {
    const title = titles.get(c.central) ?? c.articles.map((id) => titles.get(id)).find((t) => t) ?? null;
    const bounded = c.articles.map((id) => index.rangeOf(id)).filter((r) => r !== null && Number.isFinite(r.to));
    return {
      id: `story-${c.central.slice(0, 12)}`,
      articles: c.articles,
      title: title ? known(title, 'story:central-article-title', 0.6) : unknown<string>('no-titles'),
      dateRange: bounded.length
        ? { from: isoDay(bounded.reduce((m, r) => Math.min(m, r!.from), Infinity)), to: isoDay(bounded.reduce((m, r) => Math.max(m, r!.to), -Infinity)) }
        : null,
      keyActors: c.actors,
      keyTerms: c.terms.filter((t) => !t.startsWith('@')),
      background: [],
    };
  });
  linkBackground(stories, index);
  const duplicates = findDuplicates(
    docs.map(({ article }) => ({ id: article.id, text: article.text, title: article.meta.title.value, outlet: article.meta.outlet.value })),
  );
  return { stories, duplicates };
}

/** Links every pair of stories that share actors or come close in text, with the reason, in both directions. */
function linkBackground(stories: Story[], index: StoryIndex): void {
  const actorSets = stories.map((s) => {
    const names = new Map<string, string>();
    for (const id of s.articles) for (const [k, name] of index.actorsOf(id)) if (!names.has(k)) names.set(k, name);
    return names;
  });
  for (let a = 0; a < stories.length; a++) {
    for (let b = a + 1; b < stories.length; b++) {
      const shared = [...actorSets[a].keys()].filter((k) => actorSets[b].has(k));
      const similarity = index.crossSimilarity(stories[a].articles, stories[b].articles);
      if (shared.length < BACKGROUND_SHARED_ACTORS && similarity < BACKGROUND_SIMILARITY) continue;
      const reasons: string[] = [];
      if (shared.length) {
        // the actors both stories name most, in the first story's order of importance
        const order = stories[a].keyActors.map(actorKey);
        shared.sort((x, y) => rank(order, x) - rank(order, y));
        const names = shared.slice(0, 4).map((k) => actorSets[a].get(k)!);
        reasons.push(`shares actors ${names.join(', ')}${shared.length > 4 ? ` and ${shared.length - 4} more` : ''}`);
      }
      reasons.push(`text similarity ${similarity.toFixed(2)}`);
      const gap = storyGap(stories[a], stories[b]);
      reasons.push(gap === null ? 'publication dates unknown' : `published ${describeGap(gap)} apart`);
      const named = index.namedDayGap(stories[a].articles, stories[b].articles);
      if (named !== null && named > index.options.dayWindow) reasons.push(`the days they name lie ${describeGap(named)} apart`);
      const reason = reasons.join('; ');
      const rounded = Number(similarity.toFixed(3));
      stories[a].background.push({ story: stories[b].id, reason, similarity: rounded } satisfies StoryLink);
      stories[b].background.push({ story: stories[a].id, reason, similarity: rounded });
    }
  }
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

function storyGap(a: Story, b: Story): number | null {
  if (!a.dateRange || !b.dateRange) return null;
  const day = (iso: string): number => Math.floor(Date.parse(iso) / 86_400_000);
  return gapInDays({ from: day(a.dateRange.from), to: day(a.dateRange.to) }, { from: day(b.dateRange.from), to: day(b.dateRange.to) });
}
