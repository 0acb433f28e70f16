// Many rooms: hundreds of small reviews at once. Server memory per room and p99 latency.
import type { ServerKind } from '../servers/types.ts';
import { saturationNotes, editRun, type EditRunResult } from './editRun.ts';
import type { MetricRow, Workload } from './types.ts';

const KB = 1024;

export const manyRooms: Workload = {
  id: 'rooms',
  title: 'Many rooms: small reviews side by side',
  async run(ctx) {
    const o = ctx.options;
    const results: EditRunResult[] = [];
    for (const kind of ctx.servers) {
      ctx.log(`many rooms: ${kind}: ${o.rooms} rooms × ${o.roomClients} clients, ${o.roomRate} edits/s each`);
      const r = await editRun(ctx, kind, {
        rooms: o.rooms,
        clientsPerRoom: o.roomClients,
        rateHz: o.roomRate,
        seconds: o.roomSeconds,
      });
      ctx.log(
        `  ${((r.serverRssEndBytes - r.serverRssBeforeBytes) / o.rooms / KB).toFixed(0)} KB/room, ` +
          `p99 ${r.latency.p99.toFixed(1)} ms, connected in ${r.connectSeconds.toFixed(1)} s`,
      );
      results.push(r);
    }
    const by = <T>(f: (r: EditRunResult) => T): Partial<Record<ServerKind, T>> =>
      Object.fromEntries(results.map((r) => [r.server, f(r)]));
    const rows: MetricRow[] = [
      {
        key: 'rooms.memoryPerRoom',
        label: 'server memory per room',
        unit: 'KB',
        better: 'lower',
        values: by((r) => (r.serverRssEndBytes - r.serverRssBeforeBytes) / o.rooms / KB),
        digits: 0,
      },
      {
        key: 'rooms.deliveriesPerSecond',
        label: 'deliveries /s',
        unit: '/s',
        better: 'higher',
        values: by((r) => r.deliveriesPerSecond),
        digits: 0,
      },
      {
        key: 'rooms.delivered',
        label: 'delivered of expected',
        unit: '%',
        better: 'higher',
        values: by((r) => r.deliveredRatio * 100),
        digits: 2,
      },
      {
        key: 'rooms.p50',
        label: 'latency p50',
        unit: 'ms',
        better: 'lower',
        values: by((r) => r.latency.p50),
        digits: 2,
      },
      {
        key: 'rooms.p99',
        label: 'latency p99',
        unit: 'ms',
        better: 'lower',
        values: by((r) => r.latency.p99),
        digits: 2,
      },
      {
        key: 'rooms.cpuPer1k',
        label: 'server CPU per 1k deliveries',
        unit: 'ms',
        better: 'lower',
        values: by((r) => r.serverCpuMsPer1kDeliveries),
        digits: 2,
      },
      {
        key: 'rooms.serverCores',
        label: 'server CPU',
        unit: 'cores',
        better: 'lower',
        values: by((r) => r.serverCores),
        digits: 2,
      },
      {
        key: 'rooms.machineBusy',
        label: 'machine CPU busy',
        unit: '%',
        better: 'none',
        values: by((r) => r.machineBusy * 100),
        digits: 0,
      },
      {
        key: 'rooms.otherCores',
        label: 'CPU of processes outside the bench',
        unit: 'cores',
        better: 'none',
        values: by((r) => r.otherCores),
        digits: 2,
      },
      {
        key: 'rooms.connectSeconds',
        label: 'connect + first sync, all clients',
        unit: 's',
        better: 'lower',
        values: by((r) => r.connectSeconds),
        digits: 1,
      },
    ];
    const notes = [
      `${o.rooms} rooms × ${o.roomClients} clients, ${o.roomRate} edit/s each for ${o.roomSeconds} s. Every room ` +
        'starts as a new review (Hindsight: POST /api/reviews; the reference: seeded with the same content, the ' +
        "built-in template's questions and language terms), so both servers hold the same documents.",
      'memory per room = (server RSS at the end of the edit phase − RSS before the rooms were made) ÷ rooms; ' +
        'RSS includes garbage not yet collected, so read it as an upper bound.',
    ];
    notes.push(...saturationNotes(results));
    return { rows, notes, details: { results } };
  },
};
