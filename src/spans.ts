/**
 * Lookups by character offset that stay cheap on huge inputs: a stage that asks "which sentence holds this
 * offset" or "which quote contains this span" once per token or time expression must not scan every sentence or
 * quote each time, or a long article costs the square of its length.
 */

/**
 * The index of the first item whose `key` is at least `offset` in a list sorted by that key (the list's length
 * when none is).
 *
 * @example
 * ```ts
 * firstAtOrAfter(doc.tokens, (t) => t.start, 120); // the first token starting at or after offset 120
 * ```
 */
export function firstAtOrAfter<T>(sorted: readonly T[], key: (item: T) => number, offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index of the item holding `offset` (start ≤ offset < end) in a list of non-overlapping ranges sorted by
 * start, such as a document's sentences; -1 when none does.
 *
 * @example
 * ```ts
 * rangeAt(doc.sentences, quote.cue.start); // the cue's sentence
 * ```
 */
export function rangeAt(sorted: readonly { start: number; end: number }[], offset: number): number {
  const i = firstAtOrAfter(sorted, (r) => r.start, offset + 1) - 1;
  return i >= 0 && offset < sorted[i].end ? i : -1;
}

/**
 * Ranges (any that may overlap or nest) indexed for "which of them overlap / contain this span" queries. The
 * answer lists the ranges' positions in the list given, ascending, so "the first such range" reads as it would
 * from a scan of the list. A query costs a binary search plus the ranges reaching past its start from before
 * it: a few, unless many ranges nest around one place.
 *
 * @example
 * ```ts
 * const contents = new RangeIndex(quote.content);
 * contents.containing(time.span.start, time.span.end); // [0] when the first content span holds the time
 * ```
 */
export class RangeIndex {
  /** positions into the given list, ordered by start */
  private readonly order: number[];
  private readonly starts: number[];
  /** the largest end among the ranges up to each position of `order` */
  private readonly reach: number[];

  constructor(private readonly ranges: readonly { start: number; end: number }[]) {
    this.order = ranges.map((_, i) => i).sort((a, b) => ranges[a].start - ranges[b].start || a - b);
    this.starts = this.order.map((i) => ranges[i].start);
    let max = -Infinity;
    this.reach = this.order.map((i) => (max = Math.max(max, ranges[i].end)));
  }

  /** Positions of the ranges with start < `end` and end > `start`, ascending. */
  overlapping(start: number, end: number): number[] {
    return this.collect(firstAtOrAfter(this.starts, (s) => s, end), start + 1, (r) => r.end > start);
  }

  /** Positions of the ranges with start ≤ `start` and `end` ≤ end, ascending. */
  containing(start: number, end: number): number[] {
    return this.collect(firstAtOrAfter(this.starts, (s) => s, start + 1), end, (r) => r.end >= end);
  }

  /** The ranges before `hi` (in start order) that reach at least `reach` and pass `keep`, by given position. */
  private collect(hi: number, reach: number, keep: (r: { start: number; end: number }) => boolean): number[] {
    const out: number[] = [];
    for (let k = hi - 1; k >= 0 && this.reach[k] >= reach; k--) if (keep(this.ranges[this.order[k]])) out.push(this.order[k]);
    return out.sort((a, b) => a - b);
  }
}
