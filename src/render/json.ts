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
