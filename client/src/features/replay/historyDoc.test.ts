import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, defaultContext, deleteEntry, insertSummaryText, readTimeline, setTitle } from '@hindsight/doc';
import { HISTORY_ROWS, HistoryCursor, readHistoryState, type HistoryAnswer } from './historyDoc.ts';

/** A document whose every update is kept, in order: seq n is updates[n - 1]. */
function recording() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, updates, ctx: defaultContext('a') };
}

/** A review's log: one update per step (entries added, then a summary edited). */
function log(): Uint8Array[] {
  const { doc, updates, ctx } = recording();
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push(addEntry(doc, { at: 1_700_000_000_000 + i, summary: `entry ${i}` }, ctx));
  insertSummaryText(doc, ids[0]!, 0, 'edited ', ctx);
  return updates;
}

/** A server over `updates` (seq n = updates[n - 1]) with stored states at `stored` seqs. */
function server(updates: Uint8Array[], stored: number[] = []) {
  const asked: string[] = [];
  const fetchState = async (seq: number, from: number | 'nearest'): Promise<HistoryAnswer> => {
    asked.push(`${seq}:${from}`);
    if (from !== 'nearest') return { update: Y.mergeUpdates(updates.slice(from, seq)), seq };
    const base = Math.max(0, ...stored.filter((s) => s <= seq));
    return { update: Y.mergeUpdates(updates.slice(0, base)), seq: base };
  };
  return { asked, fetchState };
}

const full = (updates: Uint8Array[], seq: number) => readHistoryState(Y.mergeUpdates(updates.slice(0, seq)));

describe('HistoryCursor', () => {
  it('steps forward by applying only what changed, back by reading the moment it holds, always showing the state at the seq', async () => {
    const updates = log();
    const { asked, fetchState } = server(updates, [4]);
    const cursor = new HistoryCursor(fetchState);
    for (const seq of [2, 3, 3, 6, 1, 7, 5, 3]) {
      const { added: _added, ...view } = await cursor.moveTo(seq);
      expect(view, `at ${seq}`).toEqual(full(updates, seq));
    }
    // It holds 2 to 6, then (1 is before its start: started again) 1 to 7: back within that, only the
    // change from the nearest moment it knows is fetched (to 5 and to 3 from 1), and nothing is applied.
    expect(asked).toEqual(['2:nearest', '2:0', '3:2', '6:3', '1:nearest', '1:0', '7:1', '5:1', '3:1']);
    cursor.destroy();
  });

  it('starts again from a stored state for a moment before the one it started from', async () => {
    const updates = log();
    const { asked, fetchState } = server(updates, [4]);
    const cursor = new HistoryCursor(fetchState);
    for (const seq of [5, 6, 4, 2, 7, 3]) {
      const { added: _added, ...view } = await cursor.moveTo(seq);
      expect(view, `at ${seq}`).toEqual(full(updates, seq));
    }
    // A cursor holds the moments from the one it started at (not from the stored state under it).
    expect(asked).toEqual(['5:nearest', '5:4', '6:5', '4:nearest', '2:nearest', '2:0', '7:2', '3:2']);
    cursor.destroy();
  });

  it("marks the entries the stop's own update added, whether it stepped forward or started again", async () => {
    const updates = log();
    const cursor = new HistoryCursor(server(updates, [3]).fetchState);
    const entryIds = (seq: number) => full(updates, seq).entries.map((e) => e.id);
    expect([...(await cursor.moveTo(1, 0)).added]).toEqual(entryIds(1));
    const third = (await cursor.moveTo(3, 2)).added;
    expect([...third]).toEqual(entryIds(3).filter((id) => !entryIds(2).includes(id)));
    // Back (starts again), and an update that edits a summary adds nothing.
    expect((await cursor.moveTo(2, 1)).added.size).toBe(1);
    expect((await cursor.moveTo(7, 6)).added.size).toBe(0);
    cursor.destroy();
  });

  it('starts again from the stored state when the change cannot be fetched', async () => {
    const updates = log();
    let failDiffs = false;
    const { fetchState } = server(updates, [5]);
    const cursor = new HistoryCursor(async (seq, from) => {
      if (from !== 'nearest' && from !== 5 && failDiffs) throw new Error('offline');
      return fetchState(seq, from);
    });
    await cursor.moveTo(2);
    failDiffs = true;
    const view = await cursor.moveTo(5);
    expect(view.entries.map((e) => e.summary)).toEqual(['entry 0', 'entry 1', 'entry 2', 'entry 3', 'entry 4']);
    cursor.destroy();
  });

  it("reads a stop at the live copy's seq from the live copy, untouched, and fetches every other stop", async () => {
    const updates = log();
    const { asked, fetchState } = server(updates, [4]);
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.mergeUpdates(updates));
    const before = Y.encodeStateAsUpdate(live);
    let copy: { doc: Y.Doc; seq: number } | null = { doc: live, seq: updates.length };
    const cursor = new HistoryCursor(fetchState, () => copy);
    const latest = await cursor.moveTo(7, 6);
    expect({ ...latest, added: undefined }).toEqual({ ...full(updates, 7), added: undefined });
    // Only the stop's own update is fetched (to mark what it added: nothing, it edits a summary).
    expect(asked).toEqual(['7:6']);
    expect(latest.added.size).toBe(0);
    expect((await cursor.moveTo(6, 5)).added.size).toBe(1);
    expect(asked).toEqual(['7:6', '6:nearest', '6:4', '6:5']);
    // Back at the latest: the live copy again, and nothing in it changed.
    const again = await cursor.moveTo(7, 6);
    expect(again.entries).toEqual(full(updates, 7).entries);
    expect(asked).toEqual(['7:6', '6:nearest', '6:4', '6:5', '7:6']);
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    // Without a live copy (the page went offline) the latest is reached like any stop: forward from 6.
    copy = null;
    expect((await cursor.moveTo(7, 6)).entries).toEqual(full(updates, 7).entries);
    expect((await cursor.moveTo(3, 2)).entries).toEqual(full(updates, 3).entries);
    copy = null;
    expect((await cursor.moveTo(7, 6)).entries).toEqual(full(updates, 7).entries);
    expect(asked.slice(5)).toEqual(['3:nearest', '3:0', '3:2', '7:3', '7:6']);
    cursor.destroy();
    live.destroy();
  });

  it('marks an entry as added by the update that created it even when the cursor holds its later deletion and restoring', async () => {
    const { doc, updates, ctx } = recording();
    const id = addEntry(doc, { at: 1_700_000_000_000, summary: 'restored later' }, ctx);
    const undo = new Y.UndoManager(doc.getMap('timeline'), { trackedOrigins: new Set(['tracked']) });
    doc.transact(() => deleteEntry(doc, id, ctx), 'tracked');
    undo.undo();
    expect(updates).toHaveLength(3);
    const cursor = new HistoryCursor(server(updates).fetchState);
    await cursor.moveTo(3);
    const stop = await cursor.moveTo(1, 0);
    expect(stop.entries.map((e) => e.id)).toEqual([id]);
    expect([...stop.added]).toEqual([id]);
    expect((await cursor.moveTo(2, 1)).entries).toEqual([]);
    expect((await cursor.moveTo(3, 2)).added.size).toBe(0);
    cursor.destroy();
  });

  it('shows every moment of a long walk forward and back, however many stops it passed', async () => {
    const { doc, updates, ctx } = recording();
    for (let i = 0; i < 60; i++) {
      if (i % 3 === 0) setTitle(doc, `title ${i}`, ctx);
      else addEntry(doc, { at: 1_700_000_000_000 + i, summary: `entry ${i}` }, ctx);
    }
    const cursor = new HistoryCursor(server(updates, [20]).fetchState);
    for (let seq = 1; seq <= 60; seq++) await cursor.moveTo(seq);
    for (const seq of [59, 3, 40, 1, 33, 2]) {
      const { added: _added, ...view } = await cursor.moveTo(seq);
      expect(view, `at ${seq}`).toEqual(full(updates, seq));
    }
    cursor.destroy();
  });

  it('reads only the moments after the one it started at when the stored state holds updates past its seq', async () => {
    const updates = log();
    // A checkpoint written by several servers: labelled 5, holding every update (6 and 7 too).
    const { asked, fetchState } = server(updates);
    const cursor = new HistoryCursor(async (seq, from) =>
      from === 'nearest' && seq === 7 ? { update: Y.mergeUpdates(updates), seq: 5 } : fetchState(seq, from),
    );
    expect((await cursor.moveTo(7)).entries).toEqual(full(updates, 7).entries);
    for (const seq of [6, 5]) {
      const { added: _added, ...view } = await cursor.moveTo(seq);
      expect(view, `at ${seq}`).toEqual(full(updates, seq));
    }
    expect(asked).toEqual(['7:5', '6:nearest', '6:0', '5:nearest', '5:0']);
    cursor.destroy();
  });

  it('lists the first entries in timeline order and counts the rest, at the present and back in time', async () => {
    const { doc, updates, ctx } = recording();
    // Added latest first, so timeline order is not the order of writing.
    for (let i = HISTORY_ROWS + 20; i > 0; i--)
      addEntry(doc, { at: 1_700_000_000_000 + i * 60_000, summary: `e${i}` }, ctx);
    const cursor = new HistoryCursor(server(updates).fetchState);
    const latest = await cursor.moveTo(updates.length);
    expect(latest.total).toBe(HISTORY_ROWS + 20);
    expect(latest.entries).toEqual(readTimeline(doc).slice(0, HISTORY_ROWS));
    // Back (read from what the cursor holds): the 10 latest-in-time entries only.
    const early = await cursor.moveTo(10);
    expect(early.total).toBe(10);
    expect(early.entries.map((e) => e.summary)).toEqual(
      Array.from({ length: 10 }, (_, k) => `e${HISTORY_ROWS + 11 + k}`),
    );
    cursor.destroy();
  });
});
