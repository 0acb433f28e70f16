// The timeline's first screen (firstScreen.ts) while the document loads: the same rows, read-only and drawn
// from the server's plain snapshot, with a note that the rest is coming. Nothing here can be edited; the live
// rows replace these as soon as the document is in.
import { useMemo } from 'react';
import { formatDuration, isEntryKind, type EntryView, type IncidentMarker } from '@hindsight/doc';
import type { FirstScreen } from '@hindsight/api';
import { formatClock } from '../../app/timeZone.ts';
import { buildRows } from './buildRows.ts';
import { EntryByline } from './EntryByline.tsx';
import { KindPill } from './KindCell.tsx';
import { MarkerBadges } from '../facts/MarkerMenu.tsx';
import { markersByTime } from '../facts/markerLabels.ts';

const NO_MARKERS: readonly IncidentMarker[] = [];
const MIN_ROW_PX = 40;

/** `entries`: the first screen's entries that pass the timeline's filters. */
export function FirstScreenRows({
  screen,
  entries,
  zone,
}: {
  screen: FirstScreen;
  entries: readonly EntryView[];
  zone: string;
}) {
  // Only what fits the window (rows are 40 px at the least): every row drawn here delays the live ones.
  const rows = useMemo(
    () => buildRows(entries.slice(0, Math.ceil(window.innerHeight / MIN_ROW_PX)), zone),
    [entries, zone],
  );
  const markersAt = useMemo(() => markersByTime(screen.markers), [screen]);
  return (
    <div className="tl-first-screen" aria-busy="true" data-testid="first-screen">
      <p className="tl-first-screen-note" role="status">
        Loading the live timeline of {screen.total} entries: these first rows are read-only until it is in.
      </p>
      {rows.map((row) => {
        if (row.type === 'day')
          return (
            <h2 key={row.key} className="tl-day" role="rowheader">
              {row.label}
            </h2>
          );
        if (row.type === 'gap')
          return (
            <div key={row.key} className="tl-gap">
              ⋯ {formatDuration(row.ms)} with nothing recorded
            </div>
          );
        return (
          <FirstScreenRow
            key={row.key}
            entry={row.entry}
            zone={zone}
            reply={row.parent !== null}
            markers={markersAt.get(row.entry.at) ?? NO_MARKERS}
          />
        );
      })}
    </div>
  );
}

function FirstScreenRow({
  entry,
  zone,
  reply,
  markers,
}: {
  entry: EntryView;
  zone: string;
  reply: boolean;
  markers: readonly IncidentMarker[];
}) {
  const clock = formatClock(entry.at, zone, entry.precision === 'exact');
  return (
    <div
      className={`tl-row tl-grid${reply ? ' tl-reply' : ''}`}
      data-first-screen-entry={entry.id}
      role="row"
      aria-label={`Entry at ${clock}`}
    >
      <div role="cell">
        {entry.starred && (
          <span className="star" aria-label="starred" aria-pressed="true">
            ★
          </span>
        )}
      </div>
      <div role="cell">
        <time className="tl-static mono" dateTime={new Date(entry.at).toISOString()}>
          {entry.precision === 'approximate' ? '≈' : ''}
          {clock}
        </time>
      </div>
      <div role="cell">
        {isEntryKind(entry.kind) ? (
          <span className="tl-static muted">{entry.kind}</span>
        ) : (
          <KindPill kind={entry.kind} />
        )}
        <MarkerBadges markers={markers} />
      </div>
      <div role="cell">
        <span className="tl-static">{entry.summary || <span className="muted">—</span>}</span>
        <EntryByline entry={entry} zone={zone} />
      </div>
      <div role="cell">
        <div className={`tl-notes-preview${entry.notes ? '' : ' empty'}`}>{entry.notes}</div>
      </div>
      <div role="cell">
        <div className="tl-tags">
          {entry.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </div>
      </div>
      <div role="cell" />
    </div>
  );
}
