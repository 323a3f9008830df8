/**
 * The HTTP API, in-process (`app.request`), on a store of made-up articles: the OpenAPI document is checked as
 * a document, every operation in it is called, and every JSON response is validated against the schema the
 * document gives for its status (test fails if an operation is never called).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { SqliteStore } from '../store/sqlite.js';
import { createApp } from './app.js';
import { fillFixture, HOSTILE_RECORD } from './fixture.js';
import { openApiDocument } from './static.js';
import { EXPORTS, EXPORT_KINDS } from './exports.js';

type Doc = { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>>; components: Record<string, unknown> };
type Operation = { operationId: string; parameters?: { name: string; in: string }[]; responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>; 'x-columns'?: Record<string, string[]> };

const doc = openApiDocument() as Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(doc as object, 'openapi');
const called = new Set<string>();
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The documented operation a request path falls under. */
function operationOf(method: string, path: string): { key: string; op: Operation; template: string } | null {
  const p = path.replace(/^\/api\/v1/, '').split('?')[0];
  for (const [template, ops] of Object.entries(doc.paths)) {
    const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (re.test(p) && ops[method]) return { key: `${method} ${template}`, op: ops[method], template };
  }
  return null;
}

function pointer(...parts: string[]): string {
  return parts.map((x) => x.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

let store: SqliteStore;
let app: ReturnType<typeof createApp>;
let adder: ReturnType<typeof createApp>;

/** Call the app, check the response is documented and matches its schema, and return it. */
async function call(path: string, init: RequestInit = {}, on = () => app) {
  const method = (init.method ?? 'GET').toLowerCase();
  const found = operationOf(method, path);
  assert.ok(found, `${method} ${path} is not in the OpenAPI document`);
  called.add(found.key);
  const res = await on().request(path, init);
  const status = String(res.status);
  let documented = found.op.responses[status];
  assert.ok(documented, `${found.key}: status ${status} is not documented`);
  let where = pointer('paths', found.template, method, 'responses', status);
  if (documented.$ref) {
    where = documented.$ref.slice(2);
    documented = where.split('/').reduce((o: any, k) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  const type = (res.headers.get('content-type') ?? '').split(';')[0];
  const body = await res.text();
  assert.ok(documented.content?.[type], `${found.key} ${status}: content type ${type} is not documented`);
  let json: any = null;
  if (type === 'application/json') {
    json = JSON.parse(body);
    const validate = ajv.getSchema(`openapi#/${where}/content/${pointer(type)}/schema`);
    assert.ok(validate, `no schema at ${where}`);
    assert.ok(validate(json), `${found.key} ${status}: ${ajv.errorsText(validate.errors)}`);
  }
  return { res, status: res.status, body, json };
}

before(async () => {
  store = new SqliteStore(':memory:');
  await fillFixture(store);
  app = createApp(store);
  adder = createApp(store, { allowAdd: true, token: 'secret-token-1', maxUpload: 4096 });
});
after(() => store.close());

describe('the OpenAPI document', () => {
  it('is an OpenAPI 3.1 document whose operations have unique ids, responses, and references that resolve', () => {
    const shape = new Ajv2020({ strict: false }).compile({
      type: 'object',
      required: ['openapi', 'info', 'paths'],
      properties: {
        openapi: { type: 'string', pattern: '^3\\.1\\.\\d+$' },
        info: { type: 'object', required: ['title', 'version'], properties: { title: { type: 'string' }, version: { type: 'string' } } },
        paths: {
          type: 'object',
          propertyNames: { pattern: '^/' },
          additionalProperties: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              required: ['operationId', 'responses'],
              properties: {
                operationId: { type: 'string' },
                parameters: { type: 'array', items: { type: 'object', required: ['name', 'in', 'schema'], properties: { in: { enum: ['query', 'path', 'header', 'cookie'] } } } },
                responses: { type: 'object', minProperties: 1, propertyNames: { pattern: '^[1-5]\\d\\d$' } },
              },
            },
          },
        },
      },
    });
    assert.ok(shape(doc), JSON.stringify(shape.errors));
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    assert.equal(new Set(ids).size, ids.length);
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(METHODS.includes(method), method);
        const inPath = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name).sort();
        assert.deepEqual(declared, inPath, `${method} ${template}: path parameters`);
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]);
    for (const r of refs) assert.ok(r.split('/').reduce((o: any, k) => o?.[k], doc) !== undefined, `unresolved $ref #/${r}`);
    // every schema compiles
    for (const name of Object.keys((doc.components as { schemas: object }).schemas)) assert.ok(ajv.getSchema(`openapi#/components/schemas/${name}`), name);
  });

  it('lists the export columns in the order the exports write them', () => {
    const op = doc.paths['/stories/{id}/export/{kind}'].get;
    assert.deepEqual(op['x-columns'], Object.fromEntries(EXPORT_KINDS.map((k) => [k, [...EXPORTS[k].columns]])));
  });

  it('is served at /api/v1/openapi.json', async () => {
    const r = await call('/api/v1/openapi.json');
    assert.equal(r.json.openapi, doc.openapi);
  });
});

describe('API routes', () => {
  let strike: string;
  let bridge: string;
  it('lists stories largest first or latest first, paged and filtered, each with coverage per outlet', async () => {
    const all = await call('/api/v1/stories');
    assert.equal(all.json.total, 2);
    assert.deepEqual(all.json.items.map((s: any) => s.size), [4, 3]);
    [strike, bridge] = all.json.items.map((s: any) => s.id);
    assert.deepEqual(all.json.items[0].coverage.map((c: any) => [c.outlet, c.articles]), [['Harbour Gazette', 2], ['Coastal Courier', 1], ['Evening Ledger', 1]]);
    assert.equal((await call('/api/v1/stories?sort=recent')).json.items[0].id, bridge);
    assert.deepEqual((await call('/api/v1/stories?limit=1&offset=1')).json.items.map((s: any) => s.id), [bridge]);
    assert.deepEqual((await call('/api/v1/stories?to=2024-03-31')).json.items.map((s: any) => s.id), [strike]);
    assert.deepEqual((await call('/api/v1/stories?from=2024-05-01')).json.items.map((s: any) => s.id), [bridge]);
    assert.deepEqual((await call(`/api/v1/stories?outlet=${encodeURIComponent(HOSTILE_RECORD.outlet)}`)).json.items.map((s: any) => s.id), [bridge]);
    const voss = (await call('/api/v1/actors?limit=100')).json.items.find((a: any) => /Voss/.test(a.name));
    assert.ok(voss);
    assert.deepEqual((await call(`/api/v1/stories?actor=${voss.id}`)).json.items.map((s: any) => s.id), [strike]);
  });

  it('refuses bad parameters with a 400 naming the parameter', async () => {
    for (const [q, param] of [['sort=biggest', 'sort'], ['from=2024-13-01', 'from'], ['from=2024-05-01&to=2024-01-01', 'from'], ['limit=0', 'limit'], ['limit=abc', 'limit'], ['colour=red', 'colour']]) {
      const r = await call(`/api/v1/stories?${q}`);
      assert.equal(r.status, 400, q);
      assert.equal(r.json.param, param, q);
    }
  });

  it('gives one story, its briefing sections, its chart series and its actor graph', async () => {
    const s = await call(`/api/v1/stories/${strike}`);
    assert.equal(s.json.articles.length, 4);
    const b = await call(`/api/v1/stories/${strike}/briefing`);
    assert.equal(b.json.schema, 'parallax/briefing');
    const some = await call(`/api/v1/stories/${strike}/briefing?sections=summary,claims`);
    assert.deepEqual(Object.keys(some.json), ['summary', 'claims']);
    assert.equal((await call(`/api/v1/stories/${strike}/briefing?sections=nonsense`)).status, 400);
    const series = await call(`/api/v1/stories/${strike}/series`);
    assert.deepEqual(series.json.days, ['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07']);
    assert.equal(series.json.series.reduce((n: number, x: any) => n + x.counts.reduce((a: number, b: number) => a + b, 0), 0), 4);
    const graph = await call(`/api/v1/stories/${strike}/graph`);
    assert.ok(graph.json.nodes.length >= 2);
    assert.ok(graph.json.edges.every((e: any) => e.sentences >= 1));
    assert.equal((await call(`/api/v1/stories/${strike}/graph?limit=1`)).json.nodes.length, 1);
    for (const path of ['', '/briefing', '/series', '/graph']) assert.equal((await call(`/api/v1/stories/nope${path}`)).status, 404, path);
  });

  it('exports events, quotes, timeline, claims and actors as CSV and JSONL with a fixed column order', async () => {
    for (const kind of EXPORT_KINDS) {
      const csv = await call(`/api/v1/stories/${strike}/export/${kind}`);
      assert.equal(csv.status, 200);
      assert.match(csv.res.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="story-${strike}-${kind}\\.csv"`));
      assert.equal(csv.body.split('\r\n')[0], EXPORTS[kind].columns.join(','));
      const jsonl = await call(`/api/v1/stories/${strike}/export/${kind}?format=jsonl`);
      const rows = jsonl.body.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
      for (const r of rows) assert.deepEqual(Object.keys(r), [...EXPORTS[kind].columns]);
      assert.equal(csv.body.trim().split('\r\n').length - 1 >= rows.length, true, kind);
    }
    const quotes = (await call(`/api/v1/stories/${strike}/export/quotes?format=jsonl`)).body;
    assert.match(quotes, /will not unload a single ship/);
    assert.equal((await call(`/api/v1/stories/${strike}/export/gossip`)).status, 400);
    assert.equal((await call(`/api/v1/stories/${strike}/export/quotes?format=xlsx`)).status, 400);
  });

  it('lists articles and gives one with its spans', async () => {
    const list = await call(`/api/v1/articles?story=${strike}&outlet=Harbour%20Gazette`);
    assert.equal(list.json.total, 2);
    const one = await call(`/api/v1/articles/${list.json.items[0].id}`);
    const { text } = one.json.article;
    assert.ok(one.json.sentences.length >= 3);
    const q = one.json.quotes.find((x: any) => x.content.length);
    assert.ok(q, 'a quote');
    assert.match(text.slice(q.content[0].start, q.content[0].end), /\w/);
    for (const m of one.json.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    assert.equal((await call('/api/v1/articles/nope')).status, 404);
    assert.equal((await call('/api/v1/articles?from=yesterday')).status, 400);
  });

  it('lists actors with mentions per outlet, and gives one actor record', async () => {
    const list = await call('/api/v1/actors?type=PERSON');
    assert.ok(list.json.items.every((a: any) => a.type === 'PERSON'));
    const voss = list.json.items.find((a: any) => /Voss/.test(a.name));
    assert.ok(voss.perOutlet.length >= 2);
    const rec = await call(`/api/v1/actors/${voss.id}`);
    assert.equal(rec.json.stories[0].id, strike);
    assert.ok(rec.json.quotes.length >= 1, 'quotes attributed to the actor');
    assert.ok(rec.json.series.days.length >= 2);
    assert.equal((await call(`/api/v1/actors?story=${bridge}`)).json.items.some((a: any) => /Voss/.test(a.name)), false);
    assert.equal((await call('/api/v1/actors?type=ANIMAL')).status, 400);
    assert.equal((await call('/api/v1/actors/nope')).status, 404);
  });

  it('lists outlets and gives one outlet with its stories, voices and framing', async () => {
    const list = await call('/api/v1/outlets');
    assert.equal(list.json.items.length, 4);
    const o = await call('/api/v1/outlets/Harbour%20Gazette');
    assert.deepEqual(o.json.stories.items.map((s: any) => s.id), [strike]);
    assert.ok(o.json.voices.length >= 1);
    assert.equal((await call('/api/v1/outlets/Nowhere%20Times')).status, 404);
  });

  it('searches words, phrases, OR and NOT, with filters and facets', async () => {
    const ids = async (q: string) => (await call(`/api/v1/search?${q}`)).json.items.map((h: any) => h.title).sort();
    assert.equal((await call('/api/v1/search?q=harbour')).json.total, 4);
    assert.deepEqual(await ids(`q=${encodeURIComponent('"port authority"')}`), [
      'Dock workers strike at Quayside harbour', 'Harbour strike in Quayside enters third day', 'Quayside port authority calls harbour strike unlawful', 'Talks to end Quayside harbour strike begin',
    ]);
    assert.equal((await call(`/api/v1/search?q=${encodeURIComponent('"authority port"')}`)).json.total, 0);
    assert.equal((await call(`/api/v1/search?q=${encodeURIComponent('cracks OR wages')}`)).json.total, 3);
    assert.equal((await call(`/api/v1/search?q=${encodeURIComponent('bridge NOT inspectors')}`)).json.total, 2);
    const filtered = await call('/api/v1/search?q=harbour&outlet=Harbour%20Gazette&from=2024-03-05');
    assert.deepEqual(filtered.json.items.map((h: any) => h.published), ['2024-03-07']);
    const f = (await call('/api/v1/search?q=Riverton')).json.facets;
    assert.deepEqual(f.months, [{ value: '2024-05', count: 3 }]);
    assert.equal(f.outlets.length, 3);
    assert.equal((await call('/api/v1/search?q=%22unclosed')).status, 400);
    assert.equal((await call('/api/v1/search')).status, 400);
  });

  it('lists jobs with their counts, and gives one', async () => {
    const jobs = await call('/api/v1/jobs');
    assert.equal(jobs.json.items[0].status, 'done');
    assert.equal(jobs.json.items[0].added, 7);
    assert.equal((await call(`/api/v1/jobs/${jobs.json.items[0].id}`)).json.id, jobs.json.items[0].id);
    assert.equal((await call('/api/v1/jobs/nope')).status, 404);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const r = await app.request('/api/v1/nothing');
    assert.equal(r.status, 404);
    assert.match((await r.json()).error, /no such route/);
  });
});

describe('POST /api/v1/articles', () => {
  const auth = { Authorization: 'Bearer secret-token-1' };
  const article = 'Ferry crews in the invented town of Lowmarsh stopped work on Friday, their union said. "We want safer boats," said Piet Aalders.';

  it('is off unless the server allows adding', async () => {
    const r = await call('/api/v1/articles', { method: 'POST', body: article, headers: { 'Content-Type': 'text/plain' } });
    assert.equal(r.status, 403);
    assert.match(r.json.error, /--allow-add/);
  });

  it('needs the token, and refuses another origin', async () => {
    assert.equal((await call('/api/v1/articles', { method: 'POST', body: article }, () => adder)).status, 401);
    assert.equal((await call('/api/v1/articles', { method: 'POST', body: article, headers: { Authorization: 'Bearer wrong-token-99' } }, () => adder)).status, 401);
    const r = await call('/api/v1/articles', { method: 'POST', body: article, headers: { ...auth, Origin: 'https://evil.example' } }, () => adder);
    assert.equal(r.status, 403);
  });

  it('adds a raw file, a JSON envelope and multipart files with the same ingest as add, recorded as a job', async () => {
    const raw = await call('/api/v1/articles?name=ferry.txt', { method: 'POST', body: article, headers: { ...auth, 'Content-Type': 'text/plain' } }, () => adder);
    assert.equal(raw.status, 201);
    assert.equal(raw.json.added, 1);
    const again = await call('/api/v1/articles?name=ferry-again.txt', { method: 'POST', body: article, headers: { ...auth, 'Content-Type': 'text/plain' } }, () => adder);
    assert.equal(again.json.skipped, 1);
    const json = await call('/api/v1/articles', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ files: [{ name: 'a.json', content: JSON.stringify({ title: 'Lowmarsh ferries resume', outlet: 'Harbour Gazette', text: 'Ferries in Lowmarsh sailed again on Monday after the crews returned, the operator said.' }) }, { name: 'empty.txt', content: '' }] }),
    }, () => adder);
    assert.equal(json.status, 201);
    assert.equal(json.json.added, 1);
    assert.equal(json.json.failed, 1);
    assert.equal(json.json.events.find((e: any) => e.outcome === 'failed').path, 'empty.txt');
    const form = new FormData();
    form.append('file', new Blob(['<html><head><title>Lowmarsh crews vote</title></head><body><article><p>The ferry crews of Lowmarsh voted on Tuesday to accept the new safety plan, their union said.</p></article></body></html>'], { type: 'text/html' }), 'vote.html');
    const multi = await call('/api/v1/articles', { method: 'POST', body: form, headers: auth }, () => adder);
    assert.equal(multi.status, 201);
    assert.equal(multi.json.added, 1);
    const job = await store.job(multi.json.job);
    assert.equal(job?.origin, 'api');
    assert.equal(job?.status, 'done');
    assert.equal((await call('/api/v1/search?q=Lowmarsh')).json.total, 3);
  });

  it('answers 422 with each reason when nothing could be added, 400 for a bad envelope, 413 over the size limit', async () => {
    const none = await call('/api/v1/articles?name=blank.txt', { method: 'POST', body: '   ', headers: { ...auth, 'Content-Type': 'text/plain' } }, () => adder);
    assert.equal(none.status, 422);
    assert.ok(none.json.events[0].reason);
    const bad = await call('/api/v1/articles', { method: 'POST', body: '{"files": 3}', headers: { ...auth, 'Content-Type': 'application/json' } }, () => adder);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.param, 'files');
    assert.equal((await call('/api/v1/articles', { method: 'POST', body: '{nope', headers: { ...auth, 'Content-Type': 'application/json' } }, () => adder)).status, 400);
    const big = await call('/api/v1/articles', { method: 'POST', body: 'x'.repeat(5000), headers: { ...auth, 'Content-Type': 'text/plain' } }, () => adder);
    assert.equal(big.status, 413);
    assert.match(big.json.error, /limit of 4096 bytes/);
  });
});

describe('coverage of the document', () => {
  it('called every operation the OpenAPI document lists', () => {
    const all = Object.entries(doc.paths).flatMap(([t, ops]) => Object.keys(ops).map((m) => `${m} ${t}`));
    assert.deepEqual(all.filter((k) => !called.has(k)), []);
  });
});
