/**
 * Builds the event-coding data in `data/events/` from the open event-data dictionaries in
 * `../shared/eval/events`:
 *
 * - `verbs.json`: the CAMEO verb pattern dictionary (`CAMEO.2.0.txt`, PETRARCH format), compacted: verb forms
 *   (regular forms generated as PETRARCH does, irregular ones as listed) with their block and default code, and
 *   per block the noun-phrase patterns (`- * AID [070]`) with synonym sets (`&FOOD`) expanded.
 * - `cameo-plover.json`: CAMEO code → PLOVER type, mode and context (`CAMEO2PLOVER-2021.txt`).
 * - `agents.json`: agent nouns → CAMEO sector codes (`Phoenix.agents.txt`: "police" → COP).
 *
 * Usage: `node --import tsx scripts/build-events.ts`
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath, sharedPath } from '../src/paths.js';
import { parseVerbDictionary } from '../src/events/verbdict.js';

const root = sharedPath('eval', 'events');
if (!root) throw new Error('build-events: ../shared/eval/events is missing');

function read(...parts: string[]): string {
  const p = join(root!, ...parts);
  try {
    return readFileSync(p, 'utf8');
  } catch (err) {
    throw new Error(`${p}: cannot read (${(err as Error).message})`);
  }
}

// ------------------------------------------------------------------------------------------------ verbs

// The parser is runtime code (src/events/verbdict.ts): the evaluation reads a test set's own verb dictionary too.
const verbFile = join(root, 'codebooks', 'phoenix_petrarch2_dictionaries', 'CAMEO.2.0.txt');
const { forms, blocks } = parseVerbDictionary(read('codebooks', 'phoenix_petrarch2_dictionaries', 'CAMEO.2.0.txt'), verbFile);

// ------------------------------------------------------------------------------------------------ CAMEO → PLOVER

interface PloverCode {
  type: string;
  mode: string | null;
  context: string | null;
}
const mapping: Record<string, PloverCode> = {};
for (const raw of read('plover', 'CAMEO2PLOVER-2021.txt').split(/\r?\n/)) {
  const line = raw.replace(/#.*$/, '').trim();
  const m = /^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,]*))?(?:,(.*))?$/.exec(line);
  if (!m) continue;
  const mode = m[3]?.trim() || null;
  const context = m[4]?.trim() || null;
  if (!mapping[m[1]]) mapping[m[1]] = { type: m[2], mode, context };
}

// ------------------------------------------------------------------------------------------------ agents

const agents: Record<string, string> = {};
const substitutions = new Map<string, string[]>();
for (const raw of read('codebooks', 'phoenix_petrarch2_dictionaries', 'Phoenix.agents.txt').split(/\r?\n/)) {
  const line = raw.replace(/#.*$/, '').trim();
  if (!line) continue;
  const sub = /^!(\w+)!\s*=\s*(.*)$/.exec(line);
  if (sub) {
    substitutions.set(sub[1], sub[2].split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
    continue;
  }
  const m = /^([^[{]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]{3})[A-Z]*\]/.exec(line);
  if (!m) continue;
  const sector = m[3];
  const expand = (phrase: string): string[] => {
    const s = /!(\w+)!/.exec(phrase);
    if (!s) return [phrase];
    return (substitutions.get(s[1]) ?? []).flatMap((alt) => expand(phrase.replace(s[0], ' ' + alt + ' ')));
  };
  const names = [m[1], ...(m[2] ? m[2].slice(1, -1).trim().split(/\s+/) : [])].filter(Boolean);
  for (const n of names) {
    for (const e of expand(n)) {
      const key = e.replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
      if (!key || key.length < 3) continue;
      if (!(key in agents)) agents[key] = sector;
      // PETRARCH generates regular plurals itself
      const plural = /(s|sh|ch|x)$/.test(key) ? key + 'es' : /[^aeiou]y$/.test(key) ? key.slice(0, -1) + 'ies' : key + 's';
      if (!(plural in agents)) agents[plural] = sector;
    }
  }
}

// ------------------------------------------------------------------------------------------------ write

mkdirSync(dataPath('events'), { recursive: true });
const verbsOut = {
  _comment:
    'Built by scripts/build-events.ts from the CAMEO verb pattern dictionary CAMEO.2.0.txt (Open Event Data Alliance, MIT). forms: surface form -> [block, code|null]; blocks: [lemma, default code|null, patterns [pre, post, code]] where pre/post are lists of alternatives (word lists).',
  forms: Object.fromEntries([...forms.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
  blocks: blocks.map((b) => [b.lemma, b.code, b.patterns.map((p) => [p.pre, p.post, p.code])]),
};
writeFileSync(dataPath('events', 'verbs.json'), JSON.stringify(verbsOut) + '\n');
writeFileSync(
  dataPath('events', 'cameo-plover.json'),
  JSON.stringify(
    {
      _comment: 'Built by scripts/build-events.ts from CAMEO2PLOVER-2021.txt (PLOVER, CC BY-SA 4.0): CAMEO code -> PLOVER type, mode, context.',
      codes: mapping,
    },
    null,
    0,
  ) + '\n',
);
writeFileSync(
  dataPath('events', 'agents.json'),
  JSON.stringify({ _comment: 'Built by scripts/build-events.ts from Phoenix.agents.txt (PETRARCH, MIT): agent noun -> CAMEO sector.', agents }) + '\n',
);
console.log(
  `build-events: ${forms.size} verb forms in ${blocks.length} blocks, ${blocks.reduce((n, b) => n + b.patterns.length, 0)} patterns, ${Object.keys(mapping).length} CAMEO→PLOVER codes, ${Object.keys(agents).length} agent nouns`,
);
