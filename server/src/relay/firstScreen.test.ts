import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, defaultContext, setEntrySummary } from '@hindsight/doc';
import {
  FIRST_SCREEN_NOTES_CHARS,
  FIRST_SCREEN_SUMMARY_CHARS,
  LiveFirstScreen,
  readFirstScreen,
  storedFirstScreen,
} from './firstScreen.ts';
import { silentLog, storeWithReview } from './testSupport.ts';

const noStore = { putFirstScreen: () => Promise.reject(new Error('not stored in this test')) };

describe('first screens', () => {
  it('a live first screen is read again only after the document changed', () => {
    const doc = new Y.Doc();
    const ctx = defaultContext('t');
    const id = addEntry(doc, { at: 1_000, summary: 'one' }, ctx);
    const live = new LiveFirstScreen(doc, 'r', noStore, silentLog);
    // No 'update' listener: Yjs would encode every transaction of the room for it.
    expect(doc._observers.has('update')).toBe(false);
    const first = live.get();
    expect(first.entries.map((e) => e.summary)).toEqual(['one']);
    expect(live.get()).toBe(first);
    setEntrySummary(doc, { id, text: 'two' }, ctx);
    expect(live.get().entries.map((e) => e.summary)).toEqual(['two']);
    live.destroy();
    setEntrySummary(doc, { id, text: 'three' }, ctx);
    expect(live.get().entries.map((e) => e.summary)).toEqual(['two']);
  });

  it('cuts long summaries and notes, so a pasted log does not make the answer as big as the review', () => {
    const doc = new Y.Doc();
    const long = 'x'.repeat(1_000_000);
    addEntry(doc, { at: 1_000, summary: long, notes: long }, defaultContext('t'));
    const [entry] = readFirstScreen(doc, 'r').entries;
    expect(entry!.summary).toHaveLength(FIRST_SCREEN_SUMMARY_CHARS);
    expect(entry!.summary.endsWith('…')).toBe(true);
    expect(entry!.notes).toHaveLength(FIRST_SCREEN_NOTES_CHARS);
    expect(JSON.stringify(readFirstScreen(doc, 'r')).length).toBeLessThan(10_000);
  });

  it('stores the first screen once per seq, and serves it only while nothing was stored after it', async () => {
    const doc = new Y.Doc();
    const ctx = defaultContext('t');
    const id = addEntry(doc, { at: 1_000, summary: 'stored' }, ctx);
    const store = await storeWithReview(Y.encodeStateAsUpdate(doc));
    const puts: number[] = [];
    const counted = {
      putFirstScreen: (reviewId: string, seq: number, data: string) => {
        puts.push(seq);
        return store.putFirstScreen(reviewId, seq, data);
      },
    };
    const live = new LiveFirstScreen(doc, 'r', counted, silentLog);
    // The review's creation is seq 1: the document holds exactly that.
    await live.keep(1);
    await live.keep(1);
    expect(puts).toEqual([1]);
    expect((await storedFirstScreen(store, 'r'))?.entries.map((e) => e.summary)).toEqual(['stored']);
    // A write after it (another server's, or one before a crash): no longer served.
    setEntrySummary(doc, { id, text: 'changed' }, ctx);
    await store.append('r', { update: Y.encodeStateAsUpdate(doc), receivedAt: 2, role: 'editor', linkId: null });
    expect(await storedFirstScreen(store, 'r')).toBeNull();
    await live.keep(2);
    expect((await storedFirstScreen(store, 'r'))?.entries.map((e) => e.summary)).toEqual(['changed']);
    live.destroy();
  });

  it('a first screen too big to store, or one that fails to store, is not served; the failure is retried', async () => {
    const doc = new Y.Doc();
    const ctx = defaultContext('t');
    for (let i = 0; i < 40; i++) addEntry(doc, { at: i, summary: 'y'.repeat(1_000) }, ctx);
    const store = await storeWithReview(Y.encodeStateAsUpdate(doc));
    const bound = 20_000;
    expect(JSON.stringify(readFirstScreen(doc, 'r')).length).toBeGreaterThan(bound);
    await new LiveFirstScreen(doc, 'r', store, silentLog, bound).keep(1);
    expect(await store.getFirstScreen('r')).toBeNull();
    // The same within the bound is stored.
    await new LiveFirstScreen(doc, 'r', store, silentLog, bound * 10).keep(1);
    expect(await store.getFirstScreen('r')).not.toBeNull();

    const small = new Y.Doc();
    addEntry(small, { at: 1, summary: 'small' }, ctx);
    const other = await storeWithReview(Y.encodeStateAsUpdate(small), 's');
    let fail = true;
    const warned: string[] = [];
    const flaky = {
      putFirstScreen: (reviewId: string, seq: number, data: string) =>
        fail ? Promise.reject(new Error('disk full')) : other.putFirstScreen(reviewId, seq, data),
    };
    const live = new LiveFirstScreen(small, 's', flaky, { ...silentLog, warn: (_o, msg) => warned.push(msg) });
    await live.keep(1);
    expect(warned).toEqual(['could not store the first screen']);
    expect(await storedFirstScreen(other, 's')).toBeNull();
    fail = false;
    await live.keep(1);
    expect((await storedFirstScreen(other, 's'))?.entries.map((e) => e.summary)).toEqual(['small']);
  });

  it('serves a stored row only when it is a first screen of this review', async () => {
    const doc = new Y.Doc();
    addEntry(doc, { at: 1, summary: 'fine' }, defaultContext('t'));
    const store = await storeWithReview(Y.encodeStateAsUpdate(doc));
    const good = JSON.stringify(readFirstScreen(doc, 'r'));
    // A newer row replaces an older one: each of these is stored at a higher seq than the last.
    let seq = 1;
    const servedAfter = async (data: string) => {
      await store.append('r', { update: new Uint8Array([0, 0]), receivedAt: seq, role: 'editor', linkId: null });
      await store.putFirstScreen('r', ++seq, data);
      return storedFirstScreen(store, 'r');
    };
    expect((await servedAfter(good))?.entries.map((e) => e.summary)).toEqual(['fine']);
    for (const damaged of [
      '{not json',
      'null',
      '{}',
      '"a string"',
      good.replace('"reviewId":"r"', '"reviewId":"other"'),
      JSON.stringify({ ...JSON.parse(good), entries: 'none' }),
    ])
      expect(await servedAfter(damaged)).toBeNull();
  });
});
