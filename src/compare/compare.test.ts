import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFramingTerms, logOddsContrast, storyPrior } from './framing.js';
import { framingLexicon, quotationRegions, stem } from './text.js';
import { matchOutlet, outletRegistry } from '../outlets/index.js';

test('outlet registry has at least 100 outlets and matches names, aliases and domains', () => {
  assert.ok(outletRegistry().entries.length >= 100);
  const cases: [string | null, string | null, string, string][] = [
    ['Reuters', null, 'Reuters', 'registry:name'],
    [null, 'https://www.bbc.co.uk/news/x', 'BBC', 'registry:domain'],
    ['AFP', null, 'Agence France-Presse', 'registry:alias'],
    ['Harbour Gazette', null, 'Harbour Gazette', 'meta:outlet'],
  ];
  for (const [outlet, url, key, method] of cases) {
    const p = matchOutlet({ id: 'x', outlet, url });
    assert.equal(p.key, key);
    assert.equal(p.method, method);
  }
});

test('framing terms keep their modifiers; capitalised name parts are not labels', () => {
  const cases: [string, string[]][] = [
    ['Talks with foreign-backed rebel groups began.', ['foreign-backed rebel groups']],
    ['A body of armed and political opponents met.', ['armed and political opponents']],
    ['He joined the Free Harbour Front yesterday.', []],
    ['Her opposition to the plan grew.', []],
  ];
  for (const [text, labels] of cases) assert.deepEqual(findFramingTerms('a', text, 0, text.length).map((h) => h.label), labels, text);
});

test('quotation regions and stems', () => {
  assert.deepEqual(quotationRegions('He said "no way" today.'), [[8, 16]]);
  assert.equal(stem('invited'), stem('invitation'));
});

test('log-odds contrast favours each outlet\'s own words', () => {
  const [a, b] = logOddsContrast([new Map([['regime', 6], ['talks', 3]]), new Map([['government', 6], ['talks', 3]])], 50);
  assert.ok((a.get('regime') ?? 0) > 0 && (b.get('government') ?? 0) > 0);
});

test('the log-odds prior scales with the story: a small story shows its few distinctive words', () => {
  // Two outlets of ~200 own-voice words each, one word used six times by one only.
  const shared = (): Map<string, number> => new Map(Array.from({ length: 50 }, (_, i) => [`word${i}`, 4]));
  const a = shared().set('regime', 6);
  const b = shared().set('government', 6);
  const prior = storyPrior([a, b], 500, 0.1);
  assert.ok(prior > 1 && prior < 500, `prior ${prior}`);
  assert.equal(storyPrior([new Map([['x', 100_000]])], 500, 0.1), 500, 'large stories keep the configured strength');
  const scaled = logOddsContrast([a, b], prior)[0].get('regime') ?? 0;
  const fixed = logOddsContrast([a, b], 500)[0].get('regime') ?? 0;
  assert.ok(scaled > fixed, `scaled ${scaled} vs fixed ${fixed}`);
  assert.ok(scaled >= framingLexicon().contrast.minZ, `z ${scaled} below the threshold`);
  assert.ok((logOddsContrast([a, b], prior)[0].get('word1') ?? 0) < 0.5, 'a word both use is not distinctive');
});
