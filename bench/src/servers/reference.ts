// The reference y-websocket server, @y/websocket-server 0.1.1, started through its own bin
// (src/server.js) exactly as a user runs it; in-memory, no persistence (YPERSISTENCE unset).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as Y from 'yjs';
import { BUILT_IN_TEMPLATE } from '@hindsight/report';
import { newReviewState } from '../../../server/src/template/newReview.ts';
import { openProvider, whenReady } from '../clients/benchClient.ts';
import { until } from '../time.ts';
import { startChildServer } from './childServer.ts';
import type { RoomAccess, ServerUnderTest } from './types.ts';

const require = createRequire(import.meta.url);

/** Path of the package's `y-websocket-server` bin. */
export function referenceBin(): string {
  const pkgJson = require.resolve('@y/websocket-server/package.json');
  const pkg = require(pkgJson) as { bin: Record<string, string>; version: string };
  return join(dirname(pkgJson), pkg.bin['y-websocket-server']!);
}

export function referenceVersion(): string {
  return (require('@y/websocket-server/package.json') as { version: string }).version;
}

let counter = 0;

export async function startReference(): Promise<ServerUnderTest> {
  const bin = referenceBin();
  const proc = await startChildServer({ cwd: dirname(bin), args: [bin], env: { HOST: '127.0.0.1' } });
  return {
    kind: 'reference',
    pid: proc.pid,
    speaksSync: true,
    // Each room holds what a new Hindsight review holds (the built-in template's questions and language
    // terms), so both servers keep and serve the same documents.
    async createRooms(count) {
      const rooms: RoomAccess[] = [];
      for (let i = 0; i < count; i++) {
        rooms.push({ serverUrl: `ws://127.0.0.1:${proc.port}`, room: `bench-${++counter}`, params: {} });
      }
      for (let i = 0; i < rooms.length; i += SEED_BATCH) {
        await Promise.all(rooms.slice(i, i + SEED_BATCH).map((access) => seedRoom(access)));
      }
      return rooms;
    },
    output: () => proc.lines,
    // It has no signal handler and its per-connection ping timers keep it alive: kill it.
    stop: () => proc.stop('SIGKILL'),
  };
}

/** Rooms seeded at once. */
const SEED_BATCH = 20;

/** The state of a new review, as POST /api/reviews makes it (the built-in template). */
function newReview(): Uint8Array {
  let n = 0;
  return newReviewState({ id: 'bench-review', title: 'Bench review' }, BUILT_IN_TEMPLATE, {
    now: () => 1_700_000_000_000,
    newId: () => `bench-${++n}`,
  });
}

/**
 * Gives `access`'s room a new review's content: one client brings it, and a second one, joining after,
 * must receive all of it (then the server holds it; without persistence it keeps the room when both leave).
 */
async function seedRoom(access: RoomAccess): Promise<void> {
  const seeded = new Y.Doc();
  const check = new Y.Doc();
  Y.applyUpdate(seeded, newReview());
  const writer = openProvider(access, seeded);
  let reader: ReturnType<typeof openProvider> | null = null;
  try {
    await whenReady(writer, true);
    reader = openProvider(access, check);
    await whenReady(reader, true);
    const want = Y.encodeStateVector(seeded).join();
    await until(
      () => Y.encodeStateVector(check).join() === want,
      `room ${access.room} to hold a new review`,
      10_000,
      5,
    );
  } finally {
    reader?.destroy();
    writer.destroy();
    check.destroy();
    seeded.destroy();
  }
}
