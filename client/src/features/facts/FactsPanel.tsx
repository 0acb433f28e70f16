// The incident's facts, correctable after creation: title, severity, the review's
// reference zone and the detected/acknowledged/mitigated/resolved markers. Anyone
// who may write the document edits them (the relay keeps status facilitator-only).
import { useCallback, useMemo, useState } from 'react';
import {
  INCIDENT_MARKERS,
  readMeta,
  roots,
  setIncidentTime,
  setSeverity,
  setTimeZone,
  setTitle,
  type IncidentMarker,
} from '@hindsight/doc';
import { formatTyped, formatUtc, knownZones, viewerZone } from '../../app/timeZone.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';
import { CommitInput } from '../../ui/CommitInput.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { IncidentDurations } from '../collection/IncidentDurations.tsx';
import { readTypedTime } from '../timeline/readTime.ts';
import { MARKER_LABELS } from './markerLabels.ts';
import './facts.css';

/** Runs a doc operation; its validation error becomes the field's message. */
function attempt(run: () => void): string | void {
  try {
    run();
  } catch (err) {
    return (err as Error).message;
  }
}

export function FactsButton() {
  const { canWrite } = useReview();
  const [open, setOpen] = useState(false);
  if (!canWrite) return null;
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)} data-testid="open-facts">
        Facts
      </button>
      <Dialog open={open} title="Incident facts" onClose={() => setOpen(false)}>
        {open && <FactsBody onClose={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

function FactsBody({ onClose }: { onClose: () => void }) {
  const { sync, ctx } = useReview();
  const zone = useMemo(viewerZone, []);
  const zones = useMemo(knownZones, []);
  const meta = useYRead(
    roots(sync.doc).meta,
    useCallback(() => readMeta(sync.doc), [sync.doc]),
  );
  const setMarker = (marker: IncidentMarker, text: string): string | void => {
    if (!text.trim()) return attempt(() => setIncidentTime(sync.doc, { marker, at: null }, ctx));
    const reading = readTypedTime(sync.doc, text, { zone, previousAt: meta.markers.started, now: Date.now() });
    if (!reading) return `“${text}” is not a time I can read: try 21:58 or 2026-11-28 21:58`;
    return attempt(() => setIncidentTime(sync.doc, { marker, at: reading.at }, ctx));
  };
  return (
    <div className="facts" data-testid="facts-panel">
      <div className="facts-grid">
        <label className="field facts-wide">
          <span>Title</span>
          <CommitInput
            className="input"
            value={meta.title}
            onCommit={(v) => attempt(() => setTitle(sync.doc, v, ctx))}
          />
        </label>
        <label className="field">
          <span>Severity</span>
          <CommitInput
            className="input"
            value={meta.severity ?? ''}
            placeholder="e.g. SEV2"
            onCommit={(v) => attempt(() => setSeverity(sync.doc, v.trim() ? v : null, ctx))}
          />
        </label>
        <label className="field">
          <span>Reference time zone</span>
          <CommitInput
            className="input"
            list="facts-zones"
            value={meta.timeZone}
            onCommit={(v) => attempt(() => setTimeZone(sync.doc, v.trim(), ctx))}
          />
          <datalist id="facts-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
      </div>
      <fieldset className="facts-markers">
        <legend>When (your zone, {zone}; a bare time lands nearest the incident; empty clears it)</legend>
        {INCIDENT_MARKERS.map((m) => {
          const at = meta.markers[m];
          return (
            <label key={m} className="field">
              <span>{MARKER_LABELS[m]}</span>
              <CommitInput
                className="input mono"
                value={at === null ? '' : formatTyped(at, zone)}
                placeholder="not known"
                title={at === null ? undefined : formatUtc(at)}
                data-testid={`fact-${m}`}
                onCommit={(v) => setMarker(m, v)}
              />
            </label>
          );
        })}
      </fieldset>
      <IncidentDurations meta={meta} />
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
