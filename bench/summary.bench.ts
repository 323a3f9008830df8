/**
 * A 50-article story analysed end to end and its report written: `analyze` (ingest … actors, quotes, times,
 * summary) + `renderHtml`, on 50 BBC politics articles written to a temporary folder as plain-text files (the
 * closest thing to one big story the shared data holds). Target: under 10 s. Run: `npm run bench -- summary`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './harness.js';
import { sharedPath } from '../src/paths.js';
import { analyze } from '../src/pipeline.js';
import { renderHtml } from '../src/render/html.js';
import { summarize } from '../src/summary/index.js';
import { buildDoc } from '../src/text/index.js';
import { plainArticle } from '../src/model.js';

const ARTICLES = 50;

export default async function bench(): Promise<BenchRow[] | { skip: string }> {
  const path = sharedPath('eval', 'unlabelled', 'bbc.jsonl');
  if (!path) return { skip: 'needs ../shared/eval/unlabelled/bbc.jsonl' };
  const records = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { title?: string; category?: string; text: string })
    .filter((r) => r.category === 'politics')
    .slice(0, ARTICLES);
  if (records.length < ARTICLES) return { skip: `only ${records.length} BBC politics articles` };
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-summary-'));
  try {
    const files = records.map((r, i) => {
      const file = join(dir, `${String(i).padStart(3, '0')}.txt`);
      writeFileSync(file, `${r.title ?? ''}\n\n${r.text}\n`);
      return file;
    });
    const words = records.reduce((n, r) => n + r.text.split(/\s+/).length, 0);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const briefing = await analyze(files, {});
    const t1 = performance.now();
    const html = renderHtml(briefing);
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    if (!briefing.summary || briefing.summary.sentences.length === 0) throw new Error('bench summary: no summary was made');
    if (html.length === 0) throw new Error('bench summary: empty report');
    // The summary stage alone, on the text layer, for its share of the total.
    const docs = records.map((r, i) => buildDoc(plainArticle(r.text, `bbc-${i}`)));
    const t3 = performance.now();
    summarize(docs, { sentences: 6, times: docs.map(() => []) });
    const t4 = performance.now();
    return [
      {
        name: `analyze + summary + renderHtml, ${ARTICLES} BBC politics articles (${words} words)`,
        // CPU seconds beside wall-clock: the 2 cores are shared, so wall time also counts other people's work.
        figures: { 's total': (t2 - t0) / 1000, 's analyze': (t1 - t0) / 1000, 's renderHtml': (t2 - t1) / 1000, 'CPU s': (cpu.user + cpu.system) / 1e6 },
      },
      { name: `summarize alone (${ARTICLES} articles, text layer built, no time stage)`, figures: { s: (t4 - t3) / 1000 } },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
