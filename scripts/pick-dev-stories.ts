// Picks the AllSides development stories for hand annotation (eval/gold/) with a fixed, seeded rule, so that
// no one hand-picks towards easy stories:
//   1. eligible = every id with a stories/<id>.jsonl file, minus 6086, the 10 ids already in ../shared gold/ and
//      the ids of the gold files (<id>.json) in every `--exclude DIR` folder;
//   2. each of 10 topic groups (below) maps AllSides `topic` values to a group;
//   3. within a group, eligible ids are sorted numerically and the pick is index
//      (first 8 hex digits of sha256(SEED + ":" + group) as an integer) mod count.
// Run: npx tsx scripts/pick-dev-stories.ts [--seed S] [--exclude DIR]...   (prints "id<TAB>group<TAB>topic<TAB>issue")
// Without options it reproduces eval/gold/ (seed parallax-devgold-2026); eval/gold-b/ is
//   npx tsx scripts/pick-dev-stories.ts --seed parallax-devgold-b-2026 --exclude eval/gold
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sharedPath } from '../src/paths.js';

const { values } = parseArgs({
  options: { seed: { type: 'string', default: 'parallax-devgold-2026' }, exclude: { type: 'string', multiple: true, default: [] } },
});
const SEED = values.seed;

/** Topic groups: AllSides topics that belong to each of the ten subject areas. */
const GROUPS: Record<string, string[]> = {
  courts: ['Supreme Court', 'Justice'],
  elections: ['Elections', 'Voting Rights and Voter Fraud'],
  immigration: ['Immigration'],
  economy: ['Economy and Jobs', 'Economic Policy', 'Taxes', 'Federal Budget', 'Trade', 'Banking and Finance', 'Treasury'],
  health: ['Coronavirus', 'Public Health', 'Healthcare', 'FDA', 'COVID-19 Misinformation', 'Safety and Sanity During COVID-19'],
  'climate/weather': ['Climate Change', 'Disaster', 'Energy'],
  tech: ['Technology', 'Cybersecurity', 'Media Industry'],
  'foreign policy': ['Foreign Policy', 'World', 'Middle East', 'China', 'Russia', 'Israel', 'Europe', 'Asia', 'State Department'],
  crime: ['Violence in America', 'Criminal Justice', 'FBI', 'Gun Control and Gun Rights'],
  congress: ['US House', 'US Senate', 'US Congress'],
};

const dir = sharedPath('eval', 'allsides');
if (!dir) {
  console.error('needs ../shared/eval/allsides (not in a user clone)');
  process.exit(1);
}
/** Ids of the gold files (`<id>.json`) in a folder; a missing folder is an error, not an empty exclusion. */
function goldIds(folder: string): number[] {
  if (!existsSync(folder)) {
    console.error(`--exclude ${folder}: no such folder`);
    process.exit(1);
  }
  return readdirSync(folder)
    .map((f) => /^(\d+)\.json$/.exec(f))
    .filter((m) => m !== null)
    .map((m) => Number.parseInt(m[1], 10));
}
const excluded = new Set([6086, ...goldIds(join(dir, 'gold')), ...values.exclude.flatMap((d) => goldIds(resolve(d)))]);
const meta = readFileSync(join(dir, 'stories.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: number; topic: string; issue: string });
const eligible = meta
  .filter((m) => !excluded.has(m.id) && existsSync(join(dir, 'stories', `${m.id}.jsonl`)))
  .sort((a, b) => a.id - b.id);

for (const [group, topics] of Object.entries(GROUPS)) {
  const pool = eligible.filter((m) => topics.includes(m.topic));
  const h = Number.parseInt(createHash('sha256').update(`${SEED}:${group}`).digest('hex').slice(0, 8), 16);
  const m = pool[h % pool.length];
  console.log(`${m.id}\t${group}\t${m.topic}\t${m.issue}\t(${h % pool.length} of ${pool.length})`);
}
