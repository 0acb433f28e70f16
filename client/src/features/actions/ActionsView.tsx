// Action items: the table, the over-five warning, and contributing factors nobody has an action for yet.
import { useMemo, useState, type FormEvent } from 'react';
import { addAction, OPEN_ACTIONS_LIMIT, readActionsModel, readWhysTree, flattenWhys, roots } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYVersion } from '../../sync/useY.ts';
import { ActionRow } from './ActionRow.tsx';
import { RecordBoundary } from '../../ui/RecordBoundary.tsx';
import { actionsOfReview } from '../../app/SiteNav.tsx';
import { useStableOrder } from '../../ui/stableOrder.ts';

export function ActionsView() {
  const { sync, ctx, canWrite } = useReview();
  const doc = sync.doc;
  // The model also depends on the whys (factors), so re-read on either.
  const whysVersion = useYVersion(roots(doc).whys);
  const actionsVersion = useYVersion(roots(doc).actions);
  const { model, factors } = useMemo(
    () => ({
      model: readActionsModel(doc),
      factors: flattenWhys(readWhysTree(doc)).filter((n) => n.factor !== null),
      versions: [whysVersion, actionsVersion],
    }),
    [doc, whysVersion, actionsVersion],
  );
  const [title, setTitle] = useState('');
  // While a field of a row has focus, the rows hold still (a changed priority or due date re-sorts after).
  const [focused, setFocused] = useState(false);
  const rows = useStableOrder(model.items, (item) => item.id, focused);

  const add = (event: FormEvent, factorId?: string, factorText?: string): void => {
    event.preventDefault();
    const text = factorId ? `Address: ${factorText ?? ''}`.slice(0, 300) : title.trim();
    if (!text) return;
    addAction(doc, { title: text, ...(factorId ? { factorIds: [factorId] } : {}) }, ctx);
    setTitle('');
  };

  const missing = factors.filter((f) => model.factorsWithoutAction.includes(f.id));
  return (
    <div className="view-scroll" data-testid="actions">
      <section className="section" aria-labelledby="actions-h">
        <h2 id="actions-h">Action items</h2>
        <p className="muted">
          Specific, one owner and a due date each. {model.openCount} open of {model.items.length}.{' '}
          <a href={actionsOfReview(sync.reviewId)} data-testid="review-actions-link">
            Follow them up with other reviews’ items
          </a>
        </p>
        {model.overLimit && (
          <p className="banner banner-warn" role="status">
            {model.openCount} open action items: the method suggests three to five (at most {OPEN_ACTIONS_LIMIT}). Teams
            rarely finish more; consider merging or dropping the least valuable.
          </p>
        )}
        {canWrite && (
          <form onSubmit={add} style={{ display: 'flex', gap: 8 }} aria-label="Add an action item">
            <input
              className="input"
              style={{ flex: 1 }}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder="e.g. Add a canary stage to checkout-api deploys"
              aria-label="New action item"
            />
            <button type="submit" className="btn btn-primary">
              Add action
            </button>
          </form>
        )}
        {model.items.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Priority</th>
                <th scope="col" className="action-col">
                  Action
                </th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Impact</th>
                <th scope="col">Effort</th>
                <th scope="col">Status</th>
                {canWrite && (
                  <th scope="col">
                    <span className="visually-hidden">Delete</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody
              onFocus={() => setFocused(true)}
              onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setFocused(false)}
            >
              {rows.map((item) => (
                <RecordBoundary
                  key={item.id}
                  what="action item"
                  resetKey={item}
                  frame={(message) => (
                    <tr>
                      <td colSpan={canWrite ? 8 : 7}>{message}</td>
                    </tr>
                  )}
                >
                  <ActionRow item={item} factors={factors} />
                </RecordBoundary>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No action items yet.</p>
        )}
      </section>
      <section className="section" aria-labelledby="uncovered-h">
        <h2 id="uncovered-h">Contributing factors with no action</h2>
        {missing.length === 0 ? (
          <p className="muted">
            {factors.length
              ? 'Every contributing factor has an action.'
              : 'No whys are marked as contributing factors yet.'}
          </p>
        ) : (
          <ul className="recent-list card">
            {missing.map((f) => (
              <li key={f.id} style={{ gridTemplateColumns: '1fr auto auto' }}>
                <span>{f.text || 'Untitled why'}</span>
                <span className="badge badge-collecting">{f.factor}</span>
                {canWrite ? (
                  <button type="button" className="btn btn-small" onClick={(e) => add(e, f.id, f.text)}>
                    Create an action
                  </button>
                ) : (
                  <span />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
