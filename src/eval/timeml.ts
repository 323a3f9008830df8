/**
 * Reads TimeML (TempEval-3) files: the plain text of the `<TEXT>` element with the TIMEX3 expressions it holds
 * as character offsets into that text, and the document creation time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TimeType } from '../model.js';

/** One gold TIMEX3 of a TimeML document, as offsets into `TimemlDoc.text`. */
export interface GoldTimex {
  start: number;
  end: number;
  type: TimeType;
  value: string;
  text: string;
}

export interface TimemlDoc {
  path: string;
  /** the text inside `<TEXT>` with every tag removed and entities decoded */
  text: string;
  /** value of the TIMEX3 with functionInDocument="CREATION_TIME" */
  creationTime: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(name: string): string {
  if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
  return ENTITIES[name] ?? `&${name};`;
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m ? m[1] : null;
}

const TIME_TYPES = new Set<TimeType>(['DATE', 'TIME', 'DURATION', 'SET']);

/**
 * Parse one TimeML document.
 *
 * @example
 * ```ts
 * const doc = parseTimeml('<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>On <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3>.</TEXT>', 'a.tml');
 * doc.timexes[0].text; // 'Wednesday'
 * ```
 */
export function parseTimeml(xml: string, path: string): TimemlDoc {
  let creationTime: string | null = null;
  for (const m of xml.matchAll(/<TIMEX3\b[^>]*>/g)) {
    if (attribute(m[0], 'functionInDocument') === 'CREATION_TIME') creationTime = attribute(m[0], 'value');
  }
  if (!creationTime) throw new Error(`${path}: no TIMEX3 with functionInDocument="CREATION_TIME"`);
  const open = xml.indexOf('<TEXT>');
  const close = xml.lastIndexOf('</TEXT>');
  if (open < 0 || close < open) throw new Error(`${path}: no <TEXT> element`);
  const body = xml.slice(open + '<TEXT>'.length, close);

  let text = '';
  const timexes: GoldTimex[] = [];
  const stack: { start: number; type: string | null; value: string | null }[] = [];
  const pieces = body.split(/(<[^>]+>)/);
  for (const piece of pieces) {
    if (piece.startsWith('<')) {
      if (/^<TIMEX3\b/.test(piece)) {
        stack.push({ start: text.length, type: attribute(piece, 'type'), value: attribute(piece, 'value') });
        if (piece.endsWith('/>')) stack.pop(); // an empty (non-consuming) TIMEX3 has no extent to score
      } else if (/^<\/TIMEX3/.test(piece)) {
        const top = stack.pop();
        if (!top) throw new Error(`${path}: unbalanced </TIMEX3>`);
        if (!top.type || !TIME_TYPES.has(top.type as TimeType)) throw new Error(`${path}: TIMEX3 without a valid type at text offset ${top.start}`);
        timexes.push({ start: top.start, end: text.length, type: top.type as TimeType, value: top.value ?? '', text: text.slice(top.start, text.length) });
      }
      continue;
    }
    text += piece.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (_, name: string) => decodeEntity(name));
  }
  timexes.sort((a, b) => a.start - b.start);
  return { path, text, creationTime, timexes };
}

/** Every `.tml` file under a folder (recursively), or the file itself; sorted for a stable order. */
export function findTimemlFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new Error(`${path}: no such file or folder`);
  }
  if (stat.isFile()) return [path];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.tml')) out.push(p);
    }
  };
  walk(path);
  if (out.length === 0) throw new Error(`${path}: no .tml files found`);
  return out;
}

/** Read and parse every TimeML file under `path`. */
export function readTimeml(path: string): TimemlDoc[] {
  return findTimemlFiles(path).map((p) => parseTimeml(readFileSync(p, 'utf8'), p));
}
