// Filters of the cross-review actions page: owner, status, due range, overdue, review.
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '@hindsight/doc';
import type { ActionQuery } from './followupApi.ts';

const STATUSES = ACTION_STATUSES.map((s) => [s, ACTION_STATUS_LABELS[s]] as const);

export interface ActionFiltersProps {
  query: ActionQuery;
  onChange: (q: ActionQuery) => void;
  reviews: { id: string; title: string }[];
}

export function ActionFilters({ query, onChange, reviews }: ActionFiltersProps) {
  const set = (patch: Partial<ActionQuery>): void => onChange({ ...query, ...patch });
  const status = query.status ?? [];
  const toggle = (s: string, on: boolean): void => set({ status: on ? [...status, s] : status.filter((x) => x !== s) });
  return (
    <form className="card action-filters" aria-label="Filter action items" onSubmit={(e) => e.preventDefault()}>
      <label className="field">
        <span>Owner</span>
        <input
          className="input"
          value={query.owner ?? ''}
          placeholder="name, or “none”"
          onChange={(e) => set({ owner: e.target.value })}
        />
      </label>
      <fieldset className="field status-filter">
        <legend>Status</legend>
        {STATUSES.map(([value, label]) => (
          <label key={value} className="check">
            <input type="checkbox" checked={status.includes(value)} onChange={(e) => toggle(value, e.target.checked)} />
            {label}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Due from</span>
        <input
          className="input"
          type="date"
          value={query.dueAfter ?? ''}
          onChange={(e) => set({ dueAfter: e.target.value || undefined })}
        />
      </label>
      <label className="field">
        <span>Due until</span>
        <input
          className="input"
          type="date"
          value={query.dueBefore ?? ''}
          onChange={(e) => set({ dueBefore: e.target.value || undefined })}
        />
      </label>
      <label className="check overdue-filter">
        <input type="checkbox" checked={!!query.overdue} onChange={(e) => set({ overdue: e.target.checked })} />
        Overdue only
      </label>
      <label className="field">
        <span>Review</span>
        <select
          className="input"
          value={query.review ?? ''}
          onChange={(e) => set({ review: e.target.value || undefined })}
        >
          <option value="">All reviews</option>
          {reviews.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange({})}>
        Clear filters
      </button>
    </form>
  );
}
