import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locate, nameKey, scoreFile, table, totals } from './briefing.js';

test('nameKey compares names up to case, U+00A0, a leading "the" and a trailing period', () => {
  assert.equal(nameKey('the Fifth\u00a0 Circuit'), 'fifth circuit');
  assert.equal(nameKey('Jan.'), 'jan');
  assert.equal(nameKey('O’Neill'), "o'neill");
});

test('locate finds every occurrence, exactly or up to spaces, quotes and dashes', () => {
  assert.deepEqual(locate('a b a', 'a'), [[0, 1], [4, 5]]);
  assert.deepEqual(locate('said\u00a0“no” – twice', 'said "no" - twice'), [[0, 17]]);
  assert.deepEqual(locate('abc', 'x'), []);
});

/** A made-up story of two articles, its gold (string and offset forms) and a hand-written briefing. */
function fixture(): { dir: string; gold: string; predictions: string } {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-briefing-eval-'));
  const t0 = 'Mayor Ann Lee said the bridge will close on Monday. The council voted for the plan.';
  const t1 = 'Lee announced the closure. Critics called it a mistake.';
  mkdirSync(join(dir, 'stories'));
  writeFileSync(join(dir, 'stories', '1.jsonl'), [t0, t1].map((text, i) => JSON.stringify({ title: `t${i}`, outlet: `Outlet ${i}`, published: '2030-03-06', text })).join('\n') + '\n');
  const at = (text: string, s: string): { at: [number, number] } => ({ at: [text.indexOf(s), text.indexOf(s) + s.length] });
  mkdirSync(join(dir, 'gold'));
  const gold = join(dir, 'gold', '1.json');
  writeFileSync(
    gold,
    JSON.stringify({
      id: 1,
      input: '../stories/1.jsonl',
      actors: [
        { name: 'Ann Lee', type: 'PER', aliases: ['Lee', 'Mayor Ann Lee'] },
        { name: 'council', type: 'ORG', aliases: [] },
      ],
      not_actors: ['Monday'],
      quotes: [{ article: 0, speaker: 'Ann Lee', kind: 'indirect', content: at(t0, 'the bridge will close on Monday') }],
      shared_facts: [{ fact: 'the bridge closes', evidence: { 0: 'the bridge will close', 1: at(t1, 'the closure') } }],
      conflicts: [],
      framing: [],
      stances: [{ article: 0, holder: 'council', polarity: 'support', target: 'the plan', evidence: 'voted for the plan' }],
      times: [{ article: 0, text: 'Monday', value: '2030-03-04' }],
      unattributed_opinion: [],
    }),
  );
  const art = (id: string, text: string, record: number) => ({
    id,
    source: { path: 'x', record, format: 'jsonl' },
    meta: { outlet: { value: `Outlet ${record}`, method: 'test', confidence: 1 } },
    text,
    quotes: [] as unknown[],
    times: [] as unknown[],
  });
  const a0 = art('a0', t0, 0);
  const a1 = art('a1', t1, 1);
  const span = (a: { id: string; text: string }, s: string) => ({ article: a.id, start: a.text.indexOf(s), end: a.text.indexOf(s) + s.length });
  a0.quotes = [{ kind: 'indirect', cue: span(a0, 'said'), content: [span(a0, 'the bridge will close')], source: span(a0, 'Mayor Ann Lee'), antecedent: null, speaker: 'lee' }];
  a0.times = [{ span: span(a0, 'Monday'), text: 'Monday', value: '2030-03-11' }];
  const alias = (a: { id: string; text: string }, s: string) => ({ span: span(a, s), text: s, kind: 'name' });
  const briefing = {
    articles: [a0, a1],
    actors: [
      { id: 'lee', name: 'Ann Lee', type: 'PERSON', aliases: [alias(a0, 'Mayor Ann Lee')] },
      { id: 'lee-2', name: 'Lee', type: 'ORG', aliases: [alias(a1, 'Lee')] },
      { id: 'monday', name: 'Monday', type: 'MISC', aliases: [alias(a0, 'Monday')] },
    ],
    claims: [{ kind: 'agree', evidence: [{ span: span(a0, 'the bridge will close on Monday.') }, { span: span(a1, 'Lee announced the closure.') }] }],
    stances: [{ holder: { speaker: 'The council', actor: null, groupName: 'The council' }, polarity: 'support', cue: null, trigger: span(a0, 'voted'), evidence: span(a0, 'The council voted for the plan.') }],
    summary: { sentences: [] },
    framing: { groups: [], rows: [] },
  };
  const predictions = join(dir, 'pred');
  mkdirSync(predictions);
  writeFileSync(join(predictions, '1.json'), JSON.stringify(briefing));
  return { dir, gold, predictions };
}

test('a briefing is scored section by section against gold given as strings and as offsets', async () => {
  const { gold, predictions } = fixture();
  const s = await scoreFile(gold, predictions);
  assert.equal(s.error, undefined);
  // two predicted actors for Ann Lee: one matches, one is a duplicate; "Monday" is a not_actor
  assert.deepEqual([s.actors.tp, s.actors.pred, s.actors.gold, s.actors.duplicates, s.actors.notActorHits], [1, 3, 2, 1, 1]);
  assert.deepEqual([s.actors.typeRight, s.actors.typed], [1, 1]);
  assert.deepEqual(s.quotesSpeaker, { tp: 1, pred: 1, gold: 1 });
  assert.deepEqual(s.facts, { found: 1, gold: 1, agreements: 1 });
  // a described holder matches by its words ("council" in "The council")
  assert.deepEqual(s.stances, { tp: 1, pred: 1, gold: 1, missed: [], spurious: [] });
  // the Monday was found, with the wrong value
  assert.deepEqual([s.times.right, s.times.matched, s.times.gold], [0, 1, 1]);
  assert.equal(totals([s]).actors.tp, 1);
});

test('a section absent from a partial gold file is not scored; an empty list is scored as "none"', async () => {
  const { dir, gold, predictions } = fixture();
  const full = JSON.parse(readFileSync(gold, 'utf8'));
  const partial = join(dir, 'gold', 'partial.json');
  // only stances annotated, and an empty opinion list; the same predictions as the full gold
  writeFileSync(partial, JSON.stringify({ id: 1, input: full.input, actors: full.actors, stances: full.stances, framing: [] }));
  const s = await scoreFile(partial, predictions);
  assert.deepEqual(s.stances, { tp: 1, pred: 1, gold: 1, missed: [], spurious: [] });
  assert.deepEqual(s.quotesSpeaker, { tp: 0, pred: 0, gold: 0 });
  assert.deepEqual([s.times.right, s.times.matched, s.times.gold], [0, 0, 0]);
  assert.deepEqual(s.facts, { found: 0, gold: 0, agreements: 0 });
  assert.equal(s.framing.gold, 0);
  // the actors section is present, so it is scored as in the full gold
  assert.equal(s.actors.tp, 1);
});

test('a gold file with a bad offset is reported with the file and the reason', async () => {
  const { dir, predictions } = fixture();
  const bad = join(dir, 'gold', 'bad.json');
  writeFileSync(bad, JSON.stringify({ id: 1, input: '../stories/1.jsonl', times: [{ article: 0, text: { at: [5, 9999] }, value: '2030' }] }));
  const s = await scoreFile(bad, predictions);
  assert.match(s.error ?? '', /bad\.json: times\[0\]\.text: offsets \[5, 9999\] outside article 0/);
  const missing = await scoreFile(bad, join(dir, 'pred-none'));
  assert.match(missing.error ?? '', /pred-none.*cannot read the predicted briefing/);
});

test("a story's errors are listed only when asked: a held-back set is scored without showing them", async () => {
  const { gold, predictions } = fixture();
  const s = await scoreFile(gold, predictions);
  assert.ok(s.actors.spurious.length > 0);
  const quiet = table([s], totals([s]), 'gold');
  const loud = table([s], totals([s]), 'gold', true);
  assert.ok(!quiet.includes('not in gold'), quiet);
  assert.ok(loud.includes(`story ${s.id}:`) && loud.includes('actors not in gold'), loud);
});

test('a gold file whose input points into the shared data finds it under PARALLAX_SHARED when the relative path is not there', async () => {
  const { storyInput } = await import('./briefing.js');
  const root = mkdtempSync(join(tmpdir(), 'shared-'));
  mkdirSync(join(root, 'eval', 'stories'), { recursive: true });
  writeFileSync(join(root, 'eval', 'stories', '7.jsonl'), '{"outlet":"A","text":"x"}\n');
  const before = process.env.PARALLAX_SHARED;
  process.env.PARALLAX_SHARED = root;
  try {
    const file = join(mkdtempSync(join(tmpdir(), 'gold-')), 'g', '7.json');
    assert.equal(storyInput(file, '../../../shared/eval/stories/7.jsonl'), join(root, 'eval', 'stories', '7.jsonl'));
    // not in the shared data either: the relative path, for the "not found" error
    assert.equal(storyInput(file, '../../../shared/eval/stories/8.jsonl'), join(file, '..', '../../../shared/eval/stories/8.jsonl'));
  } finally {
    if (before === undefined) delete process.env.PARALLAX_SHARED;
    else process.env.PARALLAX_SHARED = before;
  }
});
