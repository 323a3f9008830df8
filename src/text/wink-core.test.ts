import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readWinkCore } from './wink-core.js';

const require = createRequire(import.meta.url);

test("readWinkCore: the same core model as wink-eng-lite-web-model's own core()", () => {
  const ours = readWinkCore();
  assert.notEqual(ours, null, 'the model file was not found where the installed package keeps it');
  const theirs = (require('wink-eng-lite-web-model') as { core: () => unknown }).core();
  assert.deepStrictEqual(ours, theirs);
});

test('readWinkCore: every call gives a fresh copy (wink grows the lexicon of the one it holds)', () => {
  const a = readWinkCore() as { features: { lexeme: { list: string[] } } };
  const b = readWinkCore() as { features: { lexeme: { list: string[] } } };
  assert.notEqual(a.features.lexeme.list, b.features.lexeme.list);
  a.features.lexeme.list.push('a made-up word');
  assert.equal(b.features.lexeme.list.length + 1, a.features.lexeme.list.length);
});
