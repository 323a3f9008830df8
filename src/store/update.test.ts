import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore } from './memory.js';
import { SqliteStore } from './sqlite.js';
import { addToStore, rebuildCauses, refreshCorpus, staleLayers, storedBriefing } from './update.js';
import { analyze } from '../pipeline.js';
import type { Store } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-update-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const md = (published: string, title: string, body: string): string => `---\ntitle: ${title}\noutlet: ${title.split(' ')[0]} Times\npublished: ${published}\n---\n\n${body}\n`;

// Made-up: a ferry strike told by four outlets over three days, a bridge opening years before, a later flood.
const FIRST = [
  { path: 'a.md', data: md('2023-05-02', 'Ferry crews strike over pay', 'Ferry crews in Port Alder walked out on Tuesday over pay, stranding hundreds of passengers, the crews union said. "We have no choice," union leader Mara Velt said.') },
  { path: 'b.md', data: md('2023-05-03', 'Ferry strike strands passengers', 'Hundreds of passengers were stranded in Port Alder as ferry crews went on strike over pay on Tuesday. Mara Velt said the union would not back down.') },
  { path: 'd.md', data: md('2019-08-10', 'New bridge opens in Kelmar', 'A new road bridge over the river opened in Kelmar on Saturday after three years of building work, the council said.') },
];
const SECOND = [
  { path: 'c.md', data: md('2023-05-04', 'Ferry operator offers crews more pay', 'The ferry operator in Port Alder offered striking crews a pay rise of four percent on Thursday. Velt said the union would consider it.') },
  { path: 'e.md', data: md('2024-02-11', 'Floods close Kelmar roads', 'Heavy rain flooded roads across Kelmar on Sunday, and the new bridge was closed for safety, the council said.') },
];

async function snapshot(store: Store) {
  const stories = (await store.stories({ limit: 1000 })).items;
  const sections = Object.fromEntries(await Promise.all(stories.map(async (s) => [s.id, await store.sections(s.id)] as const)));
  return { ids: await store.articleIds(), stories, sections, actors: (await store.actors({ limit: 10_000 })).items };
}

describe('adding to a store', () => {
  it('gives the same stories, actors and sections added in two steps as added at once', async () => {
    const stepwise = new SqliteStore(join(dir, 'steps.db'));
    const first = await addToStore(stepwise, FIRST);
    assert.equal(first.added, 3);
    assert.equal(first.corpus.ran, true);
    const second = await addToStore(stepwise, SECOND);
    assert.equal(second.added, 2);
    // the bridge story grew and the ferry story grew; nothing else exists to keep
    assert.ok(second.corpus.rebuilt >= 1);
    const once = new MemoryStore();
    await addToStore(once, [...FIRST, ...SECOND]);
    const a = await snapshot(stepwise);
    const b = await snapshot(once);
    assert.deepEqual(a.ids, b.ids);
    assert.deepEqual(a.stories, b.stories);
    assert.deepEqual(a.actors, b.actors);
    assert.deepEqual(a.sections, b.sections);
    assert.ok(a.stories.length >= 2);
    for (const s of a.stories) assert.ok(a.sections[s.id], `story ${s.id} has its sections`);
    await stepwise.close();
  });

  it('finishes, on the next run, a refresh stopped between two batches of sections, without redoing the written ones', async () => {
    // Made-up: many one-article stories, so that the sections are written in several batches.
    const many = Array.from({ length: 8 }, (_, i) => ({
      path: `m${i}.md`,
      data: md(`2022-0${1 + (i % 8)}-1${i}`, `Harvest festival ${i} opens`, `The harvest festival number ${i} opened in the town of Brell${'ax'.repeat(i + 1)} on Sunday, organisers said.`),
    }));
    const whole = new MemoryStore();
    await addToStore(whole, many);
    const store = new MemoryStore();
    let calls = 0;
    const put = store.putSections.bind(store);
    // the second write fails, as a killed process would stop there
    store.putSections = async (sections, meta) => {
      if (++calls === 2) throw new Error('killed');
      return put(sections, meta);
    };
    await assert.rejects(addToStore(store, many, { sectionBatch: 2 }), /killed/);
    const written = Object.keys(((await store.meta('corpus')) as { stories: Record<string, string> }).stories).length;
    const again = await refreshCorpus(store, { sectionBatch: 2 });
    assert.equal(again.ran, true);
    assert.equal(again.rebuilt, again.stories - written, 'the stories written before the stop are kept');
    assert.deepEqual(await snapshot(store), await snapshot(whole));
    assert.equal((await refreshCorpus(store)).ran, false);
  });

  it('keeps the sections of a story the new articles do not touch', async () => {
    const store = new MemoryStore();
    await addToStore(store, FIRST);
    const bridge = (await store.search({ query: 'bridge' })).items[0].story as string;
    const before = await store.sections(bridge);
    const report = await addToStore(store, [{ path: 'f.md', data: md('2023-05-05', 'Ferry strike ends', 'Ferry crews in Port Alder ended their strike over pay on Friday after the union accepted the offer, Mara Velt said.') }]);
    assert.equal(report.added, 1);
    assert.ok(report.corpus.rebuilt < report.corpus.stories || report.corpus.stories === 1);
    assert.deepEqual(await store.sections(bridge), before);
  });

  it('rebuilds only the stories whose articles changed when a new article changes an actor they share', async () => {
    // Made-up: a mayor quoted in a bridge story, then named in a later, unrelated story with weaker mentions
    const bridge = { path: 'k.md', data: md('2019-08-10', 'New bridge opens in Kelmar', 'A new road bridge over the river opened in Kelmar on Saturday after three years of building work, Mayor Ilse Dorn said. "It joins the two halves of the town," Ilse Dorn told reporters.') };
    const roof = { path: 'r.md', data: md('2024-11-20', 'Kelmar school roof repaired', 'Builders repaired the roof of the school in Kelmar on Wednesday. Dorn said the work was paid for by the town. The mayor thanked the builders, and Dorn said classes would start again on Monday.') };
    const store = new MemoryStore();
    await addToStore(store, [bridge, FIRST[0]]);
    const [story] = (await store.search({ query: 'bridge' })).items.map((h) => h.story as string);
    const before = await store.sections(story);
    const mayor = async () => (await store.actor('ilse-dorn'))?.actor;
    const was = await mayor();
    const report = await addToStore(store, [roof]);
    // the mayor's corpus-wide figures changed (more mentions, a lower mean confidence) ...
    assert.ok(was && (await mayor()) && (await mayor())!.aliases.length > was.aliases.length);
    assert.notEqual((await mayor())!.confidence, was.confidence);
    // ... but the bridge story's articles did not: only the new story is built
    assert.equal(report.corpus.stories, 3);
    assert.equal(report.corpus.rebuilt, 1);
    assert.deepEqual(report.corpus.rebuiltBecause, { new: 1 });
    assert.deepEqual(await store.sections(story), before);
    const briefing = (await storedBriefing(store, story)) as { actors: { id: string; confidence: number }[] };
    assert.equal(briefing.actors.find((a) => a.id === 'ilse-dorn')?.confidence, was.confidence, 'the story counts its own mentions');
  });

  it('keeps the sections of a story whose actor the corpus linker renames from another story, and links it anew', async () => {
    // Made-up: a mayor named by surname only in a bridge story; a later, unrelated story gives her full name,
    // and the corpus linker then takes the surname for the full name (a new corpus id for the same mentions)
    const bridge = { path: 'k.md', data: md('2019-08-10', 'New bridge opens in Kelmar', 'A new road bridge over the river opened in Kelmar on Saturday after three years of building work. Mayor Dorn said the bridge joins the two halves of the town. "It was worth the wait," Dorn told reporters.') };
    const roof = { path: 'r.md', data: md('2024-11-20', 'Kelmar school roof repaired', 'Builders repaired the roof of the school in Kelmar on Wednesday. Mayor Ilse Dorn said the work was paid for by the town.') };
    const store = new MemoryStore();
    await addToStore(store, [bridge]);
    const [story] = (await store.stories()).items.map((s) => s.id);
    const before = (await store.sections(story)) as { actors: { id: string }[]; actorLinks: Record<string, string | null> };
    assert.deepEqual(before.actorLinks, { dorn: 'dorn' });
    const report = await addToStore(store, [roof]);
    assert.equal(report.corpus.rebuilt, 1, 'only the new story is built');
    assert.equal(report.corpus.relinked, 1);
    const after = (await store.sections(story)) as typeof before;
    const corpusId = after.actorLinks.dorn;
    assert.ok(corpusId && corpusId !== 'dorn' && (await store.actor(corpusId)), 'the story actor links to the renamed corpus actor');
    assert.deepEqual({ ...after, actorLinks: null }, { ...before, actorLinks: null }, 'the sections themselves are kept');
    // and the same as adding both at once
    const once = new MemoryStore();
    await addToStore(once, [bridge, roof]);
    assert.deepEqual(await snapshot(store), await snapshot(once));
  });

  it('names the parts of a story key that changed, and a story with no key recorded as new', () => {
    assert.deepEqual(rebuildCauses(undefined, 'a.b.c.d'), ['new']);
    // a key of an older parallax (one digest): nothing to compare part by part
    assert.deepEqual(rebuildCauses('0123', 'a.b.c.d'), ['new']);
    assert.deepEqual(rebuildCauses('a.b.c.d', 'a.x.c.y'), ['duplicates', 'links']);
    assert.deepEqual(rebuildCauses('a.b.c.d', 'a.b.c.d'), []);
  });

  it('analyses each input once: the same bytes again are skipped and reported, and the corpus is not rerun', async () => {
    const store = new MemoryStore();
    await addToStore(store, FIRST);
    const again = await addToStore(store, FIRST);
    assert.equal(again.added, 0);
    assert.equal(again.skipped, 3);
    assert.match(again.events[0].reason ?? '', /already in the store/);
    assert.equal(again.corpus.ran, false);
    // the same text under another name is the same article: recorded, not analysed twice
    const renamed = await addToStore(store, [{ path: 'copy-of-a.md', data: FIRST[0].data }]);
    assert.equal(renamed.skipped, 1);
    assert.equal((await store.articleIds()).length, 3);
  });

  it('reports a bad input with its path and reason and adds the rest', async () => {
    const store = new MemoryStore();
    const report = await addToStore(store, [{ path: 'broken.jsonl', data: '{"title": "x"}\n{not json\n' }, FIRST[0], join(dir, 'missing.txt')]);
    assert.equal(report.added, 1);
    const failed = report.events.filter((e) => e.outcome === 'failed');
    assert.ok(failed.some((e) => e.path === 'broken.jsonl' && e.reason));
    assert.ok(failed.some((e) => e.path.endsWith('missing.txt') && /no such file/.test(e.reason ?? '')));
  });

  it('rebuilds only the layers of a stage whose version changed', async () => {
    const store = new MemoryStore();
    await addToStore(store, FIRST);
    const id = (await store.articleIds())[0];
    const stored = await store.article(id);
    const said = stored?.layers.saidwhen;
    assert.ok(said);
    // as if the layer had been written by an older saidwhen
    await store.putLayers(id, [{ ...said, version: said.version - 1 + 100 }]);
    assert.deepEqual(await staleLayers(store), [{ stage: 'saidwhen', version: said.version + 99, articles: 1 }]);
    const text = stored?.layers.text;
    const report = await refreshCorpus(store);
    assert.equal(report.layersRebuilt, 1);
    assert.deepEqual(await staleLayers(store), []);
    const after = await store.article(id);
    assert.deepEqual(after?.layers.saidwhen, said);
    assert.deepEqual(after?.layers.text, text);
  });

  it('builds, for the one story of an input, the sections analyze gives for that input', async () => {
    const ferry = [FIRST[0], FIRST[1], SECOND[0]];
    const store = new MemoryStore();
    await addToStore(store, ferry);
    const { items } = await store.stories();
    assert.equal(items.length, 1, 'three tellings of one strike are one story');
    // the sections joined with the story's corpus-level fields (key terms, background links), as `briefing` reads them
    const stored = JSON.parse(JSON.stringify(await storedBriefing(store, items[0].id)));
    const oneShot = JSON.parse(JSON.stringify(await analyze(ferry)));
    // the same article ids, stories, actors and sections; only the inputs count differs (the store counts articles)
    delete stored.stats;
    delete oneShot.stats;
    // and, in the store, the corpus actor each of the story's actors is: here, with one story, itself
    assert.deepEqual(stored.actorLinks, Object.fromEntries(oneShot.actors.map((a: { id: string }) => [a.id, a.id])));
    delete stored.actorLinks;
    assert.deepEqual(stored, oneShot);
  });
});
