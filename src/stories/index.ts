/**
 * The stories stage: duplicates and syndication, then articles grouped into stories by text, actors and time,
 * with background links between stories that share actors at another time.
 */
import type { Actor, Doc, DuplicateGroup, Story, StoryLink } from '../model.js';
import { reclaim } from '../reclaim.js';
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
 * What the stories stage reads of an analysed article: the article alone (its text, title, dates), not its
 * tokens, sentences or mentions, which the store's corpus pass drops before the story index is built.
 */
export type StoryDoc = Pick<Doc, 'article'>;

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
export function storyInputs(docs: readonly StoryDoc[], actors: readonly Actor[] = []): StoryInput[] {
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
  docs: readonly StoryDoc[],
  actors: readonly Actor[] = [],
  options: Partial<StoryIndexOptions> = {},
): { stories: Story[]; duplicates: DuplicateGroup[] } {
  // the index (about 20 kB an article, 94 MB at 5,000 Reuters articles) and the clustering's working sets are
  // garbage before the duplicates are looked for: collected, they are not still held when those allocate
  const stories = indexedStories(docs, actors, options);
  reclaim();
  const duplicates = findDuplicates(
    docs.map(({ article }) => ({ id: article.id, text: article.text, title: article.meta.title.value, outlet: article.meta.outlet.value })),
  );
  return { stories, duplicates };
}

/** The stories of `groupStories`, with their background links. */
function indexedStories(docs: readonly StoryDoc[], actors: readonly Actor[], options: Partial<StoryIndexOptions>): Story[] {
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
  return stories;
}

/**
 * An actor named in more than this share of the stories (once there are at least `TOPIC_MIN_STORIES`) is the
 * corpus's topic, not a link: in a corpus about one campaign every story names both candidates, and linking on
 * them would tie every story to every other.
 */
const TOPIC_ACTOR_SHARE = 0.25;
const TOPIC_MIN_STORIES = 8;
/** The most background links a story keeps, strongest first: more is a list nobody reads. */
const BACKGROUND_LINKS_KEPT = 12;

/**
 * Links stories that share actors or come close in text, with the reason: each story keeps its strongest links
 * (text similarity, then shared actors). Candidates come from the actors' stories and the articles' stored
 * neighbours, so the work grows with the links there are, not with the square of the number of stories.
 */
export function linkBackground(stories: Story[], index: StoryIndex): void {
  const storyOf = new Map<string, number>();
  stories.forEach((s, k) => {
    for (const id of s.articles) storyOf.set(id, k);
  });
  const actorSets = stories.map((s) => {
    const names = new Map<string, string>();
    for (const id of s.articles) for (const [k, name] of index.actorsOf(id)) if (!names.has(k)) names.set(k, name);
    return names;
  });
  const storiesOfActor = new Map<string, number[]>();
  actorSets.forEach((names, k) => {
    for (const key of names.keys()) {
      const list = storiesOfActor.get(key);
      if (list) list.push(k);
      else storiesOfActor.set(key, [k]);
    }
  });
  const topic = (key: string): boolean =>
    stories.length >= TOPIC_MIN_STORIES && (storiesOfActor.get(key)?.length ?? 0) > TOPIC_ACTOR_SHARE * stories.length;
  const pairKey = (a: number, b: number): number => (a < b ? a * stories.length + b : b * stories.length + a);
  // shared (non-topic) actors and the best article similarity of each candidate pair of stories
  const shared = new Map<number, number>();
  for (const [key, list] of storiesOfActor) {
    if (topic(key) || list.length < 2) continue;
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      const k = pairKey(list[x], list[y]);
      shared.set(k, (shared.get(k) ?? 0) + 1);
    }
  }
  const similar = new Map<number, number>();
  for (const [k, s] of stories.entries()) {
    for (const id of s.articles) {
      for (const [other, sim] of index.similarTo(id)) {
        const o = storyOf.get(other);
        if (o === undefined || o === k) continue;
        const pk = pairKey(k, o);
        if (sim > (similar.get(pk) ?? 0)) similar.set(pk, sim);
      }
    }
  }
  const candidates: { a: number; b: number; actors: number; similarity: number }[] = [];
  for (const pk of new Set([...shared.keys(), ...similar.keys()])) {
    const actors = shared.get(pk) ?? 0;
    const similarity = similar.get(pk) ?? 0;
    if (actors < BACKGROUND_SHARED_ACTORS && similarity < BACKGROUND_SIMILARITY) continue;
    candidates.push({ a: Math.floor(pk / stories.length), b: pk % stories.length, actors, similarity });
  }
  const linksOf = stories.map(() => [] as typeof candidates);
  for (const c of candidates) {
    linksOf[c.a].push(c);
    linksOf[c.b].push(c);
  }
  const strongest = (x: (typeof candidates)[number], y: (typeof candidates)[number]): number =>
    y.similarity - x.similarity || y.actors - x.actors || Math.min(x.a, x.b) - Math.min(y.a, y.b) || Math.max(x.a, x.b) - Math.max(y.a, y.b);
  linksOf.forEach((links, k) => {
    links.sort(strongest);
    for (const c of links.slice(0, BACKGROUND_LINKS_KEPT)) {
      const other = c.a === k ? c.b : c.a;
      stories[k].background.push({ story: stories[other].id, reason: linkReason(stories[k], stories[other], actorSets, k, other, c.similarity, index, topic), similarity: Number(c.similarity.toFixed(3)) } satisfies StoryLink);
    }
  });
}

/** Why two stories are linked: the actors both name most (in the first story's order of importance), text, time. */
function linkReason(
  a: Story, b: Story, actorSets: Map<string, string>[], ka: number, kb: number, similarity: number, index: StoryIndex, topic: (key: string) => boolean,
): string {
  const shared = [...actorSets[ka].keys()].filter((k) => actorSets[kb].has(k) && !topic(k));
  const reasons: string[] = [];
  if (shared.length) {
    const order = a.keyActors.map(actorKey);
    shared.sort((x, y) => rank(order, x) - rank(order, y));
    const names = shared.slice(0, 4).map((k) => actorSets[ka].get(k)!);
    reasons.push(`shares actors ${names.join(', ')}${shared.length > 4 ? ` and ${shared.length - 4} more` : ''}`);
  }
  reasons.push(`text similarity ${similarity.toFixed(2)}`);
  const gap = storyGap(a, b);
  reasons.push(gap === null ? 'publication dates unknown' : `published ${describeGap(gap)} apart`);
  const named = index.namedDayGap(a.articles, b.articles);
  if (named !== null && named > index.options.dayWindow) reasons.push(`the days they name lie ${describeGap(named)} apart`);
  return reasons.join('; ');
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
