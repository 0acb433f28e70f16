// The reference y-websocket server, @y/websocket-server 0.1.1, started through its own bin
// (src/server.js) exactly as a user runs it; in-memory, no persistence (YPERSISTENCE unset).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
    async createRooms(count) {
      const rooms: RoomAccess[] = [];
      for (let i = 0; i < count; i++) {
        rooms.push({ serverUrl: `ws://127.0.0.1:${proc.port}`, room: `bench-${++counter}`, params: {} });
      }
      return rooms;
    },
    output: () => proc.lines,
    // It has no signal handler and its per-connection ping timers keep it alive: kill it.
    stop: () => proc.stop('SIGKILL'),
  };
}
