// What every server under test offers the workloads: rooms to connect to, its pid, a way to stop.

export const SERVER_KINDS = ['hindsight', 'baseline', 'reference', 'raw'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** Hindsight builds: the working tree, and the same product at --baseline=<ref> ("before"). */
export type HindsightKind = Extract<ServerKind, 'hindsight' | 'baseline'>;
export const isHindsight = (kind: ServerKind): kind is HindsightKind => kind === 'hindsight' || kind === 'baseline';
/** The Hindsight builds among `servers`, in order. */
export const hindsightKinds = (servers: readonly ServerKind[]): HindsightKind[] => servers.filter(isHindsight);

export const SERVER_LABELS: Record<ServerKind, string> = {
  hindsight: 'Hindsight',
  baseline: 'before',
  reference: 'reference',
  raw: 'raw ws',
};

/** How a stock WebsocketProvider reaches one room: `new WebsocketProvider(serverUrl, room, doc, { params })`. */
export interface RoomAccess {
  serverUrl: string;
  room: string;
  params: Record<string, string>;
}

export interface ServerUnderTest {
  kind: ServerKind;
  /** The server's own node process (not a wrapper), for /proc figures. */
  pid: number;
  /** True when the server answers sync step 1 itself; false for the raw relay, where only peers do. */
  speaksSync: boolean;
  /** Makes `count` fresh rooms (reviews, for Hindsight) and returns how to reach each. */
  createRooms(count: number): Promise<RoomAccess[]>;
  /** Lines the server wrote to stdout/stderr (warnings, errors). */
  output(): string[];
  stop(): Promise<void>;
}
