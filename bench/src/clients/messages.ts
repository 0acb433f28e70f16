// The IPC protocol between the bench's main process and its client processes.
import type { RoomAccess } from '../servers/types.ts';
import type { SparseHistogram } from '../histogram.ts';

export interface ClientSpec {
  access: RoomAccess;
  /** Groups clients of one room across processes. */
  roomKey: string;
  /** Clients in this room, in all processes together. */
  roomSize: number;
}

export type Command =
  | { cmd: 'connect'; id: number; clients: ClientSpec[]; speaksSync: boolean; timeoutMs: number }
  | { cmd: 'barrier'; id: number; timeoutMs: number }
  | { cmd: 'run'; id: number; rateHz: number; startAt: number; durationMs: number; quietMs: number; maxDrainMs: number }
  | { cmd: 'close'; id: number };

export interface RunReport {
  sentPerRoom: Record<string, number>;
  received: number;
  lastReceiptAt: number;
  histogram: SparseHistogram;
  maxLatency: number;
  /** This client process's CPU use during the edit phase, in cores (1 = one core saturated). */
  cpuCores: number;
  /** p99 event-loop delay of this client process during the run, ms. */
  loopDelayP99: number;
}

export type Reply = { id: number; ok: true; run?: RunReport } | { id: number; ok: false; error: string };
