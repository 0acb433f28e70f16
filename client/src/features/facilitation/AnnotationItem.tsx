// One annotation: kind, text, author and time; the facilitator resolves, reopens or deletes it.
import { annotationKindLabel, deleteAnnotation, setAnnotationResolved, type AnnotationView } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { LocalTime } from '../../ui/LocalTime.tsx';

export interface AnnotationItemProps {
  annotation: AnnotationView;
  canManage: boolean;
  /** Shown above the text, e.g. which record it is on (the parking lot). */
  context?: React.ReactNode;
}

export function AnnotationItem({ annotation: a, canManage, context }: AnnotationItemProps) {
  const { sync, ctx } = useReview();
  return (
    <li className={`annotation kind-${a.kind}${a.resolved ? ' is-resolved' : ''}`} data-testid="annotation">
      <div className="annotation-head">
        <span className={`kind-badge kind-${a.kind}`}>{annotationKindLabel(a.kind)}</span>
        {a.resolved && <span className="badge">resolved</span>}
        <span className="muted small">
          {a.author ?? 'someone'} · <LocalTime ms={a.at} />
        </span>
      </div>
      {context}
      {a.text && <p className="annotation-text">{a.text}</p>}
      {canManage && (
        <div className="annotation-actions">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setAnnotationResolved(sync.doc, { id: a.id, resolved: !a.resolved }, ctx)}
          >
            {a.resolved ? 'Reopen' : 'Resolve'}
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => deleteAnnotation(sync.doc, a.id, ctx)}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
