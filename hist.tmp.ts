import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from './src/ingest/index.js';
import { runArticle } from './src/pipeline.js';
const dirs = process.argv.slice(2);
const files = dirs.flatMap((d) => readdirSync(d).sort().map((f) => join(d, f)));
const order = process.env.REVERSE ? [...files].reverse() : files;
const out: Record<string, string> = {};
for (const f of order) {
  const { articles } = await ingest([{ path: f, data: readFileSync(f) }], {});
  for (const raw of articles) {
    const r = runArticle(raw, {});
    if ('error' in r) { out[f] = 'ERR ' + r.error.reason; continue; }
    const byStage: Record<string, string> = {};
    for (const l of r.layers) byStage[l.stage] = JSON.stringify(l.data);
    out[f] = JSON.stringify(byStage);
  }
}
process.stdout.write(JSON.stringify(out));
