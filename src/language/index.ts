/**
 * language: Article → Article. The article's language by franc-min's trigram model, as ISO 639-1 where such a
 * code exists. A non-English article is kept, with a note that the English-only stages skip it.
 */
import { readFileSync } from 'node:fs';
import { francAll } from 'franc-min';
import type { Article } from '../model.js';
import { known, unknown } from '../model.js';
import { dataPath } from '../paths.js';

/** Below this many letters the trigram statistics are too thin to tell languages apart. */
export const MIN_LETTERS = 60;

let iso1: Map<string, string> | null = null;

/** ISO 639-3 → 639-1 from `data/languages.json`, loaded once. */
function iso6391(): Map<string, string> {
  if (iso1) return iso1;
  const file = dataPath('languages.json');
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { iso6393to1: Record<string, string> };
    iso1 = new Map(Object.entries(data.iso6393to1));
  } catch (err) {
    throw new Error(`${file}: cannot read the language code table: ${(err as Error).message}`);
  }
  return iso1;
}

/**
 * The ISO 639-1 code for an ISO 639-3 code, or the 639-3 code itself when there is none.
 *
 * @example
 * ```ts
 * toIso6391('deu'); // 'de'
 * toIso6391('ceb'); // 'ceb'
 * ```
 */
export function toIso6391(code: string): string {
  return iso6391().get(code) ?? code;
}

/**
 * Identify a text's language: the code and a confidence, or null when the text is too short or undecided.
 * Confidence grows with the text's length and with the margin over the runner-up language.
 *
 * @example
 * ```ts
 * identifyLanguage('The minister said on Monday that the talks would go ahead as planned next week.');
 * // { code: 'en', confidence: ... }
 * ```
 */
export function identifyLanguage(text: string): { code: string; confidence: number } | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  // franc reads the first part of a text; a long article gains nothing from the rest.
  const ranked = francAll(text.slice(0, 4000), { minLength: MIN_LETTERS });
  const [best, second] = ranked;
  if (!best || best[0] === 'und') return null;
  // franc's scores are relative to the winner and bunch up on long texts (English 1, French 0.97 on a clear
  // English article), so a small margin already separates; length is the main source of certainty.
  const margin = 1 - (second ? second[1] : 0);
  const marginFactor = Math.min(1, margin / 0.02);
  const lengthFactor = Math.min(1, letters / 500);
  const confidence = Math.round((0.4 + 0.55 * lengthFactor) * (0.5 + 0.5 * marginFactor) * 100) / 100;
  return { code: toIso6391(best[0]), confidence };
}

/**
 * Set `meta.language` (method `model:franc`) unless ingest gave it, and note non-English articles.
 *
 * @example
 * ```ts
 * const article = detectLanguage(cleanArticle(raw, {}));
 * article.meta.language.value; // 'en'
 * ```
 */
export function detectLanguage(article: Article): Article {
  let language = article.meta.language;
  if (language.value === null) {
    const found = identifyLanguage(article.text);
    language = found ? known(found.code, 'model:franc', found.confidence) : unknown('too-short:language');
  }
  const notes = [...article.notes];
  const code = language.value;
  if (code !== null && !isEnglishCode(code)) {
    const note = `not English (${code}): ${STAGES_NOTE}`;
    if (!notes.includes(note)) notes.push(note);
  }
  return { ...article, meta: { ...article.meta, language }, notes };
}

/**
 * Which stages run on a non-English article and which skip it, for the note the report shows. The English-only
 * stages are those whose models and lexicons are English (src/ner, src/quotes, src/time, src/stances,
 * src/events); the others work on any language's text.
 */
export const STAGES_NOTE =
  'read, cleaned, split into sentences, grouped into stories, compared and summarised; the English-only stages (actors, who said what, time expressions, stances, events) skipped';

/** Ingest may give a language tag such as `en-GB`; its primary subtag decides. */
function isEnglishCode(code: string): boolean {
  const primary = code.toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'eng';
}

/**
 * Whether the English-only stages should run on an article: its language is English, or unknown (a short
 * text gives no evidence against English, and skipping it would lose it silently).
 *
 * @example
 * ```ts
 * if (isEnglish(article)) runEnglishTagger(article);
 * ```
 */
export function isEnglish(article: Article): boolean {
  const code = article.meta.language.value;
  return code === null || isEnglishCode(code);
}
