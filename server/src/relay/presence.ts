// Presence: who is in a room, stamped by the server and bounded.
//
// - A Yjs client id belongs to the link of the connection that first used it
//   (for presence or for writing). Nobody on another link may speak or write as
//   it, even after its connection dropped; the same link may take it back (the
//   same person reconnecting gets their presence, and a facilitator their
//   spotlight, back).
// - A state carries only the fields the app uses (`PRESENCE_FIELDS`), at most
//   `maxAwarenessStateBytes` of JSON; `user` is always the server's stamp.
//   Read-only links publish nothing but who they are; only a facilitator
//   publishes a spotlight.
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType, can } from '@hindsight/protocol';
import * as Y from 'yjs';
import { colorFor, decodeAwarenessUpdate, displayName, encodeAwarenessEntries, stampUser } from './awarenessStamp.ts';
import type { AwarenessEntry } from './awarenessStamp.ts';
import type { Connection } from './connection.ts';
import type { RoomBus } from './types.ts';

/** Owner of what arrives from other servers (their clients were checked there). */
export const REMOTE = Symbol('remote');

/** The awareness fields the app publishes: what they edit, the editor caret, the facilitator's spotlight. */
export const PRESENCE_FIELDS: ReadonlySet<string> = new Set(['editing', 'cursor', 'spotlight']);

/** Reservations kept for client ids whose connection left (oldest dropped past this). */
const MAX_RESERVATIONS = 10_000;

interface Owner {
  conn: Connection | typeof REMOTE | null;
  linkId: string | null;
}

/** Why an awareness message was refused (closes the sender). */
export class PresenceError extends Error {}

export interface PresenceDeps {
  reviewId: string;
  maxStateBytes: number;
  /** Sends to one connection through the room's guarded path. */
  send(conn: Connection, message: Uint8Array): void;
  connections(): Iterable<Connection>;
  bus?: RoomBus;
}

export class Presence {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, Owner>();

  constructor(private readonly deps: PresenceDeps) {
    // Its own document: the awareness protocol only uses its client id, and the room's document may be
    // replaced (rebuilt after a refused change), which would take the awareness down with it.
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    // The server itself has no presence.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  /** The message announcing the states of `clientIds` (all known states by default). */
  message(clientIds: number[] = [...this.awareness.getStates().keys()]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds));
    return encoding.toUint8Array(encoder);
  }

  get size(): number {
    return this.awareness.getStates().size;
  }

  /**
   * A connection's awareness update. The stock client echoes every awareness
   * update it receives, so most entries are other clients' states: only the
   * connection's own ids are applied (true when any was); echoes and attempts to
   * speak for someone else are dropped. `admit` is asked before the connection's
   * own states are applied (its rate limit): when it says no, nothing is applied
   * and 'limited' is returned. Throws PresenceError on a state over the limit.
   */
  receive(conn: Connection, update: Uint8Array, admit: () => boolean): 'applied' | 'ignored' | 'limited' {
    let entries: AwarenessEntry[];
    try {
      entries = decodeAwarenessUpdate(update);
    } catch {
      throw new PresenceError('awareness update does not decode');
    }
    const own = entries.filter((e) => this.claim(conn, e.clientId, e.clock, e.state !== null));
    if (own.length === 0) return 'ignored';
    if (!admit()) return 'limited';
    const stamped = own.map((e) => ({
      ...e,
      state: e.state === null ? null : this.bounded(conn, e.clientId, e.state),
    }));
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(stamped), conn);
    return 'applied';
  }

  /** The state as others will see it: the app's fields only, within the size limit, stamped. */
  private bounded(conn: Connection, clientId: number, state: Record<string, unknown>): Record<string, unknown> {
    const { identity } = conn;
    const kept: Record<string, unknown> = {};
    if (can(identity.role, 'doc.write')) {
      for (const field of PRESENCE_FIELDS) {
        if (!(field in state)) continue;
        if (field === 'spotlight' && !can(identity.role, 'review.facilitate')) continue;
        kept[field] = state[field];
      }
    }
    const size = JSON.stringify(kept).length;
    if (size > this.deps.maxStateBytes) {
      throw new PresenceError(`presence state of ${size} bytes is over the ${this.deps.maxStateBytes}-byte limit`);
    }
    return stampUser(kept, {
      name: displayName(state.user, identity.label),
      role: identity.role,
      color: colorFor(clientId),
      linkId: identity.linkId,
    });
  }

  /**
   * Whether `conn` may set the awareness state of `clientId`. An unowned id is
   * claimed by its first non-null state. An id owned on this server may be
   * taken only by a connection of the same link: after its connection left, or
   * with a newer clock (the same person reconnecting before the server noticed
   * the old socket die; an echo never carries a newer clock than the server's).
   */
  private claim(conn: Connection, clientId: number, clock: number, hasState: boolean): boolean {
    const owner = this.owners.get(clientId);
    if (owner?.conn === conn) return true;
    if (!hasState) return false;
    if (owner) {
      const known = this.awareness.meta.get(clientId)?.clock ?? 0;
      if (owner.conn === REMOTE) {
        if (clock <= known) return false;
      } else {
        if (owner.linkId !== conn.identity.linkId) return false;
        if (owner.conn !== null && clock <= known) return false;
        owner.conn?.clientIds.delete(clientId);
      }
    }
    this.own(clientId, conn);
    return true;
  }

  private own(clientId: number, conn: Connection): void {
    this.owners.delete(clientId);
    this.owners.set(clientId, { conn, linkId: conn.identity.linkId });
    conn.clientIds.add(clientId);
  }

  /**
   * Why `conn` may not write document changes as `clientIds`, or null. Unowned
   * ids become the connection's, so nobody on another link can write as them later.
   */
  foreignClient(conn: Connection, clientIds: readonly number[]): string | null {
    for (const id of clientIds) {
      const owner = this.owners.get(id);
      if (!owner || owner.conn === conn || owner.conn === REMOTE) continue;
      if (owner.linkId !== conn.identity.linkId) return `Yjs client ${id} belongs to another link`;
    }
    for (const id of clientIds) {
      const owner = this.owners.get(id);
      if (!owner || (owner.conn === null && owner.linkId === conn.identity.linkId)) this.own(id, conn);
    }
    this.trim();
    return null;
  }

  /** The connection left: its states go, its ids stay reserved for its link. */
  leave(conn: Connection): void {
    const ids = [...conn.clientIds].filter((id) => this.owners.get(id)?.conn === conn);
    for (const id of ids) this.owners.set(id, { conn: null, linkId: conn.identity.linkId });
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    this.trim();
  }

  private trim(): void {
    if (this.owners.size <= MAX_RESERVATIONS) return;
    for (const [id, owner] of this.owners) {
      if (this.owners.size <= MAX_RESERVATIONS) break;
      if (owner.conn === null) this.owners.delete(id);
    }
  }

  /** Presence from another server's clients, already checked and stamped there. */
  receiveRemote(update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update);
    for (const e of entries) {
      const owner = this.owners.get(e.clientId);
      if (owner && owner.conn !== REMOTE && owner.conn !== null) continue;
      if (e.state === null) {
        if (owner?.conn === REMOTE) this.owners.delete(e.clientId);
      } else {
        this.owners.set(e.clientId, { conn: REMOTE, linkId: null });
      }
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  /** Relays awareness changes to everyone, the sender included (it keeps the stock client's liveness timer fed). */
  private readonly onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const message = this.message(changed);
    for (const conn of this.deps.connections()) this.deps.send(conn, message);
    // Our own clients' presence (origin: their connection, or null when they leave) goes to other servers;
    // what came from there, or timed out here, does not.
    if (this.deps.bus && (origin === null || (origin !== REMOTE && origin !== 'timeout'))) {
      this.deps.bus.publishAwareness(
        this.deps.reviewId,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      );
    }
  };

  destroy(): void {
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
    this.awareness.doc.destroy();
  }
}
