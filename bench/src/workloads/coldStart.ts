// Cold start: a Hindsight review with N entries and M logged updates; restart the server and
// time the first client's sync, once replaying the whole log (killed before any checkpoint) and
// once from the checkpoint a clean shutdown writes. Hindsight only: the others keep nothing.
import { rmSync } from 'node:fs';
import * as Y from 'yjs';
import { nowMs, openProvider, whenReady } from '../clients/benchClient.ts';
import { addEntries, editSummaries, timelineSize } from '../seed.ts';
import { startHindsight, type HindsightServer } from '../servers/hindsight.ts';
import type { RoomAccess } from '../servers/types.ts';
import { until, withTimeout } from '../time.ts';
import type { MetricRow, Workload } from './types.ts';

/** No checkpoint while seeding, so the log alone holds the review when the server is killed. */
const NO_COMPACTION = {
  COMPACT_EVERY_UPDATES: '1000000000',
  COMPACT_DEBOUNCE_MS: '1000000000',
  IDLE_UNLOAD_MS: '1000000000',
};

async function firstSync(access: RoomAccess, entries: number): Promise<number> {
  const doc = new Y.Doc();
  const t0 = nowMs();
  const provider = openProvider(access, doc);
  try {
    await withTimeout(whenReady(provider, true), 120_000, 'the first client to sync after a restart');
    await until(() => timelineSize(doc) >= entries, `${entries} entries after the restart`, 60_000, 1);
    return nowMs() - t0;
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/** Seeds `entries` entries as one update each plus summary edits up to `updates` updates in all. */
async function seed(server: HindsightServer, entries: number, updates: number): Promise<RoomAccess> {
  const [access] = await server.createRooms(1);
  const writer = new Y.Doc();
  const observer = new Y.Doc();
  const wp = openProvider(access!, writer);
  const op = openProvider(access!, observer);
  try {
    await Promise.all([whenReady(wp, true), whenReady(op, true)]);
    const ids = await addEntries(writer, entries, 1);
    await editSummaries(writer, ids, Math.max(0, updates - entries));
    // The relay forwards an update only after its commit: once the observer has them all, so has the disk.
    const target = Y.decodeStateVector(Y.encodeStateVector(writer)).get(writer.clientID);
    const reached = (): boolean => Y.decodeStateVector(Y.encodeStateVector(observer)).get(writer.clientID) === target;
    try {
      await until(reached, 'every seeded update to be committed and relayed', 120_000, 50);
    } catch (err) {
      throw new Error(`${(err as Error).message}\nserver output:\n${server.output().join('\n')}`);
    }
  } finally {
    wp.destroy();
    op.destroy();
    writer.destroy();
    observer.destroy();
  }
  return access!;
}

async function restartAndSync(
  dataDir: string,
  access: RoomAccess,
  entries: number,
): Promise<{ server: HindsightServer; startMs: number; syncMs: number; warmMs: number }> {
  const t0 = performance.now();
  const server = await startHindsight({ dataDir });
  const startMs = performance.now() - t0;
  // Same review and token; only the port changed.
  const moved = { ...access, serverUrl: `ws://127.0.0.1:${server.port}/sync` };
  try {
    const syncMs = await firstSync(moved, entries);
    const warmMs = await firstSync(moved, entries);
    return { server, startMs, syncMs, warmMs };
  } catch (err) {
    await server.kill9();
    throw err;
  }
}

export const coldStart: Workload = {
  id: 'coldstart',
  title: 'Cold start: first sync right after a restart',
  async run(ctx) {
    const { coldEntries, coldUpdates } = ctx.options;
    const rows: MetricRow[] = [];
    const notes = [
      `Hindsight: a review with ${coldEntries} entries (one update each) and ${coldUpdates} logged updates in all ` +
        `(the rest are one-character summary edits), SQLite store, synchronous=FULL.`,
      'replay: seeded with checkpoints off, then kill -9, so the first client waits for the whole log to be read and applied.',
      'checkpoint: after a clean SIGTERM (which flushes and checkpoints), the usual restart.',
      'time = new WebsocketProvider(...) right after the restarted server answers HTTP, until synced with every entry; ' +
        '"warm" is a second client right after, for comparison.',
      'reference: n/a — @y/websocket-server keeps documents in memory only (its LevelDB option needs YPERSISTENCE and a ' +
        'native leveldown build), so a restart loses the review. raw ws: n/a — it stores nothing.',
    ];
    if (!ctx.servers.includes('hindsight')) return { rows, notes, details: {} };
    ctx.log(`cold start: hindsight: seeding ${coldEntries} entries, ${coldUpdates} updates`);
    const seeding = await startHindsight({ env: NO_COMPACTION });
    const dataDir = seeding.dataDir;
    try {
      const t0 = performance.now();
      const access = await seed(seeding, coldEntries, coldUpdates);
      const seedSeconds = (performance.now() - t0) / 1000;
      await seeding.kill9();
      const replay = await restartAndSync(dataDir, access, coldEntries);
      await replay.server.stopKeepingData();
      const checkpoint = await restartAndSync(dataDir, access, coldEntries);
      await checkpoint.server.stopKeepingData();
      ctx.log(`  replay ${replay.syncMs.toFixed(0)} ms, checkpoint ${checkpoint.syncMs.toFixed(0)} ms`);
      const only = (v: number): MetricRow['values'] => ({ hindsight: v, reference: null, raw: null });
      rows.push(
        {
          key: 'coldstart.replay',
          label: `first sync after restart, log replay (${coldUpdates} updates)`,
          unit: 'ms',
          better: 'lower',
          values: only(replay.syncMs),
          digits: 0,
        },
        {
          key: 'coldstart.checkpoint',
          label: 'first sync after restart, from checkpoint',
          unit: 'ms',
          better: 'lower',
          values: only(checkpoint.syncMs),
          digits: 0,
        },
        {
          key: 'coldstart.warm',
          label: 'second client right after (warm)',
          unit: 'ms',
          better: 'lower',
          values: only(checkpoint.warmMs),
          digits: 0,
        },
        {
          key: 'coldstart.processStart',
          label: 'server process start to first HTTP answer',
          unit: 'ms',
          better: 'lower',
          values: only(checkpoint.startMs),
          digits: 0,
        },
      );
      return {
        rows,
        notes,
        details: {
          seedSeconds,
          replay: { ...replay, server: undefined },
          checkpoint: { ...checkpoint, server: undefined },
        },
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
