// Fan-out: many clients on one review, each editing at a fixed rate; every edit must reach
// every other client. Deliveries/s, edit-to-other-client latency, server CPU and memory.
import type { ServerKind } from '../servers/types.ts';
import { saturationNotes, editRun, type EditRunResult } from './editRun.ts';
import type { MetricRow, Workload } from './types.ts';

const MB = 1024 * 1024;

export const fanout: Workload = {
  id: 'fanout',
  title: 'Fan-out: one review, many editors',
  async run(ctx) {
    const o = ctx.options;
    const results: EditRunResult[] = [];
    for (const kind of ctx.servers) {
      ctx.log(`fan-out: ${kind}: ${o.fanoutClients} clients × ${o.fanoutRate} edits/s for ${o.fanoutSeconds} s`);
      const r = await editRun(ctx, kind, {
        rooms: 1,
        clientsPerRoom: o.fanoutClients,
        rateHz: o.fanoutRate,
        seconds: o.fanoutSeconds,
      });
      ctx.log(
        `  ${Math.round(r.deliveriesPerSecond)} deliveries/s, p99 ${r.latency.p99.toFixed(1)} ms, ` +
          `server ${r.serverCores.toFixed(2)} cores, clients ${r.clientCores.map((c) => c.toFixed(2)).join('/')} cores`,
      );
      results.push(r);
    }
    const by = <T>(f: (r: EditRunResult) => T): Partial<Record<ServerKind, T>> =>
      Object.fromEntries(results.map((r) => [r.server, f(r)]));
    const rows: MetricRow[] = [
      {
        key: 'fanout.editsPerSecond',
        label: 'edits made /s',
        unit: '/s',
        better: 'none',
        values: by((r) => r.editsPerSecond),
        digits: 0,
      },
      {
        key: 'fanout.deliveriesPerSecond',
        label: 'deliveries /s',
        unit: '/s',
        better: 'higher',
        values: by((r) => r.deliveriesPerSecond),
        digits: 0,
      },
      {
        key: 'fanout.delivered',
        label: 'delivered of expected',
        unit: '%',
        better: 'higher',
        values: by((r) => r.deliveredRatio * 100),
        digits: 2,
      },
      {
        key: 'fanout.p50',
        label: 'latency p50',
        unit: 'ms',
        better: 'lower',
        values: by((r) => r.latency.p50),
        digits: 2,
      },
      {
        key: 'fanout.p95',
        label: 'latency p95',
        unit: 'ms',
        better: 'lower',
        values: by((r) => r.latency.p95),
        digits: 2,
      },
      {
        key: 'fanout.p99',
        label: 'latency p99',
        unit: 'ms',
        better: 'lower',
        values: by((r) => r.latency.p99),
        digits: 2,
      },
      {
        key: 'fanout.serverCores',
        label: 'server CPU',
        unit: 'cores',
        better: 'lower',
        values: by((r) => r.serverCores),
        digits: 2,
      },
      {
        key: 'fanout.cpuPer1k',
        label: 'server CPU per 1k deliveries',
        unit: 'ms',
        better: 'lower',
        values: by((r) => r.serverCpuMsPer1kDeliveries),
        digits: 2,
      },
      {
        key: 'fanout.clientCores',
        label: 'client CPU, all client processes',
        unit: 'cores',
        better: 'none',
        values: by((r) => r.clientCores.reduce((a, b) => a + b, 0)),
        digits: 2,
      },
      {
        key: 'fanout.machineBusy',
        label: 'machine CPU busy',
        unit: '%',
        better: 'none',
        values: by((r) => r.machineBusy * 100),
        digits: 0,
      },
      {
        key: 'fanout.otherCores',
        label: 'CPU of processes outside the bench',
        unit: 'cores',
        better: 'none',
        values: by((r) => r.otherCores),
        digits: 2,
      },
      {
        key: 'fanout.peakRss',
        label: 'server peak RSS',
        unit: 'MB',
        better: 'lower',
        values: by((r) => r.serverPeakRssBytes / MB),
        digits: 0,
      },
    ];
    const notes = [
      `${o.fanoutClients} stock WebsocketProviders on one review, ${o.fanoutRate} edits/s each for ${o.fanoutSeconds} s, ` +
        `spread over ${ctx.pool.size} client processes; an edit is one new minimal timeline entry (at = its send time, an empty summary), judged by the write gate like any person's.`,
      'deliveries/s = edits received by other clients ÷ (last delivery − first edit); latency = receipt time − send time.',
    ];
    notes.push(...saturationNotes(results));
    return { rows, notes, details: { results } };
  },
};
