/**
 * chrono-node as one more candidate generator: its strict parser reads the numeric and ISO forms
 * (`12/16/2014`, `2014-12-16 at 10:30 p.m.`) the rules do not. Only what chrono marks as certain is kept as
 * known; the rest of the value comes from the anchor and is listed as implied.
 */
import * as chrono from 'chrono-node/en';
import type { DatePart } from '../model.js';
import type { Candidate, Resolved } from './rules/index.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** chrono component → our part name */
const PARTS: [chrono.Component, DatePart][] = [
  ['year', 'year'],
  ['month', 'month'],
  ['day', 'day'],
  ['weekday', 'weekday'],
  ['hour', 'hour'],
  ['minute', 'minute'],
  ['second', 'second'],
  ['timezoneOffset', 'timezone'],
];

/**
 * Candidates from chrono's strict English parser, for the forms that carry digits (`12/16/2014`, `2014-12-16`,
 * `10:30 p.m.`): the named forms are left to the rules, whose extents follow TimeML.
 *
 * @example
 * ```ts
 * chronoCandidates('Filed on 2014-12-16.', new Date(Date.UTC(2015, 0, 1)))[0].rule; // 'chrono:strict'
 * ```
 */
export function chronoCandidates(text: string, reference: Date | null, priority = 1000): Candidate[] {
  const out: Candidate[] = [];
  const results = chrono.strict.parse(text, reference ? { instant: reference, timezone: 0 } : undefined);
  for (const r of results) {
    // numeric dates only ("12/16/2014", "2014-12-16"); clock times and named dates are the rules' job
    if (!/\d{1,4}[/-]\d{1,2}[/-]\d{1,4}/.test(r.text)) continue;
    const start = r.start;
    const known: DatePart[] = PARTS.filter(([c]) => start.isCertain(c)).map(([, p]) => p);
    const hasDate = start.isCertain('day') && start.isCertain('month');
    const hasTime = start.isCertain('hour');
    if (!hasDate && !hasTime) continue;
    const resolved = (): Resolved | null => {
      const year = start.get('year');
      const month = start.get('month');
      const day = start.get('day');
      if (year === null || month === null || day === null) return null;
      const yearKnown = start.isCertain('year');
      if (!yearKnown && !reference) return null;
      const datePart = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
      const implied: DatePart[] = PARTS.map(([, p]) => p).filter((p) => !known.includes(p) && ['year', 'month', 'day'].includes(p));
      if (hasTime) {
        const value = `${datePart}T${pad(start.get('hour') ?? 0)}:${pad(start.get('minute') ?? 0)}`;
        return { type: 'TIME', value, known, implied };
      }
      return { type: 'DATE', value: datePart, known, implied };
    };
    out.push({
      start: r.index,
      end: r.index + r.text.length,
      rule: 'chrono:strict',
      priority,
      confidence: 0.85,
      resolve: resolved,
      setsReference: true,
    });
  }
  return out;
}
