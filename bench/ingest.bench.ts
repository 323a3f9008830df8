/**
 * Ingest + clean + language + text layer throughput, on one core, over PolNeAR train (840 news articles as
 * plain text). The files are read into memory first, so disk speed is not measured; each measurement is the
 * median of a few passes after a warm-up pass (which also loads the wink model).
 *
 * Rows: the whole chain as `analyze` runs it up to the text layer; ingest + clean + language alone; and the
 * text layer alone on the raw file texts (what `buildDoc` costs by itself).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './harness.js';
import { sharedPath } from '../src/paths.js';
import { plainArticle, type Article, type Doc, type RawArticle, type SourceInput } from '../src/model.js';
import { buildDoc } from '../src/text/index.js';
import { ingest } from '../src/ingest/index.js';
import { cleanArticle } from '../src/clean/index.js';
import { detectLanguage } from '../src/language/index.js';

const PASSES = 3;

interface Corpus {
  files: { path: string; data: Uint8Array }[];
  texts: string[];
  bytes: number;
}

function loadCorpus(dir: string): Corpus {
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const files = names.map((name) => ({ path: join(dir, name), data: readFileSync(join(dir, name)) }));
  const texts = files.map((f) => Buffer.from(f.data).toString('utf8'));
  return { files, texts, bytes: files.reduce((n, f) => n + f.data.byteLength, 0) };
}

interface Timing {
  /** median wall-clock seconds */
  seconds: number;
  /** median CPU seconds of this process: what the run costs when other work shares the cores */
  cpuSeconds: number;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** Median times of `PASSES` timed runs after one warm-up; the last run's result is returned too. */
async function time<T>(run: () => Promise<T>): Promise<Timing & { result: T }> {
  let result = await run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < PASSES; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    result = await run();
    const c = process.cpuUsage(c0);
    wall.push((performance.now() - t0) / 1000);
    cpu.push((c.user + c.system) / 1e6);
  }
  return { seconds: median(wall), cpuSeconds: median(cpu), result };
}

function figures(articles: number, bytes: number, tokens: number | null, t: Timing): Record<string, number> {
  const f: Record<string, number> = { 'articles/s': articles / t.seconds, 'MB/s': bytes / 1e6 / t.seconds };
  if (tokens !== null) {
    f['tokens/s'] = tokens / t.seconds;
    f['tokens per CPU-second'] = tokens / t.cpuSeconds;
  }
  return f;
}

export default async function bench(): Promise<BenchRow[] | { skip: string }> {
  const dir = sharedPath('eval', 'polnear', 'train', 'text');
  if (!dir) return { skip: 'needs ../shared/eval/polnear/train/text' };
  const corpus = loadCorpus(dir);
  const label = `PolNeAR train, ${corpus.files.length} articles, ${(corpus.bytes / 1e6).toFixed(1)} MB`;
  const rows: BenchRow[] = [];

  const textOnly = await time(async () => corpus.texts.map((t, i) => buildDoc(plainArticle(t, corpus.files[i].path))));
  const textTokens = textOnly.result.reduce((n, d) => n + d.tokens.length, 0);

  const clean = (raw: RawArticle): Article => detectLanguage(cleanArticle(raw, {}));
  const inputs: SourceInput[] = corpus.files.map((f) => ({ path: f.path, data: f.data }));
  const full = await time(async () => {
    const { articles } = await ingest(inputs, {});
    const docs: Doc[] = articles.map((raw) => buildDoc(clean(raw)));
    return docs;
  });
  const fullTokens = full.result.reduce((n, d) => n + d.tokens.length, 0);
  rows.push({
    name: `ingest + clean + language + text layer (${label})`,
    figures: figures(full.result.length, corpus.bytes, fullTokens, full),
  });
  const front = await time(async () => (await ingest(inputs, {})).articles.map(clean));
  rows.push({ name: `ingest + clean + language (${label})`, figures: figures(front.result.length, corpus.bytes, null, front) });
  rows.push({
    name: `text layer only, on the raw texts (${label})`,
    figures: figures(corpus.texts.length, corpus.bytes, textTokens, textOnly),
  });
  return rows;
}
