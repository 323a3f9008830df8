/** The section listing inputs that could not be analysed, and why. */
import type { Briefing } from '../../model.js';
import { showInputError } from '../describe.js';
import { escapeHtml } from '../escape.js';

/**
 * The failed inputs as a list, or null when every input was analysed.
 *
 * @example
 * ```ts
 * renderErrorsSection(briefing); // '<ul class="errors"><li><code>notes.bin: not text</code></li></ul>' or null
 * ```
 */
export function renderErrorsSection(briefing: Briefing): string | null {
  if (briefing.errors.length === 0) return null;
  const items = briefing.errors.map((e) => `<li><code>${escapeHtml(showInputError(e))}</code></li>`).join('');
  return `<p>${briefing.errors.length === 1 ? 'This input' : 'These inputs'} could not be analysed; the rest of the report does not use ${briefing.errors.length === 1 ? 'it' : 'them'}.</p><ul class="errors">${items}</ul>`;
}
