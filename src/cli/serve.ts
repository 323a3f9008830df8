/** `parallax serve`: the web app and HTTP API over a store. The server and the store load only when it runs. */
import type { Command } from 'commander';
import { EXIT, UsageError } from './errors.js';
import type { Store } from '../store/types.js';
import type { CliCommand } from './command.js';

interface ServeFlags {
  db: string;
  port: string;
  host: string;
  allowAdd?: boolean;
  token?: string;
  maxUpload: string;
}

const EXAMPLES = `
Examples:
  $ parallax serve                                   the store parallax.db on http://127.0.0.1:8080
  $ parallax serve --db corpus.db --port 3000
  $ parallax serve --allow-add                       also accept POST /api/v1/articles (from this machine)
  $ parallax serve --host 0.0.0.0 --allow-add --token "$(openssl rand -hex 16)"

The server binds to 127.0.0.1 unless --host says otherwise. Beyond loopback, --allow-add needs --token; adding
then needs "Authorization: Bearer <token>". The API is described at /api/v1/openapi.json.`;

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|::1|localhost)$/i;

async function run(cmd: Command): Promise<number> {
  const f = cmd.opts<ServeFlags>();
  if (!/^\d+$/.test(f.port) || Number(f.port) > 65535) throw new UsageError(`--port needs a port number (0-65535), not "${f.port}"`);
  if (!/^\d+$/.test(f.maxUpload) || Number(f.maxUpload) < 1) throw new UsageError(`--max-upload needs a size in megabytes, not "${f.maxUpload}"`);
  if (f.token !== undefined && f.token.length < 8) throw new UsageError('--token needs at least 8 characters');
  if (f.allowAdd && !LOOPBACK.test(f.host) && f.token === undefined) {
    throw new UsageError(`--allow-add on ${f.host} (beyond this machine) needs --token, so that only those who have it can add articles`);
  }
  const [{ openStore }, { createApp }, { serve }] = await Promise.all([import('../store/index.js'), import('../web/index.js'), import('@hono/node-server')]);
  let store: Store;
  try {
    store = await openStore(f.db);
  } catch (err) {
    process.stderr.write(`parallax: ${(err as Error).message}\n`);
    return EXIT.failed;
  }
  const app = createApp(store, { allowAdd: f.allowAdd ?? false, token: f.token, maxUpload: Number(f.maxUpload) * 1024 * 1024 });
  return new Promise<number>((resolve) => {
    const server = serve({ fetch: app.fetch, port: Number(f.port), hostname: f.host }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      process.stderr.write(`parallax: serving ${f.db} on http://${host}:${info.port}/ (adding articles ${f.allowAdd ? 'on' : 'off'}); Ctrl-C stops\n`);
    });
    server.on('error', (err: Error) => {
      process.stderr.write(`parallax: cannot listen on ${f.host}:${f.port} (${err.message})\n`);
      void store.close().then(() => resolve(EXIT.failed));
    });
    const stop = () => server.close(() => void store.close().then(() => resolve(EXIT.ok)));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export const serveCommand: CliCommand = {
  name: 'serve',
  configure(cmd) {
    cmd
      .description('Browse, search and compare the stored stories in a browser; JSON API under /api/v1.')
      .option('--db <file>', 'the store (a SQLite file)', 'parallax.db')
      .option('--port <n>', 'port to listen on', '8080')
      .option('--host <address>', 'address to bind (loopback by default; 0.0.0.0 for every interface)', '127.0.0.1')
      .option('--allow-add', 'accept new articles on POST /api/v1/articles (off by default)')
      .option('--token <token>', 'require "Authorization: Bearer <token>" to add articles (needed with --allow-add beyond loopback)')
      .option('--max-upload <mb>', 'largest upload accepted, in megabytes', '10')
      .addHelpText('after', EXAMPLES);
  },
  run,
};
