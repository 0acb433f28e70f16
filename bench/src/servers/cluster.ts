// Hindsight's multi-server mode: N `server/src/main.ts` processes sharing one Postgres and one Redis.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreateReviewResponse } from '@hindsight/protocol';
import { startChildServer, type ChildServer } from './childServer.ts';
import { HINDSIGHT_BENCH_ENV, HINDSIGHT_EXTRA_ENV } from './hindsight.ts';
import type { RoomAccess } from './types.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface ClusterReview {
  id: string;
  token: string;
}

export interface HindsightCluster {
  nodes: ChildServer[];
  pids: number[];
  /** Reviews made through the first server's `POST /api/reviews`, `concurrency` requests at a time. */
  createReviews(count: number, concurrency?: number): Promise<ClusterReview[]>;
  /** How to reach `review` on server `node` (any server serves any review). */
  access(review: ClusterReview, node: number): RoomAccess;
  output(): string[];
  stop(): Promise<void>;
}

export async function startCluster(opts: {
  servers: number;
  databaseUrl: string;
  redisUrl: string;
}): Promise<HindsightCluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hindsight-bench-cluster-'));
  const nodes: ChildServer[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.all(nodes.map((n) => n.stop('SIGTERM')));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // One after another: each runs the store's migrations on start, and they must not race on a fresh database.
    for (let i = 0; i < opts.servers; i++) {
      nodes.push(
        await startChildServer({
          cwd: root,
          args: ['--import', 'tsx', join(root, 'server/src/main.ts')],
          env: {
            HOST: '127.0.0.1',
            DATA_DIR: dataDir,
            CLIENT_DIST: join(dataDir, 'no-client'),
            DATABASE_URL: opts.databaseUrl,
            REDIS_URL: opts.redisUrl,
            SERVER_ID: `bench-node-${i}`,
            ...HINDSIGHT_BENCH_ENV,
            ...HINDSIGHT_EXTRA_ENV,
          },
        }),
      );
    }
  } catch (err) {
    await stopAll();
    throw err;
  }
  const origin = `http://127.0.0.1:${nodes[0]!.port}`;
  const createOne = async (i: number): Promise<ClusterReview> => {
    const res = await fetch(`${origin}/api/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Cluster bench review ${i}` }),
    });
    if (res.status !== 201) throw new Error(`create review: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as CreateReviewResponse;
    return { id: body.id, token: new URL(body.links.editor).hash.replace(/^#t=/, '') };
  };
  return {
    nodes,
    pids: nodes.map((n) => n.pid),
    async createReviews(count, concurrency = 8) {
      const out: ClusterReview[] = new Array(count);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < count) {
          const i = next++;
          out[i] = await createOne(i);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
      return out;
    },
    access: (review, node) => ({
      serverUrl: `ws://127.0.0.1:${nodes[node % nodes.length]!.port}/sync`,
      room: review.id,
      params: { token: review.token },
    }),
    output: () => nodes.flatMap((n, i) => n.lines.map((l) => `[node ${i}] ${l}`)),
    stop: stopAll,
  };
}
