// Runs the store contract on a real Postgres, in a fresh schema per store, plus Postgres-only cases (migrations, outages).
import { randomBytes } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isCI } from '../config.ts';
import { openPostgresStore } from './postgres.ts';
import { storeContract } from './store.contract.ts';
import { type Store, StoreWriteError } from './store.ts';

// Test-only variable; the eslint config lets *.test.ts read process.env.
const url = process.env.HINDSIGHT_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const schemas: string[] = [];
let admin: pg.Client | undefined;

/** A schema name no other run (parallel or earlier) uses. */
const freshSchema = (): string => {
  const name = `hindsight_test_${randomBytes(6).toString('hex')}`;
  schemas.push(name);
  return name;
};

/** Connects the admin client once; an unreachable Postgres fails every test (not a skip). */
async function connectAdmin(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    const hint = isCI()
      ? 'CI must provide Postgres (see .ci/run)'
      : 'start Postgres: pg_ctlcluster 15 main start (or apt-get install -y postgresql)';
    throw new Error(
      `\n\n*** Postgres is unreachable at ${url}: ${(err as Error).message}\n*** ${hint}\n*** (or set HINDSIGHT_TEST_DATABASE_URL)\n`,
    );
  }
  admin = client;
  return client;
}
// Failing inside each test rather than in beforeAll: a failed beforeAll makes
// Vitest report the tests as skipped, which CI's count would not flag.
let reachable: Promise<pg.Client> | undefined;
const postgres = (): Promise<pg.Client> => (reachable ??= connectAdmin());

afterAll(async () => {
  if (!admin) return;
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await admin.end();
});

storeContract('postgres', {
  async create() {
    await postgres();
    const schema = freshSchema();
    const open = () => openPostgresStore({ connectionString: url, schema, poolSize: 4 });
    return { store: await open(), reopen: open };
  },
});

/** A TCP proxy in front of Postgres that can be taken down and brought back, to stage an outage. */
async function startProxy(target: URL): Promise<{ url: string; down(): void; up(): Promise<void>; close(): void }> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = async (): Promise<void> => {
    server = createServer((inbound) => {
      const outbound = connect(Number(target.port || 5432), target.hostname);
      for (const s of [inbound, outbound]) {
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => sockets.delete(s));
      }
      inbound.pipe(outbound).pipe(inbound);
      inbound.on('close', () => outbound.destroy());
      outbound.on('close', () => inbound.destroy());
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  };
  await listen();
  const proxied = new URL(target.href);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(port);
  const down = (): void => {
    server?.close();
    server = undefined;
    for (const s of sockets) s.destroy();
  };
  return { url: proxied.href, down, up: listen, close: down };
}

describe('postgres store', () => {
  const toClose: Store[] = [];
  afterAll(async () => {
    for (const s of toClose) await s.close().catch(() => undefined);
  });

  it('migrates once when several servers open the same empty schema at the same time', async () => {
    const db = await postgres();
    const schema = freshSchema();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresStore({ connectionString: url, schema, poolSize: 2 })),
    );
    toClose.push(...stores);
    const res = await db.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    const versions = res.rows.map((r: { version: number }) => r.version);
    // Each migration applied exactly once, in order, with none skipped.
    expect(versions.length).toBeGreaterThanOrEqual(3);
    expect(versions).toEqual(versions.map((_: number, i: number) => i + 1));
    await stores[0]!.createReview({ id: 'r', title: 'R', createdAt: 1 }, [], new Uint8Array([0, 0]));
    expect(await stores[3]!.getReview('r')).toEqual({ id: 'r', title: 'R', createdAt: 1 });
  });

  it('refuses writes while Postgres is unreachable and accepts them again once it is back', async () => {
    await postgres();
    const proxy = await startProxy(new URL(url));
    try {
      const store = await openPostgresStore({
        connectionString: proxy.url,
        schema: freshSchema(),
        poolSize: 2,
        connectTimeoutMs: 1_000,
      });
      toClose.push(store);
      await store.createReview({ id: 'r', title: 'R', createdAt: 1 }, [], new Uint8Array([0, 0]));
      const input = { update: new Uint8Array([0, 0]), receivedAt: 1, role: 'editor', linkId: null } as const;
      expect(await store.append('r', input)).toBe(2);

      proxy.down();
      const during = await Promise.allSettled([store.append('r', input), store.append('r', input)]);
      for (const r of during) {
        expect(r.status).toBe('rejected');
        expect(r.status === 'rejected' && r.reason).toBeInstanceOf(StoreWriteError);
      }
      await expect(store.ping()).rejects.toBeInstanceOf(StoreWriteError);

      await proxy.up();
      // The pool drops the dead connections and opens new ones; nothing refused was stored.
      expect(await store.append('r', input)).toBe(3);
      await expect(store.ping()).resolves.toBeUndefined();
      expect((await store.readLog('r', 0, 10)).map((u) => u.seq)).toEqual([1, 2, 3]);
    } finally {
      proxy.close();
    }
  });

  it('fails to open with a StoreWriteError when Postgres cannot be reached', async () => {
    await postgres();
    const proxy = await startProxy(new URL(url));
    proxy.down();
    await expect(
      openPostgresStore({ connectionString: proxy.url, schema: freshSchema(), connectTimeoutMs: 1_000 }),
    ).rejects.toBeInstanceOf(StoreWriteError);
  });
});
