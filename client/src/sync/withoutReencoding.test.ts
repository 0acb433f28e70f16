// A large sync message, and this browser's IndexedDB copy, are applied without Yjs re-encoding them;
// 'update' listeners (IndexedDB's store, the provider) get what holds the change, which rebuilds the review.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { WebsocketProvider, messageSync } from 'y-websocket';
import { addEntry, defaultContext, readTimeline, roots } from '@hindsight/doc';
import {
  applyLargeSyncWithoutReencoding,
  LARGE_UPDATE_BYTES,
  loadCacheWithoutReencoding,
} from './withoutReencoding.ts';

const ctx = defaultContext('Test');

function addLines(doc: Y.Doc, from: number, to: number): void {
  doc.transact(() => {
    for (let i = from; i < to; i++)
      addEntry(doc, { at: Date.UTC(2026, 10, 1) + i * 60_000, summary: `Line ${i}` }, ctx);
  });
}

function reviewWith(entries: number): Y.Doc {
  const doc = new Y.Doc();
  addLines(doc, 0, entries);
  return doc;
}

/** A provider that never connects, its doc's 'update' events recorded, and a way to feed it a sync step 2. */
function receiver(hold?: () => Promise<void> | null) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider('ws://127.0.0.1:1', 'r', doc, {
    connect: false,
    disableBc: true,
    // Never connects: messages are fed to its handler below.
    WebSocketPolyfill: class {} as unknown as typeof WebSocket,
  });
  applyLargeSyncWithoutReencoding(provider, hold);
  const events: { update: Uint8Array; origin: unknown }[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => events.push({ update, origin }));
  const receiveStep2 = (update: Uint8Array, type: number = messageYjsSyncStep2): void => {
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, type);
    encoding.writeVarUint8Array(message, update);
    const decoder = decoding.createDecoder(encoding.toUint8Array(message));
    provider.messageHandlers[messageSync]!(encoding.createEncoder(), decoder, provider, true, messageSync);
  };
  return { doc, provider, events, receiveStep2, destroy: () => provider.destroy() };
}

describe('large sync messages', () => {
  it('are applied and handed to update listeners as received, once, not re-encoded', () => {
    const source = reviewWith(10);
    const firstTen = Y.encodeStateAsUpdate(source);
    addLines(source, 10, 400);
    const update = Y.encodeStateAsUpdate(source);
    expect(update.length).toBeGreaterThan(LARGE_UPDATE_BYTES);
    const r = receiver();
    // The browser already holds the first entries (its cache): Yjs would re-encode only the rest.
    Y.applyUpdate(r.doc, firstTen);
    r.receiveStep2(update);
    expect(readTimeline(r.doc)).toHaveLength(400);
    expect(r.provider.synced).toBe(true);
    expect(r.events).toHaveLength(2);
    expect(r.events[1]!.origin).toBe(r.provider);
    expect([...r.events[1]!.update]).toEqual([...update]);
    // What a listener stored (IndexedDB) rebuilds the same review.
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, r.events[1]!.update);
    expect(readTimeline(reloaded)).toEqual(readTimeline(source));
    r.destroy();
  });

  it('leave the listeners in place: a later local edit is still sent and stored', () => {
    const r = receiver();
    r.receiveStep2(Y.encodeStateAsUpdate(reviewWith(400)));
    addEntry(r.doc, { at: Date.UTC(2026, 10, 2), summary: 'After the sync' }, ctx);
    expect(r.events).toHaveLength(2);
    expect(r.events[1]!.origin).not.toBe(r.provider);
    r.destroy();
  });

  it('hand nothing on when the message held nothing new', () => {
    const update = Y.encodeStateAsUpdate(reviewWith(400));
    const r = receiver();
    r.receiveStep2(update);
    r.receiveStep2(update);
    expect(r.events).toHaveLength(1);
    r.destroy();
  });

  it('leave small updates to Yjs as usual', () => {
    const small = Y.encodeStateAsUpdate(reviewWith(3));
    const r = receiver();
    r.receiveStep2(small);
    expect(readTimeline(r.doc)).toHaveLength(3);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]!.origin).toBe(r.provider);
    r.destroy();
  });
});

/** A doc with an 'update' listener and the hook; `load` applies stored updates as y-indexeddb does. */
function cached(connected = false) {
  const doc = new Y.Doc();
  const cache = { name: 'the IndexedDB copy' };
  const socket = { connected };
  const stop = loadCacheWithoutReencoding(doc, cache, () => socket.connected);
  const events: { update: Uint8Array; origin: unknown; encodedByYjs: boolean }[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction | null) =>
    events.push({ update, origin, encodedByYjs: tr !== null }),
  );
  // y-indexeddb's fetchUpdates: every stored update in one transaction, the persistence as origin.
  const load = (updates: Uint8Array[]): void =>
    Y.transact(doc, () => updates.forEach((u) => Y.applyUpdate(doc, u)), cache, false);
  return { doc, cache, socket, events, load, stop };
}

describe("this browser's copy loaded from IndexedDB", () => {
  const stored = (): Uint8Array[] => {
    const source = reviewWith(200);
    const first = Y.encodeStateAsUpdate(source);
    addLines(source, 200, 300);
    return [first, Y.encodeStateAsUpdate(source, Y.encodeStateVectorFromUpdate(first))];
  };

  it('is applied without Yjs encoding it again: listeners get the origin and an empty update while offline', () => {
    const c = cached(false);
    c.load(stored());
    expect(readTimeline(c.doc)).toHaveLength(300);
    expect(c.events).toHaveLength(1);
    expect(c.events[0]!.origin).toBe(c.cache);
    // Had Yjs encoded the transaction, the listener would hold all 300 entries here.
    expect([...c.events[0]!.update]).toEqual([0, 0]);
  });

  it('hands listeners the whole change when the socket is connected (the provider sends it)', () => {
    const c = cached(true);
    c.load(stored());
    expect(c.events).toHaveLength(1);
    expect(c.events[0]!.encodedByYjs).toBe(false);
    expect(readTimeline(docFrom(c.events[0]!.update))).toEqual(readTimeline(c.doc));
  });

  it('leaves a change made by an observer during the load, and every later edit, to Yjs as usual', () => {
    const c = cached(false);
    let reacted = false;
    roots(c.doc).timeline.observe(() => {
      if (reacted) return;
      reacted = true;
      addEntry(c.doc, { at: Date.UTC(2026, 10, 3), summary: 'Added while the copy loaded' }, ctx);
    });
    c.load(stored());
    addEntry(c.doc, { at: Date.UTC(2026, 10, 4), summary: 'Typed afterwards' }, ctx);
    const mine = c.events.filter((e) => e.origin !== c.cache);
    expect(mine).toHaveLength(2);
    // What the store and the server got of those two edits rebuilds both.
    const rebuilt = new Y.Doc();
    for (const e of mine) Y.applyUpdate(rebuilt, e.update);
    expect(readTimeline(rebuilt).map((e) => e.summary)).toEqual(['Added while the copy loaded', 'Typed afterwards']);
  });

  it('keeps a listener removed during the load removed, and hands one added then the change once', () => {
    const c = cached(false);
    const removed: unknown[] = [];
    const added: unknown[] = [];
    const leaving = (u: Uint8Array): void => void removed.push(u);
    const joining = (u: Uint8Array): void => void added.push(u);
    c.doc.on('update', leaving);
    let reacted = false;
    roots(c.doc).timeline.observe(() => {
      if (reacted) return;
      reacted = true;
      // As a provider destroyed or a view mounted by something reacting to the copy would.
      c.doc.off('update', leaving);
      c.doc.on('update', joining);
    });
    c.load(stored());
    addEntry(c.doc, { at: Date.UTC(2026, 10, 4), summary: 'Typed afterwards' }, ctx);
    expect(removed).toHaveLength(0);
    expect(added).toHaveLength(2);
    expect(c.events).toHaveLength(2);
    expect(c.events.every((e) => !e.encodedByYjs || e.origin !== c.cache)).toBe(true);
  });

  it('hands nothing on when the copy held nothing new', () => {
    const c = cached(false);
    const updates = stored();
    c.load(updates);
    c.load(updates);
    expect(c.events).toHaveLength(1);
  });

  it('once stopped, leaves the load to Yjs, which encodes it for the listeners', () => {
    const c = cached(false);
    c.stop();
    c.load(stored());
    expect(c.events).toHaveLength(1);
    expect(readTimeline(docFrom(c.events[0]!.update))).toHaveLength(300);
  });
});

function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

/** Enough of a WebSocket for the provider to send to (nothing goes anywhere). */
const fakeSocket = () => ({ readyState: 1, OPEN: 1, send: () => undefined, close: () => undefined });

/** Makes the never-connecting test provider look connected on a socket of its own (returned). */
function online(provider: WebsocketProvider): object {
  const socket = fakeSocket();
  provider.ws = socket as unknown as WebSocket;
  provider.wsconnected = true;
  return socket;
}

/** A hold the test opens; `opened()` resolves once everything queued behind it has run. */
function gate() {
  let open = (): void => undefined;
  const hold = new Promise<void>((resolve) => (open = resolve));
  // The queued applies are microtasks of the hold's resolution: a macrotask runs after all of them.
  const opened = async (): Promise<void> => {
    open();
    await hold;
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { hold, opened };
}

describe('a held large sync message (the page draws its first screen first)', () => {
  it('waits for the hold; a small update meanwhile waits behind it; then all of it is in and synced', async () => {
    const source = reviewWith(400);
    const big = Y.encodeStateAsUpdate(source);
    const before = Y.encodeStateVector(source);
    addEntry(source, { at: Date.UTC(2026, 10, 3), summary: 'Written after the big answer' }, ctx);
    const small = Y.encodeStateAsUpdate(source, before);
    let asked = 0;
    const g = gate();
    const r = receiver(() => {
      asked++;
      return g.hold;
    });
    online(r.provider);
    r.receiveStep2(big);
    // A second large message waits behind the first, asking nothing more.
    r.receiveStep2(big, messageYjsUpdate);
    r.receiveStep2(small, messageYjsUpdate);
    expect(asked).toBe(1);
    expect(readTimeline(r.doc)).toHaveLength(0);
    expect(r.provider.synced).toBe(false);
    await g.opened();
    expect(readTimeline(r.doc).map((e) => e.summary)).toEqual(readTimeline(source).map((e) => e.summary));
    expect(r.provider.synced).toBe(true);
    // A later large message applies at once.
    const more = reviewWith(300);
    r.receiveStep2(Y.encodeStateAsUpdate(more), messageYjsUpdate);
    expect(readTimeline(r.doc)).toHaveLength(701);
    expect(asked).toBe(1);
    r.destroy();
  });

  it('is dropped when the review is closed while it waits', async () => {
    const g = gate();
    const update = Y.encodeStateAsUpdate(reviewWith(400));
    const r = receiver(() => g.hold);
    r.receiveStep2(update);
    r.destroy();
    // A witness queued on the same hold after it: once the witness has its review, the closed one had its turn.
    const witness = receiver(() => g.hold);
    witness.receiveStep2(update);
    await g.opened();
    expect(readTimeline(witness.doc)).toHaveLength(400);
    expect(readTimeline(r.doc)).toHaveLength(0);
    expect(r.events).toHaveLength(0);
    witness.destroy();
  });

  it('applies at once when the hold gives nothing to wait for', () => {
    const r = receiver(() => null);
    r.receiveStep2(Y.encodeStateAsUpdate(reviewWith(400)));
    expect(readTimeline(r.doc)).toHaveLength(400);
    r.destroy();
  });

  it('queues what comes after it: an edit of held data reaches the listeners (the IndexedDB copy) too', async () => {
    const source = reviewWith(400);
    const big = Y.encodeStateAsUpdate(source);
    const first = readTimeline(source)[0]!;
    const before = Y.encodeStateVector(source);
    const text = roots(source).timeline.get(first.id)!.get('summary') as Y.Text;
    text.insert(0, 'EDITED BY SOMEONE ELSE: ');
    const edit = Y.encodeStateAsUpdate(source, before);
    const g = gate();
    const r = receiver(() => g.hold);
    online(r.provider);
    r.receiveStep2(big);
    r.receiveStep2(edit, messageYjsUpdate);
    await g.opened();
    expect(readTimeline(r.doc)[0]!.summary).toBe(`EDITED BY SOMEONE ELSE: ${first.summary}`);
    // What the listeners were handed rebuilds the edited review.
    const stored = new Y.Doc();
    for (const e of r.events) Y.applyUpdate(stored, e.update);
    expect(readTimeline(stored)).toEqual(readTimeline(r.doc));
    r.destroy();
  });

  it('applied after its socket closed, it does not report "synced" for the socket that replaced it', async () => {
    const g = gate();
    const r = receiver(() => g.hold);
    online(r.provider);
    r.receiveStep2(Y.encodeStateAsUpdate(reviewWith(400)));
    // The socket dropped and a new one is connecting.
    r.provider.ws = fakeSocket() as unknown as WebSocket;
    r.provider.wsconnected = false;
    await g.opened();
    expect(readTimeline(r.doc)).toHaveLength(400);
    expect(r.provider.synced).toBe(false);
    r.destroy();
  });

  it('one queued message that fails does not stop the ones after it, nor a later reconnect', async () => {
    const source = reviewWith(400);
    const big = Y.encodeStateAsUpdate(source);
    let before = Y.encodeStateVector(source);
    addEntry(source, { at: Date.UTC(2026, 10, 3), summary: 'Queued behind' }, ctx);
    const queued = Y.encodeStateAsUpdate(source, before);
    const g = gate();
    const r = receiver(() => g.hold);
    online(r.provider);
    // A listener that throws once (say, an IndexedDB connection another tab closed).
    let thrown = 0;
    r.doc.on('update', () => {
      if (thrown++ === 0) throw new Error('the database connection is closing');
    });
    const logged: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      r.receiveStep2(big);
      r.receiveStep2(queued, messageYjsUpdate);
      await g.opened();
    } finally {
      console.error = error;
    }
    expect(logged).toHaveLength(1);
    expect(readTimeline(r.doc)).toHaveLength(401);
    // A reconnect's step 2 and a later update apply at once: nothing is left waiting.
    before = Y.encodeStateVector(source);
    addEntry(source, { at: Date.UTC(2026, 10, 4), summary: 'After the reconnect' }, ctx);
    online(r.provider);
    r.provider.synced = false;
    r.receiveStep2(Y.encodeStateAsUpdate(source, before));
    expect(readTimeline(r.doc)).toHaveLength(402);
    expect(r.provider.synced).toBe(true);
    r.destroy();
  });
});
