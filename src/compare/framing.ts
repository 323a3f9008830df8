/**
 * The framing lens: per outlet, the words it uses for contested actors and events, in its own voice and,
 * separately, inside quotes. Terms come from the transparent lexicon in `data/framing.json` (with the
 * modifiers written before them), plus a distributional contrast between outlets (log-odds with an informative
 * Dirichlet prior) that surfaces words the lexicon lacks.
 */
import type { FramingRow, FramingTable, FramingTerm, Span } from '../model.js';
import { framingLexicon, inside, wordsOf, type Word } from './text.js';
import type { CompareUnit } from './units.js';

interface LexiconIndex {
  /** first word → terms (as word arrays) starting with it, longest first */
  byFirst: Map<string, { words: string[]; group: string; term: string }[]>;
  modifiers: Set<string>;
  evaluative: Set<string>;
  nameHeads: Set<string>;
}

let index: LexiconIndex | null = null;

function lexiconIndex(): LexiconIndex {
  if (index) return index;
  const lex = framingLexicon();
  const byFirst = new Map<string, { words: string[]; group: string; term: string }[]>();
  for (const [group, { terms }] of Object.entries(lex.groups)) {
    for (const term of terms) {
      const words = term.toLowerCase().split(/\s+/);
      const list = byFirst.get(words[0]) ?? [];
      list.push({ words, group, term });
      byFirst.set(words[0], list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  index = {
    byFirst,
    modifiers: new Set(lex.modifiers),
    evaluative: new Set(lex.evaluativeBeforeNames),
    nameHeads: new Set(lex.groupNameHeads),
  };
  return index;
}

/** Whether a word can modify a label: a listed modifier, an "X-backed" compound, "anti-X", or a proper adjective. */
function isModifier(w: Word, sentenceStart: boolean): boolean {
  const lex = framingLexicon();
  if (index?.modifiers.has(w.lower)) return true;
  if (lex.modifierSuffixes.some((s) => w.lower.endsWith(s) && w.lower.length > s.length)) return true;
  if (lex.modifierPrefixes.some((p) => w.lower.startsWith(p) && w.lower.length > p.length)) return true;
  // Proper adjectives ("Syrian", "Western") modify; sentence-initial capitals prove nothing.
  return !sentenceStart && /^\p{Lu}\p{Ll}+(?:an|ian|ern|ish|ese|i)$/u.test(w.text);
}

/** One term found in the text. */
export interface FramingHit {
  group: string;
  head: string;
  label: string;
  span: Span;
}

/**
 * Lexicon terms in a sentence's words, each extended left over its modifiers ("armed and political
 * opponents", "foreign-sponsored opposition groups"), plus evaluative modifiers before a group's name
 * ("Western-backed moderate Free Syrian Army").
 *
 * @example
 * ```ts
 * findFramingTerms('a', 'Talks with foreign-backed rebel groups.', 0, 39).map((h) => h.label); // ['foreign-backed rebel groups']
 * ```
 */
export function findFramingTerms(article: string, text: string, start: number, end: number): FramingHit[] {
  const ix = lexiconIndex();
  const lex = framingLexicon();
  const words = wordsOf(text, start, end);
  const hits: FramingHit[] = [];
  const taken = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    if (taken.has(i)) continue;
    const candidates = ix.byFirst.get(words[i].lower) ?? [];
    const match = candidates.find((c) => c.words.every((cw, k) => words[i + k]?.lower === cw));
    if (match) {
      const last = i + match.words.length - 1;
      const next = words[last + 1]?.lower ?? '';
      const next2 = next + ' ' + (words[last + 2]?.lower ?? '');
      const blocked = lex.notALabelBefore[match.term]?.some((b) => b === next || b === next2) ?? false;
      // A term that is itself only a modifier ("rebel", "terrorist") labels when it heads its phrase.
      const after = words[last + 1];
      const modifiesNext = match.words.length === 1 && ix.modifiers.has(match.term) && after !== undefined && /^\p{Ll}/u.test(after.text) && !framingLexicon().stopwords.includes(after.lower);
      // A capitalised term mid-sentence is part of a name ("Free ..."), not a label.
      const before = text.slice(Math.max(0, words[i].start - 3), words[i].start).trim();
      const inName = /^\p{Lu}/u.test(words[i].text) && before !== '' && !/[.!?"\u201c\u201d\n]$/.test(before);
      if (!blocked && !modifiesNext && !inName) {
        let first = i;
        // Extend left over modifiers, and over "A and B" coordinations of modifiers.
        while (first > 0 && i - first < 5) {
          const prev = words[first - 1];
          if (isModifier(prev, first - 1 === 0)) {
            first--;
          } else if ((prev.lower === 'and' || prev.lower === 'or') && first >= 2 && isModifier(words[first - 2], first - 2 === 0) && first < i + 1 && isModifier(words[first], false)) {
            first -= 2;
          } else break;
        }
        for (let k = first; k <= last; k++) taken.add(k);
        hits.push({
          group: match.group,
          head: match.term,
          label: text.slice(words[first].start, words[last].end).toLowerCase().replace(/\s+/g, ' '),
          span: { article, start: words[first].start, end: words[last].end },
        });
        i = last;
        continue;
      }
    }
    // Evaluative modifiers before a group's name: "moderate Free Syrian Army"-style labels.
    if (isModifier(words[i], i === 0) && !taken.has(i)) {
      let j = i;
      let evaluative = false;
      const suffixed = (w: Word): boolean => framingLexicon().modifierSuffixes.some((s) => w.lower.endsWith(s));
      while (j < words.length && isModifier(words[j], j === 0) && (/^\p{Ll}/u.test(words[j].text) || suffixed(words[j]))) {
        if (ix.evaluative.has(words[j].lower) || framingLexicon().modifierSuffixes.some((s) => words[j].lower.endsWith(s))) evaluative = true;
        j++;
      }
      let k = j;
      while (k < words.length && /^\p{Lu}/u.test(words[k].text)) k++;
      if (evaluative && k > j && ix.nameHeads.has(words[k - 1].lower)) {
        for (let t = i; t < k; t++) taken.add(t);
        hits.push({
          group: 'armed-groups',
          head: words[k - 1].lower,
          label: text.slice(words[i].start, words[k - 1].end).toLowerCase().replace(/\s+/g, ' '),
          span: { article, start: words[i].start, end: words[k - 1].end },
        });
        i = k - 1;
      }
    }
  }
  return hits;
}

function addTerm(list: FramingTerm[], hit: FramingHit, voice: 'own' | 'quoted', method: string): void {
  const seen = list.find((t) => t.label === hit.label && t.group === hit.group);
  if (seen) seen.spans.push(hit.span);
  else list.push({ group: hit.group, label: hit.label, head: hit.head, voice, method, spans: [hit.span] });
}

/**
 * Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): for each outlet, the
 * z-score of each word's use against all other outlets, the prior being the pooled counts.
 *
 * @example
 * ```ts
 * logOddsContrast([new Map([['regime', 5]]), new Map([['government', 5]])], 100)[0].get('regime'); // > 0
 * ```
 */
export function logOddsContrast(counts: Map<string, number>[], priorStrength: number): Map<string, number>[] {
  const pooled = new Map<string, number>();
  for (const c of counts) for (const [w, n] of c) pooled.set(w, (pooled.get(w) ?? 0) + n);
  const pooledTotal = [...pooled.values()].reduce((a, b) => a + b, 0) || 1;
  const totals = counts.map((c) => [...c.values()].reduce((a, b) => a + b, 0));
  const all = totals.reduce((a, b) => a + b, 0);
  return counts.map((c, i) => {
    const z = new Map<string, number>();
    const ni = totals[i];
    const nj = all - ni;
    for (const [w, yi] of c) {
      const alpha = (priorStrength * (pooled.get(w) ?? 0)) / pooledTotal;
      const yj = (pooled.get(w) ?? 0) - yi;
      const delta = Math.log((yi + alpha) / (ni + priorStrength - yi - alpha)) - Math.log((yj + alpha) / (nj + priorStrength - yj - alpha));
      const variance = 1 / (yi + alpha) + 1 / (yj + alpha);
      z.set(w, delta / Math.sqrt(variance));
    }
    return z;
  });
}

/**
 * The prior's strength for a story: a share of the story's own words, capped at the configured strength. A fixed
 * prior of hundreds of pseudo-counts swamps a story of a few thousand words (no word reaches the threshold); one
 * that grows with the story keeps large stories as smoothed as before and lets small ones show their few
 * distinctive words. No background corpus is needed: the pooled story is the prior's shape.
 *
 * @example
 * ```ts
 * storyPrior([new Map([['a', 600]]), new Map([['b', 400]])], 500, 0.1); // 100
 * ```
 */
export function storyPrior(counts: Map<string, number>[], maxStrength: number, share: number): number {
  let words = 0;
  for (const c of counts) for (const n of c.values()) words += n;
  return Math.max(1, Math.min(maxStrength, share * words));
}

/**
 * The framing table: one row per outlet (wire copies and duplicates already merged into their first copy).
 *
 * @example
 * ```ts
 * const table = buildFraming(units);
 * table.rows[0].own.map((t) => t.label); // ['rebel groups', 'regime', 'retaking']
 * ```
 */
export function buildFraming(units: CompareUnit[]): FramingTable {
  const lex = framingLexicon();
  const stop = new Set(lex.stopwords);
  const rows = new Map<string, FramingRow>();
  const wordCounts = new Map<string, Map<string, number>>();
  const wordSpans = new Map<string, Map<string, Span[]>>();
  for (const u of units) {
    if (u.duplicateOf) continue;
    const row = rows.get(u.outlet.key) ?? { outlet: u.outlet.key, articles: [], own: [], quoted: [], distinctive: [] };
    rows.set(u.outlet.key, row);
    row.articles.push(u.doc.article.id);
    const text = u.doc.article.text;
    for (const hit of findFramingTerms(u.doc.article.id, text, 0, text.length)) {
      const quoted = inside(u.quoted, hit.span.start, hit.span.end);
      addTerm(quoted ? row.quoted : row.own, hit, quoted ? 'quoted' : 'own', 'lexicon');
    }
    // Own-voice lower-case words for the contrast: names and quoted words are not the outlet's framing.
    const counts = wordCounts.get(u.outlet.key) ?? new Map<string, number>();
    const spans = wordSpans.get(u.outlet.key) ?? new Map<string, Span[]>();
    for (const w of wordsOf(text)) {
      if (!/^\p{Ll}[\p{Ll}-]+$/u.test(w.text) || w.text.length < 3 || stop.has(w.lower)) continue;
      if (inside(u.quoted, w.start, w.end)) continue;
      counts.set(w.lower, (counts.get(w.lower) ?? 0) + 1);
      const list = spans.get(w.lower) ?? [];
      list.push({ article: u.doc.article.id, start: w.start, end: w.end });
      spans.set(w.lower, list);
    }
    wordCounts.set(u.outlet.key, counts);
    wordSpans.set(u.outlet.key, spans);
  }
  const keys = [...rows.keys()];
  if (keys.length >= 2) {
    const counts = keys.map((k) => wordCounts.get(k) ?? new Map<string, number>());
    const z = logOddsContrast(counts, storyPrior(counts, lex.contrast.priorStrength, lex.contrast.priorShare));
    const lexiconWords = new Set(Object.values(lex.groups).flatMap((g) => g.terms.flatMap((t) => t.split(' '))));
    keys.forEach((k, i) => {
      const counts = wordCounts.get(k) ?? new Map<string, number>();
      const row = rows.get(k) as FramingRow;
      row.distinctive = [...z[i]]
        .filter(([w, score]) => score >= lex.contrast.minZ && (counts.get(w) ?? 0) >= lex.contrast.minCount && !lexiconWords.has(w))
        .sort((a, b) => b[1] - a[1])
        .slice(0, lex.contrast.top)
        .map(([w, score]) => ({ group: 'distinctive', label: w, head: w, voice: 'own', method: 'log-odds', score: Math.round(score * 100) / 100, spans: wordSpans.get(k)?.get(w) ?? [] }));
    });
  }
  return { groups: Object.keys(lex.groups), rows: [...rows.values()] };
}
