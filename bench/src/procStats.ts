// Reads a process's CPU time and memory from /proc (Linux only) and samples RSS over time.
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** utime + stime of `pid`, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may contain spaces: split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / TICKS_PER_SECOND;
}

/** A `Vm*` line of /proc/<pid>/status, in bytes. */
function statusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : NaN;
}

export const rssBytes = (pid: number): number => statusBytes(pid, 'VmRSS');
export const peakRssBytes = (pid: number): number => statusBytes(pid, 'VmHWM');

/** CPU used by `pid` between `start()` and `stop()`, as seconds and as cores (CPU s per wall s). */
export function cpuMeter(pid: number): { stop(): { cpuSeconds: number; wallSeconds: number; cores: number } } {
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  return {
    stop() {
      const used = cpuSeconds(pid) - cpu0;
      const wall = (performance.now() - t0) / 1000;
      return { cpuSeconds: used, wallSeconds: wall, cores: used / wall };
    },
  };
}

/** Samples VmRSS every `everyMs` until stopped; reports the peak and the last sample. */
export function rssSampler(pid: number, everyMs = 250): { stop(): { peak: number; last: number } } {
  let peak = rssBytes(pid);
  let last = peak;
  const timer = setInterval(() => {
    try {
      last = rssBytes(pid);
      if (last > peak) peak = last;
    } catch {
      // the process is gone; keep what we have
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peak, last };
    },
  };
}

/** Busy and total jiffies of the whole machine, from the first line of /proc/stat. */
export function machineJiffies(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}

/** How many cores the whole machine kept busy over `ms` (before the bench starts: other people's work). */
export async function machineLoadCores(ms: number, cores: number): Promise<number> {
  const a = machineJiffies();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineJiffies();
  return ((b.busy - a.busy) / (b.total - a.total)) * cores;
}
