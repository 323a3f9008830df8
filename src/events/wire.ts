/**
 * Events in the briefing: the coder's events of each English article, given a date from the time stage, a
 * place from the sentence, and their source and target linked to `Briefing.actors`; then the same event told by
 * several outlets merged into one row for the report.
 *
 * The date is a time expression of the event's own sentence and clause, anchored (by the time stage) on the
 * article's date. With none, the date stays unknown: the publication date is when the story was told, not when
 * the event happened.
 */
import { readFileSync } from 'node:fs';
import type { Actor, BriefingArticle, DateValue, Doc, Event, EventActor, Field, PloverType, Quote, Span, TimeRef } from '../model.js';
import { known, unknown } from '../model.js';
import { dataPath } from '../paths.js';
import { countryOf } from '../kb/index.js';
import { codeEvents } from './coder.js';
import { mentionsByArticle } from '../actors/mentions.js';

/** A calendar TIMEX value (`2017`, `2017-01`, `2017-01-23`, `2017-01-23T10:00`): what a date can hold. */
const CALENDAR_VALUE = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:]+)?)?)?$/;

/** Words between "in"/"at" and a place name that keep it a place ("in northern Ruritania", "at the capital"). */
const PLACE_LEAD = /\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:(?:north|south|east|west|central)(?:ern|-?(?:east|west)ern)?\s+|capital\s+(?:of\s+)?|city\s+of\s+|town\s+of\s+|province\s+of\s+|region\s+of\s+)?$/i;

/** Words inside an event actor's span before which a mention is a modifier of place, not the actor itself. */
const AFTER_PREPOSITION = /\b(?:in|at|near|throughout|across|inside)\b/i;

const PLACE_TYPES = new Set(['GPE', 'LOC']);

const overlaps = (a: Span, b: Span): boolean => a.article === b.article && a.start < b.end && b.start < a.end;
const inside = (a: Span, b: Span): boolean => a.article === b.article && b.start <= a.start && a.end <= b.end;

interface AliasRef {
  actor: Actor;
  span: Span;
}

/** Every actor mention of one article, in text order. */
function mentionsOf(article: string, actors: readonly Actor[]): AliasRef[] {
  return (mentionsByArticle(actors).get(article) ?? []).map(({ actor, alias }) => ({ actor, span: alias.span }));
}

/**
 * The actor an event side names: the mention that covers most of the side's words ("Ruritanian police" → the
 * mention "Ruritanian"); null when no mention overlaps it.
 */
function linkSide(side: EventActor | null, mentions: readonly AliasRef[]): EventActor | null {
  if (!side) return null;
  let best: AliasRef | null = null;
  let bestOverlap = 0;
  for (const m of mentions) {
    if (!overlaps(m.span, side.span)) continue;
    // "troops in Ruritania": a place after a preposition says where the actor is, not who it is
    if (AFTER_PREPOSITION.test(side.text.slice(0, Math.max(0, m.span.start - side.span.start)))) continue;
    const shared = Math.min(m.span.end, side.span.end) - Math.max(m.span.start, side.span.start);
    if (shared > bestOverlap) {
      best = m;
      bestOverlap = shared;
    }
  }
  return { ...side, actor: best ? best.actor.id : null };
}

/**
 * True when a reporting clause stands between a time and an event's trigger: the event is in the words said and
 * the time outside them ("said on Monday that ... attacked"), or the other way round. A trigger that is itself the
 * cue ("signed an accord on March 2", when the quote tagger reads "signed" as a cue) keeps its object's time.
 */
function splitByReport(time: Span, trigger: Span, quotes: readonly Quote[]): boolean {
  return quotes.some((q) => {
    const timeInside = q.content.some((c) => inside(time, c));
    const triggerInside = q.content.some((c) => inside(trigger, c));
    if (triggerInside) return !timeInside;
    return timeInside && !(q.cue !== null && overlaps(q.cue, trigger));
  });
}

/** Words that open another clause between an event's verb and a time ("... which began in 2011"). */
const CLAUSE_OPENER = /[;:()\u2013\u2014]|\b(?:which|who|whom|whose|that|since|while|when|where|because|although|though|after|before|until|unless|if|as)\b/i;
/** The preposition or modifier that leads a time expression belongs to it, not to the words between. */
const TIME_LEAD = /\s*\b(?:on|in|at|since|after|before|until|by|from|during|of|early|late|mid|earlier|later)?\s*$/i;

/** True when a clause opens between the trigger and the time, so the time dates another verb. */
function otherClause(time: Span, trigger: Span, text: string, sentenceStart: number): boolean {
  if (time.start >= trigger.end) return CLAUSE_OPENER.test(text.slice(trigger.end, time.start).replace(TIME_LEAD, ''));
  const between = text.slice(time.end, trigger.start);
  if (CLAUSE_OPENER.test(between)) return true;
  // A time inside a clause that closes before the verb ("The talks, which began in 2011, collapsed").
  if (!between.includes(',')) return false;
  const lead = text.slice(sentenceStart, time.start);
  return CLAUSE_OPENER.test(lead.slice(lead.lastIndexOf(',') + 1).replace(TIME_LEAD, ''));
}

/**
 * The event's date: the time expression of its own clause nearest its trigger, skipping one that lies on the
 * other side of a reporting clause ("X said on Monday that Y attacked Z": Monday dates the saying) or behind a
 * relative or adverbial clause ("talks, which ... since the war began in 2011"). The parts the words stated and
 * those implied from the article's date are kept apart. Unknown when there is none; also unknown, with the
 * expression as its span and method `time:same-clause:unanchored`, when the words name a day the article's date
 * cannot place ("January 23" with no year).
 *
 * @example
 * ```ts
 * eventDate(event, article.text, article.times ?? [], article.quotes ?? []).value?.value; // '2021-03-09'
 * ```
 */
export function eventDate(event: Pick<Event, 'trigger' | 'evidence'>, text: string, times: readonly TimeRef[], quotes: readonly Quote[] = []): Field<DateValue> {
  let best: TimeRef | null = null;
  let bestDistance = Infinity;
  for (const t of times) {
    if ((t.type !== 'DATE' && t.type !== 'TIME') || t.value === null || /_REF$/.test(t.value)) continue;
    if (!inside(t.span, event.evidence) || splitByReport(t.span, event.trigger, quotes) || otherClause(t.span, event.trigger, text, event.evidence.start)) continue;
    const distance = t.span.start >= event.trigger.end ? t.span.start - event.trigger.end : event.trigger.start - t.span.end;
    if (distance < bestDistance) {
      best = t;
      bestDistance = distance;
    }
  }
  if (!best || best.value === null) return unknown('not-found:time-in-clause');
  if (!CALENDAR_VALUE.test(best.value)) return { value: null, method: 'time:same-clause:unanchored', confidence: 0, span: best.span };
  const value: DateValue = { value: best.value, known: best.known, implied: best.implied };
  const method = best.implied.length ? 'time:same-clause+implied' : 'time:same-clause';
  return known(value, method, Math.min(best.confidence, 0.8), best.span);
}

/**
 * The event's place: a place mention after "in", "at" or "near" in its sentence, nearest the trigger; the
 * actor's name when the mention is linked to a place actor, else the words when the knowledge base knows them
 * as a country or capital. Unknown otherwise.
 */
export function eventLocation(
  event: Pick<Event, 'trigger' | 'evidence'>,
  text: string,
  mentions: readonly AliasRef[],
): { location: Field<string>; actor: string | null } {
  let best: { value: string; span: Span; actor: string | null; method: string } | null = null;
  let bestDistance = Infinity;
  const consider = (value: string, span: Span, actor: string | null, method: string): void => {
    const distance = span.start >= event.trigger.end ? span.start - event.trigger.end : event.trigger.start - span.end;
    if (distance < bestDistance) {
      best = { value, span, actor, method };
      bestDistance = distance;
    }
  };
  const seen = new Set<number>();
  for (const m of mentions) {
    if (!inside(m.span, event.evidence) || !PLACE_TYPES.has(m.actor.type)) continue;
    if (!PLACE_LEAD.test(text.slice(event.evidence.start, m.span.start))) continue;
    seen.add(m.span.start);
    consider(m.actor.name, m.span, m.actor.id, 'rule:place-after-preposition+actor');
  }
  // A capital or country the tagger missed: capitalised words after the preposition that the knowledge base knows.
  const sentence = text.slice(event.evidence.start, event.evidence.end);
  const pattern = /\b(?:in|at|near)\s+(?:the\s+)?([A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+){0,2})/gu;
  for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
    const words = m[1];
    const start = event.evidence.start + m.index + m[0].length - words.length;
    if (seen.has(start) || !countryOf(words)) continue;
    consider(words, { article: event.evidence.article, start, end: start + words.length }, null, 'rule:place-after-preposition+kb');
  }
  const found = best as { value: string; span: Span; actor: string | null; method: string } | null;
  if (!found) return { location: unknown('not-found:place-in-sentence'), actor: null };
  return { location: known(found.value, found.method, found.actor ? 0.6 : 0.5, found.span), actor: found.actor };
}

/**
 * The events of the briefing's English articles (those the time stage ran on), each dated and placed from its
 * sentence, with its sides linked to the briefing's actors.
 *
 * @example
 * ```ts
 * const events = briefingEvents(docs, briefing.articles, briefing.actors);
 * events.map((e) => `${e.source?.actor} ${e.type} ${e.target?.actor} ${e.date.value?.value ?? '?'}`);
 * ```
 */
export function briefingEvents(docs: readonly Doc[], articles: readonly BriefingArticle[], actors: readonly Actor[]): Event[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const out: Event[] = [];
  for (const doc of docs) {
    const article = byId.get(doc.article.id);
    // The coder's lexicons are English; the time stage marks which articles are (it runs on English only).
    if (!article?.times) continue;
    const published = doc.article.meta.published.value;
    const day = published ? (published.from ?? published.value).slice(0, 10) : null;
    const mentions = mentionsOf(doc.article.id, actors);
    for (const event of codeEvents(doc, { date: day })) {
      const { location, actor: place } = eventLocation(event, doc.article.text, mentions);
      // The coder takes the first actor after the verb as its target; when that is the place the event happened
      // in ("signed an accord in Santiago"), it says where, not to whom.
      const targetIsPlace = event.target !== null && location.span !== undefined && overlaps(event.target.span, location.span);
      out.push({
        ...event,
        source: linkSide(event.source, mentions),
        target: targetIsPlace ? null : linkSide(event.target, mentions),
        date: eventDate(event, doc.article.text, article.times, article.quotes ?? []),
        location,
        locationActor: place,
      });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ rows

/** One side of a merged row: how it is named, the actor it links to, its code. */
export interface EventRowSide {
  /** `Actor.id` when linked */
  actor: string | null;
  /** the actor's canonical name when linked, else the words of the first report */
  name: string;
  code: string | null;
}

/** One event as the report shows it: the same act by the same actors, however many outlets told it. */
export interface EventRow {
  type: PloverType;
  cameo: string | null;
  mode: string | null;
  source: EventRowSide | null;
  target: EventRowSide | null;
  /** the most precise date the reports give; null when none dates it */
  date: DateValue | null;
  /** when no report dates it: the words of a time the article's date could not place ("January 23"), else null */
  dateWords: string | null;
  location: string | null;
  negated: boolean;
  hypothetical: boolean;
  future: boolean;
  /** the people or bodies that reported the event ("an official said"), as written */
  reportedBy: string[];
  /** indices into `Briefing.events`, in briefing order */
  events: number[];
  /** ids of the articles that report it, in briefing order */
  articles: string[];
}

function sideKey(side: EventActor | null): string {
  if (!side) return '-';
  return side.actor ? `a:${side.actor}` : side.code ? `c:${side.code}` : `t:${side.text.toLowerCase().replace(/\s+/g, ' ')}`;
}

/** Two dates agree when one is unknown or one is a prefix of the other (`2017-01` and `2017-01-23`). */
function compatibleDates(a: DateValue | null, b: DateValue | null): boolean {
  if (!a || !b) return true;
  return a.value.startsWith(b.value) || b.value.startsWith(a.value);
}

/**
 * Merges the briefing's events into report rows: events of the same PLOVER type, source and target actors
 * (linked actor, else code, else words), the same negation and modality, and compatible dates are one row,
 * whichever outlet told them. Events with neither a source nor a target are left out.
 *
 * @example
 * ```ts
 * const rows = eventRows(briefing);
 * rows.filter((r) => r.articles.length > 1); // events told by several articles
 * ```
 */
export function eventRows(briefing: { events?: Event[]; actors: readonly Actor[]; articles: readonly BriefingArticle[] }): EventRow[] {
  const byId = new Map(briefing.actors.map((a) => [a.id, a]));
  // The canonical name stands for the words only when the words are a whole mention: "Ruritanian police"
  // links to Ruritania but is not Ruritania.
  const nameOf = (s: EventActor): string => {
    const actor = s.actor ? byId.get(s.actor) : undefined;
    const words = s.text.toLowerCase();
    return actor && actor.aliases.some((a) => a.text.toLowerCase() === words) ? actor.name : s.text.replace(/\s+/g, ' ');
  };
  const order = new Map(briefing.articles.map((a, i) => [a.id, i]));
  const textOf = (span: Span): string => {
    const article = briefing.articles.find((a) => a.id === span.article);
    return article ? article.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim() : '';
  };
  const side = (s: EventActor | null): EventRowSide | null =>
    s ? { actor: s.actor ?? null, name: nameOf(s), code: s.code } : null;
  const rows: EventRow[] = [];
  const keys: string[] = [];
  (briefing.events ?? []).forEach((e, i) => {
    if (!e.source && !e.target) return;
    const key = [e.type, sideKey(e.source), sideKey(e.target), e.negated, e.hypothetical, e.future].join('|');
    const date = e.date.value;
    let row = rows.find((r, k) => keys[k] === key && compatibleDates(r.date, date));
    if (!row) {
      row = {
        type: e.type,
        cameo: e.cameo,
        mode: e.mode,
        source: side(e.source),
        target: side(e.target),
        date: null,
        dateWords: null,
        location: null,
        negated: e.negated,
        hypothetical: e.hypothetical,
        future: e.future,
        reportedBy: [],
        events: [],
        articles: [],
      };
      rows.push(row);
      keys.push(key);
    }
    // The row keeps the most precise date and the first known place its reports give.
    if (date && (!row.date || date.value.length > row.date.value.length)) row.date = date;
    if (!date && e.date.span && row.dateWords === null) row.dateWords = textOf(e.date.span) || null;
    row.location ??= e.location.value;
    row.events.push(i);
    if (!row.articles.includes(e.evidence.article)) row.articles.push(e.evidence.article);
    if (e.reportedBy) {
      const by = textOf(e.reportedBy);
      if (by && !row.reportedBy.includes(by)) row.reportedBy.push(by);
    }
  });
  for (const row of rows) row.articles.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  // Events told by more outlets first, then by date: what the story turns on leads the table.
  return rows.sort((a, b) => b.articles.length - a.articles.length || (a.date?.value ?? '~').localeCompare(b.date?.value ?? '~'));
}

let labels: Map<string, string> | null = null;

/**
 * The CAMEO codebook name of a code ("190" → "Use conventional military force"), from
 * `data/events/cameo-labels.json` (built by `scripts/build-cameo-labels.ts`); null for an unknown code.
 *
 * @example
 * ```ts
 * cameoLabel('190'); // 'Use conventional military force'
 * ```
 */
export function cameoLabel(code: string): string | null {
  if (!labels) {
    const path = dataPath('events', 'cameo-labels.json');
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new Error(`${path}: cannot read the CAMEO labels (${(err as Error).message}); run scripts/build-cameo-labels.ts`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${path}: expected an object of code → name`);
    labels = new Map(Object.entries(parsed as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
  return labels.get(code) ?? null;
}
