import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameObject, singular } from './attitude.js';

test('sameObject and singular: head noun plus a content word', () => {
  const cases: [string, string[], string, string[], boolean][] = [
    ['offer', ['revised', 'pay'], 'offer', ['pay'], true],
    ['offer', [], 'offer', ['final'], true],
    ['offer', ['pay'], 'offer', ['land'], false],
    ['plan', ['crane'], 'programme', ['crane'], false],
  ];
  for (const [h1, m1, h2, m2, want] of cases) assert.equal(sameObject({ head: h1, modifiers: m1 }, { head: h2, modifiers: m2 }), want, `${h1} ${m1} / ${h2} ${m2}`);
  assert.deepEqual(['plans', 'policies', 'process', 'bus'].map(singular), ['plan', 'policy', 'process', 'bus']);
});
