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
import type { Actor, AliasKind, BriefingArticle, DateValue, Doc, Event, EventActor, EventRow, EventRowSide, Field, Quote, Span, TimeRef } from '../model.js';
import { known, unknown } from '../model.js';
import { dataPath } from '../paths.js';
import { countryOf } from '../kb/index.js';
import { codeEvents } from './coder.js';
import { mentionsByArticle } from '../actors/index.js';

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
  kind: AliasKind;
}

/** Every actor mention of one article, in text order. */
function mentionsOf(article: string, actors: readonly Actor[]): AliasRef[] {
  return (mentionsByArticle(actors).get(article) ?? []).map(({ actor, alias }) => ({ actor, span: alias.span, kind: alias.kind }));
}

/**
 * The mention an event side names: the one that covers most of the side's words ("Ruritanian police" → the
 * mention "Ruritanian"); null when no mention overlaps it.
 */
function sideMention(side: EventActor, mentions: readonly AliasRef[]): AliasRef | null {
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
  return best;
}

/**
 * How surely a mention names an actor that acts, 0..1; null when it names none: an unlinked side, or a place
 * (a city, a region) — a capital counts only where the actors stage read it as standing for its government
 * (alias kind `metonymy`). A name is surer than a pronoun or a description resolved to the actor.
 */
const MENTION_WEIGHT: Record<AliasKind, number> = {
  name: 1,
  acronym: 1,
  surname: 1,
  demonym: 0.9,
  metonymy: 0.9,
  nominal: 0.8,
  pronoun: 0.7,
};

function actorWeight(mention: AliasRef | null): number | null {
  if (!mention) return null;
  const { actor, kind } = mention;
  if (actor.type === 'PERSON' || actor.type === 'ORG') return MENTION_WEIGHT[kind];
  // A country acts; a city or region is where things happen, unless it is a capital standing for its government.
  if (actor.type === 'GPE' && (kind === 'metonymy' || actor.method === 'kb:country')) return MENTION_WEIGHT[kind];
  // A nationality the actors stage kept apart from its country ("Ruritanian police") still names who acted.
  if (actor.type === 'MISC' && countryOf(actor.name)) return MENTION_WEIGHT.demonym;
  return null;
}

/** What both sides linked to actors adds to the coder's confidence: who did it to whom is then known. */
const BOTH_SIDES_BONUS = 0.15;

/**
 * Whether the briefing keeps an event, and how sure it is: kept when one side is an actor and the other an actor
 * or absent; the confidence is the coder's (a CAMEO pattern is surer than a bare verb) times the weaker side's
 * mention weight, plus a bonus when both sides are actors. Null when the event is not kept.
 */
function eventConfidence(coder: number, source: AliasRef | null | undefined, target: AliasRef | null | undefined, reciprocal: boolean): number | null {
  // undefined: the side is absent; null: the side has words but no actor (or only a place)
  const weights = [source, target].filter((s) => s !== undefined).map((s) => actorWeight(s ?? null));
  if (weights.length === 0 || weights.some((w) => w === null)) return null;
  // An actor acting on itself is a misreading ("X has joined calls for X ..."), not an event.
  if (source && target && source.actor.id === target.actor.id) return null;
  // A pair read from a compound subject with no object ("A and B agreed") guesses the target: no bonus.
  const bonus = weights.length === 2 && !reciprocal ? BOTH_SIDES_BONUS : 0;
  const sure = coder * Math.min(...(weights as number[])) + bonus;
  return Math.round(Math.min(sure, 0.95) * 100) / 100;
}

/** The speaker of the quote an event's trigger lies in: the name a pronoun or description resolves to, else the mention. */
function quoteSpeaker(trigger: Span, quotes: readonly Quote[]): Span | null {
  const quote = quotes.find((q) => q.content.some((c) => inside(trigger, c)) && (q.antecedent ?? q.source) !== null);
  return quote ? (quote.antecedent ?? quote.source) : null;
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
 * sentence, with its sides linked to the briefing's actors. Only events with an actor (person, organisation,
 * country, or a capital standing for its government) on one side and an actor or nothing on the other are kept;
 * `confidence` is then the coder's pattern strength weighed by those links. An event inside a quote is
 * `reportedBy` the quote's speaker when the coder found no reporting clause of its own.
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
    const coded = codeEvents(doc, { date: day });
    // The coder gives a compound subject without an object as each ordered pair: both directions, one trigger.
    const pairKey = (e: Event, flip: boolean): string =>
      [e.trigger.start, (flip ? e.target : e.source)?.span.start, (flip ? e.source : e.target)?.span.start].join('|');
    const pairs = new Set(coded.filter((e) => e.source && e.target).map((e) => pairKey(e, false)));
    for (const event of coded) {
      const { location, actor: place } = eventLocation(event, doc.article.text, mentions);
      // The coder takes the first actor after the verb as its target; when that is the place the event happened
      // in ("signed an accord in Santiago"), it says where, not to whom.
      const targetIsPlace = event.target !== null && location.span !== undefined && overlaps(event.target.span, location.span);
      const target = targetIsPlace ? null : event.target;
      const sourceMention = event.source ? sideMention(event.source, mentions) : undefined;
      const targetMention = target ? sideMention(target, mentions) : undefined;
      const reciprocal = event.source !== null && event.target !== null && pairs.has(pairKey(event, true));
      const confidence = eventConfidence(event.confidence, sourceMention, targetMention, reciprocal);
      if (confidence === null) continue;
      out.push({
        ...event,
        source: event.source ? { ...event.source, actor: sourceMention?.actor.id ?? null } : null,
        target: target ? { ...target, actor: targetMention?.actor.id ?? null } : null,
        reportedBy: event.reportedBy ?? quoteSpeaker(event.trigger, article.quotes ?? []),
        date: eventDate(event, doc.article.text, article.times, article.quotes ?? []),
        location,
        locationActor: place,
        confidence,
      });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ rows

export type { EventRow, EventRowSide } from '../model.js';

/**
 * The confidence from which a row is shown in the events table; the rest are counted and listed collapsed.
 * Chosen on the bundled example story and the sample articles by reading every kept event against its sentence
 * and calling it clearly right when the sentence says that this source did this kind of act to this target (or
 * alone), with the same polarity. A CAMEO pattern with its actors linked (0.7 and up) was clearly right about
 * three times in four; a bare verb with both sides linked (0.6-0.65) under half the time, unless another outlet
 * tells the same event too (+0.1 each); a bare verb with one side (0.5 and below) rarely.
 */
export const SHOWN_EVENT_CONFIDENCE = 0.7;

/** What each further article telling the same event adds to the row's confidence. */
const CORROBORATION_BONUS = 0.1;

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
        confidence: 0,
      };
      rows.push(row);
      keys.push(key);
    }
    // The row keeps the most precise date and the first known place its reports give.
    if (date && (!row.date || date.value.length > row.date.value.length)) row.date = date;
    if (!date && e.date.span && row.dateWords === null) row.dateWords = textOf(e.date.span) || null;
    row.location ??= e.location.value;
    row.events.push(i);
    row.confidence = Math.max(row.confidence, e.confidence);
    if (!row.articles.includes(e.evidence.article)) row.articles.push(e.evidence.article);
    if (e.reportedBy) {
      const by = textOf(e.reportedBy);
      if (by && !row.reportedBy.includes(by)) row.reportedBy.push(by);
    }
  });
  for (const row of rows) {
    row.articles.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    row.confidence = Math.round(Math.min(row.confidence + CORROBORATION_BONUS * (row.articles.length - 1), 0.95) * 100) / 100;
  }
  // Events told by more outlets first, then by date: what the story turns on leads the table.
  return rows.sort((a, b) => b.articles.length - a.articles.length || (a.date?.value ?? '~').localeCompare(b.date?.value ?? '~'));
}

/**
 * The rows a reader sees first (confidence at least `SHOWN_EVENT_CONFIDENCE`) and the less certain rest, each in
 * the order `eventRows` gives.
 *
 * @example
 * ```ts
 * const { shown, lessCertain } = splitEventRows(eventRows(briefing));
 * `${shown.length} events, and ${lessCertain.length} less certain events`;
 * ```
 */
export function splitEventRows(rows: readonly EventRow[]): { shown: EventRow[]; lessCertain: EventRow[] } {
  return {
    shown: rows.filter((r) => r.confidence >= SHOWN_EVENT_CONFIDENCE),
    lessCertain: rows.filter((r) => r.confidence < SHOWN_EVENT_CONFIDENCE),
  };
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
