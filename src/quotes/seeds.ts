/**
 * Scores found quotes against the `quotes` of a seeds gold file: a gold quote counts when some quote's content
 * holds its text and that quote's speaker mention (the antecedent for a pronoun or nominal, else the source)
 * names the gold speaker by one of the actor's aliases. Texts are compared after the normalisation the gold
 * file prescribes (straight quotes, collapsed white space).
 */
import type { Quote } from '../model.js';

export interface SeedQuote {
  article: string;
  speaker: string;
  text: string;
}

export interface SeedActor {
  id: string;
  aliases?: string[];
  name?: string;
}

export interface SeedQuoteResult {
  found: number;
  total: number;
  /** per gold quote: content found, speaker right, and what was predicted */
  items: { article: string; speaker: string; text: string; contentFound: boolean; speakerRight: boolean; predictedSpeaker: string | null }[];
}

/**
 * The normalisation of the seeds gold file.
 *
 * @example
 * ```ts
 * normalise('“Hi”  there’s'); // '"Hi" there\'s'
 * ```
 */
export function normalise(s: string): string {
  return s.replace(/[“”„«»]/g, '"').replace(/[‘’‚]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Whether `phrase` occurs in `text` as whole words. */
function containsWords(text: string, phrase: string): boolean {
  const at = ` ${text.replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return at.includes(` ${phrase.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `);
}

/**
 * Scores quotes per article (keyed by the gold file's article names) against the gold quotes.
 *
 * @example
 * ```ts
 * scoreSeedQuotes(gold.quotes, gold.actors, new Map([[name, { text, quotes }]]), {});
 * ```
 */
export function scoreSeedQuotes(
  gold: SeedQuote[],
  actors: SeedActor[],
  found: Map<string, { text: string; quotes: Quote[] }>,
  outsideActors: Record<string, string> = {},
): SeedQuoteResult {
  const aliasesOf = (id: string): string[] => {
    const actor = actors.find((a) => a.id === id);
    if (actor) return [...(actor.aliases ?? []), ...(actor.name ? [actor.name] : [])].map((a) => normalise(a).toLowerCase());
    // Speakers outside the actor list are described in prose, with the accepted answers in single quotes.
    return [...(outsideActors[id] ?? '').matchAll(/'([^']+)'/g)].map((m) => normalise(m[1]).toLowerCase());
  };
  const items: SeedQuoteResult['items'] = [];
  for (const g of gold) {
    const article = found.get(g.article);
    const want = normalise(g.text);
    let contentFound = false;
    let speakerRight = false;
    let predictedSpeaker: string | null = null;
    for (const q of article?.quotes ?? []) {
      const content = normalise(q.content.map((s) => article!.text.slice(s.start, s.end)).join(' '));
      if (!content.includes(want) && !(want.includes(content) && content.length * 2 >= want.length)) continue;
      contentFound = true;
      const who = q.antecedent ?? q.source;
      const name = who ? normalise(article!.text.slice(who.start, who.end)).toLowerCase() : '';
      const right = name !== '' && aliasesOf(g.speaker).some((a) => containsWords(name, a));
      if (right || predictedSpeaker === null) predictedSpeaker = name || null;
      if (right) {
        speakerRight = true;
        break;
      }
    }
    items.push({ article: g.article, speaker: g.speaker, text: g.text, contentFound, speakerRight, predictedSpeaker });
  }
  return { found: items.filter((i) => i.contentFound && i.speakerRight).length, total: gold.length, items };
}
