/** The coverage scorers on made-up cases: lean agreement per outlet and per article, and title overlap. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreement, titleF1, type LeanCase } from './coverage.js';

test('lean agreement: an outlet agrees only when all its articles do; unknown outlets counted', () => {
  const c = (outlet: string, published: LeanCase['published'], shown: LeanCase['shown']): LeanCase => ({ story: 's', outlet, published, shown, shown2019: null });
  const cases = [c('A', 'left', 'left'), c('A', 'left', 'left'), c('B', 'center', 'lean left'), c('B', 'center', 'center'), c('C', 'right', null)];
  assert.deepEqual(agreement(cases, (x) => x.shown), { outlets: 3, outletsAgree: 1, articles: 5, articlesAgree: 3, unknownOutlets: 1 });
  assert.equal(agreement(cases, (x) => x.shown2019).unknownOutlets, 3);
});

test('title F1 compares content-word stems', () => {
  assert.equal(titleF1('Council approves budget', 'Budget approved by the council'), 1);
  assert.equal(titleF1('Council approves budget', 'Ferry talks resume'), 0);
  assert.equal(titleF1('Council approves budget plan', 'Council rejects plan'), 2 * 2 / (4 + 3));
});
