// The services behind the multi-server mode going away: Redis restarted during
// edits (servers recover and converge), Postgres unreachable for a while
// (writes refused, never acknowledged, then resumed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { canonical, connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';
import {
  createTestDatabase,
  PG_TEST_PORT,
  startProxy,
  startRedis,
  type CuttableProxy,
  type TestDatabase,
  type TestRedis,
} from '../helpers/services.ts';

describe('service outages in the multi-server mode', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let pgProxy: CuttableProxy;
  let servers: RunningServer[];
  let review: ReviewHandle;
  let a: Client;
  let b: Client;
  let n = 0;

  beforeAll(async () => {
    db = createTestDatabase();
    redis = await startRedis();
    pgProxy = await startProxy(PG_TEST_PORT);
    servers = [];
    for (let i = 0; i < 2; i++) {
      servers.push(
        await startServer({
          env: {
            DATABASE_URL: db.urlVia(pgProxy.port),
            REDIS_URL: redis.url,
            SERVER_ID: `node-${i}`,
            CATCH_UP_INTERVAL_MS: '500',
          },
        }),
      );
    }
    review = await servers[0]!.createReview('Outages');
    a = connect(servers[0]!, review.id, review.tokens.editor);
    b = connect(servers[1]!, review.id, review.tokens.editor);
    await Promise.all([synced(a), synced(b)]);
  });
  afterAll(async () => {
    a?.destroy();
    b?.destroy();
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await pgProxy?.close();
    await redis?.stop();
    db?.drop();
  });

  const edit = (c: Client, summary: string) => addEntry(c.doc, { at: n++, summary }, defaultContext('t'));
  const has = (c: Client, summary: string) => readTimeline(c.doc).some((e) => e.summary === summary);

  it('Redis restarted during edits: both servers recover and converge', async () => {
    edit(a, 'before redis restart');
    await waitFor(() => has(b, 'before redis restart'), 'the first edit across servers');
    const restarting = redis.restart(800);
    for (let i = 0; i < 20; i++) {
      edit(i % 2 ? a : b, `during redis restart ${i}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await restarting;
    edit(a, 'after redis restart');
    await waitFor(
      () => has(b, 'after redis restart') && canonical(a.doc) === canonical(b.doc) && readTimeline(a.doc).length === 22,
      'the servers to converge after Redis came back',
      20_000,
    );
    expect(servers.every((s) => s.process.exitCode === null)).toBe(true);
    // Both really lost Redis and came back (rather than never noticing).
    await waitFor(
      () => servers.every((s) => s.logs.some((l) => String(l.msg).startsWith('redis reconnected'))),
      'both servers to reconnect to Redis',
    );
    edit(b, 'after reconnecting');
    await waitFor(() => has(a, 'after reconnecting'), 'edits to flow through Redis again');
  });

  it('Postgres unreachable: writes are refused, never acknowledged, then resume', async () => {
    const before = readTimeline(b.doc).length;
    // A second client on server 0, connected while Postgres is there (links are checked in Postgres).
    const watch0 = connect(servers[0]!, review.id, review.tokens.observer);
    await synced(watch0);
    pgProxy.cut();
    try {
      edit(a, 'while postgres is away');
      await waitFor(
        () => servers[0]!.logs.some((l) => l.msg === 'closing connection' && l.code === 4503),
        'server 0 to refuse the write',
        15_000,
      );
      // Nobody else received it: it was never stored. The positive signal: presence that a client of
      // server 0 sets after the refusal reaches b on server 1; the bus keeps one ordered stream per
      // review, so an update server 0 had published would have arrived first.
      watch0.provider.awareness.setLocalStateField('user', { name: 'after the refusal' });
      await waitFor(() => {
        const s = b.provider.awareness.getStates().get(watch0.doc.clientID) as { user?: { name?: string } } | undefined;
        return s?.user?.name === 'after the refusal';
      }, 'presence from server 0 after the refusal to reach server 1');
      expect(has(watch0, 'while postgres is away')).toBe(false);
      expect(has(b, 'while postgres is away')).toBe(false);
      expect(readTimeline(b.doc).length).toBe(before);
      // /healthz reuses a success for a few seconds (it is unauthenticated): wait for its next real write.
      let health = (await servers[1]!.fetch('/healthz')).status;
      for (let tries = 0; health === 200 && tries < 100; tries++) {
        await new Promise((r) => setTimeout(r, 200));
        health = (await servers[1]!.fetch('/healthz')).status;
      }
      expect(health).toBe(503);
    } finally {
      pgProxy.restore();
      watch0.destroy();
    }
    // The stock client reconnects and resends; it lands once Postgres is back.
    await waitFor(() => has(b, 'while postgres is away'), 'the refused edit to land after Postgres returns', 30_000);
    const exported = await exportJson(servers[1]!, review.id, review.tokens.observer);
    expect((exported.timeline as { summary: string }[]).some((e) => e.summary === 'while postgres is away')).toBe(true);
  });
});
