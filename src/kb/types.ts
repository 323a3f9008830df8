/** The shapes of the knowledge-base files in `data/kb/` (written by scripts/build-kb.ts). */

/** What an actor of the knowledge base is. Countries live apart in `countries.json`. */
export type KbActorType = 'PERSON' | 'ORG' | 'GPE';

/** One country: ISO 3166-1 alpha-3 code, display name, every name it goes by, capitals, demonyms. */
export interface CountryRecord {
  code: string;
  name: string;
  names: string[];
  capitals: string[];
  demonyms: string[];
}

/** A CAMEO-style code and the ISO dates it applies between (null: unlimited on that side). */
export type CodeRange = [code: string, from: string | null, to: string | null];

/** One actor of the Phoenix dictionaries: canonical name, type, aliases, codes with dates. */
export interface ActorRecord {
  name: string;
  type: KbActorType;
  aliases: string[];
  codes: CodeRange[];
}
