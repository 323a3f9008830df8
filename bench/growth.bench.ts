/**
 * `npm run bench -- growth`: how each stage's cost grows with its input, so that a stage that turns
 * superlinear (a scan of the whole article per sentence, per quote or per time expression) shows up as an
 * exponent above 1. One generated plain-text article of S and of 2·S (PARALLAX_GROWTH_MB, default 0.5), and a
 * corpus of N and 2·N tiny articles (PARALLAX_GROWTH_ARTICLES, default 500), each analysed whole in this
 * process after a warm-up; per stage, the CPU seconds at both sizes and the exponent log2(cost at 2x / cost at x)
 * (1 for linear, about 1.1 for n·log n, 2 for quadratic). Stages under 0.1 CPU-s at the larger size are left
 * out: their ratio is noise. The text is made up; no data set is read.
 */
import type { BenchRow } from './harness.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/pipeline.js';
import { ARTICLE_STAGES, CORPUS_STAGES, STORY_STAGES } from '../src/stages.js';
import { renderJsonChunks } from '../src/render/json.js';

const SENTENCES = [
  'The port authority said on Monday that the night shifts would be reviewed.',
  'Union members voted to end the strike after three days of talks.',
  '"We have an agreement that protects our members," the union spokesperson said.',
  'Shipping lines reported delays of up to two days at the container terminal.',
  'The minister for transport welcomed the deal in a statement on Tuesday.',
];

function longArticle(mb: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const p = `${SENTENCES[i % 5]} ${SENTENCES[(i * 3 + 1) % 5]} Paragraph ${i}.`;
    paragraphs.push(p);
    size += p.length + 2;
  }
  return `Port strike ends after talks\n\n${paragraphs.join('\n\n')}\n`;
}

function manyArticles(n: number): string {
  return `${Array.from({ length: n }, (_, i) => JSON.stringify({ title: `Brief ${i}`, text: `${SENTENCES[i % 5]} Item ${i}.`, outlet: `Outlet ${i % 7}` })).join('\n')}\n`;
}

const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** CPU seconds per stage (and the JSON writer) for one input file. */
async function costs(path: string, spent: Map<string, number>): Promise<Record<string, number>> {
  spent.clear();
  const b = await analyze([path]);
  const t = cpuSeconds();
  let chars = 0;
  for (const chunk of renderJsonChunks(b)) chars += chunk.length;
  spent.set('json', cpuSeconds() - t);
  if (chars === 0) throw new Error(`${path}: the JSON writer wrote nothing`);
  return Object.fromEntries(spent);
}

export default async function bench(): Promise<BenchRow[]> {
  const spent = new Map<string, number>();
  for (const stage of [...ARTICLE_STAGES, ...CORPUS_STAGES, ...STORY_STAGES]) {
    const run = stage.run.bind(stage) as (...a: unknown[]) => unknown;
    (stage as { run: (...a: unknown[]) => unknown }).run = (...a: unknown[]) => {
      const t = cpuSeconds();
      try {
        return run(...a);
      } finally {
        spent.set(stage.name, (spent.get(stage.name) ?? 0) + cpuSeconds() - t);
      }
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'parallax-growth-'));
  try {
    const mb = Number(process.env.PARALLAX_GROWTH_MB ?? 0.5);
    const n = Number(process.env.PARALLAX_GROWTH_ARTICLES ?? 500);
    const inputs: [string, string, string][] = [
      [`one article, ${mb} and ${2 * mb} MB`, longArticle(mb), longArticle(2 * mb)],
      [`${n} and ${2 * n} tiny articles`, manyArticles(n), manyArticles(2 * n)],
    ];
    writeFileSync(join(dir, 'warm.txt'), longArticle(0.01));
    await costs(join(dir, 'warm.txt'), spent);
    const rows: BenchRow[] = [];
    for (const [name, small, large] of inputs) {
      const ext = name.includes('tiny') ? 'jsonl' : 'txt';
      writeFileSync(join(dir, `small.${ext}`), small);
      writeFileSync(join(dir, `large.${ext}`), large);
      const a = await costs(join(dir, `small.${ext}`), spent);
      const b = await costs(join(dir, `large.${ext}`), spent);
      for (const stage of Object.keys(b)) {
        if (b[stage] < 0.1) continue;
        rows.push({ name: `${name}: ${stage}`, figures: { 'CPU-s': a[stage], 'CPU-s at 2x': b[stage], exponent: Math.log2(b[stage] / Math.max(a[stage], 1e-3)) } });
      }
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
