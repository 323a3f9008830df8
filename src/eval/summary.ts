/**
 * `parallax eval summary --data PREFIX [--json]`: ROUGE-1/2/L F1 of the cited summary on NeuS
 * (`PREFIX.source`, `PREFIX.target`), without and with Porter stemming, beside a LexRank baseline given the
 * same stories and the same word budget.
 *
 * NeuS stories are three outlets' articles (title + lead) joined by `[SEP]`, each `TITLE=> ... ARTICLE=> ...`;
 * the reference is the editors' neutral roundup in the same form. Titles are not summary material (headlines),
 * so the summary is scored against the reference's ARTICLE part.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Doc } from '../model.js';
import { buildDoc } from '../text/index.js';
import { plainArticle } from '../quotes/textdoc.js';
import { summarize, type SummaryWeights } from '../summary/index.js';
import { lexRank } from '../summary/lexrank.js';
import { rouge, type RougeScores } from '../summary/rouge.js';

/**
 * Summary length in words for NeuS: the median rouge-token count of the train split's reference bodies (57) —
 * measured with `node --import tsx scripts/tune-summary.ts`, which also picks it from the train split.
 */
export const NEUS_SUMMARY_WORDS = 57;

/** One NeuS story: its articles (title, body) and the reference summary body. */
export interface NeusStory {
  articles: { title: string; body: string }[];
  reference: string;
}

function splitTitled(part: string): { title: string; body: string } {
  const m = /^\s*TITLE=>\s*([\s\S]*?)\s*ARTICLE=>\s*([\s\S]*)$/.exec(part);
  return m ? { title: m[1].trim(), body: m[2].trim() } : { title: '', body: part.trim() };
}

/**
 * Read a NeuS split, with errors that name the file and the reason.
 *
 * @example
 * ```ts
 * const stories = readNeus('../shared/eval/summaries/neus/val');
 * stories[0].articles.length; // 3
 * ```
 */
export function readNeus(prefix: string): NeusStory[] {
  const sourcePath = `${prefix}.source`;
  const targetPath = `${prefix}.target`;
  for (const p of [sourcePath, targetPath]) if (!existsSync(p)) throw new Error(`${p}: no such file (--data takes the path without .source/.target)`);
  const sources = readFileSync(sourcePath, 'utf8').split('\n');
  const targets = readFileSync(targetPath, 'utf8').split('\n');
  while (sources.length && sources[sources.length - 1] === '') sources.pop();
  while (targets.length && targets[targets.length - 1] === '') targets.pop();
  if (sources.length !== targets.length) {
    throw new Error(`${prefix}: ${sources.length} source lines but ${targets.length} target lines`);
  }
  if (sources.length === 0) throw new Error(`${sourcePath}: no stories`);
  return sources.map((line, i) => {
    const articles = line.split('[SEP]').map(splitTitled).filter((a) => a.body.length > 0);
    if (articles.length === 0) throw new Error(`${sourcePath}:${i + 1}: no article text`);
    return { articles, reference: splitTitled(targets[i]).body };
  });
}

/** The text layer of a story's articles. */
export function storyDocs(story: NeusStory, id: string): Doc[] {
  return story.articles.map((a, k) => {
    const article = plainArticle(a.body, `${id}-${k}`);
    if (a.title) article.meta.title = { value: a.title, method: 'neus:title', confidence: 1 };
    return buildDoc(article);
  });
}

/**
 * The LexRank baseline at a word budget: sentences by LexRank score, each taken when it still fits (the first
 * always), shown in their article order.
 *
 * @example
 * ```ts
 * lexRankSummary(docs, 55); // 'First chosen sentence. Second ...'
 * ```
 */
export function lexRankSummary(docs: Doc[], words: number): string {
  const sentences = docs.flatMap((d) => d.sentences.map((s) => d.article.text.slice(s.start, s.end).trim())).filter((s) => s.length > 0);
  const scores = lexRank(sentences);
  const order = sentences.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const chosen: number[] = [];
  let used = 0;
  for (const i of order) {
    const n = sentences[i].split(/\s+/).length;
    if (chosen.length > 0 && used + n > words) continue;
    chosen.push(i);
    used += n;
  }
  return chosen.sort((a, b) => a - b).map((i) => sentences[i]).join(' ');
}

/** Mean ROUGE F1 of candidate texts against references. */
interface MeanRouge {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

function meanOf(scores: RougeScores[]): MeanRouge {
  const n = scores.length || 1;
  return {
    rouge1: scores.reduce((s, x) => s + x.rouge1.f1, 0) / n,
    rouge2: scores.reduce((s, x) => s + x.rouge2.f1, 0) / n,
    rougeL: scores.reduce((s, x) => s + x.rougeL.f1, 0) / n,
  };
}

/** Options of `scoreNeus`: the summary's length and weights, and which stories. */
export interface ScoreNeusOptions {
  words?: number;
  weights?: Partial<SummaryWeights>;
  cover?: boolean;
  /** score only the first N stories (tuning on a slice of train) */
  limit?: number;
  baseline?: boolean;
}

/**
 * ROUGE of the summary (and of LexRank) on NeuS stories.
 *
 * @example
 * ```ts
 * const r = scoreNeus(readNeus(prefix), { words: 55 });
 * r.summary.rouge1 > r.lexrank.rouge1;
 * ```
 */
export function scoreNeus(stories: NeusStory[], options: ScoreNeusOptions = {}): { items: number; summary: MeanRouge; summaryStem: MeanRouge; lexrank: MeanRouge | null } {
  const words = options.words ?? NEUS_SUMMARY_WORDS;
  const picked = stories.slice(0, options.limit ?? stories.length);
  const ours: RougeScores[] = [];
  const oursStem: RougeScores[] = [];
  const base: RougeScores[] = [];
  picked.forEach((story, i) => {
    const docs = storyDocs(story, `neus-${i}`);
    // NeuS leads carry no dates worth resolving; the time stage is skipped for speed, not for score.
    const summary = summarize(docs, { words, weights: options.weights, cover: options.cover, times: docs.map(() => []) });
    const text = summary.sentences.map((s) => s.text).join(' ');
    ours.push(rouge(text, story.reference));
    oursStem.push(rouge(text, story.reference, true));
    if (options.baseline !== false) base.push(rouge(lexRankSummary(docs, words), story.reference));
  });
  return { items: picked.length, summary: meanOf(ours), summaryStem: meanOf(oursStem), lexrank: options.baseline === false ? null : meanOf(base) };
}

/**
 * Evaluate the summary on a NeuS split.
 *
 * @example
 * ```ts
 * const { table, result } = await evaluate({ data: '../shared/eval/summaries/neus/val' });
 * result.rouge1; // mean ROUGE-1 F1
 * ```
 */
export async function evaluate(args: { data: string }): Promise<{ table: string; result: Record<string, unknown> }> {
  const stories = readNeus(args.data);
  const r = scoreNeus(stories);
  const base = r.lexrank as MeanRouge;
  const f = (x: number): string => x.toFixed(4);
  const table = [
    `summary: ${r.items} NeuS stories, ${NEUS_SUMMARY_WORDS}-word summaries, ROUGE F1 against the reference body`,
    '',
    'system                 rouge1  rouge2  rougeL',
    `parallax (mmr-tfidf)   ${f(r.summary.rouge1)}  ${f(r.summary.rouge2)}  ${f(r.summary.rougeL)}`,
    `parallax, stemmed      ${f(r.summaryStem.rouge1)}  ${f(r.summaryStem.rouge2)}  ${f(r.summaryStem.rougeL)}`,
    `lexrank (0.1)          ${f(base.rouge1)}  ${f(base.rouge2)}  ${f(base.rougeL)}`,
  ].join('\n');
  return {
    table,
    result: {
      task: 'summary',
      items: r.items,
      rouge1: r.summary.rouge1,
      rouge2: r.summary.rouge2,
      rougeL: r.summary.rougeL,
      rouge1_stem: r.summaryStem.rouge1,
      rouge2_stem: r.summaryStem.rouge2,
      rougeL_stem: r.summaryStem.rougeL,
      baseline: { name: 'lexrank', rouge1: base.rouge1, rouge2: base.rouge2, rougeL: base.rougeL },
    },
  };
}
