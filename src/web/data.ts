/**
 * What the API and the pages both read from the store, shaped once: story rows with their coverage per outlet,
 * a story's briefing, an article with its spans, an actor's record across stories, an outlet's coverage,
 * search facets, and the series behind the charts. Renderers (pages.ts) and the JSON API (api.ts) only present it.
 */
import type { Actor, Briefing, Doc, Quote, Stance, Voice } from '../model.js';
import { workFromLayers } from '../pipeline.js';
import type { SaidWhen } from '../saidwhen/index.js';
import type { ActorSummary, ArticleSummary, SearchQuery, Store, StoryQuery, StorySummary } from '../store/types.js';
import { joinStory } from '../store/update.js';
import { HttpError } from './params.js';

export interface StoryRow {
  id: string;
  title: string | null;
  size: number;
  from: string | null;
  to: string | null;
  /** articles per outlet (null: outlet unknown), most first */
  coverage: { outlet: string | null; articles: number }[];
  keyActors: string[];
  keyTerms: string[];
}

/** Most first, then by outlet name, unknown last. */
const byCount = <T extends { outlet: string | null }>(count: (x: T) => number) => (a: T, b: T) =>
  count(b) - count(a) || (a.outlet === b.outlet ? 0 : a.outlet === null ? 1 : b.outlet === null ? -1 : a.outlet < b.outlet ? -1 : 1);

export function storyRow(s: StorySummary): StoryRow {
  return { id: s.id, title: s.title, size: s.size, from: s.from, to: s.to, coverage: s.coverage, keyActors: s.story.keyActors, keyTerms: s.story.keyTerms };
}

export async function storyRows(store: Store, q: StoryQuery): Promise<{ items: StoryRow[]; total: number }> {
  const page = await store.stories(q);
  return { items: page.items.map(storyRow), total: page.total };
}

export async function storyOr404(store: Store, id: string): Promise<StorySummary> {
  const s = await store.story(id);
  if (!s) throw new HttpError(404, `no story "${id}"`);
  return s;
}

export async function briefingOr404(store: Store, id: string): Promise<Briefing> {
  const story = await storyOr404(store, id);
  const stored = await store.sections(id);
  const sections = stored && joinStory(stored, story.story);
  if (!sections) throw new HttpError(404, `story "${id}" has no briefing yet (the store is being updated)`);
  // sections stored before the view stage existed: the pages would silently lack what the view holds
  if (!('view' in sections)) throw new HttpError(404, `story "${id}" has a briefing from an older parallax (no view section): run \`parallax reanalyse\` on the store`);
  return sections as unknown as Briefing;
}

/** One article with its text layer, quotes, time expressions and actor mentions: every span into `text`. */
export async function articleDetail(store: Store, id: string) {
  const stored = await store.article(id);
  if (!stored) throw new HttpError(404, `no article "${id}"`);
  const { work } = workFromLayers(stored.layers, {});
  const doc = work.doc as Doc;
  const said = (work.said ?? null) as SaidWhen | null;
  const actors = (await store.actors({ article: id, limit: 500 })).items;
  const mentions: { actor: string; name: string; type: string; start: number; end: number; text: string; kind: string }[] = [];
  for (const a of actors) {
    const full = await store.actor(a.id);
    for (const m of full?.actor.aliases ?? []) {
      if (m.span.article === id) mentions.push({ actor: a.id, name: a.name, type: a.type, start: m.span.start, end: m.span.end, text: m.text, kind: m.kind });
    }
  }
  mentions.sort((x, y) => x.start - y.start);
  const { raw: _raw, segments: _segments, ...article } = stored.article;
  return {
    summary: stored.summary,
    article,
    paragraphs: doc.paragraphs,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, paragraph: s.paragraph })),
    quotes: said?.quotes ?? [],
    times: said?.times ?? [],
    mentions,
  };
}

/** Articles per day of a story, by outlet: the timeline chart's series. Undated articles are counted apart. */
export async function storySeries(store: Store, id: string) {
  const s = await storyOr404(store, id);
  const members = (await store.articles({ story: id, limit: Math.max(1, s.size) })).items;
  return daySeries(members.map((a) => ({ day: a.published?.slice(0, 10) ?? null, key: a.outlet ?? 'outlet unknown', n: 1 })));
}

/** Counts per day and key, as aligned series for uPlot: `days` (ISO) and one array per key. */
export function daySeries(points: { day: string | null; key: string; n: number }[]) {
  const isDay = (d: string | null): d is string => d !== null && /^\d{4}-\d{2}-\d{2}$/.test(d);
  const dated = points.filter((p) => isDay(p.day)) as { day: string; key: string; n: number }[];
  const days = [...new Set(dated.map((p) => p.day))].sort();
  const totals = new Map<string, number>();
  for (const p of dated) totals.set(p.key, (totals.get(p.key) ?? 0) + p.n);
  const keys = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  const at = new Map(days.map((d, i) => [d, i]));
  const series = keys.map((key) => ({ key, counts: days.map(() => 0) }));
  const index = new Map(keys.map((k, i) => [k, i]));
  for (const p of dated) series[index.get(p.key) as number].counts[at.get(p.day) as number] += p.n;
  return { days, series, undated: points.filter((p) => !isDay(p.day)).reduce((n, p) => n + p.n, 0) };
}

/**
 * The corpus actor (its id in the store's actors table, for its page) that a story's actor is: from the
 * story's `actorLinks` (src/store/update.ts); a briefing without them (`analyze`) names corpus actors itself.
 */
export function corpusActor(b: Pick<Briefing, 'actorLinks'>, id: string): string | null {
  return b.actorLinks ? (b.actorLinks[id] ?? null) : id;
}

/**
 * Actors seen together: two actors are linked when they are mentioned in the same sentence, weighted by how
 * many sentences; the `limit` most mentioned actors of the story are the nodes.
 */
export function graphOf(b: Briefing, limit = 40) {
  const top = [...b.actors].sort((x, y) => y.aliases.length - x.aliases.length || (x.name < y.name ? -1 : 1)).slice(0, limit);
  const articles = new Map(b.articles.map((a) => [a.id, a]));
  const inSentence = new Map<string, Set<string>>();
  for (const a of top) {
    for (const m of a.aliases) {
      const art = articles.get(m.span.article);
      if (!art) continue;
      const i = sentenceAt(art.sentences, m.span.start);
      if (i < 0) continue;
      const key = `${art.id}#${i}`;
      if (!inSentence.has(key)) inSentence.set(key, new Set());
      (inSentence.get(key) as Set<string>).add(a.id);
    }
  }
  const weights = new Map<string, number>();
  for (const ids of inSentence.values()) {
    const list = [...ids].sort();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const k = `${list[i]}\u0000${list[j]}`;
      weights.set(k, (weights.get(k) ?? 0) + 1);
    }
  }
  return {
    // `actor`: the corpus actor's id, for its page (a story's actors are linked over its own articles)
    nodes: top.map((a) => ({ id: a.id, actor: corpusActor(b, a.id), name: a.name, type: a.type, mentions: a.aliases.length })),
    edges: [...weights].map(([k, sentences]) => {
      const [source, target] = k.split('\u0000');
      return { source, target, sentences };
    }).sort((x, y) => y.sentences - x.sentences || (x.source < y.source ? -1 : 1)),
  };
}

function sentenceAt(sentences: { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < sentences[mid].start) hi = mid - 1;
    else if (offset >= sentences[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Stories of an actor, newest first, at most this many read for its quotes and stances. */
const ACTOR_STORIES = 25;

export interface ActorRecord {
  summary: ActorSummary;
  actor: Pick<Actor, 'id' | 'name' | 'type' | 'role' | 'country' | 'organisation' | 'codes'>;
  /** mentions per day of publication of the articles, by outlet */
  series: ReturnType<typeof daySeries>;
  stories: StoryRow[];
  storiesTotal: number;
  /** who quotes them: quotes whose speaker is the actor, per outlet */
  quotedBy: { outlet: string | null; quotes: number }[];
  quotes: { story: string; article: string; outlet: string | null; kind: Quote['kind']; text: string; start: number; end: number; sentence: number }[];
  stances: { story: string; article: string; polarity: Stance['polarity']; proposition: string; text: string; start: number; end: number; sentence: number }[];
}

export async function actorRecord(store: Store, id: string): Promise<ActorRecord> {
  const found = await store.actor(id);
  if (!found) throw new HttpError(404, `no actor "${id}"`);
  const { actor, summary } = found;
  const perArticle = new Map<string, number>();
  for (const m of actor.aliases) perArticle.set(m.span.article, (perArticle.get(m.span.article) ?? 0) + 1);
  const arts = new Map<string, ArticleSummary>();
  for (let offset = 0; ; offset += 500) {
    const page = await store.articles({ actor: id, limit: 500, offset });
    for (const a of page.items) arts.set(a.id, a);
    if (offset + 500 >= page.total) break;
  }
  const series = daySeries([...perArticle].map(([article, n]) => ({ day: arts.get(article)?.published?.slice(0, 10) ?? null, key: arts.get(article)?.outlet ?? 'outlet unknown', n })));
  const stories = await store.stories({ actor: id, sort: 'recent', limit: ACTOR_STORIES });
  const quotedBy = new Map<string | null, number>();
  const quotes: ActorRecord['quotes'] = [];
  const stances: ActorRecord['stances'] = [];
  for (const s of stories.items) {
    const b = (await store.sections(s.id)) as unknown as Briefing | null;
    if (!b) continue;
    for (const a of b.articles) {
      for (const q of a.quotes ?? []) {
        if (q.speaker === null || corpusActor(b, q.speaker) !== id || !q.content.length) continue;
        quotedBy.set(a.meta.outlet.value, (quotedBy.get(a.meta.outlet.value) ?? 0) + 1);
        const start = q.content[0].start;
        const end = q.content[q.content.length - 1].end;
        quotes.push({ story: s.id, article: a.id, outlet: a.meta.outlet.value, kind: q.kind, text: q.content.map((c) => a.text.slice(c.start, c.end)).join(' … '), start, end, sentence: sentenceAt(a.sentences, start) });
      }
    }
    const byId = new Map(b.articles.map((a) => [a.id, a]));
    const props = new Map((b.matrix?.propositions ?? []).map((p) => [p.id, p.text]));
    for (const st of b.stances ?? []) {
      if (st.holder.actor === null || corpusActor(b, st.holder.actor) !== id) continue;
      const e = st.evidence;
      const a = byId.get(e.article);
      stances.push({ story: s.id, article: e.article, polarity: st.polarity, proposition: props.get(st.proposition) ?? st.proposition, text: (a?.text ?? '').slice(e.start, e.end), start: e.start, end: e.end, sentence: a ? sentenceAt(a.sentences, e.start) : -1 });
    }
  }
  return {
    summary,
    actor: { id: actor.id, name: actor.name, type: actor.type, role: actor.role, country: actor.country, organisation: actor.organisation, codes: actor.codes },
    series,
    stories: stories.items.map(storyRow),
    storiesTotal: stories.total,
    quotedBy: [...quotedBy].map(([outlet, n]) => ({ outlet, quotes: n })).sort(byCount((x) => x.quotes)),
    quotes: quotes.slice(0, 200),
    stances: stances.slice(0, 200),
  };
}

/** Stories of an outlet read for its voices and framing. */
const OUTLET_STORIES = 25;

export async function outletRecord(store: Store, name: string, q: { limit: number; offset: number }) {
  const outlets = await store.outlets();
  const summary = outlets.find((o) => o.outlet === name);
  if (!summary) throw new HttpError(404, `no outlet "${name}"`);
  const stories = await storyRows(store, { outlet: name, sort: 'size', ...q });
  const voices = new Map<string, { speaker: string; actor: string | null; quotes: number; words: number; stories: number }>();
  const framing = new Map<string, { label: string; group: string; voice: 'own' | 'quoted'; uses: number }>();
  for (const s of (await store.stories({ outlet: name, sort: 'size', limit: OUTLET_STORIES })).items) {
    const b = (await store.sections(s.id)) as unknown as Briefing | null;
    if (!b) continue;
    const keys = new Set((b.outletProfiles ?? []).filter((p) => p.name === name || p.key === name).map((p) => p.key));
    keys.add(name);
    const seen = new Set<string>();
    for (const v of (b.voices ?? []) as Voice[]) {
      if (!keys.has(v.outlet) || v.speaker === null) continue;
      // the corpus actor, so that one person's voices in several stories are one row, linked to its page
      const actor = v.actor === null ? null : corpusActor(b, v.actor);
      const k = actor ?? v.speaker;
      const row = voices.get(k) ?? { speaker: v.speaker, actor, quotes: 0, words: 0, stories: 0 };
      row.quotes += v.quotes;
      row.words += v.words;
      if (!seen.has(k)) row.stories++;
      seen.add(k);
      voices.set(k, row);
    }
    for (const r of b.framing?.rows ?? []) {
      if (!keys.has(r.outlet)) continue;
      for (const t of [...r.own, ...r.quoted]) {
        const k = `${t.voice}\u0000${t.label}`;
        const row = framing.get(k) ?? { label: t.label, group: t.group, voice: t.voice, uses: 0 };
        row.uses += t.spans.length;
        framing.set(k, row);
      }
    }
  }
  return {
    summary,
    stories,
    voices: [...voices.values()].sort((a, b) => b.quotes - a.quotes || (a.speaker < b.speaker ? -1 : 1)).slice(0, 50),
    framing: [...framing.values()].sort((a, b) => b.uses - a.uses || (a.label < b.label ? -1 : 1)).slice(0, 50),
  };
}

/** A page of search hits and the facets of all the hits (`stories`: the 20 with most hits). */
export async function searchWithFacets(store: Store, query: SearchQuery) {
  const [hits, facets] = await Promise.all([store.search(query), store.searchFacets(query)]);
  return { hits, facets: { ...facets, stories: facets.stories.slice(0, 20) } };
}
