import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCommand, briefingCommand, reanalyseCommand, searchCommand, storiesCommand, StoreUsageError, type CommandIO } from './commands.js';
import { writeTestCorpus } from './testcorpus.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-commands-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'corpus.db');

function capture(): CommandIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (s) => (out += s), err: (s) => (err += s), stdout: () => out, stderr: () => err };
}

describe('store commands', () => {
  before(async () => {
    writeTestCorpus(join(dir, 'articles'), 8);
    const io = capture();
    assert.equal(await addCommand({ paths: [join(dir, 'articles')], db }, io), 0);
    assert.match(io.stderr(), /8 articles added, 0 skipped, 0 failed; .* holds 8 articles in \d+ stor/);
  });

  it('add reports what it skips, and a missing path as failed (exit 3) while the rest is kept', async () => {
    const io = capture();
    assert.equal(await addCommand({ paths: [join(dir, 'articles'), join(dir, 'nope.txt')], db }, io), 3);
    assert.match(io.stderr(), /000\.md: skipped: already in the store/);
    assert.match(io.stderr(), /nope\.txt: no such file/);
  });

  it('stories lists the stories and, with --json, ends with one JSON object', async () => {
    const io = capture();
    assert.equal(await storiesCommand({ db, json: true }, io), 0);
    const lines = io.stdout().trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1]);
    assert.equal(last.articles, 8);
    assert.equal(last.stories.length, last.total);
    assert.ok(last.stories.every((s: { id: string; size: number }) => lines.some((l) => l.startsWith(s.id)) && s.size >= 1));
    assert.equal(last.stories.reduce((n: number, s: { size: number }) => n + s.size, 0), 8);
  });

  it('briefing writes the largest story, or a named one, and refuses an unknown one', async () => {
    const io = capture();
    assert.equal(await briefingCommand({ largest: true, format: 'json', db }, io), 0);
    const largest = JSON.parse(io.stdout());
    assert.equal(largest.schema, 'parallax/briefing');
    const out = join(dir, 'one.md');
    assert.equal(await briefingCommand({ story: largest.story.id, format: 'md', out, db }, capture()), 0);
    assert.match(readFileSync(out, 'utf8'), /^# /);
    const bad = capture();
    assert.equal(await briefingCommand({ story: 'story-nope', format: 'html', db }, bad), 1);
    assert.match(bad.stderr(), /no story "story-nope"/);
  });

  it('search finds phrases with filters, and a malformed query is a usage error', async () => {
    const io = capture();
    assert.equal(await searchCommand({ query: 'union OR council', db, json: true }, io), 0);
    const last = JSON.parse(io.stdout().trim().split('\n').pop() as string);
    assert.ok(last.total > 0);
    assert.ok(last.hits.every((h: { snippet: string }) => /union|council/i.test(h.snippet)));
    const none = capture();
    await searchCommand({ query: 'union', from: '2030-01-01', db, json: true }, none);
    assert.equal(JSON.parse(none.stdout().trim()).total, 0);
    await assert.rejects(() => searchCommand({ query: '"open', db }, capture()), StoreUsageError);
    await assert.rejects(() => searchCommand({ query: 'x', from: 'May 1', db }, capture()), StoreUsageError);
  });

  it('reanalyse with nothing changed rebuilds nothing', async () => {
    const io = capture();
    assert.equal(await reanalyseCommand({ db }, io), 0);
    assert.match(io.stderr(), /0 layers rebuilt, 0 stories rebuilt \(everything was current\)/);
  });

  it('names a file that is not a store', async () => {
    const io = capture();
    assert.equal(await storiesCommand({ db: join(dir, 'articles', '000.md') }, io), 1);
    assert.match(io.stderr(), /000\.md: not a parallax store/);
  });
});
