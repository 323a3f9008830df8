/**
 * Every entry of package.json's `exports` (`parallax`, `parallax/text`, `parallax/ner` ...) points at a built
 * file that loads and exports what its stage offers. Needs `dist/` (built by `npm ci` through `prepare`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from './paths.js';

const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { exports: Record<string, string | { types: string; default: string }> };
const built = existsSync(join(packageRoot, 'dist', 'index.js'));

/** What each subpath must export at least: one named function a user would reach for. */
const EXPECTED: [string, string][] = [
  ['.', 'analyze'],
  ['./ingest', 'ingest'],
  ['./clean', 'cleanArticle'],
  ['./text', 'buildDoc'],
  ['./ner', 'findMentions'],
  ['./actors', 'linkActors'],
  ['./kb', 'lookupActor'],
  ['./quotes', 'findQuotes'],
  ['./time', 'extractTimes'],
  ['./stories', 'groupStories'],
  ['./stances', 'analyseStances'],
  ['./events', 'codeSentence'],
  ['./compare', 'compareOutlets'],
  ['./coverage', 'acrossStories'],
  ['./summary', 'summarize'],
  ['./render', 'renderHtml'],
];

test('package exports: every subpath loads from dist/ and offers its stage', { skip: built ? false : 'dist/ not built (npm run build)' }, async () => {
  for (const [subpath, name] of EXPECTED) {
    const entry = pkg.exports[subpath];
    assert.ok(entry && typeof entry === 'object', `${subpath} is exported`);
    const file = join(packageRoot, entry.default);
    assert.ok(existsSync(file), `${subpath}: ${entry.default} exists`);
    assert.ok(existsSync(join(packageRoot, entry.types)), `${subpath}: ${entry.types} exists`);
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    assert.equal(typeof mod[name], 'function', `${subpath} exports ${name}`);
  }
  assert.ok(existsSync(join(packageRoot, pkg.exports['./schema'] as string)), 'the schema is shipped');
  const listed = new Set(EXPECTED.map(([s]) => s));
  for (const subpath of Object.keys(pkg.exports)) if (subpath !== './schema') assert.ok(listed.has(subpath), `${subpath} is checked here`);
});
