/**
 * For tests that need PostgreSQL: the server named by `PARALLAX_TEST_PG` (a URL; scripts/pg-cluster.sh
 * starts one), a fresh schema of its own per store, and the skip rule: without the variable these tests skip
 * with a printed reason, except where CI requires them (`CI` set and `PARALLAX_REQUIRE_PG=1`), where they fail.
 */
import pg from 'pg';

/** The test server's URL, or a skip reason; throws where PostgreSQL is required and absent. */
export function testPg(): { url: string } | { skip: string } {
  const url = process.env.PARALLAX_TEST_PG;
  if (url) return { url };
  if (process.env.CI && process.env.PARALLAX_REQUIRE_PG === '1') {
    throw new Error('PARALLAX_TEST_PG is not set, and CI requires the PostgreSQL tests (PARALLAX_REQUIRE_PG=1)');
  }
  const reason = 'PostgreSQL tests skipped: PARALLAX_TEST_PG is not set (dir=$(mktemp -d); export PARALLAX_TEST_PG=$(scripts/pg-cluster.sh start "$dir"))';
  process.stderr.write(`${reason}\n`);
  return { skip: reason };
}

let counter = 0;

/** A new, empty schema on the server at `url`; returns a URL whose connections use it (search_path). */
export async function freshSchema(url: string, prefix = 't'): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${name}`);
  } finally {
    await client.end();
  }
  // %20, not the '+' URLSearchParams writes: libpq (psql) reads '+' literally
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${name}`)}`;
}
