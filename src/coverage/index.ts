/**
 * Coverage: per story, how many outlets and articles come from each lean, country and ownership (news and
 * opinion counted apart), a blindspot flag when one side covers it almost alone, each outlet's headline and lead
 * side by side by lean with the words that differ between sides marked, and a neutral title chosen from the news
 * headlines. Across stories: the large stories each outlet did not cover, and the stories only one side covered.
 *
 * Lean, country and ownership are the outlet registry's (src/outlets), with their sources; nothing here reads a
 * lean from an article's words. An outlet the registry does not rate is counted as `unknown`.
 */
import type {
  AcrossStories,
  Blindspot,
  BriefingArticle,
  CoverageBars,
  CoverageCell,
  CoverageColumn,
  CoverageCount,
  CoverageMark,
  Field,
  FramingTable,
  Lean,
  OutletProfile,
  Side,
  Story,
  StoryCoverage,
} from '../model.js';
import { known, unknown } from '../model.js';
import { readDataFile } from '../paths.js';
import { LEANS } from '../outlets/index.js';
import { contentWords, framingSpans, framingTermsOf } from './words.js';

export { contentWords, framingSpans } from './words.js';

/** The rules of `data/coverage.json`. */
export interface CoverageRules {
  blindspot: { minShare: number; minArticles: number };
  largeStory: { minOutlets: number; sideOnlyMinOutlets: number };
  loadedWeight: number;
  loadedWords: string[];
  headlineLabels: string[];
  /** `loadedWords` as one whole-word pattern each, compiled on first need (see `loadedPattern`) */
  loadedPatterns: (RegExp | undefined)[];
}

let rules: CoverageRules | null = null;

/** The coverage rules, read once from `data/coverage.json`. */
export function coverageRules(): CoverageRules {
  if (rules) return rules;
  const file = readDataFile('coverage.json', 'the coverage rules');
  const num = (obj: Record<string, unknown>, key: string, where: string): number => {
    const v = obj[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${file.path}: "${where}.${key}" must be a number`);
    return v;
  };
  const b = file.object('blindspot');
  const l = file.object('largeStory');
  const n = file.object('neutralTitle');
  rules = {
    blindspot: { minShare: num(b, 'minShare', 'blindspot'), minArticles: num(b, 'minArticles', 'blindspot') },
    largeStory: { minOutlets: num(l, 'minOutlets', 'largeStory'), sideOnlyMinOutlets: num(l, 'sideOnlyMinOutlets', 'largeStory') },
    loadedWeight: num(n, 'loadedWeight', 'neutralTitle'),
    loadedWords: file.list('loadedWords', true),
    headlineLabels: file.list('headlineLabels', true),
    loadedPatterns: [],
  };
  return rules;
}

/**
 * The side of a lean: left and lean left are the left, lean right and right the right; `mixed` is no side.
 *
 * @example
 * ```ts
 * sideOf('lean left'); // 'left'
 * ```
 */
export function sideOf(lean: Lean | null | undefined): Side | null {
  if (lean === 'left' || lean === 'lean left') return 'left';
  if (lean === 'center') return 'center';
  if (lean === 'lean right' || lean === 'right') return 'right';
  return null;
}

/** One article with the profile of its outlet. */
export interface CoveredArticle {
  article: string;
  outlet: OutletProfile;
}

const OWNERSHIP_ORDER = ['wire', 'state-funded', 'public', 'private', 'nonprofit'];
const SIDE_ORDER = ['left', 'center', 'right', 'mixed'];

function countBy(items: CoveredArticle[], keyOf: (p: OutletProfile) => string | null, order: readonly string[] | null): CoverageCount[] {
  const counts = new Map<string, { outlets: Set<string>; articles: number }>();
  for (const { outlet } of items) {
    const key = keyOf(outlet) ?? 'unknown';
    const c = counts.get(key) ?? { outlets: new Set(), articles: 0 };
    c.outlets.add(outlet.key);
    c.articles++;
    counts.set(key, c);
  }
  const rank = (k: string): number => (k === 'unknown' ? Infinity : order ? order.indexOf(k) : 0);
  return [...counts]
    .map(([key, c]) => ({ key, outlets: c.outlets.size, articles: c.articles }))
    .sort((a, b) => rank(a.key) - rank(b.key) || (order ? 0 : b.articles - a.articles) || a.key.localeCompare(b.key));
}

/**
 * Count articles and their outlets by lean, side, country and ownership. Each article counts once; an outlet
 * counts once per key.
 *
 * @example
 * ```ts
 * countCoverage(items).bySide; // [{ key: 'left', outlets: 2, articles: 3 }, { key: 'unknown', outlets: 1, articles: 1 }]
 * ```
 */
export function countCoverage(items: CoveredArticle[]): CoverageBars {
  return {
    articles: items.length,
    outlets: new Set(items.map((i) => i.outlet.key)).size,
    byLean: countBy(items, (p) => p.lean?.value ?? null, LEANS),
    bySide: countBy(items, (p) => sideOf(p.lean?.value) ?? (p.lean?.value === 'mixed' ? 'mixed' : null), SIDE_ORDER),
    byCountry: countBy(items, (p) => p.country, null),
    byOwnership: countBy(items, (p) => p.ownership, OWNERSHIP_ORDER),
  };
}

/**
 * The blindspot of a story's news coverage: more than `minShare` of its rated news articles (left, center or
 * right; mixed and unknown outlets are not counted) from the left or from the right, with at least `minArticles`
 * of them. Null when coverage is not one-sided.
 *
 * @example
 * ```ts
 * blindspotOf(countCoverage(news))?.missing; // 'right'
 * ```
 */
export function blindspotOf(news: CoverageBars, r: CoverageRules['blindspot'] = coverageRules().blindspot): Blindspot | null {
  const of = (side: string): number => news.bySide.find((c) => c.key === side)?.articles ?? 0;
  const rated = of('left') + of('center') + of('right');
  if (rated < r.minArticles) return null;
  for (const side of ['left', 'right'] as const) {
    const share = of(side) / rated;
    if (share > r.minShare) {
      return { side, missing: side === 'left' ? 'right' : 'left', share, articles: rated, rule: `over ${Math.round(r.minShare * 100)}% of ≥ ${r.minArticles} rated news articles from one side` };
    }
  }
  return null;
}

/** A headline candidate for the story's title. */
export interface TitleCandidate {
  article: string;
  headline: string | null;
  /** the article's lead (its first sentence), as more evidence of what the articles share */
  lead?: string;
  opinion: boolean;
}

/**
 * The loaded word or phrase `k` as a whole-word pattern over a lower-cased, space-padded headline, compiled the
 * first time a headline contains the word at all (a Unicode pattern per word costs more to compile than a
 * short article's whole coverage section).
 */
function loadedPattern(r: CoverageRules, k: number): RegExp {
  let p = r.loadedPatterns[k];
  if (!p) {
    p = new RegExp(`[^\\p{L}\\p{N}-]${r.loadedWords[k].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\p{L}\\p{N}-]`, 'u');
    r.loadedPatterns[k] = p;
  }
  return p;
}

/**
 * How loaded a headline's wording is: evaluative or emotive words of headline style (`loadedWords`), framing
 * terms, a kicker label ("BREAKING:"), question and exclamation marks, and quoted words.
 *
 * @example
 * ```ts
 * loadedMarkers('Senator SLAMS "radical" plan!'); // 4 or more
 * ```
 */
export function loadedMarkers(headline: string, r: CoverageRules = coverageRules()): number {
  const lower = ` ${headline.toLowerCase().replace(/[’]/g, "'")} `;
  let n = 0;
  // the pattern matches only where the word itself is: a substring test first spares the rest a regex
  for (let k = 0; k < r.loadedWords.length; k++) if (lower.includes(r.loadedWords[k]) && loadedPattern(r, k).test(lower)) n++;
  n += framingTermsOf(headline).length;
  const label = /^\s*([\p{L} ]{2,20}?)\s*[:|]/u.exec(headline);
  if (label && r.headlineLabels.includes(label[1].toLowerCase())) n++;
  n += (headline.match(/[?!]/g) ?? []).length;
  // Quotation marks: the headline carries someone's words (a pair counts once; ’ is an apostrophe as often).
  n += Math.ceil((headline.match(/["\u201c\u201d\u2018]/g) ?? []).length / 2);
  return n;
}

/**
 * A neutral title for a story, chosen from its news headlines: the one whose content words the other articles'
 * headlines and leads share most, least loaded wording (see {@link loadedMarkers}) counting against it; ties go
 * to the headline nearest the median length, then the first. An opinion headline is never chosen; with none
 * but opinion headlines the title is unknown.
 *
 * @example
 * ```ts
 * neutralTitle(candidates).title.value; // 'Council approves budget after long debate'
 * ```
 */
export function neutralTitle(candidates: TitleCandidate[], r: CoverageRules = coverageRules()): { title: Field<string>; article: string | null } {
  const titled = candidates.filter((c) => c.headline && c.headline.trim());
  const news = titled.filter((c) => !c.opinion);
  if (news.length === 0) return { title: unknown(titled.length ? 'only-opinion-headlines' : 'no-headlines'), article: null };
  const stems = new Map(candidates.map((c) => [c.article, new Set(contentWords(`${c.headline ?? ''}\n${c.lead ?? ''}`).map((w) => w.stem))]));
  const lengths = news.map((c) => (c.headline as string).length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)];
  // how many candidates' headlines and leads hold each stem: a headline is scored against the others in the time
  // of its own words, not of every other candidate (a story can have thousands)
  const holding = new Map<string, number>();
  const perArticle = new Map<string, number>();
  for (const o of candidates) {
    perArticle.set(o.article, (perArticle.get(o.article) ?? 0) + 1);
    for (const stem of stems.get(o.article) ?? []) holding.set(stem, (holding.get(stem) ?? 0) + 1);
  }
  const scored = news.map((c, i) => {
    const own = new Set(contentWords(c.headline as string).map((w) => w.stem));
    const others = candidates.length - (perArticle.get(c.article) ?? 0);
    const mine = stems.get(c.article);
    let held = 0;
    for (const stem of own) held += (holding.get(stem) ?? 0) - (mine?.has(stem) ? 1 : 0);
    const shared = own.size === 0 ? 0 : others === 0 ? 1 : held / own.size / others;
    const loaded = loadedMarkers(c.headline as string, r);
    return { c, i, shared, loaded, score: shared - r.loadedWeight * loaded, off: Math.abs((c.headline as string).length - median) };
  });
  scored.sort((a, b) => b.score - a.score || a.off - b.off || a.i - b.i);
  const best = scored[0];
  const confidence = Math.max(0.3, Math.min(0.9, 0.5 + 0.4 * best.shared - 0.1 * best.loaded));
  return { title: known((best.c.headline as string).trim(), 'headline:most-shared-least-loaded', Number(confidence.toFixed(2))), article: best.c.article };
}

/** The lead of an article: its first sentence. */
function leadOf(a: BriefingArticle): { start: number; end: number } | null {
  const s = a.sentences[0];
  return s ? { start: s.start, end: s.end } : null;
}

function columnOrder(lean: Lean | 'unknown'): number {
  return lean === 'unknown' ? LEANS.length : LEANS.indexOf(lean);
}

/**
 * Headline and lead cells grouped by lean. A content word is marked `side-only` when no article of another side
 * uses it in its headline or lead (at least two sides present; mixed and unknown outlets are no side); the
 * framing stage's terms in the lead, and framing terms in the headline, are marked `framing`.
 */
export function sideBySide(items: { article: BriefingArticle; outlet: OutletProfile }[], framing?: FramingTable): CoverageColumn[] {
  const sideStems = new Map<Side, Set<string>>();
  const words = items.map(({ article, outlet }) => {
    const lead = leadOf(article);
    const headline = article.meta.title.value;
    const h = headline ? contentWords(headline) : [];
    const l = lead ? contentWords(article.text, lead.start, lead.end) : [];
    const side = sideOf(outlet.lean?.value);
    if (side) {
      const set = sideStems.get(side) ?? new Set<string>();
      for (const w of [...h, ...l]) set.add(w.stem);
      sideStems.set(side, set);
    }
    return { h, l, side, lead, headline };
  });
  const columns = new Map<Lean | 'unknown', CoverageCell[]>();
  items.forEach(({ article, outlet }, i) => {
    const { h, l, side, lead, headline } = words[i];
    const otherSides = [...sideStems].filter(([s]) => s !== side);
    const onlyHere = (stem: string): boolean => side !== null && otherSides.length > 0 && otherSides.every(([, set]) => !set.has(stem));
    const marks: CoverageMark[] = [];
    for (const w of h) if (onlyHere(w.stem)) marks.push({ in: 'headline', start: w.start, end: w.end, why: 'side-only' });
    for (const w of l) if (onlyHere(w.stem)) marks.push({ in: 'lead', start: w.start, end: w.end, why: 'side-only' });
    if (headline) for (const t of framingTermsOf(headline)) marks.push({ in: 'headline', start: t.start, end: t.end, why: 'framing' });
    if (lead) for (const s of framingSpans(framing, article.id, lead.start, lead.end)) marks.push({ in: 'lead', start: s.start, end: s.end, why: 'framing' });
    marks.sort((a, b) => (a.in === b.in ? a.start - b.start || b.end - a.end : a.in === 'headline' ? -1 : 1));
    const cell: CoverageCell = {
      article: article.id,
      outlet: outlet.key,
      section: outlet.section ?? 'news',
      headline,
      lead: lead ? { article: article.id, start: lead.start, end: lead.end } : null,
      marks,
    };
    const key = outlet.lean?.value ?? 'unknown';
    columns.set(key, [...(columns.get(key) ?? []), cell]);
  });
  return [...columns].map(([lean, cells]) => ({ lean, cells })).sort((a, b) => columnOrder(a.lean) - columnOrder(b.lean));
}

/** What coverage is computed from: the briefing's articles, stories, outlet profiles and framing. */
export interface CoverageInput {
  articles: BriefingArticle[];
  stories: Story[];
  outletProfiles: OutletProfile[];
  framing?: FramingTable;
}

/**
 * Coverage of each story, and, with several stories, what each outlet and side did not cover.
 *
 * @example
 * ```ts
 * const { coverage } = buildCoverage({ articles, stories, outletProfiles, framing });
 * coverage[0].news.bySide; // [{ key: 'left', outlets: 2, articles: 2 }, …]
 * ```
 */
export function buildCoverage(input: CoverageInput): { coverage: StoryCoverage[]; acrossStories?: AcrossStories } {
  const profileOf = new Map<string, OutletProfile>();
  for (const p of input.outletProfiles) for (const a of p.articles) profileOf.set(a, p);
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const coverage = input.stories.map((story): StoryCoverage => {
    const items = story.articles.flatMap((id) => {
      const article = byId.get(id);
      const outlet = profileOf.get(id);
      return article && outlet ? [{ article, outlet }] : [];
    });
    const covered = items.map(({ article, outlet }) => ({ article: article.id, outlet }));
    const news = countCoverage(covered.filter((c) => c.outlet.section !== 'opinion'));
    const opinion = countCoverage(covered.filter((c) => c.outlet.section === 'opinion'));
    const { title } = neutralTitle(
      items.map(({ article, outlet }) => {
        const lead = leadOf(article);
        return { article: article.id, headline: article.meta.title.value, lead: lead ? article.text.slice(lead.start, lead.end) : undefined, opinion: outlet.section === 'opinion' };
      }),
    );
    return { story: story.id, news, opinion, blindspot: blindspotOf(news), title, columns: sideBySide(items, input.framing) };
  });
  if (input.stories.length < 2) return { coverage };
  return {
    coverage,
    acrossStories: acrossStories(
      input.stories.map((s) => ({
        id: s.id,
        outlets: s.articles.flatMap((id) => {
          const p = profileOf.get(id);
          // An article of an unknown outlet names no outlet that could have covered anything else.
          return p && p.name !== null && p.section !== 'opinion' ? [{ outlet: p.key, lean: p.lean?.value ?? null }] : [];
        }),
      })),
    ),
  };
}

/** A story as the across-stories view needs it: its id and, per news article, the outlet key and its lean. */
export interface StoryOutlets {
  id: string;
  outlets: { outlet: string; lean: Lean | null }[];
}

/**
 * Across stories, a pure function of which outlets covered which story (so the store and the web app can call it
 * over their own data): the large stories (covered by at least `minOutlets` outlets), per outlet the large
 * stories it did not cover, and per side the stories whose rated outlets (at least `sideOnlyMinOutlets`) are all
 * on that side.
 *
 * @example
 * ```ts
 * acrossStories([{ id: 's1', outlets: [{ outlet: 'A', lean: 'left' }, { outlet: 'B', lean: 'lean left' }] }]).sideOnly;
 * // [{ side: 'left', stories: ['s1'] }]
 * ```
 */
export function acrossStories(stories: StoryOutlets[], options: Partial<CoverageRules['largeStory']> = {}): AcrossStories {
  const { minOutlets, sideOnlyMinOutlets } = { ...coverageRules().largeStory, ...options };
  const outletsOf = new Map(stories.map((s) => [s.id, new Set(s.outlets.map((o) => o.outlet))]));
  const large = stories
    .filter((s) => (outletsOf.get(s.id)?.size ?? 0) >= minOutlets)
    .sort((a, b) => (outletsOf.get(b.id)?.size ?? 0) - (outletsOf.get(a.id)?.size ?? 0))
    .map((s) => s.id);
  const leanOf = new Map<string, Lean | null>();
  for (const s of stories) for (const o of s.outlets) if (!leanOf.has(o.outlet) || leanOf.get(o.outlet) === null) leanOf.set(o.outlet, o.lean);
  const outlets = [...leanOf]
    .map(([outlet, lean]) => ({
      outlet,
      lean,
      covered: stories.filter((s) => outletsOf.get(s.id)?.has(outlet)).length,
      missed: large.filter((id) => !outletsOf.get(id)?.has(outlet)),
    }))
    .sort((a, b) => b.missed.length - a.missed.length || a.outlet.localeCompare(b.outlet));
  const sideOnly = (['left', 'center', 'right'] as const).map((side) => ({
    side,
    stories: stories
      .filter((s) => {
        const rated = new Map<string, Side | null>();
        for (const o of s.outlets) if (o.lean) rated.set(o.outlet, sideOf(o.lean));
        return rated.size >= sideOnlyMinOutlets && [...rated.values()].every((x) => x === side);
      })
      .map((s) => s.id),
  }));
  return { largeMinOutlets: minOutlets, large, outlets, sideOnly };
}
