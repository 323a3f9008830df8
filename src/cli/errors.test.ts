import { test } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean, unknownChoice } from './errors.js';

test('didYouMean: the closest choice for a slip, nothing for a different word', () => {
  assert.equal(didYouMean('nerr', ['ner', 'quotes']), 'ner');
  assert.equal(didYouMean('jsno', ['html', 'json', 'md']), 'json');
  assert.equal(didYouMean('analzye', ['analyze', 'eval']), 'analyze');
  assert.equal(didYouMean('pdf', ['html', 'json', 'md']), null);
  assert.equal(didYouMean('QUOTES', ['ner', 'quotes']), 'quotes');
});

test('unknownChoice: one line naming the value, the hint and the choices', () => {
  assert.equal(unknownChoice('format', 'jsno', ['html', 'json', 'md']).message, 'unknown format "jsno" (did you mean json?); choose html, json or md');
  assert.equal(unknownChoice('task', 'xyz', ['ner']).message, 'unknown task "xyz"; choose ner');
});
