// Hindsight serving the built client, with one review seeded through a stock y-websocket client.
import * as Y from 'yjs';
import { openProvider, whenReady } from '../clients/benchClient.ts';
import { addEntries, timelineSize } from '../seed.ts';
import { startHindsight, type HindsightServer } from '../servers/hindsight.ts';
import type { HindsightKind } from '../servers/types.ts';
import { until, withTimeout } from '../time.ts';

export interface SeededReview {
  server: HindsightServer;
  /** The editor share link, `http://127.0.0.1:<port>/r/<id>#t=<token>`. */
  link: string;
  /** Entry ids in timeline order (the seed's times increase). */
  ids: string[];
  seedSeconds: number;
  /**
   * Stops the server (SIGTERM: it flushes and checkpoints) and starts it again on the same data, so the
   * next page is the first to open the review since the start; resolves with the link on the new port.
   */
  restart(): Promise<string>;
  stop(): Promise<void>;
}

export async function seededReview(
  clientDir: string,
  entries: number,
  kind: HindsightKind = 'hindsight',
): Promise<SeededReview> {
  const server = await startHindsight({ kind, env: { CLIENT_DIST: clientDir } });
  try {
    const [access] = await server.createRooms(1);
    const seeder = new Y.Doc();
    const check = new Y.Doc();
    const sp = openProvider(access!, seeder);
    const t0 = performance.now();
    let ids: string[];
    try {
      await withTimeout(whenReady(sp, true), 30_000, 'the seeding client to sync');
      ids = await addEntries(seeder, entries, 100);
      // Stored and relayed once an independent client holds every entry.
      const cp = openProvider(access!, check);
      try {
        await withTimeout(whenReady(cp, true), 60_000, 'the check client to sync');
        await until(() => timelineSize(check) >= entries, `${entries} seeded entries`, 120_000, 20);
      } finally {
        cp.destroy();
      }
    } finally {
      sp.destroy();
      seeder.destroy();
      check.destroy();
    }
    const linkOn = (s: HindsightServer): string =>
      `http://127.0.0.1:${s.port}/r/${access!.room}#t=${access!.params.token}`;
    let current = server;
    return {
      server,
      link: linkOn(server),
      ids,
      seedSeconds: (performance.now() - t0) / 1000,
      async restart() {
        await current.stopKeepingData();
        current = await startHindsight({ kind, dataDir: server.dataDir, env: { CLIENT_DIST: clientDir } });
        return linkOn(current);
      },
      async stop() {
        // The first server owns the data directory: it removes it once the last one has stopped.
        if (current !== server) await current.stopKeepingData();
        await server.stop();
      },
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
