import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../storage/sqlite.ts';
import { SNAPSHOT_EVERY, changesBetween, extendSnapshots, seqAtTime, stateAt, storedStateAt } from './history.ts';
import { historyIndex } from './historyIndex.ts';

async function reviewWithLog(n: number) {
  const store = openSqliteStore({ dataDir: ':memory:' });
  const writer = new Y.Doc();
  await store.createReview({ id: 'r', title: 'R', createdAt: 0 }, [], Y.encodeStateAsUpdate(writer));
  const updates: Uint8Array[] = [];
  writer.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) writer.getArray<number>('a').push([i]);
  // Appended in one turn: one commit, seqs in this order.
  await Promise.all(
    updates.map((u, i) =>
      store.append('r', {
        update: u,
        receivedAt: 1_000 + i,
        role: i % 2 ? 'editor' : 'facilitator',
        linkId: i % 2 ? 'e' : 'f',
      }),
    ),
  );
  return { store, updates };
}

/** Appends one more update after `updates` per writer (role, link id), in order. */
async function appendMore(
  store: Awaited<ReturnType<typeof reviewWithLog>>['store'],
  updates: Uint8Array[],
  writers: [role: 'editor' | 'facilitator', linkId: string][],
): Promise<void> {
  const writer = replayed(updates, updates.length);
  const more: Uint8Array[] = [];
  writer.on('update', (u: Uint8Array) => more.push(u));
  for (const [i, [role, linkId]] of writers.entries()) {
    writer.getArray<number>('a').push([i]);
    await store.append('r', { update: more[i]!, receivedAt: 9_000 + i, role, linkId });
  }
}

/** The document made of exactly the first `count` updates. */
function replayed(updates: Uint8Array[], count: number): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates.slice(0, count)) Y.applyUpdate(doc, u);
  return doc;
}

describe('edit history', () => {
  it('builds no snapshot, and reads no log, for a target a purge merged away', async () => {
    const { store, updates } = await reviewWithLog(1_700);
    // Purged up to 1,500: the log starts there, so the snapshot at 1,000 can never be written.
    await store.purgeHistory('r', Y.encodeStateAsUpdate(replayed(updates, 1_499)), 1_500, 2);
    let logReads = 0;
    const counted = new Proxy(store, {
      get: (target, key) =>
        key === 'readLog'
          ? (...args: Parameters<typeof store.readLog>) => {
              logReads++;
              return target.readLog(...args);
            }
          : Reflect.get(target, key),
    });
    await extendSnapshots(counted, 'r', 1_701);
    expect({ logReads, snapshot: await store.snapshotAtOrBefore('r', 1_701) }).toEqual({ logReads: 0, snapshot: null });
    await store.close();
  });

  it('rebuilds the state at any seq exactly as applying the updates up to it', async () => {
    const { store, updates } = await reviewWithLog(2_500);
    for (const seq of [1, 2, 999, 1_001, 1_002, 2_001, 2_501]) {
      const { state, seq: got } = await stateAt(store, 'r', seq);
      expect(got).toBe(seq);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      // seq 1 is the review's first (empty) update; seq k + 1 holds updates[k - 1].
      expect(doc.getArray('a').toJSON()).toEqual(
        replayed(updates, seq - 1)
          .getArray('a')
          .toJSON(),
      );
    }
    // A seek far from any snapshot writes the missing ones in the background, so the next starts near its target.
    await extendSnapshots(store, 'r', 2_501);
    expect((await store.snapshotAtOrBefore('r', 2_400))?.seq).toBe(2 * SNAPSHOT_EVERY);
    await store.close();
  }, 60_000);

  it('a seek far from every snapshot waits for the builder and starts from its snapshot', async () => {
    const { store, updates } = await reviewWithLog(2_500);
    // Two seeks at once, far apart: the second continues after the first's builder, and both are exact.
    const [near, far] = await Promise.all([stateAt(store, 'r', 1_500), stateAt(store, 'r', 2_400)]);
    // The positive signal: by the time the seek answered, the snapshot it started from was stored (it did
    // not merge 2,400 encoded updates in one call, which holds the event loop for seconds on big reviews).
    expect((await store.snapshotAtOrBefore('r', 2_400))?.seq).toBe(2 * SNAPSHOT_EVERY);
    for (const [{ state, seq }, want] of [
      [near, 1_500],
      [far, 2_400],
    ] as const) {
      expect(seq).toBe(want);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      expect(doc.getArray('a').toJSON()).toEqual(
        replayed(updates, want - 1)
          .getArray('a')
          .toJSON(),
      );
    }
    await store.close();
  }, 60_000);

  it('serves the state at a seq from snapshots, the checkpoint and the log: the same document replay builds', async () => {
    const store = openSqliteStore({ dataDir: ':memory:' });
    const writer = new Y.Doc();
    await store.createReview({ id: 'r', title: 'R', createdAt: 0 }, [], Y.encodeStateAsUpdate(writer));
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    // Text edits, map sets, deletes: what merging encoded updates must get right.
    const text = writer.getText('t');
    for (let i = 0; i < 2_300; i++) {
      if (i % 5 === 4) text.delete(Math.floor(text.length / 2), 1);
      else text.insert((i * 7) % (text.length + 1), String.fromCharCode(97 + (i % 26)));
      if (i % 3 === 0) writer.getMap('m').set(`k${i % 40}`, i);
    }
    await Promise.all(updates.map((u) => store.append('r', { update: u, receivedAt: 1, role: 'editor', linkId: 'e' })));
    // A checkpoint of everything: the latest state starts from it.
    await store.compact('r', Y.encodeStateAsUpdate(writer), updates.length + 1);
    await extendSnapshots(store, 'r', 1_000);
    const rebuilt = (seq: number) => {
      const doc = replayed(updates, seq - 1);
      return { t: doc.getText('t').toString(), m: doc.getMap('m').toJSON() };
    };
    for (const seq of [1, 500, 1_000, 1_001, 1_777, 2_000, 2_150, updates.length + 1]) {
      const { state, seq: got } = await stateAt(store, 'r', seq);
      expect(got).toBe(seq);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      expect({ t: doc.getText('t').toString(), m: doc.getMap('m').toJSON() }).toEqual(rebuilt(seq));
      // The page's way: the stored state as is (a snapshot, the checkpoint, or nothing), then only what changed after it.
      const base = await storedStateAt(store, 'r', seq);
      expect(base.seq).toBeLessThanOrEqual(seq);
      const paged = new Y.Doc();
      Y.applyUpdate(paged, base.state);
      Y.applyUpdate(paged, (await changesBetween(store, 'r', base.seq, seq)).state);
      expect({ t: paged.getText('t').toString(), m: paged.getMap('m').toJSON() }).toEqual(rebuilt(seq));
    }
    expect((await storedStateAt(store, 'r', 1_777)).seq).toBe(1_000);
    expect((await storedStateAt(store, 'r', updates.length + 1)).seq).toBe(updates.length + 1);
    // The seeks above started the builder in the background: it finishes before the store closes.
    await extendSnapshots(store, 'r', updates.length + 1);
    await store.close();
  }, 60_000);

  it('extends snapshots after a checkpoint, once', async () => {
    const { store } = await reviewWithLog(1_200);
    await Promise.all([extendSnapshots(store, 'r', 1_201), extendSnapshots(store, 'r', 1_201)]);
    expect((await store.snapshotAtOrBefore('r', 1_201))?.seq).toBe(SNAPSHOT_EVERY);
    await store.close();
  });

  it('indexes who wrote when, pseudonymously, and maps a time to a seq', async () => {
    const { store } = await reviewWithLog(4);
    const index = await historyIndex(store, 'r');
    expect(index.seq).toEqual([1, 2, 3, 4, 5]);
    expect(index.authors.map((a) => a.label)).toEqual(['Server', 'Facilitator', 'Responder']);
    expect(index.author).toEqual([0, 1, 2, 1, 2]);
    expect(await seqAtTime(store, 'r', 1_001)).toBe(3);
    expect(await seqAtTime(store, 'r', -1)).toBe(0);
    await store.close();
  });

  it('continues a kept index with the rows after it, as a whole read would give it', async () => {
    const { store, updates } = await reviewWithLog(2_500);
    const first = await historyIndex(store, 'r');
    // Later writers: the editor link again, a second editor link, a third role's link.
    await appendMore(store, updates, [
      ['editor', 'e'],
      ['editor', 'e2'],
      ['facilitator', 'f2'],
    ]);
    const asked: number[] = [];
    const readLogMeta = store.readLogMeta.bind(store);
    store.readLogMeta = (reviewId, after, limit) => {
      asked.push(after);
      return readLogMeta(reviewId, after, limit);
    };
    const next = await historyIndex(store, 'r');
    // Only what came after the kept index, then the first row, to see the log still starts there.
    expect(asked).toEqual([first.latestSeq, 0]);
    expect(next.seq).toEqual([...first.seq, first.latestSeq + 1, first.latestSeq + 2, first.latestSeq + 3]);
    expect(next.authors.map((a) => a.label)).toEqual([
      'Server',
      'Facilitator',
      'Responder',
      'Responder link 2',
      'Facilitator link 2',
    ]);
    expect(next.author.slice(-3)).toEqual([2, 3, 4]);
    // The index handed out earlier is the caller's: it did not grow.
    expect(first.seq).toHaveLength(2_501);
    // Two stores on one log, one of them without a kept index, agree.
    const fresh = await historyIndex({ readLogMeta } as unknown as Parameters<typeof historyIndex>[0], 'r');
    expect(next).toEqual(fresh);
    await store.close();
  });

  it('reads the index whole again after a purge replaced the start of the log', async () => {
    const { store, updates } = await reviewWithLog(1_700);
    expect((await historyIndex(store, 'r')).seq[0]).toBe(1);
    await store.purgeHistory('r', Y.encodeStateAsUpdate(replayed(updates, 1_499)), 1_500, 2);
    const after = await historyIndex(store, 'r');
    expect(after.seq[0]).toBe(1_500);
    expect(after.seq).toHaveLength(1_701 - 1_500 + 1);
    expect(after.authors[after.author[0]!]!.role).toBe('system');
    await store.close();
  });

  it('reads the index whole again when a purge lands while it is being continued', async () => {
    const { store, updates } = await reviewWithLog(1_700);
    const kept = await historyIndex(store, 'r');
    await appendMore(store, updates, [['editor', 'e2']]);
    // Another server purges up to 1,500 just before this one reads the rows after its kept index.
    const readLogMeta = store.readLogMeta.bind(store);
    let purged = false;
    store.readLogMeta = async (reviewId, after, limit) => {
      if (after === kept.latestSeq && !purged) {
        purged = true;
        await store.purgeHistory('r', Y.encodeStateAsUpdate(replayed(updates, 1_499)), 1_500, 2);
      }
      return readLogMeta(reviewId, after, limit);
    };
    const index = await historyIndex(store, 'r');
    expect(purged).toBe(true);
    const whole = await historyIndex({ readLogMeta } as unknown as Parameters<typeof historyIndex>[0], 'r');
    expect(index).toEqual(whole);
    expect(index.seq[0]).toBe(1_500);
    await store.close();
  });

  it('continues one index once when reads of it come together', async () => {
    const { store } = await reviewWithLog(300);
    await historyIndex(store, 'r');
    const writer = new Y.Doc();
    const more: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => more.push(u));
    writer.getArray<number>('b').push([1]);
    await store.append('r', { update: more[0]!, receivedAt: 5_000, role: 'editor', linkId: 'e' });
    const reads = await Promise.all([historyIndex(store, 'r'), historyIndex(store, 'r'), historyIndex(store, 'r')]);
    for (const index of reads) expect(index.seq).toEqual(Array.from({ length: 302 }, (_, i) => i + 1));
    await store.close();
  });
});
