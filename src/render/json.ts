/** The JSON report: the briefing itself, as described by `schema/briefing.schema.json`. */
import type { Briefing } from '../model.js';

/**
 * Render a briefing as JSON (two-space indent, trailing newline). The document validates against
 * `schema/briefing.schema.json` (exported as `parallax/schema`) for `briefing.version`.
 *
 * @example
 * ```ts
 * import { analyze, renderJson } from 'parallax';
 * process.stdout.write(renderJson(await analyze(['articles/'])));
 * ```
 */
export function renderJson(briefing: Briefing): string {
  // JSON.stringify drops `undefined` fields, so optional model fields that are absent stay absent.
  return JSON.stringify(briefing, null, 2) + '\n';
}

/**
 * The same document as `renderJson`, as a sequence of chunks: each article, error and other list entry is
 * stringified on its own, so a briefing of any size is written without ever building one string (V8 caps a
 * string near 512 MB). Joined, the chunks equal `renderJson(briefing)`.
 *
 * @example
 * ```ts
 * for (const chunk of renderJsonChunks(briefing)) process.stdout.write(chunk);
 * ```
 */
export function* renderJsonChunks(briefing: Briefing): Generator<string> {
  yield* chunksOf(briefing, '', 2);
  yield '\n';
}

/**
 * `JSON.stringify(value, null, 2)` at indentation `indent`, split at the members of objects and arrays down
 * to `depth` levels (a fixed bound, never one that grows with the input).
 */
function* chunksOf(value: unknown, indent: string, depth: number): Generator<string> {
  const v = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: () => unknown }).toJSON() : value;
  if (depth === 0 || v === null || typeof v !== 'object') {
    yield (JSON.stringify(v, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < v.length; i++) {
      yield `${i ? ',' : ''}\n${inner}`;
      const item = v[i];
      // As JSON.stringify does: what has no JSON form is null inside an array.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* chunksOf(item, inner, depth - 1);
    }
    yield `\n${indent}]`;
    return;
  }
  const entries = Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, x] of entries) {
    yield `${first ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* chunksOf(x, inner, depth - 1);
  }
  yield `\n${indent}}`;
}
