/**
 * Which way a bare weekday or month points ("said on Wednesday" → back, "will meet on Monday" → ahead), read
 * from the verbs around it in the same sentence with a small lexicon of tense cues. Works on plain text, so it
 * does not need the POS layer; the nearest cue wins, the left side first at equal distance.
 */
import { timeLexicon } from './lexicon.js';

export type Direction = 'past' | 'future';

interface Cues {
  future: Set<string>;
  past: Set<string>;
  auxiliaries: Set<string>;
  irregularPast: Set<string>;
  notParticiples: Set<string>;
}

let cues: Cues | null = null;
function tenseCues(): Cues {
  if (cues) return cues;
  const lex = timeLexicon();
  cues = {
    future: new Set(lex.futureCues),
    past: new Set(lex.pastCues),
    auxiliaries: new Set(lex.auxiliaries),
    irregularPast: new Set(lex.irregularPast),
    notParticiples: new Set(lex.notPastParticiples),
  };
  return cues;
}

/** Modal and future auxiliaries that make a following participle point ahead ("should be represented"). */
const FORWARD_AUXILIARIES = new Set(['will', "'ll", 'shall', 'would', 'should', 'to', 'going']);
/** Participles that look ahead when a present auxiliary carries them ("is scheduled", "are expected"). */
const SCHEDULING = /^(scheduled|expected|set|due|slated|planned|supposed|poised)$/;
/** Stands for the time expression itself among the context tokens. */
const HERE = '\u0000';
/** Present auxiliaries whose passive points ahead in news ("is scheduled", "are expected"). */
const PRESENT_AUXILIARIES = new Set(['is', 'are', 'am']);

/** The bounds of the sentence around [start, end): a cheap split at terminal punctuation or line breaks. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0) {
    const ch = text[s - 1];
    if (ch === '\n') break;
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[s] ?? ' ') && !/\b[A-Z][a-z]{0,3}\.$|\b[A-Z]\.$/.test(text.slice(Math.max(0, s - 6), s))) break;
    s--;
  }
  let e = end;
  while (e < text.length) {
    const ch = text[e];
    if (ch === '\n') break;
    if ((ch === '.' || ch === '!' || ch === '?') && /\s|$/.test(text[e + 1] ?? '') && !/\b[A-Z][a-z]{0,3}$|\b[A-Z]$/.test(text.slice(Math.max(0, e - 5), e))) {
      e++;
      break;
    }
    e++;
  }
  return { start: s, end: e };
}

const WORD = /[A-Za-z]+(?:'[a-z]+)?|'ll|n't|\d[\d.,]*/g;

/** Lower-cased words; capitalised ones inside the text are names ("United States") and stand as NAME. */
function words(text: string, startsSentence: boolean): string[] {
  return (text.match(WORD) ?? []).map((w, i) => (/^\d/.test(w) ? NUMBER : (i > 0 || !startsSentence) && /^[A-Z]/.test(w) ? NAME : w.toLowerCase()));
}
const NAME = '\u0001';
const NUMBER = '\u0002';
/** After "to", these show it is a preposition ("rose to 452 on Friday"), not an infinitive. */
const NOT_VERBS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'on', 'in', 'at', 'by', 'for', 'from', 'with', 'of', 'about', 'be', 'date']);

/** Splits clitics the lexicon lists on their own ("they'll" → "they", "'ll"). */
function splitClitics(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const m = /^(.+)('ll|'d)$/.exec(t);
    if (m) out.push(m[1], m[2] === "'d" ? 'would' : "'ll");
    else out.push(t);
  }
  return out;
}

/**
 * The direction a verb token gives, looking at its auxiliaries (the tokens just left of it), or null when the
 * token says nothing about tense.
 */
function classify(tokens: string[], i: number): Direction | null {
  const c = tenseCues();
  const t = tokens[i];
  const participle = (t.length > 4 && t.endsWith('ed') && !c.notParticiples.has(t)) || c.irregularPast.has(t);
  // Scheduling verbs look ahead whatever their tense ("has scheduled a news conference Thursday")
  if ((participle || t === 'due') && SCHEDULING.test(t) && (t !== 'set' || /^(for|to)$/.test(tokens[i + 1] ?? ''))) {
    // ... unless a past perfect carries them: "had been scheduled to expire Friday" tells of a plan now past
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      if (tokens[j] === 'had') return 'past';
      if (!c.auxiliaries.has(tokens[j])) break;
    }
    return 'future';
  }
  if (participle || c.past.has(t)) {
    // Walk the auxiliary chain to its head: "should be represented", "is scheduled", "has been held".
    for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
      const aux = tokens[j];
      if (FORWARD_AUXILIARIES.has(aux)) return 'future';
      if (PRESENT_AUXILIARIES.has(aux) && participle) return SCHEDULING.test(t) ? 'future' : null;
      if (!c.auxiliaries.has(aux)) break;
    }
    return 'past';
  }
  if (t === 'to') {
    // "to" before a verb is an infinitive looking ahead; before a noun it is a preposition and says nothing.
    const next = tokens[i + 1];
    if (!next || next === HERE || next === NAME || next === NUMBER || NOT_VERBS.has(next)) return null;
    // "agreed to acquire ... Friday": the infinitive hangs on a past verb, and the news tells what happened
    const head = tokens[i - 1] ?? '';
    // "had been scheduled to expire Friday": the infinitive looks where its scheduling head looks
    if (SCHEDULING.test(head) && i > 0) return classify(tokens, i - 1) ?? 'future';
    // "was unable to pass ... on Monday": after an adjective of ability the copula's tense is the event's
    if (/^(?:un)?able$/.test(head) && i > 1) {
      const copula = tokens[i - 2];
      if (copula === 'was' || copula === 'were') return 'past';
      if (FORWARD_AUXILIARIES.has(copula) || copula === 'be') return 'future';
    }
    const headIsPast = (head.length > 4 && head.endsWith('ed') && !c.notParticiples.has(head) && !SCHEDULING.test(head)) || (c.irregularPast.has(head) && head !== 'set');
    return headIsPast ? 'past' : 'future';
  }
  if (c.future.has(t)) return 'future';
  return null;
}

/** A token that can head an infinitive as a verb or adjective ("agreed to", "plans to", "able to"). */
function verbLike(token: string): boolean {
  const c = tenseCues();
  return token.endsWith('ed') || c.future.has(token) || c.past.has(token) || c.irregularPast.has(token) || c.auxiliaries.has(token) || /^(able|likely|unlikely|ready|set|due|about|going|want|need|have|try|seek|decide|agree|refuse|hope|plan|expect|continue|begin|start|fail)$/.test(token);
}

/**
 * The tense direction around the expression at [start, end) of `text`, or null when no cue is near.
 *
 * @example
 * ```ts
 * const text = 'The ministers will meet on Monday.';
 * directionAround(text, text.indexOf('Monday'), text.indexOf('Monday') + 6); // 'future'
 * ```
 */
export function directionAround(text: string, start: number, end: number, reach = 8): Direction | null {
  const sentence = sentenceAround(text, start, end);
  const leftText = text.slice(sentence.start, start);
  const left = splitClitics(words(leftText, true));
  const right = splitClitics(words(text.slice(end, sentence.end), false));
  // "as early as Tuesday", "as soon as next week"
  if (/\bas\s+(?:early|soon)\s+as\s*$/i.test(leftText)) return 'future';
  // A possessive ("Wednesday's ruling") names something that has happened.
  if (/^['’]s\b/.test(text.slice(end, end + 3))) return 'past';
  const all = [...left, HERE, ...right];
  // An expression that opens a clause of its own ("filed a suit to overturn it, but in March a judge ruled")
  // is governed by that clause's verb, to its right; the verbs left of the conjunction belong to another clause
  if (/\b(?:but|yet|whereas)\s+(?:(?:in|on|at|by|during|since|until|from|through|early|late|last|next|this)\s+)?$/i.test(leftText)) {
    for (let d = 0; d < Math.min(reach, right.length); d++) {
      const dir = classify(all, left.length + 1 + d);
      if (dir) return dir;
    }
  }
  // The verb before the expression usually governs it ("said on Wednesday", "will meet on Monday"); look
  // right only when the left side of the sentence has no cue ("On Monday, the talks will begin").
  // An infinitive after a noun ("offers to acquire ... Friday") is weak evidence: a tensed verb further left
  // ("extended their offers to acquire") wins over it.
  let weak: Direction | null = null;
  for (let d = 0; d < Math.min(reach, left.length); d++) {
    const i = left.length - 1 - d;
    const dir = classify(all, i);
    if (!dir) continue;
    if (all[i] === 'to' && weak === null && !verbLike(all[i - 1] ?? '')) {
      weak = dir;
      continue;
    }
    return dir;
  }
  if (weak) return weak;
  for (let d = 0; d < Math.min(reach, right.length); d++) {
    const dir = classify(all, left.length + 1 + d);
    if (dir) return dir;
  }
  return null;
}
