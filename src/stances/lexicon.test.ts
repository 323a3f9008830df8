import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchLength, matchesAt, phraseTokens, stanceLexicon } from './lexicon.js';

test('matchLength: a gap takes the fewest words, up to four, never across a clause break', () => {
  const p = phraseTokens('threw _ support behind');
  assert.equal(matchLength(phraseTokens('threw support behind it'), 0, p, 4), 3);
  assert.equal(matchLength(phraseTokens('threw her full support behind it'), 0, p, 6), 5);
  assert.equal(matchLength(phraseTokens('threw a b c d e support behind'), 0, p, 8), -1, 'five words is too wide a gap');
  assert.equal(matchLength(phraseTokens('threw them , and support behind'), 0, p, 6), -1, 'a comma ends the clause');
  assert.equal(matchLength(phraseTokens('voted against'), 0, phraseTokens('voted against'), 1), -1, 'the match stops at `to`');
  assert.equal(matchesAt(phraseTokens('threw his support behind'), 0, p), false, 'matchesAt is for plain patterns');
});

test('stance lexicon: gapped phrases, agent nominals, catenatives and directives are read from the data', () => {
  const lex = stanceLexicon();
  const has = (kind: string, phrase: string): boolean => lex.cues.some((c) => c.kind === kind && c.pattern.join(' ') === phrase);
  assert.ok(has('phrase', 'advised _ against'));
  assert.ok(has('agent', 'criticism from'));
  assert.ok(lex.catenatives.has('trying') && lex.directives.has('urged'));
  assert.ok(lex.planNouns.has('proposal') && lex.proposeVerbs.has('announced'));
  assert.ok(lex.cues.filter((c) => c.kind === 'verb').length > 700, 'hundreds of verbs in all their forms');
});
