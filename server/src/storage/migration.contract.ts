// Part of the store contract: a review written by the previous release (schema
// v2, packages/doc/fixtures/v2-review.bin) opens in a room over the store,
// migrates once (the room stores the migration as a `system` update) and edits
// normally, across a restart.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import {
  SCHEMA_VERSION,
  addEntry,
  addEntryTag,
  defaultContext,
  migrate,
  readMeta,
  readTimeline,
  roots,
} from '@hindsight/doc';
import type { RoomRegistry } from '../relay/registry.ts';
import { testLimits, testRegistry } from '../relay/testSupport.ts';
import type { Store } from './store.ts';

const V2_REVIEW = readFileSync(createRequire(import.meta.url).resolve('@hindsight/doc/fixtures/v2-review.bin'));

// A registry as the server wires it: documents are migrated when a room loads.
const registryOver = (store: Store): RoomRegistry =>
  testRegistry(store, {
    limits: { ...testLimits, compactDebounceMs: 60_000, compactEveryUpdates: 1_000 },
    prepare: (doc) => migrate(doc),
  });

async function roles(store: Store): Promise<string[]> {
  return (await store.readLog('v2', 0, 100)).map((u) => u.role);
}

export function migrationContract(fresh: () => Promise<{ store: Store; reopen: () => Promise<Store> }>): void {
  it('opens a v2 review written by the previous release, migrates it once and edits it normally', async () => {
    const { store, reopen } = await fresh();
    await store.createReview({ id: 'v2', title: 'Checkout outage (v2)', createdAt: 1 }, [], V2_REVIEW);
    const ctx = defaultContext('Ben');
    const first = registryOver(store);
    let tagged = '';
    await first.applyServerChange('v2', (doc) => {
      // The room loaded and migrated before this edit runs.
      expect(readMeta(doc).schemaVersion).toBe(SCHEMA_VERSION);
      tagged = readTimeline(doc)[1]!.id;
      addEntryTag(doc, { id: tagged, tag: 'ack' }, ctx);
    });
    await first.closeAll();
    expect(await roles(store)).toEqual(['system', 'system', 'system']);

    // After a restart: no second migration, and edits still land.
    const again = await reopen();
    const second = registryOver(again);
    await second.applyServerChange(
      'v2',
      (doc) => void addEntry(doc, { at: Date.UTC(2026, 2, 1, 9), summary: 'after' }, ctx),
    );
    await second.closeAll();
    expect(await roles(again)).toEqual(['system', 'system', 'system', 'system']);

    const doc = await registryOver(again).snapshot('v2');
    expect(readMeta(doc).schemaVersion).toBe(SCHEMA_VERSION);
    const entries = readTimeline(doc);
    expect(entries.map((e) => e.summary)).toEqual([
      'p99 latency alert',
      'Ana acknowledged',
      'failover started manually',
      'after',
    ]);
    expect(entries.find((e) => e.id === tagged)!.tags).toEqual(['ack']);
    expect(entries[0]).toMatchObject({ tags: ['db', 'paging'], starred: true, notes: 'first line\nsecond line' });
    roots(doc).timeline.forEach((entry) => expect(entry.has('updatedAt')).toBe(false));
  });
}
