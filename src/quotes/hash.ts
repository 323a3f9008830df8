/**
 * Feature hashing: features are 30-bit integers mixed from a template number and the hashes of their parts,
 * so tagging builds no strings (string features cost a concatenation, a flatten and a hash per lookup).
 * Collisions among a few hundred thousand features in 2^30 values are rare and harmless to a perceptron.
 */

/**
 * FNV-1a over UTF-16 code units.
 *
 * @example
 * ```ts
 * stringHash('said') === stringHash('said'); // true
 * ```
 */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Mixes a template number with up to three part hashes into a feature id (a small integer, fast as a Map key).
 *
 * @example
 * ```ts
 * mix(3, stringHash('said')) !== mix(4, stringHash('said')); // true
 * ```
 */
export function mix(template: number, a = 0, b = 0, c = 0): number {
  let h = Math.imul(template + 1, 0x9e3779b1);
  h = Math.imul(h ^ a, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h ^ b, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h ^ c, 0x27d4eb2f);
  h ^= h >>> 16;
  return h & 0x3fffffff;
}
