/**
 * Packing and unpacking of hand-annotated AllSides gold files (format: ../shared/eval/allsides/GOLD.md).
 *
 * The annotator writes exact substrings of the article texts. Those texts are third-party material and may not
 * be copied into the repository, so a packed gold file replaces every exact-substring field by its span
 * `{"at": [start, end]}` (JavaScript string offsets into that article's `text`), and unpacking puts the
 * strings back from the story input. Names, speakers, holders, targets, `fact`, `what` and `referent` are the
 * annotator's own words and stay as written.
 *
 * Substring fields: shared_facts[].evidence and conflicts[].evidence values, quotes[].content, every
 * framing[].terms term, stances[].evidence, times[].text and unattributed_opinion[].text. In an unpacked file
 * each may be a plain string or `{"text": s, "hint": h}`; the span chosen is the occurrence of `s` whose start
 * is nearest the first occurrence of the (also exact) `h`, else the first occurrence. Occurrences at word
 * boundaries are preferred over ones inside a longer word ("May" in "Mayor").
 */

/** A span of an article text: JavaScript string offsets [start, end). */
export interface GoldSpan {
  at: [number, number];
}

/** A substring field as the annotator writes it. */
export type GoldText = string | { text: string; hint?: string };

/** A gold file in either form: T = GoldText (unpacked) or GoldSpan (packed). */
export interface AllSidesGold<T = GoldText> {
  id: number;
  input: string;
  outlets: { article: number; outlet: string; lean: string }[];
  actors: { name: string; type: string; aliases: string[] }[];
  not_actors: string[];
  quotes: { article: number; speaker: string; kind: 'direct' | 'indirect'; content: T }[];
  shared_facts: { fact: string; evidence: Record<string, T> }[];
  conflicts: { what: string; evidence: Record<string, T> }[];
  framing: { referent: string; terms: Record<string, T[]> }[];
  stances: { article: number; holder: string; polarity: 'support' | 'oppose'; target: string; evidence: T }[];
  times: { article: number; text: T; value: string }[];
  unattributed_opinion: { article: number; text: T }[];
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** All start offsets of `needle` in `hay`. */
function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * The span of one annotated string in an article text, or an error naming the file, the field and the string.
 *
 * @example
 * ```ts
 * locate('The mayor spoke on May 3.', 'May', 'f.json', 'times[0].text'); // { at: [19, 22] }
 * ```
 */
export function locate(text: string, value: GoldText, file: string, field: string): GoldSpan {
  const s = typeof value === 'string' ? value : value?.text;
  if (typeof s !== 'string' || s.length === 0) throw new Error(`${file}: ${field}: expected a non-empty string, got ${JSON.stringify(value)}`);
  let starts = occurrences(text, s);
  if (starts.length === 0) throw new Error(`${file}: ${field}: not an exact substring of the article text: ${JSON.stringify(s)}`);
  const bounded = starts.filter((i) => !(isWordChar(s[0]) && isWordChar(text[i - 1])) && !(isWordChar(s.at(-1)) && isWordChar(text[i + s.length])));
  if (bounded.length > 0) starts = bounded;
  let start = starts[0];
  if (typeof value === 'object' && value.hint !== undefined) {
    const h = text.indexOf(value.hint);
    if (h < 0) throw new Error(`${file}: ${field}: hint is not an exact substring of the article text: ${JSON.stringify(value.hint)}`);
    start = starts.reduce((best, i) => (Math.abs(i - h) < Math.abs(best - h) ? i : best), start);
  }
  return { at: [start, start + s.length] };
}

/** The string a span stands for, or an error naming the file and field when it does not fit the text. */
export function slice(text: string, span: GoldSpan, file: string, field: string): string {
  const at = span?.at;
  if (!Array.isArray(at) || at.length !== 2 || !Number.isInteger(at[0]) || !Number.isInteger(at[1]) || at[0] < 0 || at[1] <= at[0] || at[1] > text.length) {
    throw new Error(`${file}: ${field}: not a span {"at": [start, end]} inside the article text (${text.length} characters): ${JSON.stringify(span)}`);
  }
  return text.slice(at[0], at[1]);
}

/** The text of article `i`, or an error naming the file and field. */
function articleText(texts: string[], i: unknown, file: string, field: string): string {
  const n = Number(i);
  if (!Number.isInteger(n) || n < 0 || n >= texts.length) throw new Error(`${file}: ${field}: article ${JSON.stringify(i)} is not one of the story's ${texts.length} articles`);
  return texts[n];
}

/** The same gold with every substring field mapped by `f(text of its article, value, field name)`. */
function mapTexts<A, B>(gold: AllSidesGold<A>, texts: string[], file: string, f: (text: string, v: A, field: string) => B): AllSidesGold<B> {
  const byKey = <V, W>(rec: Record<string, V>, field: string, g: (text: string, v: V, field: string) => W): Record<string, W> =>
    Object.fromEntries(Object.entries(rec ?? {}).map(([k, v]) => [k, g(articleText(texts, k, file, `${field}["${k}"]`), v, `${field}["${k}"]`)]));
  const at = (i: number, field: string) => articleText(texts, i, file, field);
  const mapped: AllSidesGold<B> = {
    ...gold,
    quotes: (gold.quotes ?? []).map((q, i) => ({ ...q, content: f(at(q.article, `quotes[${i}]`), q.content, `quotes[${i}].content`) })),
    shared_facts: (gold.shared_facts ?? []).map((s, i) => ({ ...s, evidence: byKey(s.evidence, `shared_facts[${i}].evidence`, f) })),
    conflicts: (gold.conflicts ?? []).map((c, i) => ({ ...c, evidence: byKey(c.evidence, `conflicts[${i}].evidence`, f) })),
    framing: (gold.framing ?? []).map((fr, i) => ({
      ...fr,
      terms: byKey(fr.terms, `framing[${i}].terms`, (text, terms: A[], field) => {
        if (!Array.isArray(terms)) throw new Error(`${file}: ${field}: expected a list of terms`);
        return terms.map((t, j) => f(text, t, `${field}[${j}]`));
      }),
    })),
    stances: (gold.stances ?? []).map((s, i) => ({ ...s, evidence: f(at(s.article, `stances[${i}]`), s.evidence, `stances[${i}].evidence`) })),
    times: (gold.times ?? []).map((t, i) => ({ ...t, text: f(at(t.article, `times[${i}]`), t.text, `times[${i}].text`) })),
    unattributed_opinion: (gold.unattributed_opinion ?? []).map((u, i) => ({ ...u, text: f(at(u.article, `unattributed_opinion[${i}]`), u.text, `unattributed_opinion[${i}].text`) })),
  };
  // a section the gold does not have stays absent: a partial gold file annotates some sections only, and the
  // scorer reads an absent section as "not annotated" but an empty list as "none in this story"
  for (const k of ['quotes', 'shared_facts', 'conflicts', 'framing', 'stances', 'times', 'unattributed_opinion'] as const) {
    if (gold[k] === undefined) delete (mapped as Partial<AllSidesGold<B>>)[k];
  }
  return mapped;
}

/**
 * Checks that name it is about the texts, beyond spans: outlets match the input, and every actor's name or one
 * alias, and every alias, occurs in some text (up to U+00A0 vs space), as GOLD.md requires.
 */
function checkNames(gold: AllSidesGold<unknown>, articles: { outlet: string; text: string }[], file: string): void {
  const all = articles.map((a) => a.text.replace(/\u00a0/g, ' ')).join('\n');
  (gold.outlets ?? []).forEach((o, i) => {
    const a = articles[o.article];
    if (!a || a.outlet !== o.outlet) throw new Error(`${file}: outlets[${i}]: article ${o.article} is not from ${JSON.stringify(o.outlet)}`);
  });
  (gold.actors ?? []).forEach((a, i) => {
    for (const alias of a.aliases ?? []) if (!all.includes(alias)) throw new Error(`${file}: actors[${i}].aliases: ${JSON.stringify(alias)} does not occur in the texts`);
    if (!all.includes(a.name) && (a.aliases ?? []).length === 0) throw new Error(`${file}: actors[${i}]: neither the name ${JSON.stringify(a.name)} nor an alias occurs in the texts`);
  });
}

/** Pack an annotated gold file against its story's articles; `input` is the story path to write. */
export function packGold(gold: AllSidesGold<GoldText>, articles: { outlet: string; text: string }[], file: string, input: string): AllSidesGold<GoldSpan> {
  checkNames(gold, articles, file);
  const texts = articles.map((a) => a.text);
  return { ...mapTexts(gold, texts, file, (text, v: GoldText, field) => locate(text, v, file, field)), input };
}

/** Unpack a packed gold file against its story's articles; `input` is the story path to write. */
export function unpackGold(gold: AllSidesGold<GoldSpan>, articles: { outlet: string; text: string }[], file: string, input: string): AllSidesGold<string> {
  const texts = articles.map((a) => a.text);
  return { ...mapTexts(gold, texts, file, (text, v: GoldSpan, field) => slice(text, v, file, field)), input };
}

/** The articles of a story input (JSON lines, one article a line), or an error naming the file and line. */
export function parseStoryInput(raw: string, file: string): { outlet: string; text: string }[] {
  return raw
    .split('\n')
    .map((line, i) => [line, i] as const)
    .filter(([line]) => line.trim())
    .map(([line, i]) => {
      let r: { outlet?: unknown; text?: unknown };
      try {
        r = JSON.parse(line);
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
      }
      if (typeof r.text !== 'string') throw new Error(`${file}:${i + 1}: the article has no "text"`);
      return { outlet: String(r.outlet ?? ''), text: r.text };
    });
}
