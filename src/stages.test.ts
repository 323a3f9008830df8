import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE_STAGES, STAGES, checkStages, type Stage } from './stages.js';
import { RAW_LAYER, runArticle, workFromLayers } from './pipeline.js';
import type { Layer } from './store/types.js';
import type { RawArticle } from './model.js';
import { unknown } from './model.js';

const raw: RawArticle = {
  source: { path: 'made-up.txt', format: 'text' },
  raw: 'PORT ALDER — Ferry crews walked out on Tuesday over pay, union leader Mara Velt said.\n\n"We have no choice," Velt told reporters on Tuesday.',
  meta: { title: unknown() },
};

test('the stage list is sound: unique names, every need provided earlier, article stages first', () => {
  assert.deepEqual(checkStages(), []);
  assert.ok(STAGES.some((s) => s.level === 'article') && STAGES.some((s) => s.level === 'corpus'));
});

test('checkStages finds a need no earlier stage provides, a repeated name and an article stage after a corpus one', () => {
  const [clean, language] = STAGES as Stage[];
  const actors = STAGES.find((s) => s.name === 'actors') as Stage;
  assert.deepEqual(checkStages([language, clean]), ['stage language needs article, which no earlier stage provides']);
  assert.match(checkStages([clean, clean]).join('\n'), /listed twice/);
  assert.match(checkStages([...ARTICLE_STAGES, actors, language]).join('\n'), /article stage language comes after a corpus stage/);
});

test('an article read back from its serialised layers is the document the stages built, with nothing run again', () => {
  const done = runArticle(raw, {});
  assert.ok(!('error' in done));
  assert.deepEqual(done.layers.map((l) => l.stage), [RAW_LAYER, ...ARTICLE_STAGES.map((s) => s.name)]);
  for (const l of done.layers.slice(1)) assert.equal(l.version, ARTICLE_STAGES.find((s) => s.name === l.stage)?.version);
  const stored: Record<string, Layer> = JSON.parse(JSON.stringify(Object.fromEntries(done.layers.map((l) => [l.stage, l]))));
  const back = workFromLayers(stored, {});
  assert.deepEqual(back.rebuilt, []);
  assert.deepEqual(back.work.doc, JSON.parse(JSON.stringify(done.work.doc)));
  assert.deepEqual(back.work.said, JSON.parse(JSON.stringify(done.work.said)));
  assert.ok((back.work.said?.quotes.length ?? 0) > 0, 'the made-up article has a quote');
});

test('a stale layer is rebuilt with the stages that need what it provides, and only those', () => {
  const done = runArticle(raw, {});
  assert.ok(!('error' in done));
  const stored: Record<string, Layer> = JSON.parse(JSON.stringify(Object.fromEntries(done.layers.map((l) => [l.stage, l]))));
  stored.published.version = 0;
  const back = workFromLayers(stored, {});
  const needsPublished = ARTICLE_STAGES.filter((s) => s.needs.includes('published')).map((s) => s.name);
  const rebuilt = back.rebuilt.map((l) => l.stage);
  assert.deepEqual(rebuilt.slice(0, 1), ['published']);
  for (const name of needsPublished) assert.ok(rebuilt.includes(name), `${name} needs published`);
  assert.ok(!rebuilt.includes('clean') && !rebuilt.includes('language'));
  assert.deepEqual(back.work.doc, JSON.parse(JSON.stringify(done.work.doc)));
});

test('an article a stage cannot read gives an error with its path, not an exception', () => {
  const done = runArticle({ ...raw, raw: '   \n\n  ' }, {});
  assert.ok('error' in done);
  assert.equal(done.error.path, 'made-up.txt');
  assert.match(done.error.reason, /no article body/);
});
