/**
 * `npm run bench -- speed`: the speed targets of the speed issue, each beside its floor or peer measured in the
 * same run, as ratios.
 *
 * 1. Article-level stages (clean … mentions, src/stages.ts) on PolNeAR train: articles per CPU-second of one
 *    core (the ingest is not counted; models are loaded by a warm-up article first).
 * 2. The whole job (`analyze` + `renderHtml`) on PolNeAR train, against wink-nlp tokenising, tagging and
 *    splitting the same texts in this process: the ratio of CPU seconds.
 * 3. One story of growing size (250 … 2,000 articles: PolNeAR train and dev, the AllSides stories, then BBC
 *    records, in that order) through the corpus and story stages with every article in one story (compare and
 *    summary included); the time exponent between the smallest and the largest size (1 is linear;
 *    n·log n from 250 to 2,000 is about 1.3). A size is skipped when the one before it took longer than
 *    PARALLAX_SPEED_BUDGET seconds (default 120), since the next would take longer still.
 * 4. Process start to report written for one short article (`node dist/bin.js analyze … -o x.html`) and
 *    `--help`, against a bare `node -e ''`: medians of 9 runs, interleaved (needs `npm run build`; on a
 *    shared machine 5 runs left the ratio swinging by a third between two runs a minute apart).
 *
 * Sizes: PARALLAX_SPEED_ARTICLES (default 840, the article-level and whole-job rows), PARALLAX_SPEED_STORY
 * (default "250,500,1000,2000"). PARALLAX_SPEED_PARTS picks the parts to run by number ("3" for the one story
 * alone, "1,2"; default all four): each part costs minutes, and a change to one stage needs one part. The load
 * average is printed: on a shared machine wall time means little, so the ratios are of CPU time where the work
 * is in this process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './harness.js';
import { filesOf, storyArticles, wholeStory } from './one-story-inputs.js';
import { packageRoot, sharedPath } from '../src/paths.js';
import { ingest } from '../src/ingest/index.js';
import { analyze, orderedParts, runArticle, runCorpus, runScope } from '../src/pipeline.js';
import { STORY_STAGES } from '../src/stages.js';
import { renderHtml } from '../src/render/html.js';

const cpu = (start: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
};

function timed<T>(run: () => T): { value: T; wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = run();
  return { value, wall: (performance.now() - t) / 1000, cpu: cpu(c) };
}

async function timedAsync<T>(run: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await run();
  return { value, wall: (performance.now() - t) / 1000, cpu: cpu(c) };
}

/** wink-nlp on its own: tokens, POS tags and sentences of each text (its own sentence splitter, not ours). */
function winkPass(texts: string[]): number {
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
  const model = require('wink-eng-lite-web-model') as import('wink-eng-lite-web-model').Model;
  const nlp = winkNLP(model, ['sbd', 'pos']);
  let tokens = 0;
  for (const text of texts) {
    const doc = nlp.readDoc(text);
    tokens += doc.tokens().out(nlp.its.pos).length;
    doc.sentences().out();
  }
  return tokens;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/** Wall seconds of a child process: medians of `runs`, the commands interleaved so load hits them alike. */
function processTimes(commands: { name: string; args: string[] }[], runs: number): Map<string, number> {
  const times = new Map<string, number[]>(commands.map((c) => [c.name, []]));
  for (let r = 0; r < runs; r++) {
    for (const c of commands) {
      const t = performance.now();
      const p = spawnSync(process.execPath, c.args, { stdio: 'ignore', cwd: packageRoot });
      if (p.status !== 0 && p.status !== 3) throw new Error(`${c.name}: exit code ${p.status}`);
      times.get(c.name)?.push((performance.now() - t) / 1000);
    }
  }
  return new Map([...times].map(([k, v]) => [k, median(v)]));
}

const load = (): string => os.loadavg().map((x) => x.toFixed(1)).join(' ');

export default async function bench(): Promise<BenchRow[] | { skip: string }> {
  const train = sharedPath('eval', 'polnear', 'train', 'text');
  if (!train) return { skip: 'needs ../shared/eval/polnear/train/text' };
  const rows: BenchRow[] = [];
  const parts = new Set((process.env.PARALLAX_SPEED_PARTS ?? '1,2,3,4').split(',').map((x) => x.trim()));
  const n = Number(process.env.PARALLAX_SPEED_ARTICLES ?? 840);
  const inputs = filesOf(train).slice(0, n);
  const texts = inputs.map((f) => Buffer.from(f.data).toString('utf8'));
  const label = `PolNeAR train, ${inputs.length} articles`;

  // 1. article-level stages, one core
  if (parts.has('1')) {
    const { articles } = await ingest(inputs, {});
    runArticle(articles[0], {});
    const art = timed(() => articles.map((raw) => runArticle(raw, {})));
    rows.push({
      name: `article-level stages, ${label} (target ≥ 200 articles per CPU-second; load ${load()})`,
      figures: { 'articles per CPU-s': articles.length / art.cpu, 'articles/s wall': articles.length / art.wall, 'cpu s': art.cpu },
    });
  }

  // 2. the whole job against wink-nlp on the same texts, same process
  if (parts.has('2')) {
    const wink = timed(() => winkPass(texts));
    const whole = await timedAsync(async () => renderHtml(await analyze(inputs.map((f) => ({ ...f })))).length);
    rows.push({
      name: `whole job (analyze + renderHtml), ${label}, vs wink-nlp tokens + POS + sentences of the same texts (${wink.value} tokens) (target ≤ 8x; load ${load()})`,
      figures: { 'parallax cpu s': whole.cpu, 'wink cpu s': wink.cpu, 'ratio (cpu)': whole.cpu / wink.cpu, 'ratio (wall)': whole.wall / wink.wall, 'articles/s wall': inputs.length / whole.wall },
    });
  }

  if (parts.has('3')) rows.push(...(await oneStory(train)));
  if (parts.has('4')) rows.push(...startUp(train));
  return rows;
}

/** Part 3: one story of growing size through the corpus and story stages, with its time exponent. */
async function oneStory(train: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // 3. one story of growing size: corpus + story stages, every article in the one story
  const sizes = (process.env.PARALLAX_SPEED_STORY ?? '250,500,1000,2000').split(',').map(Number);
  const budget = Number(process.env.PARALLAX_SPEED_BUDGET ?? 120);
  const { docs, said, mentions } = await storyArticles(train, Math.max(...sizes));
  const points: { n: number; cpu: number }[] = [];
  for (const size of sizes) {
    if (size > docs.length) {
      rows.push({ name: `one story of ${size} articles: skipped, only ${docs.length} articles read`, figures: {} });
      continue;
    }
    const last = points[points.length - 1];
    if (last && last.cpu > budget) {
      rows.push({ name: `one story of ${size} articles: skipped, ${last.n} articles took ${last.cpu.toFixed(0)} CPU-s (over the ${budget} s budget)`, figures: {} });
      continue;
    }
    const some = docs.slice(0, size);
    const ids = new Set(some.map((d) => d.article.id));
    // CPU seconds of each stage too: which one grows is what a change to this row needs to know.
    const stageCpu: Record<string, number> = {};
    const t = timed(() => {
      const corpus = timed(() => runCorpus({ options: {}, docs: some, said: new Map([...said].filter(([id]) => ids.has(id))), mentions: mentions.slice(0, size), parts: {} }));
      stageCpu['corpus stages cpu s'] = corpus.cpu;
      const work = corpus.value;
      const one = wholeStory(work.stories, some);
      work.stories = [one];
      for (const stage of STORY_STAGES) stageCpu[`${stage.name} cpu s`] = timed(() => runScope(work, one, [stage])).cpu;
      return orderedParts(work.parts);
    });
    points.push({ n: size, cpu: t.cpu });
    rows.push({
      name: `one story of ${size} articles: corpus + story stages (actors, stories, articles … compare, coverage, summary) (target < 60 s at 2,000; load ${load()})`,
      figures: { 'cpu s': t.cpu, 'wall s': t.wall, 'claims': t.value.claims?.length ?? 0, ...stageCpu },
    });
  }
  if (points.length >= 2) {
    const a = points[0];
    const b = points[points.length - 1];
    const exponent = Math.log(b.cpu / a.cpu) / Math.log(b.n / a.n);
    const nlogn = Math.log((b.n * Math.log(b.n)) / (a.n * Math.log(a.n))) / Math.log(b.n / a.n);
    rows.push({ name: `time growth of one story, ${a.n} → ${b.n} articles (CPU time ∝ n^exponent; n·log n is ${nlogn.toFixed(2)})`, figures: { exponent } });
  }

  return rows;
}

/** Part 4: start-up, as whole processes. */
function startUp(train: string): BenchRow[] {
  const rows: BenchRow[] = [];
  const bin = join(packageRoot, 'dist', 'bin.js');
  if (!existsSync(bin)) {
    rows.push({ name: 'start-up: skipped, needs dist/bin.js (npm run build)', figures: {} });
    return rows;
  }
  const shortest = filesOf(train).sort((x, y) => statSync(x.path).size - statSync(y.path).size)[0].path;
  const out = mkdtempSync(join(tmpdir(), 'parallax-speed-'));
  try {
    const t = processTimes(
      [
        { name: 'node', args: ['-e', ''] },
        { name: 'help', args: [bin, '--help'] },
        { name: 'one', args: [bin, 'analyze', shortest, '-q', '--force', '-o', join(out, 'one.html')] },
      ],
      9,
    );
    const node = t.get('node') ?? 1;
    rows.push({ name: `start-up: one short article (${statSync(shortest).size} bytes) to an HTML report, vs node -e '' (target ≤ 12x; load ${load()})`, figures: { 's': t.get('one') ?? 0, "node -e '' s": node, ratio: (t.get('one') ?? 0) / node } });
    rows.push({ name: "start-up: parallax --help vs node -e '' (target ≤ 3x)", figures: { 's': t.get('help') ?? 0, ratio: (t.get('help') ?? 0) / node } });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return rows;
}
