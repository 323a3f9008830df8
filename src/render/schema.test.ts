/**
 * The committed JSON Schema is the one the types give: `scripts/build-schema.ts --check` regenerates it from
 * src/model.ts and fails on any difference, so a change to the briefing's types that is not carried into
 * schema/briefing.schema.json (or a hand edit of the schema) fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { packageRoot } from '../paths.js';

test('schema/briefing.schema.json is generated from the types of src/model.ts', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-schema.ts', '--check'], { cwd: packageRoot, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});
