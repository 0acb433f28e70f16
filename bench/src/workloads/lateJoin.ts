// Late joiner: a review already holds N timeline entries (pushed by a seeding client that stays
// connected); a new client connects. Time from creating its provider to its first sync.
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { nowMs, openProvider, whenReady } from '../clients/benchClient.ts';
import { cpuSeconds } from '../procStats.ts';
import { addEntries, timelineSize } from '../seed.ts';
import { startServer } from '../servers/index.ts';
import type { RoomAccess, ServerKind } from '../servers/types.ts';
import { until, withTimeout } from '../time.ts';
import type { MetricRow, Workload } from './types.ts';

/** Connects a fresh client; resolves with ms from provider creation to a synced doc holding `entries`. */
export async function join(access: RoomAccess, entries: number, timeoutMs = 60_000): Promise<number> {
  return (await timedJoin(access, entries, timeoutMs)).totalMs;
}

/**
 * A join, and when in it the sync step 2 had fully arrived: before that the time is the relay's
 * (connect, upgrade, the server's answer, the wire); after it, the client applying what it got.
 */
async function timedJoin(
  access: RoomAccess,
  entries: number,
  timeoutMs = 60_000,
): Promise<{ totalMs: number; answerMs: number }> {
  const doc = new Y.Doc();
  const t0 = nowMs();
  const provider = openProvider(access, doc);
  let answerMs = NaN;
  // Before the provider's own handler, which applies the step 2 before it returns.
  (provider.ws as unknown as WebSocket).prependListener('message', (data: ArrayBuffer | Buffer) => {
    const head = data instanceof ArrayBuffer ? new Uint8Array(data, 0, Math.min(2, data.byteLength)) : data;
    if (Number.isNaN(answerMs) && head[0] === 0 && head[1] === syncProtocol.messageYjsSyncStep2)
      answerMs = nowMs() - t0;
  });
  try {
    // On the raw relay `synced` means a peer (the seeder) answered our sync step 1.
    await withTimeout(whenReady(provider, true), timeoutMs, 'the late joiner to sync');
    await until(() => timelineSize(doc) >= entries, `the late joiner to hold ${entries} entries`, timeoutMs, 1);
    return { totalMs: nowMs() - t0, answerMs };
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

export interface LateJoinResult {
  server: ServerKind;
  joinsMs: number[];
  /** For each join, ms until its sync step 2 had fully arrived. */
  answersMs: number[];
  /** The server process's CPU (user + system) during the joins, per join. */
  serverCpuMsPerJoin: number;
  medianMs: number;
  maxMs: number;
  seedSeconds: number;
  docBytes: number;
  /** The floor (see applyFloorMs), once after each join. */
  floorMs: number[];
  /** The stock client's floor (see clientFloorMs), once after each join. */
  clientFloorMs: number[];
}

/**
 * The floor: the state a perfect relay would send (the seeder's own document, encoded), applied to a
 * fresh doc in this process, no socket, no server. Timed right after each join, in the same process and
 * heap, so the joins and the floor run under the same conditions.
 */
function applyFloorMs(state: Uint8Array, entries: number): number {
  const doc = new Y.Doc();
  const t0 = performance.now();
  Y.applyUpdate(doc, state);
  const ms = performance.now() - t0;
  if (timelineSize(doc) !== entries) throw new Error(`the floor's state holds ${timelineSize(doc)} entries`);
  doc.destroy();
  return ms;
}

/**
 * The same state as a sync step 2 through the stock client's own handler, into a doc a
 * WebsocketProvider (not connected) is attached to: the provider listens to the doc's updates, so
 * Yjs also encodes what it applied. What a joiner would take from a relay that costs nothing.
 */
function clientFloorMs(message: Uint8Array, access: RoomAccess, entries: number): number {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(access.serverUrl, access.room, doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const t0 = performance.now();
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder); // the message type: sync
  syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, provider);
  const ms = performance.now() - t0;
  if (timelineSize(doc) !== entries) throw new Error(`the client floor's state holds ${timelineSize(doc)} entries`);
  provider.destroy();
  doc.destroy();
  return ms;
}

/** A sync step 2 message carrying `state`, as y-protocols writes it. */
function step2Message(state: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, state);
  return encoding.toUint8Array(encoder);
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

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
    const state = Y.encodeStateAsUpdate(seeder);
    const message = step2Message(state);
    const joinsMs: number[] = [];
    const floorMs: number[] = [];
    const clientFloorsMs: number[] = [];
    const answersMs: number[] = [];
    let serverCpuSeconds = 0;
    for (let i = 0; i < joins; i++) {
      const cpuBefore = cpuSeconds(server.pid);
      const { totalMs, answerMs } = await timedJoin(access!, entries);
      serverCpuSeconds += cpuSeconds(server.pid) - cpuBefore;
      joinsMs.push(totalMs);
      answersMs.push(answerMs);
      floorMs.push(applyFloorMs(state, entries));
      clientFloorsMs.push(clientFloorMs(message, access!, entries));
    }
    return {
      server: kind,
      joinsMs,
      answersMs,
      serverCpuMsPerJoin: (serverCpuSeconds * 1000) / joins,
      medianMs: median(joinsMs),
      maxMs: Math.max(...joinsMs),
      seedSeconds,
      docBytes: state.length,
      floorMs,
      clientFloorMs: clientFloorsMs,
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
        key: 'latejoin.answer',
        label: 'until the sync step 2 had arrived (connect + server + wire; median)',
        unit: 'ms',
        better: 'lower',
        values: by((r) => median(r.answersMs)),
        digits: 1,
      },
      {
        key: 'latejoin.serverCpu',
        label: 'server CPU per join',
        unit: 'ms',
        better: 'lower',
        values: by((r) => r.serverCpuMsPerJoin),
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
    // Each join over the floor timed right after it (same process, same moment): a machine whose load
    // changes during the run moves both alike.
    const ratios = (r: LateJoinResult, floors: number[]): number => median(r.joinsMs.map((ms, i) => ms / floors[i]!));
    const floor = {
      bytes: results[0]?.docBytes ?? 0,
      medianMs: median(results.flatMap((r) => r.floorMs)),
      clientMedianMs: median(results.flatMap((r) => r.clientFloorMs)),
    };
    ctx.log(
      `  floor: Y.applyUpdate of ${floor.bytes} bytes, median ${floor.medianMs.toFixed(1)} ms; ` +
        `through the stock client's handler ${floor.clientMedianMs.toFixed(1)} ms`,
    );
    rows.push(
      {
        key: 'latejoin.floor',
        label: 'in-process apply floor, timed after each join (median)',
        unit: 'ms',
        better: 'lower',
        values: by((r) => median(r.floorMs)),
        digits: 1,
      },
      {
        key: 'latejoin.overFloor',
        label: 'first sync ÷ in-process apply floor (relay overhead)',
        unit: '×',
        better: 'lower',
        values: by((r) => ratios(r, r.floorMs)),
        digits: 2,
      },
      {
        key: 'latejoin.overClientFloor',
        label: "first sync ÷ the stock client's own in-process apply",
        unit: '×',
        better: 'lower',
        values: by((r) => ratios(r, r.clientFloorMs)),
        digits: 2,
      },
    );
    const docKb = (floor.bytes / 1024).toFixed(0);
    const notes = [
      `${lateEntries} entries made with @hindsight/doc addEntry (${docKb} KB encoded), pushed 100 per update by a ` +
        `seeding client that stays connected; ${lateJoins} fresh clients join one after another (after one unmeasured check join).`,
      'time = new WebsocketProvider(...) until the provider is synced and its doc holds every entry (connect, handshake, sync, apply).',
      'raw ws: the relay has no document, so the seeding peer answers the joiner — the cost of a server-less sync.',
      `floor: Y.applyUpdate into a fresh doc, in this process, no socket and no server, of the bytes a perfect relay ` +
        `would send (the seeder's own document encoded, ${docKb} KB), timed right after each join: ` +
        `${floor.medianMs.toFixed(0)} ms (median of all). The ratios are the median of each join ÷ the floor timed after it.`,
      `the stock client's floor: the same bytes as a sync step 2 through y-protocols' handler into a doc a ` +
        `WebsocketProvider is attached to (Yjs then also encodes what it applied, for the provider's update ` +
        `listener): ${floor.clientMedianMs.toFixed(0)} ms — what a joiner would take from a relay that cost nothing.`,
    ];
    return { rows, notes, details: { results, applyFloor: floor } };
  },
};
