// The HTTP application (Hono): API routes, health and metrics, the built
// client, and one error handler that turns every failure into the API's JSON
// error shape without leaking internals.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import { ApiErrorCode, CloseCode } from '@hindsight/protocol';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { RoomRegistry } from './relay/registry.ts';
import { HttpError, sendError } from './routes/errors.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { followUpRoutes } from './routes/followUp.ts';
import { historyRoutes } from './routes/history.ts';
import { historyPurgeRoutes } from './routes/historyPurge.ts';
import { linkRoutes } from './routes/links.ts';
import { publishRoutes } from './routes/publish.ts';
import { publishedRoutes } from './routes/published.ts';
import { reportRoutes } from './routes/reportExports.ts';
import { ingestRoutes, type IngestLimits } from './routes/ingest.ts';
import { ServerChangeRefused } from './relay/serverChanges.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { templateRoutes } from './routes/templates.ts';
import { StoreWriteError, type Store } from './storage/store.ts';

export interface AppDeps {
  store: Store;
  registry: RoomRegistry;
  metrics: Metrics;
  log: Logger;
  /** Fixed public origin, or undefined to derive it from each request. */
  publicUrl: string | undefined;
  createToken: string | undefined;
  /** Directory of the built client; served when it exists. */
  clientDist: string;
  /** Limits of the alert ingest endpoints. */
  ingest: IngestLimits;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const publicUrl = (requestUrl: string): string => deps.publicUrl ?? new URL(requestUrl).origin;

  app.onError((err, c) => {
    if (err instanceof HttpError) return sendError(c, err.status, err.code, err.message);
    if (err instanceof ServerChangeRefused) {
      deps.log.warn({ path: c.req.path, code: err.code, detail: err.detail }, 'server change refused');
      return err.code === CloseCode.DocumentTooLarge
        ? sendError(
            c,
            413,
            ApiErrorCode.PayloadTooLarge,
            `nothing was added: ${err.detail} (MAX_DOC_BYTES); the facilitator can remove old entries or the operator raise the limit`,
          )
        : sendError(c, 422, ApiErrorCode.Unprocessable, `nothing was added: ${err.detail}`);
    }
    if (err instanceof StoreWriteError) {
      deps.log.error({ err, path: c.req.path }, 'store write failed');
      return sendError(
        c,
        503,
        ApiErrorCode.Unavailable,
        'storage is unavailable (disk full or read-only?); nothing was saved, retry later',
      );
    }
    deps.log.error({ err, path: c.req.path }, 'unhandled error');
    return sendError(c, 500, ApiErrorCode.Internal, 'internal error; the server log has details');
  });

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => sendError(c, 413, ApiErrorCode.PayloadTooLarge, 'request body over 64 KiB'),
    }),
  );

  app.get('/healthz', async (c) => {
    try {
      await deps.store.ping();
      return c.json({ ok: true, rooms: deps.registry.size });
    } catch (err) {
      deps.log.error({ err }, 'health check failed');
      return sendError(c, 503, ApiErrorCode.Unavailable, 'the store cannot read or write');
    }
  });

  app.get('/metrics', async (c) => {
    c.header('Content-Type', deps.metrics.registry.contentType);
    return c.body(await deps.metrics.registry.metrics());
  });

  app.route('/api/reviews', reviewRoutes({ ...deps, publicUrl }));
  app.route('/api/reviews', linkRoutes({ ...deps, publicUrl }));
  app.route('/api/reviews', reportRoutes(deps));
  app.route('/api/reviews', publishRoutes(deps));
  app.route('/api/reviews', publishedRoutes(deps));
  app.route('/api/reviews', feedbackRoutes(deps));
  app.route('/api', followUpRoutes({ ...deps, publicUrl }));
  app.route('/api', templateRoutes(deps));
  app.route('/api/reviews', ingestRoutes(deps));
  app.route('/api/reviews', historyRoutes(deps));
  app.route('/api/reviews', historyPurgeRoutes(deps));
  app.all('/api/*', (c) => sendError(c, 404, ApiErrorCode.NotFound, `no API route ${c.req.method} ${c.req.path}`));

  const indexFile = join(deps.clientDist, 'index.html');
  if (existsSync(indexFile)) {
    const indexHtml = readFileSync(indexFile, 'utf8');
    app.use('/*', serveStatic({ root: deps.clientDist }));
    // Client-side routes (/, /r/<id>) all load the app shell.
    app.get('*', (c) => c.html(indexHtml));
  } else {
    deps.log.warn(
      { clientDist: deps.clientDist },
      'client not built; serving the API only (run `pnpm start` to build it)',
    );
    app.get('*', (c) =>
      sendError(c, 404, ApiErrorCode.NotFound, 'the client is not built; run `pnpm start` from the project root'),
    );
  }
  return app;
}
