// The edit history's index for the "How the review was built" tab, and the position shown in it. With the
// page's synced copy of the review at hand, the latest update is shown from that copy, and the index is read
// again after the copy changed while the latest update is shown.
import { type Dispatch, type SetStateAction, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { HistoryIndex } from '@hindsight/protocol';
import { fetchHistoryIndex } from './historyApi.ts';
import type { LiveCopy } from './historyDoc.ts';

/** Reads the history index again this long after the live copy changed, while the latest update is shown. */
const INDEX_REFRESH_MS = 1_000;
/**
 * ...or this many times as long as the last read took, if longer: the index is the whole log's metadata
 * (a 100,000-update review's takes the server a quarter of a second), so one open tab costs it a tenth at most.
 */
const INDEX_READ_SHARE = 10;

export interface HistoryIndexState {
  index: HistoryIndex | null;
  error: string | null;
  /** The position shown in `index.seq` (null before the first read). */
  i: number | null;
  setI: Dispatch<SetStateAction<number | null>>;
  /**
   * The live copy and the seq it holds (the index's latest), or null while it may be ahead of the index
   * (or there is none). A new object after each read of the index: a stop there is read again.
   */
  liveCopy: LiveCopy | null;
}

/** `live`: the page's copy of the review while it is synced with the server, else null. */
export function useHistoryIndex(reviewId: string, token: string, live: Y.Doc | null): HistoryIndexState {
  const [index, setIndex] = useState<HistoryIndex | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [i, setI] = useState<number | null>(null);
  /** The live copy changed since the index was read: it may hold more than the index's latest update. */
  const [liveAhead, setLiveAhead] = useState(false);
  /** Asks for the index again (the first read is 0). */
  const [reads, setReads] = useState(0);
  /** Failed re-reads: each one arms the re-read timer again. */
  const [failures, setFailures] = useState(0);
  // What a re-read index keeps: the update shown, or the latest when the latest was shown.
  const shown = useRef<{ index: HistoryIndex | null; i: number | null }>({ index: null, i: null });
  shown.current = { index, i };
  /** Changes the live copy received so far: an index read that started before one cannot vouch for it. */
  const liveChanges = useRef(0);
  /** How long the last index read took (ms). */
  const lastReadMs = useRef(0);

  useEffect(() => {
    let cancelled = false;
    const changesAtStart = liveChanges.current;
    const started = performance.now();
    fetchHistoryIndex(reviewId, token)
      .then((idx) => {
        if (cancelled) return;
        lastReadMs.current = performance.now() - started;
        const before = shown.current;
        setIndex(idx);
        setI(keepPosition(before.index, before.i, idx));
        // A change that came while the index was on its way may be past the index's latest update.
        setLiveAhead(liveChanges.current !== changesAtStart);
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        // A failed re-read keeps the index shown (and tries again); only a page with none says so.
        if (shown.current.index) setFailures((n) => n + 1);
        else setError(err instanceof Error ? err.message : String(err));
      });
    return () => {
      cancelled = true;
    };
  }, [reviewId, token, live, reads]);

  useEffect(() => {
    if (!live) return;
    const onUpdate = (): void => {
      liveChanges.current++;
      setLiveAhead(true);
    };
    live.on('update', onUpdate);
    return () => live.off('update', onUpdate);
  }, [live]);

  // The index (all of the log's metadata) is read again only while the latest update is shown: a moment
  // in the past does not change, and reaching the end reads it then.
  const atEnd = index !== null && i === index.seq.length - 1;
  useEffect(() => {
    if (!liveAhead || !atEnd) return;
    const wait = Math.max(INDEX_REFRESH_MS, lastReadMs.current * INDEX_READ_SHARE);
    const timer = setTimeout(() => setReads((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [liveAhead, atEnd, index, failures]);

  const liveCopy = useMemo(
    () => (live && index && !liveAhead ? { doc: live, seq: index.latestSeq } : null),
    [live, index, liveAhead],
  );
  return { index, error, i, setI, liveCopy };
}

/** The position in `next` of the update shown at `i` in `prev` (the latest when the latest was shown, or none). */
export function keepPosition(prev: HistoryIndex | null, i: number | null, next: HistoryIndex): number {
  const last = next.seq.length - 1;
  if (!prev || i === null || i >= prev.seq.length - 1) return last;
  const seq = prev.seq[i]!;
  // The seq shown, or the last one before it (a purge merges the log's start into one update).
  let at = 0;
  while (at < last && next.seq[at + 1]! <= seq) at++;
  return at;
}
