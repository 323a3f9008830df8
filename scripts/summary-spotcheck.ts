/**
 * Prints the cited summary of AllSides stories for a reader's neutrality check (docs/summary-unseen.md):
 * `node --import tsx scripts/summary-spotcheck.ts ID...` reads `$PARALLAX_SHARED/eval/allsides/stories/<id>.jsonl`
 * (`../shared` beside the repository by default) and prints each summary sentence with the outlet it is taken from and whether it is
 * attributed. It scores nothing: the reading is done by a person against the source.
 */
import { join } from 'node:path';
import { analyze } from '../src/pipeline.js';
import { sharedPath } from '../src/paths.js';

const shared = sharedPath();
const ids = process.argv.slice(2);
if (!shared) {
  console.error('summary-spotcheck: no ../shared beside the repository (set PARALLAX_SHARED)');
  process.exit(2);
}
if (ids.length === 0) {
  console.error('usage: node --import tsx scripts/summary-spotcheck.ts ID...');
  process.exit(2);
}
for (const id of ids) {
  const briefing = await analyze([join(shared, 'eval/allsides/stories', `${id}.jsonl`)]);
  console.log(`# ${id}`);
  briefing.summary.sentences.forEach((s, i) => {
    const art = briefing.articles.find((a) => a.id === s.citations[0]?.article);
    console.log(`${i + 1}. [${art?.meta.outlet.value ?? '?'}${s.attributed ? ', attributed' : ''}; ${s.citations.length} cited] ${s.text}`);
  });
}
