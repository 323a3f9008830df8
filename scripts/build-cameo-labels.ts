/**
 * Builds `data/events/cameo-labels.json`: CAMEO event code → its short name ("0874" → "Retreat or surrender
 * militarily"), so the report can say what a code means. Read from the CAMEO codebook table in
 * `../shared/eval/events/codebooks/cameo-codes.clean.json` (after Andreas Beger's ICEWS/CAMEO table, MIT).
 * Root names, written in capitals in the codebook, are given in sentence case.
 *
 * Usage: `node --import tsx scripts/build-cameo-labels.ts`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dataPath, sharedPath } from '../src/paths.js';

const file = sharedPath('eval', 'events', 'codebooks', 'cameo-codes.clean.json');
if (!file) throw new Error('build-cameo-labels: ../shared/eval/events/codebooks/cameo-codes.clean.json is missing');
let rows: unknown;
try {
  rows = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  throw new Error(`${file}: cannot read the CAMEO codebook (${(err as Error).message})`);
}
if (!Array.isArray(rows)) throw new Error(`${file}: expected an array of {code, name}`);
const labels: Record<string, string> = {};
for (const [i, row] of rows.entries()) {
  const { code, name } = row as { code?: unknown; name?: unknown };
  if (typeof code !== 'string' || !/^\d{2,4}$/.test(code) || typeof name !== 'string' || name.trim() === '') {
    throw new Error(`${file}: row ${i} has no valid code and name`);
  }
  const trimmed = name.trim();
  labels[code] = trimmed === trimmed.toUpperCase() ? trimmed[0] + trimmed.slice(1).toLowerCase() : trimmed;
}
const out = dataPath('events', 'cameo-labels.json');
writeFileSync(out, JSON.stringify(labels, null, 0).replace(/,"/g, ',\n"') + '\n');
console.log(`${out}: ${Object.keys(labels).length} CAMEO codes`);
