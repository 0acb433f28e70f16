// Cluster (issue 8): Hindsight's multi-server mode, N processes on one Postgres and one Redis. One big review
// spread over the servers, many small reviews spread over them, and the one-review fan-out with 1..N servers.
import { cpus } from 'node:os';
import { createDatabase, startRedis, type BenchDatabase, type BenchRedis } from '../services.ts';
import { clusterRun, type ClusterRunResult } from './clusterRun.ts';
import type { MetricRow, Workload, WorkloadContext } from './types.ts';

const KB = 1024;
const MB = 1024 * 1024;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

type RowSpec = Omit<MetricRow, 'values'> & { value: number };
const only = (r: RowSpec): MetricRow => {
  const { value, ...rest } = r;
  return { ...rest, values: { hindsight: value, reference: null, raw: null } };
};

function fanoutRows(r: ClusterRunResult): MetricRow[] {
  const rows: RowSpec[] = [
    {
      key: 'cluster.fanout.deliveriesPerSecond',
      label: `fan-out ${r.clients} clients: deliveries /s`,
      unit: '/s',
      better: 'higher',
      value: r.deliveriesPerSecond,
      digits: 0,
    },
    {
      key: 'cluster.fanout.delivered',
      label: 'fan-out: delivered of expected',
      unit: '%',
      better: 'higher',
      value: r.deliveredRatio * 100,
      digits: 2,
    },
    {
      key: 'cluster.fanout.p50',
      label: 'fan-out: latency p50',
      unit: 'ms',
      better: 'lower',
      value: r.latency.p50,
      digits: 2,
    },
    {
      key: 'cluster.fanout.p95',
      label: 'fan-out: latency p95',
      unit: 'ms',
      better: 'lower',
      value: r.latency.p95,
      digits: 2,
    },
    {
      key: 'cluster.fanout.p99',
      label: 'fan-out: latency p99',
      unit: 'ms',
      better: 'lower',
      value: r.latency.p99,
      digits: 2,
    },
    ...r.serverCores.map((c, i) => ({
      key: `cluster.fanout.serverCores.${i + 1}`,
      label: `fan-out: server ${i + 1} CPU`,
      unit: 'cores',
      better: 'lower' as const,
      value: c,
      digits: 2,
    })),
    {
      key: 'cluster.fanout.redisCores',
      label: 'fan-out: Redis CPU',
      unit: 'cores',
      better: 'lower',
      value: r.redisCores,
      digits: 2,
    },
    {
      key: 'cluster.fanout.postgresCores',
      label: 'fan-out: Postgres CPU (this database)',
      unit: 'cores',
      better: 'lower',
      value: r.postgresCores,
      digits: 2,
    },
    {
      key: 'cluster.fanout.clientCores',
      label: 'fan-out: client CPU, all client processes',
      unit: 'cores',
      better: 'none',
      value: sum(r.clientCores),
      digits: 2,
    },
    {
      key: 'cluster.fanout.machineBusy',
      label: 'fan-out: machine CPU busy',
      unit: '%',
      better: 'none',
      value: r.machineBusy * 100,
      digits: 0,
    },
    {
      key: 'cluster.fanout.otherCores',
      label: 'fan-out: CPU of processes outside the bench',
      unit: 'cores',
      better: 'none',
      value: r.otherCores,
      digits: 2,
    },
    {
      key: 'cluster.fanout.peakRss',
      label: 'fan-out: server peak RSS, largest',
      unit: 'MB',
      better: 'lower',
      value: Math.max(...r.serverPeakRssBytes) / MB,
      digits: 0,
    },
  ];
  return rows.map(only);
}

function roomsRows(r: ClusterRunResult): MetricRow[] {
  const rows: RowSpec[] = [
    {
      key: 'cluster.rooms.memoryPerRoom',
      label: `${r.rooms} reviews: server memory per review, all servers`,
      unit: 'KB',
      better: 'lower',
      value: sum(r.serverRssGrowthBytes) / r.rooms / KB,
      digits: 0,
    },
    {
      key: 'cluster.rooms.redisPerRoom',
      label: 'reviews: Redis memory per review',
      unit: 'KB',
      better: 'lower',
      value: r.redisRssGrowthBytes / r.rooms / KB,
      digits: 1,
    },
    {
      key: 'cluster.rooms.deliveriesPerSecond',
      label: 'reviews: deliveries /s',
      unit: '/s',
      better: 'higher',
      value: r.deliveriesPerSecond,
      digits: 0,
    },
    {
      key: 'cluster.rooms.delivered',
      label: 'reviews: delivered of expected',
      unit: '%',
      better: 'higher',
      value: r.deliveredRatio * 100,
      digits: 2,
    },
    {
      key: 'cluster.rooms.p50',
      label: 'reviews: latency p50',
      unit: 'ms',
      better: 'lower',
      value: r.latency.p50,
      digits: 2,
    },
    {
      key: 'cluster.rooms.p99',
      label: 'reviews: latency p99',
      unit: 'ms',
      better: 'lower',
      value: r.latency.p99,
      digits: 2,
    },
    {
      key: 'cluster.rooms.serverCores',
      label: 'reviews: server CPU, all servers',
      unit: 'cores',
      better: 'lower',
      value: sum(r.serverCores),
      digits: 2,
    },
    {
      key: 'cluster.rooms.postgresCores',
      label: 'reviews: Postgres CPU (this database)',
      unit: 'cores',
      better: 'lower',
      value: r.postgresCores,
      digits: 2,
    },
    {
      key: 'cluster.rooms.clientCores',
      label: 'reviews: client CPU, all client processes',
      unit: 'cores',
      better: 'none',
      value: sum(r.clientCores),
      digits: 2,
    },
    {
      key: 'cluster.rooms.otherCores',
      label: 'reviews: CPU of processes outside the bench',
      unit: 'cores',
      better: 'none',
      value: r.otherCores,
      digits: 2,
    },
    {
      key: 'cluster.rooms.createSeconds',
      label: 'reviews: POST /api/reviews, all reviews',
      unit: 's',
      better: 'lower',
      value: r.createSeconds,
      digits: 1,
    },
    {
      key: 'cluster.rooms.connectSeconds',
      label: 'reviews: connect + first sync, all clients',
      unit: 's',
      better: 'lower',
      value: r.connectSeconds,
      digits: 1,
    },
  ];
  return rows.map(only);
}

function scalingRows(points: ClusterRunResult[]): MetricRow[] {
  const base = points.find((p) => p.servers === 1)?.deliveriesPerSecond;
  return points.flatMap((p) =>
    [
      {
        key: `cluster.scale.${p.servers}.deliveriesPerSecond`,
        label: `scaling: ${p.servers} server${p.servers > 1 ? 's' : ''}, deliveries /s`,
        unit: '/s',
        better: 'higher' as const,
        value: p.deliveriesPerSecond,
        digits: 0,
      },
      {
        key: `cluster.scale.${p.servers}.ofOne`,
        label: `scaling: ${p.servers} server${p.servers > 1 ? 's' : ''}, ÷ 1 server`,
        unit: '×',
        better: 'higher' as const,
        value: base ? p.deliveriesPerSecond / base : NaN,
        digits: 2,
      },
      {
        key: `cluster.scale.${p.servers}.p99`,
        label: `scaling: ${p.servers} server${p.servers > 1 ? 's' : ''}, latency p99`,
        unit: 'ms',
        better: 'lower' as const,
        value: p.latency.p99,
        digits: 1,
      },
      {
        key: `cluster.scale.${p.servers}.cpu`,
        label: `scaling: ${p.servers} server${p.servers > 1 ? 's' : ''}, servers+Redis+Postgres CPU`,
        unit: 'cores',
        better: 'lower' as const,
        value: sum(p.serverCores) + p.redisCores + p.postgresCores,
        digits: 2,
      },
    ].map(only),
  );
}

async function services(): Promise<{ db: BenchDatabase; redis: BenchRedis }> {
  const db = createDatabase();
  try {
    return { db, redis: await startRedis() };
  } catch (err) {
    db.drop();
    throw err;
  }
}

async function runAll(ctx: WorkloadContext, svc: { db: BenchDatabase; redis: BenchRedis }) {
  const o = ctx.options;
  const n = o.clusterServers;
  ctx.log(
    `cluster: ${n} servers, one review, ${o.clusterClients} clients × ${o.clusterRate} edits/s for ${o.clusterSeconds} s`,
  );
  const fan = { rooms: 1, clientsPerRoom: o.clusterClients, rateHz: o.clusterRate, seconds: o.clusterSeconds };
  const fanout = await clusterRun(ctx, svc, { servers: n, ...fan });
  ctx.log(
    `  ${Math.round(fanout.deliveriesPerSecond)} deliveries/s, p99 ${fanout.latency.p99.toFixed(1)} ms, servers ${fanout.serverCores.map((c) => c.toFixed(2)).join('/')} cores`,
  );
  ctx.log(
    `cluster: ${n} servers, ${o.clusterRooms} reviews × ${o.clusterRoomClients} clients, ${o.clusterRoomRate} edits/s each`,
  );
  const rooms = await clusterRun(ctx, svc, {
    servers: n,
    rooms: o.clusterRooms,
    clientsPerRoom: o.clusterRoomClients,
    rateHz: o.clusterRoomRate,
    seconds: o.clusterRoomSeconds,
  });
  ctx.log(
    `  ${(sum(rooms.serverRssGrowthBytes) / o.clusterRooms / KB).toFixed(0)} KB/review, p99 ${rooms.latency.p99.toFixed(1)} ms`,
  );
  const points: ClusterRunResult[] = [];
  for (let k = 1; k < n; k++) {
    ctx.log(`cluster scaling: the same fan-out on ${k} server${k > 1 ? 's' : ''}`);
    const p = await clusterRun(ctx, svc, { servers: k, ...fan });
    ctx.log(`  ${Math.round(p.deliveriesPerSecond)} deliveries/s, p99 ${p.latency.p99.toFixed(1)} ms`);
    points.push(p);
  }
  points.push(fanout);
  return { fanout, rooms, points };
}

export const cluster: Workload = {
  id: 'cluster',
  title: 'Cluster (issue 8): several Hindsight servers on one Postgres and one Redis',
  async run(ctx) {
    const o = ctx.options;
    const na = 'reference and raw ws: n/a — neither has a multi-server mode (a room lives in one process).';
    if (!ctx.servers.includes('hindsight'))
      return { rows: [], notes: [], details: {}, notRun: 'the cluster is Hindsight only: add hindsight to --servers' };
    let svc: { db: BenchDatabase; redis: BenchRedis };
    try {
      svc = await services();
    } catch (err) {
      const reason = (err as Error).message;
      ctx.log(`cluster: NOT RUN: ${reason}`);
      return {
        rows: [],
        notes: [na],
        details: { error: reason },
        notRun: `${reason} — the cluster needs Postgres on 127.0.0.1:5432 (trust auth, user root) and redis-server (apt-get install -y postgresql redis-server)`,
      };
    }
    try {
      const { fanout, rooms, points } = await runAll(ctx, svc);
      const rows = [...fanoutRows(fanout), ...roomsRows(rooms), ...scalingRows(points)];
      const load = points.map((p) => `${p.servers}: ${p.otherCores.toFixed(2)}`).join(', ');
      const notes = [
        `${o.clusterServers} Hindsight processes (node --import tsx server/src/main.ts, DATABASE_URL + REDIS_URL, own SERVER_ID, ` +
          'the bench rate limits) on one fresh Postgres database and one private redis-server (no persistence, noeviction); ' +
          'reviews made through server 1, client j of review r on server (r + j) mod N, so every review spans every server.',
        `fan-out: ${o.clusterClients} stock WebsocketProviders on one review, ${o.clusterRate} edit/s each for ${o.clusterSeconds} s ` +
          `(${o.clusterClients * o.clusterRate * (o.clusterClients - 1)} deliveries/s offered); reviews: ${o.clusterRooms} × ` +
          `${o.clusterRoomClients} clients, ${o.clusterRoomRate} edit/s each for ${o.clusterRoomSeconds} s; latency = receipt − send, as in the single-server rows.`,
        'memory per review = Σ over servers of (RSS at the end of the edit phase − RSS before the first client) ÷ reviews: each review is loaded on every server; an upper bound (uncollected garbage).',
        `scaling: the same one-review fan-out with 1..${o.clusterServers} servers, same Postgres + Redis mode for every point. ` +
          `ALL PROCESSES SHARE THIS MACHINE'S ${cpus().length} CORES (servers, Redis, Postgres and the ${ctx.pool.size} client processes): ` +
          'more servers add no CPU here, so the points show the cost of spreading one review over more processes (every edit ' +
          'crosses Redis to every other server), not the capacity gain separate machines would give.',
        `CPU of processes outside the bench per scaling point (servers: cores) — ${load}; Postgres backends of this database are counted in the bench, not outside.`,
        na,
      ];
      for (const [what, r] of [
        ['fan-out', fanout],
        ['reviews', rooms],
      ] as const)
        if (r.serverErrors > 0)
          notes.push(
            `SERVER ERRORS during ${what}: ${r.serverErrors} error lines in the servers' logs, the first: "${r.firstError}".`,
          );
      if (points.every((p) => p.deliveredRatio >= 0.995))
        notes.splice(
          4,
          0,
          'every scaling point delivered its whole offered load, so deliveries/s equals the offered rate and the points differ in ' +
            'latency and CPU; raise --cluster-rate to look for the ceiling.',
        );
      return { rows, notes, details: { fanout, rooms, scaling: points, database: svc.db.name } };
    } finally {
      await svc.redis.stop();
      try {
        svc.db.drop();
      } catch (err) {
        ctx.log(`cluster: could not drop ${svc.db.name}: ${(err as Error).message}`);
      }
    }
  },
};
