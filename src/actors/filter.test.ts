import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorFeatures, actorScores, checkActorFilter, dropActors, FEATURES, loadActorFilter, type ActorFilterModel } from './filter.js';
import { analyze } from '../pipeline.js';
import { FICTIONAL_A, FICTIONAL_B, actorNamed } from './fixture.js';
import type { Briefing } from '../model.js';

const story = (actorFilter?: boolean): Promise<Briefing> =>
  analyze(
    [
      { path: 'a.txt', data: FICTIONAL_A },
      { path: 'b.txt', data: FICTIONAL_B },
    ],
    actorFilter === undefined ? {} : { actorFilter },
  );

const feature = (row: number[], name: (typeof FEATURES)[number]): number => row[FEATURES.indexOf(name)];

test('features: one vector per actor in FEATURES order; a speaker speaks, a place after "in" locates', async () => {
  const b = await story(false);
  const rows = actorFeatures(b);
  assert.equal(rows.length, b.actors.length);
  for (const r of rows) {
    assert.equal(r.length, FEATURES.length);
    assert.ok(r.every(Number.isFinite));
  }
  const person = b.actors.findIndex((a) => /Varnholt/.test(a.name));
  assert.ok(person >= 0);
  assert.equal(feature(rows[person], 'type:PERSON'), 1);
  assert.equal(feature(rows[person], 'speaks'), 1);
  assert.equal(feature(rows[person], 'has-role'), 1);
  const copenhagen = b.actors.findIndex((a) => a.name === 'Copenhagen');
  if (copenhagen >= 0) assert.equal(feature(rows[copenhagen], 'locating-share'), 1);
});

test('dropping an actor keeps the words and nulls every link to it', async () => {
  const b = await story(false);
  const speaker = b.articles.flatMap((a) => a.quotes ?? []).find((q) => q.speaker)?.speaker as string;
  assert.ok(speaker, 'the fictional story has a linked speaker');
  const kept = dropActors(b, new Set([speaker]));
  assert.equal(kept.actors.length, b.actors.length - 1);
  assert.ok(!kept.actors.some((a) => a.id === speaker));
  const quotes = kept.articles.flatMap((a) => a.quotes ?? []);
  const before = b.articles.flatMap((a) => a.quotes ?? []);
  assert.equal(quotes.length, before.length);
  assert.ok(quotes.every((q) => q.speaker !== speaker));
  // the source span (the words naming the speaker) stays
  before.forEach((q, i) => assert.deepEqual(quotes[i].source, q.source));
  for (const s of kept.stances ?? []) assert.notEqual(s.holder.actor, speaker);
  for (const s of kept.stances ?? []) assert.notEqual(s.holder.group, speaker);
  for (const e of kept.events ?? []) for (const side of [e.source, e.target]) assert.notEqual(side?.actor, speaker);
  for (const t of kept.timeline ?? []) assert.notEqual(t.speaker, speaker);
  const groups = new Set((kept.matrix?.holders ?? []).map((h) => h.group));
  for (const c of kept.matrix?.cells ?? []) assert.ok(groups.has(c.holder), `cell holder ${c.holder} is a matrix row`);
  // nothing to drop: the same object back
  assert.equal(dropActors(b, new Set()), b);
});

test('a dropped stance holder keyed its matrix row: the row becomes a described holder, cells follow', async () => {
  const b = await story(false);
  const stance = (b.stances ?? []).find((s) => s.holder.actor && s.holder.group === s.holder.actor);
  assert.ok(stance, 'the fictional story has a stance whose matrix row is its holder actor');
  const id = stance.holder.actor as string;
  const kept = dropActors(b, new Set([id]));
  const words = `described:${(stance.holder.speaker as string).toLowerCase()}`;
  const after = (kept.stances ?? []).filter((s) => s.holder.speaker === stance.holder.speaker);
  assert.ok(after.length > 0);
  for (const s of after) {
    assert.equal(s.holder.actor, null);
    assert.equal(s.holder.group, words);
  }
  const groups = (kept.matrix?.holders ?? []).map((h) => h.group);
  assert.ok(groups.includes(words));
  assert.ok(!groups.includes(id));
  assert.ok((kept.matrix?.cells ?? []).every((c) => c.holder !== id && groups.includes(c.holder)));
  assert.equal(kept.matrix?.holders.length, b.matrix?.holders.length);
});

test('the pipeline drops what a filter rejects, and keeps every actor with the filter off', async () => {
  const all = await story(false);
  const model = loadActorFilter();
  assert.ok(model, 'models/actor-filter.json is there');
  const scores = actorScores(model, all);
  const rejected = all.actors.filter((_, i) => scores[i] < model.threshold).map((a) => a.id);
  const filtered = await story();
  assert.deepEqual(
    filtered.actors.map((a) => a.id),
    all.actors.filter((a) => !rejected.includes(a.id)).map((a) => a.id),
  );
  const ids = new Set(filtered.actors.map((a) => a.id));
  for (const q of filtered.articles.flatMap((a) => a.quotes ?? [])) if (q.speaker) assert.ok(ids.has(q.speaker));
  for (const s of filtered.stances ?? []) if (s.holder.actor) assert.ok(ids.has(s.holder.actor));
});

test('a model of other features is refused with the reason', () => {
  const model = loadActorFilter() as ActorFilterModel;
  assert.deepEqual(checkActorFilter(model, 'm.json'), model);
  assert.throws(() => checkActorFilter({ ...model, features: model.features.slice(1) }, 'm.json'), /m\.json: trained on other features/);
  assert.throws(() => checkActorFilter({ ...model, weights: model.weights.slice(1) }, 'm.json'), /m\.json: "weights" needs/);
  assert.throws(() => checkActorFilter({ ...model, threshold: 'high' }, 'm.json'), /m\.json: "bias" and "threshold"/);
  assert.throws(() => checkActorFilter(null, 'm.json'), /m\.json/);
  assert.deepEqual(actorScores(model, { actors: [], articles: [] }), []);
});

test('a person who speaks scores above a capitalised common word named once', async () => {
  const b = await analyze([
    {
      path: 'c.txt',
      data: `Mayor Tomas Ekwall said on Tuesday that the city would close the old harbour bridge.
"The bridge is no longer safe," Ekwall told reporters. Ekwall said repairs would take a year.
Residents of Lindqvist Bay had asked for the closure, and the Harbour Market nearby will stay open.`,
    },
  ], { actorFilter: false });
  const model = loadActorFilter() as ActorFilterModel;
  const scores = actorScores(model, b);
  const mayor = b.actors.findIndex((a) => /Ekwall/.test(a.name));
  assert.ok(mayor >= 0);
  for (let i = 0; i < b.actors.length; i++) if (i !== mayor) assert.ok(scores[mayor] >= scores[i], `${b.actors[mayor].name} vs ${b.actors[i].name}`);
  assert.ok(actorNamed(b.actors, /Ekwall/));
});
