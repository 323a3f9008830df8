/**
 * Reads PolNeAR attribution annotations (brat standoff: `text/NAME.txt` + `attributions/NAME_ANNOTATOR.ann`).
 * Several annotators may have annotated one article; each file is kept apart.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** A character range; discontinuous brat spans are several of these. */
export interface Fragment {
  start: number;
  end: number;
}

/** One gold attribution: source (absent for `Attribution-no-source`), cue and content. */
export interface GoldAttribution {
  source: Fragment[] | null;
  cue: Fragment[];
  content: Fragment[];
}

export interface AnnotatorFile {
  annotator: string;
  attributions: GoldAttribution[];
}

export interface PolnearArticle {
  name: string;
  text: string;
  annotations: AnnotatorFile[];
}

/**
 * Brat splits spans at line breaks; fragments separated only by whitespace are one span to a reader, so they
 * are merged. Real gaps (an interrupting "he said") stay apart.
 *
 * @example
 * ```ts
 * mergeFragments('a b', [{ start: 0, end: 1 }, { start: 2, end: 3 }]); // [{ start: 0, end: 3 }]
 * ```
 */
export function mergeFragments(text: string, fragments: Fragment[]): Fragment[] {
  const sorted = [...fragments].sort((a, b) => a.start - b.start);
  const out: Fragment[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && (f.start <= last.end || !/\S/.test(text.slice(last.end, f.start)))) {
      last.end = Math.max(last.end, f.end);
    } else out.push({ ...f });
  }
  return out;
}

/** Parses one `.ann` file; `where` names it in errors. */
export function parseAnn(ann: string, text: string, where: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; fragments: Fragment[] }>();
  const relations: string[][] = [];
  ann.split('\n').forEach((line, i) => {
    if (/^T\d+\t/.test(line)) {
      const [id, typeAndOffsets] = line.split('\t');
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(typeAndOffsets ?? '');
      if (!m) throw new Error(`${where}:${i + 1}: cannot read span annotation "${line.slice(0, 80)}"`);
      const fragments = m[2].split(';').map((p) => {
        const [s, e] = p.split(' ').map(Number);
        if (!(s <= e && e <= text.length)) throw new Error(`${where}:${i + 1}: span ${s}-${e} outside the text (${text.length} chars)`);
        return { start: s, end: e };
      });
      spans.set(id, { type: m[1], fragments: mergeFragments(text, fragments) });
    } else if (/^E\d+\t/.test(line)) {
      relations.push((line.split('\t')[1] ?? '').split(' ').filter(Boolean));
    }
  });
  const out: GoldAttribution[] = [];
  for (const args of relations) {
    const roles = new Map<string, Fragment[]>();
    for (const arg of args) {
      const [role, ref] = arg.split(':');
      const span = spans.get(ref);
      if (!span) continue;
      const key = role.replace(/\d+$/, '');
      roles.set(key, [...(roles.get(key) ?? []), ...span.fragments]);
    }
    const cue = roles.get('Cue');
    const content = roles.get('Content');
    if (!cue || !content) continue;
    const source = roles.get('Source');
    out.push({
      source: source ? mergeFragments(text, source) : null,
      cue: mergeFragments(text, cue),
      content: mergeFragments(text, content),
    });
  }
  return out;
}

/**
 * Reads a PolNeAR split folder (with `text/` and `attributions/`).
 *
 * @example
 * ```ts
 * const articles = readPolnear('../shared/eval/polnear/dev');
 * articles[0].annotations[0].attributions.length;
 * ```
 */
export function readPolnear(dir: string): PolnearArticle[] {
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) {
    throw new Error(`${dir}: not a PolNeAR split (needs text/ and attributions/ folders)`);
  }
  const byName = new Map<string, string[]>();
  for (const f of readdirSync(annDir).sort()) {
    const m = /^(.*)_([0-9a-f]+)\.ann$/.exec(f);
    if (!m) continue;
    byName.set(m[1], [...(byName.get(m[1]) ?? []), f]);
  }
  const out: PolnearArticle[] = [];
  for (const name of readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const base = name.slice(0, -4);
    const files = byName.get(base);
    if (!files) continue;
    const text = readFileSync(join(textDir, name), 'utf8');
    const annotations = files.map((f) => ({
      annotator: /_([0-9a-f]+)\.ann$/.exec(f)![1],
      attributions: parseAnn(readFileSync(join(annDir, f), 'utf8'), text, join(annDir, f)),
    }));
    out.push({ name: base, text, annotations });
  }
  if (out.length === 0) throw new Error(`${dir}: no article with both text and annotations`);
  return out;
}
