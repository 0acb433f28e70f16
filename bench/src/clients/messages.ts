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
  | { cmd: 'run'; id: number; rateHz: number; startAt: number; durationMs: number }
  /** After every process's `run`: waits until each client has every edit its room's others sent (`sentPerRoom`). */
  | { cmd: 'drain'; id: number; sentPerRoom: Record<string, number>; maxDrainMs: number }
  | { cmd: 'close'; id: number };

/** What `run` answers once the edit phase is over: edits made, by room. */
export interface EditReport {
  sentPerRoom: Record<string, number>;
}

export interface RunReport {
  received: number;
  /** Clients still missing deliveries when the drain gave up (0: every edit arrived). */
  incomplete: number;
  lastReceiptAt: number;
  histogram: SparseHistogram;
  maxLatency: number;
  /** This client process's CPU use during the edit phase, in cores (1 = one core saturated). */
  cpuCores: number;
  /** p99 event-loop delay of this client process during the run, ms. */
  loopDelayP99: number;
}

export type Reply =
  { id: number; ok: true; edits?: EditReport; run?: RunReport } | { id: number; ok: false; error: string };
