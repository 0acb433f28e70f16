// What every server under test offers the workloads: rooms to connect to, its pid, a way to stop.

export const SERVER_KINDS = ['hindsight', 'reference', 'raw'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

export const SERVER_LABELS: Record<ServerKind, string> = {
  hindsight: 'Hindsight',
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
