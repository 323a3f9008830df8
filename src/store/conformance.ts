/**
 * The store conformance suite: one set of tests every `Store` implementation must pass (as hono runs one suite
 * against every adapter). A store's test file calls `storeConformance('sqlite', factory)`; the factory gives
 * a fresh, empty store each time.
 *
 * @example
 * ```ts
 * storeConformance('memory', async () => new MemoryStore());
 * ```
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, ActorAlias, Article, Story } from '../model.js';
import { known, plainArticle, unknown } from '../model.js';
import type { JobRecord, Layer, SourceRecord, Store } from './types.js';

function article(id: string, text: string, meta: { title?: string; outlet?: string; published?: string } = {}): Article {
  return plainArticle(text, id, {
    title: meta.title ? known(meta.title, 'test', 1) : unknown(),
    outlet: meta.outlet ? known(meta.outlet, 'test', 1) : unknown(),
    published: meta.published ? known({ value: meta.published }, 'test', 1) : unknown(),
    language: known('en', 'test', 1),
  });
}

function source(a: Article, hash = `hash-${a.id}`): SourceRecord {
  return { hash, path: `${a.id}.txt`, article: a.id };
}

function layers(a: Article, version = 1): Layer[] {
  return [
    { stage: 'text', version, data: { sentences: [{ start: 0, end: a.text.length, paragraph: 0 }] } },
    { stage: 'saidwhen', version: 2, data: { quotes: [], times: [{ text: 'Monday', value: null }] } },
  ];
}

function alias(articleId: string, start: number, text: string): ActorAlias {
  return { span: { article: articleId, start, end: start + text.length }, text, kind: 'name', method: 'test', confidence: 1 };
}

function actor(id: string, name: string, type: Actor['type'], aliases: ActorAlias[]): Actor {
  return { id, name, type, aliases, role: unknown(), country: unknown(), organisation: unknown(), codes: [], method: 'test', confidence: 1 };
}

function story(id: string, articles: string[], range: [string, string] | null, title = `Story ${id}`): Story {
  return {
    id,
    articles,
    title: known(title, 'test', 1),
    dateRange: range ? { from: range[0], to: range[1] } : null,
    keyActors: [],
    keyTerms: [],
    background: [],
  };
}

/** A small corpus: five articles in three outlets, two actors, three stories. */
const A = article('a1', 'The port workers began a strike on Monday. Their union called it fair.', { title: 'Dockers strike', outlet: 'Daily Planet', published: '2020-03-02' });
const B = article('a2', 'Ministers met the union. The strike at the harbour continued into Tuesday.', { title: 'Talks at the harbour', outlet: 'Evening Star', published: '2020-03-03' });
const C = article('a3', 'A new café opened. Its crème brûlée is famous; the owner, Zoë al-Masri, said so.', { title: 'Café opens', outlet: 'Daily Planet', published: '2021-07-10' });
const D = article('a4', 'Striking dockers returned to work after the union accepted the offer.', { title: 'Strike ends', outlet: 'Evening Star', published: '2020-03-09' });
const E = article('a5', 'An undated note about nothing in particular.', {});

const UNION = actor('union', 'The Union', 'ORG', [alias('a1', A.text.indexOf('union'), 'union'), alias('a2', B.text.indexOf('union'), 'union'), alias('a4', D.text.indexOf('union'), 'union'), alias('a4', 0, 'Striking')]);
const ZOE = actor('zoe-al-masri', 'Zoë al-Masri', 'PERSON', [alias('a3', C.text.indexOf('Zoë'), 'Zoë al-Masri')]);
const STORIES = [story('s-strike', ['a1', 'a2', 'a4'], ['2020-03-02', '2020-03-09']), story('s-cafe', ['a3'], ['2021-07-10', '2021-07-10']), story('s-note', ['a5'], null)];

async function filled(make: () => Promise<Store>): Promise<Store> {
  const s = await make();
  for (const a of [A, B, C, D, E]) await s.putArticle(a, layers(a), source(a));
  await s.commitCorpus({ actors: [UNION, ZOE], stories: STORIES, sections: new Map([['s-strike', { summary: { sentences: ['x'] } }]]), meta: { corpus: { articles: 5 } } });
  return s;
}

async function using(make: () => Promise<Store>, fill: boolean, body: (s: Store) => Promise<void>): Promise<void> {
  const s = fill ? await filled(make) : await make();
  try {
    await body(s);
  } finally {
    await s.close();
  }
}

const ids = (items: { id: string }[]) => items.map((x) => x.id);

export function storeConformance(name: string, make: () => Promise<Store>): void {
  describe(`store conformance: ${name}`, () => {
    it('keeps an article with its layers, versions and source, as given', () =>
      using(make, false, async (s) => {
        await s.putArticle(A, layers(A), source(A));
        const got = await s.article('a1');
        assert.ok(got);
        assert.deepEqual(got.article, JSON.parse(JSON.stringify(A)));
        assert.deepEqual(got.layers.text, layers(A)[0]);
        assert.equal(got.layers.saidwhen.version, 2);
        assert.deepEqual(
          { ...got.summary, seq: 0 },
          { id: 'a1', title: 'Dockers strike', outlet: 'Daily Planet', published: '2020-03-02', language: 'en', path: 'a1', story: null, seq: 0 },
        );
        assert.deepEqual(await s.source('hash-a1'), { hash: 'hash-a1', path: 'a1.txt', article: 'a1' });
        assert.equal(await s.source('nothing'), null);
        assert.equal(await s.article('nope'), null);
      }));

    it('records a source that gave an already stored article, with its record number', () =>
      using(make, true, async (s) => {
        await s.putSource({ hash: 'h2', path: 'feed.jsonl', record: 3, article: 'a2' });
        assert.deepEqual(await s.source('h2'), { hash: 'h2', path: 'feed.jsonl', record: 3, article: 'a2' });
      }));

    it('stores an article again in place: same position, new layers, new words searchable, old ones gone', () =>
      using(make, true, async (s) => {
        const seq = (await s.article('a2'))?.summary.seq;
        const changed = article('a2', 'Ferry crews joined the walkout.', { title: 'Ferries', outlet: 'Evening Star', published: '2020-03-04' });
        await s.putArticle(changed, [{ stage: 'text', version: 3, data: { n: 1 } }], source(changed, 'hash-a2b'));
        const got = await s.article('a2');
        assert.equal(got?.summary.seq, seq);
        assert.deepEqual(Object.keys(got?.layers ?? {}), ['text']);
        assert.equal(got?.article.text, 'Ferry crews joined the walkout.');
        assert.deepEqual(ids((await s.search({ query: 'walkout' })).items), ['a2']);
        assert.deepEqual(ids((await s.search({ query: 'ministers' })).items), []);
        assert.deepEqual(await s.articleIds(), ['a1', 'a2', 'a3', 'a4', 'a5']);
      }));

    it('replaces only the layers given, and refuses layers for an article it does not have', () =>
      using(make, true, async (s) => {
        await s.putLayers('a1', [{ stage: 'text', version: 9, data: { sentences: [] } }]);
        const got = await s.article('a1');
        assert.deepEqual(got?.layers.text, { stage: 'text', version: 9, data: { sentences: [] } });
        assert.equal(got?.layers.saidwhen.version, 2);
        await assert.rejects(() => s.putLayers('missing', [{ stage: 'text', version: 1, data: {} }]));
      }));

    it('writes nothing of an article whose layers cannot be stored', () =>
      using(make, false, async (s) => {
        const bad: Layer[] = [layers(A)[0], { stage: 'broken', version: 1, data: { n: BigInt(1) } }];
        await assert.rejects(() => s.putArticle(A, bad, source(A)));
        assert.equal(await s.article('a1'), null);
        assert.equal(await s.source('hash-a1'), null);
        assert.deepEqual(await s.articleIds(), []);
        assert.deepEqual((await s.search({ query: 'strike' })).total, 0);
      }));

    it('lists articles in order of arrival, paged and filtered by outlet, dates, story and actor', () =>
      using(make, true, async (s) => {
        assert.deepEqual(await s.articleIds(), ['a1', 'a2', 'a3', 'a4', 'a5']);
        const p = await s.articles({ limit: 2, offset: 1 });
        assert.deepEqual([ids(p.items), p.total], [['a2', 'a3'], 5]);
        assert.deepEqual(ids((await s.articles({ outlet: 'Daily Planet' })).items), ['a1', 'a3']);
        assert.deepEqual(ids((await s.articles({ from: '2020-03-03', to: '2020-03-31' })).items), ['a2', 'a4']);
        assert.deepEqual(ids((await s.articles({ story: 's-strike' })).items), ['a1', 'a2', 'a4']);
        assert.deepEqual(ids((await s.articles({ actor: 'zoe-al-masri' })).items), ['a3']);
        assert.equal((await s.articles({ story: 's-strike' })).items[0].story, 's-strike');
        const byId = await s.articlesById(['a4', 'zz', 'a1']);
        assert.deepEqual(byId.map((x) => x.summary.id), ['a4', 'a1']);
        assert.equal(byId[0].layers.text.stage, 'text');
      }));

    it('counts layers per stage version', () =>
      using(make, true, async (s) => {
        await s.putLayers('a3', [{ stage: 'text', version: 2, data: {} }]);
        assert.deepEqual(await s.layerVersions(), [
          { stage: 'saidwhen', version: 2, articles: 5 },
          { stage: 'text', version: 1, articles: 4 },
          { stage: 'text', version: 2, articles: 1 },
        ]);
      }));

    it('lists stories by size or recency, filtered by dates, outlet and actor, with their outlets', () =>
      using(make, true, async (s) => {
        const all = await s.stories();
        assert.deepEqual([ids(all.items), all.total], [['s-strike', 's-cafe', 's-note'], 3]);
        assert.deepEqual(all.items[0].outlets, ['Evening Star', 'Daily Planet']);
        assert.deepEqual(all.items[0].coverage, [{ outlet: 'Evening Star', articles: 2 }, { outlet: 'Daily Planet', articles: 1 }]);
        assert.deepEqual({ ...all.items[0], story: null, outlets: [], coverage: [] }, { id: 's-strike', title: 'Story s-strike', size: 3, from: '2020-03-02', to: '2020-03-09', outlets: [], coverage: [], story: null });
        assert.deepEqual(all.items[0].story, STORIES[0]);
        assert.deepEqual(ids((await s.stories({ sort: 'recent' })).items), ['s-cafe', 's-strike', 's-note']);
        assert.deepEqual(ids((await s.stories({ from: '2021-01-01' })).items), ['s-cafe']);
        assert.deepEqual(ids((await s.stories({ to: '2020-03-02' })).items), ['s-strike']);
        assert.deepEqual(ids((await s.stories({ from: '2020-03-05', to: '2020-03-06' })).items), ['s-strike']);
        assert.deepEqual(ids((await s.stories({ outlet: 'Daily Planet' })).items), ['s-strike', 's-cafe']);
        assert.deepEqual(ids((await s.stories({ actor: 'union' })).items), ['s-strike']);
        const p = await s.stories({ limit: 1, offset: 1 });
        assert.deepEqual([ids(p.items), p.total], [['s-cafe'], 3]);
        assert.equal((await s.story('s-note'))?.size, 1);
        assert.equal(await s.story('nope'), null);
      }));

    it('keeps a story its sections until the story goes, and replaces them when given', () =>
      using(make, true, async (s) => {
        assert.deepEqual(await s.sections('s-strike'), { summary: { sentences: ['x'] } });
        assert.equal(await s.sections('s-cafe'), null);
        assert.deepEqual(await s.meta('corpus'), { articles: 5 });
        assert.equal(await s.meta('nothing'), null);
        // a commit without s-strike's sections keeps them; s-cafe gets new ones
        await s.commitCorpus({ actors: [UNION], stories: STORIES, sections: new Map([['s-cafe', { summary: 1 }]]) });
        assert.deepEqual(await s.sections('s-strike'), { summary: { sentences: ['x'] } });
        assert.deepEqual(await s.sections('s-cafe'), { summary: 1 });
        assert.deepEqual(await s.meta('corpus'), { articles: 5 });
        // the strike story split in two: its sections go with it
        const split = [story('s-a', ['a1', 'a2'], ['2020-03-02', '2020-03-03']), story('s-b', ['a4'], ['2020-03-09', '2020-03-09']), STORIES[1]];
        await s.commitCorpus({ actors: [], stories: split, sections: new Map([['s-a', { n: 2 }], ['gone', { n: 0 }]]) });
        assert.equal(await s.sections('s-strike'), null);
        assert.equal(await s.sections('gone'), null);
        assert.deepEqual(await s.sections('s-a'), { n: 2 });
        assert.deepEqual(ids((await s.stories()).items), ['s-a', 's-b', 's-cafe']);
        assert.equal((await s.article('a5'))?.summary.story, null);
        assert.equal((await s.article('a4'))?.summary.story, 's-b');
        assert.equal((await s.actors()).total, 0);
      }));

    it('writes some stories\' sections and corpus facts after the commit, leaving the others and unknown stories out', () =>
      using(make, true, async (s) => {
        await s.putSections(new Map([['s-cafe', { summary: 2 }], ['gone', { n: 0 }]]), { corpus: { articles: 6 } });
        assert.deepEqual(await s.sections('s-cafe'), { summary: 2 });
        assert.deepEqual(await s.sections('s-strike'), { summary: { sentences: ['x'] } });
        assert.equal(await s.sections('gone'), null);
        assert.deepEqual(await s.meta('corpus'), { articles: 6 });
        await s.putSections(new Map([['s-strike', { summary: 3 }]]));
        assert.deepEqual(await s.sections('s-strike'), { summary: 3 });
        assert.deepEqual(await s.meta('corpus'), { articles: 6 });
      }));

    it('lists actors by mentions with their mentions per outlet, filtered by story, article and type', () =>
      using(make, true, async (s) => {
        const all = await s.actors();
        assert.deepEqual(ids(all.items), ['union', 'zoe-al-masri']);
        assert.deepEqual(all.items[0], {
          id: 'union',
          name: 'The Union',
          type: 'ORG',
          mentions: 4,
          articles: 3,
          perOutlet: [
            { outlet: 'Evening Star', mentions: 3, articles: 2 },
            { outlet: 'Daily Planet', mentions: 1, articles: 1 },
          ],
        });
        assert.deepEqual(ids((await s.actors({ story: 's-cafe' })).items), ['zoe-al-masri']);
        assert.deepEqual(ids((await s.actors({ article: 'a2' })).items), ['union']);
        assert.deepEqual(ids((await s.actors({ type: 'PERSON' })).items), ['zoe-al-masri']);
        const p = await s.actors({ limit: 1, offset: 1 });
        assert.deepEqual([ids(p.items), p.total], [['zoe-al-masri'], 2]);
        const one = await s.actor('zoe-al-masri');
        assert.deepEqual(one?.actor, ZOE);
        assert.deepEqual(one?.summary.perOutlet, [{ outlet: 'Daily Planet', mentions: 1, articles: 1 }]);
        assert.equal(await s.actor('nobody'), null);
      }));

    it('lists outlets by articles, with the stories they cover, the unknown outlet last', () =>
      using(make, true, async (s) => {
        assert.deepEqual(await s.outlets(), [
          { outlet: 'Daily Planet', articles: 2, stories: 2 },
          { outlet: 'Evening Star', articles: 2, stories: 1 },
          { outlet: null, articles: 1, stories: 1 },
        ]);
      }));

    it('searches words, phrases, OR, NOT and prefixes over titles and texts', () =>
      using(make, true, async (s) => {
        const found = async (query: string, more = {}) => ids((await s.search({ query, ...more })).items).sort();
        assert.deepEqual(await found('strike'), ['a1', 'a2', 'a4']);
        assert.deepEqual(await found('union strike'), ['a1', 'a2', 'a4']);
        assert.deepEqual(await found('union AND harbour'), ['a2']);
        assert.deepEqual(await found('"the union accepted"'), ['a4']);
        assert.deepEqual(await found('"union accepted the strike"'), []);
        assert.deepEqual(await found('café OR harbour'), ['a2', 'a3']);
        assert.deepEqual(await found('strike NOT harbour'), ['a1', 'a4']);
        assert.deepEqual(await found('strik*'), ['a1', 'a2', 'a4']);
        assert.deepEqual(await found('(ministers OR owner) NOT café'), ['a2']);
        // the title is searched too; diacritics and case do not matter; a hyphenated name is one phrase
        assert.deepEqual(await found('dockers'), ['a1', 'a4']);
        assert.deepEqual(await found('CREME BRULEE'), ['a3']);
        assert.deepEqual(await found('al-masri'), ['a3']);
        assert.deepEqual(await found('zebra'), []);
      }));

    it('filters search by outlet, dates and actor, pages it, and gives an excerpt with the match', () =>
      using(make, true, async (s) => {
        const found = async (more: object) => ids((await s.search({ query: 'strike', ...more })).items).sort();
        assert.deepEqual(await found({ outlet: 'Evening Star' }), ['a2', 'a4']);
        assert.deepEqual(await found({ from: '2020-03-03' }), ['a2', 'a4']);
        assert.deepEqual(await found({ to: '2020-03-02' }), ['a1']);
        assert.deepEqual(await found({ actor: 'zoe-al-masri' }), []);
        const p = await s.search({ query: 'strike', limit: 1 });
        assert.equal(p.total, 3);
        assert.equal(p.items.length, 1);
        const hit = (await s.search({ query: 'harbour' })).items[0];
        assert.equal(hit.id, 'a2');
        assert.equal(hit.outlet, 'Evening Star');
        assert.match(hit.snippet, /harbour/);
        assert.ok(hit.snippet.length < B.text.length + 10);
      }));

    it('counts the facets of every hit of a search: outlets and stories most first, months in order', () =>
      using(make, true, async (s) => {
        const f = await s.searchFacets({ query: 'strike', limit: 1 });
        assert.deepEqual(f.outlets, [{ value: 'Evening Star', count: 2 }, { value: 'Daily Planet', count: 1 }]);
        assert.deepEqual(f.months.map((m) => m.value), ['2020-03']);
        assert.equal(f.months[0].count, 3);
        assert.deepEqual(f.stories, [{ value: 's-strike', count: 3 }]);
        assert.deepEqual((await s.searchFacets({ query: 'strike', outlet: 'Daily Planet' })).outlets, [{ value: 'Daily Planet', count: 1 }]);
        await assert.rejects(() => s.searchFacets({ query: '"open' }), /bad search query/);
      }));

    it('refuses a malformed search query with a clear error', () =>
      using(make, true, async (s) => {
        for (const q of ['"unclosed phrase', '(strike', 'strike AND', 'OR strike', '', '***']) {
          await assert.rejects(() => s.search({ query: q }), /bad search query/, q);
        }
      }));

    it('keeps add jobs with their counts and failures, latest first, apart from the corpus', () =>
      using(make, true, async (s) => {
        const job = (id: string, started: string, more: Partial<JobRecord> = {}): JobRecord => ({
          id, kind: 'add', origin: 'cli', status: 'running', started, finished: null, done: 0, total: 3, added: 0, skipped: 0, failed: 0, failures: [], error: null, ...more,
        });
        await s.putJob(job('j1', '2024-01-01T10:00:00.000Z'));
        await s.putJob(job('j2', '2024-01-02T10:00:00.000Z', { origin: 'api' }));
        await s.putJob(job('j1', '2024-01-01T10:00:00.000Z', { status: 'done', done: 3, added: 2, failed: 1, failures: [{ path: 'x.html', reason: 'no text' }], finished: '2024-01-01T10:01:00.000Z' }));
        const page = await s.jobs();
        assert.equal(page.total, 2);
        assert.deepEqual(page.items.map((j) => j.id), ['j2', 'j1']);
        const j1 = await s.job('j1');
        assert.equal(j1?.status, 'done');
        assert.deepEqual(j1?.failures, [{ path: 'x.html', reason: 'no text' }]);
        assert.equal(await s.job('nope'), null);
        await s.commitCorpus({ actors: [], stories: [], sections: new Map() });
        assert.equal((await s.jobs({ limit: 1 })).items.length, 1);
        assert.equal((await s.jobs()).total, 2);
      }));
  });
}
