// Turns sorted timeline entries into the rows the virtual list draws: day headers,
// gaps, entries; chat thread replies right under their parent (collapsible).
import { dayKey, formatDay } from '../../app/timeZone.ts';

/** The minimum an entry needs for row layout. */
export interface RowEntry {
  id: string;
  at: number;
  /** Stable identity of an imported original (a thread parent is found by it). */
  importKey?: string | null;
  /** The `importKey` of the entry this one replies to. */
  replyTo?: string | null;
}

export type TimelineRow<E extends RowEntry> =
  | { type: 'day'; key: string; label: string }
  | { type: 'gap'; key: string; ms: number }
  | {
      type: 'entry';
      key: string;
      entry: E;
      /** 1 for a reply shown under its parent. */
      depth: 0 | 1;
      /** How many replies sit under this entry (0 for most). */
      replies: number;
      /** The parent of a reply shown under it. */
      parent: E | null;
    };

/** Gaps at least this long between consecutive entries are called out. */
export const LONG_GAP_MS = 15 * 60_000;

/**
 * Rows for already sorted (and filtered) entries; days in the viewer's `zone`.
 * A reply whose parent is among `entries` follows the parent (in time order),
 * hidden while the parent's id is in `collapsed`; other replies stand alone.
 */
export function buildRows<E extends RowEntry>(
  entries: readonly E[],
  zone: string,
  longGap = LONG_GAP_MS,
  collapsed: ReadonlySet<string> = new Set(),
): TimelineRow<E>[] {
  const byKey = new Map<string, E>();
  for (const e of entries) if (e.importKey) byKey.set(e.importKey, e);
  const repliesOf = new Map<string, E[]>();
  for (const e of entries) {
    const parent = e.replyTo ? byKey.get(e.replyTo) : undefined;
    if (parent && parent !== e) repliesOf.set(parent.id, [...(repliesOf.get(parent.id) ?? []), e]);
  }
  const isReply = (e: E): boolean => !!e.replyTo && byKey.has(e.replyTo) && byKey.get(e.replyTo) !== e;
  const rows: TimelineRow<E>[] = [];
  // A row held in place after its time moved to another day can repeat a day header: keys stay unique.
  const dayKeys = new Set<string>();
  let lastDay = '';
  let prev: E | null = null;
  for (const entry of entries) {
    if (isReply(entry)) continue;
    const day = dayKey(entry.at, zone);
    if (prev && entry.at - prev.at >= longGap)
      rows.push({ type: 'gap', key: `gap:${entry.id}`, ms: entry.at - prev.at });
    if (day !== lastDay) {
      const key = dayKeys.has(`day:${day}`) ? `day:${day}:${entry.id}` : `day:${day}`;
      dayKeys.add(key);
      rows.push({ type: 'day', key, label: formatDay(entry.at, zone) });
      lastDay = day;
    }
    const replies = repliesOf.get(entry.id) ?? [];
    rows.push({ type: 'entry', key: entry.id, entry, depth: 0, replies: replies.length, parent: null });
    if (!collapsed.has(entry.id)) {
      for (const r of replies) rows.push({ type: 'entry', key: r.id, entry: r, depth: 1, replies: 0, parent: entry });
    }
    prev = entry;
  }
  return rows;
}
