/**
 * The actor coder: finds the actors of a sentence (countries, their capitals and demonyms, Phoenix actors,
 * agent nouns like "police" or "rebels") and gives each a CAMEO-style code (`TURCOP`, `IGOUNO`, `RUS`).
 * A country word directly before an agent noun ("Turkish police", "Sudan's government") or after it
 * ("students throughout Indonesia") makes one actor.
 */
import { countryOf, lookupActor, normaliseName, type ActorRecord } from '../kb/index.js';
import { eventLexicon } from './lexicon.js';

/** A token as the coder sees it. */
export interface CoderToken {
  text: string;
  lower: string;
  start: number;
  end: number;
  pos: string;
}

/** Where actor codes come from: the knowledge base by default, or a PETRARCH dictionary (the unit-test set). */
export interface ActorDictionary {
  /** the code of a phrase (as written), or null when the phrase names no actor */
  codeOf(phrase: string, date: string | null): string | null;
}

/** An actor found in a sentence: token range [start, end), code, country part and sector. */
export interface FoundActor {
  start: number;
  end: number;
  code: string | null;
  country: string | null;
  sector: string | null;
}

const SECTORS = new Set(['GOV', 'MIL', 'REB', 'OPP', 'PTY', 'COP', 'JUD', 'SPY', 'MED', 'EDU', 'BUS', 'CRM', 'CVL', 'ELI', 'LEG', 'HLH', 'REF', 'AGR', 'ENV', 'LAB', 'HRI', 'UAF', 'INS', 'SEP', 'REL', 'DEV', 'PRO', 'IGO', 'NGO', 'MNC', 'IMG', 'SPY']);

/** Splits a code into its country (or international sector) and its first sector segment. */
export function splitCode(code: string): { country: string | null; sector: string | null } {
  const head = code.slice(0, 3);
  const rest = code.slice(3, 6);
  return { country: head.length === 3 ? head : null, sector: SECTORS.has(rest) ? rest : null };
}

function codeAt(actor: ActorRecord, date: string | null): string | null {
  if (actor.codes.length === 0) return null;
  if (date) {
    for (const [code, from, to] of actor.codes) {
      if ((from === null || from <= date) && (to === null || date <= to)) return code;
    }
  }
  // Without a date, the open-ended code (or the latest one) is the actor's present role.
  const open = actor.codes.filter(([, , to]) => to === null);
  return (open.at(-1) ?? actor.codes.at(-1)!)[0];
}

/**
 * The knowledge-base dictionary: Phoenix actors first (they carry sectors), then countries, capitals and
 * demonyms.
 *
 * @example
 * kbDictionary.codeOf('Hamas', null) // → 'PSEREBHMS'
 */
export const kbDictionary: ActorDictionary = {
  codeOf(phrase, date) {
    const actors = lookupActor(phrase);
    for (const a of actors) {
      const c = codeAt(a, date);
      if (c) return c;
    }
    return countryOf(phrase)?.code ?? null;
  },
};

const CAPITALISED = /^[A-Z]/;
/** Words that start a sentence capitalised but never begin an actor's name. */
const NOT_NAMES = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'of', 'and', 'but', 'with', 'for', 'to', 'by', 'as', 'after', 'before', 'this', 'that', 'it', 'he', 'she', 'they', 'we', 'i', 'his', 'her', 'their', 'its', 'mr', 'mrs', 'ms', 'president', 'minister', 'prime', 'king', 'general', 'senior', 'former', 'up', 'both', 'members']);

/**
 * Finds the actors in tokens [from, to): the longest known names, then agent nouns joined to an adjacent country.
 *
 * @example
 * findActors(tokens, 0, tokens.length, text, kbDictionary, null) // "Turkish police ..." → [{code: 'TURCOP', ...}]
 */
export function findActors(
  tokens: readonly CoderToken[],
  from: number,
  to: number,
  text: string,
  dictionary: ActorDictionary,
  date: string | null,
): FoundActor[] {
  const names: FoundActor[] = [];
  const maxWords = 6;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!CAPITALISED.test(t.text) || NOT_NAMES.has(t.lower)) continue;
    for (let n = Math.min(maxWords, to - i); n >= 1; n--) {
      const last = tokens[i + n - 1];
      if (!/[A-Za-z0-9.]$/.test(last.text)) continue;
      const phrase = text.slice(t.start, last.end);
      const code = dictionary.codeOf(phrase, date) ?? (phrase.endsWith('.') && n === 1 ? null : null);
      if (code) {
        names.push({ start: i, end: i + n, code, ...splitCode(code) });
        i += n - 1;
        break;
      }
    }
  }
  const { agents, maxAgentWords } = eventLexicon();
  const found: FoundActor[] = [];
  let nameIndex = 0;
  for (let i = from; i < to; i++) {
    while (nameIndex < names.length && names[nameIndex].end <= i) found.push(names[nameIndex++]);
    if (nameIndex < names.length && names[nameIndex].start <= i) continue;
    for (let n = Math.min(maxAgentWords, to - i); n >= 1; n--) {
      const phrase = normaliseName(tokens.slice(i, i + n).map((x) => x.lower).join(' '));
      const sector = agents.get(phrase);
      if (!sector || (n === 1 && !/^(NOUN|PROPN|ADJ)$/.test(tokens[i].pos))) continue;
      found.push({ start: i, end: i + n, code: null, country: null, sector });
      i += n - 1;
      break;
    }
  }
  while (nameIndex < names.length) found.push(names[nameIndex++]);
  found.sort((a, b) => a.start - b.start);
  return joinAgents(found, tokens);
}

const JOINING_GAP = /^(NOUN|ADJ|PROPN|PART|NUM)$/;

/** "Turkish police" / "Sudan's government" / "rebels in Darfur": a country and an agent make one actor. */
function joinAgents(found: FoundActor[], tokens: readonly CoderToken[]): FoundActor[] {
  const out: FoundActor[] = [];
  for (let k = 0; k < found.length; k++) {
    const a = found[k];
    const prev = out.at(-1);
    if (a.code === null && a.sector && prev && prev.country && !prev.sector) {
      const gap = tokens.slice(prev.end, a.start);
      if (gap.length <= 3 && gap.every((g) => JOINING_GAP.test(g.pos) || g.lower === "'s" || g.text === '-')) {
        const sector = prev.country === 'IGO' || prev.country === 'NGO' ? prev.sector : a.sector;
        out[out.length - 1] = { start: prev.start, end: a.end, code: prev.code + (sector ?? ''), country: prev.country, sector };
        continue;
      }
    }
    if (a.code === null && a.sector) {
      const next = found[k + 1];
      if (next && next.country && !next.sector && next.start - a.end <= 2 && /^(in|of|from|throughout|across)$/.test(tokens[a.end]?.lower ?? '')) {
        out.push({ start: a.start, end: next.end, code: next.code + a.sector, country: next.country, sector: a.sector });
        k++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
