// The collection window's end (in the viewer's zone), with quick extensions; facilitators only.
import { useState } from 'react';
import { setCollectionEndsAt, type MetaView, formatDuration } from '@hindsight/doc';
import { formatUtc, fromLocalInput, toLocalInput, viewerZone } from '../../app/timeZone.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { extendWindow } from '../collection/extendWindow.ts';

export function WindowSettings({ meta }: { meta: MetaView }) {
  const { sync, ctx } = useReview();
  const zone = viewerZone();
  const endsAt = meta.collectionEndsAt;
  const [value, setValue] = useState(endsAt === null ? '' : toLocalInput(endsAt, zone));
  const parsed = fromLocalInput(value, zone);
  const left = endsAt === null ? null : endsAt - Date.now();
  return (
    <section className="settings-section" aria-labelledby="window-h">
      <h3 id="window-h">Collection window</h3>
      <p className="muted">
        {left === null
          ? 'No end is set.'
          : left > 0
            ? `Ends in ${formatDuration(left)}; then the review moves to reviewing by itself.`
            : 'It has ended.'}{' '}
        {endsAt !== null && <span title={formatUtc(endsAt)}>({zone})</span>}
      </p>
      <div className="settings-row">
        <label className="field">
          <span>Ends at ({zone})</span>
          <input
            className="input"
            type="datetime-local"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={value !== '' && parsed === null}
          />
        </label>
        <button
          type="button"
          className="btn"
          disabled={parsed === null || parsed === endsAt}
          onClick={() => parsed !== null && setCollectionEndsAt(sync.doc, parsed, ctx)}
        >
          Set end
        </button>
        {[3, 24].map((h) => (
          <button
            key={h}
            type="button"
            className="btn"
            onClick={() => {
              extendWindow(sync.doc, h, ctx);
              setValue(toLocalInput(Math.max(Date.now(), endsAt ?? 0) + h * 3_600_000, zone));
            }}
          >
            Extend by {h} h
          </button>
        ))}
      </div>
    </section>
  );
}
