// Launches bench/src/rawServer.ts, the raw `ws` broadcast relay: the physical limit.
import { fileURLToPath } from 'node:url';
import { startChildServer } from './childServer.ts';
import type { RoomAccess, ServerUnderTest } from './types.ts';

const entry = fileURLToPath(new URL('../rawServer.ts', import.meta.url));
let counter = 0;

export async function startRaw(): Promise<ServerUnderTest> {
  const proc = await startChildServer({ cwd: process.cwd(), args: ['--import', 'tsx', entry], env: {} });
  return {
    kind: 'raw',
    pid: proc.pid,
    speaksSync: false,
    async createRooms(count) {
      const rooms: RoomAccess[] = [];
      for (let i = 0; i < count; i++) {
        rooms.push({ serverUrl: `ws://127.0.0.1:${proc.port}`, room: `bench-${++counter}`, params: {} });
      }
      return rooms;
    },
    output: () => proc.lines,
    stop: () => proc.stop('SIGTERM'),
  };
}
