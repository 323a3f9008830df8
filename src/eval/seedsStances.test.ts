import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Stance, StanceMatrix } from '../model.js';
import { contentWords, scoreStances } from './seedsStances.js';

// Made-up holders and propositions: the rule is tested, not a score on any data set.
const span = { article: 'a', start: 0, end: 1 };
function stance(speaker: string, polarity: Stance['polarity'], proposition: string): Stance {
  return {
    holder: { speaker, actor: null, country: null, organisation: null, group: speaker, groupName: speaker },
    proposition, polarity, cue: span, trigger: span, evidence: span, quote: null, method: 'test', confidence: 0.5,
  };
}
const matrix: StanceMatrix = {
  holders: [],
  propositions: [
    { id: 'p1', predicate: 'target', agent: null, partner: null, text: 'the canal toll' },
    { id: 'p2', predicate: 'target', agent: null, partner: null, text: 'the depot closure' },
  ],
  cells: [],
};
const actors = [{ id: 'marsh', name: 'Elena Marsh', aliases: ['Marsh'] }];

test('seeds stances: holder by name, polarity, and a shared content word with the gold proposition', () => {
  const gold = [
    { proposition: 'The canal toll should be raised', holder: 'marsh', polarity: 'support' },
    { proposition: 'The depot should close', holder: 'marsh', polarity: 'oppose' },
  ];
  const r = scoreStances(gold, actors, [stance('Marsh', 'support', 'p1'), stance('Marsh', 'support', 'p2'), stance('Marsh', 'oppose', 'p2')], matrix);
  assert.equal(r.found, 1, r.misses.join('; '));
  assert.match(r.misses[0], /opposite polarity/);
  assert.deepEqual([...contentWords('The canal tolls should be raised')].sort(), ['canal', 'raised', 'toll']);
});
