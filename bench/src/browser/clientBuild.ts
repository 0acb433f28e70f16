// Builds the client once per bench run into a private directory (never touching client/dist, which tests share).
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { WorkloadContext, WorkloadResult } from '../workloads/types.ts';
import { chromiumMissing, CHROMIUM_MISSING } from './chromium.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let built: Promise<{ dir: string; seconds: number }> | undefined;

/** `pnpm --filter @hindsight/client build` with its output in a temp dir; BENCH_CLIENT_DIST reuses a build. */
export function clientDist(log: (m: string) => void): Promise<{ dir: string; seconds: number }> {
  const given = process.env.BENCH_CLIENT_DIST;
  if (given) return Promise.resolve({ dir: given, seconds: 0 });
  built ??= (async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hindsight-bench-client-')), 'dist');
    log(`building the client (pnpm --filter @hindsight/client build --outDir ${dir})`);
    const t0 = performance.now();
    try {
      await promisify(execFile)('pnpm', ['--filter', '@hindsight/client', 'build', '--outDir', dir, '--emptyOutDir'], {
        cwd: root,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      throw new Error(
        `the client build failed: ${`${e.stderr ?? ''}${e.stdout ?? ''}`.trim().slice(-800) || e.message}`,
      );
    }
    return { dir, seconds: (performance.now() - t0) / 1000 };
  })();
  return built;
}

/**
 * What every browser workload checks first: Hindsight is among the servers, Chromium is
 * installed and the client builds. Either the built client or the result to report instead.
 */
export async function browserRunPrerequisites(
  ctx: WorkloadContext,
  na: string,
): Promise<{ dist: { dir: string; seconds: number } } | { skip: WorkloadResult }> {
  const skip = (notRun: string) => ({ skip: { rows: [], notes: [na], details: {}, notRun } });
  if (!ctx.servers.includes('hindsight'))
    return skip('browser workloads are Hindsight only: add hindsight to --servers');
  if (chromiumMissing()) return skip(CHROMIUM_MISSING);
  try {
    return { dist: await clientDist(ctx.log) };
  } catch (err) {
    return skip((err as Error).message);
  }
}
