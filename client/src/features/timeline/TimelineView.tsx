// The timeline: filters, the add-entry bar and a virtualised list of day headers, gaps and entries.
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { addEntry, formatDuration, isEntryKind, readMeta, roots, type EntryView } from '@hindsight/doc';
import { useYRead } from '../../sync/useY.ts';
import { useConnection } from '../../sync/useConnection.ts';
import { viewerZone } from '../../app/timeZone.ts';
import { editorsById, usePeople } from '../../sync/presence.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { buildRows } from './buildRows.ts';
import { EntryComposer } from './EntryComposer.tsx';
import { allTags, filterEntries, NO_FILTERS } from './filters.ts';
import { TimelineRow } from './TimelineRow.tsx';
import { TimelineToolbar } from './TimelineToolbar.tsx';
import { FirstScreenRows } from './FirstScreenRows.tsx';
import { useLoadingFirstScreen } from './useFirstScreen.ts';
import { useTimeline } from './useTimeline.ts';
import { focusEntryField } from './focusEntry.ts';
import { markersByTime } from '../facts/markerLabels.ts';
import { loadNotesEditor } from '../../editor/loadNotesEditor.ts';
import { RecordBoundary } from '../../ui/RecordBoundary.tsx';
import { useStableOrder } from '../../ui/stableOrder.ts';
import './timeline.css';

const ESTIMATE = { day: 38, gap: 26, entry: 52 } as const;
const entryId = (e: EntryView): string => e.id;

export function TimelineView({ focusEntry, onFocused }: { focusEntry: string | null; onFocused: () => void }) {
  const { sync, ctx, canWrite } = useReview();
  const zone = useMemo(viewerZone, []);
  const entries = useTimeline(sync.doc);
  // Nothing from the cache and the server has not answered yet: the timeline is loading, not empty.
  const { phase } = useConnection(sync.connection);
  const loading = entries.length === 0 && (phase === 'connecting' || phase === 'reconnecting');
  const [filters, setFilters] = useState(NO_FILTERS);
  // Meanwhile the server's first screen, read-only, if it had one (firstScreen.ts).
  const preview = useLoadingFirstScreen(sync.reviewId, { loading, entries: entries.length, live: phase === 'live' });
  const visible = useMemo(() => filterEntries(entries, filters), [entries, filters]);
  const previewShown = useMemo(() => (preview ? filterEntries(preview.entries, filters) : []), [preview, filters]);
  // Chat threads whose replies are folded away (this browser only).
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggleThread = useCallback(
    (id: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  // While a field of a row has focus the rows hold still: a changed time re-sorts once focus leaves the list.
  const [focused, setFocused] = useState(false);
  const ordered = useStableOrder(visible, entryId, focused);
  const rows = useMemo(() => buildRows(ordered, zone, undefined, collapsed), [ordered, zone, collapsed]);
  const tags = useMemo(() => allTags(entries), [entries]);
  const editors = editorsById(usePeople(sync.provider.awareness));
  const scrollRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<{ id: string; field: string } | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);
  const meta = useYRead(
    roots(sync.doc).meta,
    useCallback(() => readMeta(sync.doc), [sync.doc]),
  );
  const markersAt = useMemo(() => markersByTime(meta.markers), [meta]);

  // Stable while the rows are: the virtualizer lays out every row again whenever getItemKey changes, which
  // with new functions each render meant all 5,000 rows of a big review on every presence or meta change.
  const estimateSize = useCallback((i: number) => ESTIMATE[rows[i]!.type], [rows]);
  const getItemKey = useCallback((i: number) => rows[i]!.key, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 6,
  });

  // Fetch the Tiptap chunk up front so clicking into notes mounts the editor in the same frame.
  useEffect(() => {
    if (canWrite) void loadNotesEditor();
  }, [canWrite]);

  const indexOf = useCallback((id: string) => rows.findIndex((r) => r.type === 'entry' && r.entry.id === id), [rows]);

  // The row last focused, and the one that settled elsewhere once focus left the list (scrolled to, marked).
  const lastFocused = useRef<string | null>(null);
  const [settled, setSettled] = useState<string | null>(null);
  const onListFocus = (event: FocusEvent): void => {
    lastFocused.current =
      (event.target as HTMLElement).closest<HTMLElement>('[data-entry-id]')?.dataset.entryId ?? null;
    setFocused(true);
  };
  const onListBlur = (event: FocusEvent<HTMLElement>): void => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    const id = lastFocused.current;
    // Moved when what comes before it differs between the held order and the time order.
    const before = (list: readonly EntryView[]) => {
      const i = list.findIndex((e) => e.id === id);
      return i < 0 ? null : (list[i - 1]?.id ?? '');
    };
    if (id && before(ordered) !== null && before(ordered) !== before(visible)) setSettled(id);
    setFocused(false);
  };
  useEffect(() => {
    if (!settled) return;
    const index = indexOf(settled);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    setHighlight(settled);
    setSettled(null);
  }, [settled, indexOf, virtualizer]);

  // Focus a row once it exists (a new entry arrives through the doc observer a frame later).
  useEffect(() => {
    const target = pending ?? (focusEntry ? { id: focusEntry, field: '' } : null);
    if (!target) return;
    const index = indexOf(target.id);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'center' });
    if (focusEntry === target.id) {
      setHighlight(target.id);
      onFocused();
    }
    if (pending) void focusEntryField(scrollRef.current, target.id, target.field).then(() => setPending(null));
  }, [pending, focusEntry, indexOf, virtualizer, onFocused]);

  const reference = useCallback((): number => {
    const last = entries[entries.length - 1];
    return last?.at ?? readMeta(sync.doc).startedAt ?? Date.now();
  }, [entries, sync.doc]);

  const addAfter = useCallback(
    (entry: EntryView) => {
      const kind = isEntryKind(entry.kind) ? entry.kind : undefined;
      const id = addEntry(sync.doc, { at: entry.at, precision: entry.precision, kind, withNotes: true }, ctx);
      setPending({ id, field: 'summary' });
    },
    [sync.doc, ctx],
  );

  return (
    <section className="timeline" aria-label="Timeline">
      <TimelineToolbar
        filters={filters}
        onChange={setFilters}
        tags={tags}
        shown={preview ? preview.total : visible.length}
        total={preview ? preview.total : entries.length}
        zone={zone}
      />
      <div>
        {canWrite && <EntryComposer zone={zone} reference={reference} />}
        <div className="tl-head tl-grid" aria-hidden="true">
          <span>★</span>
          <span>Time</span>
          <span>Kind</span>
          <span>What happened</span>
          <span>Notes</span>
          <span>Tags</span>
          <span />
        </div>
      </div>
      <div
        className="tl-scroll"
        ref={scrollRef}
        role="table"
        aria-label="Timeline entries"
        aria-rowcount={visible.length}
        data-testid="timeline"
        onFocus={onListFocus}
        onBlur={onListBlur}
      >
        {preview && <FirstScreenRows screen={preview} entries={previewShown} zone={zone} />}
        {loading && !preview && (
          <p className="empty-state" role="status">
            Loading the timeline…
          </p>
        )}
        {rows.length === 0 && !loading && (
          <p className="empty-state">
            {entries.length === 0
              ? 'No entries yet. Type a time and what happened above, then press Enter.'
              : 'No entries match the filters.'}
          </p>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                {row.type === 'day' && (
                  <h2 className="tl-day" role="rowheader">
                    {row.label}
                  </h2>
                )}
                {row.type === 'gap' && <div className="tl-gap">⋯ {formatDuration(row.ms)} with nothing recorded</div>}
                {row.type === 'entry' && (
                  <RecordBoundary what="entry" resetKey={row.entry}>
                    <TimelineRow
                      entry={row.entry}
                      zone={zone}
                      editors={editors.get(row.entry.id)}
                      highlighted={highlight === row.entry.id}
                      onAddAfter={addAfter}
                      markers={markersAt.get(row.entry.at)}
                      thread={
                        row.replies > 0 || row.parent
                          ? {
                              parentAt: row.parent?.at ?? null,
                              replies: row.replies,
                              collapsed: collapsed.has(row.entry.id),
                              onToggle: toggleThread,
                            }
                          : undefined
                      }
                    />
                  </RecordBoundary>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
