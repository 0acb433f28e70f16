// Starts the real Hindsight server as a child process (port 0, temp DATA_DIR)
// and talks to its HTTP API. Used by every integration and end-to-end test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { CreateReviewResponse } from '@hindsight/protocol';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerOptions {
  dataDir?: string;
  env?: Record<string, string>;
  /** Serve the built client (client/dist must exist). */
  withClient?: boolean;
}

export interface RunningServer {
  port: number;
  origin: string;
  /** `ws://127.0.0.1:<port>/sync`, the stock provider's serverUrl. */
  syncUrl: string;
  dataDir: string;
  process: ChildProcess;
  /** Every JSON log line the server wrote so far. */
  logs: Record<string, unknown>[];
  /** The team link the server printed at its first start (null when its data dir already had one). */
  teamLink: string | null;
  /** The team token inside `teamLink`. */
  teamToken: string | null;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: no flushing, no goodbye. */
  kill9(): Promise<void>;
  createReview(title?: string, extra?: Record<string, unknown>): Promise<ReviewHandle>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface ReviewHandle extends CreateReviewResponse {
  /** The observer link the facilitator minted (live and read-only): the read-only sync tests use it. */
  observerLink: string;
  tokens: { facilitator: string; editor: string; observer: string; reader: string };
}

/** The token inside a share link's fragment. */
export function tokenOf(link: string): string {
  const token = new URL(link).hash.replace(/^#t=/, '');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

/**
 * What a test server inherits from the shell running the tests: only what a
 * Node process needs to run. Everything the server reads (DATABASE_URL,
 * REDIS_URL, CREATE_TOKEN, SQLITE_SYNCHRONOUS, ...) comes from the test, so a
 * shell with the README's variables exported runs the same tests.
 */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'SYSTEMROOT'];

export function serverEnv(own: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...own };
}

const cleanups: (() => void)[] = [];
process.on('exit', () => cleanups.forEach((f) => f()));

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hindsight-test-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts')], {
    cwd: root,
    env: serverEnv({
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      CLIENT_DIST: options.withClient ? join(root, 'client/dist') : join(dataDir, 'no-client'),
      ...options.env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let stdout = '';
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s\n${stderr}`)), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening\n${stdout}${stderr}`));
    });
    lines.on('line', (line) => {
      stdout += `${line}\n`;
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') {
          clearTimeout(timer);
          resolve(entry.port as number);
        }
      } catch {
        // not a log line
      }
    });
  });
  const kill = (): void => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  cleanups.push(kill);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const origin = `http://127.0.0.1:${port}`;
  const teamLink = (logs.find((l) => typeof l.teamLink === 'string')?.teamLink as string | undefined) ?? null;
  const server: RunningServer = {
    teamLink,
    teamToken: teamLink === null ? null : tokenOf(teamLink),
    port,
    origin,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    dataDir,
    process: child,
    logs,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      if (ownDir && options.dataDir === undefined)
        cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      return code;
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    fetch: (path, init) => fetch(origin + path, init),
    async createReview(title = 'Checkout outage', extra = {}) {
      const res = await fetch(`${origin}/api/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, ...extra }),
      });
      if (res.status !== 201) throw new Error(`create review: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as CreateReviewResponse;
      const facilitator = tokenOf(body.links.facilitator);
      // An observer link is minted by the facilitator, as a person would from the share dialog.
      const minted = await fetch(`${origin}/api/reviews/${body.id}/links`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${facilitator}` },
        body: JSON.stringify({ role: 'observer' }),
      });
      if (minted.status !== 201) throw new Error(`mint observer link: ${minted.status} ${await minted.text()}`);
      const observerLink = ((await minted.json()) as { url: string }).url;
      return {
        ...body,
        observerLink,
        tokens: {
          facilitator,
          editor: tokenOf(body.links.editor),
          observer: tokenOf(observerLink),
          reader: tokenOf(body.links.reader),
        },
      };
    },
  };
  return server;
}

/** GET export.json with a token. */
export async function exportJson(
  server: RunningServer,
  reviewId: string,
  token: string,
): Promise<Record<string, unknown>> {
  const res = await server.fetch(`/api/reviews/${reviewId}/export.json`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`export.json: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}
