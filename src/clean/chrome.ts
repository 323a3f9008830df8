/**
 * Page chrome in the body: candidate rules mark blocks with a removal reason, in order (lexicon cue lines and
 * patterns, boxes that swallow what follows them, captions, navigation bars, cross-promoted headlines,
 * duplicates). Each rule only looks at block shapes and the lexicon, never at particular sites.
 */
import type { Block } from './blocks.js';
import { endsLikeSentence, isNameClaim, titleCaseRatio, wordsOf } from './blocks.js';
import { chromeLexicon, chromeReason, normaliseLine } from './lexicon.js';

/** A removal decision per block (null = kept). */
export type Decisions = (string | null)[];

/**
 * Whether a block reads as body prose: it ends like a sentence and has enough words to be one, or it is long.
 *
 * @example
 * ```ts
 * isBodyLike('The talks will take place on Monday in the capital.'); // true
 * isBodyLike('More Articles'); // false
 * ```
 */
export function isBodyLike(text: string): boolean {
  const words = wordsOf(text).length;
  return (endsLikeSentence(text) && words >= 6) || words >= 30;
}

/**
 * A photo caption ending in an agency or photo credit, "Rebels gather in the square (Reuters)", with no
 * sentence end before the credit.
 *
 * @example
 * ```ts
 * isCreditedCaption('Rebels gather near the city (AFP)'); // true
 * isCreditedCaption('The agency said so (Reuters).'); // false
 * ```
 */
export function isCreditedCaption(text: string): boolean {
  const m = /^(.*\S)\s*\(([^()]{1,60})\)$/su.exec(text);
  if (!m) return false;
  const credits = chromeLexicon().agencyCredits;
  const credit = m[2].trim().replace(/^(photo|image|picture|file|credit)\s*:\s*/iu, '');
  const parts = credit.split(/\s*[/,;]\s*|\s+via\s+/iu);
  if (!parts.every((p) => credits.has(p.toLowerCase()))) return false;
  return !/[.!?]["”’]?$/u.test(m[1]) && wordsOf(m[1]).length <= 60;
}

/** "Home | World | Politics": several short items between separators. */
function isNavigationBar(text: string): boolean {
  const items = text.split(/\s+[|•·»›]\s+|\s{2,}/u).filter((s) => s.trim() !== '');
  return items.length >= 3 && items.every((i) => wordsOf(i).length <= 3) && !endsLikeSentence(text);
}

/**
 * Mark chrome blocks. `decisions` is filled in place; earlier decisions are kept.
 *
 * @example
 * ```ts
 * const blocks = splitBlocks('Skip to main content\n\nThe minister spoke on Monday.');
 * const decisions: Decisions = blocks.map(() => null);
 * markChrome(blocks, decisions); // decisions: ['navigation', null]
 * ```
 */
export function markChrome(blocks: Block[], decisions: Decisions): void {
  const lex = chromeLexicon();
  let seenBody = false;
  for (let i = 0; i < blocks.length; i++) {
    if (decisions[i]) continue;
    const { text } = blocks[i];
    let reason = chromeReason(text);
    if (!reason && isCreditedCaption(text)) reason = 'caption';
    if (!reason && isNavigationBar(text)) reason = 'navigation';
    if (!reason) {
      if (isBodyLike(text)) seenBody = true;
      continue;
    }
    decisions[i] = reason;
    const follower = lex.followers.get(reason) ?? 'none';
    // An "about" box before any body is a page header, not the end of the article: do not swallow the body.
    if (follower === 'rest' && seenBody) {
      for (let j = i + 1; j < blocks.length; j++) decisions[j] ??= reason;
      break;
    }
    if (follower === 'list') {
      for (let j = i + 1; j < blocks.length && !decisions[j]; j++) {
        const next = blocks[j].text;
        // a cue line of its own starts its own box; a sentence ends the list
        if (endsLikeSentence(next) || wordsOf(next).length > 20 || chromeReason(next)) break;
        decisions[j] = reason;
      }
    }
  }
}

/**
 * Cross-promoted headlines inside the body: a headline-like line (no final punctuation, Title Case or the
 * "Name: claim" form) with body paragraphs on both sides. Short Title Case lines are left alone: they are
 * more often the article's own subheadings.
 *
 * @example
 * ```ts
 * isPromoHeadline('Minister: talks will go ahead as planned'); // true
 * isPromoHeadline('In the interview, he referred to the talks'); // false
 * ```
 */
export function isPromoHeadline(text: string): boolean {
  if (endsLikeSentence(text) || /[.!?,;]$/u.test(text)) return false;
  const words = wordsOf(text).length;
  if (words < 3 || words > 25) return false;
  return isNameClaim(text) || (words >= 5 && titleCaseRatio(text) >= 0.75);
}

/** Mark cross-promoted headlines that sit between kept body paragraphs. */
export function markPromos(blocks: Block[], decisions: Decisions, bodyStart: number): void {
  for (let i = bodyStart + 1; i < blocks.length - 1; i++) {
    if (decisions[i] || !isPromoHeadline(blocks[i].text)) continue;
    const prev = nearestKept(decisions, i, -1);
    const next = nearestKept(decisions, i, +1);
    if (prev < 0 || next < 0) continue;
    if (isBodyLike(blocks[prev].text) && isBodyLike(blocks[next].text)) decisions[i] = 'promo';
  }
}

/**
 * A paragraph repeated word for word right after itself (an image caption echoing the standfirst): the later
 * copy goes. Repeats further apart are left alone: live blogs legitimately repeat whole paragraphs.
 */
export function markDuplicates(blocks: Block[], decisions: Decisions): void {
  for (let i = 0; i < blocks.length; i++) {
    if (decisions[i]) continue;
    const prev = nearestKept(decisions, i, -1);
    if (prev < 0) continue;
    const key = normaliseLine(blocks[i].text);
    if (wordsOf(key).length >= 4 && key === normaliseLine(blocks[prev].text)) decisions[i] = 'duplicate';
  }
}

/** The index of the nearest kept block before (`step` -1) or after (+1) `i`, or -1. */
export function nearestKept(decisions: Decisions, i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < decisions.length; j += step) if (!decisions[j]) return j;
  return -1;
}
