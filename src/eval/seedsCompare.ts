/**
 * Seeds scoring for `agreements_and_conflicts` and `framing` (gold.json). Articles without a day-precise
 * publication date are anchored on the start of their gold publication range, as a user would pass
 * `--published`, so "Monday" can be read as a day.
 */
import { basename } from 'node:path';
import type { Article, BriefingArticle, Claim } from '../model.js';
import { buildDoc } from '../text/index.js';
import { compareOutlets, type Comparison } from '../compare/index.js';
import { framingLexicon, stem, wordsOf } from '../compare/text.js';

/** What a seeds section needs of one sample article (a structural subset of `SeedCase`). */
export interface SeedsCompareCase {
  file: string;
  gold: { published?: [string, string] | null };
  article: BriefingArticle | null;
}

/** A section's result, as `src/eval/seeds.ts` expects it. */
export interface SeedsCompareResult {
  found: number;
  total: number;
  misses: string[];
}

const cache = new WeakMap<object, { comparison: Comparison; fileOf: Map<string, string>; textOf: Map<string, string> }>();

function compareCases(cases: SeedsCompareCase[]): { comparison: Comparison; fileOf: Map<string, string>; textOf: Map<string, string> } {
  const hit = cache.get(cases);
  if (hit) return hit;
  const present = cases.filter((c): c is SeedsCompareCase & { article: BriefingArticle } => c.article !== null);
  const docs = present.map((c) => buildDoc({ ...c.article, raw: c.article.text, segments: [] } as Article));
  const anchors = new Map(present.map((c) => [c.article.id, c.gold.published?.[0] ?? null]));
  const comparison = compareOutlets(docs, { anchorFor: (d) => anchors.get(d.article.id) ?? null });
  const result = {
    comparison,
    fileOf: new Map(present.map((c) => [c.article.id, c.file])),
    textOf: new Map(present.map((c) => [c.article.id, c.article.text])),
  };
  cache.set(cases, result);
  return result;
}

function tokens(text: string): string[] {
  const stop = new Set(framingLexicon().stopwords);
  return wordsOf(text.replace(/\//g, ' '))
    .map((w) => w.lower)
    .filter((w) => /\p{L}|\d{4}-\d\d-\d\d/u.test(w) && !stop.has(w) && w.length > 1)
    .map((w) => (/\d{4}-\d\d-\d\d/.test(w) ? w : stem(w.replace(/'s$/, ''))));
}

interface GoldClaim {
  kind: Claim['kind'];
  claim: string;
  articles: string[];
}

/**
 * Each gold claim is found when a claim of the same kind covers at least half its content words (its ISO
 * dates exactly) in its statement and cited sentences, and cites exactly the gold articles.
 *
 * @example
 * ```ts
 * scoreSeedsClaims(cases, gold); // { found: 5, total: 5, misses: [] }
 * ```
 */
export function scoreSeedsClaims(cases: SeedsCompareCase[], gold: Record<string, unknown>): SeedsCompareResult {
  const r: SeedsCompareResult = { found: 0, total: 0, misses: [] };
  const wanted = (gold.agreements_and_conflicts ?? []) as GoldClaim[];
  if (!wanted.length) return r;
  const { comparison, fileOf, textOf } = compareCases(cases);
  const bags = comparison.claims.map((c) => {
    const text = [c.statement, ...c.evidence.map((e) => (textOf.get(e.article) ?? '').slice(e.span.start, e.span.end)), ...c.evidence.map((e) => e.value ?? '')].join(' ');
    return new Set([...tokens(text), ...c.entities.map((e) => e.toLowerCase())]);
  });
  for (const g of wanted) {
    r.total++;
    const want = tokens(g.claim);
    const dates = want.filter((w) => /\d{4}-\d\d-\d\d/.test(w));
    const goldFiles = [...g.articles].sort().join(',');
    let best: { claim: Claim; coverage: number } | null = null;
    comparison.claims.forEach((c, i) => {
      if (c.kind !== g.kind) return;
      const covered = want.filter((w) => bags[i].has(w)).length / (want.length || 1);
      const datesOk = dates.every((d) => c.statement.includes(d) || c.evidence.some((e) => e.value === d));
      if (covered < 0.5 || !datesOk) return;
      const files = c.articles.map((a) => fileOf.get(a) ?? a).sort().join(',');
      if (files === goldFiles && (!best || best.coverage < covered || basename(files) !== basename(goldFiles))) best = { claim: c, coverage: covered };
    });
    if (best) r.found++;
    else r.misses.push(`${g.kind} not found with ${goldFiles}: ${JSON.stringify(g.claim)}`);
  }
  return r;
}

/**
 * Each gold framing term of each article is found when an own-voice framing term of that article contains it
 * (as words) and none of its own-voice spans lies inside quotation marks.
 *
 * @example
 * ```ts
 * scoreSeedsFraming(cases, gold); // { found: 14, total: 14, misses: [] }
 * ```
 */
export function scoreSeedsFraming(cases: SeedsCompareCase[], gold: Record<string, unknown>): SeedsCompareResult {
  const r: SeedsCompareResult = { found: 0, total: 0, misses: [] };
  const framing = (gold.framing ?? {}) as Record<string, unknown>;
  const { comparison, fileOf } = compareCases(cases);
  const norm = (s: string): string => ` ${s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim()} `;
  for (const [topic, byArticle] of Object.entries(framing)) {
    if (typeof byArticle !== 'object' || byArticle === null) continue;
    for (const [file, terms] of Object.entries(byArticle as Record<string, unknown>)) {
      if (!Array.isArray(terms)) continue;
      for (const term of terms) {
        if (typeof term !== 'string') continue;
        r.total++;
        const own = comparison.framing.rows.flatMap((row) => row.own).filter((t) => t.spans.some((s) => fileOf.get(s.article) === file));
        if (own.some((t) => norm(t.label).includes(norm(term)))) r.found++;
        else r.misses.push(`${file} ${topic}: ${JSON.stringify(term)} not surfaced in its own voice`);
      }
    }
  }
  return r;
}
