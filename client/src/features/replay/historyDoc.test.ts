import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, defaultContext, insertSummaryText } from '@hindsight/doc';
import { HistoryCursor, readHistoryState } from './historyDoc.ts';

/** A review's log: one update per step (entries added, then a summary edited). */
function log(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const ctx = defaultContext('a');
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push(addEntry(doc, { at: 1_700_000_000_000 + i, summary: `entry ${i}` }, ctx));
  insertSummaryText(doc, ids[0]!, 0, 'edited ', ctx);
  return updates;
}

describe('HistoryCursor', () => {
  it('steps forward by applying only what changed, back by starting again, always showing the state at the seq', async () => {
    const updates = log();
    const asked: [number, number | null][] = [];
    const fetchState = async (seq: number, since: number | null): Promise<Uint8Array> => {
      asked.push([seq, since]);
      return Y.mergeUpdates(updates.slice(since ?? 0, seq));
    };
    const cursor = new HistoryCursor(fetchState);
    const full = (seq: number) => readHistoryState(Y.mergeUpdates(updates.slice(0, seq)));
    for (const seq of [2, 3, 3, 6, 1, 7]) {
      expect(await cursor.moveTo(seq)).toEqual(full(seq));
    }
    expect(asked).toEqual([
      [2, null],
      [3, 2],
      [6, 3],
      [1, null],
      [7, 1],
    ]);
    cursor.destroy();
  });

  it('starts again from the full state when the change cannot be fetched', async () => {
    const updates = log();
    let failDiffs = false;
    const cursor = new HistoryCursor(async (seq, since) => {
      if (since !== null && failDiffs) throw new Error('offline');
      return Y.mergeUpdates(updates.slice(since ?? 0, seq));
    });
    await cursor.moveTo(2);
    failDiffs = true;
    const view = await cursor.moveTo(5);
    expect(view.entries.map((e) => e.summary)).toEqual(['entry 0', 'entry 1', 'entry 2', 'entry 3', 'entry 4']);
    cursor.destroy();
  });
});
