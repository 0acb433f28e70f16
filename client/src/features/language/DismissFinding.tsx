// Dismissing one blameless-language finding: a reason is required and kept in the review for everyone.
import { useState, type FormEvent } from 'react';
import { dismissFinding } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import type { OpenFinding } from './useFindings.ts';

export function DismissFinding({ finding }: { finding: Pick<OpenFinding, 'key' | 'rule' | 'match'> }) {
  const { sync, ctx } = useReview();
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  if (!editing) {
    return (
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setEditing(true)}>
        Dismiss…
      </button>
    );
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!reason.trim()) return;
    dismissFinding(
      sync.doc,
      { key: finding.key, rule: finding.rule, match: finding.match, reason: reason.trim() },
      ctx,
    );
    setEditing(false);
  };
  return (
    <form className="lang-dismiss" onSubmit={submit}>
      <label className="field">
        <span>Why is “{finding.match}” fine here?</span>
        <input
          className="input"
          value={reason}
          maxLength={500}
          autoFocus
          onChange={(e) => setReason(e.target.value)}
          placeholder="e.g. quoting the alert's own text"
        />
      </label>
      <div className="lang-dismiss-actions">
        <button type="submit" className="btn btn-small" disabled={!reason.trim()}>
          Dismiss
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
