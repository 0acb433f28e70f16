// The review as of one seq of its edit history (and what that seq's own update added).
import { useEffect, useMemo, useState } from 'react';
import { fetchStateAt } from './historyApi.ts';
import { HistoryCursor, type HistoryStop } from './historyDoc.ts';

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

export function useHistoryState(
  reviewId: string,
  token: string,
  seq: number | null,
  prevSeq: number,
): HistoryStateResult {
  const [result, setResult] = useState<HistoryStateResult>({
    view: null,
    error: null,
    loading: false,
    tookMs: null,
    shownSeq: null,
  });
  // One document carried along: a step forward fetches and applies only what changed.
  const cursor = useMemo(
    () => new HistoryCursor((at, from) => fetchStateAt(reviewId, token, at, from)),
    [reviewId, token],
  );
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
  }, [cursor, seq, prevSeq]);
  return result;
}
