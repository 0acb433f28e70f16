// The shared core of the fan-out and many-rooms workloads: start a server, connect clients to
// its rooms, edit at a fixed rate, and measure deliveries, latency, server CPU and memory.
import { cpus } from 'node:os';
import { nowMs } from '../clients/benchClient.ts';
import type { ClientSpec } from '../clients/messages.ts';
import { cpuMeter, cpuSeconds, machineJiffies, peakRssBytes, rssBytes, rssSampler } from '../procStats.ts';
import { startServer } from '../servers/index.ts';
import type { ServerKind } from '../servers/types.ts';
import { sleep } from '../time.ts';
import type { WorkloadContext } from './types.ts';

export interface EditRunSpec {
  rooms: number;
  clientsPerRoom: number;
  rateHz: number;
  seconds: number;
}

export interface EditRunResult {
  server: ServerKind;
  clients: number;
  sent: number;
  expected: number;
  received: number;
  editsPerSecond: number;
  deliveriesPerSecond: number;
  deliveredRatio: number;
  /** Clients that still lacked some of their room's edits when the drain gave up (0: everything arrived). */
  incompleteClients: number;
  latency: { p50: number; p95: number; p99: number; max: number };
  serverCpuSeconds: number;
  /** Server CPU during the edit phase, in cores. */
  serverCores: number;
  /** Share of the whole machine's CPU time that was busy during the edit phase (0..1). */
  machineBusy: number;
  /** CPU used during the edit phase by processes outside the bench (other work on a shared machine), in cores. */
  otherCores: number;
  serverCpuMsPer1kDeliveries: number;
  serverRssBeforeBytes: number;
  serverRssEndBytes: number;
  serverPeakRssBytes: number;
  connectSeconds: number;
  clientCores: number[];
  clientLoopDelayP99: number[];
  serverWarnings: string[];
}

export async function editRun(ctx: WorkloadContext, kind: ServerKind, spec: EditRunSpec): Promise<EditRunResult> {
  const server = await startServer(kind);
  try {
    // Before the rooms are made: a room's document counts toward its memory whether the server loads it at
    // the first client (Hindsight) or holds it from its creation (the reference, seeded with a new review).
    const rssBefore = rssBytes(server.pid);
    const rooms = await server.createRooms(spec.rooms);
    const specs: ClientSpec[] = [];
    // Client j of room r: interleaved so each room's clients sit in different processes.
    for (let j = 0; j < spec.clientsPerRoom; j++) {
      rooms.forEach((access, r) => specs.push({ access, roomKey: String(r), roomSize: spec.clientsPerRoom }));
    }
    const roomSizes = new Map(rooms.map((_, r) => [String(r), spec.clientsPerRoom]));
    const t0 = performance.now();
    await ctx.pool.connect(specs, server.speaksSync);
    await ctx.pool.barrier();
    const connectSeconds = (performance.now() - t0) / 1000;
    const outputBefore = server.output().length;
    const sampler = rssSampler(server.pid);
    const cpu = cpuMeter(server.pid);
    const startAt = nowMs() + 300;
    const endAt = startAt + spec.seconds * 1000;
    const running = ctx.pool.run(
      { rateHz: spec.rateHz, startAt, durationMs: spec.seconds * 1000, maxDrainMs: 30_000 },
      roomSizes,
    );
    // CPU over the edit phase only, for the server and for the whole machine.
    await sleep(startAt - nowMs());
    const server0 = cpuSeconds(server.pid);
    const machine0 = machineJiffies();
    const self0 = process.cpuUsage();
    await sleep(endAt - nowMs());
    const serverEditCpu = cpuSeconds(server.pid) - server0;
    const machine1 = machineJiffies();
    const self = process.cpuUsage(self0);
    const totals = await running;
    const machineBusy = (machine1.busy - machine0.busy) / (machine1.total - machine0.total);
    const benchCores =
      serverEditCpu / spec.seconds +
      totals.clientCores.reduce((a, b) => a + b, 0) +
      (self.user + self.system) / 1e6 / spec.seconds;
    const used = cpu.stop();
    const rss = sampler.stop();
    const peak = peakRssBytes(server.pid);
    const activeSeconds = Math.max(spec.seconds, (totals.lastReceiptAt - startAt) / 1000);
    const summary = totals.histogram.summary();
    return {
      server: kind,
      clients: specs.length,
      sent: totals.sent,
      expected: totals.expected,
      received: totals.received,
      editsPerSecond: totals.sent / spec.seconds,
      deliveriesPerSecond: totals.received / activeSeconds,
      deliveredRatio: totals.expected > 0 ? totals.received / totals.expected : NaN,
      incompleteClients: totals.incompleteClients,
      latency: { p50: summary.p50, p95: summary.p95, p99: summary.p99, max: summary.max },
      serverCpuSeconds: used.cpuSeconds,
      serverCores: serverEditCpu / spec.seconds,
      machineBusy,
      otherCores: Math.max(0, machineBusy * cpus().length - benchCores),
      serverCpuMsPer1kDeliveries: totals.received > 0 ? (used.cpuSeconds * 1e6) / totals.received : NaN,
      serverRssBeforeBytes: rssBefore,
      serverRssEndBytes: rss.last,
      serverPeakRssBytes: peak,
      connectSeconds,
      clientCores: totals.clientCores,
      clientLoopDelayP99: totals.clientLoopDelayP99,
      serverWarnings: server.output().slice(outputBefore).slice(0, 20),
    };
  } finally {
    await ctx.pool.close().catch(() => undefined);
    await server.stop();
  }
}

/**
 * Notes when edits never arrived, when other processes used the CPU, or when the machine's
 * CPU was nearly all busy.
 */
export function saturationNotes(results: EditRunResult[]): string[] {
  const notes: string[] = [];
  for (const r of results.filter((x) => x.incompleteClients > 0)) {
    notes.push(
      `${r.server}: ${r.incompleteClients} of ${r.clients} clients still lacked edits after the drain ` +
        `(${(r.deliveredRatio * 100).toFixed(2)}% delivered): lost or stalled for more than 30 s.`,
    );
  }
  const noisy = results.filter((r) => r.otherCores > 0.2);
  if (noisy.length > 0) {
    const list = noisy.map((r) => `${r.server} ${r.otherCores.toFixed(2)} cores`);
    notes.push(
      `OTHER PROCESSES used CPU during the edit phase (${list.join(', ')}): the machine was shared, compare with care.`,
    );
  }
  const busy = results.filter((r) => r.machineBusy > 0.9);
  if (busy.length === 0) return notes;
  const list = busy.map(
    (r) =>
      `${r.server} (machine ${(r.machineBusy * 100).toFixed(0)}% busy, ` +
      `clients ${r.clientCores.map((c) => c.toFixed(2)).join('+')} cores)`,
  );
  notes.push(
    `CPU-bound: ${list.join('; ')}. The stock clients then compete with the server for the cores, ` +
      'so latency is mostly queueing and a server that spends more CPU leaves less for its clients.',
  );
  return notes;
}
