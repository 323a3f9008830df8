/**
 * The unlabelled news texts in reach, for the scripts that learn from raw text (word clusters, gazetteer
 * patterns): Reuters-21578 and BBC from ../shared/eval/unlabelled, and with `recent` the texts of the training
 * splits of PolNeAR (US political news, 2015-16) and NeuS (titles and leads, 2012-20), which bring the names and
 * usage of recent news that Reuters 1987 and BBC 2004-05 lack. No labels of those sets are read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../src/paths.js';

/** Typographic apostrophes and quotes as CoNLL writes them, so "don’t" and "don't" are one word. */
export function typographic(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** Every unlabelled text, as one string each, with where it comes from; throws naming a missing or bad file. */
export function* unlabelledTexts(recent: boolean, who: string): Generator<{ text: string; where: string }> {
  for (const file of ['reuters21578.jsonl', 'bbc.jsonl']) {
    const path = sharedPath('eval', 'unlabelled', file);
    if (!path) throw new Error(`${who}: ../shared/eval/unlabelled/${file} is missing`);
    const lines = readFileSync(path, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].trim()) continue;
      let rec: { text?: unknown; title?: unknown };
      try {
        rec = JSON.parse(lines[i]) as { text?: unknown; title?: unknown };
      } catch {
        throw new Error(`${path}:${i + 1}: not JSON`);
      }
      yield { text: `${typeof rec.title === 'string' ? rec.title + '\n' : ''}${typeof rec.text === 'string' ? rec.text : ''}`, where: `${path}:${i + 1}` };
    }
  }
  if (!recent) return;
  const polnear = sharedPath('eval', 'polnear', 'train', 'text');
  if (!polnear) throw new Error(`${who}: ../shared/eval/polnear/train/text is missing (or leave out --recent)`);
  for (const name of readdirSync(polnear).sort()) {
    if (name.endsWith('.txt')) yield { text: typographic(readFileSync(join(polnear, name), 'utf8')), where: join(polnear, name) };
  }
  const neus = sharedPath('eval', 'summaries', 'neus', 'train.source');
  if (!neus) throw new Error(`${who}: ../shared/eval/summaries/neus/train.source is missing (or leave out --recent)`);
  const lines = readFileSync(neus, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    for (const article of lines[i].split('[SEP]')) {
      const text = article.replace(/\s*ARTICLE=>\s*/, '\n\n').replace(/^\s*TITLE=>\s*/, '');
      if (text.trim()) yield { text: typographic(text), where: `${neus}:${i + 1}` };
    }
  }
}
