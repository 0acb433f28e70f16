// The rows of the cross-review actions page.
import { actionStatusLabel } from '@hindsight/doc';
import type { ActionRow } from '@hindsight/report';
import { REVIEW_PAGE_PATH } from '@hindsight/protocol';
import '../actions/actions.css';

export function ActionsTable({ items }: { items: ActionRow[] }) {
  if (items.length === 0) return <p className="muted empty-state">No action items match these filters.</p>;
  return (
    <table className="table actions-table">
      <caption className="visually-hidden">Action items across all reviews</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
          <th scope="col">Priority</th>
          <th scope="col">Review</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={`${a.reviewId}:${a.id}`} className={a.overdue ? 'is-overdue' : undefined}>
            <td>
              {a.link ? (
                <a href={a.link} rel="noreferrer noopener" target="_blank">
                  {a.title || 'Untitled action'}
                </a>
              ) : (
                a.title || <span className="muted">Untitled action</span>
              )}
            </td>
            <td>{a.owner ?? <span className="muted">no owner</span>}</td>
            <td>
              {a.due ?? <span className="muted">—</span>}
              {a.overdue && <span className="badge badge-overdue">overdue</span>}
            </td>
            <td>{actionStatusLabel(a.status)}</td>
            <td>{a.priority ?? <span className="muted">—</span>}</td>
            <td>
              <a href={`${REVIEW_PAGE_PATH}/${encodeURIComponent(a.reviewId)}`}>{a.reviewTitle}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
