// Starts a server as a child node process on a free loopback port and waits until it answers HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

/** Extra node flags for the servers under test, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
const extraArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

export interface ChildServer {
  child: ChildProcess;
  port: number;
  pid: number;
  /** Every line written to stdout or stderr, capped at the last 200. */
  lines: string[];
  exited: Promise<number | null>;
  /** Sends `signal`, waits up to `graceMs`, then SIGKILLs. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

/** Servers still running; killed if the bench exits without stopping them. */
const running = new Set<ChildProcess>();
process.on('exit', () => running.forEach((c) => c.kill('SIGKILL')));

/** A port that was free a moment ago (the server binds it right after). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitForHttp(port: number, exited: Promise<unknown>, timeoutMs: number): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone) {
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(gone ? 'server exited before answering' : `server did not answer within ${timeoutMs} ms`);
}

export async function startChildServer(opts: {
  args: string[];
  env: Record<string, string>;
  /** Variables of the bench's own environment the server must not see. */
  unset?: string[];
  cwd: string;
  port?: number;
  timeoutMs?: number;
}): Promise<ChildServer> {
  const port = opts.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env, PORT: String(port) };
  for (const name of opts.unset ?? []) delete env[name];
  const child = spawn(process.execPath, [...extraArgs, ...opts.args], {
    cwd: opts.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      if (lines.length > 200) lines.shift();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  running.add(child);
  child.once('exit', () => running.delete(child));
  try {
    // Generous: a server starting on a loaded machine (tsx compiles on start) can take a minute.
    await waitForHttp(port, exited, opts.timeoutMs ?? 120_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${lines.join('\n')}`);
  }
  return {
    child,
    port,
    pid: child.pid!,
    lines,
    exited,
    async stop(signal = 'SIGTERM', graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
