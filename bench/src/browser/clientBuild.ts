// Builds the client once per bench run into a private directory (never touching client/dist, which tests share).
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { baseline } from '../servers/baseline.ts';
import type { HindsightKind } from '../servers/types.ts';
import type { WorkloadContext, WorkloadResult } from '../workloads/types.ts';
import { chromiumMissing, CHROMIUM_MISSING } from './chromium.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const built = new Map<HindsightKind, Promise<ClientDist>>();

export interface ClientDist {
  dir: string;
  seconds: number;
}

/**
 * `pnpm --filter @hindsight/client build` of that build's own client, output in a temp dir;
 * BENCH_CLIENT_DIST reuses a build of the working tree.
 */
export function clientDist(log: (m: string) => void, kind: HindsightKind = 'hindsight'): Promise<ClientDist> {
  const given = process.env.BENCH_CLIENT_DIST;
  if (given && kind === 'hindsight') return Promise.resolve({ dir: given, seconds: 0 });
  const cwd = kind === 'baseline' ? baseline().root : root;
  const once = built.get(kind) ?? build(log, cwd);
  built.set(kind, once);
  return once;
}

async function build(log: (m: string) => void, cwd: string): Promise<ClientDist> {
  const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-bench-client-')), 'dist');
  log(`building the client in ${cwd} (pnpm --filter @hindsight/client build --outDir ${dir})`);
  const t0 = performance.now();
  try {
    await promisify(execFile)('pnpm', ['--filter', '@hindsight/client', 'build', '--outDir', dir, '--emptyOutDir'], {
      cwd,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`the client build failed: ${`${e.stderr ?? ''}${e.stdout ?? ''}`.trim().slice(-800) || e.message}`);
  }
  return { dir, seconds: (performance.now() - t0) / 1000 };
}

/**
 * What every browser workload checks first: Hindsight is among the servers, Chromium is
 * installed and the client builds. Either the built client or the result to report instead.
 */
export async function browserRunPrerequisites(
  ctx: WorkloadContext,
  na: string,
  kinds: HindsightKind[] = ['hindsight'],
): Promise<{ dists: Map<HindsightKind, ClientDist> } | { skip: WorkloadResult }> {
  const skip = (notRun: string) => ({ skip: { rows: [], notes: [na], details: {}, notRun } });
  const wanted = kinds.filter((k) => ctx.servers.includes(k));
  if (wanted.length === 0) return skip('browser workloads are Hindsight only: add hindsight to --servers');
  if (chromiumMissing()) return skip(CHROMIUM_MISSING);
  try {
    const dists = new Map<HindsightKind, ClientDist>();
    for (const kind of wanted) dists.set(kind, await clientDist(ctx.log, kind));
    return { dists };
  } catch (err) {
    return skip((err as Error).message);
  }
}
