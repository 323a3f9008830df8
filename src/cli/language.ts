/** The warning line `parallax analyze` prints for each article that is not in English. */
import type { Briefing } from '../model.js';

// made on first use: building it loads ICU's display-name data, which a run of English articles never reads
let names: Intl.DisplayNames | null = null;

/** A language's English name ("Spanish"), or its code when Node's ICU does not know it. */
export function languageName(code: string): string {
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'language' });
    const name = names.of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/**
 * One line per article the English-only stages skipped, naming the file (and record) and the language.
 *
 * @example
 * ```ts
 * languageWarnings(briefing); // ['warning: news/x.html is in Spanish (es), not English: the English-only stages (…) skipped']
 * ```
 */
export function languageWarnings(briefing: Briefing): string[] {
  const out: string[] = [];
  for (const a of briefing.articles) {
    const note = a.notes.find((n) => n.startsWith('not English'));
    const code = a.meta.language.value;
    if (!note || code === null) continue;
    const where = `${a.source.path}${a.source.record !== undefined ? `#${a.source.record + 1}` : ''}`;
    const skipped = note.match(/the English-only stages.*$/)?.[0] ?? note.replace(/^not English \([^)]*\):\s*/, '');
    out.push(`warning: ${where} is in ${languageName(code)} (${code}), not English: ${skipped}`);
  }
  return out;
}
