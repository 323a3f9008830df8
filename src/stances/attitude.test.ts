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

test('objectAfter: a verb alone, or a verb and the phrase its preposition governs, is an object', async () => {
  const { buildDoc } = await import('../text/index.js');
  const { plainArticle } = await import('../model.js');
  const { objectAfter } = await import('./attitude.js');
  const read = (text: string, after: string): string | undefined => {
    const doc = buildDoc(plainArticle(text));
    const lower = doc.tokens.map((t) => text.slice(t.start, t.end).toLowerCase());
    const at = lower.indexOf(after) + 1;
    return objectAfter(doc, lower, at, doc.tokens.length - 1)?.text;
  };
  assert.equal(read('She warned them against participating in the depot vote.', 'against'), 'participating in depot vote');
  assert.equal(read('The council voted to adjourn.', 'to'), 'adjourn');
});
