// RoomRegistry.snapshot of a review nobody has open: read through the same
// steps as a room's load, over a real (in-memory) SQLite store.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../storage/sqlite.ts';
import type { Store } from '../storage/store.ts';
import { RoomRegistry } from './registry.ts';
import { testLimits, silentLog } from './testSupport.ts';
import { noMetrics } from './types.ts';

const limits = testLimits;
const silent = silentLog;
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

describe('RoomRegistry.snapshot of an unloaded review', () => {
  it('runs prepare (migration, collection window) like a room load, without storing what it changed', async () => {
    const store = openSqliteStore({ dataDir: ':memory:' });
    stores.push(store);
    const old = new Y.Doc();
    old.getMap('meta').set('schemaVersion', 1);
    await store.createReview({ id: 'r', title: 'R', createdAt: 1 }, [], Y.encodeStateAsUpdate(old));
    const registry = new RoomRegistry({
      store,
      limits,
      metrics: noMetrics,
      log: silent,
      prepare: (doc) => doc.getMap('meta').set('schemaVersion', 2),
    });
    const doc = await registry.snapshot('r');
    expect(doc.getMap('meta').get('schemaVersion')).toBe(2);
    // A read stores nothing: the log still holds only the creation.
    expect((await store.readLog('r', 0, 10)).map((u) => u.role)).toEqual(['system']);
    await registry.closeAll();
  });

  it('skips a stored update that fails to apply, as a room does, and still reads the rest', async () => {
    const store = openSqliteStore({ dataDir: ':memory:' });
    stores.push(store);
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'kept');
    await store.createReview({ id: 'r', title: 'R', createdAt: 1 }, [], Y.encodeStateAsUpdate(doc));
    await store.append('r', { update: new Uint8Array([255, 255, 255]), receivedAt: 2, role: 'editor', linkId: null });
    const errors: string[] = [];
    const registry = new RoomRegistry({
      store,
      limits,
      metrics: noMetrics,
      log: { ...silent, error: (_: object, msg: string) => void errors.push(msg) },
    });
    const read = await registry.snapshot('r');
    expect(read.getText('t').toString()).toBe('kept');
    expect(errors).toEqual(['skipping a stored update that fails to apply']);
    await registry.closeAll();
  });
});
