import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { evaluate, scoreSnippets, shinglePR, shingles } from './extract.js';

const snippetCases: [string, string[], string[], { tp: number; fn: number; fp: number }][] = [
  ['The body\n  text here.', ['body text'], ['Subscribe'], { tp: 1, fn: 0, fp: 0 }],
  ['Body. Subscribe now', ['missing'], ['Subscribe'], { tp: 0, fn: 1, fp: 1 }],
  ['', ['a'], ['b'], { tp: 0, fn: 1, fp: 0 }],
];
for (const [text, withS, withoutS, want] of snippetCases) {
  test(`scoreSnippets(${JSON.stringify(text)})`, () => assert.deepEqual(scoreSnippets(text, withS, withoutS), want));
}

const shingleCases: [string, string, { p: number; r: number }][] = [
  ['a b c d e', 'a b c d e', { p: 1, r: 1 }],
  ['a b c d e', 'a b c d', { p: 1, r: 0.5 }],
  ['a b c d', 'a b c d x y z w', { p: 0.2, r: 1 }],
  ['a b c d', '', { p: 0, r: 0 }],
  ['', '', { p: 1, r: 1 }],
];
for (const [truth, predicted, want] of shingleCases) {
  test(`shinglePR(${JSON.stringify(truth)}, ${JSON.stringify(predicted)})`, () => assert.deepEqual(shinglePR(truth, predicted), want));
}

test('shingles are a multiset of Unicode word 4-grams', () => {
  assert.deepEqual([...shingles('Één, twee; drie vier. Één twee drie vier').entries()].find(([k]) => k === 'Één twee drie vier'), ['Één twee drie vier', 2]);
});

const PAGE = (body: string): string =>
  `<html><head><title>T</title></head><body><nav>Menu Login Register</nav><article>${body}</article><footer>All rights reserved</footer></body></html>`;
const BODY = '<p>' + 'The river rose steadily through the night and the town council opened two shelters for families. '.repeat(5) + '</p>';

test('evaluate: Zyte format on a built dataset', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-extract-'));
  try {
    mkdirSync(join(dir, 'html'));
    writeFileSync(join(dir, 'html', 'p1.html.gz'), gzipSync(PAGE(BODY)));
    writeFileSync(join(dir, 'ground-truth.json'), JSON.stringify({ p1: { articleBody: BODY.replace(/<\/?p>/g, ''), url: 'https://x.example/1' } }));
    const { result, table } = await evaluate({ data: dir });
    assert.equal(result.task, 'extract');
    assert.equal(result.items, 1);
    assert.ok((result.f1 as number) > 0.95, table);
    assert.equal((result.baseline as { name: string }).name, '@mozilla/readability');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('evaluate: trafilatura format on a built dataset', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-extract-'));
  try {
    mkdirSync(join(dir, 'html'));
    writeFileSync(join(dir, 'html', 'a.html.gz'), gzipSync(PAGE(BODY)));
    writeFileSync(join(dir, 'evaldata.json'), JSON.stringify({ 'https://x.example/a': { file: 'a.html.gz', with: ['opened two shelters'], without: ['All rights reserved', 'Menu Login'] } }));
    const { result } = await evaluate({ data: dir });
    assert.deepEqual({ p: result.p, r: result.r, f1: result.f1 }, { p: 1, r: 1, f1: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('evaluate: a folder in neither format is a clear error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-extract-'));
  try {
    await assert.rejects(evaluate({ data: dir }), /neither trafilatura's data/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
