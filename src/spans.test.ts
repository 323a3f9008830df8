import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstAtOrAfter, rangeAt, RangeIndex } from './spans.js';

const range = fc.tuple(fc.nat(60), fc.nat(15)).map(([start, length]) => ({ start, end: start + length }));

test('RangeIndex answers as a scan of the list would, in list order, for ranges that overlap and nest', () => {
  fc.assert(
    fc.property(fc.array(range, { maxLength: 30 }), range, (ranges, q) => {
      const index = new RangeIndex(ranges);
      const positions = ranges.map((_, i) => i);
      assert.deepEqual(index.overlapping(q.start, q.end), positions.filter((i) => ranges[i].start < q.end && ranges[i].end > q.start));
      assert.deepEqual(index.containing(q.start, q.end), positions.filter((i) => ranges[i].start <= q.start && q.end <= ranges[i].end));
    }),
    { seed: 18, numRuns: 500 },
  );
});

test('firstAtOrAfter and rangeAt: binary search over sorted items and sentences', () => {
  const sentences = [
    { start: 0, end: 10 },
    { start: 11, end: 20 },
    { start: 20, end: 31 },
  ];
  assert.equal(firstAtOrAfter(sentences, (s) => s.start, 11), 1);
  assert.equal(firstAtOrAfter(sentences, (s) => s.start, 12), 2);
  assert.equal(firstAtOrAfter(sentences, (s) => s.start, 40), 3);
  assert.deepEqual([0, 9, 10, 11, 20, 30, 31].map((o) => rangeAt(sentences, o)), [0, 0, -1, 1, 2, 2, -1]);
});
