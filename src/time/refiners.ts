/**
 * Refiners: ordered passes over the candidates, chrono style. Each takes the list and returns a new one, and
 * can be tested alone. `extractTimes` runs them in the order of `REFINERS`.
 */
import type { Candidate } from './rules.js';

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
  for (const c of ranked) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
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
