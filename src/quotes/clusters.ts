/**
 * Word clusters for the quote taggers (`models/quotes-clusters.tsv.gz`, `word<TAB>bit path`): a copy of the
 * clusters `scripts/build-clusters.ts` learns from unlabelled news, kept apart so that rebuilding the NER's
 * clusters cannot silently shift the features the quote model was trained on. Words used alike share path
 * prefixes ("said", "added", "argued"), which lets a cue seen rarely in training borrow from its neighbours.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { modelPath } from '../paths.js';

let cached: Map<string, string> | null = null;

/**
 * Lower-cased word → cluster path, loaded once.
 *
 * @example
 * ```ts
 * wordClusters().get('said'); // a bit string such as '0100111010'
 * ```
 */
/** Drops the loaded clusters (the next `wordClusters` reads them again): see `releaseQuoteModels`. */
export function releaseWordClusters(): void {
  cached = null;
}

export function wordClusters(): Map<string, string> {
  if (cached) return cached;
  const file = modelPath('quotes-clusters.tsv.gz');
  let text: string;
  try {
    text = gunzipSync(readFileSync(file)).toString('utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read the word clusters: ${(err as Error).message}`);
  }
  const map = new Map<string, string>();
  text.split('\n').forEach((line, k) => {
    if (!line) return;
    const tab = line.indexOf('\t');
    const path = line.slice(tab + 1);
    if (tab <= 0 || !/^[01]+$/.test(path)) throw new Error(`${file}:${k + 1}: expected "word<TAB>bits", got ${JSON.stringify(line.slice(0, 40))}`);
    map.set(line.slice(0, tab), path);
  });
  cached = map;
  return cached;
}
