/**
 * A parser for PETRARCH / TABARI verb dictionaries (`CAMEO.2.0.txt`, the unit-test `PETR.Validate.verbs.txt`):
 *
 * ```
 * &CURRENCY                      ← a synonym set, one phrase a `+` line (may sit between verb blocks)
 * +DOLLARS
 * --- PROVIDE  [070] ---         ← a block: synonymous verbs sharing a default code and patterns
 * PROVIDE                        ← a verb; regular forms are generated, irregular ones listed in `{ }`
 * +ASK_FOR {+ASKED_FOR} [020]    ← a multi-word verb with its own code
 * - * &CURRENCY [0231]           ← a pattern: words before `*` (the verb) and after it, then its code
 * ```
 *
 * `#` and `<!-- -->` start comments. Codes like `[---]` (no code of its own) read as null. The build script
 * compacts `CAMEO.2.0.txt` into `data/events/verbs.json` with this parser; the evaluation reads a test set's
 * own verb dictionary with it at run time.
 */
import { readFileSync } from 'node:fs';

/** One pattern element: alternative phrases, each a list of lower-case words. */
export type PatternElement = string[][];

/** A CAMEO verb pattern: words before the verb (in order), words after it (in order), and its code. */
export interface VerbPattern {
  pre: PatternElement[];
  post: PatternElement[];
  code: string;
}

/** A block of the verb dictionary: synonymous verbs sharing a default code and patterns. */
export interface VerbBlock {
  lemma: string;
  code: string | null;
  patterns: VerbPattern[];
}

/** A verb dictionary as the coder reads it: surface forms pointing at blocks. */
export interface VerbDictionary {
  /** surface form ("called off") → [block index, code or null] */
  forms: Map<string, [number, string | null]>;
  blocks: VerbBlock[];
  /** longest verb form in words (at most 4), to bound multi-word look-ups */
  maxFormWords: number;
}

/**
 * Regular English verb forms, as PETRARCH generates them for entries without listed forms.
 *
 * @example
 * regularForms('ban') // → ['ban', 'bans', 'baned', 'baning', 'banned', 'banning']
 */
export function regularForms(word: string): string[] {
  const w = word.toLowerCase();
  const out = new Set([w]);
  if (/(s|sh|ch|x|z|o)$/.test(w)) out.add(w + 'es');
  else if (/[^aeiou]y$/.test(w)) out.add(w.slice(0, -1) + 'ies');
  else out.add(w + 's');
  if (w.endsWith('e')) {
    out.add(w + 'd');
    out.add(w.slice(0, -1) + 'ing');
  } else if (/[^aeiou]y$/.test(w)) {
    out.add(w.slice(0, -1) + 'ied');
    out.add(w + 'ing');
  } else {
    out.add(w + 'ed');
    out.add(w + 'ing');
    // Doubled final consonant after a short vowel (ban → banned): both spellings, the wrong one never occurs.
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(w)) {
      out.add(w + w.at(-1) + 'ed');
      out.add(w + w.at(-1) + 'ing');
    }
  }
  return [...out];
}

function codeOf(bracket: string | undefined): string | null {
  if (!bracket) return null;
  const first = bracket.split(':')[0].trim();
  return /^\d{2,4}$/.test(first) ? first : null;
}

function phraseWords(raw: string): string[] {
  return raw
    .replace(/^\+/, '')
    .split('_')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

/**
 * Parses the text of a verb dictionary; `file` names it in error messages.
 *
 * @example
 * const dict = parseVerbDictionary('--- SEND [070] ---\nSEND {SENT}\n- * TROOPS [150]\n', 'x.txt');
 * dict.forms.get('sent') // → [0, '070']
 */
export function parseVerbDictionary(text: string, file: string): VerbDictionary {
  const lines = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, '')).split(/\r?\n/);
  const synsets = new Map<string, string[][]>();
  const blocks: VerbBlock[] = [];
  const forms = new Map<string, [number, string | null]>();
  let currentSet: string | null = null;
  let block: VerbBlock | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/#.*$/, '').trimEnd();
    if (line.trim() === '') {
      currentSet = null;
      continue;
    }
    const header = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(line);
    if (header) {
      currentSet = null;
      block = { lemma: header[1].toLowerCase().replace(/_/g, ' ').trim(), code: codeOf(header[2]), patterns: [] };
      blocks.push(block);
      continue;
    }
    if (!block) {
      // synonym-set section
      const set = /^&(\S+)/.exec(line);
      if (set) {
        currentSet = set[1].replace(/_$/, '');
        synsets.set(currentSet, []);
      } else if (currentSet && line.startsWith('+')) {
        synsets.get(currentSet)!.push(phraseWords(line.slice(1)));
      }
      continue;
    }
    if (line.startsWith('-')) {
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]/.exec(line);
      if (!m) continue;
      const code = codeOf(m[2]);
      if (!code) continue;
      const body = m[1];
      const star = body.indexOf('*');
      if (star < 0) continue;
      const toElements = (s: string): PatternElement[] => {
        const out: PatternElement[] = [];
        // {A B} is one literal phrase; ( ) only groups; $ + % ^ are actor slots and do not constrain words.
        const re = /\{([^}]*)\}|&(\w+)|([A-Za-z][A-Za-z'\-.]*)/g;
        for (const t of s.matchAll(re)) {
          if (t[1] !== undefined) {
            const words: string[] = [];
            for (const w of t[1].trim().split(/\s+/)) {
              if (w.startsWith('&')) {
                const alts = synsets.get(w.slice(1).replace(/_$/, ''));
                if (alts && alts.length) words.push(alts[0].join(' '));
              } else words.push(w.toLowerCase().replace(/_/g, ' '));
            }
            out.push([words.join(' ').split(' ')]);
          } else if (t[2] !== undefined) {
            const alts = synsets.get(t[2].replace(/_$/, ''));
            if (alts && alts.length) out.push(alts);
          } else if (t[3] !== undefined) {
            out.push([[t[3].toLowerCase()]]);
          }
        }
        return out;
      };
      block.patterns.push({ pre: toElements(body.slice(0, star)), post: toElements(body.slice(star + 1)), code });
      continue;
    }
    // a verb line: WORD or +MULTI_WORD, optional {forms}, optional [code]
    const m = /^(\+?[A-Z][A-Z_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/.exec(line.trim());
    if (!m) continue;
    const code = codeOf(m[3]?.slice(1, -1)) ?? block.code;
    const words = phraseWords(m[1]);
    if (words.length === 0) continue;
    const blockIndex = blocks.length - 1;
    const add = (form: string): void => {
      if (!forms.has(form)) forms.set(form, [blockIndex, code]);
    };
    if (m[2]) {
      add(words.join(' '));
      for (const f of m[2].slice(1, -1).trim().split(/\s+/)) if (f) add(phraseWords(f).join(' '));
      if (words.length === 1) for (const f of regularForms(words[0])) add(f);
    } else {
      // Inflect the first word of a multi-word verb ("call off" → "called off").
      for (const f of regularForms(words[0])) add([f, ...words.slice(1)].join(' '));
    }
  }
  if (blocks.length === 0) throw new Error(`${file}: no verb blocks ("--- VERB [code] ---") found; not a verb dictionary`);
  let maxFormWords = 1;
  for (const f of forms.keys()) maxFormWords = Math.max(maxFormWords, f.split(' ').length);
  return { forms, blocks, maxFormWords: Math.min(maxFormWords, 4) };
}

/**
 * Reads and parses a verb dictionary file, naming the file in any error.
 *
 * @example
 * readVerbDictionary('dictionaries_validate/PETR.Validate.verbs.txt').blocks.length // → the file's blocks
 */
export function readVerbDictionary(path: string): VerbDictionary {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: cannot read the verb dictionary (${(err as Error).message})`);
  }
  return parseVerbDictionary(text, path);
}
