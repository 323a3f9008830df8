import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore, migrate } from './sqlite.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { storeConformance } from './conformance.js';
import { plainArticle } from '../model.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeConformance('sqlite', async () => new SqliteStore(join(dir, `conformance-${++n}.db`)));

describe('sqlite store', () => {
  it('applies the migrations in order once, records them, and keeps what was stored across opens', async () => {
    const file = join(dir, 'reopen.db');
    const s = new SqliteStore(file);
    assert.deepEqual(s.schemaVersions(), SQLITE_MIGRATIONS.map((m) => m.version));
    assert.equal(s.db.pragma('journal_mode', { simple: true }), 'wal');
    await s.putArticle(plainArticle('Some words here.', 'x1'), [{ stage: 'text', version: 1, data: [1, 2] }], { hash: 'h', path: 'x1.txt', article: 'x1' });
    await s.close();
    const again = new SqliteStore(file);
    assert.deepEqual(again.schemaVersions(), SQLITE_MIGRATIONS.map((m) => m.version));
    assert.deepEqual((await again.article('x1'))?.layers.text.data, [1, 2]);
    assert.equal((await again.search({ query: 'words' })).total, 1);
    await again.close();
  });

  it('applies a later migration to an existing database and refuses one from a newer parallax', () => {
    const db = new Database(join(dir, 'later.db'));
    assert.deepEqual(migrate(db), SQLITE_MIGRATIONS.map((m) => m.version));
    const next = { version: SQLITE_MIGRATIONS.length + 1, name: 'a test column', sql: 'ALTER TABLE articles ADD COLUMN extra TEXT' };
    assert.deepEqual(migrate(db, [...SQLITE_MIGRATIONS, next]), [next.version]);
    assert.deepEqual(migrate(db, [...SQLITE_MIGRATIONS, next]), []);
    assert.throws(() => migrate(db, SQLITE_MIGRATIONS), /newer than this parallax knows/);
    db.close();
  });

  it('names the file when it is not a store', () => {
    const file = join(dir, 'not-a-db.db');
    writeFileSync(file, 'this is not sqlite, just some text long enough to be a header ........');
    assert.throws(() => new SqliteStore(file), (e: Error) => e.message.startsWith(file));
  });
});
