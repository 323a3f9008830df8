/**
 * `parallax eval events --data FILE [--json]`: scores the event coder on
 *
 * - PETRARCH-style JSONL (`{id, text, expected_events: [{source, target, event}]}`): precision, recall and F1
 *   of CAMEO root codes (first two digits) and of (source, target, root code) triples, matched as multisets per
 *   sentence. The PETRARCH unit-test file uses fictional countries and its own (mostly WEIS-coded) verbs: its
 *   own actor and verb dictionaries (`dictionaries_validate/` beside it) are loaded for it.
 * - PLOVER gold-standard-record JSON (an array of records with `event`, `source`, `target`): event-type
 *   accuracy and macro-F1 on PLOVER 0.5 names (the records' own), and strict accuracy (type, the set of source
 *   codes and the set of target codes all right). The coder's first event of the sentence is its answer.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { codeSentence, actorPairs, type CodedEvent } from '../events/coder.js';
import type { ActorDictionary } from '../events/actors.js';
import { readVerbDictionary, type VerbDictionary } from '../events/verbdict.js';
import { parseActorDictionary } from '../kb/petrarch.js';
import { normaliseName } from '../kb/index.js';

interface Prf {
  p: number;
  r: number;
  f1: number;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/** Multiset overlap of two lists of keys. */
function overlap(predicted: string[], gold: string[]): number {
  const counts = new Map<string, number>();
  for (const g of gold) counts.set(g, (counts.get(g) ?? 0) + 1);
  let tp = 0;
  for (const p of predicted) {
    const c = counts.get(p) ?? 0;
    if (c > 0) {
      tp++;
      counts.set(p, c - 1);
    }
  }
  return tp;
}

// ------------------------------------------------------------------------------------------------ PETRARCH

interface PetrarchItem {
  id: string;
  text: string;
  date?: string;
  expected_events: { source: string; target: string; event: string }[];
}

/** A PETRARCH validation dictionary: phrase → code (XML-style comment blocks removed first). */
function petrarchDictionary(file: string): ActorDictionary {
  const text = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const byName = new Map<string, string>();
  for (const e of parseActorDictionary(text, file)) {
    const code = e.codes[0]?.code;
    if (!code) continue;
    for (const n of [e.name, ...e.aliases]) {
      const k = normaliseName(n);
      if (!byName.has(k)) byName.set(k, code);
    }
  }
  return {
    codeOf(phrase) {
      return byName.get(normaliseName(phrase.replace(/'s$/, ''))) ?? null;
    },
  };
}

function isoOf(date: string | undefined): string | null {
  return date && /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}` : null;
}

function evaluatePetrarch(path: string, items: PetrarchItem[]): { table: string; result: Record<string, unknown> } {
  let dictionary: ActorDictionary | undefined;
  let verbs: VerbDictionary | undefined;
  if (/unittest/i.test(basename(path))) {
    const dir = join(dirname(path), 'dictionaries_validate');
    const actorFile = join(dir, 'PETR.Validate.actors.txt');
    const verbFile = join(dir, 'PETR.Validate.verbs.txt');
    for (const f of [actorFile, verbFile]) {
      if (!existsSync(f)) throw new Error(`${path}: the unit-test set needs its dictionary ${f}, which is missing`);
    }
    dictionary = petrarchDictionary(actorFile);
    verbs = readVerbDictionary(verbFile);
  }
  let rootTp = 0, rootFp = 0, rootFn = 0, tripleTp = 0, tripleFp = 0, tripleFn = 0;
  for (const item of items) {
    const { events } = codeSentence(item.text, { dictionary, verbs, date: isoOf(item.date) });
    const predicted: { source: string; target: string; root: string }[] = [];
    const main = mainEvent(events);
    for (const e of main ? [main] : []) {
      for (const [s, t] of actorPairs(e)) predicted.push({ source: s?.code ?? '---', target: t?.code ?? '---', root: e.cameo.slice(0, 2) });
    }
    const gold = item.expected_events.map((g) => ({ source: g.source, target: g.target, root: g.event.slice(0, 2) }));
    const pr = predicted.map((p) => p.root);
    const gr = gold.map((g) => g.root);
    const rt = overlap(pr, gr);
    rootTp += rt;
    rootFp += pr.length - rt;
    rootFn += gr.length - rt;
    const pt = predicted.map((p) => `${p.source}|${p.target}|${p.root}`);
    const gt = gold.map((g) => `${g.source}|${g.target}|${g.root}`);
    const tt = overlap(pt, gt);
    tripleTp += tt;
    tripleFp += pt.length - tt;
    tripleFn += gt.length - tt;
  }
  const root = prf(rootTp, rootFp, rootFn);
  const triple = prf(tripleTp, tripleFp, tripleFn);
  const r3 = (x: Prf): Prf => ({ p: round(x.p), r: round(x.r), f1: round(x.f1) });
  const table = [
    `events (petrarch) ${basename(path)}: ${items.length} sentences`,
    `  root code           P ${root.p.toFixed(3)}  R ${root.r.toFixed(3)}  F1 ${root.f1.toFixed(3)}`,
    `  (source,target,root) P ${triple.p.toFixed(3)}  R ${triple.r.toFixed(3)}  F1 ${triple.f1.toFixed(3)}`,
  ].join('\n');
  return {
    table,
    result: { task: 'events', format: 'petrarch', items: items.length, root: r3(root), triple: r3(triple), root_f1: round(root.f1), triple_f1: round(triple.f1) },
  };
}

// ------------------------------------------------------------------------------------------------ PLOVER

interface PloverActor {
  actorText?: string;
  code?: string;
}
interface PloverRecord {
  id: string;
  event: string;
  text: string;
  date?: string;
  source?: PloverActor | PloverActor[] | string | null;
  target?: PloverActor | PloverActor[] | string | null;
}

/**
 * The codes of a record's side. A side given as a string (the records' `""`, and one stray "diplomatic") names
 * no actor and counts as empty.
 */
function codesOf(side: PloverRecord['source']): string[] {
  if (!side || typeof side === 'string') return [];
  const list = Array.isArray(side) ? side : [side];
  return [...new Set(list.map((a) => a.code).filter((c): c is string => typeof c === 'string' && c !== ''))].sort();
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The coder's answer for a record: its first event (verbs in sentence order); PLOVER codes no statements. */
export function primaryEvent(events: CodedEvent[]): CodedEvent | null {
  const acts = events.filter((e) => e.type !== null && !e.derived);
  return acts.find((e) => !e.negated) ?? acts[0] ?? null;
}

/**
 * The sentence's main event as PETRARCH codes it: the most salient non-negated event with a known actor,
 * the earliest on a tie. A bare "said" (CAMEO 010) reports the event; it is never the answer itself.
 *
 * @example
 * mainEvent(codeSentence('Chile said Peru attacked Bolivia.').events)?.cameo // → '190'
 */
export function mainEvent(events: CodedEvent[]): CodedEvent | null {
  let best: CodedEvent | null = null;
  for (const e of events) {
    if (e.negated || e.cameo === '010') continue;
    if (!(e.sources.some((a) => a.code) || e.targets.some((a) => a.code))) continue;
    if (!best || e.salience > best.salience) best = e;
  }
  return best;
}

function evaluatePlover(path: string, records: PloverRecord[]): { table: string; result: Record<string, unknown> } {
  let typeRight = 0;
  let strictRight = 0;
  // Two folds by record index (even, odd): a change judged on one fold is checked on the other, so a gain that
  // only fits the records it was tuned on shows as a gap between them.
  const folds = [
    { n: 0, type: 0, strict: 0 },
    { n: 0, type: 0, strict: 0 },
  ];
  const perType = new Map<string, { tp: number; fp: number; fn: number }>();
  const cell = (t: string): { tp: number; fp: number; fn: number } => {
    let c = perType.get(t);
    if (!c) perType.set(t, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  for (const [index, r] of records.entries()) {
    const fold = folds[index % 2];
    fold.n++;
    if (typeof r.event !== 'string' || typeof r.text !== 'string') throw new Error(`${path}: record ${r.id ?? '?'} has no event or text`);
    const { events } = codeSentence(r.text);
    const e = primaryEvent(events);
    const predicted = e?.type05 ?? 'NONE';
    cell(r.event);
    if (predicted === r.event) {
      typeRight++;
      fold.type++;
      cell(r.event).tp++;
    } else {
      cell(r.event).fn++;
      cell(predicted).fp++;
    }
    const src = [...new Set((e?.sources ?? []).map((a) => a.country).filter((c): c is string => c !== null))].sort();
    const tgt = [...new Set((e?.targets ?? []).map((a) => a.country).filter((c): c is string => c !== null))].sort();
    if (predicted === r.event && sameSet(src, codesOf(r.source)) && sameSet(tgt, codesOf(r.target))) {
      strictRight++;
      fold.strict++;
    }
  }
  const goldTypes = [...perType.keys()].filter((t) => t !== 'NONE' && records.some((r) => r.event === t));
  const f1s = goldTypes.map((t) => {
    const c = perType.get(t)!;
    return prf(c.tp, c.fp, c.fn).f1;
  });
  const macro = f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length);
  const n = records.length;
  const lines = [`events (plover) ${basename(path)}: ${n} records`, `  type accuracy ${(typeRight / n).toFixed(3)}  macro-F1 ${macro.toFixed(3)}  strict accuracy ${(strictRight / n).toFixed(3)}`,
    ...folds.map((f, k) => `  fold ${k === 0 ? 'even' : 'odd '} (${f.n}): type accuracy ${(f.type / Math.max(1, f.n)).toFixed(3)}  strict accuracy ${(f.strict / Math.max(1, f.n)).toFixed(3)}`),
    '  type          P      R      F1'];
  for (const t of goldTypes.sort()) {
    const c = perType.get(t)!;
    const x = prf(c.tp, c.fp, c.fn);
    lines.push(`  ${t.padEnd(12)} ${x.p.toFixed(2).padStart(5)}  ${x.r.toFixed(2).padStart(5)}  ${x.f1.toFixed(2).padStart(5)}`);
  }
  return {
    table: lines.join('\n'),
    result: { task: 'events', format: 'plover', items: n, type_accuracy: round(typeRight / n), type_macro_f1: round(macro), strict_accuracy: round(strictRight / n),
      folds: folds.map((f, k) => ({ fold: k === 0 ? 'even' : 'odd', items: f.n, type_accuracy: round(f.type / Math.max(1, f.n)), strict_accuracy: round(f.strict / Math.max(1, f.n)) })),
    },
  };
}

/**
 * Scores the event coder on a PETRARCH JSONL or PLOVER JSON file (the format is read from the content).
 *
 * @example
 * const { result } = await evaluate({ data: '../shared/eval/events/plover/plover-gsr.dev.json' });
 * result.type_accuracy // → a fraction in [0, 1]
 */
export async function evaluate(args: { data: string }): Promise<{ table: string; result: Record<string, unknown> }> {
  const path = args.data;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: cannot read (${(err as Error).message})`);
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    let records: unknown;
    try {
      records = JSON.parse(text);
    } catch (err) {
      throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
    }
    if (!Array.isArray(records) || records.length === 0) throw new Error(`${path}: expected a non-empty array of PLOVER records`);
    return evaluatePlover(path, records as PloverRecord[]);
  }
  const items: PetrarchItem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let item: PetrarchItem;
    try {
      item = JSON.parse(line) as PetrarchItem;
    } catch (err) {
      throw new Error(`${path}:${i + 1}: not valid JSON (${(err as Error).message})`);
    }
    if (typeof item.text !== 'string' || !Array.isArray(item.expected_events)) {
      throw new Error(`${path}:${i + 1}: a PETRARCH record needs "text" and "expected_events"`);
    }
    items.push(item);
  });
  if (items.length === 0) throw new Error(`${path}: no records`);
  return evaluatePetrarch(path, items);
}
