// Composition root: config -> logger -> store -> metrics -> rooms -> app -> listen.
// Shuts down on SIGTERM/SIGINT after closing sockets and flushing every room.
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { migrate } from '@hindsight/doc';
import type * as Y from 'yjs';
import { createApp } from './app.ts';
import { SNAPSHOT_EVERY, extendSnapshots } from './history/history.ts';
import { indexOnCheckpoint } from './followup/reviewIndex.ts';
import { closeOnLoad, startCollectionSweep } from './lifecycle/collectionWindow.ts';
import { authenticate } from './auth/links.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { createMetrics } from './metrics.ts';
import { RoomRegistry } from './relay/registry.ts';
import { createUpgradeHandler } from './relay/upgrade.ts';
import { createWsEndpoint } from './relay/wsAdapter.ts';
import { warmUp } from './relay/warmUp.ts';
import { allowedHost, hostRefusal } from './web/hostCheck.ts';
import { createRedisBus, type RedisBus } from './cluster/redisBus.ts';
import { openConfiguredStore } from './storage/openStore.ts';
import { firstStartClaim } from './routes/team.ts';
import { firstTeamLink, teamLinkUrl } from './auth/team.ts';
import type { Store } from './storage/store.ts';

/** How long after a checkpoint the history snapshots are brought up to date. */
const HISTORY_SNAPSHOT_DELAY_MS = 10_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const log = createLogger(config.LOG_LEVEL);
  let store: Store;
  let bus: RedisBus | undefined;
  try {
    store = await openConfiguredStore(config);
    if (config.REDIS_URL) {
      bus = await createRedisBus({ url: config.REDIS_URL, serverId: config.SERVER_ID, log });
      log.info({ serverId: config.SERVER_ID }, 'multi-server mode: Postgres store, Redis Streams bus');
    }
  } catch (err) {
    const where = config.DATABASE_URL
      ? 'check DATABASE_URL and REDIS_URL: both services must be reachable'
      : 'check that DATA_DIR exists, is writable and has free space';
    log.fatal({ err, dataDir: config.DATA_DIR }, `cannot open the store (${(err as Error).message}); ${where}`);
    process.exit(1);
  }
  // A fresh instance gets its team link now; it is printed once below and shown once on the home page.
  const firstTeamToken = await firstTeamLink(store, Date.now());
  const metrics = createMetrics();
  // Documents written by an older release are upgraded once, on load; an ended collection window is closed.
  const prepare = (doc: Y.Doc): void => {
    migrate(doc);
    closeOnLoad(doc);
  };
  const registry = new RoomRegistry({
    store,
    prepare,
    onCheckpoint: (() => {
      const index = indexOnCheckpoint(store, log);
      return (reviewId: string, doc: Y.Doc, uptoSeq: number) => {
        index(reviewId, doc, uptoSeq);
        // History snapshots are background work: never on the path of a room's first sync.
        setTimeout(
          () =>
            void extendSnapshots(store, reviewId, uptoSeq).catch((err: unknown) =>
              log.warn({ reviewId, err }, 'could not extend the history snapshots'),
            ),
          HISTORY_SNAPSHOT_DELAY_MS,
        ).unref();
      };
    })(),
    // A history seek starts from a stored state at most this far before it as soon as a checkpoint is
    // written, not only once the snapshot builder has replayed the log (it fills the gaps later).
    historySnapshotGap: SNAPSHOT_EVERY / 2,
    bus,
    catchUpIntervalMs: config.CATCH_UP_INTERVAL_MS,
    metrics: metrics.relay,
    log,
    limits: {
      maxDocBytes: config.MAX_DOC_BYTES,
      updatesPerSecond: config.UPDATES_PER_SECOND,
      awarenessPerSecond: config.AWARENESS_PER_SECOND,
      messagesPerSecond: config.MESSAGES_PER_SECOND,
      bytesPerSecond: config.BYTES_PER_SECOND,
      maxFrameBytes: config.MAX_FRAME_BYTES,
      syncRequestsPerSecond: config.SYNC_REQUESTS_PER_SECOND,
      maxAwarenessStateBytes: config.MAX_AWARENESS_STATE_BYTES,
      maxBufferedBytes: config.MAX_BUFFERED_BYTES,
      maxMessagesWhileLoading: 1_000,
      compactDebounceMs: config.COMPACT_DEBOUNCE_MS,
      compactEveryUpdates: config.COMPACT_EVERY_UPDATES,
      compactMinIntervalMs: config.COMPACT_MIN_INTERVAL_MS,
      idleUnloadMs: config.IDLE_UNLOAD_MS,
      answerWaitMs: config.ANSWER_WAIT_MS,
    },
  });
  const stopSweep = startCollectionSweep({ registry, intervalMs: config.COLLECTION_SWEEP_MS, log });
  const endpoint = createWsEndpoint({
    maxFrameBytes: config.MAX_FRAME_BYTES,
    pingIntervalMs: config.PING_INTERVAL_MS,
    onError: (err) => log.debug({ err }, 'websocket error'),
  });
  const app = createApp({
    store,
    registry,
    metrics,
    log,
    publicUrl: config.PUBLIC_URL,
    createToken: config.CREATE_TOKEN,
    clientDist: config.CLIENT_DIST,
    serveSourceMaps: config.SERVE_SOURCE_MAPS,
    teamClaim: firstStartClaim(firstTeamToken),
    ingest: { maxAlerts: config.INGEST_MAX_ALERTS, postsPerMinute: config.INGEST_POSTS_PER_MINUTE },
  });

  const server = createServer(getRequestListener(app.fetch));
  server.on(
    'upgrade',
    createUpgradeHandler({
      authenticate: (id, token) => authenticate(store, id, token),
      endpoint,
      registry,
      log,
      checkHost: (host) => (allowedHost(host, config.PUBLIC_URL) ? null : hostRefusal(host)),
      maxConnectionsPerLink: config.MAX_CONNECTIONS_PER_LINK,
    }),
  );

  try {
    log.debug({ ms: Math.round(warmUp(prepare)) }, 'load and write paths compiled on a made-up review');
  } catch (err) {
    // Only speed depends on it: the first review opened compiles these paths instead.
    log.warn({ err }, 'could not warm up the load path on a made-up review');
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  if (firstTeamToken !== null) {
    log.info(
      { teamLink: teamLinkUrl(config.PUBLIC_URL ?? `http://${config.HOST}:${port}`, firstTeamToken) },
      'team link for /actions and /insights across reviews (printed once; keep it: `pnpm team-link` prints a new one and revokes this)',
    );
  }
  log.info({ host: config.HOST, port, dataDir: config.DATA_DIR, url: `http://${config.HOST}:${port}` }, 'listening');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close();
    stopSweep();
    await registry.closeAll();
    endpoint.close();
    server.closeAllConnections();
    await bus?.close();
    await store.close();
    log.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main();
