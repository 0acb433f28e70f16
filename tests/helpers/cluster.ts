// Servers in the multi-server mode for one test file: `count` servers sharing a fresh test database and Redis.
import { startServer, type RunningServer } from './server.ts';
import { createTestDatabase, startRedis } from './services.ts';

export interface Cluster {
  servers: RunningServer[];
  /** Stops every server, then Redis, and drops the database. */
  stop(): Promise<void>;
}

/** Starts `count` servers (SERVER_ID node-0, node-1, …) on one new database and Redis; `env` is added to each. */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const db = createTestDatabase();
  const redis = await startRedis();
  const servers: RunningServer[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(servers.map((s) => s.stop()));
    await redis.stop();
    db.drop();
  };
  try {
    for (let i = 0; i < count; i++)
      servers.push(
        await startServer({ env: { DATABASE_URL: db.url, REDIS_URL: redis.url, SERVER_ID: `node-${i}`, ...env } }),
      );
  } catch (err) {
    await stop();
    throw err;
  }
  return { servers, stop };
}
