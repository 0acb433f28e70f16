// Real Postgres and Redis for the multi-server tests: a fresh database per
// test file on the machine's Postgres, and a private redis-server process
// that a test may stop and restart. Missing services fail loudly.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer as createNetServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { unmetRequirement } from './requirement.ts';

const PG_HOST = process.env.HINDSIGHT_TEST_PG_HOST ?? '127.0.0.1';
const PG_PORT = Number(process.env.HINDSIGHT_TEST_PG_PORT ?? 5432);
const PG_USER = process.env.HINDSIGHT_TEST_PG_USER ?? 'root';

function howToInstall(what: 'postgres' | 'redis', err: unknown): Error {
  const fix =
    what === 'postgres'
      ? 'start Postgres on 127.0.0.1:5432 with trust auth for root: pg_ctlcluster 15 main start (or sudo bash scripts/provision.sh)'
      : 'install redis-server: apt-get install -y redis-server (or sudo bash scripts/provision.sh)';
  return unmetRequirement(`${what} is needed by the multi-server tests`, fix, err);
}

function psql(sql: string): void {
  try {
    execFileSync(
      'psql',
      ['-h', PG_HOST, '-p', String(PG_PORT), '-U', PG_USER, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql],
      {
        stdio: 'pipe',
      },
    );
  } catch (err) {
    throw howToInstall('postgres', err);
  }
}

export interface TestDatabase {
  url: string;
  /** The database URL reached through `port` instead (for a proxy). */
  urlVia(port: number): string;
  drop(): void;
}

/** A fresh, empty database on the machine's Postgres. */
export function createTestDatabase(): TestDatabase {
  const name = `hindsight_test_${randomBytes(6).toString('hex')}`;
  psql(`CREATE DATABASE ${name}`);
  return {
    url: `postgres://${PG_USER}@${PG_HOST}:${PG_PORT}/${name}`,
    urlVia: (port) => `postgres://${PG_USER}@127.0.0.1:${port}/${name}`,
    drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

export interface TestRedis {
  url: string;
  port: number;
  /** Stops Redis (it keeps nothing), and starts it again on the same port. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** A private redis-server on a free port, configured as the multi-server mode needs it. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess;
  const launch = async (): Promise<void> => {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      {
        stdio: 'ignore',
      },
    );
    const failed = new Promise<never>((_, reject) => child.once('error', (err) => reject(howToInstall('redis', err))));
    const ready = (async () => {
      for (let i = 0; i < 100; i++) {
        const ok = await new Promise<boolean>((resolve) => {
          const s = netConnect(port, '127.0.0.1', () => (s.end(), resolve(true)));
          s.on('error', () => resolve(false));
        });
        if (ok) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw howToInstall('redis', new Error(`redis-server did not listen on ${port}`));
    })();
    await Promise.race([ready, failed]);
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  await launch();
  process.on('exit', () => child.kill('SIGKILL'));
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restart(downMs = 500) {
      await stop();
      await new Promise((r) => setTimeout(r, downMs));
      await launch();
    },
    stop,
  };
}

export interface CuttableProxy {
  port: number;
  /** Drops every open connection and refuses new ones. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/** A TCP proxy to `targetPort` that a test can cut, to make a real service unreachable for a while. */
export async function startProxy(targetPort: number): Promise<CuttableProxy> {
  let down = false;
  const sockets = new Set<Socket>();
  const server: Server = createNetServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = netConnect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => (client.destroy(), upstream.destroy()));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      down = false;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export const PG_TEST_PORT = PG_PORT;
