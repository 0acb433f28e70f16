// The entries known by the replay's moment, newest last; delays and markers stand out; what is still to come is counted.
import { useEffect, useRef } from 'react';
import { isEntryKind, type EntryView } from '@hindsight/doc';
import { formatSinceStart } from './replayClock.ts';
import { LocalTime } from '../../ui/LocalTime.tsx';
import { KindPill } from '../timeline/KindCell.tsx';

/** At most this many entries are drawn; older ones are summarised (a 5,000-entry review stays fluid). */
const SHOWN = 150;

export interface ReplayEntriesProps {
  known: EntryView[];
  upcoming: number;
  origin: number;
  /** Entry ids where a delay starts (the unanswered alert) or ends. */
  delayed: ReadonlySet<string>;
}

export function ReplayEntries({ known, upcoming, origin, delayed }: ReplayEntriesProps) {
  const end = useRef<HTMLLIElement>(null);
  const lastId = known[known.length - 1]?.id;
  // Braces: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [lastId]);
  const shown = known.slice(-SHOWN);
  return (
    <ol className="replay-entries" aria-label="Entries so far" data-testid="replay-entries">
      {known.length > shown.length && <li className="muted small">… {known.length - shown.length} earlier entries</li>}
      {known.length === 0 && <li className="muted">Nothing had happened yet.</li>}
      {shown.map((e) => (
        <li
          key={e.id}
          className={`replay-entry${isEntryKind(e.kind) ? ` kind-${e.kind}` : ''}${delayed.has(e.id) ? ' is-delay' : ''}`}
          data-testid="replay-entry"
        >
          <span className="replay-entry-time">
            <LocalTime ms={e.at} />
            <span className="muted small">{formatSinceStart(e.at - origin)}</span>
          </span>
          <KindPill kind={e.kind} />
          <span className="replay-entry-text">{e.summary || <span className="muted">—</span>}</span>
        </li>
      ))}
      {upcoming > 0 && (
        <li className="muted small" ref={end}>
          {upcoming} more {upcoming === 1 ? 'entry' : 'entries'} to come
        </li>
      )}
      {upcoming === 0 && <li ref={end} className="sr-end" aria-hidden="true" />}
    </ol>
  );
}
