// "How the review was built": a scrubber over the edit history; the review as it stood at each update, and who wrote it.
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { formatClock, formatUtc, viewerZone } from '../../app/timeZone.ts';
import { HistorySnapshot } from './HistorySnapshot.tsx';
import { useHistoryIndex } from './useHistoryIndex.ts';
import { useHistoryState } from './useHistoryState.ts';

const NO_ENTRIES = new Set<string>();

/**
 * `live`: the page's copy of the review while it is synced with the server (null when it is not): the
 * latest update is shown from it, and the index follows its changes.
 */
export function BuildHistory({ reviewId, token, live }: { reviewId: string; token: string; live: Y.Doc | null }) {
  const { index, error, i, setI, liveCopy } = useHistoryIndex(reviewId, token, live);
  const seq = index && i !== null && i >= 0 ? index.seq[i]! : null;
  const prevSeq = index && i !== null && i > 0 ? index.seq[i - 1]! : 0;
  const state = useHistoryState(reviewId, token, seq, prevSeq, liveCopy);
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
