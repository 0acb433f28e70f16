// The annotations on the record selected in the panel, and the form to add one.
import { useMemo } from 'react';
import type { AnnotationView } from '@hindsight/doc';
import { viewerZone } from '../../app/timeZone.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { AddAnnotationForm } from './AddAnnotationForm.tsx';
import { AnnotationItem } from './AnnotationItem.tsx';
import { describeTarget } from './describeTarget.ts';
import type { FacilitationApi } from './FacilitationContext.ts';

export function TargetAnnotations({ api, annotations }: { api: FacilitationApi; annotations: AnnotationView[] }) {
  const { sync } = useReview();
  const zone = useMemo(viewerZone, []);
  const target = api.selected;
  if (!target) {
    return (
      <section className="panel-section" aria-labelledby="annotations-h">
        <h2 id="annotations-h">Annotations</h2>
        <p className="muted small">
          Choose ✎ on a timeline entry or a why to annotate it: a delay, missing information, failed automation, a
          question or a comment.
        </p>
      </section>
    );
  }
  const mine = annotations.filter((a) => a.target.id === target.id);
  return (
    <section className="panel-section" aria-labelledby="annotations-h" data-testid="target-annotations">
      <div className="panel-row">
        <h2 id="annotations-h" className="grow">
          Annotations
        </h2>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => api.select(null)}>
          Close
        </button>
      </div>
      <p className="target-label">{describeTarget(sync.doc, target, zone)}</p>
      {mine.length === 0 ? (
        <p className="muted small">None yet.</p>
      ) : (
        <ul className="annotations">
          {mine.map((a) => (
            <AnnotationItem key={a.id} annotation={a} canManage={api.isFacilitator} />
          ))}
        </ul>
      )}
      {api.canAnnotate && <AddAnnotationForm key={target.id} target={target} isFacilitator={api.isFacilitator} />}
    </section>
  );
}
