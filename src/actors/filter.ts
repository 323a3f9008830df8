/**
 * The trained actor filter: for each actor the linker produced for a story, whether it is an actor of the
 * story or a name that only locates, modifies or passes by. A logistic regression over general features of the
 * actor in the briefing (its type, how many mentions, articles and outlets name it, how its mentions sit in
 * their sentences, whether it speaks or holds a stance, its title, knowledge-base record and shape), trained
 * by scripts/train-actor-filter.ts on the development gold and stored in models/actor-filter.json.
 *
 * The features read the briefing only (actors, articles, quotes, stances, events), so the training script and
 * the pipeline compute them the same way. `dropActors` takes rejected actors out of the briefing and keeps what
 * referred to them consistent: the words stay, the actor link becomes null.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Actor, BriefingArticle, Event, Stance, StanceMatrix, TimelineEntry } from '../model.js';
import { modelPath } from '../paths.js';

/** The briefing sections the features read. */
export interface FilterInput {
  actors: Actor[];
  articles: BriefingArticle[];
  stances?: Stance[];
  events?: Event[];
}

/** The feature names, in the order of `actorFeatures`' vector (kept in the model file, checked on load). */
export const FEATURES = [
  'type:PERSON',
  'type:ORG',
  'type:GPE',
  'type:LOC',
  'type:MISC',
  'log-mentions',
  'mentions-vs-story-max',
  'log-pronoun-mentions',
  'article-share',
  'log-articles',
  'log-outlets',
  'locating-share',
  'dateline-share',
  'modifier-share',
  'possessive-share',
  'subject-share',
  'sentence-initial-only',
  'lead-share',
  'in-headline',
  'log-quotes-spoken',
  'speaks',
  'log-stances-held',
  'in-event',
  'has-role',
  'has-country',
  'has-organisation',
  'kb-codes',
  'acronym',
  'name-words',
  'name-chars',
  'has-digit',
  'demonym-share',
  'nominal-share',
  'surname-share',
  'confidence',
  'inside-another-name',
  'holds-another-name',
  'common-word-share',
  'conjunction',
  'odd-punctuation',
  'article-outlet',
  'in-quote-share',
] as const;

const LOCATING = new Set(['in', 'at', 'from', 'near', 'across', 'outside', 'inside', 'throughout', 'around', 'within', 'into', 'via']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her']);
// words that follow a subject: reporting verbs, auxiliaries and the commonest finite verbs of news
const AFTER_SUBJECT = new Set([
  'said', 'says', 'told', 'has', 'have', 'had', 'is', 'was', 'are', 'were', 'will', 'would', 'could', 'should', 'can', 'may',
  'might', 'must', 'did', 'does', 'announced', 'added', 'wrote', 'argued', 'called', 'asked', 'warned', 'urged', 'denied',
  'claimed', 'insisted', 'noted', 'stated', 'confirmed', 'declined', 'plans', 'wants', 'also', 'then', 'later',
]);

const log1 = (n: number): number => Math.log(1 + n);

/** The word before and after a span, lower-cased (empty at the text's edges). */
function around(text: string, start: number, end: number): { before: string; after: string; afterRaw: string } {
  const left = text.slice(Math.max(0, start - 40), start);
  const right = text.slice(end, end + 40);
  const before = (/([A-Za-z][\w'-]*)[^\w]*$/.exec(left)?.[1] ?? '').toLowerCase();
  const m = /^\s*([\w'’-]+)/.exec(right);
  return { before, after: (m?.[1] ?? '').toLowerCase(), afterRaw: m?.[1] ?? '' };
}

/** The feature vector of every actor of a briefing, in `FEATURES` order. */
export function actorFeatures(input: FilterInput): number[][] {
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const total = Math.max(1, input.articles.length);
  const spoken = new Map<string, number>();
  for (const a of input.articles) for (const q of a.quotes ?? []) if (q.speaker) spoken.set(q.speaker, (spoken.get(q.speaker) ?? 0) + 1);
  const held = new Map<string, number>();
  for (const s of input.stances ?? []) if (s.holder.actor) held.set(s.holder.actor, (held.get(s.holder.actor) ?? 0) + 1);
  const inEvent = new Set<string>();
  for (const e of input.events ?? []) for (const side of [e.source, e.target]) if (side?.actor) inEvent.add(side.actor);
  const named = (a: Actor) => a.aliases.filter((al) => al.kind !== 'pronoun');
  const maxMentions = Math.max(1, ...input.actors.map((a) => named(a).length));
  const tokensOf = (t: string) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const nameTokens = input.actors.map((a) => new Set(tokensOf(a.name)));
  // a proper subset of another actor's name words ("Jo" of "Jo Roe", "House" of "House Budget Committee")
  const subset = (a: Set<string>, b: Set<string>) => a.size > 0 && a.size < b.size && [...a].every((w) => b.has(w));
  // words the story's own text writes in lower case: a name made of them may be a common noun capitalised
  const lower = new Set(input.articles.flatMap((a) => a.text.match(/(?<![\p{L}.])\p{Ll}[\p{Ll}'-]{2,}/gu) ?? []));
  const titles = input.articles.map((a) => (a.meta.title.value ?? '').toLowerCase()).filter(Boolean);
  const outletNames = new Set(input.articles.map((a) => (a.meta.outlet.value ?? '').toLowerCase()).filter(Boolean));

  return input.actors.map((actor, k) => {
    const mentions = named(actor);
    const n = Math.max(1, mentions.length);
    const articles = new Set(actor.aliases.map((al) => al.span.article));
    const outlets = new Set([...articles].map((id) => byId.get(id)?.meta.outlet.value ?? id));
    let locating = 0;
    let dateline = 0;
    let modifier = 0;
    let possessive = 0;
    let subject = 0;
    let initial = 0;
    let lead = 0;
    let quoted = 0;
    for (const al of mentions) {
      const art = byId.get(al.span.article);
      if (!art) continue;
      const { before, after, afterRaw } = around(art.text, al.span.start, al.span.end);
      const next = art.text.slice(al.span.end, al.span.end + 3);
      if (LOCATING.has(before)) locating++;
      // named only inside someone's words, not by the story's own narration
      if ((art.quotes ?? []).some((q) => q.content.some((c) => c.start <= al.span.start && al.span.end <= c.end))) quoted++;
      // a dateline: the name opens the article or a paragraph and a dash, comma or parenthesis follows it
      const para = art.paragraphs.find((p) => p.start <= al.span.start && al.span.start < p.end);
      const opens = para ? art.text.slice(para.start, al.span.start).trim() === '' : al.span.start < 2;
      if (opens && /^\s*[—–(,-]/.test(next)) dateline++;
      if (/^['’]s\b/.test(next)) possessive++;
      // a modifier: a lower-case noun follows the name after a determiner ("the Senate bill"), or an adjective-like demonym
      else if (DETERMINERS.has(before) && /^[a-z]/.test(afterRaw) && !AFTER_SUBJECT.has(after)) modifier++;
      if (AFTER_SUBJECT.has(after) || /^\s*,\s*(who|which)\b/.test(art.text.slice(al.span.end, al.span.end + 12))) subject++;
      const sent = art.sentences.find((s) => s.start <= al.span.start && al.span.start < s.end);
      if (sent && art.text.slice(sent.start, al.span.start).replace(/^\W*(the\s+)?/i, '') === '') initial++;
      if (art.sentences.length && art.sentences.slice(0, 2).some((s) => s.start <= al.span.start && al.span.start < s.end)) lead++;
    }
    const keys = new Set([actor.name, ...mentions.map((m) => m.text)].map((t) => t.toLowerCase()).filter((t) => t.length > 1));
    const inTitle = [...keys].map((k) => new RegExp(`(^|[^\\w])${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`));
    const inHeadline = titles.some((title) => inTitle.some((re) => re.test(title)));
    const kind = (k: string) => mentions.filter((m) => m.kind === k).length / n;
    const words = actor.name.split(/\s+/).filter(Boolean);
    const f: number[] = [
      actor.type === 'PERSON' ? 1 : 0,
      actor.type === 'ORG' ? 1 : 0,
      actor.type === 'GPE' ? 1 : 0,
      actor.type === 'LOC' ? 1 : 0,
      actor.type === 'MISC' ? 1 : 0,
      log1(mentions.length),
      mentions.length / maxMentions,
      log1(actor.aliases.length - mentions.length),
      articles.size / total,
      log1(articles.size),
      log1(outlets.size),
      locating / n,
      dateline / n,
      modifier / n,
      possessive / n,
      subject / n,
      mentions.length > 0 && initial === mentions.length ? 1 : 0,
      lead / n,
      inHeadline ? 1 : 0,
      log1(spoken.get(actor.id) ?? 0),
      spoken.has(actor.id) ? 1 : 0,
      log1(held.get(actor.id) ?? 0),
      inEvent.has(actor.id) ? 1 : 0,
      actor.role.value !== null ? 1 : 0,
      actor.country.value !== null ? 1 : 0,
      actor.organisation.value !== null ? 1 : 0,
      actor.codes.length > 0 ? 1 : 0,
      /^[A-Z][A-Z.&-]+$/.test(actor.name.replace(/\s/g, '')) && actor.name.replace(/[^A-Z]/g, '').length >= 2 ? 1 : 0,
      Math.min(words.length, 6) / 6,
      log1(actor.name.length),
      /\d/.test(actor.name) ? 1 : 0,
      kind('demonym'),
      kind('nominal'),
      kind('surname'),
      actor.confidence,
      nameTokens.some((t, j) => j !== k && subset(nameTokens[k], t)) ? 1 : 0,
      nameTokens.some((t, j) => j !== k && subset(t, nameTokens[k])) ? 1 : 0,
      (() => {
        const ws = actor.name.split(/\s+/).map((w) => w.replace(/[^\p{L}'-]/gu, '').toLowerCase()).filter((w) => w.length > 2);
        return ws.length ? ws.filter((w) => lower.has(w)).length / ws.length : 0;
      })(),
      /\s(and|or)\s|&/.test(actor.name) ? 1 : 0,
      /[^\p{L}\p{N}\s.'’&-]/u.test(actor.name) ? 1 : 0,
      outletNames.has(actor.name.toLowerCase()) ? 1 : 0,
      quoted / n,
    ];
    return f;
  });
}

/** A trained filter as models/actor-filter.json stores it. */
export interface ActorFilterModel {
  features: string[];
  /** per-feature mean and standard deviation the weights were trained on */
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  /** actors scoring below this probability are dropped */
  threshold: number;
  [other: string]: unknown;
}

/** The probability that each actor is an actor of the story. */
export function actorScores(model: ActorFilterModel, input: FilterInput): number[] {
  return actorFeatures(input).map((x) => {
    let z = model.bias;
    for (let i = 0; i < x.length; i++) z += model.weights[i] * ((x[i] - model.mean[i]) / (model.std[i] || 1));
    return 1 / (1 + Math.exp(-z));
  });
}

let cached: ActorFilterModel | null | undefined;

/** models/actor-filter.json, or null when it is not there (the briefing then keeps every actor). */
export function loadActorFilter(): ActorFilterModel | null {
  if (cached !== undefined) return cached;
  const path = modelPath('actor-filter.json');
  if (!existsSync(path)) return (cached = null);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: not JSON: ${(err as Error).message}`);
  }
  return (cached = checkActorFilter(json, path));
}

/** A parsed model file checked against the features this code computes; `path` names it in the error. */
export function checkActorFilter(json: unknown, path: string): ActorFilterModel {
  const model = json as ActorFilterModel;
  const names = FEATURES as readonly string[];
  if (!model || !Array.isArray(model.features) || model.features.join() !== names.join()) {
    throw new Error(`${path}: trained on other features than src/actors/filter.ts computes: retrain with scripts/train-actor-filter.ts`);
  }
  for (const k of ['mean', 'std', 'weights'] as const) {
    if (!Array.isArray(model[k]) || model[k].length !== names.length || !model[k].every(Number.isFinite)) throw new Error(`${path}: "${k}" needs ${names.length} numbers`);
  }
  if (!Number.isFinite(model.bias) || !Number.isFinite(model.threshold)) throw new Error(`${path}: "bias" and "threshold" must be numbers`);
  return model;
}

/** The briefing sections that refer to actors, as `dropActors` rewrites them. */
export interface ActorSections extends FilterInput {
  timeline?: TimelineEntry[];
  matrix?: StanceMatrix;
}

/**
 * The sections without the actors `drop` names: quote speakers, event sides, stance holders and timeline
 * speakers keep their words and lose the link; a stance matrix row keyed by a dropped actor becomes a
 * described holder (`described:<words>`), as a holder the linker never made an actor is.
 */
export function dropActors<T extends ActorSections>(parts: T, drop: Set<string>): T {
  if (!drop.size) return parts;
  const keep = (id: string | null | undefined): string | null => (id && !drop.has(id) ? id : null);
  const articles = parts.articles.map((a) => (a.quotes ? { ...a, quotes: a.quotes.map((q) => (q.speaker && drop.has(q.speaker) ? { ...q, speaker: null } : q)) } : a));
  const side = <S extends Event['source']>(s: S): S => (s && s.actor && drop.has(s.actor) ? { ...s, actor: null } : s);
  const events = parts.events?.map((e) => ({
    ...e,
    source: side(e.source),
    target: side(e.target),
    ...(e.locationActor !== undefined ? { locationActor: keep(e.locationActor) } : {}),
  }));
  const renamed = new Map<string, string>();
  const stances = parts.stances?.map((s) => {
    if (!s.holder.actor || !drop.has(s.holder.actor)) return s;
    let group = s.holder.group;
    if (drop.has(group)) {
      group = `described:${(s.holder.speaker ?? s.holder.groupName).toLowerCase()}`;
      renamed.set(s.holder.group, group);
    }
    return { ...s, holder: { ...s.holder, actor: null, group } };
  });
  let matrix = parts.matrix;
  if (matrix && renamed.size) {
    const holders: StanceMatrix['holders'] = [];
    for (const h of matrix.holders) {
      const group = renamed.get(h.group) ?? h.group;
      if (!holders.some((x) => x.group === group)) holders.push({ ...h, group });
    }
    matrix = { ...matrix, holders, cells: matrix.cells.map((c) => ({ ...c, holder: renamed.get(c.holder) ?? c.holder })) };
  }
  const timeline = parts.timeline?.map((t) => (t.speaker && drop.has(t.speaker) ? { ...t, speaker: null } : t));
  return {
    ...parts,
    actors: parts.actors.filter((a) => !drop.has(a.id)),
    articles,
    ...(events ? { events } : {}),
    ...(stances ? { stances } : {}),
    ...(matrix ? { matrix } : {}),
    ...(timeline ? { timeline } : {}),
  };
}
