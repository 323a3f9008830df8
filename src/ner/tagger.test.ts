import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { packWeights, readWeights } from './tagger.js';

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
