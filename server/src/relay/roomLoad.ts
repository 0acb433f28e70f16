// Loading a room: what is stored for a review (checkpoint + tail) and the
// steps from it to a live document. The stored state answers first syncs
// while the document is built (the encoded updates are merged and diffed,
// no Y.Doc needed); the document is built afterwards for the writes that
// follow, then brought up to date by `prepare` (migrations), whose change is
// stored before it is applied anywhere else.
import * as Y from 'yjs';
import type { DocumentLog } from '../storage/store.ts';
import { mergeMany } from './mergeMany.ts';
import type { RelayLogger } from './types.ts';

/** A Y.Doc `prepare` function: brings a loaded document up to date (see RoomDeps.prepare). */
export type Prepare = (doc: Y.Doc) => void;

/** The length of an empty v1 state vector (no clients): a client that holds nothing. */
const EMPTY_STATE_VECTOR_BYTES = 1;
/** An update that changes nothing. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** A first sync: a sync step 2 carrying `state`, then (if any) one sync update carrying `since`. */
export interface FirstSync {
  state: Uint8Array;
  since: Uint8Array | null;
}

/** A review as stored: the latest checkpoint plus the log after it, as encoded updates. */
export class StoredReview {
  /** The tail merged into one update (null when empty), once a first sync needed it. */
  private mergedTail: Uint8Array | null | undefined = undefined;

  private constructor(
    readonly reviewId: string,
    private readonly checkpoint: Uint8Array | null,
    private readonly tail: Uint8Array[],
    /** The highest seq in the log when it was read. */
    readonly lastSeq: number,
  ) {}

  static async read(store: Pick<DocumentLog, 'load'>, reviewId: string): Promise<StoredReview> {
    const { checkpoint, tail, lastSeq } = await store.load(reviewId);
    return new StoredReview(reviewId, checkpoint, tail, lastSeq);
  }

  get tailLength(): number {
    return this.tail.length;
  }

  /** Stored bytes in all (what the size limit starts from). */
  get bytes(): number {
    return (this.checkpoint?.length ?? 0) + this.tail.reduce((n, u) => n + u.length, 0);
  }

  private merged(): Uint8Array | null {
    if (this.mergedTail === undefined) {
      // In batches (mergeMany.ts): one Y.mergeUpdates call over a crash's tail of hundreds grows with n².
      this.mergedTail = this.tail.length <= 1 ? (this.tail[0] ?? null) : mergeMany(this.tail);
    }
    return this.mergedTail;
  }

  /**
   * What a client holding `stateVector` lacks: the checkpoint as it is stored
   * and the tail merged (each diffed only for a client that holds something).
   * Only encoded updates are read and merged: no document is built.
   */
  firstSync(stateVector: Uint8Array): FirstSync {
    const tail = this.merged();
    if (!this.checkpoint) return { state: diffAgainst(tail ?? EMPTY_UPDATE, stateVector), since: null };
    return { state: diffAgainst(this.checkpoint, stateVector), since: tail && diffAgainst(tail, stateVector) };
  }

  /**
   * The stored state as a base plus updates since, to seed the live document's
   * encoding, or null when that would take a merge nobody has paid for yet.
   */
  encodings(): { base: Uint8Array; since: Uint8Array[] } | null {
    if (this.checkpoint) {
      const tail = this.mergedTail === undefined ? this.tail : this.mergedTail ? [this.mergedTail] : [];
      return { base: this.checkpoint, since: tail };
    }
    return this.mergedTail ? { base: this.mergedTail, since: [] } : null;
  }

  /**
   * Applies the stored state to `doc` in one transaction. A stored update that
   * fails to apply (written by a release that stored updates before applying
   * them) is skipped and logged; returns how many were skipped.
   */
  applyTo(doc: Y.Doc, log: RelayLogger): number {
    let skipped = 0;
    doc.transact(() => {
      if (this.checkpoint) Y.applyUpdate(doc, this.checkpoint);
      for (const update of this.tail) {
        try {
          Y.applyUpdate(doc, update);
        } catch (err) {
          skipped++;
          log.error({ reviewId: this.reviewId, err }, 'skipping a stored update that fails to apply');
        }
      }
    });
    return skipped;
  }
}

/** Whether `stateVector` is a client's that holds nothing. Throws on one that does not decode. */
export function holdsNothing(stateVector: Uint8Array): boolean {
  return stateVector.length <= EMPTY_STATE_VECTOR_BYTES && Y.decodeStateVector(stateVector).size === 0;
}

/** `state` less what a client with `stateVector` has; `state` itself for a client that has nothing. */
export function diffAgainst(state: Uint8Array, stateVector: Uint8Array): Uint8Array {
  // Throws on a state vector that does not decode, as Y.encodeStateAsUpdate would.
  if (holdsNothing(stateVector)) return state;
  return Y.diffUpdate(state, stateVector);
}

/**
 * Runs `prepare` on a freshly loaded `doc` and durably appends what it changed
 * as the server's own update. Resolves with that update and its seq, or null
 * when nothing changed.
 */
export async function prepareAndStore(
  doc: Y.Doc,
  prepare: Prepare | undefined,
  store: Pick<DocumentLog, 'append'>,
  reviewId: string,
): Promise<{ seq: number; update: Uint8Array } | null> {
  if (!prepare) return null;
  const changes: Uint8Array[] = [];
  const capture = (update: Uint8Array): void => {
    changes.push(update);
  };
  doc.on('update', capture);
  try {
    prepare(doc);
  } finally {
    doc.off('update', capture);
  }
  if (changes.length === 0) return null;
  const update = changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
  const seq = await store.append(reviewId, { update, receivedAt: Date.now(), role: 'system', linkId: null });
  return { seq, update };
}

/**
 * Builds the live document from what is stored, then runs `prepare` and stores
 * its change. Resolves with how many stored updates were skipped (see
 * StoredReview.applyTo) and the prepared update, if any.
 */
export async function buildDoc(
  doc: Y.Doc,
  stored: StoredReview,
  deps: { store: Pick<DocumentLog, 'append'>; prepare?: Prepare; log: RelayLogger },
): Promise<{ skipped: number; prepared: { seq: number; update: Uint8Array } | null }> {
  const skipped = stored.applyTo(doc, deps.log);
  const prepared = await prepareAndStore(doc, deps.prepare, deps.store, stored.reviewId);
  return { skipped, prepared };
}

/** A promise that `wake` resolves early, else `wait`'s timeout. */
export class Wakeup {
  private resolve: (() => void) | null = null;

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake(), ms);
      timer.unref();
      this.resolve = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  wake(): void {
    const resolve = this.resolve;
    this.resolve = null;
    resolve?.();
  }
}

/** Lets pending I/O (e.g. a first sync just answered) go out before a long synchronous step. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
