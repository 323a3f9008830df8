/**
 * Memory of `parallax add`: peak RSS of one `add` of 1,000 and of 5,000 Reuters-21578 articles (the first
 * ones of ../shared/eval/unlabelled/reuters21578.jsonl), each into a fresh store, each in its own process.
 * The target: at most 400 MB, and 5,000 within 15% of 1,000 (article-level stages are streamed; what grows
 * is the corpus-level stages' working set).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './harness.js';
import { sharedPath } from '../src/paths.js';

const here = dirname(fileURLToPath(import.meta.url));

export interface ChildResult {
  seconds: number;
  cpuSeconds: number;
  added: number;
  skipped: number;
  failed: number;
  articles: number;
  stories: number;
  rebuilt: number;
  /** the rebuilt stories by cause (`CorpusReport.rebuiltBecause`) */
  rebuiltBecause: Record<string, number>;
  /** stories whose sections were kept and only their corpus actor links made again (`CorpusReport.relinked`) */
  relinked?: number;
  peakRssMB: number;
}

/** Run one `add` in a child process and read its figures. */
export function addInChild(db: string, inputs: string[]): ChildResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'store-child.ts'), db, ...inputs], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`add failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as ChildResult;
}

export default async function bench(): Promise<BenchRow[] | { skip: string }> {
  const file = sharedPath('eval', 'unlabelled', 'reuters21578.jsonl');
  if (!file) return { skip: 'needs ../shared/eval/unlabelled/reuters21578.jsonl' };
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const dir = mkdtempSync(join(tmpdir(), 'parallax-store-bench-'));
  try {
    const rows: BenchRow[] = [];
    const sizes = (process.env.PARALLAX_STORE_BENCH_SIZES ?? '1000,5000').split(',').map(Number);
    const peaks: number[] = [];
    for (const n of sizes) {
      const input = join(dir, `reuters-${n}.jsonl`);
      writeFileSync(input, lines.slice(0, n).join('\n') + '\n');
      const r = addInChild(join(dir, `reuters-${n}.db`), [input]);
      peaks.push(r.peakRssMB);
      rows.push({
        name: `add of ${n.toLocaleString('en-US')} Reuters-21578 articles into a new store (${r.added} added, ${r.failed} failed, ${r.stories} stories)`,
        figures: { 'peak RSS MB': r.peakRssMB, 'CPU s': r.cpuSeconds, 'wall s': r.seconds, 'articles per CPU s': r.added / r.cpuSeconds },
      });
    }
    if (peaks.length === 2) rows.push({ name: `peak RSS ${sizes[1]} vs ${sizes[0]} articles`, figures: { ratio: peaks[1] / peaks[0] } });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
