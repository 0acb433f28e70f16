// RoomRegistry.snapshot of a review nobody has open: read through the same
// steps as a room's load, over a real (in-memory) SQLite store.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLog, storeWithReview, testLimits, testRegistry } from './testSupport.ts';

describe('RoomRegistry.snapshot of an unloaded review', () => {
  it('runs prepare (migration, collection window) like a room load, without storing what it changed', async () => {
    const old = new Y.Doc();
    old.getMap('meta').set('schemaVersion', 1);
    const store = await storeWithReview(Y.encodeStateAsUpdate(old));
    const registry = testRegistry(store, { prepare: (doc) => doc.getMap('meta').set('schemaVersion', 2) });
    const doc = await registry.snapshot('r');
    expect(doc.getMap('meta').get('schemaVersion')).toBe(2);
    // A read stores nothing: the log still holds only the creation.
    expect((await store.readLog('r', 0, 10)).map((u) => u.role)).toEqual(['system']);
    await registry.closeAll();
  });

  it('skips a stored update that fails to apply, as a room does, and still reads the rest', async () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'kept');
    const store = await storeWithReview(Y.encodeStateAsUpdate(doc));
    await store.append('r', { update: new Uint8Array([255, 255, 255]), receivedAt: 2, role: 'editor', linkId: null });
    const errors: string[] = [];
    const registry = testRegistry(store, {
      log: { ...silentLog, error: (_: object, msg: string) => void errors.push(msg) },
    });
    const read = await registry.snapshot('r');
    expect(read.getText('t').toString()).toBe('kept');
    expect(errors).toEqual(['skipping a stored update that fails to apply']);
    await registry.closeAll();
  });
});

describe('RoomRegistry.read', () => {
  const meta = (doc: Y.Doc): unknown => doc.getMap('meta').get('schemaVersion');

  it('reads a review nobody has open through the same steps as a load, and a loaded one as it is live', async () => {
    const old = new Y.Doc();
    old.getMap('meta').set('schemaVersion', 1);
    const store = await storeWithReview(Y.encodeStateAsUpdate(old));
    const registry = testRegistry(store, {
      prepare: (doc) => doc.getMap('meta').set('schemaVersion', 2),
      limits: { ...testLimits, idleUnloadMs: 60_000 },
    });
    expect(await registry.read('r', meta)).toBe(2);
    // Opened: the room's migration is stored, and the read sees the live document.
    const sent: Uint8Array[] = [];
    const transport = { send: (m: Uint8Array) => void sent.push(m), close() {}, terminate() {}, bufferedAmount: 0 };
    registry.connect(transport, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    await expect.poll(() => sent.length).toBeGreaterThan(0);
    expect(await registry.read('r', meta)).toBe(2);
    expect((await store.readLog('r', 0, 10)).map((u) => u.role)).toEqual(['system', 'system']);
    await registry.closeAll();
  });

  it('refuses a read that changes the live document', async () => {
    const store = await storeWithReview(Y.encodeStateAsUpdate(new Y.Doc()));
    const registry = testRegistry(store, { limits: { ...testLimits, idleUnloadMs: 60_000 } });
    const sent: Uint8Array[] = [];
    const transport = { send: (m: Uint8Array) => void sent.push(m), close() {}, terminate() {}, bufferedAmount: 0 };
    registry.connect(transport, { reviewId: 'r', linkId: 'l', role: 'editor', label: 'E' });
    await expect.poll(() => sent.length).toBeGreaterThan(0);
    await expect(registry.read('r', (doc) => doc.getMap('meta').set('title', 'x'))).rejects.toThrow(
      'changed its live document',
    );
    await registry.closeAll();
  });
});
