/** The quote lexicon in `data/quotes.json`, loaded once, lazily, and checked. */
import { readDataFile } from '../paths.js';

export interface QuoteLexicon {
  /** every inflected form of a reporting verb → its base form */
  verbForms: Map<string, string>;
  cuePhrases: string[][];
  channelWords: Set<string>;
  audienceWords: Set<string>;
  speakerPronouns: Set<string>;
  personNominals: Set<string>;
  titleWords: Set<string>;
  /** subordinators ("when", "although"): a clause they open is a frame, not a report */
  clauseOpeners: Set<string>;
}

let cached: QuoteLexicon | null = null;

/** Regular inflections of an English verb: enough for a lexicon lookup, not a morphology. */
export function inflections(verb: string): string[] {
  const forms = [verb];
  const consonantY = /[^aeiou]y$/.test(verb);
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb;
  forms.push(consonantY ? verb.slice(0, -1) + 'ies' : /(s|sh|ch|x|z|o)$/.test(verb) ? verb + 'es' : verb + 's');
  forms.push(consonantY ? verb.slice(0, -1) + 'ied' : stem + 'ed');
  forms.push(stem + 'ing');
  // CVC verbs double their last consonant (admit → admitted); both spellings are harmless as lookups.
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(verb)) {
    const last = verb[verb.length - 1];
    forms.push(verb + last + 'ed', verb + last + 'ing');
  }
  return forms;
}

/**
 * The lexicon, read from `data/quotes.json` on first use.
 *
 * @example
 * ```ts
 * quoteLexicon().verbForms.get('told'); // 'tell'
 * ```
 */
export function quoteLexicon(): QuoteLexicon {
  if (cached) return cached;
  const data = readDataFile('quotes.json', 'the quote lexicon');
  const { path: file, raw } = data;
  const list = (key: string): string[] => data.list(key, true);
  const irregular = raw.irregularForms;
  if (typeof irregular !== 'object' || irregular === null) throw new Error(`${file}: "irregularForms" must be an object`);
  const verbForms = new Map<string, string>();
  for (const verb of list('reportingVerbs')) for (const f of inflections(verb)) verbForms.set(f, verb);
  for (const [form, base] of Object.entries(irregular as Record<string, string>)) verbForms.set(form, base);
  cached = {
    verbForms,
    cuePhrases: list('cuePhrases').map((p) => p.split(' ')),
    channelWords: new Set(list('channelWords')),
    audienceWords: new Set(list('audienceWords')),
    speakerPronouns: new Set(list('speakerPronouns')),
    personNominals: new Set(list('personNominals')),
    titleWords: new Set(list('titleWords')),
    clauseOpeners: new Set(list('clauseOpeners')),
  };
  return cached;
}
