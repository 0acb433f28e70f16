// "Import…" in the timeline toolbar, and files dropped anywhere on the page open the import dialog.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useReview } from '../../sync/ReviewContext.tsx';

const ImportDialog = lazy(() => import('./ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));

const isFileDrag = (e: DragEvent): boolean => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

export function ImportButton() {
  const { canWrite } = useReview();
  const [open, setOpen] = useState(false);
  const [dropped, setDropped] = useState<File[] | null>(null);

  useEffect(() => {
    if (!canWrite || open) return;
    const over = (e: DragEvent): void => {
      if (isFileDrag(e)) e.preventDefault();
    };
    const drop = (e: DragEvent): void => {
      if (!isFileDrag(e) || !e.dataTransfer?.files.length) return;
      e.preventDefault();
      setDropped([...e.dataTransfer.files]);
      setOpen(true);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [canWrite, open]);

  if (!canWrite) return null;
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          setDropped(null);
          setOpen(true);
        }}
        title="Import chat, alerts, logs or a table (or drop files on the page)"
      >
        Import…
      </button>
      {open && (
        <Suspense fallback={null}>
          <ImportDialog dropped={dropped} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
