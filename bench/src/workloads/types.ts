// What a workload is and what it reports: metric rows (one value per server) plus raw details.
import type { ClientPool } from '../clients/clientPool.ts';
import type { BenchOptions } from '../options.ts';
import type { ServerKind } from '../servers/types.ts';

export interface WorkloadContext {
  options: BenchOptions;
  pool: ClientPool;
  servers: ServerKind[];
  log(message: string): void;
}

export interface MetricRow {
  /** Stable id, e.g. `fanout.p99`; targets refer to rows by it. */
  key: string;
  label: string;
  unit: string;
  better: 'higher' | 'lower' | 'none';
  /** null: not applicable to that server (with the reason in the workload's notes). */
  values: Partial<Record<ServerKind, number | null>>;
  digits?: number;
}

export interface WorkloadResult {
  rows: MetricRow[];
  /** Lines printed under the workload's table: what was run, caveats, n/a reasons. */
  notes: string[];
  details: Record<string, unknown>;
  /** Set when the workload could not run at all (a missing service or browser): printed instead of the table. */
  notRun?: string;
}

export interface Workload {
  id: string;
  title: string;
  run(ctx: WorkloadContext): Promise<WorkloadResult>;
}
