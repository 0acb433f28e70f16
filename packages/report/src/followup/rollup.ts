// Cross-review views over the index entries: every action item with filters,
// completion rate and overdue count; repeat-incident follow-up; and the
// metrics page's series. Pure functions of the entries and "now".
import type { IndexedAction, ReviewIndexEntry } from './indexEntry.ts';

export interface ActionRow extends IndexedAction {
  reviewId: string;
  reviewTitle: string;
  /** Open or in progress with a due date before today (UTC). */
  overdue: boolean;
}

export interface ActionFilter {
  /** Case-insensitive substring of the owner; `none` = unassigned. */
  owner?: string;
  /** One or more statuses. */
  status?: readonly string[];
  /** Due on or before / on or after (YYYY-MM-DD). */
  dueBefore?: string;
  dueAfter?: string;
  overdue?: boolean;
  reviewId?: string;
}

export interface ActionStats {
  total: number;
  open: number;
  done: number;
  wontDo: number;
  overdue: number;
  /** done / (total - won't do); null when there is nothing to complete. */
  completionRate: number | null;
}

const isOpen = (s: string): boolean => s === 'open' || s === 'in_progress';

/** `YYYY-MM-DD` of an epoch-ms time, in UTC. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Every action item of every review, with its review and overdue flag; sorted by due date (none last), then review. */
export function actionRows(entries: readonly ReviewIndexEntry[], now: number): ActionRow[] {
  const today = utcDate(now);
  const rows = entries.flatMap((e) =>
    e.actions.map((a) => ({
      ...a,
      reviewId: e.reviewId,
      reviewTitle: e.title,
      overdue: isOpen(a.status) && a.due !== null && a.due < today,
    })),
  );
  return rows.sort((a, b) =>
    (a.due ?? '9999') < (b.due ?? '9999')
      ? -1
      : (a.due ?? '9999') > (b.due ?? '9999')
        ? 1
        : a.reviewId < b.reviewId
          ? -1
          : a.reviewId > b.reviewId
            ? 1
            : a.id < b.id
              ? -1
              : 1,
  );
}

/** The rows matching every given filter. */
export function filterActions(rows: readonly ActionRow[], f: ActionFilter): ActionRow[] {
  const owner = f.owner?.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (owner === undefined ||
        owner === '' ||
        (owner === 'none' ? r.owner === null : (r.owner ?? '').toLowerCase().includes(owner))) &&
      (f.status === undefined || f.status.length === 0 || f.status.includes(r.status)) &&
      (f.dueBefore === undefined || (r.due !== null && r.due <= f.dueBefore)) &&
      (f.dueAfter === undefined || (r.due !== null && r.due >= f.dueAfter)) &&
      (f.overdue === undefined || r.overdue === f.overdue) &&
      (f.reviewId === undefined || r.reviewId === f.reviewId),
  );
}

/** Counts and completion rate of a set of rows. */
export function actionStats(rows: readonly ActionRow[]): ActionStats {
  const done = rows.filter((r) => r.status === 'done').length;
  const wontDo = rows.filter((r) => r.status === 'wont_do').length;
  const countable = rows.length - wontDo;
  return {
    total: rows.length,
    open: rows.filter((r) => isOpen(r.status)).length,
    done,
    wontDo,
    overdue: rows.filter((r) => r.overdue).length,
    completionRate: countable === 0 ? null : done / countable,
  };
}

/** Unfinished action items of the earlier reviews `entry` links to (repeat incidents). */
export function earlierUnfinished(entry: ReviewIndexEntry, all: readonly ReviewIndexEntry[], now: number): ActionRow[] {
  const linked = new Set(entry.earlierReviewIds);
  return actionRows(
    all.filter((e) => linked.has(e.reviewId)),
    now,
  ).filter((r) => isOpen(r.status));
}
