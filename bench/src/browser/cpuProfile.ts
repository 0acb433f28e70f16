// Records a renderer CPU profile over CDP and sums self time per function, for the "why" of a missed target.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface HotFunction {
  fn: string;
  where: string;
  selfMs: number;
}

export async function startProfile(page: Page): Promise<{ stop(): Promise<CpuProfile> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      await cdp.detach().catch(() => undefined);
      return profile;
    },
  };
}

/** Where a built-client position comes from, via its source map in `distDir`: the npm package or client file. */
function origin(distDir: string | undefined, url: string, line: number, column: number): string | undefined {
  const file = url.split('/').pop();
  if (!distDir || !file) return undefined;
  const mapPath = join(distDir, 'assets', `${file}.map`);
  if (!existsSync(mapPath)) return undefined;
  maps[mapPath] ??= new SourceMap(JSON.parse(readFileSync(mapPath, 'utf8')));
  const entry = maps[mapPath].findEntry(line, column) as { originalSource?: string; name?: string };
  const src = entry.originalSource;
  if (!src) return undefined;
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(src)?.[1];
  return pkg ?? src.replace(/^.*?\/(client|packages|server)\//, '$1/');
}
const maps: Record<string, SourceMap> = {};

/** Self time per function (name + file:line, and its source package when `distDir` has the maps), largest first. */
export function hotFunctions(profile: CpuProfile, top = 10, distDir?: string): HotFunction[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, HotFunction>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    if (!node) continue;
    const f = node.callFrame;
    const file = f.url.split('/').pop() || '';
    const from = origin(distDir, f.url, f.lineNumber, f.columnNumber);
    const where = from ?? (file ? `${file}:${f.lineNumber + 1}` : '');
    const key = `${f.functionName}@${file}:${f.lineNumber}:${f.columnNumber}`;
    const entry = self.get(key) ?? { fn: f.functionName || '(anonymous)', where, selfMs: 0 };
    entry.selfMs += (deltas[i + 1] ?? 0) / 1000;
    self.set(key, entry);
  }
  return [...self.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
}

/** Self time summed by source package (or client file), largest first; idle excluded. */
export function hotPackages(profile: CpuProfile, distDir: string, top = 6): HotFunction[] {
  const all = hotFunctions(profile, Infinity, distDir).filter((h) => h.fn !== '(idle)');
  const by = new Map<string, number>();
  for (const h of all) {
    const k = h.where.includes(':') || !h.where ? (h.fn.startsWith('(') ? h.fn : 'other') : h.where;
    by.set(k, (by.get(k) ?? 0) + h.selfMs);
  }
  return [...by.entries()]
    .map(([where, selfMs]) => ({ fn: '', where, selfMs }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
}

export function saveProfile(profile: CpuProfile, path: string): void {
  writeFileSync(path, JSON.stringify(profile));
}
