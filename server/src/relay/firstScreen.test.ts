import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, defaultContext, setEntrySummary } from '@hindsight/doc';
import {
  FIRST_SCREEN_NOTES_CHARS,
  FIRST_SCREEN_SUMMARY_CHARS,
  KeptFirstScreens,
  LiveFirstScreen,
  readFirstScreen,
} from './firstScreen.ts';

const screen = (reviewId: string) => ({
  reviewId,
  title: reviewId,
  entries: [],
  total: 0,
  markers: { started: null, detected: null, acknowledged: null, mitigated: null, resolved: null },
});
const nothingAfter = async () => false;

describe('first screens', () => {
  it('keeps the most recently used up to its bound, and drops one once the store has something after it', async () => {
    const kept = new KeptFirstScreens(2);
    kept.keep('a', 1, screen('a'));
    kept.keep('b', 1, screen('b'));
    // Reading a makes b the least recently used: c evicts b.
    expect(await kept.current('a', nothingAfter)).toEqual(screen('a'));
    kept.keep('c', 1, screen('c'));
    expect(kept.size).toBe(2);
    expect(await kept.current('b', nothingAfter)).toBeNull();
    const asked: number[] = [];
    expect(
      await kept.current('c', async (seq) => {
        asked.push(seq);
        return true;
      }),
    ).toBeNull();
    expect(asked).toEqual([1]);
    // Dropped, not asked about again.
    expect(await kept.current('c', nothingAfter)).toBeNull();
    expect(kept.size).toBe(1);
  });

  it('keeps at most its bytes too: a bigger screen evicts the oldest, one over the bound alone is not kept', async () => {
    const sized = (id: string, chars: number) => ({ ...screen(id), title: 'x'.repeat(chars) });
    const bytes = JSON.stringify(sized('a', 1_000)).length;
    const kept = new KeptFirstScreens(10, bytes * 2);
    kept.keep('a', 1, sized('a', 1_000));
    kept.keep('b', 1, sized('b', 1_000));
    kept.keep('c', 1, sized('c', 1_000));
    expect(kept.size).toBe(2);
    expect(await kept.current('a', nothingAfter)).toBeNull();
    kept.keep('huge', 1, sized('huge', bytes * 3));
    expect(await kept.current('huge', nothingAfter)).toBeNull();
    expect(kept.size).toBe(2);
  });

  it('a live first screen is read again only after the document changed', () => {
    const doc = new Y.Doc();
    const ctx = defaultContext('t');
    const id = addEntry(doc, { at: 1_000, summary: 'one' }, ctx);
    const live = new LiveFirstScreen(doc, 'r');
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
});
