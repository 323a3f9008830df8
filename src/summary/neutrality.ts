/**
 * Whether a sentence states opinion or evaluation in the outlet's own voice, which a neutral summary must not
 * state as fact; and page furniture ("Why it matters:", "ORIGINALLY PUBLISHED ...", photo credits, bylines),
 * which never enters a summary.
 *
 * Opinion cues, counted only outside quotation marks and only in sentences that do not report what someone
 * said (a reported evaluation is the speaker's, and the summary attributes it):
 *   evaluative   an AFINN-165 word (|valence| >= 2, data/subjectivity.json) the tagger reads as an adjective or
 *                adverb ("disastrous", "desperately"), less the event adjectives news states as fact ("dead")
 *   intensifier  a degree adverb of general English ("absolutely", "overwhelmingly", "increasingly")
 *   superlative  "strongest ... yet", "most/least + adjective", an -est adjective (less ordinal-like ones)
 *   loaded       evaluative nouns and phrases of general English ("a rare moment", "a slap in the face")
 *   voice        first person or an exclamation in the outlet's own words
 * A sentence with two cues (or a voice cue) is opinion.
 */
import type { Token } from '../model.js';
import { readDataFile } from '../paths.js';

interface NeutralityLexicon {
  evaluative: Map<string, number>;
  intensifiers: Set<string>;
  factualAdjectives: Set<string>;
  notSuperlatives: Set<string>;
  loadedPhrases: string[];
  furnitureLabels: string[];
  furniturePatterns: RegExp[];
}

let cached: NeutralityLexicon | null = null;

function neutralityLexicon(): NeutralityLexicon {
  if (cached) return cached;
  const subjectivity = readDataFile('subjectivity.json', 'the evaluative word list');
  const words = subjectivity.raw.words as Record<string, number> | undefined;
  if (!words || typeof words !== 'object') throw new Error(`${subjectivity.path}: needs "words" (run scripts/build-subjectivity.ts)`);
  const lex = readDataFile('summary-lexicon.json', 'the summary lexicon');
  const list = (key: string): string[] => lex.list(key, true);
  cached = {
    evaluative: new Map(Object.entries(words)),
    intensifiers: new Set(list('intensifiers')),
    factualAdjectives: new Set(list('factualAdjectives')),
    notSuperlatives: new Set(list('notSuperlatives')),
    loadedPhrases: list('loadedPhrases'),
    furnitureLabels: list('furnitureLabels').sort((a, b) => b.length - a.length),
    furniturePatterns: lex.list('furniturePatterns').map((p) => {
      try {
        return new RegExp(p, 'iu');
      } catch (err) {
        throw new Error(`${lex.path}: furniturePatterns: ${JSON.stringify(p)} is not a regular expression: ${(err as Error).message}`);
      }
    }),
  };
  return cached;
}

/** One reason to read a sentence as the outlet's opinion. */
export interface OpinionCue {
  kind: 'evaluative' | 'intensifier' | 'superlative' | 'loaded' | 'voice';
  text: string;
}

const QUOTED = /[“"][^”"]*(?:[”"]|$)/gu;

/** Offsets of `text` inside quotation marks (a quote left open runs to the end). */
function quotedMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  for (const m of text.matchAll(QUOTED)) for (let i = m.index; i < m.index + m[0].length; i++) mask[i] = true;
  return mask;
}

/**
 * The opinion cues of a sentence: `text` is the sentence, `tokens` its tagged tokens with offsets relative to
 * `offset` in the article (so `token.start - offset` indexes `text`).
 *
 * @example
 * ```ts
 * opinionCues('The plan is an absolutely disastrous failure.', tokens, 0).map((c) => c.kind); // ['intensifier', 'evaluative', ...]
 * ```
 */
export function opinionCues(text: string, tokens: readonly Token[], offset: number): OpinionCue[] {
  const lex = neutralityLexicon();
  const mask = quotedMask(text);
  const cues: OpinionCue[] = [];
  const own = tokens
    .map((t) => ({ ...t, word: text.slice(t.start - offset, t.end - offset), lower: text.slice(t.start - offset, t.end - offset).toLowerCase().replace(/’/g, "'") }))
    .filter((t) => t.start - offset >= 0 && t.end - offset <= text.length && !mask[t.start - offset]);
  own.forEach((t, i) => {
    const next = own[i + 1];
    if (lex.intensifiers.has(t.lower) && (t.pos === 'ADV' || t.pos === 'ADJ')) cues.push({ kind: 'intensifier', text: t.word });
    else if ((t.pos === 'ADJ' || t.pos === 'ADV') && lex.evaluative.has(t.lower) && !lex.factualAdjectives.has(t.lower)) cues.push({ kind: 'evaluative', text: t.word });
    if ((t.lower === 'most' || t.lower === 'least') && next?.pos === 'ADJ' && t.pos !== 'DET') cues.push({ kind: 'superlative', text: `${t.word} ${next.word}` });
    else if (t.pos === 'ADJ' && /^\p{Ll}{2,}est$/u.test(t.word) && !lex.notSuperlatives.has(t.lower)) cues.push({ kind: 'superlative', text: t.word });
    if (t.pos === 'PRON' && /^(i|we|me|us|my|our|ours|myself|ourselves)$/.test(t.lower) && t.word !== 'US') cues.push({ kind: 'voice', text: t.word });
  });
  const outside = [...text].map((ch, i) => (mask[i] ? ' ' : ch)).join('').toLowerCase().replace(/’/g, "'");
  for (const p of lex.loadedPhrases) {
    const at = outside.indexOf(p);
    if (at >= 0 && !/[\p{L}]/u.test(outside[at - 1] ?? ' ') && !/[\p{L}]/u.test(outside[at + p.length] ?? ' ')) cues.push({ kind: 'loaded', text: p });
  }
  if (/!\s*$/.test(outside.trim())) cues.push({ kind: 'voice', text: '!' });
  return cues;
}

/**
 * Whether the cues make a sentence opinion in the outlet's voice: a first-person or exclamation cue, or two cues
 * of any kind.
 *
 * @example
 * ```ts
 * isOpinion([{ kind: 'intensifier', text: 'absolutely' }, { kind: 'evaluative', text: 'disastrous' }]); // true
 * ```
 */
export function isOpinion(cues: readonly OpinionCue[]): boolean {
  return cues.some((c) => c.kind === 'voice') || cues.length >= 2;
}

/**
 * A leading furniture label of a sentence ("Why it matters: ", "The big picture: "), as the length to drop, or 0.
 *
 * @example
 * ```ts
 * furnitureLabel('Why it matters: The vote sets up a fight.'); // 16
 * ```
 */
export function furnitureLabel(text: string): number {
  const lower = text.toLowerCase().replace(/’/g, "'");
  for (const l of neutralityLexicon().furnitureLabels) {
    if (!lower.startsWith(l)) continue;
    const m = /^\s*[:\u2013\u2014-]\s*/u.exec(text.slice(l.length));
    if (m && m[0].trim()) return l.length + m[0].length;
  }
  return 0;
}

/**
 * Whether a sentence is page furniture that must never enter a summary: a credit, byline, publication notice or
 * call to action.
 *
 * @example
 * ```ts
 * isFurniture('ORIGINALLY PUBLISHED ON MAY 3, 2021.'); // true
 * isFurniture('The Senate passed the bill on Tuesday.'); // false
 * ```
 */
export function isFurniture(text: string): boolean {
  return neutralityLexicon().furniturePatterns.some((re) => re.test(text));
}
