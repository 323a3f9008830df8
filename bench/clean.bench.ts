/** Throughput of the clean stage (chrome, header, lossless text) and language detection on PolNeAR texts. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './harness.js';
import { sharedPath } from '../src/paths.js';
import { cleanArticle } from '../src/clean/index.js';
import { detectLanguage } from '../src/language/index.js';

export default async function (): Promise<BenchRow[] | { skip: string }> {
  const dir = sharedPath('eval', 'polnear', 'train', 'text');
  if (!dir) return { skip: 'needs ../shared/eval/polnear (not in a user\'s clone)' };
  const texts = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const raws = texts.map((raw, i) => ({ source: { path: `polnear-${i}.txt`, format: 'text' as const }, raw, meta: {} }));
  raws.slice(0, 50).forEach((r) => detectLanguage(cleanArticle(r, {}))); // warm up lexicons and the JIT
  let t = performance.now();
  const articles = raws.map((r) => cleanArticle(r, {}));
  const cleanMs = performance.now() - t;
  t = performance.now();
  articles.forEach((a) => detectLanguage(a));
  const langMs = performance.now() - t;
  return [
    { name: `clean (PolNeAR train, ${texts.length} articles)`, figures: { 'articles/s': (texts.length / cleanMs) * 1000, 'MB/s': bytes / 1e6 / (cleanMs / 1000) } },
    { name: `language (PolNeAR train, ${texts.length} articles)`, figures: { 'articles/s': (texts.length / langMs) * 1000, 'MB/s': bytes / 1e6 / (langMs / 1000) } },
  ];
}
