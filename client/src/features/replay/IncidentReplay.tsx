// Incident replay: the timeline unfolding over incident time, with controls, "as known at T" and delays.
// Over the live document (IncidentReplay) or over plain data (IncidentReplayView: the published review).
import { useCallback, useMemo, type KeyboardEvent } from 'react';
import {
  readDelayThresholds,
  readMeta,
  readTimeline,
  roots,
  type DelayThresholds,
  type EntryView,
  type IncidentMarker,
} from '@hindsight/doc';
import type * as Y from 'yjs';
import { useYRead } from '../../sync/useY.ts';
import { delaysAt } from './delaysAt.ts';
import { KnownAtT } from './KnownAtT.tsx';
import { ReplayControls } from './ReplayControls.tsx';
import { ReplayEntries } from './ReplayEntries.tsx';
import { parseAt } from './replayUrl.ts';
import { useReplayClock } from './useReplayClock.ts';

export function IncidentReplay({ doc }: { doc: Y.Doc }) {
  const entries = useYRead(
    roots(doc).timeline,
    useCallback(() => readTimeline(doc), [doc]),
  );
  const meta = useYRead(
    roots(doc).meta,
    useCallback(() => readMeta(doc), [doc]),
  );
  // Re-read with meta: the thresholds live there.
  const thresholds = useMemo(() => readDelayThresholds(doc), [doc, meta]);
  return <IncidentReplayView entries={entries} markers={meta.markers} thresholds={thresholds} />;
}

export interface IncidentReplayViewProps {
  /** Sorted by time. */
  entries: readonly EntryView[];
  markers: Record<IncidentMarker, number | null>;
  thresholds: DelayThresholds;
}

export function IncidentReplayView({ entries, markers, thresholds }: IncidentReplayViewProps) {
  const start = entries[0]?.at ?? markers.started ?? 0;
  const end = entries[entries.length - 1]?.at ?? start;
  const api = useReplayClock(
    start,
    end,
    useMemo(() => parseAt(location.search), []),
  );
  const { position } = api;
  const origin = markers.started ?? start;
  const known = useMemo(() => {
    let n = 0;
    while (n < entries.length && entries[n]!.at <= position) n++;
    return entries.slice(0, n);
  }, [entries, position]);
  const delays = useMemo(
    () => delaysAt(entries, markers, thresholds, position),
    [entries, markers, thresholds, position],
  );
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const delayed = useMemo(
    () => new Set(delays.flatMap((d) => [d.fromEntryId, d.toEntryId]).filter((x): x is string => !!x)),
    [delays],
  );
  const onKey = (event: KeyboardEvent): void => {
    const tag = (event.target as HTMLElement).tagName;
    if (event.key === ' ' && tag !== 'BUTTON' && tag !== 'INPUT') {
      event.preventDefault();
      api.toggle();
    }
  };
  if (entries.length === 0)
    return <p className="view-scroll muted">The timeline has no entries yet: nothing to replay.</p>;
  return (
    <section className="incident-replay" aria-label="Incident replay" onKeyDown={onKey}>
      <ReplayControls api={api} origin={origin} markers={markers} />
      <div className="replay-body">
        <ReplayEntries known={known} upcoming={entries.length - known.length} origin={origin} delayed={delayed} />
        <KnownAtT
          position={position}
          markers={markers}
          known={known.length}
          total={entries.length}
          delays={delays}
          byId={byId}
        />
      </div>
    </section>
  );
}
