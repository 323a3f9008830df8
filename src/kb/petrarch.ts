/**
 * A parser for PETRARCH / TABARI actor dictionaries (the Phoenix and CAMEO `.actors.txt` files):
 *
 * ```
 * BARACK_OBAMA                  ← a new entry (words joined by `_`, a trailing `_` marks a whole word)
 * +PRESIDENT_OBAMA_             ← an alias of the entry above
 * 	[USAGOV 090120-170120]      ← a code, valid between two dates (YYMMDD or YYYYMMDD)
 * 	[USAELI >170120]            ← valid from a date on (`<date`: until a date)
 * UN_ [IGOUNO]                  ← the code may stand on the entry's own line
 * ```
 *
 * `#` starts a comment. Entries with no code of their own share, as in PETRARCH, the codes of the next entry
 * that has some (a block of spellings followed by one code line); code-less entries at the end are dropped.
 */

/** One CAMEO-style code of an actor, with the dates it applies between (ISO `YYYY-MM-DD`), when limited. */
export interface ActorCode {
  code: string;
  from?: string;
  to?: string;
}

/** One entry of an actor dictionary: its name, aliases (as written, spaces for `_`) and codes. */
export interface DictionaryEntry {
  name: string;
  aliases: string[];
  codes: ActorCode[];
  /** the line the entry starts on (1-based), for error messages */
  line: number;
}

/** A line of a dictionary that could not be read, and why. */
export class DictionaryError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

/** `BARACK_OBAMA_` → `BARACK OBAMA`; PETRARCH's `_` is a word gap and a trailing one a word boundary. */
export function phraseOf(raw: string): string {
  return raw
    .replace(/_+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A PETRARCH date (`YYMMDD`, `YYYYMMDD`) as ISO `YYYY-MM-DD`, or null when it is not a date.
 * Two-digit years pivot at 30: the dictionaries run from the 1940s to the 2010s.
 */
export function isoDate(raw: string): string | null {
  let y: number;
  let rest: string;
  if (/^\d{8}$/.test(raw)) {
    y = Number(raw.slice(0, 4));
    rest = raw.slice(4);
  } else if (/^\d{6}$/.test(raw)) {
    const yy = Number(raw.slice(0, 2));
    y = yy < 30 ? 2000 + yy : 1900 + yy;
    rest = raw.slice(2);
  } else return null;
  const m = Number(rest.slice(0, 2));
  const d = Number(rest.slice(2, 4));
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
}

/**
 * One bracketed code, `[USAGOV 090120-170120]`, `[IGOUNO >20070101]`, `[AFG]`. Malformed dates are dropped
 * (the code still applies, unlimited) rather than guessed: the dictionaries carry a few typos such as `2004017`.
 */
export function parseCode(inner: string): ActorCode | null {
  const parts = inner.trim().split(/\s+/);
  const code = parts[0];
  if (!code || !/^[A-Z0-9~]+$/.test(code)) return null;
  const out: ActorCode = { code };
  const when = parts[1];
  if (when) {
    if (when.startsWith('>')) {
      const f = isoDate(when.slice(1));
      if (f) out.from = f;
    } else if (when.startsWith('<')) {
      const t = isoDate(when.slice(1));
      if (t) out.to = t;
    } else if (when.includes('-')) {
      const [a, b] = when.split('-');
      const f = isoDate(a);
      const t = isoDate(b);
      if (f) out.from = f;
      if (t) out.to = t;
    }
  }
  return out;
}

/**
 * Parses the text of one PETRARCH actor dictionary.
 *
 * @param text the file's text
 * @param file the file name, for errors
 * @example
 * parseActorDictionary('UN_ [IGOUNO]\n+UNITED_NATIONS_\n', 'x.txt')
 * // → [{ name: 'UN', aliases: ['UNITED NATIONS'], codes: [{ code: 'IGOUNO' }], line: 1 }]
 */
export function parseActorDictionary(text: string, file: string): DictionaryEntry[] {
  const entries: DictionaryEntry[] = [];
  let current: DictionaryEntry | null = null;
  let waiting: DictionaryEntry[] = [];
  const lines = text.split(/\r?\n/);
  const close = (): void => {
    if (!current) return;
    if (current.codes.length === 0) waiting.push(current);
    else {
      const codes = current.codes;
      for (const w of waiting) entries.push({ ...w, codes: codes.map((c) => ({ ...c })) });
      waiting = [];
      entries.push(current);
    }
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i];
    const hash = raw.indexOf('#');
    const line = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/\s+$/, '');
    if (line.trim() === '') continue;
    const trimmed = line.trim();
    if (trimmed.startsWith('[')) {
      if (!current) throw new DictionaryError(file, lineNo, `a code line "${trimmed}" before any actor`);
      for (const m of trimmed.matchAll(/\[([^\]]*)\]/g)) {
        const c = parseCode(m[1]);
        if (c) current.codes.push(c);
      }
      continue;
    }
    const codes: ActorCode[] = [];
    const namePart = trimmed.replace(/\[([^\]]*)\]/g, (_, inner: string) => {
      const c = parseCode(inner);
      if (c) codes.push(c);
      return ' ';
    });
    // Some aliases are glued on one line with `+` ("...AL_ISLAMI+_ISLAMIC_ADEN_ARMY_"): split them.
    const pieces = namePart.split('+').map(phraseOf);
    if (trimmed.startsWith('+')) {
      if (!current) throw new DictionaryError(file, lineNo, `an alias "${trimmed}" before any actor`);
      for (const p of pieces) if (p) current.aliases.push(p);
      current.codes.push(...codes);
      continue;
    }
    close();
    const [name, ...more] = pieces.filter((p) => p !== '');
    if (!name) throw new DictionaryError(file, lineNo, `no actor name in "${trimmed}"`);
    current = { name, aliases: more, codes, line: lineNo };
  }
  close();
  return entries;
}
