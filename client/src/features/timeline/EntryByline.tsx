// Under an entry's summary: who said or did it (an imported message's sender) and
// who recorded it; for chat threads, the thread it belongs to or a toggle for its replies.
import type { EntryView } from '@hindsight/doc';
import { formatClock } from '../../app/timeZone.ts';

export interface ThreadInfo {
  /** The parent's time, for a reply shown under it. */
  parentAt: number | null;
  /** Replies under this entry. */
  replies: number;
  collapsed: boolean;
  onToggle: (entryId: string) => void;
}

export function EntryByline({ entry, zone, thread }: { entry: EntryView; zone: string; thread?: ThreadInfo }) {
  const { author, createdBy } = entry;
  return (
    <>
      {author ? (
        <div className="row-meta" data-testid="entry-author" title={createdBy ? `Recorded by ${createdBy}` : undefined}>
          <strong>{author}</strong>
          {createdBy && createdBy !== author ? <span className="muted"> · recorded by {createdBy}</span> : null}
        </div>
      ) : (
        createdBy && <div className="row-meta">by {createdBy}</div>
      )}
      {thread?.parentAt != null && (
        <div className="row-meta" data-testid="entry-thread">
          reply in the thread of {formatClock(thread.parentAt, zone)}
        </div>
      )}
      {thread && thread.replies > 0 && (
        <button
          type="button"
          className="thread-toggle"
          aria-expanded={!thread.collapsed}
          data-testid="thread-toggle"
          onClick={() => thread.onToggle(entry.id)}
        >
          {thread.collapsed ? '▸' : '▾'} {thread.replies} {thread.replies === 1 ? 'reply' : 'replies'}
          {thread.collapsed ? ' (hidden)' : ''}
        </button>
      )}
    </>
  );
}
