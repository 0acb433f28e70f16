// The review as of one seq of its edit history (and the seq before, to tell what that update added).
import { useEffect, useMemo, useState } from 'react';
import { fetchStateAt } from './historyApi.ts';
import { HistoryCursor, type HistoryView } from './historyDoc.ts';

export interface HistoryStateResult {
  view: HistoryView | null;
  before: HistoryView | null;
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
    before: null,
    error: null,
    loading: false,
    tookMs: null,
    shownSeq: null,
  });
  // One document carried along: a step forward fetches and applies only what changed.
  const cursor = useMemo(
    () => new HistoryCursor((at, since) => fetchStateAt(reviewId, token, at, since)),
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
      // The seq before first, then this one: both steps forward from wherever the cursor is.
      const before = prevSeq > 0 && prevSeq < seq ? cursor.moveTo(prevSeq) : Promise.resolve(null);
      Promise.all([before, cursor.moveTo(seq)])
        .then(([prev, now]) => {
          if (cancelled) return;
          setResult({
            view: now,
            before: prev,
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
