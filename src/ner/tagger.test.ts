import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { gazetteerPhrases } from '../kb/index.js';
import { modelPath } from '../paths.js';
import { GAZ_CLASSES } from './features.js';
import { buildGazetteer, keptRows, packWeights, readGazetteerLists, readWeights, sparseRows } from './tagger.js';

const made = (): Int16Array => {
  const w = new Int16Array(1000);
  w[0] = 5;
  w[3] = -7;
  w[998] = 32767;
  w[999] = -32768;
  return w;
};

test('packWeights/readWeights: the sparse form gives back the same array, and so does the gzip form', () => {
  const w = made();
  assert.equal(packWeights(w).length, 4 + 4 * 6);
  assert.deepEqual(readWeights('x', packWeights(w), w.length, 'sparse'), w);
  assert.deepEqual(readWeights('x', gzipSync(Buffer.from(w.buffer)), w.length, 'gzip'), w);
  assert.deepEqual(readWeights('x', packWeights(new Int16Array(10)), 10, 'sparse'), new Int16Array(10));
});

test('readWeights: a sparse file that does not fit the header is refused, naming the file', () => {
  const bytes = packWeights(made());
  assert.throws(() => readWeights('models/x.bin', bytes, 999, 'sparse'), /models\/x\.bin: weight index 999/);
  assert.throws(() => readWeights('models/x.bin', bytes.subarray(0, bytes.length - 1), 1000, 'sparse'), /models\/x\.bin: \d+ bytes, not a sparse/);
  const swapped = Buffer.from(bytes);
  swapped.writeUInt32LE(3, 4); // index 0 → 3: the same as the next one
  assert.throws(() => readWeights('models/x.bin', swapped, 1000, 'sparse'), /out of order/);
});

test('buildGazetteer: the lazy table answers as one Map of every phrase and one Set of every prefix would', () => {
  const lists = [...gazetteerPhrases(), ...readGazetteerLists(modelPath('ner-gazetteers.tsv'))];
  const phrases = new Map<string, number>();
  const prefixes = new Set<string>();
  let maxTokens = 1;
  for (const [cls, set] of lists) {
    const bit = 1 << GAZ_CLASSES.indexOf(cls as (typeof GAZ_CLASSES)[number]);
    for (const phrase of set) {
      const p = phrase.startsWith('the ') ? phrase.slice(4) : phrase;
      const tokens = p.split(' ').length;
      if (tokens > 6) continue;
      maxTokens = Math.max(maxTokens, tokens);
      phrases.set(p, (phrases.get(p) ?? 0) | bit);
      for (let k = p.indexOf(' '); k > 0; k = p.indexOf(' ', k + 1)) prefixes.add(p.slice(0, k));
    }
  }
  const lazy = buildGazetteer('ner-gazetteers.tsv');
  assert.equal(lazy.maxTokens, maxTokens);
  for (const [p, bits] of phrases) assert.equal(lazy.phrases.get(p), bits, p);
  for (const p of prefixes) assert.ok(lazy.prefixes?.has(p), p);
  // keys that are neither: a made-up word, a phrase with a word too many, a phrase cut inside a word
  const [somePhrase] = [...phrases.keys()].filter((p) => p.includes(' '));
  for (const key of ['zzqx vorblat', `${somePhrase} zzqx`, somePhrase.slice(0, -1)]) {
    assert.equal(lazy.phrases.get(key), phrases.get(key), key);
    assert.equal(lazy.prefixes?.has(key), prefixes.has(key), key);
  }
});

test('keptRows/sparseRows: only the rows with a non-zero weight, in order, and the same from either form', () => {
  const w = made(); // rows of 10: 0 (5 and -7), 99 (32767 and -32768)
  const kept = keptRows(w, 10);
  assert.equal(kept.weights.length, 20);
  assert.deepEqual([...kept.rowIndex].filter((r) => r >= 0), [0, 1]);
  assert.equal(kept.rowIndex[0], 0);
  assert.equal(kept.rowIndex[99], 1);
  assert.equal(kept.rowIndex[50], -1);
  assert.deepEqual([...kept.weights.subarray(0, 4)], [5, 0, 0, -7]);
  assert.deepEqual([...kept.weights.subarray(18)], [32767, -32768]);
  assert.deepEqual(sparseRows('x', packWeights(w), w.length, 10), kept);
  assert.throws(() => sparseRows('models/x.bin', packWeights(w), 999, 9), /models\/x\.bin: weight index 999/);
});
