// The pre-publish checklist: every open blameless-language finding and low-leverage action, dismissed ones apart.
import { restoreFinding } from '@hindsight/doc';
import type { ReviewCheck } from '@hindsight/report';
import { useReview } from '../../sync/ReviewContext.tsx';
import { DismissFinding } from '../language/DismissFinding.tsx';
import { targetLabel } from './targetLabel.ts';

export function Checklist({ check }: { check: ReviewCheck }) {
  const { sync, ctx, canWrite } = useReview();
  const lowLeverage = check.actions.filter((a) => a.warnings.some((w) => w.kind !== 'no-owner' && w.kind !== 'no-due'));
  const incomplete = check.actions.filter((a) => !lowLeverage.includes(a));
  return (
    <section className="panel-block" aria-labelledby="checklist-h" data-testid="checklist">
      <h3 id="checklist-h">Pre-publish checklist</h3>
      {check.clean ? (
        <p className="check-ok" role="status">
          <span aria-hidden="true">✓ </span>No blaming wording and no low-leverage action items.
        </p>
      ) : (
        <p role="status">
          <strong>{check.findings.length}</strong> wording {check.findings.length === 1 ? 'finding' : 'findings'},{' '}
          <strong>{lowLeverage.length}</strong> low-leverage {lowLeverage.length === 1 ? 'action' : 'actions'}.
        </p>
      )}
      {check.findings.length > 0 && (
        <ul className="checklist">
          {check.findings.map((f) => (
            <li key={`${f.key}@${f.start}`}>
              <span className="check-where">{targetLabel(sync.doc, f.target)}</span>
              <span>
                <span aria-hidden="true">⚑ </span>
                <strong>“{f.match}”</strong> — {f.message}
              </span>
              <span className="muted">Try: {f.suggestion}</span>
              {canWrite && <DismissFinding finding={f} />}
            </li>
          ))}
        </ul>
      )}
      {lowLeverage.length > 0 && (
        <ul className="checklist">
          {lowLeverage.map((a) => (
            <li key={a.id}>
              <span className="check-where">Action item</span>
              <strong>{a.title || 'Untitled action'}</strong>
              {a.warnings
                .filter((w) => w.kind !== 'no-owner' && w.kind !== 'no-due')
                .map((w) => (
                  <span key={w.kind}>
                    <span aria-hidden="true">⚠ </span>
                    {w.message} <span className="muted">{w.suggestion}</span>
                  </span>
                ))}
            </li>
          ))}
        </ul>
      )}
      {incomplete.length > 0 && (
        <p className="muted small">
          {incomplete.length} open {incomplete.length === 1 ? 'item has' : 'items have'} no owner or no deadline yet.
        </p>
      )}
      {check.dismissed.length > 0 && (
        <details>
          <summary>{check.dismissed.length} dismissed</summary>
          <ul className="checklist">
            {check.dismissed.map((f) => (
              <li key={`${f.key}@${f.start}`}>
                <span className="check-where">{targetLabel(sync.doc, f.target)}</span>
                <span>
                  “{f.match}” — dismissed by {f.dismissal?.by ?? 'someone'}: {f.dismissal?.reason}
                </span>
                {canWrite && (
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    onClick={() => restoreFinding(sync.doc, f.key, ctx)}
                  >
                    Restore
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
