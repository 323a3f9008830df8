/**
 * Coverage rules on made-up outlets and headlines (counts, blindspot, neutral title, side-by-side marks, across
 * stories), then on the AllSides development stories: the bar and the blindspot agree with each story's published
 * lean counts, and the neutral title is never an opinion headline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BriefingArticle, Lean, OutletProfile } from '../model.js';
import { known, unknown } from '../model.js';
import { needsShared, sharedPath } from '../paths.js';
import { loadOutletRegistry, matchOutlet } from '../outlets/index.js';
import { seededRandom } from '../random.js';
import { acrossStories, blindspotOf, countCoverage, loadedMarkers, neutralTitle, sideBySide, sideOf, type CoveredArticle } from './index.js';

function profile(key: string, lean: Lean | null, extra: Partial<OutletProfile> = {}): OutletProfile {
  return {
    key,
    name: key,
    country: 'USA',
    ownership: 'private',
    method: 'registry:name',
    articles: [],
    lean: lean ? { value: lean, source: 'test rater', date: '2030-01-01' } : null,
    section: 'news',
    parent: null,
    ...extra,
  };
}

function items(spec: [string, Lean | null][]): CoveredArticle[] {
  return spec.map(([key, lean], i) => ({ article: `a${i}`, outlet: profile(key, lean) }));
}

test('counts by lean, side, country and ownership: each article once, each outlet once per key, unknown last', () => {
  const list = [...items([['Left Daily', 'left'], ['Left Daily', 'left'], ['Lean Post', 'lean left'], ['Mid Wire', 'center'], ['Nobody', null]])];
  list[3].outlet.ownership = 'wire';
  list[3].outlet.country = 'GBR';
  const bars = countCoverage(list);
  assert.equal(bars.articles, 5);
  assert.equal(bars.outlets, 4);
  assert.deepEqual(bars.byLean, [
    { key: 'left', outlets: 1, articles: 2 },
    { key: 'lean left', outlets: 1, articles: 1 },
    { key: 'center', outlets: 1, articles: 1 },
    { key: 'unknown', outlets: 1, articles: 1 },
  ]);
  assert.deepEqual(bars.bySide, [
    { key: 'left', outlets: 2, articles: 3 },
    { key: 'center', outlets: 1, articles: 1 },
    { key: 'unknown', outlets: 1, articles: 1 },
  ]);
  assert.deepEqual(bars.byCountry.map((c) => [c.key, c.articles]), [['USA', 4], ['GBR', 1]]);
  assert.deepEqual(bars.byOwnership.map((c) => [c.key, c.articles]), [['wire', 1], ['private', 4]]);
  assert.deepEqual([sideOf('lean right'), sideOf('mixed'), sideOf(null)], ['right', null, null]);
});

test('blindspot: over 80% of at least 5 rated news articles from one side; unknown and mixed are not counted', () => {
  const r = { minShare: 0.8, minArticles: 5 };
  const cases: [string, [string, Lean | null][], string | null][] = [
    ['five from the left', [['A', 'left'], ['B', 'lean left'], ['C', 'left'], ['D', 'lean left'], ['E', 'left']], 'right'],
    ['four rated only', [['A', 'left'], ['B', 'left'], ['C', 'left'], ['D', 'left'], ['E', null], ['F', 'mixed']], null],
    ['exactly 80% is not over', [['A', 'right'], ['B', 'right'], ['C', 'lean right'], ['D', 'right'], ['E', 'center']], null],
    ['five of six from the right', [['A', 'right'], ['B', 'right'], ['C', 'lean right'], ['D', 'right'], ['E', 'right'], ['F', 'lean left']], 'left'],
    ['all center', [['A', 'center'], ['B', 'center'], ['C', 'center'], ['D', 'center'], ['E', 'center']], null],
  ];
  for (const [name, spec, missing] of cases) assert.equal(blindspotOf(countCoverage(items(spec)), r)?.missing ?? null, missing, name);
});

const opinion = (article: string, headline: string) => ({ article, headline, opinion: true });
const news = (article: string, headline: string, lead?: string) => ({ article, headline, lead, opinion: false });

test('neutral title: the headline with most shared content and least loaded wording; never an opinion headline', () => {
  const picked = neutralTitle([
    news('a', 'Senator SLAMS radical budget plan as council caves', 'The city council approved the budget plan on Tuesday.'),
    news('b', 'Council approves budget plan after long debate', 'The council approved the budget plan after a debate.'),
    news('c', 'Budget plan approved by council', 'The budget plan passed the council on Tuesday.'),
  ]);
  assert.ok(picked.title.value === 'Council approves budget plan after long debate' || picked.title.value === 'Budget plan approved by council', String(picked.title.value));
  assert.equal(picked.title.method, 'headline:most-shared-least-loaded');
  // The best-shared headline is an opinion piece's: a news headline is chosen instead.
  const withOpinion = neutralTitle([opinion('o', 'Council approves budget plan'), news('n', 'Budget vote ends a long week at city hall')]);
  assert.equal(withOpinion.article, 'n');
  assert.deepEqual(neutralTitle([opinion('o', 'The budget is a disgrace')]).title, unknown('only-opinion-headlines'));
  assert.deepEqual(neutralTitle([news('x', '')]).title, unknown('no-headlines'));
  assert.ok(loadedMarkers('BREAKING: Mayor blasts "reckless" council!') >= 4);
  assert.equal(loadedMarkers('Council approves budget plan'), 0);
});

function article(id: string, title: string, text: string): BriefingArticle {
  return {
    id,
    source: { path: `${id}.txt`, format: 'txt' },
    meta: { title: known(title, 'test', 1), outlet: unknown(), url: unknown(), published: unknown(), byline: unknown(), language: unknown() },
    text,
    removed: [],
    paragraphs: [{ start: 0, end: text.length }],
    sentences: [{ start: 0, end: text.indexOf('.') + 1, paragraph: 0 }],
    notes: [],
  } as unknown as BriefingArticle;
}

test('side by side: columns by lean, left to right; words no other side uses are marked', () => {
  const cols = sideBySide([
    { article: article('r', 'Court shields cops from lawsuits', 'The court shielded cops on Monday. More.'), outlet: profile('Right One', 'right') },
    { article: article('l', 'Court sides with officers', 'The court sided with officers on Monday. More.'), outlet: profile('Left One', 'left') },
    { article: article('u', 'Court rules', 'The court ruled. More.'), outlet: profile('Unrated', null) },
  ]);
  assert.deepEqual(cols.map((c) => c.lean), ['left', 'right', 'unknown']);
  const right = cols[1].cells[0];
  const words = right.marks.filter((m) => m.in === 'headline').map((m) => 'Court shields cops from lawsuits'.slice(m.start, m.end));
  assert.deepEqual(words, ['shields', 'cops', 'lawsuits']);
  // Unrated outlets are no side: nothing of theirs is marked, and their words do not unmark others'.
  assert.deepEqual(cols[2].cells[0].marks, []);
  assert.deepEqual(right.lead, { article: 'r', start: 0, end: 34 });
});

test('across stories: large stories an outlet missed, stories only one side covered', () => {
  const result = acrossStories(
    [
      { id: 'big', outlets: [{ outlet: 'A', lean: 'left' }, { outlet: 'B', lean: 'right' }, { outlet: 'C', lean: 'center' }] },
      { id: 'left-only', outlets: [{ outlet: 'A', lean: 'left' }, { outlet: 'D', lean: 'lean left' }, { outlet: 'X', lean: null }] },
      { id: 'small', outlets: [{ outlet: 'B', lean: 'right' }] },
    ],
    { minOutlets: 3, sideOnlyMinOutlets: 2 },
  );
  assert.deepEqual(result.large, ['big', 'left-only']);
  const missed = Object.fromEntries(result.outlets.map((o) => [o.outlet, o.missed]));
  assert.deepEqual(missed, { A: [], B: ['left-only'], C: ['left-only'], D: ['big'], X: ['big'] });
  assert.deepEqual(result.sideOnly, [
    { side: 'left', stories: ['left-only'] },
    { side: 'center', stories: [] },
    { side: 'right', stories: [] },
  ]);
});

// --- the AllSides development stories ---------------------------------------------------------------------

const DEV = 'eval/allsides';

interface DevStory {
  id: number;
  outlets: { outlet: string; lean: string; side: string; url: string }[];
}
interface DevArticle {
  title: string;
  outlet: string;
  url: string;
}

function readDev(): { story: DevStory; articles: DevArticle[] }[] {
  const dir = sharedPath('eval', 'allsides') as string;
  const files = new Set(readdirSync(join(dir, 'stories')));
  return readFileSync(join(dir, 'stories.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevStory)
    .filter((s) => s.outlets?.length && files.has(`${s.id}.jsonl`))
    .map((story) => ({
      story,
      articles: readFileSync(join(dir, 'stories', `${story.id}.jsonl`), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as DevArticle),
    }));
}

const SIDE_OF_LEAN: Record<string, string> = { left: 'left', 'lean left': 'left', center: 'center', 'lean right': 'right', right: 'right', mixed: 'mixed' };

test('development stories: the coverage bar and the blindspot agree with the published lean counts', { skip: needsShared(DEV) }, () => {
  const dev = readDev();
  assert.ok(dev.length >= 300, `${dev.length} stories`);
  // The published leans as a user registry, so the counts are checked against them, not against the registry's.
  const dir = mkdtempSync(join(tmpdir(), 'parallax-coverage-'));
  try {
    const leans = new Map<string, string>();
    for (const { story } of dev) for (const o of story.outlets) leans.set(o.outlet, o.lean);
    const file = join(dir, 'published.json');
    writeFileSync(file, JSON.stringify({ outlets: [...leans].map(([name, lean]) => ({ name, lean: { value: lean, source: 'AllSides (stories.jsonl)', date: '2021-10-18' } })) }));
    const registry = loadOutletRegistry(file);
    const pool: { covered: CoveredArticle; lean: string }[] = [];
    for (const { story, articles } of dev) {
      const covered = articles.map((a, i) => ({ article: `${story.id}:${i}`, outlet: matchOutlet({ id: `${story.id}:${i}`, outlet: a.outlet, url: a.url }, registry) }));
      const expected = new Map<string, number>();
      for (const a of articles) {
        const lean = story.outlets.find((o) => o.url === a.url)?.lean ?? story.outlets.find((o) => o.outlet === a.outlet)?.lean ?? 'unknown';
        expected.set(lean, (expected.get(lean) ?? 0) + 1);
        pool.push({ covered: { article: `${story.id}:${a.url}`, outlet: matchOutlet({ id: a.url, outlet: a.outlet, url: a.url }, registry) }, lean });
      }
      const bars = countCoverage(covered);
      assert.deepEqual(new Map(bars.byLean.map((c) => [c.key, c.articles])), expected, `story ${story.id}`);
      assert.equal(bars.bySide.reduce((s, c) => s + c.articles, 0), articles.length, `story ${story.id}`);
      // Three articles are fewer than a blindspot needs.
      assert.equal(blindspotOf(bars), null, `story ${story.id}`);
    }
    // Pools of articles across stories (fixed seed), and one-sided pools: the flag follows the published counts.
    const random = seededRandom(15);
    const pools: { covered: CoveredArticle; lean: string }[][] = [];
    for (let k = 0; k < 200; k++) pools.push(Array.from({ length: 3 + Math.floor(random() * 12) }, () => pool[Math.floor(random() * pool.length)]));
    for (const side of ['left', 'right']) pools.push(pool.filter((p) => SIDE_OF_LEAN[p.lean] === side).slice(0, 6));
    let flagged = 0;
    for (const p of pools) {
      const sides = { left: 0, center: 0, right: 0 } as Record<string, number>;
      for (const x of p) if (SIDE_OF_LEAN[x.lean] in sides) sides[SIDE_OF_LEAN[x.lean]]++;
      const rated = sides.left + sides.center + sides.right;
      const expected = rated >= 5 ? (sides.left / rated > 0.8 ? 'right' : sides.right / rated > 0.8 ? 'left' : null) : null;
      const got = blindspotOf(countCoverage(p.map((x) => x.covered)));
      assert.equal(got?.missing ?? null, expected, JSON.stringify(sides));
      if (got) flagged++;
    }
    assert.ok(flagged >= 2, 'the one-sided pools are flagged');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('development stories: the neutral title is never an opinion headline', { skip: needsShared(DEV) }, () => {
  const registry = loadOutletRegistry();
  let checked = 0;
  for (const { story, articles } of readDev()) {
    const base = articles.map((a, i) => ({
      article: `${story.id}:${i}`,
      headline: a.title,
      opinion: matchOutlet({ id: String(i), outlet: a.outlet, url: a.url }, registry).section === 'opinion',
    }));
    // Each article in turn taken as an opinion piece, beside the story's real ones.
    for (let i = 0; i < base.length; i++) {
      const candidates = base.map((c, k) => (k === i ? { ...c, opinion: true } : c));
      const opinionTitles = new Set(candidates.filter((c) => c.opinion).map((c) => c.headline));
      const newsTitles = new Set(candidates.filter((c) => !c.opinion).map((c) => c.headline));
      const { title, article } = neutralTitle(candidates);
      if (title.value !== null) {
        assert.ok(!candidates.find((c) => c.article === article)?.opinion, `story ${story.id}: chose opinion piece ${article}`);
        assert.ok(newsTitles.has(title.value) || !opinionTitles.has(title.value), `story ${story.id}`);
      } else assert.equal(newsTitles.size, 0, `story ${story.id}: no title though news headlines exist`);
      checked++;
    }
  }
  assert.ok(checked >= 900, `${checked} cases`);
});
