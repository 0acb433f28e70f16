// One edit run on a Hindsight cluster: reviews made through one server, each review's clients spread over
// the servers, edits at a fixed rate; deliveries, latency, CPU per process (servers, Redis, Postgres), memory.
import { cpus } from 'node:os';
import { nowMs } from '../clients/benchClient.ts';
import type { ClientSpec } from '../clients/messages.ts';
import { cpuSeconds, machineJiffies, peakRssBytes, rssBytes } from '../procStats.ts';
import { startCluster } from '../servers/cluster.ts';
import type { BenchDatabase, BenchRedis } from '../services.ts';
import { sleep } from '../time.ts';
import type { WorkloadContext } from './types.ts';

export interface ClusterRunSpec {
  servers: number;
  rooms: number;
  clientsPerRoom: number;
  rateHz: number;
  seconds: number;
}

export interface ClusterRunResult extends ClusterRunSpec {
  clients: number;
  sent: number;
  expected: number;
  received: number;
  deliveriesPerSecond: number;
  deliveredRatio: number;
  latency: { p50: number; p95: number; p99: number; max: number };
  /** CPU of each server process during the edit phase, in cores. */
  serverCores: number[];
  redisCores: number;
  /** CPU of this database's Postgres backends during the edit phase, in cores. */
  postgresCores: number;
  clientCores: number[];
  machineBusy: number;
  otherCores: number;
  /** RSS growth of each server from before the first client connected to the end of the edit phase. */
  serverRssGrowthBytes: number[];
  serverPeakRssBytes: number[];
  redisRssGrowthBytes: number;
  createSeconds: number;
  connectSeconds: number;
  serverWarnings: string[];
  /** Server log lines at level error or above during the run, and the first one's message. */
  serverErrors: number;
  firstError: string | undefined;
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const safeCpu = (pid: number): number => {
  try {
    return cpuSeconds(pid);
  } catch {
    return 0; // a backend that exited
  }
};

export async function clusterRun(
  ctx: WorkloadContext,
  services: { db: BenchDatabase; redis: BenchRedis },
  spec: ClusterRunSpec,
): Promise<ClusterRunResult> {
  const cluster = await startCluster({
    servers: spec.servers,
    databaseUrl: services.db.url,
    redisUrl: services.redis.url,
  });
  try {
    const c0 = performance.now();
    const reviews = await cluster.createReviews(spec.rooms);
    const createSeconds = (performance.now() - c0) / 1000;
    // Client j of review r on server (r + j) mod N: one review spans every server; interleaved over client processes.
    const specs: ClientSpec[] = [];
    for (let j = 0; j < spec.clientsPerRoom; j++) {
      reviews.forEach((review, r) =>
        specs.push({ access: cluster.access(review, r + j), roomKey: String(r), roomSize: spec.clientsPerRoom }),
      );
    }
    const roomSizes = new Map(reviews.map((_, r) => [String(r), spec.clientsPerRoom]));
    const rssBefore = cluster.pids.map(rssBytes);
    const redisRssBefore = rssBytes(services.redis.pid);
    const t0 = performance.now();
    await ctx.pool.connect(specs, true);
    await ctx.pool.barrier();
    const connectSeconds = (performance.now() - t0) / 1000;
    const outputBefore = cluster.output().length;
    const startAt = nowMs() + 300;
    const endAt = startAt + spec.seconds * 1000;
    const running = ctx.pool.run(
      { rateHz: spec.rateHz, startAt, durationMs: spec.seconds * 1000, maxDrainMs: 30_000 },
      roomSizes,
    );
    await sleep(startAt - nowMs());
    const pgPids = services.db.backendPids();
    const server0 = cluster.pids.map(cpuSeconds);
    const redis0 = cpuSeconds(services.redis.pid);
    const pg0 = pgPids.map(safeCpu);
    const machine0 = machineJiffies();
    const self0 = process.cpuUsage();
    await sleep(endAt - nowMs());
    const serverCpu = cluster.pids.map((pid, i) => cpuSeconds(pid) - server0[i]!);
    const redisCpu = cpuSeconds(services.redis.pid) - redis0;
    const pgCpu = sum(pgPids.map((pid, i) => Math.max(0, safeCpu(pid) - pg0[i]!)));
    const machine1 = machineJiffies();
    const self = process.cpuUsage(self0);
    const rssEnd = cluster.pids.map(rssBytes);
    const redisRssEnd = rssBytes(services.redis.pid);
    const totals = await running;
    const machineBusy = (machine1.busy - machine0.busy) / (machine1.total - machine0.total);
    const benchCores =
      (sum(serverCpu) + redisCpu + pgCpu) / spec.seconds +
      sum(totals.clientCores) +
      (self.user + self.system) / 1e6 / spec.seconds;
    const activeSeconds = Math.max(spec.seconds, (totals.lastReceiptAt - startAt) / 1000);
    const summary = totals.histogram.summary();
    const logged = cluster.output().slice(outputBefore);
    const errors = logged.filter((l) => /"level":(50|60)/.test(l));
    const firstError = errors[0] && /"message":"([^"]*)"|"msg":"([^"]*)"/.exec(errors[0]);
    return {
      ...spec,
      clients: specs.length,
      sent: totals.sent,
      expected: totals.expected,
      received: totals.received,
      deliveriesPerSecond: totals.received / activeSeconds,
      deliveredRatio: totals.expected > 0 ? totals.received / totals.expected : NaN,
      latency: { p50: summary.p50, p95: summary.p95, p99: summary.p99, max: summary.max },
      serverCores: serverCpu.map((s) => s / spec.seconds),
      redisCores: redisCpu / spec.seconds,
      postgresCores: pgCpu / spec.seconds,
      clientCores: totals.clientCores,
      machineBusy,
      otherCores: Math.max(0, machineBusy * cpus().length - benchCores),
      serverRssGrowthBytes: rssEnd.map((r, i) => r - rssBefore[i]!),
      serverPeakRssBytes: cluster.pids.map(peakRssBytes),
      redisRssGrowthBytes: redisRssEnd - redisRssBefore,
      createSeconds,
      connectSeconds,
      serverWarnings: logged.slice(0, 20),
      serverErrors: errors.length,
      firstError: firstError ? (firstError[1] ?? firstError[2]) : undefined,
    };
  } finally {
    await ctx.pool.close().catch(() => undefined);
    await cluster.stop();
  }
}
