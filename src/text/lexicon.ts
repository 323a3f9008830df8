/**
 * The text layer's lexicons, read once from `data/` on first use: abbreviations (data/abbreviations.json) and
 * the reporting verbs that mark an attribution tail after a quote (data/sentence-attribution-verbs.json).
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';

/** How an abbreviation's period behaves at a possible sentence end. */
export type AbbreviationKind = 'neverFinal' | 'beforeNumber' | 'mayBeFinal';

export interface TextLexicon {
  /** keyed by the abbreviation with its period (`Mr.`, `U.S.`) */
  abbreviations: Map<string, AbbreviationKind>;
  /** lowercase reporting verbs (`said`, `asked`) */
  attributionVerbs: Set<string>;
}

let lexicon: TextLexicon | null = null;

function readJson(file: string): unknown {
  const path = dataPath(file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    throw new Error(`${path}: cannot read the text layer's lexicon: ${(err as Error).message}`);
  }
}

function stringList(value: unknown, path: string, key: string): string[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw new Error(`${path}: "${key}" must be a list of strings`);
  }
  return value;
}

/**
 * The lexicons, loaded on first call.
 *
 * @example
 * ```ts
 * textLexicon().abbreviations.get('Mr.'); // 'neverFinal'
 * ```
 */
export function textLexicon(): TextLexicon {
  if (lexicon) return lexicon;
  const abbreviationFile = 'abbreviations.json';
  const abbr = readJson(abbreviationFile) as Record<string, unknown>;
  const abbreviations = new Map<string, AbbreviationKind>();
  for (const kind of ['mayBeFinal', 'beforeNumber', 'neverFinal'] as const) {
    for (const entry of stringList(abbr[kind], dataPath(abbreviationFile), kind)) {
      if (!entry.endsWith('.')) throw new Error(`${dataPath(abbreviationFile)}: "${entry}" does not end in a period`);
      abbreviations.set(entry, kind);
      // A lowercase entry also matches when it opens a sentence ("Approx. 40 people ..."), except a single
      // letter: capitalised, that is an initial (p. → P.), which is read by shape.
      const capitalised = entry[0].toUpperCase() + entry.slice(1);
      if (entry.length > 2 && !abbreviations.has(capitalised)) abbreviations.set(capitalised, kind);
    }
  }
  const verbFile = 'sentence-attribution-verbs.json';
  const verbs = readJson(verbFile) as Record<string, unknown>;
  const attributionVerbs = new Set(stringList(verbs.verbs, dataPath(verbFile), 'verbs').map((v) => v.toLowerCase()));
  lexicon = { abbreviations, attributionVerbs };
  return lexicon;
}
