/**
 * The `quotes` and `dates` sections of `parallax eval seeds`, scored on what `analyze()` put in the briefing.
 *
 * - quotes: a gold quote counts when a quote of its article holds the gold words as its content and the
 *   quote's speaker is the gold actor: through the linked actor when the quote has one, else through the
 *   speaker mention (antecedent or source) holding one of the gold actor's aliases as whole words.
 * - dates: a gold date counts when a time expression overlapping the gold words has the gold value, with the
 *   article analysed on the start of its gold publication range (`SeedCase.anchored`).
 */
import type { Actor, BriefingArticle, Quote } from '../model.js';
import { normaliseGold, type SeedCase, type SectionResult, type SeedsGold } from './seedcases.js';
import { speakerMention } from '../saidwhen/index.js';

interface GoldQuote {
  article: string;
  text: string;
  speaker: string;
}

interface GoldDate {
  article: string;
  text: string;
  value: string;
}

interface GoldActorNames {
  id: string;
  name?: string;
  aliases?: string[];
}

/** Whether `phrase` occurs in `text` as whole words, case and punctuation aside. */
function containsWords(text: string, phrase: string): boolean {
  const words = (s: string): string => ` ${normaliseGold(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const p = words(phrase);
  return p.trim() !== '' && words(text).includes(p);
}

/** The accepted names of a gold speaker: its aliases, or the quoted answers of a speaker outside the list. */
function acceptedNames(gold: SeedsGold, id: string): string[] {
  const actors = Array.isArray(gold.actors) ? (gold.actors as GoldActorNames[]) : [];
  const actor = actors.find((a) => a.id === id);
  if (actor) return [...(actor.aliases ?? []), ...(actor.name ? [actor.name] : [])];
  const outside = (gold.speakers_outside_actor_list ?? {}) as Record<string, string>;
  return [...(outside[id] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** What a quote's speaker is called: the linked actor's names, else the mention's words. */
function speakerNames(article: BriefingArticle, quote: Quote, actors: readonly Actor[]): { names: string[]; via: string } {
  const actor = quote.speaker ? actors.find((a) => a.id === quote.speaker) : undefined;
  if (actor) {
    const names = [actor.name, ...actor.aliases.filter((a) => a.kind === 'name' || a.kind === 'surname').map((a) => a.text)];
    return { names, via: `actor ${actor.name}` };
  }
  const mention = speakerMention(article, quote);
  return { names: mention ? [mention] : [], via: mention ? `mention ${JSON.stringify(mention)}` : 'no speaker' };
}

/**
 * Gold quotes found with the right speaker.
 *
 * @example
 * ```ts
 * scoreSeedsQuotes(cases, gold); // { found: 27, total: 28, misses: ['002.txt: "…" (lavrov): speaker mention "he"'] }
 * ```
 */
export function scoreSeedsQuotes(cases: SeedCase[], gold: SeedsGold): SectionResult {
  const r: SectionResult = { found: 0, total: 0, misses: [] };
  const byFile = new Map(cases.map((c) => [c.file, c]));
  for (const g of (gold.quotes ?? []) as GoldQuote[]) {
    r.total++;
    const c = byFile.get(g.article);
    const article = c?.article;
    if (!article) {
      r.misses.push(`${g.article}: ${JSON.stringify(g.text)} (${g.speaker}): article failed`);
      continue;
    }
    const want = normaliseGold(g.text);
    const accepted = acceptedNames(gold, g.speaker);
    const tried: string[] = [];
    let right = false;
    for (const q of article.quotes ?? []) {
      const content = normaliseGold(q.content.map((s) => article.text.slice(s.start, s.end)).join(' '));
      // Content that holds the gold words, or most of them when the system cut the quotation shorter.
      if (!content.includes(want) && !(want.includes(content) && content.length * 2 >= want.length)) continue;
      const { names, via } = speakerNames(article, q, c.actors ?? []);
      tried.push(via);
      if (names.some((n) => accepted.some((a) => containsWords(n, a)))) {
        right = true;
        break;
      }
    }
    if (right) r.found++;
    else r.misses.push(`${g.article}: ${JSON.stringify(g.text)} (${g.speaker}): ${tried.length ? `speaker ${tried.join(' / ')}` : 'content not found'}`);
  }
  return r;
}

/**
 * Gold dates found with the right value when the article is dated by the start of its gold publication range.
 *
 * @example
 * ```ts
 * scoreSeedsDates(cases, gold); // { found: 10, total: 10, misses: [] }
 * ```
 */
export function scoreSeedsDates(cases: SeedCase[], gold: SeedsGold): SectionResult {
  const r: SectionResult = { found: 0, total: 0, misses: [] };
  const byFile = new Map(cases.map((c) => [c.file, c]));
  for (const g of (gold.dates ?? []) as GoldDate[]) {
    r.total++;
    const article = byFile.get(g.article)?.anchored;
    if (!article) {
      r.misses.push(`${g.article}: ${JSON.stringify(g.text)}: article failed`);
      continue;
    }
    const pattern = new RegExp(normaliseGold(g.text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'g');
    const found: string[] = [];
    let right = false;
    for (const m of article.text.matchAll(pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      for (const t of article.times ?? []) {
        if (t.span.start >= end || start >= t.span.end) continue;
        found.push(`${t.text}=${t.value}`);
        if (t.value === g.value) right = true;
      }
    }
    if (right) r.found++;
    else r.misses.push(`${g.article}: ${JSON.stringify(g.text)}: want ${g.value}, found ${found.join(', ') || 'nothing'} (anchor ${article.meta.published.value?.value ?? 'none'})`);
  }
  return r;
}
