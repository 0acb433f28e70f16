// The server's first answer carries the whole review (1.4 MB for 5,000 entries). When anything listens
// to a doc's 'update' event, Yjs re-encodes each applied transaction for it: about a quarter of applying
// that answer, measured in Chromium. The listeners here (the IndexedDB copy, the provider's resend, the
// connection badge, the publish check) take any update that holds the change, so a large sync message is
// applied with them set aside and then handed the bytes that arrived. The same goes for this browser's
// own copy, loaded from IndexedDB on a warm open (loadCacheWithoutReencoding).
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';

/** Smaller updates are applied as usual: re-encoding them costs little. */
export const LARGE_UPDATE_BYTES = 64 * 1024;

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction | null) => void;

/**
 * Makes `provider` apply large sync messages without Yjs re-encoding them (see the file header).
 * `hold`, asked at the first large message, may return a promise that message waits for: the page draws
 * something first (the timeline's first screen) rather than behind the half-second apply. Every step 2
 * and update that comes while one waits queues behind it and is applied in order after it, so each is
 * handed to the 'update' listeners (the IndexedDB copy) as it applies; other messages (a sync step 1,
 * presence) go on meanwhile. A held step 2 reports "synced" only if its socket is still the open one.
 */
export function applyLargeSyncWithoutReencoding(
  provider: WebsocketProvider,
  hold: () => Promise<void> | null = () => null,
): void {
  const handle = provider.messageHandlers[messageSync]!;
  // A review closed while a message waits (its provider destroyed) does not spend half a second on it.
  let destroyed = false;
  const destroy = provider.destroy.bind(provider);
  provider.destroy = () => {
    destroyed = true;
    destroy();
  };
  let asked = false;
  /** The last message waiting, while any does. */
  let held: Promise<void> | null = null;
  provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, messageType) => {
    const type = syncTypeOf(decoder);
    const update = largeUpdateIn(decoder);
    if (update && !asked) {
      asked = true;
      held = hold();
    }
    const carriesState = type === messageYjsSyncStep2 || type === messageYjsUpdate;
    if (!held || !carriesState) {
      const run = (): void => handle(encoder, decoder, p, emitSynced, messageType);
      return update ? applyWithoutReencoding(p.doc, update, p, run) : run();
    }
    // A step 2 or an update writes no answer: the encoder stays empty and nothing is sent when it waits.
    const socket = p.ws;
    // Never rejects: one message that fails (a listener throwing) must not stop the ones queued after it.
    const chain: Promise<void> = held.then(() => {
      if (held === chain) held = null;
      if (destroyed || p.doc.isDestroyed) return;
      // Applied all the same (the server stored it), but "synced" belongs to the socket still open.
      const current = p.ws === socket && p.wsconnected;
      const run = (): void => handle(encoder, decoder, p, emitSynced && current, messageType);
      try {
        if (update) applyWithoutReencoding(p.doc, update, p, run);
        else run();
      } catch (err) {
        console.error('applying a held sync message failed', err);
      }
    });
    held = chain;
  };
}

/** A sync message's own type (step 1, step 2 or update), read without consuming it. */
function syncTypeOf(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoding.clone(decoder));
}

/** The update a sync message carries (step 2 or update) when it is large, read without consuming it. */
function largeUpdateIn(decoder: decoding.Decoder): Uint8Array | null {
  const peek = decoding.clone(decoder);
  const type = decoding.readVarUint(peek);
  if (type !== messageYjsSyncStep2 && type !== messageYjsUpdate) return null;
  const update = decoding.readVarUint8Array(peek);
  return update.length >= LARGE_UPDATE_BYTES ? update : null;
}

/**
 * Runs `apply` (which applies `update` with `origin`, synchronously) while the doc has no 'update'
 * listeners, so Yjs encodes nothing; then calls those listeners with `update` itself, as the
 * 'update' event would have (no transaction object). Like that event, nothing is handed on when the
 * update changed nothing (it was all known already).
 */
export function applyWithoutReencoding(doc: Y.Doc, update: Uint8Array, origin: unknown, apply: () => void): void {
  const aside = setAsideUpdateListeners(doc);
  if (!aside) return apply();
  let changed = false;
  const onTransaction = (tr: Y.Transaction): void => {
    if (changedIn(tr)) changed = true;
  };
  doc.on('afterTransaction', onTransaction);
  let listeners: Set<UpdateListener>;
  try {
    apply();
  } finally {
    doc.off('afterTransaction', onTransaction);
    listeners = aside.putBack();
  }
  if (changed) for (const listener of [...listeners]) listener(update, origin, doc, null);
}

interface SetAside {
  /** Puts the listeners back as 'update' listeners; returns them. */
  putBack(): Set<UpdateListener>;
}

/**
 * Takes `doc`'s 'update' listeners out, so that Yjs encodes nothing for a transaction, or returns null
 * when there are none. Until they are put back, a listener added or removed (an observer reacting to
 * the change, a provider destroyed) is added to or removed from those set aside, so none comes back
 * after being removed and none is handed a change twice.
 */
function setAsideUpdateListeners(doc: Y.Doc): SetAside | null {
  // lib0's Observable keeps its listeners here; yjs is pinned, and the unit tests check the effect.
  const observers = doc._observers as Map<string, Set<UpdateListener>>;
  const listeners = observers.get('update');
  if (!listeners) return null;
  observers.delete('update');
  const routed = doc as unknown as Routable;
  const { on, off } = routed;
  routed.on = (name, f) => (name === 'update' ? (listeners.add(f as UpdateListener), f) : on.call(doc, name, f));
  routed.off = (name, f) => (name === 'update' ? void listeners.delete(f as UpdateListener) : off.call(doc, name, f));
  return {
    putBack() {
      delete (routed as Partial<Routable>).on;
      delete (routed as Partial<Routable>).off;
      observers.set('update', listeners);
      return listeners;
    },
  };
}

/** A doc's own on/off, as set by setAsideUpdateListeners over the prototype's. */
interface Routable {
  on(name: string, f: (...args: never[]) => unknown): unknown;
  off(name: string, f: (...args: never[]) => unknown): unknown;
}

/** An update that changes nothing (no structs, no deletions). */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * The same for this browser's copy: y-indexeddb applies it in one transaction with the cache as its
 * origin, and Yjs re-encodes all of it for the 'update' listeners (71 of 320 ms for a 5,000-entry
 * review in Chromium, on the path to the first rows of a warm load). During that transaction the
 * listeners are set aside; once it is cleaned up (or, first, when another transaction is, so that
 * one is encoded for them as usual) they are put back and handed the change. Its bytes are encoded
 * only when the socket is connected, the one case where a listener sends them (the provider's resend:
 * the cache loaded after the socket gave up waiting for it). Otherwise they get an empty update,
 * which loses nothing: the provider sends nothing while disconnected (its sync on connecting carries
 * the copy), the cache does not store its own origin, and the other listeners read only the origin.
 */
export function loadCacheWithoutReencoding(doc: Y.Doc, cache: object, socketConnected: () => boolean): () => void {
  let aside: { handle: SetAside; transaction: Y.Transaction } | null = null;
  const putBack = (): void => {
    if (!aside) return;
    const { transaction } = aside;
    const listeners = aside.handle.putBack();
    aside = null;
    if (!changedIn(transaction)) return;
    const update = socketConnected()
      ? Y.encodeStateAsUpdate(doc, Y.encodeStateVector(transaction.beforeState))
      : EMPTY_UPDATE;
    for (const listener of [...listeners]) listener(update, cache, doc, null);
  };
  const onBefore = (transaction: Y.Transaction): void => {
    if (aside || transaction.origin !== cache) return;
    const handle = setAsideUpdateListeners(doc);
    if (handle) aside = { handle, transaction };
  };
  // Emitted just before Yjs looks for 'update' listeners: another transaction's change is encoded as usual.
  const onCleanup = (transaction: Y.Transaction): void => {
    if (aside && transaction !== aside.transaction) putBack();
  };
  doc.on('beforeTransaction', onBefore);
  doc.on('afterTransactionCleanup', onCleanup);
  doc.on('afterAllTransactions', putBack);
  return () => {
    putBack();
    doc.off('beforeTransaction', onBefore);
    doc.off('afterTransactionCleanup', onCleanup);
    doc.off('afterAllTransactions', putBack);
  };
}

/** Yjs's own test for an 'update' event with content: something deleted or some clock advanced. */
function changedIn(tr: Y.Transaction): boolean {
  return (
    tr.deleteSet.clients.size > 0 || [...tr.afterState].some(([client, clock]) => tr.beforeState.get(client) !== clock)
  );
}
