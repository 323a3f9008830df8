// Packs hand-annotated AllSides gold files (GOLD.md format, exact substrings) into span form for the
// repository, or unpacks them back to readable form. Article text never enters the repository: see
// src/eval/goldpack.ts.
//
//   npx tsx scripts/pack-gold.ts /tmp/devgold eval/gold            # pack: strings -> {"at": [start, end]}
//   npx tsx scripts/pack-gold.ts --unpack eval/gold /tmp/devgold-read  # unpack: spans -> strings
//
// The story input of each file is its `input` path (relative to the file's folder, or absolute); when that is
// missing or absent, ../shared/eval/allsides/stories/<id>.jsonl. Packed files get `input` relative to the
// output folder; unpacked files get it absolute, so they can be read from anywhere. A bad file is reported
// with its name and reason, the others are still written, and the exit code is 1.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type AllSidesGold, packGold, parseStoryInput, unpackGold } from '../src/eval/goldpack.js';
import { sharedPath } from '../src/paths.js';

const { values, positionals } = parseArgs({ options: { unpack: { type: 'boolean', default: false } }, allowPositionals: true });
if (positionals.length !== 2) {
  console.error('usage: npx tsx scripts/pack-gold.ts [--unpack] <in-folder> <out-folder>');
  process.exit(2);
}
const [inDir, outDir] = positionals.map((p) => resolve(p));
mkdirSync(outDir, { recursive: true });

function storyOf(gold: { id?: unknown; input?: unknown }, file: string): string {
  if (typeof gold.input === 'string' && gold.input) {
    const p = isAbsolute(gold.input) ? gold.input : resolve(inDir, gold.input);
    if (existsSync(p)) return p;
  }
  const p = sharedPath('eval', 'allsides', 'stories', `${gold.id}.jsonl`);
  if (!p) throw new Error(`${file}: story input not found (input ${JSON.stringify(gold.input)}, id ${JSON.stringify(gold.id)})`);
  return p;
}

let failed = 0;
const files = readdirSync(inDir).filter((f) => f.endsWith('.json')).sort();
for (const name of files) {
  const file = join(inDir, name);
  try {
    const gold = JSON.parse(readFileSync(file, 'utf8'));
    const story = storyOf(gold, file);
    const articles = parseStoryInput(readFileSync(story, 'utf8'), story);
    const out = values.unpack
      ? unpackGold(gold as AllSidesGold<never>, articles, file, story)
      : packGold(gold as AllSidesGold, articles, file, relative(outDir, story));
    // `input` second, as in GOLD.md
    const { id, input, ...rest } = out;
    writeFileSync(join(outDir, name), `${JSON.stringify({ id, input, ...rest }, null, 2)}\n`);
  } catch (e) {
    failed++;
    console.error((e as Error).message);
  }
}
console.log(`${values.unpack ? 'unpacked' : 'packed'} ${files.length - failed} of ${files.length} files into ${outDir}`);
process.exit(failed ? 1 : 0);
