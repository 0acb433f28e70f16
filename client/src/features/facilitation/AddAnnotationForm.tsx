// Adds an annotation to the selected record: kind (responders: question or comment) and text; Enter adds it.
import { useState, type FormEvent } from 'react';
import { ANNOTATION_KIND_LABELS, addAnnotation, type AnnotationKind } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { kindsFor } from './annotationKinds.ts';
import type { Target } from './FacilitationContext.ts';

export function AddAnnotationForm({ target, isFacilitator }: { target: Target; isFacilitator: boolean }) {
  const { sync, ctx } = useReview();
  const kinds = kindsFor(isFacilitator);
  const [kind, setKind] = useState<AnnotationKind>(isFacilitator ? 'comment' : 'question');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!text.trim() && (kind === 'question' || kind === 'comment')) {
      setError(`Write the ${kind} first.`);
      return;
    }
    try {
      addAnnotation(sync.doc, { target: { type: target.kind, id: target.id }, kind, text: text.trim() }, ctx);
      setText('');
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form className="annotation-form" onSubmit={submit} aria-label="Add an annotation">
      <label className="field">
        <span>Kind</span>
        <select className="input" value={kind} onChange={(e) => setKind(e.target.value as AnnotationKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {ANNOTATION_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field grow">
        <span>Text</span>
        <input
          className="input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={kind === 'question' ? 'What do we still need to find out?' : 'Optional detail'}
          data-testid="annotation-text"
        />
      </label>
      <button type="submit" className="btn btn-small btn-primary">
        Add
      </button>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
