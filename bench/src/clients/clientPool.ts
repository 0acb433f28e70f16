// The main process's side of the client processes: forks them, spreads clients over them,
// and runs a command on all of them at once.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Histogram } from '../histogram.ts';
import type { ClientSpec, Command, Reply, RunReport } from './messages.ts';

const entry = fileURLToPath(new URL('./clientProcess.ts', import.meta.url));
/** A larger young generation: each client process allocates a message buffer per delivery, and
 * scavenges were ~12% of a client process's CPU with the default. Same for every server. */
const CLIENT_NODE_ARGS = ['--max-semi-space-size=64'];
/** Extra node flags for the client processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
const extraArgs = (process.env.BENCH_CLIENT_NODE_ARGS ?? '').split(' ').filter(Boolean);

type Body<C> = C extends Command ? Omit<C, 'id'> : never;

export interface RunTotals {
  sent: number;
  /** Deliveries expected if every edit reached every other client of its room. */
  expected: number;
  received: number;
  /** Clients still missing deliveries when the drain gave up (0: every edit arrived). */
  incompleteClients: number;
  lastReceiptAt: number;
  histogram: Histogram;
  /** CPU cores used by each client process during the run. */
  clientCores: number[];
  clientLoopDelayP99: number[];
}

export class ClientPool {
  private readonly procs: ChildProcess[];
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (r: Reply) => void }>();

  constructor(readonly size: number) {
    this.procs = Array.from({ length: size }, () => {
      const child = fork(entry, [], {
        execArgv: [...CLIENT_NODE_ARGS, ...extraArgs, '--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.on('message', (reply: Reply) => {
        this.pending.get(reply.id)?.resolve(reply);
        this.pending.delete(reply.id);
      });
      return child;
    });
  }

  get pids(): number[] {
    return this.procs.map((p) => p.pid!);
  }

  private request(proc: ChildProcess, body: Body<Command>): Promise<Reply> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      proc.send({ ...body, id } as Command);
    });
  }

  private async all(bodies: Body<Command>[]): Promise<Reply[]> {
    const replies = await Promise.all(this.procs.map((p, i) => this.request(p, bodies[i]!)));
    const failed = replies.find((r) => !r.ok);
    if (failed && !failed.ok) throw new Error(failed.error);
    return replies;
  }

  /** Connects the clients, spread round-robin over the processes; resolves when all are ready. */
  async connect(specs: ClientSpec[], speaksSync: boolean, timeoutMs = 120_000): Promise<void> {
    const shares: ClientSpec[][] = this.procs.map(() => []);
    specs.forEach((s, i) => shares[i % this.size]!.push(s));
    await this.all(shares.map((clients) => ({ cmd: 'connect', clients, speaksSync, timeoutMs })));
  }

  /** Every client marks itself ready; resolves when each has seen all the others in its room. */
  async barrier(timeoutMs = 60_000): Promise<void> {
    await this.all(this.procs.map(() => ({ cmd: 'barrier', timeoutMs })));
  }

  /**
   * The edit phase on every process, then the drain: each process waits until its clients have
   * every edit the others in their rooms sent (or `maxDrainMs`).
   */
  async run(
    opts: Omit<Extract<Command, { cmd: 'run' }>, 'cmd' | 'id'> & { maxDrainMs: number },
    roomSizes: Map<string, number>,
  ): Promise<RunTotals> {
    const { maxDrainMs, ...edit } = opts;
    const edited = await this.all(this.procs.map(() => ({ cmd: 'run', ...edit })));
    const sentPerRoom: Record<string, number> = {};
    for (const r of edited) {
      if (!r.ok || !r.edits) continue;
      for (const [room, n] of Object.entries(r.edits.sentPerRoom)) sentPerRoom[room] = (sentPerRoom[room] ?? 0) + n;
    }
    const replies = await this.all(this.procs.map(() => ({ cmd: 'drain', sentPerRoom, maxDrainMs })));
    const runs = replies.map((r) => (r.ok ? r.run! : null)).filter((r): r is RunReport => r !== null);
    const histogram = new Histogram();
    for (const r of runs) histogram.merge(r.histogram, r.maxLatency);
    let sent = 0;
    let expected = 0;
    for (const [room, n] of Object.entries(sentPerRoom)) {
      sent += n;
      expected += n * ((roomSizes.get(room) ?? 1) - 1);
    }
    return {
      sent,
      expected,
      received: runs.reduce((n, r) => n + r.received, 0),
      incompleteClients: runs.reduce((n, r) => n + r.incomplete, 0),
      lastReceiptAt: Math.max(...runs.map((r) => r.lastReceiptAt)),
      histogram,
      clientCores: runs.map((r) => r.cpuCores),
      clientLoopDelayP99: runs.map((r) => r.loopDelayP99),
    };
  }

  async close(): Promise<void> {
    await this.all(this.procs.map(() => ({ cmd: 'close' })));
  }

  shutdown(): void {
    for (const p of this.procs) p.disconnect();
  }
}
