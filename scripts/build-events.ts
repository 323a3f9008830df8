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

/** One element of a pattern: alternatives, each a phrase of lower-case words. */
type Alternatives = string[][];
interface Pattern {
  /** words that must come before the verb (nearest last), and after it, in order */
  pre: Alternatives[];
  post: Alternatives[];
  code: string;
}
interface Block {
  lemma: string;
  code: string | null;
  patterns: Pattern[];
}

const verbText = read('codebooks', 'phoenix_petrarch2_dictionaries', 'CAMEO.2.0.txt');
const lines = verbText.split(/\r?\n/);
const synsets = new Map<string, string[][]>();
const blocks: Block[] = [];
/** surface form (lower case, words joined by space) → [block index, code or null] */
const forms = new Map<string, [number, string | null]>();

function codeOf(bracket: string | undefined): string | null {
  if (!bracket) return null;
  const first = bracket.split(':')[0].trim();
  return /^\d{2,4}$/.test(first) ? first : null;
}

/** Regular English verb forms, as PETRARCH generates them for entries without listed forms. */
function regularForms(word: string): string[] {
  const w = word.toLowerCase();
  const out = new Set([w]);
  if (/(s|sh|ch|x|z|o)$/.test(w)) out.add(w + 'es');
  else if (/[^aeiou]y$/.test(w)) out.add(w.slice(0, -1) + 'ies');
  else out.add(w + 's');
  if (w.endsWith('e')) {
    out.add(w + 'd');
    out.add(w.slice(0, -1) + 'ing');
  } else if (/[^aeiou]y$/.test(w)) {
    out.add(w.slice(0, -1) + 'ied');
    out.add(w + 'ing');
  } else {
    out.add(w + 'ed');
    out.add(w + 'ing');
    // Doubled final consonant after a short vowel (ban → banned): both spellings, the wrong one never occurs.
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(w)) {
      out.add(w + w.at(-1) + 'ed');
      out.add(w + w.at(-1) + 'ing');
    }
  }
  return [...out];
}

function phraseWords(raw: string): string[] {
  return raw
    .replace(/^\+/, '')
    .split('_')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

let currentSet: string | null = null;
let block: Block | null = null;
for (let i = 0; i < lines.length; i++) {
  const raw = lines[i];
  const line = raw.replace(/#.*$/, '').trimEnd();
  if (line.trim() === '') {
    currentSet = null;
    continue;
  }
  const header = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(line);
  if (header) {
    currentSet = null;
    block = { lemma: header[1].toLowerCase().replace(/_/g, ' '), code: codeOf(header[2]), patterns: [] };
    blocks.push(block);
    continue;
  }
  if (!block) {
    // synonym-set section
    const set = /^&(\S+)/.exec(line);
    if (set) {
      currentSet = set[1].replace(/_$/, '');
      synsets.set(currentSet, []);
    } else if (currentSet && line.startsWith('+')) {
      synsets.get(currentSet)!.push(phraseWords(line.slice(1)));
    }
    continue;
  }
  if (line.startsWith('-')) {
    const m = /^-\s*(.*?)\s*\[([^\]]*)\]/.exec(line);
    if (!m) continue;
    const code = codeOf(m[2]);
    if (!code) continue;
    const body = m[1];
    const star = body.indexOf('*');
    if (star < 0) continue;
    const toElements = (s: string): Alternatives[] => {
      const out: Alternatives[] = [];
      // {A B} is one literal phrase; ( ) only groups; $ + % ^ are actor slots and do not constrain words.
      const re = /\{([^}]*)\}|&(\w+)|([A-Za-z][A-Za-z'\-.]*)/g;
      for (const t of s.matchAll(re)) {
        if (t[1] !== undefined) {
          const words: string[] = [];
          for (const w of t[1].trim().split(/\s+/)) {
            if (w.startsWith('&')) {
              const alts = synsets.get(w.slice(1).replace(/_$/, ''));
              if (alts && alts.length) words.push(alts[0].join(' '));
            } else words.push(w.toLowerCase().replace(/_/g, ' '));
          }
          out.push([words.join(' ').split(' ')]);
        } else if (t[2] !== undefined) {
          const alts = synsets.get(t[2].replace(/_$/, ''));
          if (alts && alts.length) out.push(alts);
        } else if (t[3] !== undefined) {
          out.push([[t[3].toLowerCase()]]);
        }
      }
      return out;
    };
    const pre = toElements(body.slice(0, star));
    const post = toElements(body.slice(star + 1));
    if (pre.length + post.length === 0) {
      // "- * [code]": the pattern only re-codes the bare verb
      block.patterns.push({ pre, post, code });
    } else block.patterns.push({ pre, post, code });
    continue;
  }
  // a verb line: WORD or +MULTI_WORD, optional {forms}, optional [code]
  const m = /^(\+?[A-Z][A-Z_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/.exec(line.trim());
  if (!m) continue;
  const code = codeOf(m[3]?.slice(1, -1)) ?? block.code;
  const words = phraseWords(m[1]);
  if (words.length === 0) continue;
  const blockIndex = blocks.length - 1;
  const add = (form: string): void => {
    if (!forms.has(form)) forms.set(form, [blockIndex, code]);
  };
  if (m[2]) {
    add(words.join(' '));
    for (const f of m[2].slice(1, -1).trim().split(/\s+/)) if (f) add(phraseWords(f).join(' '));
    if (words.length === 1) for (const f of regularForms(words[0])) add(f);
  } else {
    // Inflect the first word of a multi-word verb ("call off" → "called off").
    for (const f of regularForms(words[0])) add([f, ...words.slice(1)].join(' '));
  }
}

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
