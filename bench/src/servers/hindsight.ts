// Hindsight as `pnpm start` runs it (node --import tsx server/src/main.ts): durable SQLite store
// in a temp DATA_DIR, LOG_LEVEL=warn, rate limits raised so they never shape the numbers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreateReviewResponse } from '@hindsight/protocol';
import { baseline } from './baseline.ts';
import { startChildServer, type ChildServer } from './childServer.ts';
import type { HindsightKind, RoomAccess, ServerUnderTest } from './types.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Env the bench sets on Hindsight besides HOST/PORT/DATA_DIR; printed with the results. */
export const HINDSIGHT_BENCH_ENV: Record<string, string> = {
  LOG_LEVEL: 'warn',
  // Defaults are 200 updates/s, 30 awareness/s and 2,000 messages/s per connection. The fan-out
  // load is 20/s per client, but seeding pushes thousands of updates per second through one.
  UPDATES_PER_SECOND: '1000000',
  AWARENESS_PER_SECOND: '1000000',
  MESSAGES_PER_SECOND: '1000000',
};

/** Extra env for experiments, e.g. BENCH_HINDSIGHT_ENV="SQLITE_SYNCHRONOUS=NORMAL"; printed with the results. */
export const HINDSIGHT_EXTRA_ENV: Record<string, string> = Object.fromEntries(
  (process.env.BENCH_HINDSIGHT_ENV ?? '')
    .split(' ')
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);

export interface HindsightOptions {
  /** Which build: this working tree (default) or the --baseline commit. */
  kind?: HindsightKind;
  /** Reuse this data directory (cold start); a fresh temp one otherwise, removed on stop. */
  dataDir?: string;
  env?: Record<string, string>;
}

export interface HindsightServer extends ServerUnderTest {
  kind: HindsightKind;
  dataDir: string;
  port: number;
  /** SIGKILL: no flush, no checkpoint. */
  kill9(): Promise<void>;
  /** SIGTERM without removing the data directory, for a restart on the same data. */
  stopKeepingData(): Promise<void>;
}

export async function startHindsight(options: HindsightOptions = {}): Promise<HindsightServer> {
  const kind = options.kind ?? 'hindsight';
  const cwd = kind === 'baseline' ? baseline().root : root;
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hindsight-bench-'));
  const proc: ChildServer = await startChildServer({
    cwd,
    args: ['--import', 'tsx', join(cwd, 'server/src/main.ts')],
    // Always the single-server SQLite mode, whatever the calling shell has set.
    unset: ['DATABASE_URL', 'REDIS_URL'],
    env: {
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_DIST: join(dataDir, 'no-client'),
      ...HINDSIGHT_BENCH_ENV,
      ...HINDSIGHT_EXTRA_ENV,
      ...options.env,
    },
  });
  const origin = `http://127.0.0.1:${proc.port}`;
  const createReview = async (i: number): Promise<RoomAccess> => {
    const res = await fetch(`${origin}/api/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Bench review ${i}` }),
    });
    if (res.status !== 201) throw new Error(`create review: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as CreateReviewResponse;
    const token = new URL(body.links.editor).hash.replace(/^#t=/, '');
    return { serverUrl: `ws://127.0.0.1:${proc.port}/sync`, room: body.id, params: { token } };
  };
  return {
    kind,
    pid: proc.pid,
    port: proc.port,
    speaksSync: true,
    dataDir,
    async createRooms(count) {
      const rooms: RoomAccess[] = [];
      for (let i = 0; i < count; i++) rooms.push(await createReview(i));
      return rooms;
    },
    output: () => proc.lines,
    async stop() {
      await proc.stop('SIGTERM');
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
    stopKeepingData: () => proc.stop('SIGTERM'),
    kill9: () => proc.stop('SIGKILL'),
  };
}
