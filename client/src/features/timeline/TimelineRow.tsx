// One timeline entry: star | time | kind | what happened | notes | tags | delete, with who is editing it.
import { useUndo } from '../undo/UndoLayer.tsx';
import { memo } from 'react';
import { deleteEntry, setEntryStarred, type EntryView, type IncidentMarker } from '@hindsight/doc';
import { formatClock } from '../../app/timeZone.ts';
import { editingFocus, type Person } from '../../sync/presence.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { KindCell } from './KindCell.tsx';
import { NotesCell } from './NotesCell.tsx';
import { SummaryCell } from './SummaryCell.tsx';
import { TagsCell } from './TagsCell.tsx';
import { TimeCell } from './TimeCell.tsx';
import { DelayFlags } from '../delays/DelayFlags.tsx';
import { SourceNote } from '../import/SourceNote.tsx';
import { TrashIcon } from '../../ui/icons.tsx';
import { RowActions } from '../facilitation/RowActions.tsx';
import { MarkerBadges, MarkerMenu } from '../facts/MarkerMenu.tsx';
import { EntryByline, type ThreadInfo } from './EntryByline.tsx';

const NO_MARKERS: readonly IncidentMarker[] = [];

export interface TimelineRowProps {
  entry: EntryView;
  zone: string;
  editors: Person[] | undefined;
  highlighted: boolean;
  onAddAfter: (entry: EntryView) => void;
  /** Incident markers set at exactly this entry's time. */
  markers?: readonly IncidentMarker[];
  /** Chat threads: this entry's place in one. */
  thread?: ThreadInfo;
}

export const TimelineRow = memo(function TimelineRow({
  entry,
  zone,
  editors,
  highlighted,
  onAddAfter,
  markers = NO_MARKERS,
  thread,
}: TimelineRowProps) {
  const { sync, ctx, canWrite } = useReview();
  const undo = useUndo();
  const awareness = sync.provider.awareness;
  const clock = formatClock(entry.at, zone);
  const first = editors?.[0];
  const { onFocus, onBlur } = editingFocus(awareness, { kind: 'entry', id: entry.id });
  return (
    <div
      className={`tl-row tl-grid${first ? ' tl-row-edited' : ''}${highlighted ? ' is-target' : ''}${thread?.parentAt != null ? ' tl-reply' : ''}`}
      style={first ? ({ '--editor-color': first.color } as React.CSSProperties) : undefined}
      data-entry-id={entry.id}
      role="row"
      aria-label={`Entry at ${clock}`}
      onFocus={canWrite ? onFocus : undefined}
      onBlur={canWrite ? onBlur : undefined}
    >
      <div role="cell">
        {canWrite ? (
          <button
            type="button"
            className="star"
            aria-pressed={entry.starred}
            aria-label={entry.starred ? `Unstar the ${clock} entry` : `Star the ${clock} entry for the report`}
            onClick={() => setEntryStarred(sync.doc, { id: entry.id, starred: !entry.starred }, ctx)}
          >
            ★
          </button>
        ) : (
          entry.starred && (
            <span className="star" aria-label="starred" aria-pressed="true">
              ★
            </span>
          )
        )}
      </div>
      <div role="cell">
        <TimeCell entry={entry} zone={zone} />
        {editors?.map((p) => (
          <span key={p.clientId} className="editing-by" style={{ color: p.color }} data-testid="row-editor">
            ✎ {p.name}
          </span>
        ))}
      </div>
      <div role="cell">
        <KindCell entryId={entry.id} kind={entry.kind} />
        <MarkerBadges markers={markers} />
        <MarkerMenu at={entry.at} label={`the ${clock} entry`} current={markers} />
      </div>
      <div role="cell">
        <SummaryCell entryId={entry.id} label={`What happened at ${clock}`} onEnter={() => onAddAfter(entry)} />
        <EntryByline entry={entry} zone={zone} thread={thread} />
        {entry.problems.length > 0 && (
          <p className="row-problem" data-testid="row-problem">
            Part of this entry could not be read: {entry.problems.join('; ')}.
          </p>
        )}
        <SourceNote source={entry.source} />
        <DelayFlags entryId={entry.id} />
        <RowActions target={{ kind: 'entry', id: entry.id }} label={`the ${clock} entry`} />
      </div>
      <div role="cell">
        <NotesCell entryId={entry.id} othersEditing={!!first} />
      </div>
      <div role="cell">
        <TagsCell entryId={entry.id} tags={entry.tags} />
      </div>
      <div role="cell">
        {canWrite && (
          <button
            type="button"
            className="btn-icon"
            aria-label={`Delete the ${clock} entry`}
            title="Delete entry"
            onClick={() => undo.deleted('Entry deleted', () => deleteEntry(sync.doc, entry.id, ctx))}
          >
            <TrashIcon />
          </button>
        )}
      </div>
    </div>
  );
});
