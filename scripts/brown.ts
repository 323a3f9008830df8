/**
 * Brown clustering (Brown et al. 1992) with Liang's window (Liang 2005, `wcluster`): words taken in order of
 * frequency; the `C` most frequent start as clusters of their own; each next word enters as one more cluster and
 * the pair of clusters whose merge loses the least mutual information between adjacent clusters is merged; once
 * every word is in, the last `C` clusters are merged down to one, and that binary tree gives each cluster its
 * bit path. Words of one final cluster share a path; prefixes of the path are coarser clusters.
 *
 * The loss of every pair is kept in a table and updated incrementally after each merge (O(C²) a merge), so
 * the whole run is O(V·C²). Deterministic: ties go to the lower pair of slots.
 */

/**
 * Bit paths of the `vocabSize` words (vocabulary indices in order of decreasing frequency) from token
 * sequences of vocabulary indices, where -1 marks a word outside the vocabulary (no bigram across it).
 * `onProgress` is called every 1000 words.
 */
export function brownClusters(
  sequences: readonly Int32Array[],
  vocabSize: number,
  C: number,
  onProgress: (done: number) => void = () => {},
): string[] {
  // word unigram counts and bigram lists (next and previous words with counts)
  const unigram = new Float64Array(vocabSize);
  const nextMaps: Map<number, number>[] = Array.from({ length: vocabSize }, () => new Map());
  let N = 0;
  for (const seq of sequences) {
    for (let i = 0; i < seq.length; i++) {
      const w = seq[i];
      if (w < 0) continue;
      unigram[w]++;
      if (i + 1 < seq.length && seq[i + 1] >= 0) {
        const m = nextMaps[w];
        m.set(seq[i + 1], (m.get(seq[i + 1]) ?? 0) + 1);
        N++;
      }
    }
  }
  const prevMaps: Map<number, number>[] = Array.from({ length: vocabSize }, () => new Map());
  for (let w = 0; w < vocabSize; w++) for (const [v, c] of nextMaps[w]) prevMaps[v].set(w, c);
  const total = unigram.reduce((a, b) => a + b, 0);
  // marginals as bigram-sized counts, so that p(a) and p(a, b) are on one scale
  for (let w = 0; w < vocabSize; w++) unigram[w] *= N / total;

  const S = Math.min(C, vocabSize) + 1; // slots: C clusters and one for the word entering
  const n = new Float64Array(S); // cluster counts
  const P = new Float64Array(S * S); // bigram counts between clusters, P[a * S + b]: a then b
  const Q = new Float64Array(S * S); // mutual-information terms of P
  const L = new Float64Array(S * S); // L[a * S + b], a < b: change in mutual information if a and b merge
  const active = new Uint8Array(S);
  const slotOf = new Int32Array(vocabSize).fill(-1);
  const node = new Int32Array(S); // the tree node a slot's cluster is
  const members: number[][] = Array.from({ length: S }, () => []);
  const q = (nab: number, na: number, nb: number): number => (nab > 0 ? (nab / N) * Math.log((nab * N) / (na * nb)) : 0);
  const setQ = (a: number, b: number): void => {
    Q[a * S + b] = q(P[a * S + b], n[a], n[b]);
  };

  /** The terms of L(a, b) that involve cluster d (d not a or b): merged a+b against d, minus a and b against d. */
  const termWith = (a: number, b: number, d: number): number => {
    const nu = n[a] + n[b];
    return (
      q(P[a * S + d] + P[b * S + d], nu, n[d]) +
      q(P[d * S + a] + P[d * S + b], n[d], nu) -
      Q[a * S + d] - Q[d * S + a] - Q[b * S + d] - Q[d * S + b]
    );
  };
  /** L(a, b) computed from scratch, O(C). */
  const fullLoss = (a: number, b: number): number => {
    const nu = n[a] + n[b];
    let l = q(P[a * S + a] + P[a * S + b] + P[b * S + a] + P[b * S + b], nu, nu) - Q[a * S + a] - Q[b * S + b] - Q[a * S + b] - Q[b * S + a];
    for (let d = 0; d < S; d++) if (active[d] && d !== a && d !== b) l += termWith(a, b, d);
    return l;
  };

  /** Puts word w into the free slot s as a cluster of its own. */
  const addWord = (w: number, s: number): void => {
    active[s] = 1;
    slotOf[w] = s;
    members[s] = [w];
    n[s] = unigram[w];
    for (let d = 0; d < S; d++) P[s * S + d] = P[d * S + s] = 0;
    for (const [v, c] of nextMaps[w]) if (slotOf[v] >= 0) P[s * S + slotOf[v]] += c;
    for (const [v, c] of prevMaps[w]) if (slotOf[v] >= 0 && v !== w) P[slotOf[v] * S + s] += c;
    for (let d = 0; d < S; d++) {
      if (!active[d]) continue;
      setQ(s, d);
      setQ(d, s);
    }
  };
  /** After slot s got its cluster: the other pairs' losses gain the terms with s, and pairs with s are computed. */
  const enter = (s: number): void => {
    for (let a = 0; a < S; a++) {
      if (!active[a] || a === s) continue;
      for (let b = a + 1; b < S; b++) if (active[b] && b !== s) L[a * S + b] += termWith(a, b, s);
    }
    for (let d = 0; d < S; d++) if (active[d] && d !== s) L[Math.min(s, d) * S + Math.max(s, d)] = fullLoss(Math.min(s, d), Math.max(s, d));
  };
  let nodes = 0;
  const children: [number, number][] = [];
  /** Merges the best pair: returns the slot freed. */
  const mergeBest = (): number => {
    let best = -Infinity;
    let ba = -1;
    let bb = -1;
    for (let a = 0; a < S; a++) {
      if (!active[a]) continue;
      for (let b = a + 1; b < S; b++) {
        if (active[b] && L[a * S + b] > best) {
          best = L[a * S + b];
          ba = a;
          bb = b;
        }
      }
    }
    // the other pairs lose their terms with a and b ...
    for (let c = 0; c < S; c++) {
      if (!active[c] || c === ba || c === bb) continue;
      for (let e = c + 1; e < S; e++) if (active[e] && e !== ba && e !== bb) L[c * S + e] -= termWith(c, e, ba) + termWith(c, e, bb);
    }
    // ... the merged cluster takes slot a ...
    for (let d = 0; d < S; d++) {
      if (d === ba || d === bb) continue;
      P[ba * S + d] += P[bb * S + d];
      P[d * S + ba] += P[d * S + bb];
    }
    P[ba * S + ba] += P[ba * S + bb] + P[bb * S + ba] + P[bb * S + bb];
    n[ba] += n[bb];
    active[bb] = 0;
    for (let d = 0; d < S; d++) P[bb * S + d] = P[d * S + bb] = 0;
    for (const w of members[bb]) slotOf[w] = ba;
    members[ba].push(...members[bb]);
    members[bb] = [];
    for (let d = 0; d < S; d++) {
      if (!active[d]) continue;
      setQ(ba, d);
      setQ(d, ba);
    }
    // ... and they gain the terms with it
    for (let c = 0; c < S; c++) {
      if (!active[c] || c === ba) continue;
      for (let e = c + 1; e < S; e++) if (active[e] && e !== ba) L[c * S + e] += termWith(c, e, ba);
    }
    for (let d = 0; d < S; d++) if (active[d] && d !== ba) L[Math.min(ba, d) * S + Math.max(ba, d)] = fullLoss(Math.min(ba, d), Math.max(ba, d));
    return bb;
  };

  // 1. the window: the C most frequent words, then each next word in and the best pair merged
  const first = Math.min(S - 1, vocabSize);
  for (let w = 0; w < first; w++) addWord(w, w);
  for (let a = 0; a < first; a++) for (let b = a + 1; b < first; b++) L[a * S + b] = fullLoss(a, b);
  let free = first < S ? first : -1;
  for (let w = first; w < vocabSize; w++) {
    addWord(w, free);
    enter(free);
    free = mergeBest();
    if ((w + 1) % 1000 === 0) onProgress(w + 1);
  }
  // 2. the hierarchy over the last clusters
  for (let s = 0; s < S; s++) node[s] = active[s] ? nodes++ : -1;
  const leafOf = new Int32Array(S).fill(-1);
  const leafMembers = members.map((m) => [...m]);
  for (let s = 0; s < S; s++) if (active[s]) leafOf[s] = node[s];
  let remaining = active.reduce((a, b) => a + b, 0);
  while (remaining > 1) {
    let best = -Infinity;
    let ba = -1;
    let bb = -1;
    for (let a = 0; a < S; a++) {
      if (!active[a]) continue;
      for (let b = a + 1; b < S; b++) if (active[b] && L[a * S + b] > best) (best = L[a * S + b]), (ba = a), (bb = b);
    }
    const left = node[ba];
    const right = node[bb];
    const freed = mergeBest();
    if (freed !== bb) throw new Error('brown: merge order changed');
    children[nodes] = [left, right];
    node[ba] = nodes++;
    remaining--;
  }
  // paths: from the root down, 0 to the left, 1 to the right
  const pathOfNode = new Map<number, string>();
  const stack: [number, string][] = [[nodes - 1, '']];
  while (stack.length) {
    const [id, path] = stack.pop()!;
    const ch = children[id];
    if (ch) {
      stack.push([ch[0], path + '0'], [ch[1], path + '1']);
    } else pathOfNode.set(id, path || '0');
  }
  const paths = new Array<string>(vocabSize).fill('0');
  for (let s = 0; s < S; s++) {
    if (leafOf[s] < 0) continue;
    const path = pathOfNode.get(leafOf[s]) ?? '0';
    for (const w of leafMembers[s]) paths[w] = path;
  }
  return paths;
}
