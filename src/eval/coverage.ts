/**
 * `parallax eval coverage --data DIR [--json]`: on AllSides multi-outlet stories (`DIR/stories.jsonl`, each
 * outlet with the lean AllSides published for it; `DIR/stories/<id>.jsonl`, the articles), how often the lean
 * parallax shows for an article's outlet equals the published one. Each article is matched to the outlet registry
 * exactly as the briefing matches it (outlet field, then URL), so the figure measures the registry and the
 * matching together. Reported per outlet (distinct published names), per article, and, beside it, with the
 * registry's 2019 ratings alone (its later ratings left out), with the outlets that differ.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lean, LeanRating, OutletProfile } from '../model.js';
import { LEANS, matchOutlet, outletRegistry } from '../outlets/index.js';

/** The source name of the ratings scripts/build-outlets.ts reads from AllSides' 2019 file. */
const FIRST_RATINGS = { source: 'AllSides Media Bias Ratings', date: '2019-10-18' };

interface StoryRecord {
  id: number | string;
  outlets?: { outlet: string; lean: string; url?: string; title?: string }[];
}

interface ArticleRecord {
  outlet?: string;
  url?: string;
  title?: string;
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
  return {
    table: rows.join('\n'),
    result: {
      task: 'coverage',
      stories: new Set(cases.map((c) => c.story)).size,
      latest,
      ratings2019: first,
      differ: Object.fromEntries(differ),
    },
  };
}
