// Per-person undo in a review: Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z outside text fields undo and redo this
// person's own changes, and a delete shows an "Entry deleted · Undo" notice instead of asking first.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useReview } from '../../sync/ReviewContext.tsx';
import { createUndoManager, undoIntent, undoOrRedo } from '../../sync/undo.ts';
import { isTextField } from '../../ui/textField.ts';
import './undo.css';

interface UndoApi {
  /** Runs a delete as its own undo step and offers to undo it (`what` e.g. "Entry deleted"). */
  deleted(what: string, run: () => void): void;
}

const UndoContext = createContext<UndoApi>({ deleted: (_what, run) => run() });

export const useUndo = (): UndoApi => useContext(UndoContext);

/** How long the notice stays, unless a later change of mine replaces what Undo would undo. */
const NOTICE_MS = 15_000;

export function UndoLayer({ children }: { children: ReactNode }) {
  const { sync, canWrite } = useReview();
  const manager = useMemo(() => createUndoManager(sync.doc), [sync.doc]);
  useEffect(() => () => manager.destroy(), [manager]);
  const [notice, setNotice] = useState<{ what: string; serial: number } | null>(null);

  useEffect(() => {
    if (!canWrite) return;
    const onKey = (event: KeyboardEvent): void => {
      const intent = undoIntent(event);
      // Text fields keep their own undo (Tiptap's inside the editor, the browser's in inputs).
      if (!intent || event.defaultPrevented || isTextField(event.target)) return;
      event.preventDefault();
      undoOrRedo(manager, intent);
      setNotice(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [manager, canWrite]);

  useEffect(() => {
    // A later change of mine becomes what Undo would undo, so the notice no longer tells the truth.
    const hide = (): void => setNotice(null);
    manager.on('stack-item-added', hide);
    return () => manager.off('stack-item-added', hide);
  }, [manager]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const api = useMemo<UndoApi>(
    () => ({
      deleted(what, run) {
        manager.stopCapturing();
        run();
        manager.stopCapturing();
        setNotice((n) => ({ what, serial: (n?.serial ?? 0) + 1 }));
      },
    }),
    [manager],
  );

  return (
    <UndoContext.Provider value={api}>
      {children}
      <div className="undo-notice-region" role="status" aria-live="polite">
        {notice && (
          <div className="undo-notice card" data-testid="undo-notice" key={notice.serial}>
            <span>{notice.what}</span>
            <span aria-hidden="true">·</span>
            <button
              type="button"
              className="btn btn-small"
              title="Ctrl+Z (⌘Z on a Mac)"
              onClick={() => {
                undoOrRedo(manager, 'undo');
                setNotice(null);
              }}
            >
              Undo
            </button>
          </div>
        )}
      </div>
    </UndoContext.Provider>
  );
}
