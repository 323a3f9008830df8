/**
 * `parallax eval seeds --data seeds/gold.json`: runs `analyze()` on the sample articles beside gold.json and
 * checks the result against the hand-made reference, one section at a time.
 *
 * Gold matching rule (gold.json `about`): text fields are distinctive substrings of the article, matched after
 * straightening curly quotes/apostrophes and collapsing white space; dates are ISO 8601 and a range
 * `[from, to]` means any value inside is right.
 *
 * Each section is a function `(cases) → SectionResult` listed in `SECTIONS`; later stages add theirs there
 * (actors, quotes, dates, stances ...) without touching the others.
 */
import { readFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { scoreSeedsSummary } from './summary.js';
import { analyze } from '../pipeline.js';
import type { Actor, BriefingArticle, DateValue, Stance, StanceMatrix, Story, Summary } from '../model.js';
import { scoreSeedsStories } from './seedsStories.js';
import { scoreActors, type ActorScores, type GoldActor } from './seedsActors.js';
import { scoreSeedsDates, scoreSeedsQuotes } from './seedsSaidwhen.js';
import { scoreSeedsClaims, scoreSeedsFraming } from './seedsCompare.js';
import { scoreStances, type GoldStance, type GoldStanceActor } from './seedsStances.js';

export { normaliseGold, type GoldArticle, type SeedsGold, type SeedCase, type SectionResult, type Section } from './seedcases.js';
import { normaliseGold, type GoldArticle, type SeedsGold, type SeedCase, type SectionResult, type Section } from './seedcases.js';

const sameName = (a: string, b: string): boolean => normaliseGold(a).toLowerCase() === normaliseGold(b).toLowerCase();
const show = (s: string | null | undefined): string => (s === null || s === undefined ? 'null' : JSON.stringify(s));

/** Every boilerplate string is absent from the clean text and recorded in `removed`. */
export function scoreBoilerplate(cases: SeedCase[]): SectionResult {
  const r: SectionResult = { found: 0, total: 0, misses: [] };
  for (const c of cases) {
    for (const piece of c.gold.boilerplate ?? []) {
      r.total++;
      const needle = normaliseGold(piece);
      const text = c.article ? normaliseGold(c.article.text) : '';
      const inText = text.includes(needle);
      const recorded = c.article?.removed.some((x) => normaliseGold(x.text).includes(needle)) ?? false;
      if (c.article && !inText && recorded) r.found++;
      else r.misses.push(`${c.file}: ${show(piece)} ${!c.article ? 'article failed' : inText ? 'left in the text' : 'not recorded in removed'}`);
    }
  }
  return r;
}

/** The title matches the gold title; a null gold title must come out null. */
export function scoreTitles(cases: SeedCase[]): SectionResult {
  const r: SectionResult = { found: 0, total: 0, misses: [] };
  for (const c of cases) {
    if (!('title' in c.gold)) continue;
    r.total++;
    const want = c.gold.title ?? null;
    const got = c.article?.meta.title.value ?? null;
    const right = want === null ? got === null : got !== null && normaliseGold(got) === normaliseGold(want);
    if (right) r.found++;
    else r.misses.push(`${c.file}: title ${show(got)}, gold ${show(want)}`);
  }
  return r;
}

/** Datelines: each gold dateline found, and every dateline given where gold has none counts as a miss. */
export function scoreDatelines(cases: SeedCase[]): SectionResult {
  const r: SectionResult = { found: 0, total: 0, misses: [] };
  for (const c of cases) {
    const want = c.gold.dateline ?? null;
    const got = c.article?.meta.dateline.value ?? null;
    if (want === null && got === null) continue;
    r.total++;
    if (want !== null && got !== null && sameName(got, want)) r.found++;
    else r.misses.push(`${c.file}: dateline ${show(got)}, gold ${show(want)}`);
  }
  return r;
}

/** The inclusive day range a date value covers: "2017-01" covers 2017-01-01..2017-01-31. */
function dayRange(d: DateValue): [string, string] {
  // A range with one end given is open at the other ("not before 2011"), as inferPublished makes them.
  const ranged = d.from !== undefined || d.to !== undefined;
  const from = (ranged ? d.from ?? '0000-01-01' : d.value).slice(0, 10);
  const to = (ranged ? d.to ?? '9999-12-31' : d.value).slice(0, 10);
  const pad = (s: string, tail: string): string => (s.length >= 10 ? s : s + tail.slice(s.length));
  return [pad(from, '0000-01-01'), pad(to, '9999-12-31')];
}

/** No publication date invented: each is null, or carries a method and overlaps the gold range. */
export function scorePublished(cases: SeedCase[]): SectionResult {
  const r: SectionResult = { found: 0, total: 0, misses: [] };
  for (const c of cases) {
    r.total++;
    const field = c.article?.meta.published;
    if (!field) {
      r.misses.push(`${c.file}: article failed`);
      continue;
    }
    if (field.value === null) {
      r.found++;
      continue;
    }
    const gold = c.gold.published;
    const [from, to] = dayRange(field.value);
    const overlaps = gold ? from <= gold[1] && to >= gold[0] : false;
    if (field.method && field.method !== 'none' && overlaps) r.found++;
    else r.misses.push(`${c.file}: published ${field.value.value} (${field.method}), gold ${gold ? gold.join('..') : 'none'}`);
  }
  return r;
}

/**
 * Outlets, where they can be found: an article counts when its gold outlet is named in its file (the only
 * source a plain-text file has) or when parallax named an outlet for it; it is right when the names match
 * (case-insensitively: sites write their own names in several casings).
 */
export function scoreOutlets(cases: SeedCase[]): SectionResult {
  const r: SectionResult = { found: 0, total: 0, misses: [] };
  for (const c of cases) {
    const want = c.gold.outlet ?? null;
    const got = c.article?.meta.outlet.value ?? null;
    const findable = want !== null && namedIn(c.raw, want);
    if (!findable && got === null) continue;
    r.total++;
    if (want !== null && got !== null && sameName(got, want)) r.found++;
    else r.misses.push(`${c.file}: outlet ${show(got)}, gold ${show(want)}${findable ? '' : ' (not named in the file)'}`);
  }
  return r;
}

/** Whether a name occurs as whole words in a text (case-insensitively): "RT" is not named by "report". */
function namedIn(text: string, name: string): boolean {
  const escaped = normaliseGold(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(normaliseGold(text));
}

const actorScoreCache = new WeakMap<SeedCase[], ActorScores>();
/** Actors against gold.json `actors` (rule in `about_actors`), scored once per run for the four sections. */
function actorScores(cases: SeedCase[], gold: SeedsGold): ActorScores {
  let s = actorScoreCache.get(cases);
  if (!s) {
    const goldActors = Array.isArray(gold.actors) ? (gold.actors as GoldActor[]) : [];
    const articles = cases.filter((c) => c.article).map((c): [string, BriefingArticle] => [c.file, c.article as BriefingArticle]);
    s = scoreActors(goldActors, articles, cases.find((c) => c.actors)?.actors ?? []);
    actorScoreCache.set(cases, s);
  }
  return s;
}

/** The sections scored so far, in table order. */
export const SECTIONS: Section[] = [
  { name: 'boilerplate', score: scoreBoilerplate },
  { name: 'titles', score: scoreTitles },
  { name: 'datelines', score: scoreDatelines },
  { name: 'published', score: scorePublished },
  { name: 'outlets', score: scoreOutlets },
  { name: 'actors', score: (c, g) => actorScores(c, g).found },
  { name: 'actors_links', score: (c, g) => actorScores(c, g).links },
  { name: 'actors_roles', score: (c, g) => actorScores(c, g).roles },
  { name: 'actors_countries', score: (c, g) => actorScores(c, g).countries },
  { name: 'quotes', score: scoreSeedsQuotes },
  { name: 'dates', score: scoreSeedsDates },
  { name: 'agreements_and_conflicts', score: scoreSeedsClaims },
  { name: 'framing', score: scoreSeedsFraming },
  { name: 'stances', score: scoreSeedsStances },
  { name: 'summary', score: (c, g) => scoreSeedsSummary(c, g as Parameters<typeof scoreSeedsSummary>[1]) },
  { name: 'stories', score: (c) => scoreSeedsStories(c, c.find((x) => x.stories)?.stories ?? []) },
];

/** Stances: every gold stance found with its holder and polarity, none of the opposite polarity (src/eval/seeds-stances.ts). */
export function scoreSeedsStances(cases: SeedCase[], gold: SeedsGold): SectionResult {
  const first = cases.find((c) => c.stances !== undefined);
  return scoreStances((gold.stances ?? []) as GoldStance[], (gold.actors ?? []) as GoldStanceActor[], first?.stances ?? [], first?.matrix, cases.find((c) => c.actors)?.actors ?? []);
}

/**
 * Body text lost: gold text fields that quote the body (quotes, dates, framing terms) must still be in the
 * clean text. Returns the count of checked strings and the missing ones.
 */
export function bodyLost(cases: SeedCase[], gold: SeedsGold): { total: number; lost: string[] } {
  const byFile = new Map(cases.map((c) => [c.file, c]));
  const wanted: { article: string; text: string }[] = [...(gold.quotes ?? []), ...(gold.dates ?? [])];
  for (const [, value] of Object.entries(gold.framing ?? {})) {
    if (typeof value !== 'object' || value === null) continue;
    for (const [article, terms] of Object.entries(value as Record<string, unknown>)) {
      if (Array.isArray(terms)) for (const t of terms) if (typeof t === 'string') wanted.push({ article, text: t });
    }
  }
  const lost: string[] = [];
  let total = 0;
  for (const w of wanted) {
    const c = byFile.get(w.article);
    if (!c) continue;
    total++;
    const text = c.article ? normaliseGold(c.article.text) : '';
    if (!text.includes(normaliseGold(w.text))) lost.push(`${w.article}: ${show(w.text)}`);
  }
  return { total, lost };
}

/** Read gold.json, with errors that name the file and the reason. */
export function readSeedsGold(path: string): SeedsGold {
  if (!existsSync(path)) throw new Error(`${path}: no such file`);
  let gold: SeedsGold;
  try {
    gold = JSON.parse(readFileSync(path, 'utf8')) as SeedsGold;
  } catch (err) {
    throw new Error(`${path}: not JSON: ${(err as Error).message}`);
  }
  if (!gold || typeof gold.articles !== 'object' || gold.articles === null) {
    throw new Error(`${path}: no "articles" object (file name → gold entry)`);
  }
  return gold;
}

/**
 * Evaluate parallax on the sample articles beside gold.json.
 *
 * @example
 * ```ts
 * const { table, result } = await evaluate({ data: '../shared/seeds/gold.json' });
 * console.log(table);
 * result.sections.titles; // { found: 4, total: 5, score: 0.8 }
 * ```
 */
export async function evaluate(args: { data: string }): Promise<{ table: string; result: Record<string, unknown> }> {
  const gold = readSeedsGold(args.data);
  const dir = dirname(args.data);
  const files = Object.keys(gold.articles);
  const paths = files.map((f) => join(dir, f));
  for (const p of paths) if (!existsSync(p)) throw new Error(`${args.data}: article ${basename(p)} is not beside it`);
  // Later sections pass the start of the gold publication range as assumePublished where they need a date
  // anchor; the sections so far must not be helped by it.
  const briefing = await analyze(paths, {});
  const byPath = new Map(briefing.articles.map((a) => [basename(a.source.path), a]));
  const cases: SeedCase[] = files.map((file, i) => ({
    file,
    raw: readFileSync(paths[i], 'utf8'),
    gold: gold.articles[file],
    article: byPath.get(file) ?? null,
    actors: briefing.actors,
    summary: briefing.summary,
    stances: briefing.stances,
    matrix: briefing.matrix,
    stories: briefing.stories,
  }));
  // Dates are scored with each article anchored on the start of its gold publication range, one at a time
  // (assumePublished is one date per run); metadata dates still win over the assumption, as in any run.
  for (const [i, c] of cases.entries()) {
    const start = c.gold.published?.[0];
    if (!start) continue;
    const alone = await analyze([paths[i]], { assumePublished: start });
    c.anchored = alone.articles[0] ?? null;
  }

  const sections: Record<string, { found: number; total: number; score: number }> = {};
  const lines: string[] = [`seeds: ${cases.length} articles, ${briefing.articles.length} analysed`, ''];
  lines.push('section          found  total  score');
  const detail: string[] = [];
  for (const section of SECTIONS) {
    const { found, total, misses } = section.score(cases, gold);
    const score = total ? found / total : 1;
    sections[section.name] = { found, total, score };
    lines.push(`${section.name.padEnd(16)} ${String(found).padStart(5)}  ${String(total).padStart(5)}  ${score.toFixed(3)}`);
    for (const m of misses) detail.push(`  ${section.name}: ${m}`);
  }
  const body = bodyLost(cases, gold);
  lines.push('', `body text lost: ${body.lost.length} of ${body.total} gold body strings missing from the clean text`);
  for (const l of body.lost) detail.push(`  body lost: ${l}`);
  for (const e of briefing.errors) detail.push(`  error: ${e.path}: ${e.reason}`);
  if (detail.length) lines.push('', 'misses:', ...detail);
  return {
    table: lines.join('\n'),
    result: { task: 'seeds', sections, body_lost: { lost: body.lost.length, total: body.total } },
  };
}
