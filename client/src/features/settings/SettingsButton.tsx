// The facilitator's review settings: the collection window, delay thresholds and live alert ingest.
import { useCallback, useState } from 'react';
import { readMeta, roots } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { IngestLinks } from '../ingest/IngestLinks.tsx';
import { DelaySettings } from './DelaySettings.tsx';
import { WindowSettings } from './WindowSettings.tsx';
import './settings.css';

export function SettingsButton() {
  const { role } = useReview();
  const [open, setOpen] = useState(false);
  if (role !== 'facilitator') return null;
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
        Settings
      </button>
      <Dialog open={open} title="Review settings" onClose={() => setOpen(false)}>
        {open && <SettingsBody onClose={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

function SettingsBody({ onClose }: { onClose: () => void }) {
  const { sync } = useReview();
  const meta = useYRead(
    roots(sync.doc).meta,
    useCallback(() => readMeta(sync.doc), [sync.doc]),
  );
  return (
    <>
      <WindowSettings meta={meta} />
      <DelaySettings />
      <IngestLinks />
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </>
  );
}
