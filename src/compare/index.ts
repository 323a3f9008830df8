/**
 * Across outlets: claims (agree / conflict / unique), the framing lens and voices, from the analysed documents.
 * Each part can be run alone over `buildUnits(docs)`.
 */
import type { Actor, Claim, Doc, FramingTable, OutletProfile, Voice } from '../model.js';
import { outletRegistry, profileOutlets } from '../outlets/index.js';
import { buildClaims } from './claims.js';
import { buildFraming } from './framing.js';
import { buildUnits, type UnitOptions } from './units.js';
import { buildVoices } from './voices.js';

export { buildClaims } from './claims.js';
export { buildFraming, findFramingTerms, logOddsContrast } from './framing.js';
export { buildVoices } from './voices.js';
export { framingLexicon, stem, wordsOf } from './text.js';
export { buildUnits, isTeaser, type CompareUnit } from './units.js';

/** What comparing outlets adds to a briefing. */
export interface Comparison {
  outletProfiles: OutletProfile[];
  claims: Claim[];
  framing: FramingTable;
  voices: Voice[];
}

/**
 * Compare the outlets of a set of analysed documents.
 *
 * @example
 * ```ts
 * const { claims, framing, voices } = compareOutlets(docs);
 * claims.filter((c) => c.kind === 'agree').map((c) => c.outlets);
 * ```
 */
export function compareOutlets(docs: Doc[], options: UnitOptions & { actors?: Actor[] } = {}): Comparison {
  const registry = options.registry ?? outletRegistry();
  const units = buildUnits(docs, { ...options, registry });
  return {
    outletProfiles: profileOutlets(docs.map((d) => ({ id: d.article.id, outlet: d.article.meta.outlet.value, url: d.article.meta.url.value })), registry),
    claims: buildClaims(units),
    framing: buildFraming(units),
    voices: buildVoices(units, options.actors ?? [], registry),
  };
}
