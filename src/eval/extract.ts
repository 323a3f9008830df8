/**
 * `parallax eval extract`: main-text extraction from HTML, parallax (ingest + clean) beside plain
 * @mozilla/readability on the same pages. Two dataset formats:
 *
 * - trafilatura's (`evaldata*.json` `{url: {file, with[], without[]}}` + `html/`): a found `with` snippet is a TP,
 *   a missing one an FN, a found `without` snippet an FP; micro P/R/F1 over snippets. Snippets and texts are
 *   compared with white space normalised.
 * - Zyte's article-extraction benchmark (`ground-truth.json` `{id: {articleBody, url}}` + `html/<id>.html.gz`):
 *   `\w+` tokens, 4-token shingles, multiset TP/FP/FN per page; P and R averaged over pages, F1 from the averages.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { newDomParser, readabilityClass } from '../ingest/dom.js';
import { ingest } from '../ingest/index.js';
import { decodeBytes, isGzip } from '../ingest/decode.js';
import { cleanArticle } from '../clean/index.js';

/** Precision, recall and F1. */
export interface PRF {
  p: number;
  r: number;
  f1: number;
}

const f1Of = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

/** parallax's text of one page: ingest's main text, then the clean stage; '' when the page yields no article. */
export async function parallaxText(path: string, bytes: Uint8Array): Promise<string> {
  const { articles } = await ingest([{ path, data: bytes }], {});
  return articles.map((a) => cleanArticle(a, {}).text).join('\n\n');
}

/** Plain readability over the same decoded page: its `textContent`. */
export function readabilityText(bytes: Uint8Array): string {
  const raw = isGzip(bytes) ? gunzipSync(bytes) : bytes;
  let html: string;
  try {
    html = decodeBytes(raw, 'html').text;
  } catch {
    html = new TextDecoder('utf-8').decode(raw); // what a plain user of readability would do
  }
  const doc = newDomParser().parseFromString(html, 'text/html');
  try {
    const Readability = readabilityClass();
    return new Readability(doc as unknown as Document).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

const normaliseSpace = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Snippet counts of one system on trafilatura's data. */
interface SnippetCounts {
  tp: number;
  fn: number;
  fp: number;
}

/**
 * Score a text against trafilatura's `with` / `without` snippets.
 *
 * @example
 * ```ts
 * scoreSnippets('The body text.', ['body text'], ['Subscribe']); // → { tp: 1, fn: 0, fp: 0 }
 * ```
 */
export function scoreSnippets(text: string, withSnippets: string[], withoutSnippets: string[]): SnippetCounts {
  const t = normaliseSpace(text);
  const found = (s: string): boolean => t.includes(normaliseSpace(s));
  return {
    tp: withSnippets.filter(found).length,
    fn: withSnippets.filter((s) => !found(s)).length,
    fp: withoutSnippets.filter(found).length,
  };
}

function microPRF(c: SnippetCounts): PRF {
  const p = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: f1Of(p, r) };
}

/** `\w+` tokens (Unicode word characters, as Python's `re` has them) → 4-token shingle multiset. */
export function shingles(text: string, size = 4): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  // A text shorter than one shingle still counts as one shingle of what it has.
  const n = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < n; i++) {
    const key = tokens.slice(i, i + size).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/**
 * Shingle precision and recall of one page, Zyte's rule. An empty prediction for a non-empty truth scores 0/0;
 * an empty truth with an empty prediction scores 1/1.
 *
 * @example
 * ```ts
 * shinglePR('a b c d e', 'a b c d e'); // → { p: 1, r: 1 }
 * ```
 */
export function shinglePR(truth: string, predicted: string): { p: number; r: number } {
  const t = shingles(truth);
  const pr = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, n] of pr) {
    const m = t.get(k) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [k, m] of t) fn += Math.max(0, m - (pr.get(k) ?? 0));
  if (tp + fp === 0 && tp + fn === 0) return { p: 1, r: 1 };
  return { p: tp + fp > 0 ? tp / (tp + fp) : 0, r: tp + fn > 0 ? tp / (tp + fn) : 0 };
}

type DatasetFormat = { kind: 'trafilatura'; index: string; html: string } | { kind: 'zyte'; truth: string; html: string };

function locate(data: string): DatasetFormat {
  if (!existsSync(data)) throw new Error(`eval extract: ${data}: no such file or directory`);
  const dir = statSync(data).isDirectory() ? data : dirname(data);
  const file = statSync(data).isDirectory() ? null : basename(data);
  const names = readdirSync(dir);
  const truth = file === 'ground-truth.json' ? file : !file && names.includes('ground-truth.json') ? 'ground-truth.json' : null;
  if (truth) return { kind: 'zyte', truth: join(dir, truth), html: join(dir, 'html') };
  const index = file ?? names.find((n) => /^evaldata.*\.json$/.test(n));
  if (index) return { kind: 'trafilatura', index: join(dir, index), html: join(dir, 'html') };
  throw new Error(`eval extract: ${data}: neither trafilatura's data (evaldata*.json + html/) nor Zyte's (ground-truth.json + html/)`);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`eval extract: ${path}: ${(err as Error).message}`);
  }
}

const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);

function table(title: string, items: number, rows: [string, PRF][]): string {
  const lines = [`${title} (${items} pages)`, `${'system'.padEnd(24)}     P      R     F1`];
  for (const [name, s] of rows) lines.push(`${name.padEnd(24)}${pct(s.p)} ${pct(s.r)} ${pct(s.f1)}`);
  return lines.join('\n');
}

const BASELINE_NAME = '@mozilla/readability';

/**
 * Run the extraction evaluation on a dataset folder (or its index file).
 *
 * @example
 * ```ts
 * const { table, result } = await evaluate({ data: '../shared/eval/extraction/trafilatura-en' });
 * console.log(table); // parallax and readability P/R/F1
 * result.f1;          // parallax's F1
 * ```
 */
export async function evaluate(args: { data: string }): Promise<{ table: string; result: Record<string, unknown> }> {
  const format = locate(args.data);
  if (format.kind === 'trafilatura') {
    const index = readJson(format.index) as Record<string, { file: string; with: string[]; without: string[] }>;
    const ours: SnippetCounts = { tp: 0, fn: 0, fp: 0 };
    const base: SnippetCounts = { tp: 0, fn: 0, fp: 0 };
    const entries = Object.values(index);
    for (const page of entries) {
      const path = join(format.html, page.file);
      const bytes = readFileSync(path);
      const add = (into: SnippetCounts, c: SnippetCounts): void => {
        into.tp += c.tp;
        into.fn += c.fn;
        into.fp += c.fp;
      };
      add(ours, scoreSnippets(await parallaxText(path, bytes), page.with ?? [], page.without ?? []));
      add(base, scoreSnippets(readabilityText(bytes), page.with ?? [], page.without ?? []));
    }
    const p = microPRF(ours);
    const b = microPRF(base);
    return {
      table: table('extract: trafilatura snippets, micro P/R/F1', entries.length, [['parallax', p], [BASELINE_NAME, b]]),
      result: { task: 'extract', items: entries.length, ...p, baseline: { name: BASELINE_NAME, ...b } },
    };
  }
  const truth = readJson(format.truth) as Record<string, { articleBody: string; url?: string }>;
  const sums = { p: 0, r: 0, bp: 0, br: 0 };
  const ids = Object.keys(truth).sort();
  for (const id of ids) {
    const gz = join(format.html, `${id}.html.gz`);
    const path = existsSync(gz) ? gz : join(format.html, `${id}.html`);
    const bytes = readFileSync(path);
    const expected = truth[id].articleBody ?? '';
    const o = shinglePR(expected, await parallaxText(path, bytes));
    const b = shinglePR(expected, readabilityText(bytes));
    sums.p += o.p;
    sums.r += o.r;
    sums.bp += b.p;
    sums.br += b.r;
  }
  const n = Math.max(1, ids.length);
  const p = { p: sums.p / n, r: sums.r / n, f1: f1Of(sums.p / n, sums.r / n) };
  const b = { p: sums.bp / n, r: sums.br / n, f1: f1Of(sums.bp / n, sums.br / n) };
  return {
    table: table('extract: Zyte shingles, P/R averaged over pages', ids.length, [['parallax', p], [BASELINE_NAME, b]]),
    result: { task: 'extract', items: ids.length, ...p, baseline: { name: BASELINE_NAME, ...b } },
  };
}
