/**
 * The event-coding lexicon: CAMEO verb patterns, the CAMEO→PLOVER mapping, agent nouns and core verbs, read
 * once from `data/events/*.json` (built by `scripts/build-events.ts`; `core-verbs.json` is kept by hand).
 */
import { dataPath, readDataJson } from '../paths.js';
import type { PloverType } from '../model.js';
import { regularForms, type PatternElement, type VerbBlock, type VerbDictionary } from './verbdict.js';

export type { PatternElement, VerbPattern, VerbBlock, VerbDictionary } from './verbdict.js';

/** A CAMEO code's PLOVER reading. */
export interface PloverReading {
  type: PloverType;
  mode: string | null;
  context: string | null;
}

export interface EventLexicon extends VerbDictionary {
  plover: Map<string, PloverReading>;
  /** agent noun ("police", "rebel leaders") → sector (COP, REB) */
  agents: Map<string, string>;
  maxAgentWords: number;
}

let lexicon: EventLexicon | null = null;

function readJson<T>(file: string): T {
  return readDataJson<T>(['events', file], 'the event lexicon (rebuilt by scripts/build-events.ts)');
}

const PLOVER_TYPES = new Set<string>([
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
  'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
]);

/**
 * The event lexicon, loaded on first use.
 *
 * @example
 * eventLexicon().plover.get('173')?.type // → 'COERCE'
 */
export function eventLexicon(): EventLexicon {
  if (lexicon) return lexicon;
  const verbs = readJson<{ forms: Record<string, [number, string | null]>; blocks: [string, string | null, [PatternElement[], PatternElement[], string][]][] }>('verbs.json');
  const blocks: VerbBlock[] = verbs.blocks.map(([lemma, code, patterns]) => ({
    lemma,
    code,
    patterns: patterns.map(([pre, post, c]) => ({ pre, post, code: c })),
  }));
  const forms = new Map<string, [number, string | null]>(Object.entries(verbs.forms));
  // Core verbs fill the dictionary's gaps (blocks coded only through patterns) without overriding its codes.
  const coreFile = readJson<{ verbs: Record<string, string>; overrides?: Record<string, string> }>('core-verbs.json');
  for (const [lemma, code] of Object.entries(coreFile.overrides ?? {})) {
    const words = lemma.split(' ');
    for (const f of regularForms(words[0])) {
      const form = [f, ...words.slice(1)].join(' ');
      const known = forms.get(form);
      if (known) forms.set(form, [known[0], code]);
    }
  }
  const core = coreFile.verbs;
  for (const [lemma, code] of Object.entries(core)) {
    const words = lemma.split(' ');
    let blockIndex = -1;
    for (const f of regularForms(words[0])) {
      const form = [f, ...words.slice(1)].join(' ');
      const known = forms.get(form);
      if (known) {
        if (known[1] === null) forms.set(form, [known[0], code]);
        blockIndex = known[0];
      } else {
        if (blockIndex < 0) {
          blocks.push({ lemma, code, patterns: [] });
          blockIndex = blocks.length - 1;
        }
        forms.set(form, [blockIndex, code]);
      }
    }
  }
  const plover = new Map<string, PloverReading>();
  for (const [code, r] of Object.entries(readJson<{ codes: Record<string, { type: string; mode: string | null; context: string | null }> }>('cameo-plover.json').codes)) {
    if (!PLOVER_TYPES.has(r.type)) throw new Error(`${dataPath('events', 'cameo-plover.json')}: unknown PLOVER type "${r.type}" for ${code}`);
    plover.set(code, { type: r.type as PloverType, mode: r.mode, context: r.context });
  }
  const agents = new Map(Object.entries(readJson<{ agents: Record<string, string> }>('agents.json').agents));
  let maxFormWords = 1;
  for (const f of forms.keys()) maxFormWords = Math.max(maxFormWords, f.split(' ').length);
  let maxAgentWords = 1;
  for (const a of agents.keys()) maxAgentWords = Math.max(maxAgentWords, a.split(' ').length);
  lexicon = { forms, blocks, maxFormWords: Math.min(maxFormWords, 4), plover, agents, maxAgentWords: Math.min(maxAgentWords, 4) };
  return lexicon;
}

/**
 * The PLOVER reading of a CAMEO code: its own entry, else its three-digit parent, else its root. CAMEO 01
 * (statements) has none; CAMEO 02 (appeals) is read as REQUEST, which PLOVER made of appeals and demands.
 *
 * @example
 * ploverOf('0874')?.type // → 'RETREAT'
 * ploverOf('010') // → null
 */
export function ploverOf(cameo: string): PloverReading | null {
  const { plover } = eventLexicon();
  if (cameo.startsWith('01')) return null;
  if (cameo.startsWith('02')) {
    const demand = plover.get('10' + cameo.slice(2)) ?? plover.get('10' + cameo.slice(2, 3)) ?? plover.get('100');
    return demand ?? null;
  }
  return plover.get(cameo) ?? plover.get(cameo.slice(0, 3)) ?? plover.get(cameo.slice(0, 2)) ?? null;
}

/**
 * The PLOVER 0.5 type name for a CAMEO code (the names of the PLOVER gold-standard records): DEMAND for
 * appeals and demands, DISAPPROVE for criticism, INVESTIGATE, FIGHT for conventional military force.
 *
 * @example
 * plover05Of('193') // → 'FIGHT'
 */
export function plover05Of(cameo: string): string | null {
  // Easing a curfew or an emergency was CONCEDE before PLOVER 2021 ("'ease' is no longer a mode" in the mapping)
  if (cameo === '0813' || cameo === '0814') return 'CONCEDE';
  const root = cameo.slice(0, 2);
  if (root === '02' || root === '10') return 'DEMAND';
  if (root === '09') return 'INVESTIGATE';
  if (root === '11') return 'DISAPPROVE';
  if (root === '19') return 'FIGHT';
  return ploverOf(cameo)?.type ?? null;
}
