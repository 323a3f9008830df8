/**
 * NER tagger throughput on one core: CoNLL-2003 eng.testa (51k tokens) tagged document by document with the
 * document-level features, after one warm-up pass (JIT, word cache), best of three timed passes. The harness
 * adds the process's peak RSS (model + knowledge-base gazetteer + word cache).
 */
import { performance } from 'node:perf_hooks';
import type { BenchRow } from './harness.js';
import { sharedPath } from '../src/paths.js';
import { readConll } from '../src/ner/conll.js';
import { loadTagger, tagDocument } from '../src/ner/tagger.js';

export default async function (): Promise<BenchRow[] | { skip: string }> {
  const file = sharedPath('eval', 'conll2003', 'eng.testa');
  if (!file) return { skip: 'needs ../shared/eval/conll2003/eng.testa' };
  const docs = readConll(file).map((d) => d.sentences.map((s) => s.words));
  const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);
  const l0 = performance.now();
  loadTagger();
  const loadSeconds = (performance.now() - l0) / 1000;
  const pass = (): number => {
    const t0 = performance.now();
    for (const d of docs) tagDocument(d);
    return (performance.now() - t0) / 1000;
  };
  const cold = pass();
  const best = Math.min(pass(), pass(), pass());
  return [
    { name: `tagger, eng.testa (${tokens} tokens), warm, best of 3`, figures: { 'tokens/s': tokens / best } },
    { name: 'tagger, first pass (cold)', figures: { 'tokens/s': tokens / cold } },
    { name: 'model + gazetteer load', figures: { s: loadSeconds } },
  ];
}
