/**
 * Citation chips: the one way a section of the HTML report cites the article text. A chip is a small link to
 * the sentence (`#a-<article>-s<i>`) that shows that sentence, with its outlet, on hover and on keyboard focus,
 * and jumps to it in its article, where `:target` highlights it. The tooltip is CSS only (styles in
 * `./html.ts`), so it needs no script; everything shown is escaped.
 */
import type { Briefing, BriefingArticle, Span } from '../model.js';
import { articleAnchor, sentenceAnchor } from './anchors.js';
import { sentenceIndexOf } from './describe.js';
import { escapeAttr, escapeHtml } from './escape.js';

/** What a chip cites: a span of an article's text, or a sentence of an article by its index. */
export type CiteTarget = Span | { article: string; sentence: number };

/** Options of {@link citeChip}. */
export interface CiteOptions {
  /** a short note shown in the tooltip after the outlet, e.g. how a mention was found */
  note?: string;
}

/** Tooltips longer than this are cut with an ellipsis: a sentence, not a page, belongs in a tooltip. */
const TIP_MAX_CHARS = 480;

interface ArticleEntry {
  article: BriefingArticle;
  /** 1-based position in `briefing.articles`: the default chip label and the article's reference number */
  number: number;
  /** each sentence's tooltip text, escaped, once made: a sentence cited by many chips is clipped once */
  tips: (string | undefined)[];
}

/** Article lookup per briefing, built once: sections cite hundreds of spans and must not scan the list each time. */
const indexes = new WeakMap<Briefing, Map<string, ArticleEntry>>();

function articleIndex(briefing: Briefing): Map<string, ArticleEntry> {
  let index = indexes.get(briefing);
  if (!index) {
    index = new Map(briefing.articles.map((article, i) => [article.id, { article, number: i + 1, tips: [] }]));
    indexes.set(briefing, index);
  }
  return index;
}

/**
 * The reference number of an article in the report (`[n]` on chips and beside each article's heading), or null
 * when the article is not in the briefing.
 *
 * @example
 * ```ts
 * articleNumber(briefing, briefing.articles[1].id); // 2
 * ```
 */
export function articleNumber(briefing: Briefing, articleId: string): number | null {
  return articleIndex(briefing).get(articleId)?.number ?? null;
}

/** The sentence index a target points at: -1 when a span lies between sentences or the index is out of range. */
function sentenceOf(article: BriefingArticle, target: CiteTarget): number {
  if ('sentence' in target) {
    return Number.isInteger(target.sentence) && target.sentence >= 0 && target.sentence < article.sentences.length ? target.sentence : -1;
  }
  return sentenceIndexOf(article, target);
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > TIP_MAX_CHARS ? `${flat.slice(0, TIP_MAX_CHARS - 1).trimEnd()}…` : flat;
}

/**
 * A citation chip: an accessible link to the cited sentence, labelled `[n]` (the article's number) unless a
 * label is given, whose tooltip (shown on hover and on focus, read by screen readers as part of the link)
 * holds the outlet and the sentence text. A span between sentences cites its article; a target whose article is
 * not in the briefing gives a visible, unlinked "source missing" chip instead of a dead link.
 *
 * @example
 * ```ts
 * import { citeChip } from '../cite.js';
 * // in a section renderer:
 * const chips = quote.content.map((span) => citeChip(briefing, span)).join('');      // '[2]' chips
 * const named = citeChip(briefing, alias.span, alias.text, { note: alias.method });  // labelled with the words
 * const bySentence = citeChip(briefing, { article: a.id, sentence: 4 });
 * ```
 */
export function citeChip(briefing: Briefing, target: CiteTarget, label?: string, options: CiteOptions = {}): string {
  const entry = articleIndex(briefing).get(target.article);
  if (!entry) {
    return `<span class="cite cite-missing" title="this source is not in the briefing">${escapeHtml(label ?? '[?]')}</span>`;
  }
  const { article, number, tips } = entry;
  const i = sentenceOf(article, target);
  const href = i >= 0 ? sentenceAnchor(article.id, i) : articleAnchor(article.id);
  const outlet = article.meta.outlet.value ?? article.meta.title.value ?? `Article ${number}`;
  const quoted =
    i >= 0
      ? (tips[i] ??= escapeHtml(clip(article.text.slice(article.sentences[i].start, article.sentences[i].end))))
      : 'start' in target
        ? escapeHtml(clip(article.text.slice(target.start, target.end)))
        : '';
  const note = options.note ? ` <span class="cite-note">${escapeHtml(options.note)}</span>` : '';
  const shown = label === undefined ? `[${number}]` : label;
  return (
    `<a class="cite${label === undefined ? ' cite-n' : ''}" href="#${escapeAttr(href)}" data-ref="${number}">` +
    `<span class="cite-label">${escapeHtml(shown)}</span>` +
    `<span class="cite-tip" role="tooltip"><span class="cite-src">[${number}] ${escapeHtml(outlet)}</span>${note} ` +
    `<q>${quoted}</q></span></a>`
  );
}

/**
 * Chips for several targets, one per distinct sentence, in the order given: what a claim or summary sentence
 * supported by several articles shows.
 *
 * @example
 * ```ts
 * citeChips(briefing, summarySentence.citations.map((c) => c.span)); // '[1][3][4]'
 * ```
 */
export function citeChips(briefing: Briefing, targets: readonly CiteTarget[]): string {
  const seen = new Set<string>();
  const chips: string[] = [];
  for (const target of targets) {
    const entry = articleIndex(briefing).get(target.article);
    const key = `${target.article}#${entry ? sentenceOf(entry.article, target) : 'missing'}`;
    if (seen.has(key)) continue;
    seen.add(key);
    chips.push(citeChip(briefing, target));
  }
  return chips.length ? `<span class="cites">${chips.join('')}</span>` : '';
}
