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
import type { Doc, Summary } from '../model.js';
import { buildDoc } from '../text/index.js';
import { plainArticle } from '../model.js';
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

// ---------------------------------------------------------------------------------------------------------
// The summary checks of `parallax eval seeds` (issue 7): scored from the gold stances, dates and actors, so no
// name, outlet or phrase of the sample articles is written here.

/** The gold parts the summary checks read (gold.json `stances`, `dates`, `actors`). */
interface SummaryGold {
  stances?: { proposition: string; holder: string; polarity: string; articles: string[] }[];
  dates?: { article: string; text: string; value: string }[];
  actors?: { id: string; name: string; country?: string | null; aliases?: string[]; metonymy?: string[] }[];
}

/** What the summary checks need of a seed case (a subset of src/eval/seeds.ts `SeedCase`). */
export interface SummarySeedCase {
  file: string;
  article: { id: string; text: string } | null;
  summary?: Summary;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Whether a text names a day by month and day number, in either order ("January 23", "23 January"). */
function namesDay(text: string, iso: string): boolean {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const month = MONTHS[Number(m[1]) - 1];
  const day = String(Number(m[2]));
  const lower = text.toLowerCase();
  return new RegExp(`\\b${month}\\s+${day}(?!\\d)|(?<!\\d)${day}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${month}\\b`).test(lower);
}

/** The names a stance holder goes by: its gold actor's name and aliases, its people's aliases, its demonym stem. */
function holderNames(holder: string, gold: SummaryGold): string[] {
  const actor = gold.actors?.find((a) => a.id === holder);
  const own = actor ? [actor.name, ...(actor.aliases ?? []), ...(actor.metonymy ?? [])] : [holder];
  const people = (gold.actors ?? []).filter((a) => actor && a.country && a.country.toLowerCase() === actor.name.toLowerCase());
  return [...own, ...people.flatMap((p) => [p.name, ...(p.aliases ?? [])])].filter((n) => n.length > 1);
}

/** Whether a name starts a word of the text ("Iran" in "Iranian"): names and their demonyms share the stem. */
function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}`, 'u').test(text);
}

/**
 * The seeds summary checks: the summary cites at least four in five of the articles; both sides of the most
 * contested gold proposition are stated as attributed positions (a sentence naming a holder of each side, citing
 * one of that side's articles); the most-reported gold date is given; every sentence has a citation that
 * resolves to a real span.
 *
 * @example
 * ```ts
 * const { found, total } = scoreSeedsSummary(cases, gold);
 * ```
 */
export function scoreSeedsSummary(cases: SummarySeedCase[], gold: SummaryGold): { found: number; total: number; misses: string[] } {
  const r = { found: 0, total: 0, misses: [] as string[] };
  const summary = cases.find((c) => c.summary)?.summary;
  const fileOf = new Map(cases.filter((c) => c.article).map((c) => [(c.article as { id: string }).id, c.file]));
  const textOf = new Map(cases.filter((c) => c.article).map((c) => [(c.article as { id: string }).id, (c.article as { text: string }).text]));
  const sentences = summary?.sentences ?? [];
  // 1. outlets cited
  r.total++;
  const citedFiles = new Set(sentences.flatMap((s) => s.citations.map((c) => fileOf.get(c.article))).filter((f) => f !== undefined));
  const needed = Math.ceil(0.8 * cases.length);
  if (citedFiles.size >= needed) r.found++;
  else r.misses.push(`cites ${citedFiles.size} of ${cases.length} articles, needs ${needed}`);
  // 2. both sides of the most contested proposition, attributed
  const byProposition = new Map<string, NonNullable<SummaryGold['stances']>>();
  for (const s of gold.stances ?? []) byProposition.set(s.proposition, [...(byProposition.get(s.proposition) ?? []), s]);
  const contested = [...byProposition.values()]
    .filter((list) => new Set(list.map((s) => s.polarity)).size > 1)
    .sort((a, b) => b.flatMap((s) => s.articles).length - a.flatMap((s) => s.articles).length)[0];
  for (const polarity of contested ? [...new Set(contested.map((s) => s.polarity))].sort() : []) {
    r.total++;
    const sides = contested.filter((s) => s.polarity === polarity);
    const stated = sentences.find((s) =>
      s.attributed &&
      sides.some((side) =>
        holderNames(side.holder, gold).some((n) => mentions(s.text, n)) &&
        s.citations.some((c) => side.articles.includes(fileOf.get(c.article) ?? ''))),
    );
    if (stated) r.found++;
    else r.misses.push(`no attributed sentence states the ${polarity} side (${sides.map((s) => s.holder).join(', ')}) of "${contested[0].proposition}"`);
  }
  // 3. the key date
  const counts = new Map<string, number>();
  for (const d of gold.dates ?? []) if (/^\d{4}-\d{2}-\d{2}$/.test(d.value)) counts.set(d.value, (counts.get(d.value) ?? 0) + 1);
  const keyDate = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (keyDate) {
    r.total++;
    if (sentences.some((s) => namesDay(s.text, keyDate) || s.dates.some((d) => d.value === keyDate))) r.found++;
    else r.misses.push(`the key date ${keyDate} is not given`);
  }
  // 4. every sentence cites a real span
  for (const [i, s] of sentences.entries()) {
    r.total++;
    const real = s.citations.some((c) => {
      const text = textOf.get(c.article);
      return text !== undefined && c.span.article === c.article && c.span.start >= 0 && c.span.end <= text.length && c.span.end > c.span.start;
    });
    if (real) r.found++;
    else r.misses.push(`sentence ${i + 1} has no citation resolving to a span`);
  }
  if (sentences.length === 0) {
    r.total++;
    r.misses.push('no summary');
  }
  return r;
}
