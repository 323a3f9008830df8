/**
 * Keeping a store up to date: `addToStore` reads inputs one at a time, analyses each new article once (its
 * layers committed in one transaction), then `refreshCorpus` re-runs the corpus-level stages over the stored
 * layers and rebuilds the briefing sections of only the stories whose inputs changed.
 *
 * A killed `add` leaves every committed article whole; running it again skips what is stored (by the hash of
 * the input's bytes) and finishes the rest, and the corpus results are rebuilt whenever they are not known
 * to match the stored articles.
 */
import { createHash } from 'node:crypto';
import type { Actor, AnalyzeOptions, Briefing, Doc, DuplicateGroup, InputError, Mention, Story } from '../model.js';
import { ingest, listInputs, readInputBytes } from '../ingest/index.js';
import { buildBriefing } from '../briefing.js';
import { loadOutletRegistry } from '../outlets/index.js';
import type { SaidWhen } from '../saidwhen/index.js';
import { byMentions, meanConfidence } from '../actors/index.js';
import { RAW_LAYER, releaseArticleModels, runArticle, runCorpus, runScope, workFromLayers } from '../pipeline.js';
import { ARTICLE_STAGES, CORPUS_STAGES, STORY_STAGES, stageVersions, type CorpusWork } from '../stages.js';
import type { SourceRecord, Store } from './types.js';
import { reclaim } from '../reclaim.js';

/** What `add` did with one input or record. */
export interface AddEvent {
  path: string;
  record?: number;
  outcome: 'added' | 'skipped' | 'failed';
  /** the article id, for added and skipped ones */
  article?: string;
  /** why it was skipped or failed */
  reason?: string;
}

export interface AddReport {
  events: AddEvent[];
  added: number;
  skipped: number;
  failed: number;
  /** files and records attempted */
  inputs: number;
  corpus: CorpusReport;
}

export interface CorpusReport {
  /** false when the corpus results already matched the stored articles */
  ran: boolean;
  articles: number;
  stories: number;
  /** stories whose sections were (re)built */
  rebuilt: number;
  /**
   * the rebuilt stories by cause (one story may count under several): `new` (no sections recorded: a new or
   * regrouped story, or sections from another version of parallax), or the part of its key that changed
   * (`STORY_KEY_PARTS`: its articles or story fields, its duplicates, stage versions and options; `links`
   * alone causes no rebuild, see `relinked`)
   */
  rebuiltBecause: Partial<Record<'new' | StoryKeyPart, number>>;
  /**
   * stories whose sections were kept but whose `actorLinks` were made again: only the corpus linker's view of
   * their actors changed (an actor renamed, merged or split by articles elsewhere)
   */
  relinked: number;
  /** article layers rebuilt because their stage version changed */
  layersRebuilt: number;
}

export interface RefreshOptions extends AnalyzeOptions {
  /** articles' worth of story sections built before they are written in one transaction (default 200) */
  sectionBatch?: number;
}

export interface AddOptions extends RefreshOptions {
  /** called after each input or record, when it is committed (or skipped, or failed) */
  onEvent?: (event: AddEvent) => void;
  /**
   * drop the article-level stages' models once the articles are analysed (`releaseArticleModels`), before the
   * corpus stages: for a process that analyses no more articles after this `add` (the CLI), not for one that
   * adds again and again (the web app would read them again for every upload)
   */
  releaseModels?: boolean;
}

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** The source hash of one record of an input: the bytes' hash, and the record number for multi-record files. */
export function sourceHash(fileHash: string, record: number | undefined): string {
  return record === undefined ? fileHash : `${fileHash}#${record}`;
}

/**
 * Add inputs (paths as the CLI takes them, or `{path, data}`) to a store: each new article analysed once and
 * committed with all its layers; then the corpus results refreshed.
 */
export async function addToStore(store: Store, sources: readonly AddSource[], options: AddOptions = {}): Promise<AddReport> {
  if (options.outlets) loadOutletRegistry(options.outlets); // a bad registry fails before any work
  const events: AddEvent[] = [];
  const report = (e: AddEvent) => {
    events.push(e);
    options.onEvent?.(e);
  };
  let inputs = 0;
  let done = 0;
  let analysed = 0;
  for await (const entry of readSources(sources)) {
    done++;
    const total = entry.total;
    if ('error' in entry) {
      inputs++;
      report({ path: entry.path, outcome: 'failed', reason: entry.error });
      continue;
    }
    const { bytes } = entry;
    const fileHash = sha256(bytes);
    // a one-article file stored before is skipped without being read again
    const whole = await store.source(fileHash);
    if (whole) {
      inputs++;
      report({ path: entry.path, outcome: 'skipped', article: whole.article, reason: whole.path === entry.path ? 'already in the store' : `already in the store (same bytes as ${whole.path})` });
      options.onProgress?.(done, total, entry.path);
      continue;
    }
    const read = await ingest([{ path: entry.path, data: bytes }], options);
    inputs += read.inputs;
    for (const e of read.errors) report({ path: e.path, ...(e.record !== undefined ? { record: e.record } : {}), outcome: 'failed', reason: e.reason });
    for (const raw of read.articles) {
      const at = { path: raw.source.path, ...(raw.source.record !== undefined ? { record: raw.source.record } : {}) };
      const hash = sourceHash(fileHash, raw.source.record);
      const known = raw.source.record === undefined ? null : await store.source(hash);
      if (known) {
        report({ ...at, outcome: 'skipped', article: known.article, reason: 'already in the store (same bytes)' });
        continue;
      }
      const result = runArticle(raw, options);
      if ('error' in result) {
        report({ ...at, outcome: 'failed', reason: result.error.reason });
        continue;
      }
      const article = (result.work.doc as Doc).article;
      const source: SourceRecord = { hash, ...at, article: article.id };
      const existing = await store.article(article.id);
      if (existing) {
        await store.putSource(source);
        report({ ...at, outcome: 'skipped', article: article.id, reason: `same text as ${existing.summary.path}, already in the store` });
        continue;
      }
      await store.putArticle(article, result.layers, source);
      report({ ...at, outcome: 'added', article: article.id });
      // the analysed articles' garbage, every so many (see reclaim.ts)
      if (++analysed % RECLAIM_EVERY_ARTICLES === 0) reclaim();
    }
    options.onProgress?.(done, total, entry.path);
  }
  // the article stages' models and garbage, before the corpus stages load every article
  if (options.releaseModels) releaseArticleModels();
  reclaim();
  const corpus = await refreshCorpus(store, options);
  const count = (o: AddEvent['outcome']) => events.filter((e) => e.outcome === o).length;
  return { events, added: count('added'), skipped: count('skipped'), failed: count('failed'), inputs, corpus };
}

/** An input to add (a path as the CLI takes it, or given bytes or text under a name). */
export type AddSource = string | { path: string; data: Uint8Array | string };

/**
 * The bytes of each input, in order: paths listed (folders recursively, as ingest reads them) and read one at a
 * time, then the given `{path, data}`; an input that cannot be listed or read comes with the reason instead.
 * `total` is the number of inputs. Shared by `add` and the PostgreSQL queue's `enqueueInputs`.
 */
export async function* readSources(sources: readonly AddSource[]): AsyncGenerator<({ path: string; bytes: Uint8Array } | { path: string; error: string }) & { total: number }> {
  const listed = await listInputs(sources.filter((s): s is string => typeof s === 'string'));
  const given = sources.filter((s): s is { path: string; data: Uint8Array | string } => typeof s !== 'string');
  const total = listed.length + given.length;
  for (const entry of listed) {
    if (entry.error) {
      yield { path: entry.path, error: entry.error, total };
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readInputBytes(entry.path);
    } catch (err) {
      yield { path: entry.path, error: (err as Error).message, total };
      continue;
    }
    yield { path: entry.path, bytes, total };
  }
  for (const g of given) yield { path: g.path, bytes: typeof g.data === 'string' ? Buffer.from(g.data, 'utf8') : g.data, total };
}

/** What the corpus results were built from; when it matches, they are current. */
export function corpusKey(ids: readonly string[], options: AnalyzeOptions): string {
  return sha256(
    JSON.stringify({
      articles: ids,
      stages: stageVersions(),
      summary: [options.summarySentences ?? null, options.summaryWords ?? null],
      outlets: options.outlets ?? null,
    }),
  );
}

/** For each article id, the indices (in `actors`) of the actors it mentions: built once per corpus. */
export function actorsByArticle(actors: readonly Actor[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  actors.forEach((a, i) => {
    for (const alias of a.aliases) {
      const list = index.get(alias.span.article);
      if (!list) index.set(alias.span.article, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return index;
}

/**
 * The actors of a set of articles as those articles see them: each with only its mentions there, its
 * confidence the mean over those mentions, listed as `linkActors` lists a corpus (most mentions first, then
 * by name, then by id) but counting these mentions only. An actor's corpus-wide figures (its confidence, its
 * rank) change with every article that names it anywhere; kept out of a story's sections, they would make
 * one new article about a common actor rebuild every story that names it (they stay in the store's actor
 * table). Over the whole corpus this is the actors as linked. `index` (from `actorsByArticle`) saves scanning
 * every actor for each story.
 */
export function scopeActors(actors: readonly Actor[], articles: ReadonlySet<string>, index?: ReadonlyMap<string, number[]>): Actor[] {
  const candidates = index ? [...new Set([...articles].flatMap((id) => index.get(id) ?? []))].sort((a, b) => a - b).map((i) => actors[i]) : actors;
  const out: Actor[] = [];
  for (const a of candidates) {
    const aliases = a.aliases.filter((x) => articles.has(x.span.article));
    if (aliases.length) out.push(aliases.length === a.aliases.length ? a : { ...a, aliases, confidence: meanConfidence(aliases) });
  }
  // a stable sort: over the whole corpus, the corpus order (which the same comparator made) is kept
  return out.sort((a, b) => byMentions(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A story as its own sections hold it: what its articles give (id, members, title, dates). Its key terms
 * (weighed by the document frequencies of the whole corpus), its key actors (named as the corpus linker names
 * them) and its background links (to other stories) change when articles arrive elsewhere, so they are left
 * out of the sections, which then depend on the story's articles only, and joined from the stories table when
 * a briefing is read (`joinStory`).
 */
export function sectionStory(story: Story): Story {
  return { ...story, keyActors: [], keyTerms: [], background: [] };
}

/**
 * A stored story's briefing: its sections with the story as the corpus stages last wrote it (key terms, key
 * actors and background links included), as one `analyze` of the corpus would list it.
 */
export function joinStory(sections: Record<string, unknown>, story: Story): Record<string, unknown> {
  return 'stories' in sections ? { ...sections, stories: [story] } : sections;
}

/** The briefing of a stored story, joined with its corpus-level record, or null when it has no sections yet. */
export async function storedBriefing(store: Store, id: string): Promise<Record<string, unknown> | null> {
  const sections = await store.sections(id);
  if (!sections) return null;
  const summary = await store.story(id);
  return summary ? joinStory(sections, summary.story) : sections;
}

/** The duplicate groups among a set of articles. */
function scopeDuplicates(groups: readonly DuplicateGroup[], articles: ReadonlySet<string>): DuplicateGroup[] {
  return groups.filter((g) => g.articles.some((id) => articles.has(id)));
}

const ACTORS_STAGE = CORPUS_STAGES.filter((s) => s.name === 'actors');

/**
 * A story's actors as its own articles link them: the actors stage over those articles alone, as `analyze` of
 * them would link them. The corpus linker links names across the whole corpus (a short form in one story to
 * a full name in another, one-word names kept or dropped by what every article says), so one new article can
 * regroup the mentions of stories it is not part of; the sections built on the story's own linking depend on
 * the story's articles only. How each of these actors is known in the corpus is `actorLinks`.
 */
export function storyActors(docs: Doc[], mentions: readonly (Mention[] | null)[], options: AnalyzeOptions): Actor[] {
  return runCorpus({ options, docs, said: new Map(), mentions: [...mentions], parts: {} }, ACTORS_STAGE).actors ?? [];
}

/**
 * For each of a story's own actors (by id), the corpus actor it is: the one among `corpus` (the corpus
 * actors as the story's articles see them, `scopeActors`) that holds most of its mentions (by article and
 * start), the first listed on a tie; null when the corpus linker kept none of them (it dropped the name).
 * Stored with the sections (`actorLinks`), so that a reader can go from a story's actor to its corpus record.
 */
export function actorLinks(own: readonly Actor[], corpus: readonly Actor[]): Record<string, string | null> {
  const at = new Map<string, number>();
  corpus.forEach((a, i) => {
    for (const x of a.aliases) at.set(`${x.span.article}\u0000${x.span.start}`, i);
  });
  const out: Record<string, string | null> = {};
  for (const a of own) {
    const votes = new Map<number, number>();
    for (const x of a.aliases) {
      const i = at.get(`${x.span.article}\u0000${x.span.start}`);
      if (i !== undefined) votes.set(i, (votes.get(i) ?? 0) + 1);
    }
    let best = -1;
    for (const [i, n] of votes) if (best < 0 || n > (votes.get(best) ?? 0) || (n === votes.get(best) && i < best)) best = i;
    out[a.id] = best < 0 ? null : corpus[best].id;
  }
  return out;
}

/**
 * The briefing of one story: its actors as its own articles link them (`storyActors`), then the story-scope
 * stages over its articles and its duplicates. The same function serves the one-shot and the incremental
 * paths, so both give the same sections.
 */
export function storyBriefing(
  story: Story,
  docsById: ReadonlyMap<string, Doc>,
  said: ReadonlyMap<string, SaidWhen>,
  mentions: ReadonlyMap<string, Mention[] | null>,
  duplicates: readonly DuplicateGroup[],
  options: AnalyzeOptions,
): Briefing {
  const ids = new Set(story.articles);
  const docs = story.articles.map((id) => docsById.get(id)).filter((d): d is Doc => d !== undefined);
  const registry = options.outlets ? loadOutletRegistry(options.outlets) : undefined;
  const scopeSaid = new Map([...ids].flatMap((id) => (said.has(id) ? [[id, said.get(id) as SaidWhen] as [string, SaidWhen]] : [])));
  const own = sectionStory(story);
  const actors = storyActors(docs, docs.map((d) => mentions.get(d.article.id) ?? null), options);
  const parts = runScope({ options, registry, docs, said: scopeSaid, actors, stories: [own], duplicates: scopeDuplicates(duplicates, ids), parts: {} }, own);
  return buildBriefing(parts, [], docs.length, own);
}

/**
 * What a story's stored record holds: its briefing sections and `actorLinks`, each story actor's corpus
 * actor (`corpus`: the corpus actors, `index` from `actorsByArticle`).
 */
export function storySections(
  story: Story,
  loaded: { docsById: ReadonlyMap<string, Doc>; said: ReadonlyMap<string, SaidWhen>; mentions: ReadonlyMap<string, Mention[] | null> },
  corpus: readonly Actor[],
  duplicates: readonly DuplicateGroup[],
  options: AnalyzeOptions,
  index?: ReadonlyMap<string, number[]>,
): Record<string, unknown> {
  const briefing = storyBriefing(story, loaded.docsById, loaded.said, loaded.mentions, duplicates, options);
  return { ...briefing, actorLinks: actorLinks(briefing.actors, scopeActors(corpus, new Set(story.articles), index)) };
}

/**
 * What a story's sections are built from, in parts: the story as its sections hold it (its articles, title,
 * dates), its duplicate groups, and the stage versions and options; and, apart, what its `actorLinks` are
 * made from: the corpus actors' ids and mentions in its articles. When the first three are unchanged, so are
 * the sections; when only `links` changed, the links are made again and the sections kept. The part that
 * changed says why a story was rebuilt.
 */
export const STORY_KEY_PARTS = ['story', 'duplicates', 'stages', 'links'] as const;
export type StoryKeyPart = (typeof STORY_KEY_PARTS)[number];

/** What a story's sections are built from: when it is unchanged, so are they (the parts' digests, joined by `.`). */
export function storyKey(story: Story, actors: readonly Actor[], duplicates: readonly DuplicateGroup[], options: AnalyzeOptions, index: ReadonlyMap<string, number[]>): string {
  const ids = new Set(story.articles);
  const parts: Record<StoryKeyPart, unknown> = {
    story: sectionStory(story),
    duplicates: scopeDuplicates(duplicates, ids),
    stages: {
      versions: stageVersions([...ARTICLE_STAGES, ...ACTORS_STAGE, ...STORY_STAGES]),
      summary: [options.summarySentences ?? null, options.summaryWords ?? null],
      outlets: options.outlets ?? null,
      actorFilter: options.actorFilter ?? true,
    },
    links: scopeActors(actors, ids, index).map((a) => [a.id, a.aliases.map((x) => `${x.span.article}:${x.span.start}`)]),
  };
  return STORY_KEY_PARTS.map((k) => sha256(JSON.stringify(parts[k])).slice(0, 32)).join('.');
}

/** Why a story's sections are rebuilt: it is new (no sections recorded), or the parts of its key that changed. */
export function rebuildCauses(previous: string | undefined, key: string): ('new' | StoryKeyPart)[] {
  const before = previous?.split('.');
  if (!before || before.length !== STORY_KEY_PARTS.length) return ['new'];
  const now = key.split('.');
  return STORY_KEY_PARTS.filter((_, i) => before[i] !== now[i]);
}

/**
 * Read stored articles back into documents, rebuilding (and storing) layers of changed stage versions. `said`
 * (quotes and times) is kept only when asked for: the corpus-level stages do not read it.
 */
export async function loadCorpus(
  store: Store,
  ids: readonly string[],
  options: AnalyzeOptions,
  keep: { said?: boolean } = { said: true },
): Promise<{ docs: Doc[]; said: Map<string, SaidWhen>; mentions: (Mention[] | null)[]; rebuilt: number }> {
  const docs: Doc[] = [];
  const said = new Map<string, SaidWhen>();
  const mentions: (Mention[] | null)[] = [];
  let rebuilt = 0;
  for (let i = 0; i < ids.length; i += 200) {
    for (const stored of await store.articlesById(ids.slice(i, i + 200))) {
      const { work, rebuilt: layers } = workFromLayers(stored.layers, options);
      if (layers.length) {
        await store.putLayers(stored.summary.id, layers);
        rebuilt += layers.length;
      }
      const doc = work.doc as Doc;
      docs.push(doc);
      mentions.push(work.mentions ?? null);
      if (work.said && keep.said) said.set(doc.article.id, work.said);
    }
  }
  return { docs, said, mentions, rebuilt };
}

/** What the corpus meta records: the key the results were built from, and the key of each story's sections. */
interface CorpusMeta {
  /** null while the sections of some stories are still being written */
  key: string | null;
  stories: Record<string, string>;
}

/** Articles analysed between two full collections during `add` (see reclaim.ts). */
const RECLAIM_EVERY_ARTICLES = 500;

/** Articles' worth of sections built before they are written: bounds memory, whatever the corpus size. */
const SECTION_BATCH_ARTICLES = 200;

/**
 * Bring the corpus results up to date with the stored articles: the corpus-level stages over all of them, and
 * the sections of every story whose articles, duplicates or stage versions changed (the others are kept; of
 * those, the ones whose actors the corpus linker now sees otherwise get their `actorLinks` made again). With
 * `force`, the corpus stages run even when the results look current.
 *
 * Memory: the corpus-level stages hold every article's text, tokens and mentions (not its quotes and times);
 * the sections are then built story by story from the story's own articles, read back from the store, and
 * written in batches. The corpus meta records, for each story, the key its stored sections were built from:
 * the new key in the transaction that writes them, the old one until then, and the corpus key only once all
 * are written, so a killed run is finished by the next one without redoing the stories already written.
 */
export async function refreshCorpus(store: Store, options: RefreshOptions = {}, force = false): Promise<CorpusReport> {
  const ids = await store.articleIds();
  const key = corpusKey(ids, options);
  const previous = (await store.meta('corpus')) as CorpusMeta | null;
  if (!force && previous?.key === key && (await staleLayers(store)).length === 0) {
    return { ran: false, articles: ids.length, stories: Object.keys(previous.stories).length, rebuilt: 0, rebuiltBecause: {}, relinked: 0, layersRebuilt: 0 };
  }
  const registry = options.outlets ? loadOutletRegistry(options.outlets) : undefined;
  const { actors, stories, duplicates, layersRebuilt } = await (async () => {
    // in a function of its own, so that the documents can be freed once the corpus-level stages are done
    const { docs, mentions, rebuilt } = await loadCorpus(store, ids, options, { said: false });
    const work: CorpusWork = { options, registry, docs, said: new Map(), mentions, parts: {} };
    for (const stage of CORPUS_STAGES) {
      runCorpus(work, [stage]);
      if (stage.name === 'actors') {
        // the stories stage reads each article alone (`StoryDoc`): its tokens, sentences and mentions (about
        // 11 kB an article) are dropped before the story index is built
        for (const doc of docs) {
          doc.tokens = [];
          doc.sentences = [];
          doc.paragraphs = [];
        }
        mentions.length = 0;
      }
      // the linker's working sets are garbage before the story index is built (see reclaim.ts); after the
      // last stage, the collection below frees the documents too
      if (stage !== CORPUS_STAGES[CORPUS_STAGES.length - 1]) reclaim();
    }
    return { actors: work.actors ?? [], stories: work.stories ?? [], duplicates: work.duplicates ?? [], layersRebuilt: rebuilt };
  })();
  // the documents and the corpus stages' working sets are garbage now (see reclaim.ts)
  reclaim();
  const index = actorsByArticle(actors);
  const keys: Record<string, string> = {};
  // what the stored sections were built from (kept while they are rewritten, so a killed run knows) ...
  const current: Record<string, string> = {};
  // ... the stories whose sections are built again, and those whose sections are kept but linked anew
  const todo: { story: Story; relink: boolean }[] = [];
  const rebuiltBecause: CorpusReport['rebuiltBecause'] = {};
  for (const story of stories) {
    keys[story.id] = storyKey(story, actors, duplicates, options, index);
    const before = previous?.stories[story.id];
    if (before !== undefined) current[story.id] = before;
    if (before === keys[story.id]) continue;
    const causes = rebuildCauses(before, keys[story.id]);
    const relink = causes.length === 1 && causes[0] === 'links';
    todo.push({ story, relink });
    // the links are made again with any rebuild: they are no cause of one
    if (!relink) for (const cause of causes) if (cause !== 'links') rebuiltBecause[cause] = (rebuiltBecause[cause] ?? 0) + 1;
  }
  await store.commitCorpus({ actors, stories, sections: new Map(), meta: { corpus: { key: null, stories: current } satisfies CorpusMeta } });
  let batch = new Map<string, Record<string, unknown>>();
  let size = 0;
  let relinked = 0;
  for (const { story, relink } of todo) {
    const stored = relink ? await store.sections(story.id) : null;
    if (stored) {
      // the sections do not change: only which corpus actor each of the story's actors is
      const own = (stored.actors ?? []) as Actor[];
      batch.set(story.id, { ...stored, actorLinks: actorLinks(own, scopeActors(actors, new Set(story.articles), index)) });
      relinked++;
    } else {
      if (relink) rebuiltBecause.new = (rebuiltBecause.new ?? 0) + 1;
      batch.set(story.id, storySections(story, await loadStory(store, story, options), actors, duplicates, options, index));
    }
    current[story.id] = keys[story.id];
    size += story.articles.length;
    if (size >= (options.sectionBatch ?? SECTION_BATCH_ARTICLES)) {
      await store.putSections(batch, { corpus: { key: null, stories: current } satisfies CorpusMeta });
      batch = new Map();
      size = 0;
      // a batch's stories' documents, layers and working sets are garbage once written (see reclaim.ts)
      reclaim();
    }
  }
  await store.putSections(batch, { corpus: { key, stories: keys } satisfies CorpusMeta });
  return { ran: true, articles: ids.length, stories: stories.length, rebuilt: todo.length - relinked, rebuiltBecause, relinked, layersRebuilt };
}

/** The documents, quotes, times and tagger mentions of one story's articles, read back from the store. */
export async function loadStory(
  store: Store,
  story: Story,
  options: AnalyzeOptions,
): Promise<{ docsById: Map<string, Doc>; said: Map<string, SaidWhen>; mentions: Map<string, Mention[] | null> }> {
  const docsById = new Map<string, Doc>();
  const said = new Map<string, SaidWhen>();
  const mentions = new Map<string, Mention[] | null>();
  for (const stored of await store.articlesById(story.articles)) {
    const { work } = workFromLayers(stored.layers, options);
    const doc = work.doc as Doc;
    docsById.set(doc.article.id, doc);
    mentions.set(doc.article.id, work.mentions ?? null);
    if (work.said) said.set(doc.article.id, work.said);
  }
  return { docsById, said, mentions };
}

/** Stored layers whose stage version differs from the stage's current one: `{stage, version, articles}`. */
export async function staleLayers(store: Store): Promise<{ stage: string; version: number; articles: number }[]> {
  const current = stageVersions();
  return (await store.layerVersions()).filter((l) => l.stage !== RAW_LAYER && current[l.stage] !== undefined && current[l.stage] !== l.version);
}

export type { InputError };
