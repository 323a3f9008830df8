/**
 * `parallax eval clean --data PATH`: what the clean stage throws away by mistake on text that has no page
 * chrome. PATH is a folder of plain-text articles whose first line is the title (PolNeAR `dev/text`: any
 * removal but the title is a body paragraph lost), or a JSONL file of `{"text": ...}` bodies without a title
 * (the unlabelled BBC ledes: every removal is a paragraph lost, and a title taken from the body is wrong).
 * Every cleaned article is also checked to be lossless (segments map back to the raw text).
 * (Was a unit test with a threshold on these corpora; a figure on a data set belongs here.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, RawArticle } from '../model.js';
import { cleanArticle } from '../clean/index.js';
import { splitBlocks } from '../clean/blocks.js';

const rawOf = (text: string, path: string): RawArticle => ({ source: { path, format: 'text' }, raw: text, meta: {} });

/** Whether every segment of the clean text is the raw text at its offsets and every removal is raw text. */
export function lossless(a: Article): boolean {
  for (const s of a.segments) if (a.text.slice(s.start, s.end) !== a.raw.slice(s.rawStart, s.rawStart + s.end - s.start)) return false;
  return a.removed.every((r) => a.raw.slice(r.rawStart, r.rawEnd) === r.text);
}

/** The eval entry point (see EvalModule in src/cli.ts). */
export async function evaluate(args: { data: string }): Promise<{ table: string; result: Record<string, unknown> }> {
  const { data } = args;
  let texts: { path: string; text: string }[];
  let titled: boolean;
  try {
    if (statSync(data).isDirectory()) {
      titled = true;
      texts = readdirSync(data)
        .sort()
        .map((f) => ({ path: join(data, f), text: readFileSync(join(data, f), 'utf8') }));
    } else {
      titled = false;
      texts = readFileSync(data, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l, i) => ({ path: `${data}#${i + 1}`, text: (JSON.parse(l) as { text: string }).text }));
    }
  } catch (err) {
    throw new Error(`${data}: cannot read the articles: ${(err as Error).message}`);
  }
  let paragraphs = 0;
  let lost = 0;
  let titles = 0;
  let notLossless = 0;
  let failed = 0;
  for (const { path, text } of texts) {
    let a: Article;
    try {
      a = cleanArticle(rawOf(text, path), {});
    } catch {
      failed++;
      continue;
    }
    if (!lossless(a)) notLossless++;
    paragraphs += splitBlocks(a.raw).length;
    lost += a.removed.filter((r) => !titled || r.reason !== 'title').length;
    if (a.meta.title.value !== null) titles++;
  }
  const table = [
    `clean on ${data}: ${texts.length} articles (${titled ? 'title line, then body' : 'body only'}), ${paragraphs} paragraphs`,
    `paragraphs removed by mistake ${lost} (${((100 * lost) / Math.max(1, paragraphs)).toFixed(2)}%)`,
    titled ? `titles found ${titles} of ${texts.length}` : `titles taken from a body ${titles} of ${texts.length}`,
    `not lossless ${notLossless}; failed ${failed}`,
  ].join('\n');
  return { table, result: { task: 'clean', articles: texts.length, titled, paragraphs, lost, titles, not_lossless: notLossless, failed } };
}
