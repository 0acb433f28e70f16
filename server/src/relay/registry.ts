// The rooms that are loaded right now, by review id. A room is created on the
// first connection, and flushed, checkpointed and unloaded once it has been
// empty for `idleUnloadMs`. Everything here is synchronous up to the point a
// connection is attached, so no message can slip past between awaits.
import * as Y from 'yjs';
import { CloseCode } from '@hindsight/protocol';
import type { FirstScreen } from '@hindsight/api';
import { Connection } from './connection.ts';
import { storedFirstScreen } from './firstScreen.ts';
import { Room } from './room.ts';
import type { ControlMessage, Identity, RoomDeps, Transport } from './types.ts';

/** A room's dependencies, less what the registry gives each room itself. */
export type RegistryDeps = Omit<RoomDeps, 'onIdle'>;

/** What the transport layer calls as a socket's life unfolds. */
export interface ConnectionHandle {
  message(data: Uint8Array): void;
  closed(): void;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  /** Rooms being flushed on their way out; a new connection waits for this before reloading. */
  private readonly unloading = new Map<string, Promise<void>>();
  private closing = false;

  constructor(private readonly deps: RegistryDeps) {
    deps.bus?.onControl((message) => this.onControl(message));
  }

  private onControl(message: ControlMessage): void {
    if (message.type === 'link-revoked') this.closeLinkHere(message.linkId);
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Attaches a new, authenticated connection. Returns the callbacks the transport must call. */
  connect(transport: Transport, identity: Identity): ConnectionHandle {
    const conn = new Connection(transport, identity, this.deps.limits);
    this.deps.metrics.connectionOpened();
    if (this.closing) {
      conn.close(CloseCode.GoingAway);
      return { message() {}, closed: () => this.deps.metrics.connectionClosed() };
    }
    let room: Room | null = null;
    const early: Uint8Array[] = [];
    const attach = (): void => {
      room = this.roomFor(identity.reviewId);
      room.join(conn);
      for (const m of early.splice(0)) room.receive(conn, m);
    };
    const pending = this.unloading.get(identity.reviewId);
    if (pending) {
      // The old room is still flushing: buffer until it is gone, then load afresh.
      void pending.then(() => {
        if (!conn.closed) attach();
      });
    } else {
      attach();
    }
    return {
      message: (data) => {
        if (room) room.receive(conn, data);
        else if (early.length < this.deps.limits.maxMessagesWhileLoading) early.push(data);
        else conn.close(CloseCode.RateLimited);
      },
      closed: () => {
        conn.closed = true;
        this.deps.metrics.connectionClosed();
        room?.leave(conn);
      },
    };
  }

  private roomFor(reviewId: string): Room {
    let room = this.rooms.get(reviewId);
    if (!room || room.isFailed()) {
      room = new Room(reviewId, { ...this.deps, onIdle: (r) => void this.unload(r) });
      this.rooms.set(reviewId, room);
    }
    return room;
  }

  private async unload(room: Room): Promise<void> {
    if (this.rooms.get(room.id) !== room || this.unloading.has(room.id)) return;
    const done = (async () => {
      try {
        await room.flush();
      } catch (err) {
        this.deps.log.error({ reviewId: room.id, err }, 'flush before unload failed');
      }
      // Anyone who joined while we flushed keeps the room alive.
      if (room.conns.size > 0) return;
      room.destroy();
      if (this.rooms.get(room.id) === room) this.rooms.delete(room.id);
      this.deps.log.debug({ reviewId: room.id }, 'room unloaded');
    })();
    this.unloading.set(room.id, done);
    await done;
    this.unloading.delete(room.id);
  }

  /**
   * The top of the review's timeline from a document a server held: the loaded room's, else the one stored
   * with its last checkpoint or unload if nothing was stored since; null when neither is ready (see firstScreen.ts).
   */
  async firstScreen(reviewId: string): Promise<FirstScreen | null> {
    // A room still loading has none yet; the one stored with its last checkpoint may still be current.
    return (await this.rooms.get(reviewId)?.firstScreen()) ?? storedFirstScreen(this.deps.store, reviewId);
  }

  /**
   * After a history purge, which deleted the stored first screen: the loaded room stores it again (its
   * document holds no deleted text, and is exactly the purged state).
   */
  async firstScreenPurged(reviewId: string): Promise<void> {
    await this.rooms.get(reviewId)?.keepFirstScreenAgain();
  }

  /**
   * The review's current document: the live one if loaded (after pending
   * commits), else read from the store through the same steps as a room's load
   * (a stored update that fails to apply is skipped; then `prepare`: the
   * migration and the closing of an ended collection window), so a reader sees
   * what the room would show. What `prepare` changes here is not stored: the
   * room stores it when it loads.
   */
  async snapshot(reviewId: string): Promise<Y.Doc> {
    const live = this.rooms.get(reviewId);
    const doc = new Y.Doc();
    if (live && !live.isFailed()) {
      Y.applyUpdate(doc, await live.readSettled((d) => Y.encodeStateAsUpdate(d)));
      return doc;
    }
    const { checkpoint, tail } = await this.deps.store.load(reviewId);
    doc.transact(() => {
      if (checkpoint) Y.applyUpdate(doc, checkpoint);
      for (const update of tail) {
        try {
          Y.applyUpdate(doc, update);
        } catch (err) {
          this.deps.log.error({ reviewId, err }, 'skipping a stored update that fails to apply');
        }
      }
    });
    this.deps.prepare?.(doc);
    return doc;
  }

  /**
   * Runs `read` on the review's current document, as `snapshot` would give it, but
   * without copying a loaded one (a copy of a big review costs hundreds of
   * milliseconds, every room waiting). `read` must not change the document; one
   * that does is a bug, reported by throwing.
   */
  async read<T>(reviewId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const live = this.rooms.get(reviewId);
    if (!live || live.isFailed()) {
      const doc = await this.snapshot(reviewId);
      try {
        return read(doc);
      } finally {
        doc.destroy();
      }
    }
    return live.readSettled((doc) => {
      let changed = false;
      const onUpdate = (): void => void (changed = true);
      doc.on('update', onUpdate);
      let result: T;
      try {
        result = read(doc);
      } finally {
        doc.off('update', onUpdate);
      }
      if (changed) throw new Error(`a read of review ${reviewId} changed its live document`);
      return result;
    });
  }

  /**
   * Makes a change as the server (see Room.applyServerChange), loading the
   * review if nobody has it open; resolves once it is stored and relayed.
   */
  async applyServerChange(reviewId: string, change: (doc: Y.Doc) => void): Promise<void> {
    if (this.closing) throw new Error('server is shutting down');
    const pending = this.unloading.get(reviewId);
    if (pending) await pending;
    await this.roomFor(reviewId).applyServerChange(change);
  }

  /**
   * The review's merged document and the seq it covers once every accepted
   * change is stored and applied (loading the review if nobody has it open):
   * what a purge of the edit history keeps. Throws when the review cannot load.
   */
  async settledState(reviewId: string): Promise<{ state: Uint8Array; seq: number }> {
    if (this.closing) throw new Error('server is shutting down');
    const pending = this.unloading.get(reviewId);
    if (pending) await pending;
    const room = this.roomFor(reviewId);
    const settled = await room.settledState();
    // Never stand in for the history with what a room that failed to load holds (nothing).
    if (room.isFailed() || settled.seq === 0) throw new Error('the review could not be loaded');
    return settled;
  }

  /** The reviews loaded right now, with their live documents (read them; change them only via applyServerChange). */
  loaded(): { reviewId: string; doc: Y.Doc }[] {
    return [...this.rooms.values()].filter((r) => !r.isFailed()).map((r) => ({ reviewId: r.id, doc: r.doc }));
  }

  /** Closes every open connection that uses `linkId` (after the link was revoked), on every server. */
  closeLink(linkId: string): number {
    this.deps.bus?.publishControl({ type: 'link-revoked', linkId });
    return this.closeLinkHere(linkId);
  }

  private closeLinkHere(linkId: string): number {
    let closed = 0;
    for (const room of this.rooms.values()) {
      for (const conn of [...room.conns]) {
        if (conn.identity.linkId === linkId) {
          conn.close(CloseCode.LinkRevoked);
          closed++;
        }
      }
    }
    return closed;
  }

  /** Shutdown: refuse new connections, close the open ones, flush and checkpoint every room. */
  async closeAll(): Promise<void> {
    this.closing = true;
    const rooms = [...this.rooms.values()];
    for (const room of rooms) room.closeAll(CloseCode.GoingAway);
    await Promise.all(
      rooms.map(async (room) => {
        try {
          await room.flush();
        } catch (err) {
          this.deps.log.error({ reviewId: room.id, err }, 'flush on shutdown failed');
        }
        room.destroy();
      }),
    );
    await Promise.all(this.unloading.values());
    this.rooms.clear();
  }
}
