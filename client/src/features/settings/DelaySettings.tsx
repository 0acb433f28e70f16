// The review's delay thresholds (stored in the document, so everyone's timeline flags the same gaps).
import { useCallback } from 'react';
import { readDelayThresholds, roots, setDelayThresholds, type DelayThresholds } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';

const FIELDS: { key: keyof DelayThresholds; label: string }[] = [
  { key: 'alertResponseMs', label: 'Alert → first response, at least (minutes)' },
  { key: 'detectMitigateMs', label: 'Detection → mitigation, at least (minutes)' },
];

export function DelaySettings() {
  const { sync, ctx } = useReview();
  const thresholds = useYRead(
    roots(sync.doc).meta,
    useCallback(() => readDelayThresholds(sync.doc), [sync.doc]),
  );
  const save = (key: keyof DelayThresholds, minutes: number): void => {
    if (!Number.isFinite(minutes) || minutes < 1 || minutes > 7 * 24 * 60) return;
    setDelayThresholds(sync.doc, { [key]: Math.round(minutes) * 60_000 }, ctx);
  };
  return (
    <section className="settings-section" aria-labelledby="delays-h">
      <h3 id="delays-h">Delays flagged in the timeline</h3>
      <p className="muted">Gaps at least this long are marked on the timeline for everyone.</p>
      <div className="settings-row">
        {FIELDS.map(({ key, label }) => (
          <label key={key} className="field">
            <span>{label}</span>
            <input
              className="input"
              type="number"
              min={1}
              max={10080}
              key={thresholds[key]}
              defaultValue={Math.round(thresholds[key] / 60_000)}
              onBlur={(e) => save(key, Number(e.target.value))}
              onKeyDown={(e) => e.key === 'Enter' && save(key, Number(e.currentTarget.value))}
            />
          </label>
        ))}
      </div>
    </section>
  );
}
