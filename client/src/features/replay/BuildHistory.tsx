// "How the review was built": a scrubber over the edit history; the review as it stood at each update, and who wrote it.
import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { formatClock, formatUtc, viewerZone } from '../../app/timeZone.ts';
import type { HistoryIndex } from '@hindsight/protocol';
import { fetchHistoryIndex } from './historyApi.ts';
import { HistorySnapshot } from './HistorySnapshot.tsx';
import { useHistoryState } from './useHistoryState.ts';

const NO_ENTRIES = new Set<string>();

/** Reads the history index again this long after the live copy changed, while the latest update is shown. */
const INDEX_REFRESH_MS = 1_000;
/**
 * ...or this many times as long as the last read took, if longer: the index is the whole log's metadata
 * (a 100,000-update review's takes the server a quarter of a second), so one open tab costs it a tenth at most.
 */
const INDEX_READ_SHARE = 10;

/**
 * `live`: the page's copy of the review while it is synced with the server (null when it is not): the
 * latest update is shown from it, and the index follows its changes.
 */
export function BuildHistory({ reviewId, token, live }: { reviewId: string; token: string; live: Y.Doc | null }) {
  const [index, setIndex] = useState<HistoryIndex | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [i, setI] = useState<number | null>(null);
  /** Bumped each time the index is read again: a stop at the latest update reads the live copy again. */
  const [liveVersion, setLiveVersion] = useState(0);
  /** The live copy changed since the index was read: it may hold more than the index's latest update. */
  const [liveAhead, setLiveAhead] = useState(false);
  /** Asks for the index again (the first read is 0). */
  const [reads, setReads] = useState(0);
  // What a re-read index keeps: the update shown, or the latest when the latest was shown.
  const shown = useRef<{ index: HistoryIndex | null; i: number | null }>({ index: null, i: null });
  shown.current = { index, i };
  /** Changes the live copy received so far: an index read that started before one cannot vouch for it. */
  const liveChanges = useRef(0);
  /** How long the last index read took (ms). */
  const lastReadMs = useRef(0);
  /** Failed re-reads: each one arms the re-read timer again. */
  const [failures, setFailures] = useState(0);
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
        setLiveVersion((v) => v + 1);
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
  // The index (all of the log's metadata) is read again only while the latest update is shown, at most
  // once a second: a moment in the past does not change, and reaching the end reads it then.
  const atEnd = index !== null && i === index.seq.length - 1;
  useEffect(() => {
    if (!liveAhead || !atEnd) return;
    const wait = Math.max(INDEX_REFRESH_MS, lastReadMs.current * INDEX_READ_SHARE);
    const timer = setTimeout(() => setReads((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [liveAhead, atEnd, index, failures]);
  const seq = index && i !== null && i >= 0 ? index.seq[i]! : null;
  const prevSeq = index && i !== null && i > 0 ? index.seq[i - 1]! : 0;
  // While the copy may be ahead of the index, the latest update is fetched like any other.
  const liveCopy = live && index && !liveAhead ? { doc: live, seq: index.latestSeq } : null;
  const state = useHistoryState(reviewId, token, seq, prevSeq, liveCopy, liveVersion);
  const author = index && i !== null && i >= 0 ? index.authors[index.author[i]!]!.label : '';
  const added = state.view?.added ?? NO_ENTRIES;
  const tally = useMemo(() => {
    const counts = new Map<string, number>();
    if (index && i !== null)
      for (let k = 0; k <= i; k++) {
        const label = index.authors[index.author[k]!]!.label;
        counts.set(label, (counts.get(label) ?? 0) + 1);
      }
    return [...counts];
  }, [index, i]);

  if (error)
    return (
      <p className="banner banner-warn view-scroll" role="alert">
        The edit history cannot be loaded: {error}.
      </p>
    );
  if (!index || i === null) return <p className="muted view-scroll">Loading the edit history…</p>;
  if (index.seq.length === 0) return <p className="muted view-scroll">No edits stored yet.</p>;
  const at = index.at[i]!;
  const zone = viewerZone();
  const step = (d: number): void => setI((cur) => Math.min(index.seq.length - 1, Math.max(0, (cur ?? 0) + d)));
  return (
    <section className="build-history view-scroll" aria-label="How the review was built">
      <div className="history-controls">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => step(-1)}
          disabled={i === 0}
          aria-label="Previous update"
        >
          ◀
        </button>
        <input
          type="range"
          className="replay-scrubber"
          min={0}
          max={index.seq.length - 1}
          value={i}
          aria-label="Edit history"
          aria-valuetext={`update ${seq} of ${index.latestSeq}, ${formatClock(at, zone, true)}, by ${author}`}
          onChange={(e) => setI(Number(e.target.value))}
          data-testid="history-scrubber"
        />
        <button
          type="button"
          className="btn btn-small"
          onClick={() => step(1)}
          disabled={i === index.seq.length - 1}
          aria-label="Next update"
        >
          ▶
        </button>
      </div>
      <p className="history-where" data-testid="history-where" data-shown-seq={state.shownSeq ?? undefined}>
        Update <strong>{seq}</strong> of {index.latestSeq}, written{' '}
        <time dateTime={new Date(at).toISOString()} title={formatUtc(at)}>
          {formatClock(at, zone, true)}
        </time>{' '}
        by <strong>{author}</strong>
        {state.loading ? <span className="muted"> · loading…</span> : null}
        {state.tookMs !== null && !state.loading ? (
          <span className="muted small"> · {Math.round(state.tookMs)} ms</span>
        ) : null}
      </p>
      <p className="small muted">
        Edits so far: {tally.map(([label, n]) => `${label} ${n}`).join(' · ')}. Participants are named by their link,
        not by name.
      </p>
      {state.error && (
        <p className="banner banner-warn" role="alert">
          This moment cannot be loaded: {state.error}.
        </p>
      )}
      {state.view && <HistorySnapshot view={state.view} added={added} author={author} />}
    </section>
  );
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
