/**
 * `parallax eval quotes --data DIR`: attribution on a PolNeAR split (brat standoff). Scores Source, Cue and
 * Content spans exactly and by overlap, and speaker accuracy: of the gold attributions whose content was
 * found (a predicted content overlaps it), the share whose predicted source overlaps the gold source.
 *
 * Articles annotated by several people are scored against each annotator with weight 1/annotators, so every
 * article counts once.
 */
import { buildDoc } from '../text/index.js';
import { readPolnear, type Fragment } from '../quotes/brat.js';
import { findQuotes } from '../quotes/index.js';
import { plainArticle } from '../model.js';
import type { Quote } from '../model.js';
import type { QuoteModel } from '../quotes/taggers.js';

interface Counts { predicted: number; gold: number; tpPredicted: number; tpGold: number }
const zero = (): Counts => ({ predicted: 0, gold: 0, tpPredicted: 0, tpGold: 0 });
type Role = 'source' | 'cue' | 'content';
const ROLES: Role[] = ['source', 'cue', 'content'];

const keyOf = (frs: Fragment[]): string => frs.map((f) => `${f.start}-${f.end}`).join(';');
const overlaps = (a: Fragment[], b: Fragment[]): boolean => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));

function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.predicted ? c.tpPredicted / c.predicted : 0;
  const r = c.gold ? c.tpGold / c.gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Unique spans by key. */
function unique(spans: Fragment[][]): Map<string, Fragment[]> {
  const m = new Map<string, Fragment[]>();
  for (const s of spans) if (s.length) m.set(keyOf(s), s);
  return m;
}

function predictedSpans(quotes: Quote[], role: Role): Fragment[][] {
  return quotes.map((q) => (role === 'content' ? q.content : role === 'cue' ? (q.cue ? [q.cue] : []) : q.source ? [q.source] : []));
}

/**
 * Scores `findQuotes` on a PolNeAR split folder.
 *
 * @example
 * ```ts
 * const { result } = await evaluate({ data: '../shared/eval/polnear/dev' });
 * result.content; // { exact: { p, r, f1 }, overlap: { p, r, f1 } }
 * ```
 */
export async function evaluate(args: {
  data: string;
  /** keeps only the articles (by name) it accepts, e.g. the held-out part of train */
  select?: (name: string) => boolean;
  /** the model to score instead of the committed one */
  model?: QuoteModel;
}): Promise<{ table: string; result: Record<string, unknown> }> {
  const articles = readPolnear(args.data).filter((a) => !args.select || args.select(a.name));
  if (articles.length === 0) throw new Error(`${args.data}: no article left after selection`);
  const exact: Record<Role, Counts> = { source: zero(), cue: zero(), content: zero() };
  const overlap: Record<Role, Counts> = { source: zero(), cue: zero(), content: zero() };
  let speakerFound = 0;
  let speakerRight = 0;
  let tokens = 0;
  const t0 = performance.now();
  for (const a of articles) {
    const doc = buildDoc(plainArticle(a.text, a.name));
    tokens += doc.tokens.length;
    const quotes = findQuotes(doc, args.model);
    const weight = 1 / a.annotations.length;
    for (const ann of a.annotations) {
      for (const role of ROLES) {
        const gold = unique(ann.attributions.map((at) => (role === 'source' ? at.source ?? [] : at[role])));
        const pred = unique(predictedSpans(quotes, role));
        const e = exact[role];
        const o = overlap[role];
        e.predicted += weight * pred.size;
        e.gold += weight * gold.size;
        o.predicted += weight * pred.size;
        o.gold += weight * gold.size;
        for (const k of pred.keys()) if (gold.has(k)) {
          e.tpPredicted += weight;
          e.tpGold += weight;
        }
        for (const p of pred.values()) if ([...gold.values()].some((g) => overlaps(p, g))) o.tpPredicted += weight;
        for (const g of gold.values()) if ([...pred.values()].some((p) => overlaps(p, g))) o.tpGold += weight;
      }
      for (const at of ann.attributions) {
        if (!at.source) continue;
        const match = quotes.find((q) => overlaps(q.content, at.content));
        if (!match) continue;
        speakerFound += weight;
        if (match.source && overlaps([match.source], at.source)) speakerRight += weight;
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const scores = Object.fromEntries(ROLES.map((r) => [r, { exact: prf(exact[r]), overlap: prf(overlap[r]) }])) as Record<Role, { exact: ReturnType<typeof prf>; overlap: ReturnType<typeof prf> }>;
  const speakerAccuracy = speakerFound ? speakerRight / speakerFound : 0;
  const f = (x: number): string => x.toFixed(3);
  const lines = [
    `quotes: ${articles.length} articles (${args.data}), ${Math.round(tokens / seconds).toLocaleString('en-US')} tokens/s with tokenising`,
    'span      exact P  exact R  exact F1  overlap P  overlap R  overlap F1',
    ...ROLES.map((r) => {
      const s = scores[r];
      return `${r.padEnd(8)}  ${f(s.exact.p).padStart(7)}  ${f(s.exact.r).padStart(7)}  ${f(s.exact.f1).padStart(8)}  ${f(s.overlap.p).padStart(9)}  ${f(s.overlap.r).padStart(9)}  ${f(s.overlap.f1).padStart(10)}`;
    }),
    `speaker accuracy (source right where content found): ${f(speakerAccuracy)} of ${speakerFound.toFixed(1)}`,
  ];
  return {
    table: lines.join('\n'),
    result: { task: 'quotes', articles: articles.length, ...scores, speaker_accuracy: speakerAccuracy },
  };
}
