/**
 * Time expressions → TimeRefs anchored on the article's date: candidate generators (the rules, chrono-node),
 * then the refiners, then values resolved in document order so that "a year earlier" can lean on the date
 * mentioned before it.
 */
import type { Doc, TimeRef } from '../model.js';
import { parseDay } from './calendar.js';
import { chronoCandidates } from './chrono.js';
import { REFINERS } from './refiners.js';
import { type Candidate, type ResolveContext, generateCandidates } from './rules.js';

export interface ExtractTimesOptions {
  /** `Article.id` for the spans (default: empty) */
  article?: string;
  /** also run chrono-node's strict parser for numeric dates and clock times (default true) */
  chrono?: boolean;
}

/** Values later expressions may count from ("a year earlier" after "the third quarter"). */
const REFERENCE_VALUE = /^\d{4}(?:-Q[1-4]|-H[12]|-\d{2})?$/;

/** Calendar values the narrative can move on from ("the following year", "the next morning"). */
const CALENDAR_VALUE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T|$)/;

function validAnchor(anchor: string | null): ReturnType<typeof parseDay> {
  if (anchor === null) return null;
  const day = parseDay(anchor);
  if (!day) throw new Error(`extractTimes: anchor "${anchor}" is not an ISO date (YYYY-MM-DD)`);
  return day;
}

/**
 * Find and normalise the time expressions of a text.
 *
 * @param anchor the article's date (ISO `YYYY-MM-DD`, a longer ISO string is cut to its date), or null when
 *   unknown: relative expressions then keep a null value
 * @example
 * ```ts
 * const refs = extractTimes('Officials said on Wednesday the talks open on Monday.', '2017-01-18');
 * refs.map((r) => r.value); // ['2017-01-18', '2017-01-23']
 * ```
 */
export function extractTimes(text: string, anchor: string | null, options: ExtractTimesOptions = {}): TimeRef[] {
  const anchorDay = validAnchor(anchor);
  const anchorIso = anchor === null ? null : anchor.slice(0, 10);
  let candidates: Candidate[] = generateCandidates(text);
  if (options.chrono !== false) {
    const reference = anchorDay ? new Date(Date.UTC(anchorDay.year, anchorDay.month - 1, anchorDay.day, 12)) : null;
    candidates = candidates.concat(chronoCandidates(text, reference));
  }
  for (const refine of REFINERS) candidates = refine(candidates, text);

  const ctx: ResolveContext = { text, anchor: anchorDay, lastReference: null, lastMention: null, lastDay: null };
  const refs: TimeRef[] = [];
  for (const c of candidates) {
    const resolved = c.resolve(ctx);
    if (!resolved) continue;
    const ref: TimeRef = {
      span: { article: options.article ?? '', start: c.start, end: c.end },
      text: text.slice(c.start, c.end),
      type: resolved.type,
      value: resolved.value,
      known: resolved.known,
      implied: resolved.implied,
      anchor: resolved.implied.length > 0 || /REF$/.test(resolved.value ?? '') ? anchorIso : null,
      method: `rule:${c.rule}`,
      confidence: resolved.value === null ? 0 : c.confidence,
    };
    if (resolved.mod) ref.mod = resolved.mod;
    refs.push(ref);
    if (c.setsReference && resolved.type === 'DATE' && resolved.value && REFERENCE_VALUE.test(resolved.value)) ctx.lastReference = resolved.value;
    if (resolved.type !== 'DURATION' && resolved.type !== 'SET' && resolved.value && CALENDAR_VALUE.test(resolved.value)) {
      ctx.lastMention = resolved.value.slice(0, 10);
      const day = parseDay(resolved.value);
      if (day) ctx.lastDay = day;
    }
  }
  return refs;
}

/**
 * The time expressions of one article, anchored on `anchor` (usually its publication date).
 *
 * @example
 * ```ts
 * const refs = findTimes(doc, doc.article.meta.published.value?.value ?? null);
 * ```
 */
export function findTimes(doc: Doc, anchor: string | null): TimeRef[] {
  return extractTimes(doc.article.text, anchor, { article: doc.article.id });
}
