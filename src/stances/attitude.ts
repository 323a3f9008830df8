/**
 * The object of an open-class attitude ("rejected the revised 5% offer", "opposes plans to automate the
 * cranes"): the noun phrase an attitude word governs, normalised to its head noun and content modifiers, and the
 * rule that merges two objects into one proposition. Token-level only (POS tags from the text layer); the words
 * come from `objectAttitude` in data/stance-lexicon.json.
 */
import type { Doc } from '../model.js';
import { stanceLexicon } from './lexicon.js';

/** A normalised object noun phrase. */
export interface AttitudeObject {
  /** the phrase without determiners ("revised 5% offer", "plans to automate cranes") */
  text: string;
  /** the head noun, lower case and singular ("offer", "plan") */
  head: string;
  /** the lower-case content words other than the head */
  modifiers: string[];
  /** token index after the phrase */
  end: number;
}

const NP_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const HEAD_POS = new Set(['NOUN', 'PROPN']);

/** A plural noun's singular, by spelling only: enough to tell "plans" and "plan" are one head. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** One noun chunk from `at`: determiners skipped, modifiers and nouns kept; null when no noun heads it. */
function nounChunk(doc: Doc, lower: readonly string[], at: number, to: number): { from: number; end: number; head: number } | null {
  const lex = stanceLexicon().objectAttitude;
  let i = at;
  // "that number", "those plans" point back to something said before: no concrete object on their own.
  if (i < to && lex.anaphoricDeterminers.has(lower[i])) return null;
  while (i < to && lex.determiners.has(lower[i])) i++;
  const from = i;
  // After a determiner a verb form before a noun is a modifier ("the revised pay offer", "pay" read as a verb).
  const afterDeterminer = from > at;
  let head = -1;
  while (i < to) {
    const t = doc.tokens[i];
    const word = lower[i];
    const next = i + 1 < to ? doc.tokens[i + 1].pos : '';
    // (only before the head: "transactions involving cryptocurrencies" is a head and its post-modifier)
    const modifierVerb = head < 0 && t.pos === 'VERB' && (afterDeterminer || /(ed|ing)$/.test(word)) && (NP_POS.has(next) || next === 'VERB');
    const glued = (word === '%' || word === "'s" || word === '-') && i > from && doc.tokens[i - 1].end === t.start;
    // "a $1.5 trillion price tag": a currency sign before its figure
    const money = /^[$€£¥]$/.test(word) && i + 1 < to && doc.tokens[i + 1].pos === 'NUM';
    const hyphenated = i > from && lower[i - 1] === '-' && doc.tokens[i - 1].end === t.start;
    // "a resolution Tuesday to ...": a date after the head ends the phrase.
    if (head >= 0 && lex.vagueHeads.has(word)) break;
    if (NP_POS.has(t.pos) || modifierVerb || glued || hyphenated || money) {
      if (HEAD_POS.has(t.pos)) head = i;
      i++;
    } else break;
  }
  if (head < 0) return null;
  // Anything after the last noun ("the offer already") is not part of the phrase.
  return { from, end: head + 1, head };
}

/**
 * The object an attitude word governs: the noun phrase right after it (a leading "to"/"of"/"for" skipped; a verb
 * phrase after "to" kept as "verb + object"), with a "to + verb + object" or "of + noun" complement of its head.
 * Null for a pronoun, a vague head ("thing"), or no noun at all.
 *
 * @example
 * ```ts
 * objectAfter(doc, lower, cueEnd, sentenceEnd)?.text; // 'revised 5% offer'
 * ```
 */
export function objectAfter(doc: Doc, lower: readonly string[], at: number, to: number): AttitudeObject | null {
  const lex = stanceLexicon().objectAttitude;
  const text = doc.article.text;
  let i = at;
  if (i < to && lex.objectPrepositions.has(lower[i])) i++;
  if (i < to && lower[i] === 'to') i++;
  const pieces: string[] = [];
  const words: string[] = [];
  const piece = (from: number, end: number): void => {
    pieces.push(text.slice(doc.tokens[from].start, doc.tokens[end - 1].end).replace(/\s+/g, ' '));
    for (let k = from; k < end; k++) if (/\p{L}/u.test(lower[k]) && lower[k] !== "'s") words.push(lower[k]);
  };
  // "agreed to pause the programme": the verb and its object are the object.
  if (i < to && doc.tokens[i].pos === 'VERB' && !/(ed)$/.test(lower[i])) {
    piece(i, i + 1);
    i++;
  }
  // "urged them to unite", "pressed us to act": whom the cue addresses, then what they are to do, which is the object.
  if (i + 2 < to && doc.tokens[i].pos === 'PRON' && !lex.determiners.has(lower[i]) && lower[i + 1] === 'to' && doc.tokens[i + 2].pos === 'VERB' && pieces.length === 0) {
    i += 2;
    piece(i, i + 1);
    i++;
    const rest = nounChunk(doc, lower, i, to);
    if (!rest) return { text: `to ${pieces[0]}`, head: lower[i - 1], modifiers: [], end: i };
    const head = singular(lower[rest.head]);
    piece(rest.from, rest.end);
    const modifiers = [...new Set(words.map(singular))].filter((w) => w !== head && !lex.contentStopwords.has(w));
    return { text: `to ${pieces.join(' ')}`, head, modifiers, end: rest.end };
  }
  if (i < to && doc.tokens[i].pos === 'PRON' && !lex.determiners.has(lower[i])) return null;
  // "against participating in the debates": after the verb, a preposition and what it governs
  const verbOnly = pieces.length === 1;
  if (verbOnly && i + 1 < to && doc.tokens[i].pos === 'ADP' && !lex.objectPrepositions.has(lower[i])) {
    const after = nounChunk(doc, lower, i + 1, to);
    if (after) {
      pieces.push(lower[i]);
      i++;
    }
  }
  const chunk = nounChunk(doc, lower, i, to);
  // "voted to adjourn", "against participating": a verb alone is the object when no noun phrase follows it
  if (!chunk && verbOnly) return { text: pieces[0], head: singular(words[0] ?? pieces[0].toLowerCase()), modifiers: [], end: i };
  if (!chunk) return null;
  const head = singular(lower[chunk.head]);
  if (lex.vagueHeads.has(head)) return null;
  piece(chunk.from, chunk.end);
  let end = chunk.end;
  // "plans to automate the cranes", "the future of the port": the head's complement belongs to the object.
  if (end + 1 < to && lower[end] === 'to' && doc.tokens[end + 1].pos === 'VERB') {
    const rest = nounChunk(doc, lower, end + 2, to);
    if (rest) {
      pieces.push(`to ${text.slice(doc.tokens[end + 1].start, doc.tokens[end + 1].end)}`);
      words.push(lower[end + 1]);
      piece(rest.from, rest.end);
      end = rest.end;
    }
  } else if (end + 1 < to && doc.tokens[end].pos === 'VERB' && /ing$/.test(lower[end])) {
    // "transactions involving cryptocurrencies": a participle after the head and what it governs
    const rest = nounChunk(doc, lower, end + 1, to);
    if (rest) {
      pieces.push(text.slice(doc.tokens[end].start, doc.tokens[end].end));
      piece(rest.from, rest.end);
      end = rest.end;
    }
  } else if (end < to && lower[end] === 'of') {
    const rest = nounChunk(doc, lower, end + 1, to);
    if (rest) {
      pieces.push('of');
      piece(rest.from, rest.end);
      end = rest.end;
    }
  }
  const stop = lex.contentStopwords;
  const modifiers = [...new Set(words.map(singular))].filter((w) => w !== head && !stop.has(w));
  return { text: pieces.join(' '), head, modifiers, end };
}

/**
 * The subject noun phrase that ends right before `end` ("the revised offer" in "the revised offer was fair"), as
 * an object. Null when the word before `end` is not a common noun, or a demonstrative points back ("that offer").
 *
 * @example
 * ```ts
 * objectBefore(doc, lower, copulaIndex, clauseStart)?.head; // 'offer'
 * ```
 */
export function objectBefore(doc: Doc, lower: readonly string[], end: number, from: number): AttitudeObject | null {
  const lex = stanceLexicon().objectAttitude;
  if (end <= from || doc.tokens[end - 1].pos !== 'NOUN') return null;
  let start = end - 1;
  const inPhrase = (k: number): boolean => NP_POS.has(doc.tokens[k].pos) || doc.tokens[k].pos === 'VERB' || lower[k] === '%' || lower[k] === "'s";
  while (start > from && inPhrase(start - 1)) start--;
  // ("complaining that format changes were unfair": "that" as a conjunction is no demonstrative)
  if (start > from && lex.anaphoricDeterminers.has(lower[start - 1]) && doc.tokens[start - 1].pos !== 'SCONJ') return null;
  if (start > from && lex.determiners.has(lower[start - 1])) start--;
  // With no determiner before it, a leading verb is the clause's, not the phrase's ("said offers were fair").
  else while (start < end - 1 && doc.tokens[start].pos === 'VERB') start++;
  const found = objectAfter(doc, lower, start, end);
  return found && found.end === end ? found : null;
}

/**
 * Whether two objects are one proposition: the same head noun and a content word in common (an object that is
 * its head alone shares with any object of that head).
 *
 * @example
 * ```ts
 * sameObject({ head: 'offer', modifiers: ['revised', 'pay'] }, { head: 'offer', modifiers: ['pay'] }); // true
 * ```
 */
export function sameObject(a: Pick<AttitudeObject, 'head' | 'modifiers'>, b: Pick<AttitudeObject, 'head' | 'modifiers'>): boolean {
  if (a.head !== b.head) return false;
  if (!a.modifiers.length || !b.modifiers.length) return true;
  return a.modifiers.some((w) => b.modifiers.includes(w));
}
