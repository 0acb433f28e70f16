// Names and terms the anonymised report must hide: added by the facilitator, kept in the review.
import { useCallback, useState, type FormEvent } from 'react';
import { PublishingRoot, addRedaction, readRedactions, removeRedaction, type RedactionKind } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';

export function Redactions({ onChange }: { onChange?: () => void }) {
  const { sync, ctx } = useReview();
  const redactions = useYRead(
    sync.doc.getMap(PublishingRoot.redactions),
    useCallback(() => readRedactions(sync.doc), [sync.doc]),
  );
  const [term, setTerm] = useState('');
  const [kind, setKind] = useState<RedactionKind>('name');
  const [role, setRole] = useState('responder');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    try {
      addRedaction(sync.doc, { term: term.trim(), kind, ...(kind === 'name' ? { role } : {}) }, ctx);
      setTerm('');
      setError(null);
      onChange?.();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section className="panel-block" aria-labelledby="redactions-h">
      <h4 id="redactions-h">Also hide</h4>
      <form className="redaction-form" onSubmit={submit}>
        <label className="field grow">
          <span>Name or term</span>
          <input className="input" value={term} maxLength={120} onChange={(e) => setTerm(e.target.value)} />
        </label>
        <label className="field">
          <span>As</span>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as RedactionKind)}>
            <option value="name">a person</option>
            <option value="term">a term</option>
            <option value="keep">not a person</option>
          </select>
        </label>
        {kind === 'name' && (
          <label className="field">
            <span>Role</span>
            <input className="input" value={role} maxLength={40} onChange={(e) => setRole(e.target.value)} size={10} />
          </label>
        )}
        <button type="submit" className="btn btn-small" disabled={!term.trim()}>
          Add
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {redactions.length > 0 && (
        <ul className="chip-list" aria-label="Hidden in the anonymised report">
          {redactions.map((r) => (
            <li key={r.term} className="chip">
              {r.term}{' '}
              <span className="muted">
                ({r.kind === 'name' ? (r.role ?? 'responder') : r.kind === 'keep' ? 'not a person' : 'term'})
              </span>
              <button
                type="button"
                className="btn-icon"
                aria-label={r.kind === 'keep' ? `Flag ${r.term} again` : `Stop hiding ${r.term}`}
                onClick={() => {
                  removeRedaction(sync.doc, r.term, ctx);
                  onChange?.();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
