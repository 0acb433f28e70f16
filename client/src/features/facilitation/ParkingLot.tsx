// The parking lot: open questions raised on entries and whys, for everyone; the facilitator resolves them.
import { useMemo, useState } from 'react';
import type { AnnotationView } from '@hindsight/doc';
import { viewerZone } from '../../app/timeZone.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { AnnotationItem } from './AnnotationItem.tsx';
import { describeTarget } from './describeTarget.ts';
import type { FacilitationApi } from './FacilitationContext.ts';

export function ParkingLot({ api, annotations }: { api: FacilitationApi; annotations: AnnotationView[] }) {
  const { sync } = useReview();
  const zone = useMemo(viewerZone, []);
  const [showResolved, setShowResolved] = useState(false);
  const questions = annotations.filter((a) => a.kind === 'question' && a.targetExists);
  const open = questions.filter((q) => !q.resolved);
  const shown = showResolved ? questions : open;
  return (
    <section className="panel-section" aria-labelledby="parking-h" data-testid="parking-lot">
      <div className="panel-row">
        <h2 id="parking-h" className="grow">
          Open questions <span className="count">{open.length}</span>
        </h2>
        {questions.length > open.length && (
          <label className="small">
            <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show
            resolved
          </label>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="muted small">No open questions. Add one with ✎ on an entry or a why.</p>
      ) : (
        <ul className="annotations">
          {shown.map((q) => {
            const target = { kind: q.target.type, id: q.target.id };
            return (
              <AnnotationItem
                key={q.id}
                annotation={q}
                canManage={api.isFacilitator}
                context={
                  <button type="button" className="link-btn small" onClick={() => api.select(target)}>
                    on {describeTarget(sync.doc, target, zone)}
                  </button>
                }
              />
            );
          })}
        </ul>
      )}
    </section>
  );
}
