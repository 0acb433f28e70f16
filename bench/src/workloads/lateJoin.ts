// Late joiner: a review already holds N timeline entries (pushed by a seeding client that stays
// connected); a new client connects. Time from creating its provider to its first sync.
import * as Y from 'yjs';
import { nowMs, openProvider, whenReady } from '../clients/benchClient.ts';
import { addEntries, timelineSize } from '../seed.ts';
import { startServer } from '../servers/index.ts';
import type { RoomAccess, ServerKind } from '../servers/types.ts';
import { until, withTimeout } from '../time.ts';
import type { MetricRow, Workload } from './types.ts';

/** Connects a fresh client; resolves with ms from provider creation to a synced doc holding `entries`. */
export async function join(access: RoomAccess, entries: number, timeoutMs = 60_000): Promise<number> {
  const doc = new Y.Doc();
  const t0 = nowMs();
  const provider = openProvider(access, doc);
  try {
    // On the raw relay `synced` means a peer (the seeder) answered our sync step 1.
    await withTimeout(whenReady(provider, true), timeoutMs, 'the late joiner to sync');
    await until(() => timelineSize(doc) >= entries, `the late joiner to hold ${entries} entries`, timeoutMs, 1);
    return nowMs() - t0;
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

export interface LateJoinResult {
  server: ServerKind;
  joinsMs: number[];
  medianMs: number;
  maxMs: number;
  seedSeconds: number;
  docBytes: number;
}

/** The client-side floor: applying the same state to a fresh doc in this process, no socket, no server. */
async function applyFloorMs(entries: number, repeats: number): Promise<{ bytes: number; medianMs: number }> {
  const source = new Y.Doc();
  await addEntries(source, entries, 100);
  const state = Y.encodeStateAsUpdate(source);
  source.destroy();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const doc = new Y.Doc();
    const t0 = performance.now();
    Y.applyUpdate(doc, state);
    times.push(performance.now() - t0);
    doc.destroy();
  }
  times.sort((a, b) => a - b);
  return { bytes: state.length, medianMs: times[Math.floor(times.length / 2)]! };
}

async function lateJoinOn(kind: ServerKind, entries: number, joins: number): Promise<LateJoinResult> {
  const server = await startServer(kind);
  const seeder = new Y.Doc();
  const [access] = await server.createRooms(1);
  const provider = openProvider(access!, seeder);
  try {
    await whenReady(provider, server.speaksSync);
    const t0 = performance.now();
    await addEntries(seeder, entries, 100);
    // The first join doubles as the check that the server (or the seeder) holds every entry.
    await join(access!, entries);
    const seedSeconds = (performance.now() - t0) / 1000;
    const joinsMs: number[] = [];
    for (let i = 0; i < joins; i++) joinsMs.push(await join(access!, entries));
    const sorted = [...joinsMs].sort((a, b) => a - b);
    return {
      server: kind,
      joinsMs,
      medianMs: sorted[Math.floor(sorted.length / 2)]!,
      maxMs: sorted[sorted.length - 1]!,
      seedSeconds,
      docBytes: Y.encodeStateAsUpdate(seeder).length,
    };
  } finally {
    provider.destroy();
    seeder.destroy();
    await server.stop();
  }
}

export const lateJoin: Workload = {
  id: 'latejoin',
  title: 'Late joiner: first sync of a big review',
  async run(ctx) {
    const { lateEntries, lateJoins } = ctx.options;
    const results: LateJoinResult[] = [];
    for (const kind of ctx.servers) {
      ctx.log(`late join: ${kind}: ${lateEntries} entries, ${lateJoins} joins`);
      const r = await lateJoinOn(kind, lateEntries, lateJoins);
      ctx.log(`  median ${r.medianMs.toFixed(1)} ms (${r.joinsMs.map((m) => m.toFixed(0)).join(', ')})`);
      results.push(r);
    }
    const by = (f: (r: LateJoinResult) => number): Partial<Record<ServerKind, number>> =>
      Object.fromEntries(results.map((r) => [r.server, f(r)]));
    const rows: MetricRow[] = [
      {
        key: 'latejoin.median',
        label: `first sync, ${lateEntries} entries (median)`,
        unit: 'ms',
        better: 'lower',
        values: by((r) => r.medianMs),
        digits: 1,
      },
      {
        key: 'latejoin.max',
        label: `first sync, ${lateEntries} entries (max)`,
        unit: 'ms',
        better: 'lower',
        values: by((r) => r.maxMs),
        digits: 1,
      },
    ];
    const floor = await applyFloorMs(lateEntries, Math.max(3, lateJoins));
    ctx.log(`  client-side floor: Y.applyUpdate of ${floor.bytes} bytes, median ${floor.medianMs.toFixed(1)} ms`);
    rows.push({
      key: 'latejoin.overFloor',
      label: 'first sync ÷ in-process apply floor (relay overhead)',
      unit: '×',
      better: 'lower',
      values: by((r) => r.medianMs / floor.medianMs),
      digits: 2,
    });
    const docKb = (floor.bytes / 1024).toFixed(0);
    const notes = [
      `${lateEntries} entries made with @hindsight/doc addEntry (${docKb} KB encoded), pushed 100 per update by a ` +
        `seeding client that stays connected; ${lateJoins} fresh clients join one after another (after one unmeasured check join).`,
      'time = new WebsocketProvider(...) until the provider is synced and its doc holds every entry (connect, handshake, sync, apply).',
      'raw ws: the relay has no document, so the seeding peer answers the joiner — the cost of a server-less sync.',
      `floor, no network and no server: Y.applyUpdate of the same ${docKb} KB state into a fresh doc in one process ` +
        `takes ${floor.medianMs.toFixed(0)} ms (median) — no server can make a first sync faster than that.`,
    ];
    return { rows, notes, details: { results, applyFloor: floor } };
  },
};
