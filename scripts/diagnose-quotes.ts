/**
 * Content-span boundary errors of the quote taggers on the held-out tenth of PolNeAR train (or any split):
 * for each gold content that a predicted content overlaps but does not match exactly, what lies between the
 * two starts and the two ends, grouped into kinds (a leading "that", trailing punctuation, a further
 * sentence, ...). The tool for choosing extent rules without looking at dev.
 *
 *   npx tsx scripts/diagnose-quotes.ts [--model /tmp/held-out-model.json.gz] [--data ../shared/eval/polnear/train] [--all] [--examples 5]
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { buildDoc } from '../src/text/index.js';
import { readPolnear, type Fragment } from '../src/quotes/brat.js';
import { findQuotes } from '../src/quotes/index.js';
import { plainArticle } from '../src/model.js';
import { SequenceTagger } from '../src/quotes/perceptron.js';
import { isHeldOut } from '../src/quotes/split.js';
import { sharedPath } from '../src/paths.js';
import type { QuoteModel } from '../src/quotes/taggers.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    data: { type: 'string' },
    all: { type: 'boolean', default: false },
    examples: { type: 'string', default: '5' },
    role: { type: 'string', default: 'content' },
  },
});
const data = values.data ?? sharedPath('eval', 'polnear', 'train');
if (!data) throw new Error('no data: pass --data');
let model: QuoteModel | undefined;
if (values.model) {
  // a model from train-quotes --out, or a gzipped one as older runs wrote them
  const bytes = readFileSync(values.model);
  const stored = JSON.parse((bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8'));
  model = { cue: SequenceTagger.fromWeights(stored.cue), role: SequenceTagger.fromWeights(stored.role) };
}
const articles = readPolnear(data).filter((a) => values.all || isHeldOut(a.name));
const kinds = new Map<string, { n: number; examples: string[] }>();
const add = (kind: string, example: string): void => {
  const k = kinds.get(kind) ?? { n: 0, examples: [] };
  k.n++;
  if (k.examples.length < Number(values.examples)) k.examples.push(example);
  kinds.set(kind, k);
};
const show = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 28)}…${s.slice(-28)}` : s);
/** What a boundary difference is: the text between the two offsets, read from the side that has more. */
function classify(text: string, gold: number, pred: number, side: 'start' | 'end'): string {
  if (gold === pred) return 'same';
  const lo = Math.min(gold, pred);
  const hi = Math.max(gold, pred);
  const between = text.slice(lo, hi);
  const who = (side === 'start' ? pred < gold : pred > gold) ? 'pred+' : 'gold+';
  const t = between.trim().toLowerCase();
  if (/^[\s"“”'‘’]+$/.test(between)) return `${who} quote mark`;
  if (/^[\s.,;:!?"“”'‘’—–-]+$/.test(between)) return `${who} punctuation ${t.replace(/\s+/g, '')}`;
  if (/^(that|whether|if|to)\b/.test(t) && t.split(/\s+/).length === 1) return `${who} "${t}"`;
  if (/[.!?]["”’]?\s+\S/.test(between)) return `${who} sentence(s)`;
  const words = t.split(/\s+/).length;
  return `${who} ${words <= 3 ? `words "${t}"` : `${words > 10 ? '>10' : '4-10'} words`}`;
}
let gold = 0;
let exact = 0;
let missed = 0;
for (const a of articles) {
  const doc = buildDoc(plainArticle(a.text, a.name));
  const quotes = findQuotes(doc, model);
  const role = values.role as 'content' | 'source' | 'cue';
  const preds = quotes.map((q) => (role === 'content' ? q.content : role === 'cue' ? (q.cue ? [q.cue] : []) : q.source ? [q.source] : [])).filter((p) => p.length);
  for (const ann of a.annotations) {
    for (const at of ann.attributions) {
      const g: Fragment[] | null = role === 'source' ? at.source : at[role];
      if (!g || g.length === 0) continue;
      gold++;
      const gs = g[0].start;
      const ge = g[g.length - 1].end;
      let best: Fragment[] | null = null;
      let bestOverlap = 0;
      for (const p of preds) {
        let o = 0;
        for (const x of p) for (const y of g) o += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
        if (o > bestOverlap) {
          best = p;
          bestOverlap = o;
        }
      }
      if (!best) {
        missed++;
        continue;
      }
      const ps = best[0].start;
      const pe = best[best.length - 1].end;
      if (ps === gs && pe === ge) {
        if (best.length === g.length && best.every((x, i) => x.start === g[i].start && x.end === g[i].end)) exact++;
        else add(`gaps differ (${best.length} vs gold ${g.length} fragments)`, `${a.name}: gold ${show(g.map((x) => a.text.slice(x.start, x.end)).join(' | '))} pred ${show(best.map((x) => a.text.slice(x.start, x.end)).join(' | '))}`);
        continue;
      }
      const cue = at.cue.map((c) => a.text.slice(c.start, c.end)).join(' ');
      const ctx = (lo: number, hi: number): string => `${a.name.slice(0, 24)} cue "${cue}": ${show(a.text.slice(gs, ge))} differs by ${JSON.stringify(a.text.slice(lo, hi).slice(0, 160))}`;
      add(`start ${classify(a.text, gs, ps, 'start')}`, ctx(Math.min(gs, ps), Math.max(gs, ps)));
      add(`end ${classify(a.text, ge, pe, 'end')}`, ctx(Math.min(ge, pe), Math.max(ge, pe)));
    }
  }
}
console.log(`${articles.length} articles, ${gold} gold ${values.role} spans: ${exact} exact, ${missed} with no overlapping prediction, ${gold - exact - missed} overlapped with other boundaries`);
for (const [k, v] of [...kinds].sort((x, y) => y[1].n - x[1].n)) {
  if (k === 'start same' || k === 'end same') {
    console.log(`${String(v.n).padStart(5)}  ${k}`);
    continue;
  }
  console.log(`${String(v.n).padStart(5)}  ${k}`);
  for (const e of v.examples) console.log(`         ${e}`);
}
