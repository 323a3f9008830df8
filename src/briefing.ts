/**
 * The briefing's article entries and the assembly of the briefing from what the stages found. No analysis
 * happens here: src/pipeline.ts runs the stages, in order, and hands their results over.
 */
import type { Actor, Briefing, BriefingArticle, Doc, Field, InputError, Story } from './model.js';
import { BRIEFING_SCHEMA_VERSION, known, unknown } from './model.js';
import { linkSpeakers, type SaidWhen } from './saidwhen/index.js';

/** An analysed article as the briefing shows it: clean text, sentences, and its quotes and times when found. */
export function briefingArticle({ article, paragraphs, sentences }: Doc, said: SaidWhen | undefined, actors: readonly Actor[]): BriefingArticle {
  return {
    id: article.id,
    source: article.source,
    meta: article.meta,
    text: article.text,
    removed: article.removed,
    paragraphs,
    sentences: sentences.map(({ start, end, paragraph }) => ({ start, end, paragraph })),
    notes: article.notes,
    ...(said ? { quotes: linkSpeakers(said.quotes, actors as Actor[], article.text), times: said.times } : {}),
  };
}

/** What the stages found, by section; `buildBriefing` adds the story header, errors and counts. */
export type BriefingParts = Omit<Briefing, 'schema' | 'version' | 'story' | 'errors' | 'stats'>;

/**
 * Assemble the briefing. The story header describes `focus`, the story the briefing is about (the largest one
 * when the input holds several); with no story given, all articles.
 */
export function buildBriefing(parts: BriefingParts, errors: InputError[], inputs: number, focus?: Story): Briefing {
  const inFocus = focus ? parts.articles.filter((a) => focus.articles.includes(a.id)) : parts.articles;
  const outlets = [...new Set(inFocus.map((a) => a.meta.outlet.value).filter((o): o is string => o !== null))];
  const dates = inFocus
    .flatMap((a) => {
      const p = a.meta.published.value;
      // A range open at one end bounds nothing on the other: it is left out rather than read as one day.
      if (!p || (p.from === undefined) !== (p.to === undefined)) return [];
      return [p.from ?? p.value, p.to ?? p.value];
    })
    .map((d) => d.slice(0, 10))
    .sort();
  return {
    schema: 'parallax/briefing',
    version: BRIEFING_SCHEMA_VERSION,
    story: {
      ...(focus ? { id: focus.id } : {}),
      title: neutralTitleOf(parts, focus) ?? (focus?.title.value ? focus.title : firstTitle(inFocus)),
      outlets,
      dateRange: dates.length ? { from: dates[0], to: dates[dates.length - 1] } : null,
    },
    ...parts,
    errors,
    stats: { inputs, articles: parts.articles.length, failed: errors.length },
  };
}

/**
 * The focus story's neutral title from coverage (src/coverage), also when it is unknown because the story has
 * only opinion headlines (an opinion headline is never the story's title); null when coverage has no say.
 */
function neutralTitleOf(parts: BriefingParts, focus?: Story): Field<string> | null {
  const title = focus ? parts.coverage?.find((c) => c.story === focus.id)?.title : undefined;
  return title && (title.value !== null || title.method === 'only-opinion-headlines') ? title : null;
}

function firstTitle(articles: BriefingArticle[]): Field<string> {
  const titled = articles.find((a) => a.meta.title.value);
  return titled ? known(titled.meta.title.value as string, 'first-article-title', 0.5) : unknown('no-titles');
}
