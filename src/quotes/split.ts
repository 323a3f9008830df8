/**
 * A fixed held-out part of PolNeAR train: one article in ten, chosen by a hash of its name, so a change can be
 * judged on articles the model was not trained on besides the dev split (which changes are tuned on).
 */
import { stringHash } from './hash.js';

/** How many of every ten train articles are held out. */
const HELD_OUT_TENTHS = 1;

/**
 * Whether a PolNeAR article (by file name without extension) belongs to the held-out part of train.
 *
 * @example
 * ```ts
 * isHeldOut('some-article-name') === isHeldOut('some-article-name'); // true: fixed by the name alone
 * ```
 */
export function isHeldOut(name: string): boolean {
  return stringHash(`heldout:${name}`) % 10 < HELD_OUT_TENTHS;
}
