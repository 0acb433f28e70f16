// Turns sorted timeline entries into the rows the virtual list draws: day headers, gaps, entries.
import { dayKey, formatDay } from '../../app/timeZone.ts';

/** The minimum an entry needs for row layout. */
export interface RowEntry {
  id: string;
  at: number;
}

export type TimelineRow<E extends RowEntry> =
  | { type: 'day'; key: string; label: string }
  | { type: 'gap'; key: string; ms: number }
  | { type: 'entry'; key: string; entry: E };

/** Gaps at least this long between consecutive entries are called out. */
export const LONG_GAP_MS = 15 * 60_000;

/** Rows for already sorted (and filtered) entries; days in the viewer's `zone`. */
export function buildRows<E extends RowEntry>(
  entries: readonly E[],
  zone: string,
  longGap = LONG_GAP_MS,
): TimelineRow<E>[] {
  const rows: TimelineRow<E>[] = [];
  let lastDay = '';
  let prev: E | null = null;
  for (const entry of entries) {
    const day = dayKey(entry.at, zone);
    if (prev && entry.at - prev.at >= longGap)
      rows.push({ type: 'gap', key: `gap:${entry.id}`, ms: entry.at - prev.at });
    if (day !== lastDay) {
      rows.push({ type: 'day', key: `day:${day}`, label: formatDay(entry.at, zone) });
      lastDay = day;
    }
    rows.push({ type: 'entry', key: entry.id, entry });
    prev = entry;
  }
  return rows;
}
