/**
 * Property-based fuzzing of ingest: whatever a folder holds, every input is either read or reported failed
 * with its reason (read + failed = inputs), and nothing throws or hangs. The CI tier draws thousands of inputs
 * (PARALLAX_FUZZ_RUNS), `npm test` a few hundred; the seed is fixed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ingest } from './index.js';
import { FUZZ_SEED, fuzzRuns, hostileFile } from './hostile.fuzz.js';

test('fuzz ingest: every input read or failed with a reason; nothing thrown', { timeout: 20 * 60_000 }, async (t) => {
  let generated = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(hostileFile, { minLength: 1, maxLength: 4 }), async (files) => {
      const sources = files.map((f, i) => ({ path: `in${i}/${f.name}`, data: f.data }));
      generated += files.length;
      const { articles, errors, inputs } = await ingest(sources, {});
      assert.equal(articles.length + errors.length, inputs, 'read + failed = inputs');
      assert.ok(inputs >= files.length, 'each file is at least one input');
      for (const e of errors) {
        assert.ok(sources.some((s) => s.path === e.path), `an error names its input: ${e.path}`);
        assert.ok(e.reason.trim().length > 0, 'an error has a reason');
        assert.ok(!e.reason.includes(e.path), `the reason does not repeat the path: ${e.reason}`);
      }
      for (const a of articles) assert.ok(a.raw.trim().length > 0, 'an article read has text');
    }),
    { seed: FUZZ_SEED, numRuns: fuzzRuns(0.95, 200), endOnFailure: true },
  );
  t.diagnostic(`fuzz: ingest read ${generated} generated inputs`);
});
