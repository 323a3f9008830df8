/** The summary's word lists (data/summary-lexicon.json), loaded once, lazily. */
import { readDataFile } from '../paths.js';

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
  const data = readDataFile('summary-lexicon.json', 'the summary lexicon');
  const list = (key: string): string[] => data.list(key, true);
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
