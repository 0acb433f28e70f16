// Room behaviour with in-memory transports over a real (in-memory) SQLite store:
// ordering around loading, the durable-before-relay rule, compaction.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { CloseCode, MessageType } from '@hindsight/protocol';
import { FACILITATION_ROOT, FacilitationKey } from '@hindsight/doc';
import type { Store } from '../storage/store.ts';
import { buildDeferMs } from './firstSync.ts';
import { silentLog, storeWithReview, testLimits, testRegistry } from './testSupport.ts';
import type { Transport } from './types.ts';
import { syncStep1Message, syncStep2Message, updateMessage } from '../../../tests/helpers/raw.ts';

const limits = testLimits;
// A root Y.Text of the review schema (the gate refuses roots a review does not have).
const T = 'narrative.impact';

class MemoryTransport implements Transport {
  sent: Uint8Array[] = [];
  closedWith: number | null = null;
  bufferedAmount = 0;
  send(data: Uint8Array): void {
    this.sent.push(data);
  }
  close(code: number): void {
    this.closedWith = code;
  }
  terminate(): void {
    this.closedWith = -1;
  }
  /** Applies every sync message this transport received (from the `from`th on) to `doc`. */
  replayInto(doc: Y.Doc, from = 0): void {
    for (const m of this.sent.slice(from)) {
      const d = decoding.createDecoder(m);
      if (decoding.readVarUint(d) !== MessageType.sync) continue;
      const t = decoding.readVarUint(d);
      if (t === 1 || t === 2) Y.applyUpdate(doc, decoding.readVarUint8Array(d));
    }
  }
}

/** A transport that can stop reading, as a WebSocket can. */
class PausableTransport extends MemoryTransport {
  paused = false;
  pauses = 0;
  pause(): void {
    this.paused = true;
    this.pauses++;
  }
  resume(): void {
    this.paused = false;
  }
}

/** A store whose loads wait for `gate`; `requested` resolves once the first load was asked for. */
function slowLoads(store: Store, gate: Promise<void>): Store & { requested: Promise<void> } {
  let asked!: () => void;
  const requested = new Promise<void>((r) => (asked = r));
  return { ...store, requested, load: async (id) => (asked(), await gate, store.load(id)) };
}

/** An awareness message carrying `awareness`'s own state. */
const awarenessMessage = (awareness: Awareness): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [awareness.clientID]));
  return encoding.toUint8Array(e);
};

const textUpdate = (text: string, doc = new Y.Doc()): Uint8Array => {
  doc.getText(T).insert(doc.getText(T).length, text);
  return Y.encodeStateAsUpdate(doc);
};

describe('Room', () => {
  it('buffers messages that arrive while the document loads, then answers them in order', async () => {
    const base = await storeWithReview(textUpdate('stored '));
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const slow = slowLoads(base, gate);
    const registry = testRegistry(slow);

    const writer = new MemoryTransport();
    const watcher = new MemoryTransport();
    const w = registry.connect(writer, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    registry.connect(watcher, { reviewId: 'r', linkId: 'l2', role: 'reader', label: 'R' });
    const doc = new Y.Doc();
    w.message(updateMessage(textUpdate('early', doc)));
    // The room is waiting on the store: the early update must sit unanswered until the load completes.
    await slow.requested;
    expect(writer.sent).toHaveLength(0); // nothing answered before the load

    open();
    await expect.poll(() => watcher.sent.length).toBeGreaterThan(0);
    const seen = new Y.Doc();
    watcher.replayInto(seen);
    // A read-only watcher gets no greeting (no sync step 1); the early update arrives relayed after its commit.
    expect(seen.getText(T).toString()).toBe('early');
    await registry.closeAll();
    const loaded = await base.load('r');
    const all = new Y.Doc();
    if (loaded.checkpoint) Y.applyUpdate(all, loaded.checkpoint);
    loaded.tail.forEach((u) => Y.applyUpdate(all, u));
    expect(all.getText(T).toString()).toContain('early');
  });

  it('relays nothing the store refused, and closes only the sender', async () => {
    const base = await storeWithReview(new Uint8Array([0, 0]));
    let failing = false;
    const store: Store = {
      ...base,
      append: (id, input) => (failing ? Promise.reject(new Error('disk full')) : base.append(id, input)),
    };
    const registry = testRegistry(store);
    const a = new MemoryTransport();
    const b = new MemoryTransport();
    const ha = registry.connect(a, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    registry.connect(b, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    await expect.poll(() => b.sent.length).toBeGreaterThan(0);
    failing = true;
    ha.message(syncStep2Message(textUpdate('lost?')));
    await expect.poll(() => a.closedWith).toBe(4503);
    const seen = new Y.Doc();
    b.replayInto(seen);
    expect(seen.getText(T).toString()).toBe('');
    expect(b.closedWith).toBeNull();
    await registry.closeAll();
  });

  it('sends the updates committed together in one frame to a client that sent none, the others one by one to a sender, never echoing a client its own', async () => {
    const base = await storeWithReview(new Uint8Array([0, 0]));
    const registry = testRegistry(base);
    const [a, b, c, d] = [new MemoryTransport(), new MemoryTransport(), new MemoryTransport(), new MemoryTransport()];
    const ha = registry.connect(a, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'A' });
    const hb = registry.connect(b, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'B' });
    registry.connect(c, { reviewId: 'r', linkId: 'l2', role: 'editor', label: 'C' });
    const hd = registry.connect(d, { reviewId: 'r', linkId: 'l2', role: 'editor', label: 'D' });
    await expect.poll(() => c.sent.length > 0 && d.sent.length > 0).toBe(true);
    const before = [a, b, c].map((t) => t.sent.length);
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    // Sent in one turn: the store commits them in one batch.
    ha.message(updateMessage(textUpdate('A1 ', docA)));
    hb.message(updateMessage(textUpdate('B1 ', docB)));
    const sv = Y.encodeStateVector(docA);
    docA.getText(T).insert(3, 'A2 ');
    ha.message(updateMessage(Y.encodeStateAsUpdate(docA, sv)));
    await expect.poll(() => c.sent.length - before[2]!).toBeGreaterThan(0);
    const received = (t: MemoryTransport, i: number): Y.Doc => {
      const doc = new Y.Doc();
      t.replayInto(doc, before[i]);
      return doc;
    };
    const words = (doc: Y.Doc): string[] => doc.getText(T).toString().split(' ').filter(Boolean).sort();
    // The positive signal: D's later update reaches A, B and C, so every frame of the batch arrived before it.
    hd.message(updateMessage(textUpdate('M ')));
    await expect.poll(() => [a, b, c].every((t, i) => words(received(t, i)).includes('M'))).toBe(true);
    // C sent nothing: one frame with all three updates, then the marker's.
    expect(c.sent.length - before[2]!).toBe(2);
    expect(words(received(c, 2))).toEqual(['A1', 'A2', 'B1', 'M']);
    // A gets only B's update, B only A's two (one frame each, then the marker's).
    expect(words(received(a, 0))).toEqual(['B1', 'M']);
    expect(b.sent.length - before[1]!).toBe(3);
    const forB = received(b, 1);
    Y.applyUpdate(forB, Y.encodeStateAsUpdate(docB));
    expect(words(forB)).toEqual(['A1', 'A2', 'B1', 'M']);
    await registry.closeAll();
  });

  it('checkpoints after enough updates so a load reads a short tail', async () => {
    const store = await storeWithReview(new Uint8Array([0, 0]));
    const registry = testRegistry(store);
    const t = new MemoryTransport();
    const h = registry.connect(t, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 12; i++) doc.getText(T).insert(i, 'x');
    for (const u of updates) h.message(updateMessage(u));
    await expect.poll(async () => (await store.load('r')).tail.length).toBeLessThan(5);
    await registry.closeAll();
    const loaded = await store.load('r');
    expect(loaded.tail).toHaveLength(0);
    expect((await store.readLog('r', 0, 100)).length).toBe(13);
  });
});

describe('Room checkpoints as history snapshots', () => {
  const edit = async (historySnapshotGap?: number) => {
    const store = await storeWithReview(new Uint8Array([0, 0]));
    const registry = testRegistry(store, { historySnapshotGap });
    const h = registry.connect(new MemoryTransport(), { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 12; i++) doc.getText(T).insert(i, String.fromCharCode(97 + i));
    for (const u of updates) h.message(updateMessage(u));
    await expect.poll(async () => (await store.readLog('r', 0, 100)).length).toBe(13);
    await registry.closeAll();
    return store;
  };

  it('keeps each exact checkpoint as the state as of its seq, the one the log gives', async () => {
    const store = await edit(4);
    const latest = await store.snapshotAtOrBefore('r', 1_000);
    expect(latest).not.toBeNull();
    expect(latest!.seq).toBe((await store.load('r')).checkpointSeq);
    const fromLog = new Y.Doc();
    for (const row of await store.readLog('r', 0, 1_000))
      if (row.seq <= latest!.seq) Y.applyUpdate(fromLog, row.update);
    const fromSnapshot = new Y.Doc();
    Y.applyUpdate(fromSnapshot, latest!.state);
    expect(fromSnapshot.getText(T).toString()).toBe('abcdefghijkl');
    expect(fromSnapshot.getText(T).toString()).toBe(fromLog.getText(T).toString());
    expect(Y.encodeStateVector(fromSnapshot)).toEqual(Y.encodeStateVector(fromLog));
  });

  it('keeps none when the host does not ask for them', async () => {
    const store = await edit(undefined);
    expect((await store.load('r')).checkpointSeq).toBe(13);
    expect(await store.snapshotAtOrBefore('r', 1_000)).toBeNull();
  });
});

describe('Room checkpoints on a busy review', () => {
  it('come at most once per interval, however many updates arrive', async () => {
    const base = await storeWithReview(new Uint8Array([0, 0]));
    let checkpoints = 0;
    const store: Store = { ...base, compact: (...args) => (checkpoints++, base.compact(...args)) };
    const registry = testRegistry(store, {
      limits: { ...limits, compactEveryUpdates: 5, compactMinIntervalMs: 60_000, compactDebounceMs: 60_000 },
    });
    const h = registry.connect(new MemoryTransport(), { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => h.message(updateMessage(u)));
    for (let i = 0; i < 40; i++) {
      doc.getText(T).insert(i, 'x');
      await new Promise((r) => setImmediate(r));
    }
    await expect.poll(async () => (await base.readLog('r', 0, 100)).length).toBe(41);
    // The first 5 updates checkpoint at once; the other 35 wait for the interval.
    expect(checkpoints).toBe(1);
    await registry.closeAll();
    expect(checkpoints).toBe(2);
    expect((await base.load('r')).tail).toHaveLength(0);
  });
});

describe('Room preparation', () => {
  it('stores what prepare changed before anyone is answered', async () => {
    const store = await storeWithReview(textUpdate('old'));
    const registry = testRegistry(store, { prepare: (doc) => doc.getMap('meta').set('schemaVersion', 99) });
    const t = new MemoryTransport();
    registry.connect(t, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    await expect.poll(() => t.sent.length).toBeGreaterThan(0);
    const log = await store.readLog('r', 0, 10);
    expect(log.map((u) => u.role)).toEqual(['system', 'system']);
    await registry.closeAll();
    const loaded = await store.load('r');
    const doc = new Y.Doc();
    if (loaded.checkpoint) Y.applyUpdate(doc, loaded.checkpoint);
    loaded.tail.forEach((u) => Y.applyUpdate(doc, u));
    expect(doc.getMap('meta').get('schemaVersion')).toBe(99);
  });
});

describe('server changes', () => {
  it('are stored as the server’s, then relayed to every client; refused ones reach nobody', async () => {
    const base = await storeWithReview(new Uint8Array([0, 0]));
    let failing = false;
    const store: Store = {
      ...base,
      append: (id, input) => (failing ? Promise.reject(new Error('disk full')) : base.append(id, input)),
    };
    const registry = testRegistry(store, { limits: { ...limits, idleUnloadMs: 60_000 } });
    const t = new MemoryTransport();
    registry.connect(t, { reviewId: 'r', linkId: 'l', role: 'reader', label: 'R' });
    await registry.applyServerChange('r', (doc) => doc.getText(T).insert(0, 'from the server'));
    // Relayed once the microtasks that applied it ran (with anything else applied with it).
    await new Promise((r) => setImmediate(r));
    const seen = new Y.Doc();
    t.replayInto(seen);
    expect(seen.getText(T).toString()).toBe('from the server');
    expect((await base.readLog('r', 1, 10)).map((u) => u.role)).toEqual(['system']);

    failing = true;
    await expect(registry.applyServerChange('r', (doc) => doc.getText(T).insert(0, 'lost '))).rejects.toThrow(
      /disk full/,
    );
    const after = new Y.Doc();
    t.replayInto(after);
    expect(after.getText(T).toString()).toBe('from the server');
    failing = false;
    // A review nobody has open is loaded for the change, then unloaded again.
    await base.createReview({ id: 'quiet', title: 'Q', createdAt: 1 }, [], new Uint8Array([0, 0]));
    await registry.applyServerChange('quiet', (doc) => doc.getMap('meta').set('status', 'published'));
    const doc = await registry.snapshot('quiet');
    expect(doc.getMap('meta').get('status')).toBe('published');
    await registry.closeAll();
  });
});

describe('first sync while the room loads', () => {
  it('answers from what is stored, holds writes until the gate can judge them, then stores and relays them', async () => {
    const author = new Y.Doc();
    const base = await storeWithReview(textUpdate('stored ', author));
    // Two more stored updates after the first: the answer merges a tail, not one row.
    for (const more of ['tail1 ', 'tail2 ']) {
      const sv = Y.encodeStateVector(author);
      author.getText(T).insert(author.getText(T).length, more);
      await base.append('r', { update: Y.encodeStateAsUpdate(author, sv), receivedAt: 2, role: 'editor', linkId: 'l' });
    }
    // The migration's append is held: the room stays loading, its document built but not ready.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let migrationWaiting = false;
    const store: Store = {
      ...base,
      append: async (id, input) => {
        if (input.role === 'system') {
          migrationWaiting = true;
          await held;
        }
        return base.append(id, input);
      },
    };
    const registry = testRegistry(store, { prepare: (doc) => doc.getMap('meta').set('schemaVersion', 99) });
    const writer = new MemoryTransport();
    const forger = new MemoryTransport();
    const watcher = new MemoryTransport();
    const w = registry.connect(writer, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    const f = registry.connect(forger, { reviewId: 'r', linkId: 'l3', role: 'editor', label: 'F' });
    const r = registry.connect(watcher, { reviewId: 'r', linkId: 'l2', role: 'reader', label: 'R' });
    // A writer that already holds part of the review (its step 2 is a diff) and a reader that holds nothing.
    const writerDoc = new Y.Doc();
    Y.applyUpdate(writerDoc, (await base.readLog('r', 0, 1))[0]!.update);
    w.message(syncStep1Message(writerDoc));
    r.message(syncStep1Message(new Y.Doc()));
    // Writes sent while the room loads: an honest one and one a non-facilitator may not make.
    w.message(updateMessage(textUpdate('early', new Y.Doc())));
    const forged = new Y.Doc();
    forged.getMap(FACILITATION_ROOT).set(FacilitationKey.frozen, true);
    f.message(updateMessage(Y.encodeStateAsUpdate(forged)));

    await expect.poll(() => writer.sent.length > 0 && watcher.sent.length > 0).toBe(true);
    // Answered before the document was built; now it is built and waits for its migration to be stored.
    await expect.poll(() => migrationWaiting).toBe(true);
    const seen = new Y.Doc();
    watcher.replayInto(seen);
    expect(seen.getText(T).toString()).toBe('stored tail1 tail2 ');
    writer.replayInto(writerDoc);
    expect(writerDoc.getText(T).toString()).toBe('stored tail1 tail2 ');
    // Nothing judged yet: nothing stored, nobody closed.
    expect((await base.readLog('r', 0, 100)).length).toBe(3);
    expect(forger.closedWith).toBeNull();

    release();
    await expect.poll(() => forger.closedWith).toBe(CloseCode.ChangeRefused);
    await expect.poll(() => (watcher.replayInto(seen), seen.getText(T).toString())).toContain('early');
    expect(seen.getMap('meta').get('schemaVersion')).toBe(99);
    expect(seen.getMap(FACILITATION_ROOT).get(FacilitationKey.frozen)).toBeUndefined();
    const log = await base.readLog('r', 0, 100);
    expect(log.map((u) => u.role)).toEqual(['system', 'editor', 'editor', 'system', 'editor']);
    await registry.closeAll();
    const loaded = await base.load('r');
    const all = new Y.Doc();
    if (loaded.checkpoint) Y.applyUpdate(all, loaded.checkpoint);
    loaded.tail.forEach((u) => Y.applyUpdate(all, u));
    expect(all.getText(T).toString()).toContain('early');
    expect(all.getMap(FACILITATION_ROOT).get(FacilitationKey.frozen)).toBeUndefined();
  });

  it('builds the document only once its answer from the stored state has left for the network', async () => {
    const base = await storeWithReview(textUpdate('stored '));
    let prepared = false;
    const registry = testRegistry(base, { prepare: () => void (prepared = true) });
    // A connection whose answer the kernel has not taken yet: still buffered on it.
    const reader = new MemoryTransport();
    reader.bufferedAmount = 500_000;
    const r = registry.connect(reader, { reviewId: 'r', linkId: 'l2', role: 'reader', label: 'R' });
    r.message(syncStep1Message(new Y.Doc()));
    await expect.poll(() => reader.sent.length).toBeGreaterThan(0);
    // Another review's join is the positive signal: a turn of the event loop that came after the answer.
    const other = await storeWithReview(textUpdate('other '), 'o');
    const otherRegistry = testRegistry(other);
    const watcher = new MemoryTransport();
    otherRegistry
      .connect(watcher, { reviewId: 'o', linkId: 'l', role: 'reader', label: 'W' })
      .message(syncStep1Message(new Y.Doc()));
    await expect.poll(() => watcher.sent.length).toBeGreaterThan(0);
    expect(prepared).toBe(false);
    reader.bufferedAmount = 0;
    await expect.poll(() => prepared).toBe(true);
    const seen = new Y.Doc();
    reader.replayInto(seen);
    expect(seen.getText(T).toString()).toBe('stored ');
    await Promise.all([registry.closeAll(), otherRegistry.closeAll()]);
  });

  it('builds the document once joiners had time to apply their answers, at once when a change or a read needs it', async () => {
    // About the time a joiner applies what it was sent: a 1.4 MB review ~210 ms, a small one next to nothing.
    expect(buildDeferMs(1_400_000)).toBe(210);
    expect(buildDeferMs(20_000)).toBe(3);
    expect(buildDeferMs(50_000_000)).toBe(1_000);

    const base = await storeWithReview(textUpdate('stored '));
    let builds = 0;
    // A deferral no test waits out: only something that needs the document ends it.
    const deps = { prepare: () => void builds++, buildDeferMs: () => 600_000 };
    const registry = testRegistry(base, deps);
    const writer = new MemoryTransport();
    const w = registry.connect(writer, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    w.message(syncStep1Message(new Y.Doc()));
    // Presence needs no document: it waits for the build and does not start it.
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ name: 'E' });
    w.message(awarenessMessage(awareness));
    await expect.poll(() => writer.sent.length).toBeGreaterThan(0);
    // Another review opened and built (by the default deferral, next to nothing for a small review) is the
    // positive signal: turns of the event loop, timers included, that came after the answer.
    const other = await storeWithReview(textUpdate('other '), 'o');
    let otherBuilt = false;
    const otherRegistry = testRegistry(other, { prepare: () => void (otherBuilt = true) });
    otherRegistry
      .connect(new MemoryTransport(), { reviewId: 'o', linkId: 'l', role: 'reader', label: 'W' })
      .message(syncStep1Message(new Y.Doc()));
    await expect.poll(() => otherBuilt).toBe(true);
    expect(builds).toBe(0);

    // A change is judged on the document: it is built now, then the change stored and relayed.
    const reader = new MemoryTransport();
    registry
      .connect(reader, { reviewId: 'r', linkId: 'l2', role: 'reader', label: 'R' })
      .message(syncStep1Message(new Y.Doc()));
    await expect.poll(() => reader.sent.length).toBeGreaterThan(0);
    const typed = new Y.Doc();
    writer.replayInto(typed);
    w.message(updateMessage(textUpdate('typed', typed)));
    await expect.poll(async () => (await base.readLog('r', 0, 10)).length).toBe(2);
    expect(builds).toBe(1);
    const seen = new Y.Doc();
    await expect.poll(() => (reader.replayInto(seen), seen.getText(T).toString())).toBe('stored typed');

    // A read for someone else (an export, a report) needs it too.
    const cold = await storeWithReview(textUpdate('cold '), 'c');
    let coldBuilds = 0;
    const coldRegistry = testRegistry(cold, { prepare: () => void coldBuilds++, buildDeferMs: () => 600_000 });
    const joiner = new MemoryTransport();
    coldRegistry
      .connect(joiner, { reviewId: 'c', linkId: 'l', role: 'reader', label: 'J' })
      .message(syncStep1Message(new Y.Doc()));
    await expect.poll(() => joiner.sent.length).toBeGreaterThan(0);
    await expect(coldRegistry.read('c', (doc) => doc.getText(T).toString())).resolves.toBe('cold ');
    expect(coldBuilds).toBe(1);
    await Promise.all([registry.closeAll(), otherRegistry.closeAll(), coldRegistry.closeAll()]);
  });

  it('keeps only the newest presence of a connection while the room loads: a long wait releases no burst', async () => {
    const base = await storeWithReview(textUpdate('stored '));
    const registry = testRegistry(base, {
      limits: { ...limits, awarenessPerSecond: 5 },
      buildDeferMs: () => 600_000,
    });
    const editor = new MemoryTransport();
    const e = registry.connect(editor, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    e.message(syncStep1Message(new Y.Doc()));
    await expect.poll(() => editor.sent.length).toBeGreaterThan(0);
    // Thirty presence updates while the build waits: more than the limit lets through at once.
    const awareness = new Awareness(new Y.Doc());
    for (let i = 1; i <= 30; i++) {
      awareness.setLocalState({ cursor: { entryId: `e${i}` } });
      e.message(awarenessMessage(awareness));
    }
    const watcher = new MemoryTransport();
    registry
      .connect(watcher, { reviewId: 'r', linkId: 'l2', role: 'reader', label: 'R' })
      .message(syncStep1Message(new Y.Doc()));
    // A change needs the document: the build runs and the held messages are let in.
    const typed = new Y.Doc();
    editor.replayInto(typed);
    e.message(updateMessage(textUpdate('typed', typed)));
    const seen = new Y.Doc();
    await expect.poll(() => (watcher.replayInto(seen), seen.getText(T).toString())).toBe('stored typed');
    expect(editor.closedWith).toBeNull();
    // The watcher was greeted with the editor's newest presence.
    const states = new Awareness(new Y.Doc());
    for (const m of watcher.sent) {
      const d = decoding.createDecoder(m);
      if (decoding.readVarUint(d) === MessageType.awareness)
        applyAwarenessUpdate(states, decoding.readVarUint8Array(d), null);
    }
    expect(states.getStates().get(awareness.clientID)).toMatchObject({ cursor: { entryId: 'e30' } });
    await registry.closeAll();
  });

  it('judges a sync step 2 like an update: an echo of the review is dropped, a forged change refused', async () => {
    const base = await storeWithReview(textUpdate('stored '));
    const registry = testRegistry(base, { limits: { ...limits, idleUnloadMs: 60_000 } });
    const editor = new MemoryTransport();
    const e = registry.connect(editor, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    e.message(syncStep1Message(new Y.Doc()));
    await expect.poll(() => editor.sent.length).toBeGreaterThan(1);
    const held = new Y.Doc();
    editor.replayInto(held);
    // Its answer to the server's step 1: everything it holds, all known to the server.
    e.message(syncStep2Message(Y.encodeStateAsUpdate(held)));
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(held));
    const sv = Y.encodeStateVector(forged);
    forged.getMap(FACILITATION_ROOT).set(FacilitationKey.frozen, true);
    e.message(syncStep2Message(Y.encodeStateAsUpdate(forged, sv)));
    await expect.poll(() => editor.closedWith).toBe(CloseCode.ChangeRefused);
    // Neither the echo nor the forged change was stored: the log holds only the creation.
    expect((await base.readLog('r', 0, 10)).map((u) => u.role)).toEqual(['system']);
    await registry.closeAll();
  });

  it('answers a warm room from its cached encoding plus what was applied since', async () => {
    const base = await storeWithReview(textUpdate('stored '));
    const registry = testRegistry(base, { limits: { ...limits, idleUnloadMs: 60_000 } });
    const writer = new MemoryTransport();
    const w = registry.connect(writer, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    w.message(syncStep1Message(new Y.Doc()));
    await expect.poll(() => writer.sent.length).toBeGreaterThan(1);
    const doc = new Y.Doc();
    writer.replayInto(doc);
    for (const word of ['one ', 'two ', 'three ']) {
      const sv = Y.encodeStateVector(doc);
      doc.getText(T).insert(doc.getText(T).length, word);
      w.message(updateMessage(Y.encodeStateAsUpdate(doc, sv)));
      await expect.poll(async () => (await base.readLog('r', 0, 100)).length).toBeGreaterThan(1);
    }
    await expect.poll(async () => (await base.readLog('r', 0, 100)).length).toBe(4);
    for (let i = 0; i < 2; i++) {
      const joiner = new MemoryTransport();
      const j = registry.connect(joiner, { reviewId: 'r', linkId: 'l2', role: 'reader', label: 'R' });
      j.message(syncStep1Message(new Y.Doc()));
      await expect.poll(() => joiner.sent.length).toBeGreaterThan(0);
      const seen = new Y.Doc();
      joiner.replayInto(seen);
      expect(seen.getText(T).toString()).toBe('stored one two three ');
    }
    await registry.closeAll();
  });

  describe('after a change that is not stored', () => {
    /** A log that keeps the messages (and the fields) of warnings. */
    const capturing = () => {
      const warnings: { msg: string; from?: unknown }[] = [];
      return {
        warnings,
        log: { ...silentLog, warn: (o: Record<string, unknown>, msg: string) => warnings.push({ msg, from: o.from }) },
      };
    };
    /** An update to a root a review does not have: refused, after the gate applied it to the document. */
    const refused = (): Uint8Array => {
      const doc = new Y.Doc();
      doc.getText('not-a-root').insert(0, 'REFUSED');
      return Y.encodeStateAsUpdate(doc);
    };
    const joinerSees = async (registry: ReturnType<typeof testRegistry>): Promise<string> => {
      const joiner = new MemoryTransport();
      const j = registry.connect(joiner, { reviewId: 'r', linkId: 'l9', role: 'reader', label: 'R' });
      j.message(syncStep1Message(new Y.Doc()));
      await expect.poll(() => joiner.sent.length).toBeGreaterThan(0);
      const seen = new Y.Doc();
      joiner.replayInto(seen);
      return seen.getText(T).toString() + (seen.share.has('not-a-root') ? seen.getText('not-a-root').toString() : '');
    };

    for (const from of ['memory', 'store'] as const) {
      it(`rebuilds the document (from ${from === 'memory' ? 'the encoding it keeps' : 'the store'}); the others' writes carry on`, async () => {
        // Big enough that a few words do not pass a quarter of it (the room then keeps its encoding).
        const base = await storeWithReview(textUpdate(`stored ${'x'.repeat(2000)} `));
        const { warnings, log } = capturing();
        const registry = testRegistry(base, { log, limits: { ...limits, idleUnloadMs: 60_000 } });
        const writer = new MemoryTransport();
        const attacker = new MemoryTransport();
        const w = registry.connect(writer, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
        const x = registry.connect(attacker, { reviewId: 'r', linkId: 'l2', role: 'editor', label: 'X' });
        w.message(syncStep1Message(new Y.Doc()));
        await expect.poll(() => writer.sent.length).toBeGreaterThan(1);
        const doc = new Y.Doc();
        writer.replayInto(doc);
        const write = (word: string): void => {
          const sv = Y.encodeStateVector(doc);
          doc.getText(T).insert(doc.getText(T).length, word);
          w.message(updateMessage(Y.encodeStateAsUpdate(doc, sv)));
        };
        // Enough written (more than a quarter of the encoded review) and the room drops the encoding it kept.
        if (from === 'store') write(`${'a long sentence '.repeat(60)}`);
        if (from === 'store') await expect.poll(async () => (await base.readLog('r', 0, 100)).length).toBe(1);
        write('one ');
        x.message(updateMessage(refused()));
        write('two ');
        await expect.poll(() => attacker.closedWith).toBe(CloseCode.SchemaViolation);
        write('three');
        await expect.poll(async () => (await joinerSees(registry)).endsWith('one two three')).toBe(true);
        expect(await joinerSees(registry)).not.toContain('REFUSED');
        expect(warnings.filter((w) => w.msg === 'document rebuilt after a change that was not stored')).toEqual([
          { msg: 'document rebuilt after a change that was not stored', from },
        ]);
        await registry.closeAll();
        const stored = await base.load('r');
        const all = new Y.Doc();
        if (stored.checkpoint) Y.applyUpdate(all, stored.checkpoint);
        stored.tail.forEach((u) => Y.applyUpdate(all, u));
        expect(all.getText(T).toString()).toMatch(/one two three$/);
        expect(all.share.has('not-a-root')).toBe(false);
      });
    }

    it('while loading, one connection’s refused early change is not the ground another’s is judged on', async () => {
      const base = await storeWithReview(textUpdate('stored '));
      let open!: () => void;
      const slow = slowLoads(base, new Promise<void>((r) => (open = r)));
      // Neither answers the server's step 1: U, which builds on what the server has not seen, waits for an
      // answer that never comes (answerWaitMs), then is judged as it is.
      const registry = testRegistry(slow, { limits: { ...limits, idleUnloadMs: 60_000, answerWaitMs: 50 } });
      // R: text and the frozen flag (facilitator-only) in one update; U: text typed after R's, by someone else.
      const r = new Y.Doc();
      Y.applyUpdate(r, (await base.load('r')).tail[0]!);
      const beforeR = Y.encodeStateVector(r);
      r.transact(() => {
        r.getText(T).insert(r.getText(T).length, 'R ');
        r.getMap(FACILITATION_ROOT).set(FacilitationKey.frozen, true);
      });
      const updateR = Y.encodeStateAsUpdate(r, beforeR);
      const u = new Y.Doc();
      Y.applyUpdate(u, Y.encodeStateAsUpdate(r));
      const beforeU = Y.encodeStateVector(u);
      u.getText(T).insert(u.getText(T).length, 'U');
      const updateU = Y.encodeStateAsUpdate(u, beforeU);
      const first = new MemoryTransport();
      const second = new MemoryTransport();
      registry
        .connect(first, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E1' })
        .message(updateMessage(updateR));
      registry
        .connect(second, { reviewId: 'r', linkId: 'l2', role: 'editor', label: 'E2' })
        .message(updateMessage(updateU));
      await slow.requested;
      open();
      await expect.poll(() => first.closedWith).toBe(CloseCode.ChangeRefused);
      // U builds on R, which was never accepted: it would stay pending, so it is refused too.
      await expect.poll(() => second.closedWith).toBe(CloseCode.UpdateIncomplete);
      await registry.closeAll();
      expect(await base.readLog('r', 1, 100)).toHaveLength(0);
    });

    /**
     * A room whose rebuild waits on the store until `release`: `typist` has written past a quarter of the
     * review (so the rebuild reads the store), then another editor's refused change started the rebuild.
     */
    async function rebuildWaitingOnStore(typist: MemoryTransport) {
      const base = await storeWithReview(textUpdate('stored '));
      let gate: Promise<void> = Promise.resolve();
      const store: Store = { ...base, load: async (id) => (await gate, base.load(id)) };
      const registry = testRegistry(store, { limits: { ...limits, idleUnloadMs: 60_000 } });
      const attacker = new MemoryTransport();
      const watcher = new MemoryTransport();
      const t = registry.connect(typist, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'T' });
      const x = registry.connect(attacker, { reviewId: 'r', linkId: 'l3', role: 'editor', label: 'X' });
      registry
        .connect(watcher, { reviewId: 'r', linkId: 'l4', role: 'reader', label: 'W' })
        .message(syncStep1Message(new Y.Doc()));
      await expect.poll(() => watcher.sent.length).toBeGreaterThan(0);
      const doc = new Y.Doc();
      const write = (word: string): void => {
        const sv = Y.encodeStateVector(doc);
        doc.getText(T).insert(doc.getText(T).length, word);
        t.message(updateMessage(Y.encodeStateAsUpdate(doc, sv)));
      };
      write('a long enough sentence to pass a quarter of the stored review ');
      await expect.poll(async () => (await base.readLog('r', 0, 1000)).length).toBe(2);
      let release!: () => void;
      gate = new Promise<void>((r) => (release = r));
      x.message(updateMessage(refused()));
      await expect.poll(() => attacker.closedWith).toBe(CloseCode.SchemaViolation);
      const watched = (): string => {
        const seen = new Y.Doc();
        watcher.replayInto(seen);
        return seen.getText(T).toString();
      };
      return { registry, write, release, watched };
    }

    it('a flood while a rebuild holds messages closes the flooder, not the others', async () => {
      const typist = new MemoryTransport();
      const flooder = new MemoryTransport();
      const { registry, write, release, watched } = await rebuildWaitingOnStore(typist);
      const f = registry.connect(flooder, { reviewId: 'r', linkId: 'l2', role: 'editor', label: 'F' });
      const echo = syncStep2Message(textUpdate('stored '));
      for (let i = 0; i <= limits.maxMessagesWhileLoading; i++) f.message(echo);
      write('typed while held');
      expect(flooder.closedWith).toBe(CloseCode.RateLimited);
      release();
      await expect.poll(watched).toContain('typed while held');
      expect(typist.closedWith).toBeNull();
      await registry.closeAll();
    });

    it('a burst while messages are held stops reading its sender, then lets all of it in', async () => {
      const typist = new PausableTransport();
      const { registry, write, release, watched } = await rebuildWaitingOnStore(typist);
      // More than a load may hold (what the socket had read already still comes after the pause).
      for (let i = 0; i <= limits.maxMessagesWhileLoading; i++) write(`${i} `);
      expect(typist.paused).toBe(true);
      expect(typist.closedWith).toBeNull();
      release();
      await expect.poll(watched).toContain(` ${limits.maxMessagesWhileLoading} `);
      expect(typist.paused).toBe(false);
      expect(typist.pauses).toBe(1);
      expect(typist.closedWith).toBeNull();
      await registry.closeAll();
    });

    it('holds writes through a store outage while it rebuilds, then stores and relays them', async () => {
      const base = await storeWithReview(textUpdate('stored '));
      let down = false;
      const store: Store = {
        ...base,
        append: (id, input) => (down ? Promise.reject(new Error('store unreachable')) : base.append(id, input)),
        load: (id) => (down ? Promise.reject(new Error('store unreachable')) : base.load(id)),
      };
      const { warnings, log } = capturing();
      const registry = testRegistry(store, { log, limits: { ...limits, idleUnloadMs: 60_000 } });
      const a = new MemoryTransport();
      const b = new MemoryTransport();
      const c = new MemoryTransport();
      const ha = registry.connect(a, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'A' });
      const hb = registry.connect(b, { reviewId: 'r', linkId: 'l2', role: 'editor', label: 'B' });
      registry
        .connect(c, { reviewId: 'r', linkId: 'l3', role: 'reader', label: 'C' })
        .message(syncStep1Message(new Y.Doc()));
      await expect.poll(() => c.sent.length).toBeGreaterThan(0);
      // Past a quarter of the review: the room no longer keeps it encoded, the rebuild reads the store.
      hb.message(updateMessage(textUpdate('a long enough sentence to pass a quarter of the stored review ')));
      await expect.poll(async () => (await base.readLog('r', 0, 100)).length).toBe(1);
      down = true;
      ha.message(updateMessage(textUpdate('lost ')));
      await expect.poll(() => a.closedWith).toBe(CloseCode.StorageUnavailable);
      await expect
        .poll(() => warnings.some((w) => w.msg.startsWith('could not read the review to rebuild it')))
        .toBe(true);
      const before = c.sent.length;
      hb.message(updateMessage(textUpdate('held ')));
      // Still rebuilding: the write waits (a second failed read after it proves time passed).
      const failedReads = warnings.length;
      await expect.poll(() => warnings.length).toBeGreaterThan(failedReads);
      expect(c.sent.length).toBe(before);
      down = false;
      await expect
        .poll(() => {
          const seen = new Y.Doc();
          c.replayInto(seen);
          return seen.getText(T).toString();
        })
        .toContain('held ');
      expect(b.closedWith).toBeNull();
      await registry.closeAll();
      const all = new Y.Doc();
      for (const row of await base.readLog('r', 0, 100)) Y.applyUpdate(all, row.update);
      expect(all.getText(T).toString()).toContain('held ');
      expect(all.getText(T).toString()).not.toContain('lost');
    });
  });
});
