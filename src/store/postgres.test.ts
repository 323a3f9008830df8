import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { PostgresStore, migratePostgres, toTsquery, tsvectorLiteral } from './postgres.js';
import { POSTGRES_MIGRATIONS } from './pg-migrations.js';
import { storeConformance } from './conformance.js';
import { parseSearch } from './search.js';
import { freshSchema, testPg } from './pgtest.js';
import { plainArticle } from '../model.js';
import { openStore } from './index.js';

describe('postgres search terms', () => {
  it('builds a tsquery from the shared parse: phrases, prefixes, AND, OR, NOT', () => {
    assert.equal(toTsquery(parseSearch('"the union" strik* OR café NOT x')), "((('the' <-> 'union') & 'strik':*) | ('cafe' & !'x'))");
    assert.equal(toTsquery(parseSearch("o'neil")), "('o' <-> 'neil')");
  });
  it('builds a tsvector with the title first and a gap before the text, diacritics removed', () => {
    assert.equal(tsvectorLiteral('Café', 'A café'), "'cafe':1,4 'a':3");
  });
});

const pgEnv = testPg();
if ('skip' in pgEnv) {
  it('postgres store', { skip: pgEnv.skip }, () => {});
} else {
  const url = pgEnv.url;
  storeConformance('postgres', async () => PostgresStore.open(await freshSchema(url)));

  describe('postgres store', () => {
    it('migrates once under concurrent opens, keeps what was stored, and refuses a newer schema', async () => {
      const u = await freshSchema(url);
      const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(u)));
      assert.deepEqual(await stores[0].schemaVersions(), POSTGRES_MIGRATIONS.map((m) => m.version));
      await stores[1].putArticle(plainArticle('Some words here.', 'x1'), [{ stage: 'text', version: 1, data: [1, 2] }], { hash: 'h', path: 'x1.txt', article: 'x1' });
      await Promise.all(stores.map((s) => s.close()));
      const again = await openStore(u);
      assert.equal(again.kind, 'postgres');
      assert.deepEqual((await again.article('x1'))?.layers.text.data, [1, 2]);
      assert.equal((await again.search({ query: 'words' })).total, 1);
      await again.close();
      const pool = new pg.Pool({ connectionString: u });
      const next = { version: POSTGRES_MIGRATIONS.length + 1, name: 'a test column', sql: 'ALTER TABLE articles ADD COLUMN extra TEXT' };
      assert.deepEqual(await migratePostgres(pool, [...POSTGRES_MIGRATIONS, next]), [next.version]);
      await assert.rejects(() => migratePostgres(pool, POSTGRES_MIGRATIONS), /newer than this parallax knows/);
      await pool.end();
    });

    it('names the server, without its password, when it cannot connect', async () => {
      await assert.rejects(() => openStore('postgres://me:secret@127.0.0.1:1/none'), (e: Error) => e.message.startsWith('postgres://me:…@127.0.0.1:1/none: cannot open the store') && !e.message.includes('secret'));
    });
  });
}
