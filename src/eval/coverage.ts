/**
 * `parallax eval coverage --data DIR [--json]`: on AllSides multi-outlet stories (`DIR/stories.jsonl`, each
 * outlet with the lean AllSides published for it; `DIR/stories/<id>.jsonl`, the articles), how often the lean
 * parallax shows for an article's outlet equals the published one. Each article is matched to the outlet registry
 * exactly as the briefing matches it (outlet field, then URL), so the figure measures the registry and the
 * matching together. Reported per outlet (distinct published names), per article, and, beside it, with the
 * registry's 2019 ratings alone (its later ratings left out), with the outlets that differ.
 *
 * The neutral title is scored too: content-word F1 of the title chosen from each story's headlines against
 * AllSides' own neutral title of the story (`issue`, written by its editors), beside the first outlet's headline,
 * the centre outlet's headline and the mean headline, with the loaded-wording markers of each.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lean, LeanRating, OutletProfile } from '../model.js';
import { LEANS, matchOutlet, outletRegistry } from '../outlets/index.js';
import { contentWords, loadedMarkers, neutralTitle, type TitleCandidate } from '../coverage/index.js';

/** The source name of the ratings scripts/build-outlets.ts reads from AllSides' 2019 file. */
const FIRST_RATINGS = { source: 'AllSides Media Bias Ratings', date: '2019-10-18' };

interface StoryRecord {
  id: number | string;
  issue?: string;
  outlets?: { outlet: string; lean: string; side?: string; url?: string; title?: string }[];
}

interface ArticleRecord {
  outlet?: string;
  url?: string;
  title?: string;
  text?: string;
}

/** One article of a story: its published lean and the lean shown. */
export interface LeanCase {
  story: string;
  outlet: string;
  published: Lean;
  shown: Lean | null;
  /** with the registry's 2019 ratings alone */
  shown2019: Lean | null;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (err) {
        throw new Error(`${path}:${i + 1}: not JSON: ${(err as Error).message}`);
      }
    });
}

function lean2019(p: OutletProfile): Lean | null {
  const r = (p.ratings ?? []).find((x: LeanRating) => x.source === FIRST_RATINGS.source && x.date === FIRST_RATINGS.date);
  return r?.value ?? null;
}

/**
 * The lean cases of an AllSides story folder: one per article whose outlet has a published lean.
 *
 * @example
 * ```ts
 * leanCases('../shared/eval/allsides').filter((c) => c.shown === c.published).length;
 * ```
 */
export function leanCases(dir: string): LeanCase[] {
  const index = join(dir, 'stories.jsonl');
  if (!existsSync(index)) throw new Error(`${index}: no such file (--data takes the AllSides folder with stories.jsonl and stories/)`);
  const folder = join(dir, 'stories');
  const files = existsSync(folder) ? new Set(readdirSync(folder)) : new Set<string>();
  const registry = outletRegistry();
  const cases: LeanCase[] = [];
  for (const story of readJsonl<StoryRecord>(index)) {
    const file = `${story.id}.jsonl`;
    if (!story.outlets?.length || !files.has(file)) continue;
    const articles = readJsonl<ArticleRecord>(join(folder, file));
    for (const o of story.outlets) {
      const published = (LEANS as readonly string[]).includes(o.lean) ? (o.lean as Lean) : null;
      if (!published) continue;
      // The article this rating is about: the same URL, else the same outlet name.
      const article = articles.find((a) => o.url && a.url === o.url) ?? articles.find((a) => a.outlet === o.outlet);
      const profile = matchOutlet({ id: `${story.id}:${o.outlet}`, outlet: article?.outlet ?? o.outlet, url: article?.url ?? o.url ?? null }, registry);
      cases.push({ story: String(story.id), outlet: o.outlet, published, shown: profile.lean?.value ?? null, shown2019: lean2019(profile) });
    }
  }
  return cases;
}

interface Agreement {
  outlets: number;
  outletsAgree: number;
  articles: number;
  articlesAgree: number;
  unknownOutlets: number;
}

/** Agreement of shown with published leans, per article and per distinct outlet (all its articles agree). */
export function agreement(cases: LeanCase[], shown: (c: LeanCase) => Lean | null): Agreement {
  const byOutlet = new Map<string, LeanCase[]>();
  for (const c of cases) byOutlet.set(c.outlet, [...(byOutlet.get(c.outlet) ?? []), c]);
  const outletOk = [...byOutlet.values()].filter((list) => list.every((c) => shown(c) === c.published)).length;
  return {
    outlets: byOutlet.size,
    outletsAgree: outletOk,
    articles: cases.length,
    articlesAgree: cases.filter((c) => shown(c) === c.published).length,
    unknownOutlets: [...byOutlet.values()].filter((list) => list.every((c) => shown(c) === null)).length,
  };
}

/** Content-word F1 of two titles (stems, stopwords left out). */
export function titleF1(a: string, b: string): number {
  const x = new Set(contentWords(a).map((w) => w.stem));
  const y = new Set(contentWords(b).map((w) => w.stem));
  const both = [...x].filter((s) => y.has(s)).length;
  return both === 0 ? 0 : (2 * both) / (x.size + y.size);
}

interface TitleScores {
  stories: number;
  chosen: { f1: number; loaded: number };
  first: { f1: number; loaded: number };
  center: { f1: number; loaded: number };
  mean: { f1: number; loaded: number };
  opinionChosen: number;
}

/** The neutral title against AllSides' `issue` title, with baselines; stories without an issue are left out. */
export function titleScores(dir: string): TitleScores {
  const folder = join(dir, 'stories');
  const registry = outletRegistry();
  const sums = { chosen: [0, 0], first: [0, 0], center: [0, 0], mean: [0, 0] };
  let stories = 0;
  let opinionChosen = 0;
  for (const story of readJsonl<StoryRecord>(join(dir, 'stories.jsonl'))) {
    const file = join(folder, `${story.id}.jsonl`);
    if (!story.issue || !story.outlets?.length || !existsSync(file)) continue;
    const articles = readJsonl<ArticleRecord>(file).filter((a) => a.title);
    if (articles.length === 0) continue;
    const candidates: TitleCandidate[] = articles.map((a, i) => ({
      article: String(i),
      headline: a.title as string,
      // The lead as the briefing takes it: the first sentence (here split at the first full stop and space).
      lead: (a.text ?? '').split(/(?<=[.!?])\s/)[0],
      opinion: matchOutlet({ id: String(i), outlet: a.outlet ?? null, url: a.url ?? null }, registry).section === 'opinion',
    }));
    const chosen = neutralTitle(candidates);
    if (chosen.title.value === null) continue;
    stories++;
    if (candidates.find((c) => c.article === chosen.article)?.opinion) opinionChosen++;
    const centerUrl = story.outlets.find((o) => o.side === 'center')?.url;
    const center = articles.find((a) => a.url === centerUrl)?.title ?? (articles[0].title as string);
    const add = (key: keyof typeof sums, title: string): void => {
      sums[key][0] += titleF1(title, story.issue as string);
      sums[key][1] += loadedMarkers(title);
    };
    add('chosen', chosen.title.value);
    add('first', articles[0].title as string);
    add('center', center);
    sums.mean[0] += articles.reduce((s, a) => s + titleF1(a.title as string, story.issue as string), 0) / articles.length;
    sums.mean[1] += articles.reduce((s, a) => s + loadedMarkers(a.title as string), 0) / articles.length;
  }
  const avg = ([f1, loaded]: number[]): { f1: number; loaded: number } => ({ f1: stories ? f1 / stories : 0, loaded: stories ? loaded / stories : 0 });
  return { stories, chosen: avg(sums.chosen), first: avg(sums.first), center: avg(sums.center), mean: avg(sums.mean), opinionChosen };
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

export async function evaluate({ data }: { data: string }): Promise<{ table: string; result: Record<string, unknown> }> {
  const cases = leanCases(data);
  if (cases.length === 0) throw new Error(`${data}: no story has both a stories/<id>.jsonl file and outlets with a lean`);
  const latest = agreement(cases, (c) => c.shown);
  const first = agreement(cases, (c) => c.shown2019);
  const differ = new Map<string, { published: Lean; shown: Lean | null; articles: number }>();
  for (const c of cases) {
    if (c.shown === c.published) continue;
    const d = differ.get(c.outlet) ?? { published: c.published, shown: c.shown, articles: 0 };
    d.articles++;
    differ.set(c.outlet, d);
  }
  const rows = [
    `lean shown = published lean on ${new Set(cases.map((c) => c.story)).size} stories (${data})`,
    '',
    '| registry ratings | outlets agreeing | articles agreeing | outlets unknown |',
    '| --- | --- | --- | --- |',
    `| latest (as shown) | ${latest.outletsAgree}/${latest.outlets} = ${pct(latest.outletsAgree, latest.outlets)} | ${latest.articlesAgree}/${latest.articles} = ${pct(latest.articlesAgree, latest.articles)} | ${latest.unknownOutlets} |`,
    `| 2019-10-18 only | ${first.outletsAgree}/${first.outlets} = ${pct(first.outletsAgree, first.outlets)} | ${first.articlesAgree}/${first.articles} = ${pct(first.articlesAgree, first.articles)} | ${first.unknownOutlets} |`,
  ];
  if (differ.size) {
    rows.push('', 'outlets shown differently (latest ratings): ' + [...differ].sort((a, b) => b[1].articles - a[1].articles).map(([o, d]) => `${o} ${d.shown ?? 'unknown'} ≠ ${d.published} (${d.articles})`).join('; '));
  }
  const titles = titleScores(data);
  const t = (x: { f1: number; loaded: number }): string => `${x.f1.toFixed(3)} | ${x.loaded.toFixed(2)}`;
  rows.push(
    '',
    `neutral title vs AllSides' own story title (${titles.stories} stories): content-word F1 | loaded markers per title`,
    '',
    '| title | F1 | loaded |',
    '| --- | --- | --- |',
    `| chosen (most shared, least loaded) | ${t(titles.chosen)} |`,
    `| first outlet's headline | ${t(titles.first)} |`,
    `| centre outlet's headline | ${t(titles.center)} |`,
    `| mean headline | ${t(titles.mean)} |`,
    '',
    `opinion headlines chosen: ${titles.opinionChosen}`,
  );
  return {
    table: rows.join('\n'),
    result: {
      task: 'coverage',
      stories: new Set(cases.map((c) => c.story)).size,
      latest,
      ratings2019: first,
      differ: Object.fromEntries(differ),
      titles,
    },
  };
}
