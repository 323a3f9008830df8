/**
 * The HTTP API, `/api/v1`: JSON over the store, documented in src/web/openapi.json (tests check every route
 * there against this app). Bad input is a 4xx JSON `{error, param?}`; adding articles is off unless the server
 * allows it, needs the token when one is set, and refuses bodies over the size limit with 413.
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../store/types.js';
import type { AnalyzeOptions, Briefing } from '../model.js';
import { addAsJob } from '../store/jobs.js';
import {
  actorRecord, articleDetail, briefingOr404, graphOf, outletRecord, searchWithFacets, storyOr404, storyRow, storyRows, storySeries,
} from './data.js';
import { EXPORT_FORMATS, EXPORT_KINDS, EXPORTS, exportRows, toCsv, toJsonl } from './exports.js';
import { enumParam, filterParams, HttpError, onlyParams, pageParams, textParam, type Query } from './params.js';

export interface WebOptions {
  /** accept POST /api/v1/articles */
  allowAdd?: boolean;
  /** when set, POST /api/v1/articles needs `Authorization: Bearer <token>` */
  token?: string;
  /** largest request body accepted by POST /api/v1/articles, in bytes */
  maxUpload?: number;
  /** analysis options for added articles (as `parallax add` takes them) */
  analyze?: AnalyzeOptions;
}

export const DEFAULT_MAX_UPLOAD = 10 * 1024 * 1024;
const ACTOR_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'MISC'] as const;
const FILTERS = ['from', 'to', 'outlet', 'actor'];
const PAGE = ['limit', 'offset'];

export function errorBody(err: HttpError): { error: string; status: number; param?: string } {
  return { error: err.message, status: err.status, ...(err.param ? { param: err.param } : {}) };
}

const query = (c: Context): Query => c.req.query();

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A file name given by a client, as a label only (never opened): its last path part, control characters dropped. */
function uploadName(name: string | undefined, fallback: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return base || fallback;
}

const NAME_BY_TYPE: [RegExp, string][] = [
  [/html/, 'upload.html'],
  [/json/, 'upload.json'],
  [/(rss|atom|xml)/, 'upload.xml'],
  [/markdown/, 'upload.md'],
];

/** The files of an upload: multipart parts, a JSON `{files: [{name, content | base64}]}`, or the body as one file. */
async function uploadedFiles(c: Context): Promise<{ path: string; data: Uint8Array | string }[]> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.formData().catch(() => {
      throw new HttpError(400, 'the multipart body could not be read');
    });
    const files: { path: string; data: Uint8Array }[] = [];
    for (const [, v] of form.entries()) {
      if (typeof v === 'string') continue;
      files.push({ path: uploadName(v.name, `upload-${files.length + 1}`), data: new Uint8Array(await v.arrayBuffer()) });
    }
    if (!files.length) throw new HttpError(400, 'the multipart body holds no file part');
    return files;
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (!bytes.length) throw new HttpError(400, 'the request body is empty: send an article file, a multipart form, or JSON {"files": [...]}');
  const named = c.req.query('name');
  if (type.startsWith('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch (err) {
      throw new HttpError(400, `the JSON body is not valid JSON (${(err as Error).message})`);
    }
    if (body && typeof body === 'object' && !Array.isArray(body) && 'files' in body) {
      const files = (body as { files: unknown }).files;
      if (!Array.isArray(files) || !files.length) throw new HttpError(400, '"files" must be a non-empty array', 'files');
      return files.map((f, i) => {
        const at = `files[${i}]`;
        if (!f || typeof f !== 'object') throw new HttpError(400, `${at} must be an object {name, content} or {name, base64}`, at);
        const { name, content, base64 } = f as { name?: unknown; content?: unknown; base64?: unknown };
        if (name !== undefined && typeof name !== 'string') throw new HttpError(400, `${at}.name must be a string`, `${at}.name`);
        if (typeof content === 'string') return { path: uploadName(name, `upload-${i + 1}.txt`), data: content };
        if (typeof base64 === 'string' && /^[A-Za-z0-9+/=\s]*$/.test(base64)) return { path: uploadName(name, `upload-${i + 1}`), data: new Uint8Array(Buffer.from(base64, 'base64')) };
        throw new HttpError(400, `${at} needs "content" (text) or "base64" (bytes)`, at);
      });
    }
    // any other JSON is an article file in one of the JSON forms `parallax add` reads
    return [{ path: uploadName(named, 'upload.json'), data: bytes }];
  }
  const byType = NAME_BY_TYPE.find(([re]) => re.test(type))?.[1] ?? 'upload.txt';
  return [{ path: uploadName(named, byType), data: bytes }];
}

/** `briefing`: a story's briefing by id (the app passes one that keeps the last ones parsed, src/web/cache.ts). */
export function apiRoutes(store: Store, options: WebOptions = {}, briefing: (id: string) => Promise<Briefing> = (id) => briefingOr404(store, id)): Hono {
  const api = new Hono();
  const maxUpload = options.maxUpload ?? DEFAULT_MAX_UPLOAD;

  api.get('/stories', async (c) => {
    const q = query(c);
    onlyParams(q, [...FILTERS, ...PAGE, 'sort']);
    const page = pageParams(q, 20);
    const sort = enumParam(q, 'sort', ['size', 'recent'] as const, 'size');
    const rows = await storyRows(store, { ...filterParams(q), ...page, sort });
    return c.json({ ...rows, ...page, sort });
  });

  api.get('/stories/:id', async (c) => {
    onlyParams(query(c), []);
    const s = await storyOr404(store, c.req.param('id'));
    const articles = (await store.articles({ story: s.id, limit: Math.max(1, s.size) })).items;
    return c.json({ ...storyRow(s), background: s.story.background, articles });
  });

  api.get('/stories/:id/briefing', async (c) => {
    const q = query(c);
    onlyParams(q, ['sections']);
    const b = await briefing(c.req.param('id'));
    const want = textParam(q, 'sections', 500)?.split(',').map((s) => s.trim()).filter(Boolean);
    if (!want) return c.json(b);
    const unknown = want.filter((k) => !(k in b));
    if (unknown.length) throw new HttpError(400, `no section ${unknown.map((k) => `"${k}"`).join(', ')} (sections: ${Object.keys(b).join(', ')})`, 'sections');
    return c.json(Object.fromEntries(want.map((k) => [k, (b as unknown as Record<string, unknown>)[k]])));
  });

  api.get('/stories/:id/series', async (c) => {
    onlyParams(query(c), []);
    return c.json(await storySeries(store, c.req.param('id')));
  });

  api.get('/stories/:id/graph', async (c) => {
    const q = query(c);
    onlyParams(q, ['limit']);
    return c.json(graphOf(await briefing(c.req.param('id')), pageParams({ limit: q.limit }, 40).limit));
  });

  api.get('/stories/:id/export/:kind', async (c) => {
    const q = query(c);
    onlyParams(q, ['format']);
    const kind = enumParam({ kind: c.req.param('kind') }, 'kind', EXPORT_KINDS);
    if (!kind) throw new HttpError(400, 'kind is required', 'kind');
    const format = enumParam(q, 'format', EXPORT_FORMATS, 'csv');
    const id = c.req.param('id');
    const rows = exportRows(await briefing(id), kind);
    const safeId = id.replace(/[^A-Za-z0-9_-]/g, '_');
    c.header('Content-Disposition', `attachment; filename="story-${safeId}-${kind}.${format}"`);
    if (format === 'csv') return c.body(toCsv(EXPORTS[kind].columns, rows), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    return c.body(toJsonl(rows), 200, { 'Content-Type': 'application/x-ndjson; charset=utf-8' });
  });

  api.get('/articles', async (c) => {
    const q = query(c);
    onlyParams(q, [...FILTERS, ...PAGE, 'story']);
    const page = pageParams(q);
    return c.json({ ...(await store.articles({ ...filterParams(q), story: textParam(q, 'story'), ...page })), ...page });
  });

  api.get('/articles/:id', async (c) => {
    onlyParams(query(c), []);
    return c.json(await articleDetail(store, c.req.param('id')));
  });

  const limit = bodyLimit({
    maxSize: maxUpload,
    onError: () => {
      throw new HttpError(413, `the upload is over this server's limit of ${maxUpload} bytes (parallax serve --max-upload)`);
    },
  });

  api.post('/articles', async (c, next) => {
    // who may add is checked before the body is read
    if (!options.allowAdd) throw new HttpError(403, 'adding articles is off: start the server with parallax serve --allow-add');
    if (options.token !== undefined) {
      const auth = c.req.header('authorization') ?? '';
      const m = /^Bearer\s+(.+)$/i.exec(auth);
      if (!m || !sameToken(m[1].trim(), options.token)) throw new HttpError(401, 'this server needs "Authorization: Bearer <token>" to add articles (the --token it was started with)');
    }
    // a page of another site may post a form to a local server: only this origin (or a client with no Origin) may add
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== new URL(c.req.url).origin) throw new HttpError(403, `a request from ${origin} may not add articles`);
    await next();
  }, limit, async (c) => {
    onlyParams(query(c), ['name']);
    const files = await uploadedFiles(c);
    const size = files.reduce((n, f) => n + (typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.length), 0);
    if (size > maxUpload) throw new HttpError(413, `the upload (${size} bytes) is over this server's limit of ${maxUpload} bytes`);
    const { job, report } = await addAsJob(store, files, options.analyze ?? {}, 'api');
    const body = {
      job: job.id,
      added: report.added,
      skipped: report.skipped,
      failed: report.failed,
      events: report.events,
      articles: report.corpus.articles,
      stories: report.corpus.stories,
    };
    return c.json(body, report.added + report.skipped === 0 ? 422 : 201);
  });

  api.get('/actors', async (c) => {
    const q = query(c);
    onlyParams(q, [...PAGE, 'story', 'article', 'type']);
    const page = pageParams(q);
    const type = enumParam(q, 'type', ACTOR_TYPES);
    return c.json({ ...(await store.actors({ ...page, story: textParam(q, 'story'), article: textParam(q, 'article'), type })), ...page });
  });

  api.get('/actors/:id', async (c) => {
    onlyParams(query(c), []);
    return c.json(await actorRecord(store, c.req.param('id')));
  });

  api.get('/outlets', async (c) => {
    onlyParams(query(c), []);
    return c.json({ items: await store.outlets() });
  });

  api.get('/outlets/:name', async (c) => {
    const q = query(c);
    onlyParams(q, PAGE);
    return c.json(await outletRecord(store, c.req.param('name'), pageParams(q, 20)));
  });

  api.get('/search', async (c) => {
    const q = query(c);
    onlyParams(q, ['q', ...FILTERS, ...PAGE]);
    const text = textParam(q, 'q', 500);
    if (!text?.trim()) throw new HttpError(400, 'q (the search query) is required', 'q');
    const page = pageParams(q, 20);
    const filters = filterParams(q);
    try {
      const { hits, facets } = await searchWithFacets(store, { query: text, ...filters, ...page });
      return c.json({ ...hits, ...page, q: text, facets });
    } catch (err) {
      if (/^bad search query/.test((err as Error).message)) throw new HttpError(400, (err as Error).message, 'q');
      throw err;
    }
  });

  api.get('/jobs', async (c) => {
    const q = query(c);
    onlyParams(q, PAGE);
    const page = pageParams(q, 20);
    return c.json({ ...(await store.jobs(page)), ...page });
  });

  api.get('/jobs/:id', async (c) => {
    onlyParams(query(c), []);
    const job = await store.job(c.req.param('id'));
    if (!job) throw new HttpError(404, `no job "${c.req.param('id')}"`);
    return c.json(job);
  });

  return api;
}
