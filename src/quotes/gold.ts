/** Maps gold character fragments onto tokens, for training the taggers. */
import type { Token } from '../model.js';
import type { Fragment } from './brat.js';
import type { TokenRange } from './taggers.js';

/**
 * The token ranges that cover each fragment (a token counts when it overlaps the fragment).
 *
 * @example
 * ```ts
 * tokenRanges([{ start: 0, end: 2, pos: 'PRON' }], [{ start: 0, end: 2 }]); // [{ start: 0, end: 0 }]
 * ```
 */
export function tokenRanges(tokens: Token[], fragments: Fragment[]): TokenRange[] {
  const out: TokenRange[] = [];
  for (const fr of fragments) {
    let lo = lowerBound(tokens, fr.start);
    let first = -1;
    let last = -1;
    for (; lo < tokens.length && tokens[lo].start < fr.end; lo++) {
      if (tokens[lo].end <= fr.start) continue;
      if (first < 0) first = lo;
      last = lo;
    }
    if (first >= 0) out.push({ start: first, end: last });
  }
  return out;
}

/** First token whose end is after `offset`. */
export function lowerBound(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
