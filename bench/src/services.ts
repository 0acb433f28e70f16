// Postgres and Redis for the cluster workload: a fresh database on the machine's Postgres and a private redis-server.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect as netConnect } from 'node:net';
import { freePort } from './servers/childServer.ts';
import { sleep } from './time.ts';

const PG_HOST = process.env.BENCH_PG_HOST ?? '127.0.0.1';
const PG_PORT = process.env.BENCH_PG_PORT ?? '5432';
const PG_USER = process.env.BENCH_PG_USER ?? 'root';

/** Runs one statement on the `postgres` database; returns its unaligned output. */
export function psql(sql: string, database = 'postgres'): string {
  return execFileSync(
    'psql',
    ['-h', PG_HOST, '-p', PG_PORT, '-U', PG_USER, '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql],
    { encoding: 'utf8', stdio: 'pipe', timeout: 15_000 },
  ).trim();
}

export interface BenchDatabase {
  name: string;
  url: string;
  /** Pids of the Postgres backends serving this database right now (for their CPU time). */
  backendPids(): number[];
  drop(): void;
}

/** A fresh, empty database; throws a readable error when Postgres is unreachable. */
export function createDatabase(): BenchDatabase {
  const name = `hindsight_bench_${randomBytes(5).toString('hex')}`;
  try {
    psql(`CREATE DATABASE ${name}`);
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(
      `Postgres unreachable at ${PG_HOST}:${PG_PORT} as ${PG_USER} (${(e.stderr || e.message).trim().split('\n')[0]})`,
    );
  }
  return {
    name,
    url: `postgres://${PG_USER}@${PG_HOST}:${PG_PORT}/${name}`,
    backendPids: () =>
      psql(`SELECT pid FROM pg_stat_activity WHERE datname = '${name}'`).split('\n').filter(Boolean).map(Number),
    drop: () => void psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export interface BenchRedis {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A private redis-server as the multi-server mode needs it: no persistence, never evicts stream keys. */
export async function startRedis(): Promise<BenchRedis> {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child: ChildProcess = spawn('redis-server', [...args, '--maxmemory-policy', 'noeviction'], {
    stdio: 'ignore',
  });
  const failed = new Promise<never>((_, reject) =>
    child.once('error', (err) => reject(new Error(`redis-server could not start (${err.message})`))),
  );
  const exited = new Promise((r) => child.once('exit', r));
  process.on('exit', () => child.kill('SIGKILL'));
  const ready = (async () => {
    for (let i = 0; i < 100; i++) {
      const ok = await new Promise<boolean>((resolve) => {
        const s = netConnect(port, '127.0.0.1', () => (s.end(), resolve(true)));
        s.on('error', () => resolve(false));
      });
      if (ok) return;
      await sleep(50);
    }
    child.kill('SIGKILL');
    throw new Error(`redis-server did not listen on ${port} within 5 s`);
  })();
  await Promise.race([ready, failed]);
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
