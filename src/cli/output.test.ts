import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './errors.js';
import { formatOf, OutputError, openOutput } from './output.js';

test('formatOf: --format, else the extension; an extension the tool does not write is a usage error', () => {
  assert.equal(formatOf(undefined, undefined), 'html');
  assert.equal(formatOf('a/b.md', undefined), 'md');
  assert.equal(formatOf('b.HTM', undefined), 'html');
  assert.equal(formatOf('b.json', 'json'), 'json');
  assert.equal(formatOf(undefined, 'markdown'), 'md');
  assert.equal(formatOf('b.out', 'json'), 'json', 'an explicit format names what an unknown extension holds');
  assert.throws(() => formatOf('x.pdf', undefined), (e: Error) => e instanceof UsageError && /x\.pdf.*\.html, \.json or \.md/.test(e.message));
  assert.throws(() => formatOf('report', undefined), UsageError);
  assert.throws(() => formatOf('x.md', 'json'), /does not match/);
  assert.throws(() => formatOf(undefined, 'jsno'), /did you mean json/);
});

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'parallax-out-'));
}

test('openOutput: a missing folder, a folder, an existing file are refused before any work', () => {
  const dir = tempDir();
  try {
    assert.throws(() => openOutput(join(dir, 'missing', 'x.html'), false), (e: Error) => e instanceof UsageError && /folder .*missing does not exist/.test(e.message) && !e.message.includes('\n'));
    assert.throws(() => openOutput(dir, true), /is a folder/);
    writeFileSync(join(dir, 'old.html'), 'old');
    assert.throws(() => openOutput(join(dir, 'old.html'), false), /already exists; give --force/);
    assert.equal(readFileSync(join(dir, 'old.html'), 'utf8'), 'old');
    assert.deepEqual(readdirSync(dir), ['old.html'], 'no temp file left behind');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('openOutput: commit renames a complete file into place; --force replaces; nothing is left beside it', () => {
  const dir = tempDir();
  try {
    const out = join(dir, 'r.json');
    const file = openOutput(out, false);
    assert.deepEqual(readdirSync(dir), [], 'the check leaves no file behind');
    function* chunks(): Generator<string> {
      yield '{';
      assert.ok(!readdirSync(dir).includes('r.json'), 'the report appears only once it is whole');
      yield '"a": 1';
      yield '}\n';
    }
    file.commit(chunks());
    assert.equal(readFileSync(out, 'utf8'), '{"a": 1}\n');
    openOutput(out, true).commit(['new']);
    assert.equal(readFileSync(out, 'utf8'), 'new');
    openOutput(join(dir, 'gone.md'), false);
    assert.deepEqual(readdirSync(dir), ['r.json']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('openOutput: a failure mid-write keeps the old report whole and removes the temp file', () => {
  const dir = tempDir();
  try {
    const out = join(dir, 'r.html');
    writeFileSync(out, 'the old report');
    function* failing(): Generator<string> {
      yield '<html>half';
      throw new Error('renderer died');
    }
    assert.throws(() => openOutput(out, true).commit(failing()), (e: Error) => e instanceof OutputError && /cannot write .*r\.html: renderer died/.test(e.message));
    assert.equal(readFileSync(out, 'utf8'), 'the old report');
    assert.deepEqual(readdirSync(dir), ['r.html']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
