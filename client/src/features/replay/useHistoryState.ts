// The review as of one seq of its edit history (and what that seq's own update added).
import { useEffect, useMemo, useRef, useState } from 'react';
import { fetchStateAt } from './historyApi.ts';
import { HistoryCursor, type HistoryStop, type LiveCopy } from './historyDoc.ts';

export interface HistoryStateResult {
  /** The review at the stop, with the entries the stop's own update added. */
  view: HistoryStop | null;
  error: string | null;
  loading: boolean;
  /** How long the last seek took (fetch or cache, plus applying), ms. */
  tookMs: number | null;
  /** The seq `view` shows (null before the first load): lags `seq` while a seek is pending. */
  shownSeq: number | null;
}

/**
 * `live`: the page's synced copy of the review and the history seq it holds (the latest), when it has
 * one: a stop there reads it, and is read again when `live` is a new object.
 */
export function useHistoryState(
  reviewId: string,
  token: string,
  seq: number | null,
  prevSeq: number,
  live: LiveCopy | null = null,
): HistoryStateResult {
  const [result, setResult] = useState<HistoryStateResult>({
    view: null,
    error: null,
    loading: false,
    tookMs: null,
    shownSeq: null,
  });
  // One document carried along: a step forward fetches and applies only what changed.
  const liveRef = useRef(live);
  liveRef.current = live;
  const cursor = useMemo(
    () =>
      new HistoryCursor(
        (at, from) => fetchStateAt(reviewId, token, at, from),
        () => liveRef.current,
      ),
    [reviewId, token],
  );
  // A stop at the live copy's seq is read again when the copy is given anew (the index was read again).
  const atLive = live !== null && live.seq === seq ? live : null;
  useEffect(() => () => cursor.destroy(), [cursor]);
  useEffect(() => {
    if (seq === null) return;
    let cancelled = false;
    setResult((r) => ({ ...r, loading: true }));
    // A short debounce: dragging the scrubber asks only for where it stops.
    const timer = setTimeout(() => {
      const started = performance.now();
      // One move (forward: only the difference); the stop's own update (after prevSeq) tells what it added.
      cursor
        .moveTo(seq, prevSeq)
        .then((now) => {
          if (cancelled) return;
          setResult({
            view: now,
            error: null,
            loading: false,
            tookMs: performance.now() - started,
            shownSeq: seq,
          });
        })
        .catch((err: unknown) => {
          if (!cancelled)
            setResult((r) => ({ ...r, loading: false, error: err instanceof Error ? err.message : String(err) }));
        });
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [cursor, seq, prevSeq, atLive]);
  return result;
}
