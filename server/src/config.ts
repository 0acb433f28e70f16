// The one place that reads process.env. Every variable is validated here and
// documented in the README's configuration table.
import { fileURLToPath } from 'node:url';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

const schema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(8080).pipe(z.number().max(65535)),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url().optional(),
  CREATE_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIST: z.string().optional(),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  // Group commit (storage/batcher.ts): under load, at most one commit per window; a write after a
  // quiet spell commits at the next tick. pnpm bench --workloads=rooms --rooms=200 (200 reviews × 3
  // writers), BENCH_HINDSIGHT_ENV=COMMIT_WINDOW_MS=0|10, alternating on a quiet 2-core machine:
  // 210/213 vs 160/178 ms of server CPU per 1,000 deliveries, p50 latency 1.1 vs 7 ms.
  COMMIT_WINDOW_MS: int(10, 0).pipe(z.number().max(1000)),
  MAX_FRAME_BYTES: int(2 * 1024 * 1024, 1024),
  MAX_DOC_BYTES: int(64 * 1024 * 1024, 1024),
  UPDATES_PER_SECOND: int(200, 1),
  AWARENESS_PER_SECOND: int(30, 1),
  MESSAGES_PER_SECOND: int(2_000, 1),
  BYTES_PER_SECOND: int(4 * 1024 * 1024, 1024),
  SYNC_REQUESTS_PER_SECOND: int(2, 1),
  MAX_AWARENESS_STATE_BYTES: int(4 * 1024, 256),
  INGEST_MAX_ALERTS: int(500, 1),
  INGEST_POSTS_PER_MINUTE: int(60, 1),
  MAX_BUFFERED_BYTES: int(16 * 1024 * 1024, 1024),
  PING_INTERVAL_MS: int(30_000, 100),
  COMPACT_DEBOUNCE_MS: int(2_000, 10),
  COMPACT_EVERY_UPDATES: int(500, 1),
  COMPACT_MIN_INTERVAL_MS: int(5_000, 0),
  IDLE_UNLOAD_MS: int(5_000, 0),
  ANSWER_WAIT_MS: int(30_000, 100),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATABASE_POOL_SIZE: int(10, 1),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  SERVER_ID: z.string().min(1).max(100).optional(),
  CATCH_UP_INTERVAL_MS: int(5_000, 100),
  COLLECTION_SWEEP_MS: int(15_000, 100),
  MAX_CONNECTIONS_PER_LINK: int(50, 1),
  SERVE_SOURCE_MAPS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

export type Config = Omit<z.infer<typeof schema>, 'PUBLIC_URL' | 'CLIENT_DIST' | 'SERVER_ID'> & {
  /** Unique per process in the multi-server mode. */
  SERVER_ID: string;
  PUBLIC_URL: string | undefined;
  CLIENT_DIST: string;
};

const defaultClientDist = fileURLToPath(new URL('../../client/dist', import.meta.url));

/** Reads and validates the configuration; throws one message listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema
    .refine((c) => (c.DATABASE_URL === undefined) === (c.REDIS_URL === undefined), {
      message: 'set both DATABASE_URL and REDIS_URL for the multi-server mode, or neither for SQLite',
      path: ['DATABASE_URL'],
    })
    .safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    ...parsed.data,
    DATA_DIR: resolve(parsed.data.DATA_DIR),
    PUBLIC_URL: parsed.data.PUBLIC_URL,
    SERVER_ID: parsed.data.SERVER_ID ?? `${hostname()}:${process.pid}`,
    CLIENT_DIST: resolve(parsed.data.CLIENT_DIST ?? defaultClientDist),
  };
}

/** True when the process runs in CI (used by nothing but diagnostics). */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}
