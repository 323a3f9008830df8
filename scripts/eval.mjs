// npm run eval: the acceptance evaluations, each `parallax eval <task>` on its data set in ../shared/eval, one
// after another, printing the figures the README's evaluation table shows. A data set that is absent is
// skipped with the reason (a user's clone has no ../shared); a task that fails fails the run.
//
//   npm run eval                 every row of the table
//   npm run eval -- ner quotes   these tasks only
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const shared = process.env.PARALLAX_SHARED ?? join('..', 'shared');
// The README's evaluation table, row by row: the task and the data it reads (relative to ../shared).
const ROWS = [
  ['extract', 'eval/extraction/trafilatura-en'],
  ['ner', 'eval/conll2003/eng.testa'],
  ['quotes', 'eval/polnear/dev'],
  ['time', 'eval/tempeval3'],
  ['events', 'eval/events/plover/plover-gsr.dev.json'],
  ['events', 'eval/events/petrarch2/PETR2_GSR_validation.flat.jsonl'],
  ['events', 'eval/events/petrarch2/PETR.UnitTest.records.flat.jsonl'],
  ['stories', 'eval/clustering/mmds2025/mds_ac_dev_final.json'],
  ['stories', 'eval/clustering/semeval2022/en_en_original_pairs.training_example.jsonl'],
  // a prefix: val.source and val.target
  ['summary', 'eval/summaries/neus/val', 'eval/summaries/neus/val.source'],
  ['sentences', 'eval/conll2003/eng.testa'],
  ['clean', 'eval/polnear/dev/text'],
  ['coverage', 'eval/allsides'],
  ['briefing', 'eval/allsides/gold'],
  // the second development gold lives in the repository (as spans) and reads its stories from ../shared
  ['briefing', './eval/gold', 'eval/allsides/stories'],
  ['seeds', 'seeds/gold.json'],
];

const only = process.argv.slice(2);
let failed = 0;
let ran = 0;
let skipped = 0;
for (const [task, data, needs] of ROWS) {
  if (only.length && !only.includes(task)) continue;
  const path = data.startsWith('./') ? data : join(shared, data);
  if (needs ? !existsSync(join(shared, needs)) : !existsSync(path)) {
    process.stdout.write(`skipped: eval ${task} (${path} is absent)\n`);
    skipped++;
    continue;
  }
  process.stdout.write(`\n== parallax eval ${task} --data ${path}\n`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'eval', task, '--data', path], { stdio: 'inherit' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status === 0) ran++;
  else {
    failed++;
    process.stdout.write(`eval ${task} failed (exit code ${r.status ?? r.signal})\n`);
  }
  process.stdout.write(`(${seconds.toFixed(1)} s)\n`);
}
process.stdout.write(`\n${ran} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 ? 1 : 0);
