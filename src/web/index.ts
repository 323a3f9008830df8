/** The web app and HTTP API over a store: `createApp(store, options)` gives a hono app (src/web/app.ts). */
export * from './app.js';
