/**
 * Incremental story clustering. Each article becomes a TF-IDF vector (sublinear term frequency, title terms
 * counted more) plus a set of actor names and a day range; two articles are as similar as their vectors'
 * cosine, nudged by the actors they share. Stories are average-link clusters above a threshold, never merged
 * across a gap in time longer than `maxGapDays`.
 *
 * Incremental: `add()` scores only the pairs that involve the new articles (through an inverted index, with
 * the document frequencies of everything added so far) and marks the connected groups they touch; `stories()`
 * re-clusters those groups only. The result depends only on the articles and the order of the `add()` calls.
 */
import { readFileSync } from 'node:fs';
import { modelPath } from '../paths.js';
import { isLanguageNeutral, storyLanguage, storyTerms, type StoryLanguage } from './terms.js';
import { type DayRange, dayRangeOf, gapInDays, unionRange } from './dates.js';

/** One article as the story index sees it. */
export interface StoryInput {
  /** `Article.id`, unique in the index */
  id: string;
  title?: string | null;
  text: string;
  /** ISO date (any precision) the article was published or, failing that, the date it reports; null when unknown */
  date?: string | null;
  /** when `date` only starts a range: its last day (ISO), or null for a range open to the future ("not before") */
  dateUntil?: string | null;
  /** names of the actors it mentions (people, organisations, places), as written */
  actors?: readonly string[];
  /**
   * the days the article refers to, as TIMEX values of day precision (`2017-01-23`, or `XXXX-12-16` when the year
   * is unknown); articles on one event talk about the same days
   */
  days?: readonly string[];
}

/** Tuning of the index; the defaults were chosen on the MMDS2025 dev split and the seeds, preferring round values. */
export interface StoryIndexOptions {
  /** average-link similarity two groups need to merge into one story */
  mergeThreshold: number;
  /** two articles whose dates lie further apart than this are never one story */
  maxGapDays: number;
  /** how many times a title term counts, against once for a body term */
  titleWeight: number;
  /** how many extra times a term of the lead (the first `leadChars` characters) counts: news says what happened first */
  leadWeight: number;
  leadChars: number;
  /** share of the similarity given to shared actors, when both articles have some */
  actorWeight: number;
  /** pairs below this similarity are not stored (treated as 0) */
  edgeFloor: number;
  /**
   * the most pairs an article stores with the articles added before it, its strongest (0 = no limit). A story has
   * tens of articles, but a corpus of thousands on one subject gives an article thousands of pairs above the floor:
   * stored all, they take memory and clustering time that grow with the square of the corpus. Of the pairs left
   * out, those at or above the merge threshold still count, spread evenly over the article's connected group
   * (see `averageLink`); weaker ones count as 0, like those below the floor.
   */
  maxNeighbours: number;
  /** terms in more than this share of articles are skipped when finding candidates (they add little) */
  maxDocumentShare: number;
  /**
   * add the background document frequencies of models/story-df.json (general news) to the index's own, so that
   * a few articles on one story do not make its own words look common
   */
  background: boolean;
  /**
   * damp terms found in more than half of the index's own articles, once it holds at least this many (0 = never):
   * in a small collection on one subject, the names every article shares (the countries, the main actor) say
   * nothing about which event an article reports, and the general-news background cannot know that
   */
  collectionMinDocs: number;
  /** the factor left on a term found in every article of such a collection (falling linearly from half of them) */
  collectionFloor: number;
  /**
   * share of the text similarity taken from the leads alone (title and first `leadChars` characters): the lead
   * says which event an article reports, the body also retells the background it shares with other stories
   */
  leadShare: number;
  /**
   * factor on the similarity of two articles that both refer to particular days, none of them within
   * `dayWindow` days of the other's (year-less days compared on the calendar cycle); 1 = dates ignored
   */
  dayMismatchFactor: number;
  dayWindow: number;
  /**
   * articles in different languages (English, Malay, Chinese) are compared on the terms that can be shared across
   * languages only (concepts, numbers, glossary words, and words the index has met in articles of two languages),
   * and this factor scales that cosine; 0 = compared as same-language articles
   */
  crossLanguageFactor: number;
}

export const DEFAULT_STORY_OPTIONS: StoryIndexOptions = {
  mergeThreshold: 0.18,
  maxGapDays: 120,
  titleWeight: 2,
  leadWeight: 0,
  leadChars: 300,
  actorWeight: 0.2,
  edgeFloor: 0.05,
  maxNeighbours: 128,
  maxDocumentShare: 0.5,
  background: true,
  collectionMinDocs: 4,
  collectionFloor: 0.5,
  leadShare: 0.7,
  dayMismatchFactor: 0.7,
  dayWindow: 14,
  crossLanguageFactor: 0.5,
};

/** A cluster as the index returns it: member articles (in the order added) and what they share. */
export interface StoryCluster {
  articles: string[];
  /** the member most similar to the others (its title makes a good story title) */
  central: string;
  range: DayRange | null;
  /** highest-weighted terms of the cluster */
  terms: string[];
  /** most mentioned actor names, as most often written */
  actors: string[];
}

interface IndexedDoc {
  id: string;
  /** term → count (title terms weighted) */
  counts: Map<string, number>;
  actors: Map<string, string>;
  range: DayRange | null;
  /** term → count in the title and lead (title terms weighted), when leads are compared */
  leadCounts: Map<string, number> | null;
  /** referred days: day of the year (0–365), with the absolute day number when the year is known */
  days: { dayOfYear: number; absolute: number | null }[];
  language: StoryLanguage | null;
}

/**
 * Groups articles into stories, incrementally and deterministically.
 *
 * @example
 * ```ts
 * const index = new StoryIndex();
 * index.add([{ id: 'a', title: 'Port strike enters third day', text: '...', date: '2024-03-02' }]);
 * index.add(moreArticles);
 * for (const story of index.stories()) console.log(story.articles);
 * ```
 */
export class StoryIndex {
  readonly options: StoryIndexOptions;
  private readonly docs: IndexedDoc[] = [];
  private readonly byId = new Map<string, number>();
  private readonly documentFrequency = new Map<string, number>();
  /** term → the articles that have it, in the order added, with the term's sublinear weight in each */
  private readonly postings = new Map<string, { docs: number[]; weights: number[] }>();
  /** similarity of stored pairs, both directions: neighbours[i].get(j) */
  private readonly neighbours: Map<number, number>[] = [];
  /** per article: the summed similarity of its pairs at or above the merge threshold left out by `maxNeighbours` */
  private readonly strongTail: number[] = [];
  /** union-find over pairs at or above the merge threshold: only articles so joined can share a story */
  private readonly parent: number[] = [];
  private readonly clustersByRoot = new Map<number, number[][]>();
  /** term → the languages (bit per language) of the articles it was found in */
  private readonly termLanguages = new Map<string, number>();

  constructor(options: Partial<StoryIndexOptions> = {}) {
    this.options = { ...DEFAULT_STORY_OPTIONS, ...options };
  }

  get size(): number {
    return this.docs.length;
  }

  /** Adds articles; scores them against everything indexed so far. An id already present is an error. */
  add(inputs: readonly StoryInput[]): void {
    const first = this.docs.length;
    for (const input of inputs) {
      if (this.byId.has(input.id)) throw new Error(`StoryIndex.add: article ${input.id} was already added`);
      const counts = new Map<string, number>();
      const bump = (terms: string[], weight: number): void => {
        for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + weight);
      };
      if (input.title) bump(storyTerms(input.title), this.options.titleWeight);
      bump(storyTerms(input.text), 1);
      if (this.options.leadWeight > 0) bump(storyTerms(leadOf(input.text, this.options.leadChars)), this.options.leadWeight);
      const actors = new Map<string, string>();
      for (const name of input.actors ?? []) {
        const key = actorKey(name);
        if (key && !actors.has(key)) actors.set(key, name);
      }
      const index = this.docs.length;
      this.byId.set(input.id, index);
      let leadCounts: Map<string, number> | null = null;
      if (this.options.leadShare > 0) {
        leadCounts = new Map();
        for (const t of input.title ? storyTerms(input.title) : []) leadCounts.set(t, (leadCounts.get(t) ?? 0) + this.options.titleWeight);
        for (const t of storyTerms(leadOf(input.text, this.options.leadChars))) leadCounts.set(t, (leadCounts.get(t) ?? 0) + 1);
      }
      const language = this.options.crossLanguageFactor > 0 ? storyLanguage(input.text) : null;
      this.docs.push({ id: input.id, counts, actors, range: rangeOfInput(input), leadCounts, days: referredDays(input.days), language });
      if (language) {
        const bit = LANGUAGE_BIT[language];
        for (const term of counts.keys()) this.termLanguages.set(term, (this.termLanguages.get(term) ?? 0) | bit);
      }
      this.neighbours.push(new Map());
      this.strongTail.push(0);
      this.parent.push(index);
      this.clustersByRoot.delete(index);
      for (const term of counts.keys()) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = { docs: [], weights: [] }));
        list.docs.push(index);
        list.weights.push(termWeight(counts.get(term)!));
      }
    }
    if (this.docs.length === first) return;
    const idf = this.idfTable();
    const norms = this.docs.map((d) => vectorNorm(d.counts, idf));
    const leads = this.options.leadShare > 0 ? this.docs.map((d) => unitVector(d.leadCounts!, idf)) : null;
    // built on first use: most collections are in one language and never need them
    const bridges: (Map<string, number> | undefined)[] = [];
    const bridgeOf = (k: number): Map<string, number> => (bridges[k] ??= unitVector(this.docs[k].counts, idf, (t) => this.isBridge(t)));
    // a term in most articles (counting the background) adds little to any cosine but costs the most to score
    const minIdf = Math.log(1 / this.options.maxDocumentShare);
    const dots = new Float64Array(this.docs.length);
    const touched: number[] = [];
    for (let i = first; i < this.docs.length; i++) {
      for (const [term, count] of this.docs[i].counts) {
        const df = this.documentFrequency.get(term) ?? 0;
        const termIdf = idf.get(term) ?? 0;
        if (df < 2 || termIdf < minIdf) continue;
        const w = termWeight(count) * termIdf * termIdf;
        const list = this.postings.get(term)!;
        for (let k = 0; k < list.docs.length; k++) {
          const j = list.docs[k];
          if (j >= i) break;
          if (dots[j] === 0) touched.push(j);
          dots[j] += w * list.weights[k];
        }
      }
      touched.sort((x, y) => x - y);
      const scored = touched.map((j) => [j, dots[j]] as const);
      for (const j of touched) dots[j] = 0;
      touched.length = 0;
      const kept: [number, number][] = [];
      for (const [j, dot] of scored) {
        let textSim = norms[i] > 0 && norms[j] > 0 ? dot / (norms[i] * norms[j]) : 0;
        if (leads) textSim = (1 - this.options.leadShare) * textSim + this.options.leadShare * sparseDot(leads[i], leads[j]);
        const li = this.docs[i].language;
        const lj = this.docs[j].language;
        // words of one language can only meet words of another through the terms both write alike
        if (li && lj && li !== lj) textSim = Math.max(textSim, this.options.crossLanguageFactor * sparseDot(bridgeOf(i), bridgeOf(j)));
        const sim = this.combine(textSim, this.docs[i], this.docs[j]);
        if (sim < this.options.edgeFloor) continue;
        kept.push([j, sim]);
        if (sim >= this.options.mergeThreshold) this.union(i, j);
      }
      const cap = this.options.maxNeighbours;
      if (cap > 0 && kept.length > cap) {
        // strongest first, then the earlier article: the choice depends only on the articles and their order
        kept.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
        for (let k = cap; k < kept.length; k++) {
          const [j, sim] = kept[k];
          if (sim < this.options.mergeThreshold) break;
          this.strongTail[i] += sim;
          this.strongTail[j] += sim;
        }
        kept.length = cap;
      }
      for (const [j, sim] of kept) {
        this.neighbours[i].set(j, sim);
        this.neighbours[j].set(i, sim);
      }
    }
  }

  /** The similarity of two indexed articles as stored (0 when below the floor or never compared). */
  similarity(a: string, b: string): number {
    const i = this.byId.get(a);
    const j = this.byId.get(b);
    if (i === undefined || j === undefined) throw new Error(`StoryIndex.similarity: unknown article ${i === undefined ? a : b}`);
    return i === j ? 1 : (this.neighbours[i].get(j) ?? 0);
  }

  /** The current stories, largest first (ties: earliest added first). */
  stories(): StoryCluster[] {
    const groups = new Map<number, number[]>();
    for (let i = 0; i < this.docs.length; i++) {
      const root = this.find(i);
      let g = groups.get(root);
      if (!g) groups.set(root, (g = []));
      g.push(i);
    }
    for (const root of [...this.clustersByRoot.keys()]) if (!groups.has(root)) this.clustersByRoot.delete(root);
    const clusters: number[][] = [];
    for (const [root, members] of groups) {
      let result = this.clustersByRoot.get(root);
      if (!result) {
        result = this.averageLink(members);
        this.clustersByRoot.set(root, result);
      }
      for (const c of result) clusters.push(c); // not push(...): one argument per cluster can overflow the stack
    }
    clusters.sort((a, b) => b.length - a.length || a[0] - b[0]);
    const idf = this.idfTable();
    return clusters.map((members) => this.describe(members, idf));
  }

  /** Pairs of stored similarity between members of two different clusters (for background links). */
  crossSimilarity(a: readonly string[], b: readonly string[]): number {
    const other = new Set<number>();
    for (const y of b) {
      const j = this.byId.get(y);
      if (j !== undefined) other.add(j);
    }
    let best = 0;
    for (const x of a) {
      const i = this.byId.get(x);
      if (i === undefined) continue;
      // each article's stored pairs, not every pair of the two stories: big stories would cost their product
      for (const [j, sim] of this.neighbours[i]) if (sim > best && other.has(j)) best = sim;
    }
    return best;
  }

  /** The articles stored as similar to one (id and similarity): where background links are looked for. */
  *similarTo(id: string): Iterable<[string, number]> {
    const i = this.byId.get(id);
    if (i === undefined) throw new Error(`StoryIndex.similarTo: unknown article ${id}`);
    for (const [j, sim] of this.neighbours[i]) yield [this.docs[j].id, sim];
  }

  /** Actor keys of an article (lower-cased names), for explaining links. */
  actorsOf(id: string): Map<string, string> {
    const i = this.byId.get(id);
    if (i === undefined) throw new Error(`StoryIndex.actorsOf: unknown article ${id}`);
    return this.docs[i].actors;
  }

  /**
   * The fewest days between a day named by an article of `a` and one named by an article of `b` (year-less days
   * on the yearly cycle), or null when either side names no day: why two stories on the same actors were kept apart.
   */
  namedDayGap(a: readonly string[], b: readonly string[]): number | null {
    const daysOf = (ids: readonly string[]): IndexedDoc['days'] =>
      ids.flatMap((id) => {
        const i = this.byId.get(id);
        return i === undefined ? [] : this.docs[i].days;
      });
    const da = daysOf(a);
    const db = daysOf(b);
    if (da.length === 0 || db.length === 0) return null;
    let best = Number.POSITIVE_INFINITY;
    for (const x of da) {
      for (const y of db) {
        if (x.absolute !== null && y.absolute !== null) best = Math.min(best, Math.abs(x.absolute - y.absolute));
        else {
          const d = Math.abs(x.dayOfYear - y.dayOfYear);
          best = Math.min(best, d, 366 - d);
        }
      }
    }
    return best;
  }

  /** Day range of an article, or null when unknown. */
  rangeOf(id: string): DayRange | null {
    const i = this.byId.get(id);
    if (i === undefined) throw new Error(`StoryIndex.rangeOf: unknown article ${id}`);
    return this.docs[i].range;
  }

  private isBridge(term: string): boolean {
    const bits = this.termLanguages.get(term) ?? 0;
    return isLanguageNeutral(term) || (bits & (bits - 1)) !== 0;
  }

  private combine(textSim: number, a: IndexedDoc, b: IndexedDoc): number {
    const dated = this.options.dayMismatchFactor !== 1 && daysApart(a.days, b.days, this.options.dayWindow) ? this.options.dayMismatchFactor : 1;
    return dated * this.withActors(textSim, a, b);
  }

  private withActors(textSim: number, a: IndexedDoc, b: IndexedDoc): number {
    if (a.actors.size === 0 || b.actors.size === 0 || this.options.actorWeight === 0) return textSim;
    let shared = 0;
    for (const k of a.actors.keys()) if (b.actors.has(k)) shared++;
    const actorSim = shared / Math.sqrt(a.actors.size * b.actors.size);
    return (1 - this.options.actorWeight) * textSim + this.options.actorWeight * actorSim;
  }

  private idfTable(): Map<string, number> {
    const bg = this.options.background ? backgroundFrequencies() : { docs: 0, df: new Map<string, number>() };
    const n = this.docs.length + bg.docs;
    const idf = new Map<string, number>();
    const own = this.docs.length;
    const damp = this.options.collectionMinDocs > 0 && own >= this.options.collectionMinDocs;
    for (const [term, df] of this.documentFrequency) {
      let weight = Math.log((n + 1) / (df + (bg.df.get(term) ?? 0) + 0.5));
      // the share of the collection's own articles a term is in: above half, it stops telling stories apart
      if (damp && df * 2 > own) weight *= 1 - (1 - this.options.collectionFloor) * Math.min(1, (2 * df - own) / own);
      idf.set(term, weight);
    }
    return idf;
  }

  private find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.clustersByRoot.delete(ra);
    this.clustersByRoot.delete(rb);
    // the smaller index stays the root, so roots do not depend on the order pairs were scored in
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }

  /**
   * Average-link agglomeration over the stored pairs of one connected group. Missing pairs count as 0, and two
   * clusters whose day ranges lie more than `maxGapDays` apart are never merged. Strong pairs left out by
   * `maxNeighbours` count as their articles' tail sums spread evenly over the group (0 when nothing was left out,
   * which is every story of ordinary size).
   */
  private averageLink(members: number[]): number[][] {
    if (members.length === 1) return [members];
    interface Cluster {
      members: number[];
      range: DayRange | null;
      version: number;
      /** summed strong tail of the members */
      tail: number;
    }
    const clusters = new Map<number, Cluster>();
    const sums = new Map<number, Map<number, number>>();
    for (const i of members) {
      clusters.set(i, { members: [i], range: this.docs[i].range, version: 0, tail: this.strongTail[i] });
      const row = new Map<number, number>();
      for (const [j, s] of this.neighbours[i]) row.set(j, s);
      sums.set(i, row);
    }
    const spread = 2 * (members.length - 1);
    const average = (x: Cluster, y: Cluster, stored: number): number => {
      const nx = x.members.length;
      const ny = y.members.length;
      const tail = x.tail === 0 && y.tail === 0 ? 0 : (x.tail * ny + y.tail * nx) / spread;
      return (stored + tail) / (nx * ny);
    };
    // The heap holds, for each cluster, its best merge (best average, then the lower pair of cluster ids), stamped
    // with both clusters' versions. Average link is reducible (merging two clusters never brings them closer to a
    // third than the nearer of them was), so a cluster's entry stays an upper bound while its partner is
    // unchanged; an entry whose partner has changed is recomputed when it comes to the top. The entry that comes
    // to the top with both versions current is the best merge of all, as a heap of every pair would give, at the
    // cost of one entry per cluster instead of one per pair and merge.
    const heap = new PairHeap();
    const offerBest = (x: number): void => {
      const cx = clusters.get(x)!;
      let best: Pair | null = null;
      for (const [c, stored] of sums.get(x)!) {
        const cc = clusters.get(c);
        if (!cc) continue;
        if (cx.range && cc.range && gapInDays(cx.range, cc.range) > this.options.maxGapDays) continue;
        const avg = average(cx, cc, stored);
        if (avg < this.options.mergeThreshold) continue;
        const [a, b, va, vb] = x < c ? [x, c, cx.version, cc.version] : [c, x, cc.version, cx.version];
        const p = { avg, a, b, va, vb, owner: x };
        if (!best || PairHeap.before(p, best)) best = p;
      }
      if (best) heap.push(best);
    };
    for (const i of members) offerBest(i);
    for (let top = heap.pop(); top; top = heap.pop()) {
      const owner = clusters.get(top.owner);
      const ownerVersion = top.owner === top.a ? top.va : top.vb;
      if (!owner || owner.version !== ownerVersion) continue; // its cluster was merged: its new entry is in the heap
      const ca = clusters.get(top.a);
      const cb = clusters.get(top.b);
      if (!ca || !cb || ca.version !== top.va || cb.version !== top.vb) {
        offerBest(top.owner);
        continue;
      }
      const [bestA, bestB] = [top.a, top.b];
      for (const m of cb.members) ca.members.push(m); // not push(...): one argument per member can overflow the stack
      ca.range = unionRange(ca.range, cb.range);
      ca.tail += cb.tail;
      ca.version++;
      clusters.delete(bestB);
      const rowA = sums.get(bestA)!;
      const rowB = sums.get(bestB)!;
      sums.delete(bestB);
      rowA.delete(bestB);
      for (const [c, s] of rowB) {
        if (c === bestA) continue;
        rowA.set(c, (rowA.get(c) ?? 0) + s);
        const rowC = sums.get(c);
        if (rowC) {
          rowC.delete(bestB);
          rowC.set(bestA, (rowC.get(bestA) ?? 0) + s);
        }
      }
      offerBest(bestA);
    }
    return [...clusters.values()].map((c) => c.members.sort((x, y) => x - y)).sort((x, y) => x[0] - y[0]);
  }

  private describe(members: number[], idf: Map<string, number>): StoryCluster {
    let central = members[0];
    let bestSum = -1;
    const inCluster = new Set(members);
    for (const i of members) {
      let sum = 0;
      for (const [j, sim] of this.neighbours[i]) if (j !== i && inCluster.has(j)) sum += sim;
      if (sum > bestSum) {
        bestSum = sum;
        central = i;
      }
    }
    const termScore = new Map<string, number>();
    const actorCount = new Map<string, number>();
    const actorName = new Map<string, Map<string, number>>();
    let range: DayRange | null = null;
    for (const i of members) {
      const d = this.docs[i];
      range = unionRange(range, d.range);
      for (const [t, c] of d.counts) termScore.set(t, (termScore.get(t) ?? 0) + termWeight(c) * (idf.get(t) ?? 0));
      for (const [k, name] of d.actors) {
        actorCount.set(k, (actorCount.get(k) ?? 0) + 1);
        let names = actorName.get(k);
        if (!names) actorName.set(k, (names = new Map()));
        names.set(name, (names.get(name) ?? 0) + 1);
      }
    }
    const byScore = <K>(m: Map<K, number>): K[] =>
      [...m.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).map(([k]) => k);
    const minDocs = members.length > 1 ? 2 : 1;
    return {
      articles: members.map((i) => this.docs[i].id),
      central: this.docs[central].id,
      range,
      terms: byScore(termScore)
        .filter((t) => (this.documentFrequency.get(t) ?? 0) >= minDocs)
        .slice(0, 8),
      actors: byScore(actorCount)
        .filter((k) => (actorCount.get(k) ?? 0) >= minDocs)
        .slice(0, 8)
        .map((k) => byScore(actorName.get(k)!)[0]),
    };
  }
}

/** The text up to the end of the sentence that crosses `chars` (or the whole text when shorter). */
function leadOf(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const stop = text.slice(chars).search(/[.!?。！？]\s|\n/);
  return stop < 0 ? text : text.slice(0, chars + stop + 1);
}

function rangeOfInput(input: StoryInput): DayRange | null {
  const start = dayRangeOf(input.date);
  if (!start || input.dateUntil === undefined) return start;
  const end = dayRangeOf(input.dateUntil);
  return { from: start.from, to: end ? end.to : Number.POSITIVE_INFINITY };
}

let background: { docs: number; df: Map<string, number> } | null = null;

/** Document frequencies of story terms in general news (scripts/build-story-df.ts), read once. */
export function backgroundFrequencies(): { docs: number; df: Map<string, number> } {
  if (background) return background;
  const file = modelPath('story-df.json');
  let parsed: { docs: number; df: Record<string, number> };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as typeof parsed;
  } catch (err) {
    throw new Error(`${file}: cannot read background document frequencies (run scripts/build-story-df.ts): ${(err as Error).message}`);
  }
  if (typeof parsed.docs !== 'number' || typeof parsed.df !== 'object') throw new Error(`${file}: needs "docs" and "df"`);
  background = { docs: parsed.docs, df: new Map(Object.entries(parsed.df)) };
  return background;
}

const DAY_VALUE = /^(\d{4}|XXXX)-(\d{2})-(\d{2})$/;

/** Day-precision TIMEX values as days of the year (and absolute days when the year is known); others are skipped. */
function referredDays(values: readonly string[] | undefined): { dayOfYear: number; absolute: number | null }[] {
  const days: { dayOfYear: number; absolute: number | null }[] = [];
  for (const value of values ?? []) {
    const m = DAY_VALUE.exec(value);
    if (!m) continue;
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    // a leap year, so that every written day has a place on the cycle
    const dayOfYear = Math.round((Date.UTC(2000, month - 1, day) - Date.UTC(2000, 0, 1)) / 86_400_000);
    const absolute = m[1] === 'XXXX' ? null : Math.floor(Date.UTC(Number(m[1]), month - 1, day) / 86_400_000);
    days.push({ dayOfYear, absolute });
  }
  return days;
}

/**
 * True when both articles refer to particular days and no day of one lies within `window` days of a day of the
 * other: with both years known by the calendar, otherwise on the yearly cycle (December 30 is near January 2).
 */
function daysApart(a: IndexedDoc['days'], b: IndexedDoc['days'], window: number): boolean {
  if (a.length === 0 || b.length === 0) return false;
  for (const x of a) {
    for (const y of b) {
      if (x.absolute !== null && y.absolute !== null) {
        if (Math.abs(x.absolute - y.absolute) <= window) return false;
        continue;
      }
      const d = Math.abs(x.dayOfYear - y.dayOfYear);
      if (Math.min(d, 366 - d) <= window) return false;
    }
  }
  return true;
}

const LANGUAGE_BIT: Record<StoryLanguage, number> = { en: 1, ms: 2, zh: 4 };

/** A term-count map as a unit TF-IDF vector (over the terms `keep` accepts, when given). */
function unitVector(counts: Map<string, number>, idf: Map<string, number>, keep?: (term: string) => boolean): Map<string, number> {
  const v = new Map<string, number>();
  let norm = 0;
  for (const [t, c] of counts) {
    if (keep && !keep(t)) continue;
    const w = termWeight(c) * (idf.get(t) ?? 0);
    if (w === 0) continue;
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

function sparseDot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}

/** Sublinear term frequency: the tenth mention of a word says less than the first. */
function termWeight(count: number): number {
  return count > 0 ? 1 + Math.log(count) : 0;
}

function vectorNorm(counts: Map<string, number>, idf: Map<string, number>): number {
  let sum = 0;
  for (const [t, c] of counts) {
    const w = termWeight(c) * (idf.get(t) ?? 0);
    sum += w * w;
  }
  return Math.sqrt(sum);
}

/** Actor names compared without case, possessives or a leading "the". */
export function actorKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A candidate merge of clusters `a` < `b`, valid while both still have the versions it was offered at. */
interface Pair {
  avg: number;
  a: number;
  b: number;
  va: number;
  vb: number;
  /** the cluster whose best merge this is (`a` or `b`) */
  owner: number;
}

/** A binary max-heap of pairs: the highest average first, then the lowest `a`, then the lowest `b`. */
class PairHeap {
  private readonly items: Pair[] = [];

  static before(x: Pair, y: Pair): boolean {
    return x.avg > y.avg || (x.avg === y.avg && (x.a < y.a || (x.a === y.a && x.b < y.b)));
  }

  push(p: Pair): void {
    const h = this.items;
    h.push(p);
    let i = h.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!PairHeap.before(h[i], h[up])) break;
      [h[i], h[up]] = [h[up], h[i]];
      i = up;
    }
  }

  pop(): Pair | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && PairHeap.before(h[l], h[m])) m = l;
        if (r < h.length && PairHeap.before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
