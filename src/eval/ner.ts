/**
 * `parallax eval ner --data FILE [--predictions OUT] [--json]`: exact-span P/R/F1 of the trained tagger on a
 * CoNLL file, overall and per type, by conlleval's rules (an entity counts only when type and both
 * boundaries match), with its throughput, beside compromise (people/places/organizations → PER/LOC/ORG) on
 * the same file. `--predictions` writes the file back with one more column: the predicted IOB1 tag.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { CONLL_TYPES, iob1Of, readConll, SpanScorer, spansOf, type ConllDocument, type PRF, type TokenSpan } from '../ner/conll.js';
import { loadTagger, tagDocument } from '../ner/tagger.js';

const require = createRequire(import.meta.url);

interface CompromiseMatch {
  offset: { start: number; length: number };
}
interface CompromiseView {
  json(opts: { offset: boolean }): CompromiseMatch[];
}
interface CompromiseDoc {
  people(): CompromiseView;
  places(): CompromiseView;
  organizations(): CompromiseView;
}

/** compromise's people/places/organizations as token spans of one sentence (words joined by spaces). */
function compromiseSpans(nlp: (text: string) => CompromiseDoc, words: readonly string[]): TokenSpan[] {
  const starts: number[] = [];
  let text = '';
  for (const w of words) {
    if (text) text += ' ';
    starts.push(text.length);
    text += w;
  }
  const tokenAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const doc = nlp(text);
  const spans: TokenSpan[] = [];
  const add = (view: CompromiseView, type: string): void => {
    for (const m of view.json({ offset: true })) {
      // compromise trims punctuation off its matches: a span covers every token the match touches
      const start = tokenAt(m.offset.start);
      const end = tokenAt(m.offset.start + Math.max(m.offset.length, 1) - 1) + 1;
      if (!spans.some((s) => s.start < end && start < s.end)) spans.push({ start, end, type });
    }
  };
  add(doc.people(), 'PER');
  add(doc.organizations(), 'ORG');
  add(doc.places(), 'LOC');
  return spans.sort((a, b) => a.start - b.start);
}

const round = (x: number): number => Number(x.toFixed(4));
const prf = (s: PRF): PRF => ({ p: round(s.p), r: round(s.r), f1: round(s.f1) });

/** Scores the tagger and compromise on `data`; see the module comment. */
export async function evaluate(args: { data: string; predictions?: string }): Promise<{
  table: string;
  result: Record<string, unknown>;
}> {
  const docs: ConllDocument[] = readConll(args.data);
  const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
  const tokens = docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.words.length, 0), 0);
  if (sentences === 0) throw new Error(`${args.data}: no sentences`);
  loadTagger(); // load outside the timed part: throughput is tagging, not reading the model

  const scorer = new SpanScorer();
  const predicted: string[][][] = [];
  const t0 = performance.now();
  for (const d of docs) predicted.push(tagDocument(d.sentences.map((s) => s.words)));
  const seconds = (performance.now() - t0) / 1000;
  docs.forEach((d, di) => d.sentences.forEach((s, si) => scorer.add(spansOf(s.gold), spansOf(predicted[di][si]))));

  const nlp = require('compromise') as (text: string) => CompromiseDoc;
  const baseline = new SpanScorer();
  const b0 = performance.now();
  const baselineSpans = docs.map((d) => d.sentences.map((s) => compromiseSpans(nlp, s.words)));
  const baselineSeconds = (performance.now() - b0) / 1000;
  docs.forEach((d, di) => d.sentences.forEach((s, si) => baseline.add(spansOf(s.gold), baselineSpans[di][si])));

  if (args.predictions) {
    const lines: string[] = [];
    docs.forEach((d, di) => {
      lines.push('-DOCSTART- -X- -X- O O', '');
      d.sentences.forEach((s, si) => {
        const tags = iob1Of(spansOf(predicted[di][si]), s.words.length);
        s.columns.forEach((cols, i) => lines.push(`${cols.join(' ')} ${tags[i]}`));
        lines.push('');
      });
    });
    writeFileSync(args.predictions, lines.join('\n'));
  }

  const overall = prf(scorer.score());
  const perType = Object.fromEntries(CONLL_TYPES.map((t) => [t, prf(scorer.score(t))])) as Record<string, PRF>;
  const base = prf(baseline.score());
  const result = {
    task: 'ner',
    sentences,
    ...overall,
    per_type: perType,
    tokens_per_s: Math.round(tokens / seconds),
    baseline: { name: 'compromise', ...base, tokens_per_s: Math.round(tokens / baselineSeconds) },
  };
  const pct = (x: number): string => (x * 100).toFixed(2).padStart(6);
  const row = (name: string, s: PRF, extra = ''): string => `${name.padEnd(22)} ${pct(s.p)} ${pct(s.r)} ${pct(s.f1)}${extra}`;
  const table = [
    `NER on ${args.data}: ${sentences} sentences, ${tokens} tokens (exact spans, conlleval rules)`,
    `${''.padEnd(22)}      P      R     F1`,
    row('parallax (overall)', overall, `   ${result.tokens_per_s.toLocaleString('en-US')} tokens/s`),
    ...CONLL_TYPES.map((t) => row(`  ${t}`, perType[t])),
    row('compromise (baseline)', base, `   ${result.baseline.tokens_per_s.toLocaleString('en-US')} tokens/s`),
    ...['PER', 'ORG', 'LOC'].map((t) => row(`  ${t}`, prf(baseline.score(t)))),
  ].join('\n');
  return { table, result };
}
