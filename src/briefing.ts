import type { Actor, Briefing, BriefingArticle, Doc, Field, InputError, Summary } from './model.js';
import { BRIEFING_SCHEMA_VERSION, known, unknown } from './model.js';
import { buildTimeline, linkSpeakers, type SaidWhen } from './saidwhen/index.js';
import { analyseStances } from './stances/index.js';
import { briefingEvents } from './events/wire.js';
import { groupStories } from './stories/index.js';
import { compareOutlets } from './compare/index.js';
import type { OutletRegistry } from './outlets/index.js';

/** Assemble the briefing from the analysed documents. Later stages add their sections here. */
export function buildBriefing(
  docs: Doc[],
  errors: InputError[],
  inputs: number,
  actors: Actor[] = [],
  saidWhen: ReadonlyMap<string, SaidWhen> = new Map(),
  summary?: Summary,
  options: { outletRegistry?: OutletRegistry } = {},
): Briefing {
  const articles: BriefingArticle[] = docs.map(({ article, paragraphs, sentences }) => ({
    id: article.id,
    source: article.source,
    meta: article.meta,
    text: article.text,
    removed: article.removed,
    paragraphs,
    sentences: sentences.map(({ start, end, paragraph }) => ({ start, end, paragraph })),
    notes: article.notes,
    ...withQuotesAndTimes(saidWhen.get(article.id), actors),
  }));
  const outlets = [...new Set(articles.map((a) => a.meta.outlet.value).filter((o): o is string => o !== null))];
  const dates = articles
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
      title: storyTitle(articles),
      outlets,
      dateRange: dates.length ? { from: dates[0], to: dates[dates.length - 1] } : null,
    },
    ...(summary ? { summary } : {}),
    articles,
    actors,
    ...(saidWhen.size > 0 ? { timeline: buildTimeline(articles) } : {}),
    ...(saidWhen.size > 0 ? analyseStances(docs, articles, actors) : {}),
    ...(saidWhen.size > 0 ? { events: briefingEvents(docs, articles, actors) } : {}),
    ...groupStories(docs, actors),
    ...compareOutlets(docs, { actors, registry: options.outletRegistry }),
    errors,
    stats: { inputs, articles: articles.length, failed: errors.length },
  };
}

/** An article's quotes (speakers linked to the actors) and time expressions, when attribution ran on it. */
function withQuotesAndTimes(said: SaidWhen | undefined, actors: Actor[]): Pick<BriefingArticle, 'quotes' | 'times'> {
  return said ? { quotes: linkSpeakers(said.quotes, actors), times: said.times } : {};
}

/** Until stories are clustered, the story title is the title of the earliest-listed article that has one. */
function storyTitle(articles: BriefingArticle[]): Field<string> {
  const titled = articles.find((a) => a.meta.title.value);
  return titled ? known(titled.meta.title.value as string, 'first-article-title', 0.5) : unknown('no-titles');
}
