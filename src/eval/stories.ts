/**
 * `parallax eval stories --data FILE`: story clustering against MMDS2025 JSON (B-cubed, with the miscellany
 * cluster as given and as singletons) or same-story similarity against SemEval-2022 Task 8 pairs (Pearson
 * correlation with the Overall score, where 1 means the same story and 4 a different one).
 */
import { readFileSync } from 'node:fs';
import { StoryIndex, type StoryInput } from '../stories/storyIndex.js';
import { referredDays } from '../stories/index.js';
import { pairSimilarity } from '../stories/pairs.js';

/** The miscellany bucket of MMDS2025: articles that belong to no event cluster. */
export const MMDS_MISCELLANY = 166;

/** MMDS2025 article-clustering JSON: the articles and one gold cluster id per article. */
export interface MmdsFile {
  articles: { ID: number | string; title?: string; sentences: { content: string }[] }[];
  clusters: number[];
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

/**
 * B-cubed precision, recall and F1 of a predicted clustering against gold labels (one label per item).
 *
 * @example
 * ```ts
 * bcubed([0, 0, 1], [5, 5, 5]); // { p: 1, r: 0.556, f1: 0.714 } (rounded)
 * ```
 */
export function bcubed(predicted: readonly (number | string)[], gold: readonly (number | string)[]): Prf {
  if (predicted.length !== gold.length) throw new Error(`bcubed: ${predicted.length} predictions for ${gold.length} items`);
  const n = gold.length;
  if (n === 0) return { p: 0, r: 0, f1: 0 };
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    let both = 0;
    let samePred = 0;
    let sameGold = 0;
    for (let j = 0; j < n; j++) {
      const sp = predicted[i] === predicted[j];
      const sg = gold[i] === gold[j];
      if (sp) samePred++;
      if (sg) sameGold++;
      if (sp && sg) both++;
    }
    p += both / samePred;
    r += both / sameGold;
  }
  p /= n;
  r /= n;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/**
 * Pearson correlation of two equally long series.
 *
 * @example
 * ```ts
 * pearson([1, 2, 3], [2, 4, 7]); // ≈ 0.99
 * ```
 */
export function pearson(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length || x.length < 2) throw new Error(`pearson: needs two series of the same length ≥ 2 (got ${x.length}, ${y.length})`);
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** One SemEval-2022 pair: two texts (title and body as given) and the Overall score. */
export interface ScoredPair {
  id: string;
  text1: string;
  text2: string;
  overall: number;
}

/** Reads SemEval-2022 pairs from JSONL (`text1`, `text2`, `Overall`) or the CSV with the same columns. */
export function readPairs(path: string): ScoredPair[] {
  const raw = readFileSync(path, 'utf8');
  const rows: Record<string, string>[] = path.endsWith('.csv') ? parseCsv(raw, path) : raw.split('\n').filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l) as Record<string, string>;
    } catch (err) {
      throw new Error(`${path}:${i + 1}: not JSON: ${(err as Error).message}`);
    }
  });
  return rows.map((row, i) => {
    const overall = Number(row.Overall);
    if (typeof row.text1 !== 'string' || typeof row.text2 !== 'string' || !Number.isFinite(overall)) {
      throw new Error(`${path}: record ${i + 1} needs text1, text2 and a numeric Overall`);
    }
    return { id: String(row.pair_id ?? i), text1: row.text1, text2: row.text2, overall };
  });
}

/** RFC 4180 CSV with a header row (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string, path: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      field = '';
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = [];
    } else field += c;
  }
  if (quoted) throw new Error(`${path}: a quoted CSV field is not closed`);
  if (field || record.length) {
    record.push(field);
    records.push(record);
  }
  const [header, ...rest] = records;
  if (!header) throw new Error(`${path}: empty CSV`);
  return rest.map((r, i) => {
    if (r.length !== header.length) throw new Error(`${path}: CSV record ${i + 1} has ${r.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((h, k) => [h, r[k]]));
  });
}

/** Clusters the articles of an MMDS2025 file into stories: one predicted label per article. */
export function clusterMmds(file: MmdsFile, options: ConstructorParameters<typeof StoryIndex>[0] = {}): number[] {
  const index = new StoryIndex(options);
  const inputs: StoryInput[] = file.articles.map((a, i) => {
    const text = a.sentences.map((s) => s.content).join('\n');
    // no publication dates in the file: the days the text names are taken year-less, as in an analysed article
    return { id: `${i}`, title: a.title ?? null, text, days: referredDays(text, null) };
  });
  index.add(inputs);
  const label = new Array<number>(inputs.length).fill(-1);
  index.stories().forEach((story, k) => {
    for (const id of story.articles) label[Number(id)] = k;
  });
  return label;
}

/** Checks parsed MMDS JSON, naming the file and what is wrong. */
export function readMmds(path: string, raw: unknown): MmdsFile {
  const f = raw as Partial<MmdsFile>;
  if (!Array.isArray(f.articles) || !Array.isArray(f.clusters)) throw new Error(`${path}: MMDS JSON needs "articles" and "clusters" arrays`);
  if (f.articles.length !== f.clusters.length) throw new Error(`${path}: ${f.articles.length} articles but ${f.clusters.length} cluster labels`);
  f.articles.forEach((a, i) => {
    if (!a || !Array.isArray(a.sentences)) throw new Error(`${path}: article ${i + 1} has no "sentences" array`);
  });
  return f as MmdsFile;
}

const fmt = (x: number): string => x.toFixed(3);

/** The eval entry point (see EvalModule in src/cli.ts). */
export async function evaluate(args: { data: string }): Promise<{ table: string; result: Record<string, unknown> }> {
  const { data } = args;
  if (data.endsWith('.jsonl') || data.endsWith('.csv')) {
    const pairs = readPairs(data);
    const t = performance.now();
    const sims = pairSimilarity(pairs.map((p) => [p.text1, p.text2] as const));
    const ms = performance.now() - t;
    const r = pearson(sims, pairs.map((p) => p.overall));
    const table = [
      `stories (pairs): ${pairs.length} pairs from ${data}`,
      `Pearson(similarity, Overall) ${fmt(r)}   |r| ${fmt(Math.abs(r))}   (Overall 1 = same story, so negative is right)`,
      `${(ms / 1000).toFixed(2)} s`,
    ].join('\n');
    return { table, result: { task: 'stories', format: 'pairs', items: pairs.length, pearson: r } };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(data, 'utf8'));
  } catch (err) {
    throw new Error(`${data}: cannot read MMDS JSON: ${(err as Error).message}`);
  }
  const file = readMmds(data, raw);
  const t = performance.now();
  const predicted = clusterMmds(file);
  const ms = performance.now() - t;
  const gold = file.clusters;
  const singletonGold = gold.map((g, i) => (g === MMDS_MISCELLANY ? `misc-${i}` : `${g}`));
  const asGiven = bcubed(predicted, gold);
  const asSingletons = bcubed(predicted, singletonGold);
  const stories = new Set(predicted).size;
  const table = [
    `stories (mmds): ${file.articles.length} articles, ${new Set(gold).size} gold clusters, ${stories} predicted stories (${(ms / 1000).toFixed(2)} s)`,
    'B-cubed                         P      R      F1',
    `miscellany ${MMDS_MISCELLANY} as given        ${fmt(asGiven.p)}  ${fmt(asGiven.r)}  ${fmt(asGiven.f1)}`,
    `miscellany as singletons        ${fmt(asSingletons.p)}  ${fmt(asSingletons.r)}  ${fmt(asSingletons.f1)}`,
  ].join('\n');
  return {
    table,
    result: { task: 'stories', format: 'mmds', items: file.articles.length, bcubed: asGiven, bcubed_singletons: asSingletons },
  };
}
