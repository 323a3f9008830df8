/**
 * The web app's static files, all served from its own origin: the report's stylesheet, the app's own styles
 * and scripts (src/web/assets/), and the chart and graph libraries' dist files from node_modules (no CDN).
 * Only the files named here are served; they are read once and kept.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../paths.js';
import { STYLE } from '../render/html.js';

const require = createRequire(import.meta.url);
const assets = join(packageRoot, 'src', 'web', 'assets');
/** The folder of a package's main file: `dist/` for both libraries (their exports hide package.json). */
const distDir = (name: string): string => dirname(require.resolve(name));

const FILES: Record<string, { type: string; read: () => string | Uint8Array }> = {
  'report.css': { type: 'text/css; charset=utf-8', read: () => STYLE },
  'app.css': { type: 'text/css; charset=utf-8', read: () => readFileSync(join(assets, 'app.css')) },
  'favicon.svg': { type: 'image/svg+xml', read: () => readFileSync(join(assets, 'favicon.svg')) },
  'app.js': { type: 'text/javascript; charset=utf-8', read: () => readFileSync(join(assets, 'app.js')) },
  'charts.js': { type: 'text/javascript; charset=utf-8', read: () => readFileSync(join(assets, 'charts.js')) },
  'vendor/uPlot.iife.min.js': { type: 'text/javascript; charset=utf-8', read: () => readFileSync(join(distDir('uplot'), 'uPlot.iife.min.js')) },
  'vendor/uPlot.min.css': { type: 'text/css; charset=utf-8', read: () => readFileSync(join(distDir('uplot'), 'uPlot.min.css')) },
  'vendor/cytoscape.min.js': { type: 'text/javascript; charset=utf-8', read: () => readFileSync(join(distDir('cytoscape'), 'cytoscape.min.js')) },
};

const cache = new Map<string, { type: string; body: string | Uint8Array }>();

/** A static file by its path under /static/, or null when it is not one of the app's files. */
export function staticFile(path: string): { type: string; body: string | Uint8Array } | null {
  const f = Object.hasOwn(FILES, path) ? FILES[path] : undefined;
  if (!f) return null;
  let hit = cache.get(path);
  if (!hit) {
    const body = f.read();
    hit = { type: f.type, body: typeof body === 'string' ? body : new Uint8Array(body) };
    cache.set(path, hit);
  }
  return hit;
}

export const STATIC_FILES = Object.keys(FILES);

export const OPENAPI_PATH = join(packageRoot, 'src', 'web', 'openapi.json');
let openapi: unknown = null;

/** The OpenAPI 3.1 document of /api/v1, as committed in src/web/openapi.json. */
export function openApiDocument(): unknown {
  openapi ??= JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));
  return openapi;
}
