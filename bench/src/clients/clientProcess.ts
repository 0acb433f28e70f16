// Entry of a bench client process: holds a share of the clients and runs commands from the
// main process (connect, barrier, run, drain, close) over IPC. Forked by clientPool.ts.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Histogram } from '../histogram.ts';
import { sleep, until, withTimeout } from '../time.ts';
import { BenchClient, nowMs, whenReady } from './benchClient.ts';
import type { ClientSpec, Command, EditReport, Reply, RunReport } from './messages.ts';

// Hundreds of providers each add a process 'exit' listener.
process.setMaxListeners(0);

let histogram = new Histogram();
let clients: { spec: ClientSpec; client: BenchClient }[] = [];

async function connect(specs: ClientSpec[], speaksSync: boolean, timeoutMs: number): Promise<void> {
  clients = specs.map((spec) => ({ spec, client: new BenchClient(spec.access, (ms) => histogram.record(ms)) }));
  const ready = Promise.all(clients.map(({ client }) => whenReady(client.provider, speaksSync)));
  await withTimeout(ready, timeoutMs, `${clients.length} clients to connect and sync`);
}

async function barrier(timeoutMs: number): Promise<void> {
  for (const { client } of clients) client.markReady();
  await until(
    () => clients.every(({ spec, client }) => client.readyPeers >= spec.roomSize - 1),
    'every client to see every other client of its room',
    timeoutMs,
  );
}

/** Kept from `run` (the edit phase) until `drain` reports it. */
let phase: {
  cpuCores: number;
  loop: ReturnType<typeof monitorEventLoopDelay>;
  stopTimers: () => void;
} | null = null;

/** The edit phase: each client edits at `rateHz` from `startAt` for `durationMs`; answers what was sent. */
async function run(c: Extract<Command, { cmd: 'run' }>): Promise<EditReport> {
  histogram = new Histogram();
  for (const { client } of clients) client.resetCounters(c.startAt);
  await sleep(Math.max(0, c.startAt - nowMs()));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const wall0 = nowMs();
  const endAt = c.startAt + c.durationMs;
  const period = 1000 / c.rateHz;
  const timers = clients.map(({ client }) => {
    // Spread the clients' ticks evenly over one period so the load is smooth.
    const offset = Math.random() * period;
    const holder: { interval?: NodeJS.Timeout } = {};
    const timeout = setTimeout(() => {
      const tick = (): void => {
        if (nowMs() >= endAt) clearInterval(holder.interval);
        else client.edit();
      };
      tick();
      holder.interval = setInterval(tick, period);
    }, offset);
    return { timeout, holder };
  });
  await sleep(Math.max(0, endAt - nowMs()));
  const cpu = process.cpuUsage(cpu0);
  const stopTimers = (): void => {
    for (const t of timers) {
      clearTimeout(t.timeout);
      clearInterval(t.holder.interval);
    }
  };
  phase = { cpuCores: (cpu.user + cpu.system) / 1000 / (nowMs() - wall0), loop, stopTimers };
  const sentPerRoom: Record<string, number> = {};
  for (const { spec, client } of clients) sentPerRoom[spec.roomKey] = (sentPerRoom[spec.roomKey] ?? 0) + client.sent;
  return { sentPerRoom };
}

/**
 * Waits until every client has received every edit the others in its room sent
 * (`sentPerRoom` counts all processes), or `maxDrainMs`. A positive signal, not
 * a quiet period: on a loaded machine the server can be off the CPU for seconds
 * and still deliver everything.
 */
async function drain(c: Extract<Command, { cmd: 'drain' }>): Promise<RunReport> {
  if (!phase) throw new Error('drain before run');
  const { cpuCores, loop, stopTimers } = phase;
  phase = null;
  stopTimers();
  const missing = (): number =>
    clients.filter(({ spec, client }) => client.received < (c.sentPerRoom[spec.roomKey] ?? 0) - client.sent).length;
  const deadline = nowMs() + c.maxDrainMs;
  while (missing() > 0 && nowMs() < deadline) await sleep(50);
  loop.disable();
  return {
    received: clients.reduce((n, { client }) => n + client.received, 0),
    incomplete: missing(),
    lastReceiptAt: Math.max(0, ...clients.map(({ client }) => client.lastReceiptAt)),
    histogram: histogram.toSparse(),
    maxLatency: histogram.max,
    cpuCores,
    loopDelayP99: loop.percentile(99) / 1e6,
  };
}

async function handle(c: Command): Promise<Reply> {
  switch (c.cmd) {
    case 'connect':
      await connect(c.clients, c.speaksSync, c.timeoutMs);
      return { id: c.id, ok: true };
    case 'barrier':
      await barrier(c.timeoutMs);
      return { id: c.id, ok: true };
    case 'run':
      return { id: c.id, ok: true, edits: await run(c) };
    case 'drain':
      return { id: c.id, ok: true, run: await drain(c) };
    case 'close':
      for (const { client } of clients) client.destroy();
      clients = [];
      return { id: c.id, ok: true };
  }
}

process.on('message', (c: Command) => {
  handle(c).then(
    (reply) => process.send!(reply),
    (err: unknown) => process.send!({ id: c.id, ok: false, error: (err as Error).message } satisfies Reply),
  );
});
process.on('disconnect', () => process.exit(0));
