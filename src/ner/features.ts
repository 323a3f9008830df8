/**
 * Features of the NER tagger, hashed into a fixed number of weight rows.
 *
 * Static features (word, lower case, shape, affixes, neighbours ±2, capitalisation in context, sentence
 * position, headline, gazetteer membership, word clusters, document-level casing) are computed once per
 * sentence; the features that depend on earlier decisions (previous tags, what the same word was tagged
 * earlier in the document) are added during decoding. POS is not used: CoNLL's gold PTB tags at training time
 * and wink-nlp's at run time differ, and a feature absent or different at run time must not be trained on.
 */

/** A 32-bit mixer (murmur3 finaliser over a combination): cheap, and spreads template ids and values well. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x5bd1e995, 0x9e3779b1) ^ b;
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** `McDonald's` → `XxXx'x`: runs of one character class collapse to one. */
export function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length && out.length < 12; i++) {
    const ch = word[i];
    let c: string;
    if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch.toUpperCase()) c = ch === ch.toUpperCase() ? 'X' : 'x';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/**
 * Gazetteer classes as bits; the order is part of the model format. The first six come from the knowledge base,
 * the others from the lists of scripts/build-gazetteers.ts (read only by models trained with them).
 */
export const GAZ_CLASSES = [
  'country', 'capital', 'demonym', 'person', 'org', 'place', 'firstname', 'surname', 'orgname', 'media', 'placename',
] as const;

/** Phrase lookup for gazetteer features: lower-cased phrase → class bits, and the longest phrase in tokens. */
export interface Gazetteer {
  /** phrase → class bits (a Map, or a table that answers the same, see `buildGazetteer`) */
  phrases: { get(phrase: string): number | undefined };
  maxTokens: number;
  /** every phrase's proper word prefixes ("world", "world bank" of "world bank group"): lookups stop off them */
  prefixes?: { has(prefix: string): boolean };
}

/** Word clusters learned from unlabelled text: word → bit-string path (Brown-style prefixes are features). */
export type Clusters = Map<string, string>;

/** Everything about one word type that features need; cached per distinct word string. */
interface WordInfo {
  lowerHash: number;
  formHash: number;
  shapeHash: number;
  affixHashes: number[];
  clusterHashes: number[];
  /** path prefixes in the second and later cluster sets, when the model has several */
  moreClusterHashes: number[];
  /** character trigrams, only for words the clusters do not know (and only with the `charNgrams` option) */
  ngramHashes: number[];
  initCap: boolean;
  allCaps: boolean;
  hasLetter: boolean;
  lower: string;
}

const T = {
  bias: 1, w0: 2, wm1: 3, wp1: 4, wm2: 5, wp2: 6, sh0: 7, shm1: 8, shp1: 9, sh3: 10, affix: 11, form: 12,
  bigramL: 13, bigramR: 14, first: 15, headline: 16, headlineW: 17, lowerSeen: 18, gaz: 19, gazM1: 20,
  gazP1: 21, cl0: 22, clm1: 23, clp1: 24, capContext: 25, prevTag: 26, prevTwo: 27, prevTagW: 28,
  prevTagSh: 29, hist: 30, histMaj: 31, len: 32, docFirstCap: 33, runPos: 34, runPosNext: 35,
  ngram: 36, gazClass: 37, gazLen: 38, s1Label: 39, s1Context: 40, tokMajority: 41, tokAny: 42, tokOwn: 43,
  entMajority: 44, superEntity: 45, superOwn: 46,
} as const;

const PREFIX_CLUSTER_LENGTHS = [4, 6, 10, 20];

/**
 * Optional feature templates, named in a model's header so that a model is always read with the features it
 * was trained with (a model without the list uses none of them).
 * - `charNgrams`: hashed character trigrams of words outside the cluster vocabulary (rare and unseen words).
 * - `gazGrain`: gazetteer matches also by class alone (any position) and by class with the match length.
 */
export const FEATURE_OPTIONS = ['charNgrams', 'gazGrain'] as const;
export type FeatureOption = (typeof FEATURE_OPTIONS)[number];

/** The most words `FeatureExtractor` keeps the information of; the cache is cleared when it is full. */
const WORD_CACHE_SIZE = 20_000;

/** Builds word information with a bounded cache, so long runs do not grow memory without end. */
export class FeatureExtractor {
  private cache = new Map<string, WordInfo>();

  readonly options: ReadonlySet<FeatureOption>;
  readonly clusters: Clusters | null;
  private readonly moreClusters: Clusters[];

  /** `clusters`: one set of word clusters, or several (say PPMI-vector and Brown), each with features of its own */
  constructor(
    readonly gazetteer: Gazetteer,
    clusters: Clusters | readonly Clusters[] | null,
    options: readonly FeatureOption[] = [],
  ) {
    this.options = new Set(options);
    const all = clusters === null ? [] : clusters instanceof Map ? [clusters] : [...clusters];
    this.clusters = all[0] ?? null;
    this.moreClusters = all.slice(1);
  }

  info(word: string): WordInfo {
    let w = this.cache.get(word);
    if (w) return w;
    const lower = word.toLowerCase();
    const affixHashes: number[] = [];
    for (let k = 1; k <= 4; k++) {
      if (lower.length > k) {
        affixHashes.push(mix(T.affix * 16 + k, hashString(lower.slice(0, k))));
        affixHashes.push(mix(T.affix * 16 + 8 + k, hashString(lower.slice(-k))));
      }
    }
    const clusterHashes: number[] = [];
    const path = this.clusters?.get(lower);
    if (path) for (const n of PREFIX_CLUSTER_LENGTHS) clusterHashes.push(mix(n, hashString(path.slice(0, n))));
    else clusterHashes.push(0x7fffffff);
    const moreClusterHashes: number[] = [];
    this.moreClusters.forEach((c, k) => {
      const p = c.get(lower);
      if (p) for (const n of PREFIX_CLUSTER_LENGTHS) moreClusterHashes.push(mix((k + 1) * 64 + n, hashString(p.slice(0, n))));
      else moreClusterHashes.push(mix((k + 1) * 64, 0x7fffffff));
    });
    const ngramHashes: number[] = [];
    if (!path && this.options.has('charNgrams') && lower.length > 3) {
      // Unknown words get their spelling as evidence: "-stan", "-ville", "ov", "Inc"-like pieces generalise.
      const padded = `^${lower}$`;
      for (let k = 0; k + 3 <= padded.length; k++) ngramHashes.push(mix(T.ngram, hashString(padded.slice(k, k + 3))));
    }
    const hasLetter = lower !== word.toUpperCase();
    const first = word.charAt(0);
    w = {
      lowerHash: hashString(lower),
      formHash: hashString(word),
      shapeHash: hashString(shapeOf(word)),
      affixHashes,
      clusterHashes,
      moreClusterHashes,
      ngramHashes,
      initCap: hasLetter && first !== first.toLowerCase(),
      allCaps: hasLetter && word === word.toUpperCase(),
      hasLetter,
      lower,
    };
    // about 340 bytes a word: 20,000 words hold the common vocabulary of news (7 MB); at 200,000 the cache
    // grew with every new name of a long \`add\` (8 MB at 1,000 Reuters articles, more with each batch)
    if (this.cache.size >= WORD_CACHE_SIZE) this.cache.clear();
    this.cache.set(word, w);
    return w;
  }
}

/** What the document around a sentence tells about its words (Ratinov & Roth's non-local cues). */
export interface DocumentContext {
  /** words seen in lower case inside a sentence (not first) somewhere in the document */
  lowerSeen: Set<string>;
  /** capitalised words seen capitalised in mid-sentence of a non-headline sentence */
  capSeen: Set<string>;
  /**
   * per lower-cased word, where it stands in runs of capitalised words elsewhere in the document (mid-sentence,
   * not in headlines): bit 1 first of a run, 2 last, 4 inside, 8 alone. "Blackburn" alone in a headline is
   * read in the light of "Peter Blackburn" further down.
   */
  runPositions: Map<string, number>;
  /** per lower-cased word, how often each type (0 = O, 1..4) was tagged so far in the document */
  history: Map<string, Uint16Array>;
  /** the document's sentences, as given (a two-stage tagger runs its first pass over all of them) */
  sentences: readonly (readonly string[])[];
  /** the first pass's decisions over `sentences`, once a two-stage tagger has made them */
  firstPass?: FirstPass;
}

/** True for a sentence written in capitals (a headline or a sports-results line). */
export function isHeadline(words: readonly string[]): boolean {
  let letters = 0;
  for (const w of words) {
    if (w.toLowerCase() !== w.toUpperCase()) {
      if (w !== w.toUpperCase()) return false;
      letters++;
    }
  }
  return letters > 0;
}

/** Collects the document-level casing cues of a document's sentences. */
export function documentContext(sentences: readonly (readonly string[])[]): DocumentContext {
  const lowerSeen = new Set<string>();
  const capSeen = new Set<string>();
  const runPositions = new Map<string, number>();
  for (const words of sentences) {
    const headline = isHeadline(words);
    if (!headline) {
      let i = 1;
      while (i < words.length) {
        const first = words[i].charAt(0);
        if (first === first.toLowerCase() || first === first.toUpperCase() && !/\p{Lu}/u.test(first)) {
          i++;
          continue;
        }
        let j = i;
        while (j < words.length && /^\p{Lu}/u.test(words[j])) j++;
        for (let k = i; k < j; k++) {
          const bit = j - i === 1 ? 8 : k === i ? 1 : k === j - 1 ? 2 : 4;
          const key = words[k].toLowerCase();
          runPositions.set(key, (runPositions.get(key) ?? 0) | bit);
        }
        i = j;
      }
    }
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      const first = w.charAt(0);
      if (first !== first.toUpperCase()) lowerSeen.add(w.toLowerCase());
      else if (!headline && first !== first.toLowerCase() && words[i - 1] !== '"') capSeen.add(w.toLowerCase());
    }
  }
  return { lowerSeen, capSeen, runPositions, history: new Map(), sentences };
}

/** The same document cues with an empty decision history (each pass of a two-stage tagger keeps its own). */
export function freshHistory(doc: DocumentContext): DocumentContext {
  return { ...doc, history: new Map(), firstPass: undefined };
}

/** The static features of one sentence, flat, with per-token offsets; plus what dynamic features need. */
export interface SentenceFeatures {
  length: number;
  /** hashed features of token i are `feats[offsets[i] .. offsets[i + 1])` */
  feats: Int32Array;
  offsets: Int32Array;
  lowerHash: Int32Array;
  shapeHash: Int32Array;
  lower: string[];
  /** capitalised (or all-caps) tokens, the ones that take history features */
  capitalised: Uint8Array;
}

/** Gazetteer matches: for each token, a list of codes `class * 4 + BILOU position + 256 * min(match tokens, 4)`. */
function gazetteerCodes(gaz: Gazetteer, words: readonly string[], lower: readonly string[]): number[][] {
  const out: number[][] = words.map(() => []);
  for (let i = 0; i < words.length; i++) {
    const first = words[i].charAt(0);
    if (first === first.toLowerCase()) continue; // names start with a capital; "us" is not "US"
    let key = '';
    const bestLen = new Array<number>(GAZ_CLASSES.length).fill(0);
    for (let len = 1; len <= gaz.maxTokens && i + len <= words.length; len++) {
      key = len === 1 ? lower[i] : key + ' ' + lower[i + len - 1];
      const bits = gaz.phrases.get(key);
      if (bits !== undefined) for (let c = 0; c < GAZ_CLASSES.length; c++) if (bits & (1 << c)) bestLen[c] = len;
      if (gaz.prefixes && !gaz.prefixes.has(key)) break; // no longer phrase starts so
    }
    for (let c = 0; c < GAZ_CLASSES.length; c++) {
      const len = bestLen[c];
      if (!len) continue;
      const l = 256 * Math.min(len, 4);
      if (len === 1) out[i].push(c * 4 + 3 + l);
      else {
        out[i].push(c * 4 + 0 + l);
        for (let j = i + 1; j < i + len - 1; j++) out[j].push(c * 4 + 1 + l);
        out[i + len - 1].push(c * 4 + 2 + l);
      }
    }
  }
  return out;
}

/** Computes the static features of a sentence. */
export function sentenceFeatures(fx: FeatureExtractor, words: readonly string[], doc: DocumentContext): SentenceFeatures {
  const n = words.length;
  const infos = words.map((w) => fx.info(w));
  const lower = infos.map((w) => w.lower);
  const headline = isHeadline(words);
  const gaz = gazetteerCodes(fx.gazetteer, words, lower);
  const gazGrain = fx.options.has('gazGrain');
  const feats: number[] = [];
  const offsets = new Int32Array(n + 1);
  const lowerHash = new Int32Array(n);
  const shapeHash = new Int32Array(n);
  const capitalised = new Uint8Array(n);
  const NONE = 0x1234567;
  const at = (i: number): WordInfo | null => (i >= 0 && i < n ? infos[i] : null);
  for (let i = 0; i < n; i++) {
    offsets[i] = feats.length;
    const w = infos[i];
    const m1 = at(i - 1);
    const p1 = at(i + 1);
    const m2 = at(i - 2);
    const p2 = at(i + 2);
    lowerHash[i] = w.lowerHash;
    shapeHash[i] = w.shapeHash;
    capitalised[i] = w.initCap ? 1 : 0;
    feats.push(
      T.bias,
      mix(T.w0, w.lowerHash),
      mix(T.form, w.formHash),
      mix(T.wm1, m1 ? m1.lowerHash : NONE),
      mix(T.wp1, p1 ? p1.lowerHash : NONE),
      mix(T.wm2, m2 ? m2.lowerHash : NONE),
      mix(T.wp2, p2 ? p2.lowerHash : NONE),
      mix(T.sh0, w.shapeHash),
      mix(T.shm1, m1 ? m1.shapeHash : NONE),
      mix(T.shp1, p1 ? p1.shapeHash : NONE),
      mix(mix(T.sh3, m1 ? m1.shapeHash : NONE), mix(w.shapeHash, p1 ? p1.shapeHash : NONE)),
      mix(mix(T.bigramL, m1 ? m1.lowerHash : NONE), w.lowerHash),
      mix(mix(T.bigramR, w.lowerHash), p1 ? p1.lowerHash : NONE),
      mix(T.len, Math.min(words[i].length, 12)),
      mix(T.cl0 * 64 + 0, w.clusterHashes[0]),
      mix(T.clm1, m1 ? m1.clusterHashes[m1.clusterHashes.length - 1] : NONE),
      mix(T.clp1, p1 ? p1.clusterHashes[p1.clusterHashes.length - 1] : NONE),
    );
    for (let k = 1; k < w.clusterHashes.length; k++) feats.push(mix(T.cl0 * 64 + k, w.clusterHashes[k]));
    for (const h of w.moreClusterHashes) feats.push(mix(T.cl0 * 64 + 63, h));
    for (const a of w.affixHashes) feats.push(a);
    if (i === 0) feats.push(mix(T.first, w.shapeHash));
    if (headline) feats.push(mix(T.headline, w.shapeHash), mix(T.headlineW, w.lowerHash));
    if (w.initCap) {
      // A capitalised word that the document also writes in lower case is likely a common word, unless it is
      // capitalised mid-sentence elsewhere too; this matters most for sentence-initial and headline words.
      const flags = (doc.lowerSeen.has(w.lower) ? 1 : 0) + (doc.capSeen.has(w.lower) ? 2 : 0);
      feats.push(mix(T.lowerSeen, flags * 4 + (i === 0 ? 1 : 0) + (headline ? 2 : 0)));
      feats.push(mix(T.capContext, (m1?.initCap ? 1 : 0) + (p1?.initCap ? 2 : 0) + (i === 0 ? 4 : 0)));
      feats.push(mix(mix(T.docFirstCap, flags), w.lowerHash));
      const run = doc.runPositions.get(w.lower) ?? 0;
      feats.push(mix(T.runPos, run * 4 + (i === 0 ? 1 : 0) + (headline ? 2 : 0)));
    }
    if (p1?.initCap) feats.push(mix(T.runPosNext, doc.runPositions.get(p1.lower) ?? 0));
    for (const g of gaz[i]) feats.push(mix(T.gaz, g & 255));
    if (i > 0) for (const g of gaz[i - 1]) feats.push(mix(T.gazM1, g & 255));
    if (i + 1 < n) for (const g of gaz[i + 1]) feats.push(mix(T.gazP1, g & 255));
    if (gazGrain) {
      // coarser (class anywhere in a match) and finer (class, position and match length) views of the same match
      for (const g of gaz[i]) feats.push(mix(T.gazClass, (g & 255) >> 2), mix(T.gazLen, (g & 255) + 32 * (g >> 8)));
    }
    for (const h of w.ngramHashes) feats.push(h);
  }
  offsets[n] = feats.length;
  return { length: n, feats: Int32Array.from(feats), offsets, lowerHash, shapeHash, lower, capitalised };
}

/** Features that depend on decisions already made: previous two tags, and the word's tags earlier on. */
export function dynamicFeatures(
  out: Int32Array,
  s: SentenceFeatures,
  i: number,
  prev1: number,
  prev2: number,
  doc: DocumentContext,
): number {
  let k = 0;
  out[k++] = mix(T.prevTag, prev1);
  out[k++] = mix(T.prevTwo, prev2 * 64 + prev1);
  out[k++] = mix(mix(T.prevTagW, prev1), s.lowerHash[i]);
  out[k++] = mix(mix(T.prevTagSh, prev1), s.shapeHash[i]);
  if (s.capitalised[i]) {
    const h = doc.history.get(s.lower[i]);
    if (h) {
      let best = 0;
      for (let t = 1; t < h.length; t++) {
        if (h[t] > 0) out[k++] = mix(T.hist, t);
        if (h[t] > h[best]) best = t;
      }
      out[k++] = mix(T.histMaj, best);
    }
  }
  return k;
}

/** Records the type (0 = O) a capitalised word was tagged with, for later sentences of the document. */
export function remember(doc: DocumentContext, s: SentenceFeatures, i: number, type: number): void {
  if (!s.capitalised[i]) return;
  let h = doc.history.get(s.lower[i]);
  if (!h) {
    h = new Uint16Array(5);
    doc.history.set(s.lower[i], h);
  }
  if (h[type] < 65535) h[type]++;
}

/**
 * What a document's first pass decided, aggregated over the whole document for the second pass (Krishnan &
 * Manning's and Ratinov & Roth's non-local features): a word is tagged alike wherever it occurs, and a name
 * written short ("Blackburn") usually stands for a longer one found elsewhere ("Peter Blackburn").
 */
export interface FirstPass {
  /** the static features of each sentence (the second pass adds to them) */
  features: SentenceFeatures[];
  /** the first pass's labels of each sentence */
  labels: Uint8Array[];
  /** per lower-cased capitalised word, how often each type (0 = O, 1..4) it was given */
  tokenTypes: Map<string, Uint16Array>;
  /** per lower-cased entity text, how often each type (1..4) it was given */
  entityTypes: Map<string, Uint16Array>;
  /** per lower-cased word, how often it stood first, inside or last (× type) in a multi-token entity */
  superEntities: Map<string, Uint16Array>;
}

const typeOf = (label: number): number => (label === 0 ? 0 : ((label - 1) >> 2) + 1);
/** 0 B, 1 I, 2 L, 3 U */
const posOf = (label: number): number => (label - 1) & 3;

/** Entity spans [start, end, type] of BILOU label indices (greedy decoding keeps them well formed). */
function labelSpans(labels: Uint8Array): [number, number, number][] {
  const spans: [number, number, number][] = [];
  let start = -1;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l === 0) {
      start = -1;
      continue;
    }
    const p = posOf(l);
    if (p === 3) spans.push([i, i + 1, typeOf(l)]);
    else if (p === 0) start = i;
    else if (p === 2 && start >= 0) {
      spans.push([start, i + 1, typeOf(l)]);
      start = -1;
    }
  }
  return spans;
}

const bump = (map: Map<string, Uint16Array>, key: string, index: number, size: number): void => {
  let a = map.get(key);
  if (!a) {
    a = new Uint16Array(size);
    map.set(key, a);
  }
  if (a[index] < 65535) a[index]++;
};

/** Aggregates a document's first-pass labels. */
export function firstPassOf(features: SentenceFeatures[], labels: Uint8Array[]): FirstPass {
  const tokenTypes = new Map<string, Uint16Array>();
  const entityTypes = new Map<string, Uint16Array>();
  const superEntities = new Map<string, Uint16Array>();
  features.forEach((s, si) => {
    const l = labels[si];
    for (let i = 0; i < s.length; i++) if (s.capitalised[i]) bump(tokenTypes, s.lower[i], typeOf(l[i]), 5);
    for (const [a, b, type] of labelSpans(l)) {
      bump(entityTypes, s.lower.slice(a, b).join(' '), type, 5);
      if (b - a > 1) for (let i = a; i < b; i++) bump(superEntities, s.lower[i], (type - 1) * 3 + (i === a ? 0 : i === b - 1 ? 2 : 1), 12);
    }
  });
  return { features, labels, tokenTypes, entityTypes, superEntities };
}

/** The largest count's index (ties to the lower index), or -1 when all are 0. */
function majority(counts: ArrayLike<number>): number {
  let best = -1;
  for (let t = 0; t < counts.length; t++) if (counts[t] > 0 && (best < 0 || counts[t] > counts[best])) best = t;
  return best;
}

/**
 * The second pass's static features of sentence `si` of a document: the first pass's static features, plus
 * its labels around each token, plus what it decided for the same word and the same name elsewhere in the
 * document (the token's own decision left out of the counts, so that only other evidence counts).
 */
export function secondStageFeatures(fp: FirstPass, si: number): SentenceFeatures {
  const s = fp.features[si];
  const l = fp.labels[si];
  const n = s.length;
  const own = new Int32Array(n * 3).fill(-1); // per token: entity type, code in a multi-token entity, span index
  const spans = labelSpans(l);
  spans.forEach(([a, b, type], k) => {
    for (let i = a; i < b; i++) {
      own[i * 3] = type;
      own[i * 3 + 1] = b - a > 1 ? (type - 1) * 3 + (i === a ? 0 : i === b - 1 ? 2 : 1) : -1;
      own[i * 3 + 2] = k;
    }
  });
  // the added features first, then one copy with the static ones in front of each token's
  const feats: number[] = [];
  const extraOffsets = new Int32Array(n + 1);
  const counts = new Int32Array(12);
  for (let i = 0; i < n; i++) {
    extraOffsets[i] = feats.length;
    feats.push(mix(T.s1Label, l[i]), mix(T.s1Context, (i > 0 ? l[i - 1] : 31) * 32 + (i + 1 < n ? l[i + 1] : 31)));
    if (!s.capitalised[i]) continue;
    const ownType = typeOf(l[i]);
    const tok = fp.tokenTypes.get(s.lower[i]);
    if (tok) {
      for (let t = 0; t < 5; t++) counts[t] = tok[t] - (t === ownType ? 1 : 0);
      const maj = majority(counts.subarray(0, 5));
      if (maj >= 0) {
        let total = 0;
        for (let t = 0; t < 5; t++) total += counts[t];
        const unanimous = counts[maj] === total ? 1 : 0;
        feats.push(mix(T.tokMajority, maj * 2 + unanimous), mix(T.tokOwn, maj * 8 + ownType));
        for (let t = 0; t < 5; t++) if (counts[t] > 0) feats.push(mix(T.tokAny, t));
      }
    }
    if (own[i * 3] > 0) {
      const [a, b] = spans[own[i * 3 + 2]];
      const ent = fp.entityTypes.get(s.lower.slice(a, b).join(' '));
      if (ent) {
        for (let t = 0; t < 5; t++) counts[t] = ent[t] - (t === ownType ? 1 : 0);
        const maj = majority(counts.subarray(0, 5));
        if (maj >= 0) feats.push(mix(T.entMajority, maj * 4 + posOf(l[i])));
      }
    }
    const sup = fp.superEntities.get(s.lower[i]);
    if (sup) {
      const ownCode = own[i * 3 + 1];
      for (let c = 0; c < 12; c++) {
        if (sup[c] - (c === ownCode ? 1 : 0) > 0) feats.push(mix(T.superEntity, c), mix(T.superOwn, c * 8 + ownType));
      }
    }
  }
  extraOffsets[n] = feats.length;
  const all = new Int32Array(s.feats.length + feats.length);
  const offsets = new Int32Array(n + 1);
  let at = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = at;
    all.set(s.feats.subarray(s.offsets[i], s.offsets[i + 1]), at);
    at += s.offsets[i + 1] - s.offsets[i];
    for (let k = extraOffsets[i]; k < extraOffsets[i + 1]; k++) all[at++] = feats[k];
  }
  offsets[n] = at;
  return { ...s, feats: all, offsets };
}
