/**
 * Runs one bench module in this process and prints its rows with the process's peak RSS.
 * A bench module: `export default async function (): Promise<BenchRow[] | { skip: string }>`.
 */
import { pathToFileURL } from 'node:url';
import { basename } from 'node:path';

export interface BenchRow {
  /** what was measured, e.g. "ingest + text layer (PolNeAR train, 840 articles)" */
  name: string;
  /** figures, e.g. { 'articles/s': 123, 'MB/s': 1.2, 'tokens/s': 456000 } */
  figures: Record<string, number>;
}

const file = process.argv[2];
const mod = (await import(pathToFileURL(file).href)) as { default: () => Promise<BenchRow[] | { skip: string }> };
const out = await mod.default();
const stage = basename(file, '.bench.ts');
if ('skip' in out) {
  console.log(`${stage}: skipped (${out.skip})`);
} else {
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  for (const row of out) {
    const figs = Object.entries(row.figures)
      .map(([k, v]) => `${v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2)} ${k}`)
      .join(', ');
    console.log(`${stage}: ${row.name}: ${figs}; peak RSS ${peak} MB`);
  }
}
