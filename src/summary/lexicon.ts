/** The summary's word lists (data/summary-lexicon.json), loaded once, lazily. */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';

/** Word lists the summary reads; phrases are lowercase and matched on word boundaries. */
export interface SummaryLexicon {
  stopwords: Set<string>;
  reportingVerbs: Set<string>;
  attributionPhrases: string[];
  pronounStarts: Set<string>;
  /** lowercase connectives, longest first, so "in addition" is tried before "in" */
  connectiveStarts: string[];
  droppableLeadConnectives: Set<string>;
  opposeCues: string[];
  supportCues: string[];
}

let cached: SummaryLexicon | null = null;

/**
 * The summary lexicon.
 *
 * @example
 * ```ts
 * summaryLexicon().reportingVerbs.has('said'); // true
 * ```
 */
export function summaryLexicon(): SummaryLexicon {
  if (cached) return cached;
  const path = dataPath('summary-lexicon.json');
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`${path}: cannot read the summary lexicon: ${(err as Error).message}`);
  }
  const list = (key: string): string[] => {
    const v = raw[key];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new Error(`${path}: "${key}" must be a list of strings`);
    return (v as string[]).map((x) => x.toLowerCase());
  };
  const byLength = (xs: string[]): string[] => [...new Set(xs)].sort((a, b) => b.length - a.length);
  cached = {
    stopwords: new Set(list('stopwords')),
    reportingVerbs: new Set(list('reportingVerbs')),
    attributionPhrases: byLength(list('attributionPhrases')),
    pronounStarts: new Set(list('pronounStarts')),
    connectiveStarts: byLength(list('connectiveStarts')),
    droppableLeadConnectives: new Set(list('droppableLeadConnectives')),
    opposeCues: byLength(list('opposeCues')),
    supportCues: byLength(list('supportCues')),
  };
  return cached;
}
