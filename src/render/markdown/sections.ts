/**
 * The sections of the Markdown report: the same sections as the HTML report (`../sections.ts`), in the same
 * order, each left out when the briefing has nothing for it. Tables where the HTML report has tables; every
 * finding cites its sentences with footnotes (`./footnotes.ts`). Everything from an article goes through
 * `escapeMarkdown`.
 */
import type { Actor, Briefing, BriefingArticle, Claim, ClaimEvidence, DateValue, EventRow, EventRowSide, FramingRow, FramingTerm, Stance, StanceCell, TimelineEntry, Voice } from '../../model.js';
import { dateProvenance, paragraphRuns, plural, removedSummary, showDate, showInputError, showSource } from '../describe.js';
import { escapeMarkdown, markdownTable, markdownUrl } from './escape.js';
import { Footnotes } from './footnotes.js';
import { renderAcrossStories, renderCoverage } from './coverage.js';

/** One section of the Markdown report. */
export interface MarkdownSection {
  /** the id of the HTML section it mirrors (`summary`, `actors` ...) */
  id: string;
  /** the `##` heading, the same words as the HTML report's */
  title: string;
  /** the body under the heading, or null when there is nothing to show */
  render: (briefing: Briefing, notes: Footnotes) => string | null;
}

const e = escapeMarkdown;

/** How a section names an article in running text: its outlet, else its title, else its number in the report. */
function articleName(briefing: Briefing, articleId: string): string {
  const i = briefing.articles.findIndex((a) => a.id === articleId);
  if (i < 0) return 'unknown article';
  const { meta } = briefing.articles[i];
  return meta.outlet.value ?? meta.title.value ?? `article ${i + 1}`;
}

function findArticle(briefing: Briefing, id: string): BriefingArticle | undefined {
  return briefing.articles.find((a) => a.id === id);
}

// --- summary ---------------------------------------------------------------------------------------------

function renderSummary(briefing: Briefing, notes: Footnotes): string | null {
  const summary = briefing.summary;
  if (!summary || summary.sentences.length === 0) return null;
  const items = summary.sentences.map((s, i) => {
    const badge = s.attributed ? ' *(attributed)*' : '';
    const lines = [`${i + 1}. ${e(s.text)}${badge} ${notes.citeAll(s.citations.map((c) => c.span))}`.trimEnd()];
    for (const a of s.audit) {
      const how = a.how === 'supported-by:similarity' ? `${a.how} ${a.similarity.toFixed(2)}` : a.how;
      lines.push(`   - audit: \`${how}\` ${e(articleName(briefing, a.span.article))}, characters ${a.span.start}–${a.span.end}${notes.cite(a.span)}`);
    }
    return lines.join('\n');
  });
  const cited = new Set(summary.sentences.flatMap((s) => s.citations.map((c) => c.article))).size;
  return `${items.join('\n')}\n\nSentences taken from the articles (${e(summary.method)}); citing ${cited} of ${briefing.articles.length} articles.`;
}

// --- actors ----------------------------------------------------------------------------------------------

function countryName(briefing: Briefing, code: string | null): string {
  if (code === null) return 'unknown';
  return e(briefing.view?.countries[code] ?? code);
}

function mentionsByOutlet(briefing: Briefing, notes: Footnotes, actor: Actor): string {
  const groups = new Map<string, string[]>();
  for (const alias of actor.aliases) {
    const article = findArticle(briefing, alias.span.article);
    if (!article) continue;
    const outlet = articleName(briefing, alias.span.article);
    groups.set(outlet, [...(groups.get(outlet) ?? []), `${e(alias.text)}${notes.cite(alias.span)}`]);
  }
  if (!groups.size) return 'no mention in the text';
  return [...groups].map(([outlet, links]) => `${e(outlet)}: ${links.join(', ')}`).join('; ');
}

function renderActors(briefing: Briefing, notes: Footnotes): string | null {
  const actors = briefing.actors ?? [];
  if (!actors.length) return null;
  const rows = actors.map((a) => {
    const role = [a.role.value, a.organisation.value].filter((x): x is string => x !== null).map(e).join(', ');
    return [e(a.name), a.type, role || 'unknown', countryName(briefing, a.country.value), String(a.aliases.length), mentionsByOutlet(briefing, notes, a)];
  });
  return markdownTable(['Actor', 'Type', 'Role', 'Country', 'Mentions', 'Where'], rows);
}

// --- who said what ---------------------------------------------------------------------------------------

/** Reported words in quotation marks, unless the direct quote already brings its own. */
function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return /^["“'‘«]/.test(flat) ? e(flat) : `“${e(flat)}”`;
}

function renderQuotes(briefing: Briefing, notes: Footnotes): string | null {
  const groups = briefing.view?.speakers ?? [];
  if (groups.length === 0) return null;
  return groups
    .map((g) => {
      const heading = g.name === null ? '*Speaker not found*' : `**${e(g.name)}**${g.actor ? '' : ' *(as named in the text)*'}`;
      const rows = g.rows.map((r) => {
        const cites = r.citations.map((c) => {
          const outlet = c.outlet ?? articleName(briefing, c.article);
          const channel = c.channel ? `, via ${e(c.channel)}` : '';
          const cue = c.cue ? `${e(c.cue)}, ` : '';
          return `${e(outlet)} (${cue}${c.kind}${channel})${notes.cite(c.content)}`;
        });
        const carried = r.citations.length > 1 ? ` — carried by ${r.citations.length} articles` : '';
        return `- ${quoted(r.text)}${carried}: ${cites.join('; ')}`;
      });
      return `${heading}\n\n${rows.join('\n')}`;
    })
    .join('\n\n');
}

// --- timeline --------------------------------------------------------------------------------------------

function dateMark(entry: TimelineEntry): string {
  if (entry.implied.length === 0) return 'stated';
  return `implied: ${entry.implied.join(', ')}; stated: ${entry.known.join(', ') || 'nothing'}`;
}

function renderTimeline(briefing: Briefing, notes: Footnotes): string | null {
  const entries = briefing.timeline ?? [];
  if (entries.length === 0) return null;
  const items = entries.flatMap((t) => {
    const article = findArticle(briefing, t.evidence.article);
    if (!article) return [];
    const sentence = article.text.slice(t.evidence.start, t.evidence.end);
    const speaker = t.speaker ? briefing.actors.find((a) => a.id === t.speaker)?.name ?? null : null;
    const kind = t.kind === 'statement' ? `statement${speaker ? ` by ${e(speaker)}` : ''}` : 'event';
    const mod = t.mod ? ` ${e(t.mod.toLowerCase())}` : '';
    return [`- **${e(t.value)}**${mod} (${e(dateMark(t))}) ${kind}, “${e(t.timeText)}”: ${e(sentence)} — ${e(articleName(briefing, t.evidence.article))}${notes.cite(t.evidence)}`];
  });
  return items.join('\n');
}

// --- stances ---------------------------------------------------------------------------------------------

const MARK: Record<StanceCell['polarity'], string> = { support: '✔ for', oppose: '✘ against', unclear: '? unclear', mixed: '± both' };

function renderStances(briefing: Briefing, notes: Footnotes): string | null {
  const matrix = briefing.matrix;
  const stances = briefing.stances ?? [];
  if (!matrix || matrix.cells.length === 0) return null;
  const propositions = matrix.propositions;
  const rows = matrix.holders.map((h) => [
    e(h.name),
    ...propositions.map((p) => {
      const cell = matrix.cells.find((c) => c.holder === h.group && c.proposition === p.id);
      if (!cell) return '';
      // Statements grouped by outlet; a statement's own polarity is named only where it differs from the cell's.
      const byOutlet = new Map<string, string[]>();
      for (const s of cell.stances.map((i) => stances[i]).filter((x): x is Stance => x !== undefined)) {
        const outlet = articleName(briefing, s.evidence.article);
        const differs = s.polarity !== cell.polarity ? ` (${s.polarity})` : '';
        byOutlet.set(outlet, [...(byOutlet.get(outlet) ?? []), `${e(s.holder.speaker ?? s.holder.groupName)}${differs}${notes.cite(s.evidence)}`]);
      }
      const evidence = [...byOutlet].map(([outlet, items]) => `${e(outlet)}: ${items.join(', ')}`);
      return `**${MARK[cell.polarity]}** — ${evidence.join('; ')}`;
    }),
  ]);
  return (
    "Who stands where: each cell is a holder's position on a proposition, with the sentences that state it.\n\n" +
    markdownTable(['Holder', ...propositions.map((p) => e(p.text))], rows)
  );
}

// --- events ----------------------------------------------------------------------------------------------

function eventSide(s: EventRowSide | null): string {
  if (!s) return 'unknown';
  return `${e(s.name)}${s.code ? ` \`${s.code.replace(/`/g, "'")}\`` : ''}`;
}

function eventWhen(date: DateValue | null, words: string | null): string {
  if (!date && words) return `“${e(words)}” (not anchored: the article's date is unknown)`;
  if (!date) return 'unknown';
  const implied = date.implied ?? [];
  return `${e(date.value)}${implied.length ? ` (implied ${e(implied.join(', '))})` : ''}`;
}

function eventWhat(briefing: Briefing, row: EventRow): string {
  const label = row.cameo ? briefing.view?.cameo[row.cameo] ?? null : null;
  const mode = row.mode ? ` ${e(row.mode)}` : '';
  const cameo = row.cameo ? ` (CAMEO ${e(row.cameo)}${label ? ` ${e(label)}` : ''})` : '';
  return `**${row.type}**${mode}${cameo}`;
}

function eventReading(row: EventRow): string {
  const out: string[] = [];
  if (row.negated) out.push('negated');
  if (row.hypothetical) out.push('hypothetical');
  if (row.future) out.push('future');
  if (row.reportedBy.length) out.push(`reported by ${row.reportedBy.map((r) => `“${e(r)}”`).join(', ')}`);
  return out.join(', ');
}

function renderEvents(briefing: Briefing, notes: Footnotes): string | null {
  const events = briefing.events ?? [];
  const view = briefing.view?.events;
  if (!view || view.shown.length + view.lessCertain.length === 0) return null;
  // Only the surer events are tabled; the rest are counted (the HTML report lists them collapsed).
  const { shown: rows, lessCertain } = view;
  const body = rows.map((r) => {
    const sources = r.articles.map((id) => {
      const first = r.events.map((i) => events[i]).find((ev) => ev?.evidence.article === id);
      return first ? notes.cite(first.evidence) : '';
    });
    return [eventSide(r.source), eventWhat(briefing, r), eventSide(r.target), eventWhen(r.date, r.dateWords), r.location ? e(r.location) : 'unknown', eventReading(r), sources.join('')];
  });
  return (
    'Who did what to whom, coded in PLOVER types with their CAMEO codes. An event told by several outlets is one row, ' +
    "with the sentence of each; a date comes only from the event's own sentence, never from the publication date.\n\n" +
    (rows.length ? markdownTable(['Who', 'What', 'Whom', 'When', 'Where', 'Reading', 'Sources'], body) : 'No event was read with confidence enough to show.') +
    (lessCertain.length ? `\n\nAnd ${lessCertain.length} less certain ${lessCertain.length === 1 ? 'event' : 'events'}, not shown.` : '')
  );
}

// --- stories ---------------------------------------------------------------------------------------------

function articleRef(briefing: Briefing, notes: Footnotes, id: string): string {
  const article = findArticle(briefing, id);
  const n = notes.articleNumber(id);
  if (!article) return e(id);
  const title = article.meta.title.value ?? article.meta.outlet.value ?? 'untitled article';
  const outlet = article.meta.outlet.value && article.meta.title.value ? ` (${e(article.meta.outlet.value)})` : '';
  return `${e(title)}${outlet} \\[${n}\\]`;
}

function renderStories(briefing: Briefing, notes: Footnotes): string | null {
  const stories = briefing.stories ?? [];
  if (stories.length === 0) return null;
  const titleOf = new Map(stories.map((s, i) => [s.id, s.title.value ?? `Story ${i + 1}`]));
  const items = stories.map((s, i) => {
    const dates = s.dateRange ? (s.dateRange.from === s.dateRange.to ? s.dateRange.from : `${s.dateRange.from} – ${s.dateRange.to}`) : 'dates unknown';
    const lines = [`${i + 1}. **${e(s.title.value ?? `Story ${i + 1}`)}** (${e(dates)})`];
    for (const id of s.articles) lines.push(`   - ${articleRef(briefing, notes, id)}`);
    if (s.keyActors.length) lines.push(`   - Actors: ${e(s.keyActors.join(', '))}`);
    if (s.keyTerms.length) lines.push(`   - Terms: ${e(s.keyTerms.join(', '))}`);
    for (const b of s.background) lines.push(`   - Background: ${e(titleOf.get(b.story) ?? b.story)}: ${e(b.reason)}`);
    return lines.join('\n');
  });
  const n = briefing.articles.length;
  const parts = [`${n} article${n === 1 ? '' : 's'} form${n === 1 ? 's' : ''} ${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}.`, items.join('\n')];
  const groups = briefing.duplicates ?? [];
  if (groups.length) {
    parts.push(
      '**Duplicates and syndication.** Each group carries one text; what it says is counted once.',
      groups.map((g) => `- **${e(g.kind)}**: ${e(g.reason)} — ${g.articles.map((id) => articleRef(briefing, notes, id)).join(', ')}`).join('\n'),
    );
  }
  return parts.join('\n\n');
}

// --- across outlets --------------------------------------------------------------------------------------

/** How a table names an outlet, as the HTML report's `outletCell` does: registry name with country and ownership. */
function outletName(briefing: Briefing, key: string): string {
  const profile = (briefing.outletProfiles ?? []).find((p) => p.key === key);
  if (!profile) return e(key.startsWith('unknown:') ? 'unknown outlet' : key);
  if (profile.name === null) {
    const n = briefing.articles.findIndex((a) => a.id === profile.articles[0]);
    return `unknown outlet${n >= 0 ? ` \\[${n + 1}\\]` : ''}`;
  }
  const tags = [profile.country, profile.ownership].filter((x): x is string => x !== null);
  return `${e(profile.name)}${tags.length ? ` (${e(tags.join(', '))})` : ''}`;
}

/** One footnote per telling; the words in parentheses say what the telling gives and in whose voice. */
function evidenceNotes(notes: Footnotes, evidence: ClaimEvidence[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const ev of evidence) {
    const key = `${ev.article}:${ev.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const how = [ev.quoted ? 'inside a quote' : '', ev.value ? `value ${e(ev.value)}` : '', ev.polarity ?? ''].filter(Boolean).join('; ');
    out.push(`${notes.cite(ev.span)}${how ? ` (${how})` : ''}`);
  }
  return out.join(' ');
}

function conflictSides(briefing: Briefing, notes: Footnotes, c: Claim): string {
  return c.conflicting
    .map((side) => {
      const evidence = c.evidence.filter((ev) => side.articles.includes(ev.article) && (c.basis !== 'polarity' || ev.polarity === side.value));
      const outlets = [...new Set(evidence.map((ev) => ev.outlet))];
      return `**${e(side.value)}**: ${outlets.map((o) => `${outletName(briefing, o)} ${evidenceNotes(notes, evidence.filter((ev) => ev.outlet === o))}`).join('; ')}`;
    })
    .join(' — versus — ');
}

function renderComparison(briefing: Briefing, notes: Footnotes): string | null {
  const claims = briefing.claims ?? [];
  const profiles = briefing.outletProfiles ?? [];
  if (claims.length === 0 && profiles.length < 2) return null;
  const outletRows = profiles.map((p) => {
    const how = p.method.startsWith('registry:') ? `registry (${p.method.slice('registry:'.length)})` : p.method === 'meta:outlet' ? 'article metadata, not in the registry' : 'unknown';
    return [outletName(briefing, p.key), e(p.country ?? '—'), e(p.ownership ?? '—'), e(how), notes.citeAll(p.articles.map((id) => ({ article: id, sentence: 0 })))];
  });
  const parts = ['**Outlets**', markdownTable(['Outlet', 'Country', 'Ownership', 'Labelled from', 'Articles'], outletRows)];
  const agree = claims.filter((c) => c.kind === 'agree');
  const conflict = claims.filter((c) => c.kind === 'conflict');
  const unique = claims.filter((c) => c.kind === 'unique');
  parts.push(
    '**Conflicts**',
    conflict.length
      ? markdownTable(['Claim', 'Sides, each cited'], conflict.map((c) => [e(c.statement), conflictSides(briefing, notes, c)]))
      : 'No outlet contradicts another on a date, a count or whether something happened.',
  );
  parts.push(
    '**Agreements**',
    agree.length
      ? markdownTable(
          ['Shared fact', 'Outlets', 'Who tells it'],
          agree.map((c) => [
            e(c.statement),
            String(c.outlets.length),
            c.outlets.map((o) => `${outletName(briefing, o)} ${evidenceNotes(notes, c.evidence.filter((ev) => ev.outlet === o))}`).join('; '),
          ]),
        )
      : 'No fact is told by more than one outlet.',
  );
  if (unique.length) {
    parts.push(
      '**Reported by one outlet only**',
      markdownTable(['Fact', 'Outlet'], unique.map((c) => [e(c.statement), `${c.outlets.map((o) => outletName(briefing, o)).join('; ')} ${evidenceNotes(notes, c.evidence)}`])),
    );
  }
  const silent = [...new Set(claims.flatMap((c) => c.silent))];
  if (silent.length) {
    parts.push(
      "**Silent articles.** These are teasers or cut off: what they leave out is not counted as disagreement.",
      silent
        .map((id) => {
          const outlet = profiles.find((p) => p.articles.includes(id));
          return `- ${outlet ? outletName(briefing, outlet.key) : 'unknown outlet'} ${notes.cite({ article: id, sentence: 0 })}`;
        })
        .join('\n'),
    );
  }
  return parts.join('\n\n');
}

// --- framing ---------------------------------------------------------------------------------------------

/** More references than this for one term tell a reader nothing more; the count says how many there are. */
const MAX_NOTES_PER_TERM = 4;

function termCell(notes: Footnotes, terms: FramingTerm[]): string {
  return terms
    .map((t) => {
      const refs = notes.citeAll(t.spans.slice(0, MAX_NOTES_PER_TERM));
      const more = t.spans.length > MAX_NOTES_PER_TERM ? ` +${t.spans.length - MAX_NOTES_PER_TERM}` : '';
      const score = t.score !== undefined ? ` (z ${t.score.toFixed(1)})` : '';
      return `${e(t.label)}${score}${refs}${more}`;
    })
    .join('; ');
}

function framingRows(briefing: Briefing, notes: Footnotes, row: FramingRow, groups: string[]): string[][] {
  const outlet = outletName(briefing, row.outlet);
  const used = groups.filter((g) => row.own.some((t) => t.group === g) || row.quoted.some((t) => t.group === g));
  const rows = used.map((g) => [outlet, e(g), termCell(notes, row.own.filter((t) => t.group === g)), termCell(notes, row.quoted.filter((t) => t.group === g))]);
  if (row.distinctive.length) rows.push([outlet, 'distinctive words', termCell(notes, row.distinctive), '']);
  if (rows.length === 0) rows.push([outlet, 'no framing terms found', '', '']);
  return rows;
}

function renderFraming(briefing: Briefing, notes: Footnotes): string | null {
  const table = briefing.framing;
  if (!table || table.rows.length < 2) return null;
  if (!table.rows.some((r) => r.own.length || r.quoted.length || r.distinctive.length) && !table.contrasts?.length) return null;
  const contrasts = table.contrasts ?? [];
  const contrastPart = contrasts.length
    ? 'Where outlets name the same thing differently, each in its own voice:\n\n' +
      markdownTable(
        ['Referent', 'Found by', "Each outlet's words"],
        contrasts.map((c) => [e(c.referent), c.method === 'aligned' ? 'same fact, different words' : c.method === 'phrase' ? 'same noun, different words' : c.method === 'figure' ? 'one figure, different rounding' : 'lexicon group', c.terms.map((t) => `${e(outletName(briefing, t.outlet))}: ${e(t.label)}${notes.citeAll([t.span])}`).join('; ')]),
      ) +
      '\n\n'
    : '';
  return (
    contrastPart +
    'The words each outlet uses for contested actors and events: in its own voice, and separately inside quotes ' +
    "(someone else's words it reports). Terms come from the framing lexicon (`data/framing.json`); distinctive words " +
    'are those the outlet uses, in its own voice, markedly more than the other outlets (log-odds with a Dirichlet prior).\n\n' +
    markdownTable(['Outlet', 'Labels', 'Own voice', 'Inside quotes'], table.rows.flatMap((r) => framingRows(briefing, notes, r, table.groups)))
  );
}

// --- voices ----------------------------------------------------------------------------------------------

/** A speaker's quotes beyond this many are counted, not cited one by one. */
const MAX_VOICE_NOTES = 6;

function voiceRow(briefing: Briefing, notes: Footnotes, v: Voice): string[] {
  const actor = v.actor ? briefing.actors.find((a) => a.id === v.actor) : undefined;
  const speaker = v.speaker === null ? '*speaker not found*' : `${e(v.speaker)}${actor && actor.name !== v.speaker ? ` → ${e(actor.name)}` : ''}`;
  const more = v.spans.length > MAX_VOICE_NOTES ? ` +${v.spans.length - MAX_VOICE_NOTES}` : '';
  return [
    outletName(briefing, v.outlet),
    speaker,
    e(v.country ?? '—'),
    String(v.quotes),
    `${Math.round(v.share * 100)}% (${v.words} words)`,
    v.lastWord ? '**last word**' : '',
    `${notes.citeAll(v.spans.slice(0, MAX_VOICE_NOTES))}${more}`,
  ];
}

function renderVoices(briefing: Briefing, notes: Footnotes): string | null {
  const voices = briefing.voices ?? [];
  if (voices.length === 0) return null;
  // Grouped by article, as in the HTML table: shares are per article.
  const byArticle = new Map<string, Voice[]>();
  for (const v of voices) byArticle.set(v.article, [...(byArticle.get(v.article) ?? []), v]);
  const rows = [...byArticle.values()].flatMap((list) => list.map((v) => voiceRow(briefing, notes, v)));
  return (
    "Share: the speaker's part of the article's quoted words. Last word: the speaker of the article's last quote. " +
    'Side: the country the speaker speaks for, when known.\n\n' +
    markdownTable(['Outlet', 'Speaker', 'Side', 'Quotes', 'Share', 'Last word', 'Quotes cited'], rows)
  );
}

// --- articles and errors ---------------------------------------------------------------------------------

function articleBlock(article: BriefingArticle, index: number): string {
  const { meta } = article;
  const title = meta.title.value === null ? `Article ${index + 1} (no title found)` : e(meta.title.value);
  const published =
    meta.published.value === null
      ? 'unknown'
      : `${e(showDate(meta.published.value))} (${dateProvenance(meta.published)}, \`${meta.published.method.replace(/`/g, "'")}\`)`;
  const lines = [
    `### ${title}`,
    '',
    `- Reference: \\[${index + 1}\\] (footnotes \`a${index + 1}-s…\` quote its sentences)`,
    `- Outlet: ${meta.outlet.value === null ? 'unknown' : e(meta.outlet.value)}`,
    `- Published: ${published}`,
    `- Byline: ${meta.byline.value === null ? 'unknown' : e(meta.byline.value)}`,
    `- Language: ${meta.language.value === null ? 'unknown' : e(meta.language.value)}`,
  ];
  if (meta.dateline.value !== null) lines.push(`- Dateline: ${e(meta.dateline.value)}`);
  if (meta.url.value !== null) lines.push(`- URL: ${markdownUrl(meta.url.value)}`);
  lines.push(`- Source: ${e(showSource(article.source))}`);
  const removed = removedSummary(article.removed);
  lines.push(
    removed.pieces === 0
      ? '- Page chrome removed: none'
      : `- Page chrome removed: ${plural(removed.pieces, 'piece')}, ${plural(removed.characters, 'character')} (${removed.byReason.map(([r, n]) => `${e(r)} ${n}`).join(', ')})`,
  );
  for (const r of article.removed) lines.push(`  - ${e(r.reason)}: ${e(r.text)}`);
  for (const note of article.notes) lines.push(`- Note: ${e(note)}`);
  lines.push('');
  for (const p of paragraphRuns(article)) {
    const text = article.text.slice(p.start, p.end);
    if (text.trim()) lines.push(e(text), '');
  }
  return lines.join('\n');
}

function renderArticles(briefing: Briefing): string | null {
  if (!briefing.articles.length) return null;
  return briefing.articles.map((a, i) => articleBlock(a, i)).join('\n\n');
}

function renderErrors(briefing: Briefing): string | null {
  if (briefing.errors.length === 0) return null;
  return briefing.errors.map((err) => `- ${e(showInputError(err))}`).join('\n');
}

/**
 * The Markdown report's sections, in the order of the HTML report's `HTML_SECTIONS`, with the same ids and
 * headings. A section added to the HTML report belongs here too (the tests compare the two lists).
 *
 * @example
 * ```ts
 * const notes = new Footnotes(briefing);
 * const present = MARKDOWN_SECTIONS.filter((s) => s.render(briefing, notes) !== null).map((s) => s.title);
 * ```
 */
export const MARKDOWN_SECTIONS: readonly MarkdownSection[] = [
  { id: 'summary', title: 'Summary', render: renderSummary },
  { id: 'actors', title: 'Actors', render: renderActors },
  { id: 'quotes', title: 'Who said what', render: renderQuotes },
  { id: 'timeline', title: 'Timeline', render: renderTimeline },
  { id: 'stances', title: 'Who stands where', render: renderStances },
  { id: 'events', title: 'Who did what', render: renderEvents },
  { id: 'stories', title: 'Stories', render: renderStories },
  { id: 'coverage', title: 'Coverage', render: renderCoverage },
  { id: 'across-stories', title: 'Across stories', render: (b) => renderAcrossStories(b) },
  { id: 'comparison', title: 'Across outlets', render: renderComparison },
  { id: 'framing', title: 'Framing', render: renderFraming },
  { id: 'voices', title: 'Voices', render: renderVoices },
  { id: 'articles', title: 'Articles', render: (b) => renderArticles(b) },
  { id: 'errors', title: 'Inputs that failed', render: (b) => renderErrors(b) },
];
