/** Event coding throughput: sentences/s on one core, over the PLOVER dev records and PETR-2 validation sentences. */
import { readFileSync } from 'node:fs';
import type { BenchRow } from './harness.js';
import { sharedPath } from '../src/paths.js';
import { codeSentence } from '../src/events/coder.js';

export default async function (): Promise<BenchRow[] | { skip: string }> {
  const plover = sharedPath('eval', 'events', 'plover', 'plover-gsr.dev.json');
  const petr = sharedPath('eval', 'events', 'petrarch2', 'PETR2_GSR_validation.flat.jsonl');
  if (!plover || !petr) return { skip: 'needs ../shared/eval/events' };
  const sentences: string[] = [
    ...(JSON.parse(readFileSync(plover, 'utf8')) as { text: string }[]).map((r) => r.text),
    ...readFileSync(petr, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text),
  ];
  codeSentence(sentences[0]); // load the lexicon and the knowledge base outside the timing
  const rounds = 5;
  const t0 = process.hrtime.bigint();
  let events = 0;
  for (let r = 0; r < rounds; r++) for (const s of sentences) events += codeSentence(s).events.length;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return [
    {
      name: `codeSentence (tokens + POS + actors + CAMEO patterns), ${sentences.length} sentences x ${rounds}`,
      figures: { 'sentences/s': (sentences.length * rounds) / seconds, 'events/s': events / seconds },
    },
  ];
}
