/**
 * The web app: the JSON API under /api/v1 (src/web/api.ts), the server-rendered pages (src/web/pages.ts) and
 * their static files, as one hono app over a store. Every response carries a Content-Security-Policy that lets
 * a page load only this origin's own files (scripts from files, never inline), so nothing an article holds can
 * run; `parallax serve` (src/cli/serve.ts) puts it on a port.
 */
import { Hono, type Context } from 'hono';
import type { Briefing } from '../model.js';
import type { ActorSummary, OutletSummary, Store } from '../store/types.js';
import { apiRoutes, errorBody, type WebOptions } from './api.js';
import { actorRecord, articleDetail, briefingOr404, graphOf, outletRecord, searchWithFacets, storyOr404, storyRow, storyRows } from './data.js';
import { actorPage, actorsPage, articlePage, errorPage, jobsPage, outletPage, outletsPage, searchPage, storiesPage, storyPage, type SearchState } from './pages.js';
import { enumParam, filterParams, HttpError, onlyParams, pageParams, textParam } from './params.js';
import { openApiDocument, staticFile } from './static.js';
import { CorpusCache } from './cache.js';

export type { WebOptions } from './api.js';

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // the report's section renderers size bars with style attributes (width: n%); attributes only, never a <style>
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const ACTOR_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'MISC'] as const;
/** Actors offered in the filter menus: the most mentioned ones (any other by its id in the query string). */
const FILTER_ACTORS = 30;
/** Parsed briefings kept (the stories last asked for: a page, its graph, its exports). */
const BRIEFINGS_KEPT = 4;
/** Rendered story pages kept, as UTF-8 bytes (2.3 MB for a 34-article story). */
const PAGES_KEPT = 16;

export function createApp(store: Store, options: WebOptions = {}): Hono {
  const app = new Hono();

  /**
   * The filter menus (outlets, most mentioned actors), kept while the corpus results are the same: `add` and
   * `reanalyse` store a new corpus key whenever they change them (src/store/update.ts).
   */
  let menus: { key: string; outlets: OutletSummary[]; actors: ActorSummary[] } | null = null;
  const filterMenus = async () => {
    const key = ((await store.meta('corpus')) as { key?: string } | null)?.key ?? 'none';
    if (menus?.key !== key) menus = { key, outlets: await store.outlets(), actors: (await store.actors({ limit: FILTER_ACTORS })).items };
    return menus;
  };

  const briefings = new CorpusCache<Briefing>(store, BRIEFINGS_KEPT);
  const briefing = (id: string) => briefings.get(id, () => briefingOr404(store, id));
  const pages = new CorpusCache<Uint8Array>(store, PAGES_KEPT);
  const utf8 = new TextEncoder();

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
  });

  app.onError((err, c) => {
    const http = err instanceof HttpError ? err : null;
    if (!http) console.error(`parallax serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    const status = http?.status ?? 500;
    const message = http?.message ?? 'internal error (see the server log)';
    if (c.req.path.startsWith('/api/')) return c.json(http ? errorBody(http) : { error: message, status }, status);
    return c.html(errorPage(status, message), status);
  });

  app.notFound((c) => {
    const message = `no such page: ${c.req.path}`;
    if (c.req.path.startsWith('/api/')) return c.json({ error: `no such route: ${c.req.method} ${c.req.path} (see /api/v1/openapi.json)`, status: 404 }, 404);
    return c.html(errorPage(404, message), 404);
  });

  app.get('/api/v1/openapi.json', (c) => c.json(openApiDocument()));
  app.route('/api/v1', apiRoutes(store, options, briefing));

  app.get('/static/*', (c) => {
    const file = staticFile(c.req.path.slice('/static/'.length));
    if (!file) throw new HttpError(404, `no static file ${c.req.path}`);
    c.header('Cache-Control', 'no-cache');
    return typeof file.body === 'string'
      ? c.body(file.body, 200, { 'Content-Type': file.type })
      : c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': file.type });
  });

  // browsers ask for /favicon.ico whatever the page says
  app.get('/favicon.ico', (c) => c.redirect('/static/favicon.svg', 301));

  const q = (c: Context) => c.req.query();

  app.get('/', async (c) => {
    const query = q(c);
    onlyParams(query, ['sort', 'from', 'to', 'outlet', 'actor', 'limit', 'offset']);
    const page = pageParams(query, 20);
    const sort = enumParam(query, 'sort', ['size', 'recent'] as const, 'size');
    const filters = filterParams(query);
    const [rows, { outlets, actors }, articles] = await Promise.all([storyRows(store, { ...filters, ...page, sort }), filterMenus(), store.articles({ limit: 1 })]);
    return c.html(storiesPage(rows, { sort, ...filters, ...page }, outlets, actors, articles.total));
  });

  app.get('/stories/:id', async (c) => {
    onlyParams(q(c), []);
    const id = c.req.param('id');
    // a page is the same until the corpus results change: rendered once, kept as bytes
    const page = await pages.get(id, async () => {
      const s = await storyOr404(store, id);
      const b = await briefing(id);
      return utf8.encode(storyPage(storyRow(s), b, graphOf(b)));
    });
    return c.body(page as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'text/html; charset=UTF-8' });
  });

  app.get('/search', async (c) => {
    const query = q(c);
    onlyParams(query, ['q', 'from', 'to', 'outlet', 'actor', 'type', 'limit', 'offset']);
    const state: SearchState = { q: textParam(query, 'q', 500), ...filterParams(query), type: enumParam(query, 'type', ['articles', 'stories'] as const, 'articles'), ...pageParams(query, 20) };
    const { actors } = await filterMenus();
    if (!state.q?.trim()) return c.html(searchPage(state, null, actors));
    const filters = { from: state.from, to: state.to, outlet: state.outlet, actor: state.actor };
    try {
      const { hits, facets } = await searchWithFacets(store, { query: state.q, ...filters, limit: state.limit, offset: state.offset });
      const found = state.type === 'stories' ? await Promise.all(facets.stories.map((f) => store.story(f.value as string))) : [];
      const stories = found.flatMap((x) => (x ? [storyRow(x)] : []));
      return c.html(searchPage(state, { hits, facets, stories }, actors));
    } catch (err) {
      if (/^bad search query/.test((err as Error).message)) return c.html(searchPage(state, null, actors, (err as Error).message), 400);
      throw err;
    }
  });

  app.get('/actors', async (c) => {
    const query = q(c);
    onlyParams(query, ['type', 'limit', 'offset']);
    const page = pageParams(query, 50);
    const type = enumParam(query, 'type', ACTOR_TYPES);
    return c.html(actorsPage(await store.actors({ ...page, type }), type, page.limit, page.offset));
  });

  app.get('/actors/:id', async (c) => {
    onlyParams(q(c), []);
    return c.html(actorPage(await actorRecord(store, c.req.param('id'))));
  });

  app.get('/outlets', async (c) => {
    onlyParams(q(c), []);
    return c.html(outletsPage(await store.outlets()));
  });

  app.get('/outlets/:name', async (c) => {
    const query = q(c);
    onlyParams(query, ['limit', 'offset']);
    const page = pageParams(query, 20);
    return c.html(outletPage(await outletRecord(store, c.req.param('name'), page), page.limit, page.offset));
  });

  app.get('/articles/:id', async (c) => {
    onlyParams(q(c), []);
    return c.html(articlePage(await articleDetail(store, c.req.param('id'))));
  });

  app.get('/jobs', async (c) => {
    const query = q(c);
    onlyParams(query, ['limit', 'offset']);
    const page = pageParams(query, 20);
    return c.html(jobsPage(await store.jobs(page), page.limit, page.offset, options.allowAdd ?? false));
  });

  return app;
}
