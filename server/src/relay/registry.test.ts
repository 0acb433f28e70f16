// RoomRegistry.snapshot of a review nobody has open: read through the same
// steps as a room's load, over a real (in-memory) SQLite store.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLog, storeWithReview, testRegistry } from './testSupport.ts';

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
