/**
 * Citations of the Markdown report: GitHub-flavoured footnotes, one per cited sentence. A reference reads
 * `[^a2-s14]` (article 2 of the report, its sentence 14, both counted from 1) and its definition quotes that
 * sentence and names the outlet and title, so a reader sees the source without leaving the page. A span that
 * lies between sentences cites its article (`[^a2]`). Only footnotes that are referenced are defined, once each,
 * in the order of first use: the output is deterministic and every definition is used.
 */
import type { Briefing, BriefingArticle, Span } from '../../model.js';
import { sentenceIndexOf } from '../describe.js';
import { escapeMarkdown } from './escape.js';

/** What a footnote cites: a span of an article's text, or a sentence of an article by its 0-based index. */
export type FootnoteTarget = Span | { article: string; sentence: number };

/** A quoted sentence longer than this is cut with an ellipsis: a footnote quotes a sentence, not a page. */
const QUOTE_MAX_CHARS = 480;

interface Definition {
  label: string;
  article: BriefingArticle;
  number: number;
  /** 0-based sentence index, or -1 for the whole article */
  sentence: number;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_MAX_CHARS ? `${flat.slice(0, QUOTE_MAX_CHARS - 1).trimEnd()}…` : flat;
}

/**
 * Collects the footnotes one report uses. Sections call {@link Footnotes.cite} while they render; the report
 * appends {@link Footnotes.definitions} at its end.
 *
 * @example
 * ```ts
 * const notes = new Footnotes(briefing);
 * const line = `Strike called ${notes.cite(span)}`; // 'Strike called [^a1-s3]'
 * const end = notes.definitions();                  // '[^a1-s3]: [1] Outlet, “Title”, sentence 3: “…”'
 * ```
 */
export class Footnotes {
  private readonly byId: Map<string, { article: BriefingArticle; number: number }>;
  private readonly used = new Map<string, Definition>();

  constructor(briefing: Briefing) {
    this.byId = new Map(briefing.articles.map((article, i) => [article.id, { article, number: i + 1 }]));
  }

  /** The 1-based number of an article in the report, or null when it is not in the briefing. */
  articleNumber(articleId: string): number | null {
    return this.byId.get(articleId)?.number ?? null;
  }

  /**
   * A footnote reference for a target; when the target's article is not in the briefing, a visible
   * "source missing" note instead of a reference that would have no definition.
   */
  cite(target: FootnoteTarget): string {
    const entry = this.byId.get(target.article);
    if (!entry) return '(source missing)';
    const { article, number } = entry;
    let sentence: number;
    if ('sentence' in target) {
      sentence = Number.isInteger(target.sentence) && target.sentence >= 0 && target.sentence < article.sentences.length ? target.sentence : -1;
    } else {
      sentence = sentenceIndexOf(article, target);
    }
    const label = sentence >= 0 ? `a${number}-s${sentence + 1}` : `a${number}`;
    if (!this.used.has(label)) this.used.set(label, { label, article, number, sentence });
    return `[^${label}]`;
  }

  /** References for several targets, one per distinct footnote, in the order given. */
  citeAll(targets: readonly FootnoteTarget[]): string {
    return [...new Set(targets.map((t) => this.cite(t)))].join('');
  }

  /** How many distinct footnotes have been referenced so far. */
  get size(): number {
    return this.used.size;
  }

  /** The definitions of every referenced footnote, one per line, in the order of first reference. */
  definitions(): string {
    return [...this.used.values()]
      .map(({ label, article, number, sentence }) => {
        const { meta } = article;
        const source = [
          `\\[${number}\\] ${meta.outlet.value === null ? 'unknown outlet' : escapeMarkdown(meta.outlet.value)}`,
          meta.title.value === null ? null : `“${escapeMarkdown(meta.title.value)}”`,
        ]
          .filter((x): x is string => x !== null)
          .join(', ');
        if (sentence < 0) return `[^${label}]: ${source}.`;
        const s = article.sentences[sentence];
        return `[^${label}]: ${source}, sentence ${sentence + 1}: “${escapeMarkdown(clip(article.text.slice(s.start, s.end)))}”`;
      })
      .join('\n');
  }
}
