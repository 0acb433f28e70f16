// The import dialog: source → preview → add, with a progress bar while reading or adding large sources.
import { useEffect } from 'react';
import { Dialog } from '../../ui/Dialog.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { SourceStep } from './SourceStep.tsx';
import { useImportFlow } from './useImportFlow.ts';
import './import.css';

export function ImportDialog({ onClose, dropped }: { onClose: () => void; dropped: File[] | null }) {
  const flow = useImportFlow();
  const { addFiles } = flow;
  useEffect(() => {
    if (dropped?.length) void addFiles(dropped);
  }, [dropped, addFiles]);
  const close = (): void => {
    flow.cancel();
    onClose();
  };
  return (
    <Dialog open title="Import into the timeline" onClose={close}>
      <div className="import-body">
        {flow.stage === 'source' && <SourceStep flow={flow} />}
        {flow.stage === 'source' && flow.error && (
          <p className="error-text" role="alert">
            {flow.error}
          </p>
        )}
        {flow.stage === 'parsing' && flow.progress && (
          <ProgressBar label="Reading" progress={flow.progress} onCancel={flow.cancel} />
        )}
        {flow.stage === 'preview' && <PreviewStep flow={flow} />}
        {flow.stage === 'applying' && flow.progress && <ProgressBar label="Adding" progress={flow.progress} />}
        {flow.stage === 'done' && flow.result && (
          <>
            <p role="status" data-testid="import-done">
              Added {flow.result.added.toLocaleString()} {flow.result.added === 1 ? 'entry' : 'entries'} to the timeline
              {flow.result.alreadyPresent > 0 && ` (${flow.result.alreadyPresent.toLocaleString()} were already in)`}.
              Everyone sees them now.
            </p>
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={flow.back}>
                Import more
              </button>
              <button type="button" className="btn btn-primary" onClick={close}>
                Done
              </button>
            </div>
          </>
        )}
        {flow.stage === 'source' && (
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
          </div>
        )}
      </div>
    </Dialog>
  );
}
