// The HTTP application (Hono): API routes, health and metrics, the built
// client, and one error handler that turns every failure into the API's JSON
// error shape without leaking internals.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import { ApiErrorCode, CloseCode, TEAM_LINK_API_PATH } from '@hindsight/protocol';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { RoomRegistry } from './relay/registry.ts';
import { HttpError, sendError } from './routes/errors.ts';
import { createReviewIndex } from './followup/reviewIndex.ts';
import { earlierRoutes } from './routes/earlier.ts';
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
import { firstStartClaim, teamRoutes, type FirstStartClaim } from './routes/team.ts';
import { StoreWriteError, type Store } from './storage/store.ts';
import { sameSecret } from './auth/secrets.ts';
import { bearer } from './routes/auth.ts';
import { throttledPing } from './web/health.ts';
import { hostCheck } from './web/hostCheck.ts';
import { jsonOnly } from './web/jsonOnly.ts';
import { securityHeaders } from './web/securityHeaders.ts';

/** /healthz writes to the store at most this often; callers in between share the last result. */
const HEALTH_PING_INTERVAL_MS = 5_000;

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
  /** The first team token of a fresh instance, for the home page to show once at this machine. */
  teamClaim?: FirstStartClaim;
  /** Serve the client's `.map` files (SERVE_SOURCE_MAPS); off by default. */
  serveSourceMaps?: boolean;
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

  app.use('*', hostCheck(deps.publicUrl));
  app.use('*', securityHeaders());
  app.use('/api/*', jsonOnly());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => sendError(c, 413, ApiErrorCode.PayloadTooLarge, 'request body over 64 KiB'),
    }),
  );

  const ping = throttledPing(() => deps.store.ping(), HEALTH_PING_INTERVAL_MS);
  app.get('/healthz', async (c) => {
    try {
      await ping();
      return c.json({ ok: true, rooms: deps.registry.size });
    } catch (err) {
      deps.log.error({ err }, 'health check failed');
      return sendError(c, 503, ApiErrorCode.Unavailable, 'the store cannot read or write');
    }
  });

  // Prometheus metrics name rooms and counts: the operator's only (scrape with `authorization: credentials`).
  app.get('/metrics', async (c) => {
    if (deps.createToken === undefined) {
      return sendError(
        c,
        403,
        ApiErrorCode.Forbidden,
        '/metrics needs the operator token: start the server with CREATE_TOKEN and scrape with "Authorization: Bearer <CREATE_TOKEN>"',
      );
    }
    if (!sameSecret(bearer(c), deps.createToken)) {
      return sendError(
        c,
        401,
        ApiErrorCode.Unauthorized,
        '/metrics needs the operator token as "Authorization: Bearer <CREATE_TOKEN>"',
      );
    }
    c.header('Content-Type', deps.metrics.registry.contentType);
    return c.body(await deps.metrics.registry.metrics());
  });

  // One follow-up index (a summary per review) for every route that reads across reviews.
  const index = createReviewIndex({ store: deps.store, snapshot: (id) => deps.registry.snapshot(id), log: deps.log });
  app.route('/api/reviews', reviewRoutes({ ...deps, publicUrl }));
  app.route('/api/reviews', linkRoutes({ ...deps, publicUrl }));
  app.route('/api/reviews', reportRoutes({ ...deps, index }));
  app.route('/api/reviews', publishRoutes(deps));
  app.route('/api/reviews', publishedRoutes({ ...deps, index }));
  app.route('/api/reviews', earlierRoutes({ ...deps, index }));
  app.route('/api/reviews', feedbackRoutes(deps));
  app.route('/api', followUpRoutes({ ...deps, index, publicUrl }));
  app.route('/api', templateRoutes(deps));
  app.route(
    TEAM_LINK_API_PATH,
    teamRoutes({
      ...deps,
      publicUrl,
      configuredPublicUrl: deps.publicUrl,
      claim: deps.teamClaim ?? firstStartClaim(null),
    }),
  );
  app.route('/api/reviews', ingestRoutes(deps));
  app.route('/api/reviews', historyRoutes(deps));
  app.route('/api/reviews', historyPurgeRoutes(deps));
  app.all('/api/*', (c) => sendError(c, 404, ApiErrorCode.NotFound, `no API route ${c.req.method} ${c.req.path}`));

  const indexFile = join(deps.clientDist, 'index.html');
  if (existsSync(indexFile)) {
    const indexHtml = readFileSync(indexFile, 'utf8');
    if (!deps.serveSourceMaps) {
      app.use('/*', async (c, next) => {
        if (!c.req.path.endsWith('.map')) return next();
        return sendError(
          c,
          404,
          ApiErrorCode.NotFound,
          'source maps are not served (SERVE_SOURCE_MAPS=true serves them)',
        );
      });
    }
    // The build writes .br and .gz copies of each asset (client/vite.config.ts); the one the browser accepts is sent.
    app.use('/*', serveStatic({ root: deps.clientDist, precompressed: true }));
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
