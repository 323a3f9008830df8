/**
 * Exports of one story's briefing as CSV or JSONL: events, quotes, timeline, claims and actors, one row per
 * item, with a fixed column order (a spreadsheet or script reading them can rely on it across versions; new
 * columns are only ever added at the end). Spans are given as article id, start, end and the words.
 */
import type { Briefing, BriefingArticle, Span } from '../model.js';

export const EXPORT_KINDS = ['events', 'quotes', 'timeline', 'claims', 'actors'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

interface Ctx {
  articles: Map<string, BriefingArticle>;
}

function words(ctx: Ctx, span: Span | null | undefined): string | null {
  if (!span) return null;
  const a = ctx.articles.get(span.article);
  return a ? a.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim() : null;
}

const outletOf = (ctx: Ctx, article: string): string | null => ctx.articles.get(article)?.meta.outlet.value ?? null;

/** Each kind: its columns, in order, and its rows. */
export const EXPORTS: Record<ExportKind, { columns: readonly string[]; rows: (b: Briefing, ctx: Ctx) => Row[] }> = {
  events: {
    columns: ['article', 'outlet', 'type', 'cameo', 'mode', 'source', 'source_code', 'source_actor', 'target', 'target_code', 'target_actor', 'trigger', 'date', 'location', 'negated', 'hypothetical', 'future', 'historical', 'start', 'end', 'sentence', 'confidence', 'method'],
    rows: (b, ctx) =>
      (b.events ?? []).map((e) => ({
        article: e.evidence.article,
        outlet: outletOf(ctx, e.evidence.article),
        type: e.type,
        cameo: e.cameo,
        mode: e.mode,
        source: e.source?.text ?? null,
        source_code: e.source?.code ?? null,
        source_actor: e.source?.actor ?? null,
        target: e.target?.text ?? null,
        target_code: e.target?.code ?? null,
        target_actor: e.target?.actor ?? null,
        trigger: words(ctx, e.trigger),
        date: e.date.value?.value ?? null,
        location: e.location.value,
        negated: e.negated,
        hypothetical: e.hypothetical,
        future: e.future,
        historical: e.historical,
        start: e.evidence.start,
        end: e.evidence.end,
        sentence: words(ctx, e.evidence),
        confidence: e.confidence,
        method: e.method,
      })),
  },
  quotes: {
    columns: ['article', 'outlet', 'kind', 'speaker_actor', 'speaker', 'cue', 'channel', 'start', 'end', 'content', 'confidence', 'method'],
    rows: (b, ctx) =>
      b.articles.flatMap((a) =>
        (a.quotes ?? []).map((q) => ({
          article: a.id,
          outlet: a.meta.outlet.value,
          kind: q.kind,
          speaker_actor: q.speaker,
          speaker: words(ctx, q.antecedent ?? q.source),
          cue: words(ctx, q.cue),
          channel: words(ctx, q.channel),
          start: q.content[0]?.start ?? null,
          end: q.content.at(-1)?.end ?? null,
          content: q.content.map((s) => words(ctx, s)).join(' … '),
          confidence: q.confidence,
          method: q.method,
        })),
      ),
  },
  timeline: {
    columns: ['value', 'kind', 'time', 'known', 'implied', 'mod', 'article', 'outlet', 'speaker_actor', 'start', 'end', 'sentence'],
    rows: (b, ctx) =>
      (b.timeline ?? []).map((t) => ({
        value: t.value,
        kind: t.kind,
        time: t.timeText,
        known: t.known.join(' '),
        implied: t.implied.join(' '),
        mod: t.mod ?? null,
        article: t.evidence.article,
        outlet: outletOf(ctx, t.evidence.article),
        speaker_actor: t.speaker,
        start: t.evidence.start,
        end: t.evidence.end,
        sentence: words(ctx, t.evidence),
      })),
  },
  claims: {
    columns: ['id', 'kind', 'statement', 'basis', 'outlets', 'articles', 'conflicting', 'evidence', 'confidence'],
    rows: (b) =>
      (b.claims ?? []).map((c) => ({
        id: c.id,
        kind: c.kind,
        statement: c.statement,
        basis: c.basis,
        outlets: c.outlets.join('; '),
        articles: c.articles.join('; '),
        conflicting: c.conflicting.map((v) => `${v.value}: ${v.articles.join(' ')}`).join('; '),
        evidence: c.evidence.length,
        confidence: c.confidence,
      })),
  },
  actors: {
    columns: ['id', 'name', 'type', 'mentions', 'articles', 'role', 'country', 'organisation', 'codes', 'confidence', 'method'],
    rows: (b) =>
      b.actors.map((a) => ({
        id: a.id,
        name: a.name,
        type: a.type,
        mentions: a.aliases.length,
        articles: new Set(a.aliases.map((x) => x.span.article)).size,
        role: a.role.value,
        country: a.country.value,
        organisation: a.organisation.value,
        codes: a.codes.join(' '),
        confidence: a.confidence,
        method: a.method,
      })),
  },
};

/** The rows of one export of a briefing, each with exactly the kind's columns, in order. */
export function exportRows(briefing: Briefing, kind: ExportKind): Row[] {
  const ctx: Ctx = { articles: new Map(briefing.articles.map((a) => [a.id, a])) };
  const { columns, rows } = EXPORTS[kind];
  return rows(briefing, ctx).map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
}

/**
 * One CSV cell (RFC 4180). Text a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets
 * a leading apostrophe: article text is hostile input and must not run in the reader's spreadsheet.
 */
export function csvCell(v: Cell): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: readonly string[], rows: Row[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

export function toJsonl(rows: Row[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}
