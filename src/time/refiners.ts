/**
 * Refiners: ordered passes over the candidates, chrono style. Each takes the list and returns a new one, and
 * can be tested alone. `extractTimes` runs them in the order of `REFINERS`.
 */
import type { Candidate } from './rules/index.js';

export type Refiner = (candidates: Candidate[], text: string) => Candidate[];

/** Drop candidates inside a word-like context the rules cannot see: URLs, e-mail addresses, file names. */
export const dropInsideUrls: Refiner = (candidates, text) =>
  candidates.filter((c) => {
    const lineStart = Math.max(text.lastIndexOf(' ', c.start - 1), text.lastIndexOf('\n', c.start - 1)) + 1;
    const token = text.slice(lineStart, c.end + 20).split(/\s/)[0];
    return !/https?:\/\/|www\.|@\w|\.(html?|php|aspx?)\b/i.test(token);
  });

/**
 * Keep the longest of overlapping candidates ("last Friday night" over "Friday"); at equal length, the rule
 * listed first. Returns the survivors in text order.
 */
export const keepLongest: Refiner = (candidates) => {
  const ranked = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: Candidate[] = [];
  // the characters the kept candidates cover, so that a long text's candidates are not each checked against
  // every kept one (empty candidates, which cover no character, are checked the long way)
  const covered = new Uint8Array(candidates.reduce((m, c) => Math.max(m, c.end), 0));
  const empty: Candidate[] = [];
  const clear = (c: Candidate, k: Candidate): boolean => c.end <= k.start || c.start >= k.end;
  for (const c of ranked) {
    let free = c.start < c.end ? empty.every((k) => clear(c, k)) : kept.every((k) => clear(c, k));
    for (let i = c.start; free && i < c.end; i++) if (covered[i]) free = false;
    if (!free) continue;
    kept.push(c);
    if (c.start === c.end) empty.push(c);
    covered.fill(1, c.start, c.end);
  }
  return kept.sort((a, b) => a.start - b.start);
};

/** Trim a possessive or trailing punctuation the patterns may have swallowed. */
export const trimEdges: Refiner = (candidates, text) =>
  candidates.map((c) => {
    let end = c.end;
    while (end > c.start && /[\s,;:]/.test(text[end - 1])) end--;
    return end === c.end ? c : { ...c, end };
  });

/** The refiners, in the order they run. */
export const REFINERS: Refiner[] = [dropInsideUrls, keepLongest, trimEdges];
