import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readWinkCore, winkModel } from './wink-core.js';

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

test("winkModel: the package's model object, every part but core the package's own", () => {
  const ours = winkModel() as Record<string, unknown> | null;
  assert.notEqual(ours, null, 'the package is not laid out as this loader expects');
  const theirs = require('wink-eng-lite-web-model') as Record<string, unknown>;
  assert.deepEqual(Object.keys(ours ?? {}).sort(), Object.keys(theirs).sort());
  for (const key of Object.keys(theirs)) {
    if (key === 'core') assert.equal(ours?.core, readWinkCore);
    else if (key === 'addons') assert.deepStrictEqual(ours?.addons, theirs.addons);
    else assert.equal(ours?.[key], theirs[key], key);
  }
});
