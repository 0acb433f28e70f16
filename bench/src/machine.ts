// What the bench ran on, for the JSON and the table's header.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, release, tmpdir } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  kernel: string;
  /** Filesystem type of the temp dir holding Hindsight's DATA_DIR (tmpfs would make fsync free). */
  dataDirFs: string;
  gitCommit: string;
}

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kernel: release(),
    dataDirFs: run('stat', ['-f', '-c', '%T', tmpdir()]),
    gitCommit: run('git', ['rev-parse', '--short', 'HEAD']),
  };
}
