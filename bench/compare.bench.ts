/**
 * The compare stage (claims agree / conflict / unique, framing lens, voices) on PolNeAR train articles taken as
 * one story from its seven outlets (publisher and date from metadata.tsv), at 50 and 150 articles: units
 * (quotes + time expressions per article), then claims (sentences aligned across outlets: quadratic in the
 * story's size), framing and voices, each timed, on one core. The text layer is built before timing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './harness.js';
import type { Doc } from '../src/model.js';
import { sharedPath } from '../src/paths.js';
import { cleanArticle } from '../src/clean/index.js';
import { buildDoc } from '../src/text/index.js';
import { buildClaims, buildFraming, buildUnits, buildVoices } from '../src/compare/index.js';

const SIZES = [50, 150];

function cpuSeconds(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
}

export default async function (): Promise<BenchRow[] | { skip: string }> {
  const root = sharedPath('eval', 'polnear');
  if (root === null) return { skip: "needs ../shared/eval/polnear (not in a user's clone)" };
  const meta = new Map<string, { publisher: string; date: string }>();
  for (const line of readFileSync(join(root, 'metadata.tsv'), 'utf8').split('\n').slice(1)) {
    const f = line.split('\t');
    if (f.length > 5) meta.set(f[1], { publisher: f[4], date: f[5] });
  }
  const dir = join(root, 'train', 'text');
  // In date order (file names are publisher_date_slug), so the outlets interleave as a story's articles do.
  const byDate = (f: string): string => f.split('_')[1] ?? '';
  const files = readdirSync(dir).sort((a, b) => byDate(a).localeCompare(byDate(b)) || a.localeCompare(b)).slice(0, Math.max(...SIZES));
  const docs: Doc[] = files.map((file) => {
    const m = meta.get(file.replace(/\.txt$/, ''));
    const raw = readFileSync(join(dir, file), 'utf8');
    return buildDoc(cleanArticle({ source: { path: file, format: 'text' }, raw, meta: { outlet: { value: m?.publisher ?? null, method: 'meta:test', confidence: 1 } } }, {}));
  });
  const rows: BenchRow[] = [];
  for (const n of SIZES) {
    const story = docs.slice(0, n);
    const sentences = story.reduce((s, d) => s + d.sentences.length, 0);
    const wall = performance.now();
    const cpu = process.cpuUsage();
    let t = performance.now();
    const units = buildUnits(story, { anchorFor: (d) => meta.get(d.article.source.path.replace(/\.txt$/, ''))?.date ?? null });
    const unitsMs = performance.now() - t;
    t = performance.now();
    const claims = buildClaims(units);
    const claimsMs = performance.now() - t;
    t = performance.now();
    const framing = buildFraming(units);
    const framingMs = performance.now() - t;
    t = performance.now();
    const voices = buildVoices(units);
    const voicesMs = performance.now() - t;
    const totalMs = performance.now() - wall;
    const cpuS = cpuSeconds(cpu);
    const outlets = new Set(units.map((u) => u.outlet.key)).size;
    const kinds = (k: string): number => claims.filter((c) => c.kind === k).length;
    rows.push(
      { name: `compare: units (quotes + times), ${n} articles`, figures: { 'articles/s': (n / unitsMs) * 1000, s: unitsMs / 1000 } },
      { name: `compare: claims, ${n} articles, ${sentences} sentences, ${outlets} outlets → ${kinds('agree')} agree / ${kinds('conflict')} conflict / ${kinds('unique')} unique`, figures: { 'articles/s': (n / claimsMs) * 1000, s: claimsMs / 1000 } },
      { name: `compare: framing (${framing.rows.length} rows) + voices (${voices.length})`, figures: { 'articles/s': (n / (framingMs + voicesMs)) * 1000, s: (framingMs + voicesMs) / 1000 } },
      { name: `compare: all, ${n} articles as one story`, figures: { 'articles/s': (n / totalMs) * 1000, 'wall s': totalMs / 1000, 'cpu s': cpuS } },
    );
  }
  return rows;
}
